#!/usr/bin/env bash
# grade.sh [--ex "NN ..."] [--submission DIR] [--json FILE] [--timeout S]
#          [--format gradescope|prairielearn --results FILE]
# Build and grade exercises (default: all) with the student files of
# exercises/NN-*/student/, or those found anywhere under DIR. Prints each
# exercise's tests with their points, the total "Score: N/M" and, last,
# "N passed, N failed". A build failure costs that exercise's tests and
# nothing else. Run from the top of the repository (make grade does).
set -uo pipefail
. exercises/scripts/common.sh
exs=$(ex_all) sub= json= timeout=10 format= results=
while [ $# -gt 0 ]; do
	case $1 in
	--ex) exs=$2; shift ;;
	--submission) sub=$2; shift ;;
	--json) json=$2; shift ;;
	--timeout) timeout=$2; shift ;;
	--format) format=$2; shift ;;
	--results) results=$2; shift ;;
	*) die "usage: grade.sh [--ex \"NN ...\"] [--submission DIR] [--json FILE] [--timeout S] [--format gradescope|prairielearn --results FILE]" ;;
	esac
	shift
done
for ex in $exs; do ex_dir "$ex" >/dev/null || exit 2; done
case $format in
''|gradescope|prairielearn) ;;
*) die "grade.sh: unknown FORMAT '$format' (expected gradescope or prairielearn)" ;;
esac
if [ -n "$format" ]; then
	[ -n "$results" ] || die "grade.sh: --format needs --results FILE"
	[ -n "$json" ] || json=$(mktemp)
fi
kind=work
if [ -n "$sub" ]; then
	[ -d "$sub" ] || die "no directory $sub"
	kind=sub
fi
B_EX=${B_EX:-build/ex}
root=$B_EX/$kind
mkdir -p "$root"
# a private copy of the scenario library: another make may be rebuilding it
cp "$LIBSCN" "$B_EX/libscn.a.tmp" && mv "$B_EX/libscn.a.tmp" "$B_EX/libscn.a"
export LIBSCN=$B_EX/libscn.a

# Where the files of exercise NN are: the student directory, or a copy
# of the submission's files (a missing one is replaced by its skeleton).
srcdir() {
	local ex=$1 d f found
	local from=$sub
	if [ -z "$sub" ]; then
		from=$(ex_src "$ex")
		missing=0
		for f in $(ex_files "$ex"); do
			[ -f "$from/$f" ] || missing=1
		done
		if [ $missing = 0 ]; then
			echo "$from"
			return
		fi
	fi
	d=$root/src/$ex
	rm -rf "$d"
	mkdir -p "$d"
	for f in $(ex_files "$ex"); do
		found=$(find "$from" -name "$f" -type f 2>/dev/null | sort | head -1)
		if [ -n "$found" ]; then
			cp "$found" "$d/$f"
		else
			echo "note: $f is not in $from: graded as the untouched skeleton" >&2
			bash $EXDIR/scripts/skeleton.sh "$f" >"$d/$f"
		fi
	done
	echo "$d"
}

# Say where each exercise's files come from.
if [ -z "$sub" ]; then
	for ex in $exs; do
		src=$(ex_src "$ex")
		if [ "$(echo $exs | wc -w)" = 1 ] || [ "${src#"$WORK_DIR"/}" != "$src" ]; then
			echo "exercise $ex: grading the files in $src/"
		fi
	done
fi
# Build every exercise first (two at a time), then run the tests in order.
for ex in $exs; do
	echo "$ex $(srcdir "$ex")"
done >"$root/jobs"
export QUIET=1
xargs -P "$(nproc)" -L1 sh -c 'bash exercises/scripts/build.sh "$0" "$1" "'"$root"'/$0" >/dev/null 2>&1; echo $? >"'"$root"'/$0.built"' <"$root/jobs"

