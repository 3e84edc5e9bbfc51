#!/usr/bin/env bash
# bench/profile.sh BENCHDIR -- where SLUB's time goes in the 64-byte LIFO
# test, and with sheaves (SLUB_SHEAVES=32) in the LIFO and batch tests
# (make bench-profile). Writes BENCHDIR/profile.txt.
#
# perf samples the benchmark build as it runs (cpu-clock: this VM has no
# hardware counters). callgrind counts instructions exactly, but valgrind
# does not implement rseq, so glibc registers none and an rseq fast path
# takes its fallback: its figures describe that fallback, not the rseq path.
set -euo pipefail
dir=$1
bin=$dir/bench-slub
out=$dir/profile.txt
[ -x "$bin" ] || { echo "profile: no $bin" >&2; exit 1; }
: > "$out"

if command -v perf >/dev/null && perf record -q -o /dev/null true 2>/dev/null
then
	perf record -q -F 20000 -o "$dir/perf.data" -- "$bin" -r 5 lifo64 \
		>/dev/null 2>&1
	{
		echo "== perf: 64-byte kmem_cache LIFO, self time by symbol"
		perf report -i "$dir/perf.data" --stdio --no-children \
			--percent-limit 0.5 --sort symbol 2>/dev/null |
			grep -v '^#' | grep -v '^$'
		echo
		echo "== perf: self time by source line (the #line directives"
		echo "   point into slub.nw; perf may print the name slub.c)"
		timeout 300 perf report -i "$dir/perf.data" --stdio \
			--no-children --sort srcline --percent-limit 1 \
			2>/dev/null | grep -v '^#' | grep -v '^$' |
			while read -r pct where; do
				if [[ $where =~ ^slub\.(c|nw):([0-9]+)$ ]]; then
					n=${BASH_REMATCH[2]}
					printf '%8s  slub.nw:%-5s %s\n' "$pct" "$n" \
						"$(sed -n "${n}p" slub.nw |
						   sed 's/^[[:space:]]*//' | cut -c1-60)"
				else
					printf '%8s  %s\n' "$pct" "$where"
				fi
			done
		for w in lifo64 batch; do
		SLUB_SHEAVES=32 perf record -q -F 20000 \
			-o "$dir/perf-sheaves.data" -- "$bin" -r 3 $w \
			>/dev/null 2>&1
		echo
		echo "== perf: kmem_cache $w with SLUB_SHEAVES=32, self time"
		perf report -i "$dir/perf-sheaves.data" --stdio \
			--no-children --percent-limit 1 --sort symbol \
			2>/dev/null | grep -v '^#' | grep -v '^$'
	done
	for sym in kmem_cache_alloc kmem_cache_free; do
			echo
			echo "== perf annotate $sym (hottest lines)"
			perf annotate -i "$dir/perf.data" --stdio -s "$sym" \
				2>/dev/null | awk -F: '$1+0 >= 1.0' |
				sort -rn | head -25
		done
	} >> "$out"
else
	echo "== perf: not available" >> "$out"
fi

if command -v valgrind >/dev/null; then
	valgrind -q --tool=callgrind --callgrind-out-file="$dir/callgrind.out" \
		--toggle-collect=lifo_once "$bin" -s -r 3 lifo64 >/dev/null
	ann=$(callgrind_annotate --inclusive=no "$dir/callgrind.out" 2>/dev/null)
	pairs=$(grep -oE '=> .*:kmem_cache_alloc \([0-9,]+x\)' <<<"$ann" |
		head -1 | grep -oE '[0-9,]+x' | tr -d ,x)
	{
		echo
		echo "== callgrind: instructions per 64-byte LIFO pair, by function"
		echo "   (rseq is off under valgrind: an rseq fast path shows its"
		echo "   fallback here)"
		callgrind_annotate --inclusive=no --auto=no \
			"$dir/callgrind.out" 2>/dev/null |
			grep -E '^ *[0-9,]+ \( *[0-9.]+%\) ' |
			grep -v 'PROGRAM TOTALS' | tr -d , |
			awk -v n="${pairs:-1}" '$1 / n >= 0.05 {
				f = $0; sub(/ \[.*$/, "", f); sub(/^.*\) +/, "", f)
				printf "%8.1f  %s\n", $1 / n, f }' |
			head -15
		} >> "$out"
fi
cat "$out"