total=0 max=0 npass=0 nfail=0 parts=()
summary=()
for ex in $exs; do
	out=$root/$ex
	if [ "$(cat "$out.built" 2>/dev/null)" = 0 ]; then
		# a student's failed scenario is kept there, to watch
		scn=
		if [ "$kind" = work ]; then
			scn=$out/scenarios
			mkdir -p "$scn"
		fi
		EX_SCN_DIR=$scn timeout $((timeout * 40 + 60)) "$out/test" --timeout "$timeout" \
			--json "$out/result.json" --label "$kind" >"$out/output" 2>&1
		cat "$out/output"
		parts+=("$out/result.json")
	else
		# The test list: the tests linked without any allocator (only
		# --list runs, which calls none of it).
		list=$B_EX/list/$ex
		mkdir -p "$(dirname "$list")"
		$CC $EX_CFLAGS "$EX_OBJ/grade.o" "$EX_OBJ/$ex-tests.o" -o "$list" \
			-no-pie -Wl,--unresolved-symbols=ignore-all $LDLIBS || exit 2
		echo "== Exercise $ex: BUILD FAILED: your files do not compile; every test scores 0."
		echo "   The compiler said ($out/build.log):"
		grep -m 12 -E 'error|warning|missing' "$out/build.log" | sed 's/^/     /'
		"$list" --list | while read -r name pts what; do
			printf '  %-28s %2d/%-2d FAIL: not built\n' "$name" 0 "$pts"
		done | tee "$out/output"
		s=0 m=$("$list" --list | awk '{ s += $2 } END { print s }')
		n=$("$list" --list | wc -l)
		echo "Score: 0/$m" >>"$out/output"
		echo "0 passed, $n failed" >>"$out/output"
		echo "Score: 0/$m"
		echo "0 passed, $n failed"
		{
			printf '{"exercise": "%s", "score": 0, "max": %d, "passed": 0, "failed": %d, "build": "failed", "tests": [' "$ex" "$m" "$n"
			"$list" --list | awk '{ printf "%s\n  {\"name\": \"%s\", \"points\": 0, \"max\": %d, \"passed\": false, \"message\": \"not built\"}", (NR > 1 ? "," : ""), $1, $2 }'
			printf '\n]}\n'
		} >"$out/result.json"
		parts+=("$out/result.json")
	fi
	sc=$(grep -a '^Score: ' "$out/output" | tail -1 | sed 's/Score: //')
	pf=$(tail -1 "$out/output")
	if [[ ! $pf =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]] || [ -z "$sc" ]; then
		# the test program itself died: count every test as failed
		m=$("$out/test" --list 2>/dev/null | awk '{ s += $2 } END { print s + 0 }')
		n=$("$out/test" --list 2>/dev/null | wc -l)
		echo "   the test program stopped early; every test of exercise $ex scores 0"
		sc="0/$m" pf="0 passed, $n failed"
	fi
	total=$((total + ${sc%/*})) max=$((max + ${sc#*/}))
	[[ $pf =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]
	npass=$((npass + BASH_REMATCH[1])) nfail=$((nfail + BASH_REMATCH[2]))
	summary+=("$(printf '  exercise %s  %3s' "$ex" "$sc")")
	echo
done
if [ -n "$json" ]; then
	{
		printf '{"score": %d, "max": %d, "passed": %d, "failed": %d, "exercises": [\n' \
			"$total" "$max" "$npass" "$nfail"
		first=1
		for p in "${parts[@]}"; do
			[ $first = 1 ] || printf ',\n'
			first=0
			cat "$p"
		done
		printf ']}\n'
	} >"$json"
fi
if [ "$(echo $exs | wc -w)" -gt 1 ]; then
	echo "== Total"
	printf '%s\n' "${summary[@]}"
fi
# one exercise: its own summary was the last word
if [ "$(echo $exs | wc -w)" -gt 1 ]; then
	echo "Score: $total/$max"
	echo "$npass passed, $nfail failed"
fi
if [ -n "$format" ]; then
	python3 exercises/teacher/results.py "$format" "$json" "$root" "$results" || exit 2
	echo "wrote $results ($format)"
fi
