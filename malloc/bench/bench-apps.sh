#!/usr/bin/env bash
# bench-apps.sh BUILD ROUNDS - make bench-apps: real programs and
# allocation-heavy threaded programs, each with every allocator by
# LD_PRELOAD, in interleaved rounds; medians of wall time and maximum
# resident set, reported as ratios of SLUB to its peers, in
# BUILD/bench-apps/results.md (also printed) and results.png.
#
# Allocators: glibc (no preload), jemalloc, mimalloc and tcmalloc (the
# shared objects of the -dev packages, found with dpkg -L) and SLUB
# (BUILD/libslub-malloc.so). A peer whose package is missing is left out.
# Workloads: the compiler (cc -O2 -c generated/slub.c), git (repack -a -d
# -f --threads=2 of a clone of this repository), Python (a threaded
# dict/JSON program, if python3 is installed), and larson, xmalloc and
# cache-scratch (malloc/bench/*.c). In each round every workload runs
# once with every allocator, the allocators in a rotated order, so that
# the figures compared were taken seconds apart; every run must exit 0.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
rounds=${2:-5}
out=$build/bench-apps
bin=$out/bin
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
unset SLUB_DEBUG SLUB_ARENA MAKEFLAGS MAKELEVEL MFLAGS

die() {
	echo "bench-apps: $*" >&2
	exit 1
}

# ------------------------------------------------------------ allocators
names=(glibc)
libs=("")
peer() {	# NAME PACKAGE FILE
	local f
	f=$(dpkg -L "$2" 2>/dev/null | grep -m1 "/$3\$" || true)
	if [ -n "$f" ] && [ -e "$f" ]; then
		names+=("$1")
		libs+=("$(readlink -f "$f")")
	else
		echo "bench-apps: $2 not installed: no $1" >&2
	fi
}
peer jemalloc libjemalloc-dev libjemalloc.so
peer mimalloc libmimalloc-dev libmimalloc.so
peer tcmalloc libgoogle-perftools-dev libtcmalloc_minimal.so
names+=(SLUB)
libs+=("$build/libslub-malloc.so")
nalloc=${#names[@]}

for i in "${!names[@]}"; do
	whose=$(LD_PRELOAD=${libs[$i]} "$bin/whose_malloc")
	case ${names[$i]}:$whose in
	glibc:*/libc.so*) ;;
	glibc:*) die "glibc's run gets malloc from $whose" ;;
	*:"${libs[$i]}") ;;
	*) die "${names[$i]}: malloc comes from $whose, not ${libs[$i]}" ;;
	esac
done

# ------------------------------------------------------------ workloads
# name|kind|directory|command; kind is real (a program nobody here wrote)
# or mt (an allocation-heavy threaded program of our own).
repo=$tmp/repo.git
if git -C "$root" rev-parse --verify -q HEAD >/dev/null 2>&1; then
	git clone -q --bare --no-local "$root" "$repo"
else
	git init -q --bare "$repo"
	git -C "$root" --git-dir="$repo" --work-tree="$root" add -A
	git --git-dir="$repo" -c user.name=b -c user.email=b@b commit -qm b
fi
# one repack first, so that every measured one starts from the same pack
git -C "$repo" repack -q -a -d -f --threads=2
cflags="-O2 -std=gnu11 -mcx16 -pthread -D_GNU_SOURCE -Igenerated"
workloads=(
	"compile|real|$root|${CC:-cc} $cflags -c generated/slub.c -o $tmp/slub.o"
	"git repack|real|$tmp|git -C $repo repack -q -a -d -f --threads=2"
)
if command -v python3 >/dev/null; then
	workloads+=("python|real|$root|python3 malloc/bench/workload.py")
else
	echo "bench-apps: no python3: no Python workload" >&2
fi
workloads+=(
	"larson|mt|$tmp|$bin/larson 4 40 100000 1000 16 1000"
	"xmalloc|mt|$tmp|$bin/xmalloc 2 3000000"
	"cache-scratch|mt|$tmp|$bin/cache_scratch 2 300000 200 8"
)
nwork=${#workloads[@]}

# ------------------------------------------------------------ the runs
uname_r=$(uname -r)
cpu=$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1)
load0=$(cut -d' ' -f1-3 /proc/loadavg)
echo "bench-apps: $rounds rounds, $nwork workloads, allocators: ${names[*]}"
: >"$tmp/runs"
for r in $(seq 1 "$rounds"); do
	for w in $(seq 0 $((nwork - 1))); do
		IFS='|' read -r wname kind dir cmd <<<"${workloads[$w]}"
		for k in $(seq 0 $((nalloc - 1))); do
			a=$(((k + r + w) % nalloc))
			res=$(cd "$dir" && "$bin/measure" -o "$tmp/log" \
				-e "LD_PRELOAD=${libs[$a]}" -- $cmd)
			set -- $res
			if [ "$6" != 0 ]; then
				sed 's/^/  | /' "$tmp/log" | tail -20 >&2
				die "$wname with ${names[$a]} exited with $6"
			fi
			echo "$w $a $2 $4" >>"$tmp/runs"
		done
		printf '.'
	done
	printf ' round %d\n' "$r"
done
load1=$(cut -d' ' -f1-3 /proc/loadavg)

# ------------------------------------------------------------ medians
# median W A FIELD (3: wall seconds, 4: max RSS KiB)
median() {
	awk -v w="$1" -v a="$2" -v f="$3" '$1 == w && $2 == a { print $f }' \
		"$tmp/runs" | sort -g | awk '{ v[NR] = $1 }
		END { if (NR % 2) print v[(NR + 1) / 2];
		      else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
for w in $(seq 0 $((nwork - 1))); do
	for a in $(seq 0 $((nalloc - 1))); do
		echo "$w $a $(median "$w" "$a" 3) $(median "$w" "$a" 4)"
	done
done >"$tmp/med"

# ratio W FIELD: SLUB's median over the best peer's, and that peer
ratio() {
	awk -v w="$1" -v f="$2" -v s=$((nalloc - 1)) '
		$1 == w && $2 == s { mine = $f }
		$1 == w && $2 != s && (best == "" || $f < best) {
			best = $f; who = $2 }
		END { printf "%.3f %d\n", mine / best, who }' "$tmp/med"
}

# ------------------------------------------------------------ report
mkdir -p "$out"
md=$out/results.md
{
	echo "# SLUB as the malloc of real programs"
	echo
	echo "One run of \`make bench-apps\`: $rounds rounds, medians; $(nproc)" \
		"CPUs ($cpu), Linux $uname_r, $(ldd --version | head -1 |
		sed 's/^ldd //'); load average $load0 before, $load1 after."
	echo "Each row's figures were taken in the same rounds, interleaved."
	echo
	echo "## Wall time (seconds)"
	echo
	printf '| workload |'
	printf ' %s |' "${names[@]}"
	printf ' SLUB / fastest peer |\n|---|'
	for a in "${names[@]}"; do printf -- '---:|'; done
	printf -- '---:|\n'
	for w in $(seq 0 $((nwork - 1))); do
		IFS='|' read -r wname _ <<<"${workloads[$w]}"
		printf '| %s |' "$wname"
		for a in $(seq 0 $((nalloc - 1))); do
			awk -v w="$w" -v a="$a" '$1 == w && $2 == a {
				printf " %.3f |", $3 }' "$tmp/med"
		done
		set -- $(ratio "$w" 3)
		printf ' %.2f (%s) |\n' "$1" "${names[$2]}"
	done
	echo
	echo "## Maximum resident set (MiB)"
	echo
	printf '| workload |'
	printf ' %s |' "${names[@]}"
	printf ' SLUB / smallest peer |\n|---|'
	for a in "${names[@]}"; do printf -- '---:|'; done
	printf -- '---:|\n'
	for w in $(seq 0 $((nwork - 1))); do
		IFS='|' read -r wname _ <<<"${workloads[$w]}"
		printf '| %s |' "$wname"
		for a in $(seq 0 $((nalloc - 1))); do
			awk -v w="$w" -v a="$a" '$1 == w && $2 == a {
				printf " %.1f |", $4 / 1024 }' "$tmp/med"
		done
		set -- $(ratio "$w" 4)
		printf ' %.2f (%s) |\n' "$1" "${names[$2]}"
	done
	echo
	echo "## Goals"
	echo
	echo "Real programs: SLUB within 1.05x the fastest peer's wall time" \
		"and 1.10x the smallest peer's maximum resident set."
	echo "Threaded allocation-heavy programs: the ratios are reported;" \
		"the book explains them from a profile."
	echo
	echo "| workload | kind | wall: SLUB / fastest | goal | RSS: SLUB / smallest | goal |"
	echo "|---|---|---:|---|---:|---|"
	for w in $(seq 0 $((nwork - 1))); do
		IFS='|' read -r wname kind _ <<<"${workloads[$w]}"
		set -- $(ratio "$w" 3) $(ratio "$w" 4)
		if [ "$kind" = real ]; then
			g1=$(awk -v x="$1" 'BEGIN { print x <= 1.05 ? "met" : "missed" }')
			g2=$(awk -v x="$3" 'BEGIN { print x <= 1.10 ? "met" : "missed" }')
			echo "| $wname | real program | $1 | $g1 (1.05) | $3 | $g2 (1.10) |"
		else
			echo "| $wname | threaded, ours | $1 | reported | $3 | reported |"
		fi
	done
	echo
	echo "Commands:"
	echo
	for w in "${workloads[@]}"; do
		IFS='|' read -r wname _ _ cmd <<<"$w"
		echo "- $wname: \`${cmd//$tmp/\$TMP}\`"
	done
} >"$md"
cat "$md"

# ------------------------------------------------------------ chart
# Two panels, each workload's figures relative to glibc's.
{
	printf 'workload'
	printf ' "%s"' "${names[@]}"
	printf '\n'
	for f in 3 4; do
		for w in $(seq 0 $((nwork - 1))); do
			IFS='|' read -r wname _ <<<"${workloads[$w]}"
			printf '"%s"' "$wname"
			awk -v w="$w" -v f="$f" '$1 == w && $2 == 0 { base = $f }
				$1 == w { v[$2] = $f }
				END { for (a = 0; a in v; a++)
					printf " %.4f", v[a] / base; print "" }' \
				"$tmp/med"
		done
		printf '\n\n'
		[ "$f" = 4 ] || { printf 'workload'; printf ' "%s"' "${names[@]}"; printf '\n'; }
	done
} >"$out/results.dat"
plot() {	# INDEX
	local a clauses=""
	for a in $(seq 0 $((nalloc - 1))); do
		clauses+="${clauses:+, }'$out/results.dat' index $1 using $((a + 2))"
		[ "$a" != 0 ] || clauses+=":xtic(1)"
		clauses+=" title columnheader($((a + 2))) lc $((a + 1))"
	done
	echo "$clauses"
}
cat >"$out/results.gp" <<EOF
set terminal pngcairo noenhanced size 1400,560 font 'sans,10'
set output '$out/results.png'
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.85 border -1
set boxwidth 0.9
set grid ytics
set key top left
set yrange [0:*]
set multiplot layout 1,2 title 'Real and allocation-heavy programs on each allocator (relative to glibc; lower is better)'
set ylabel 'wall time / glibc'
plot $(plot 0)
set ylabel 'maximum resident set / glibc'
set key off
plot $(plot 1)
unset multiplot
EOF
if command -v gnuplot >/dev/null; then
	gnuplot "$out/results.gp"
	echo "bench-apps: wrote $md and $out/results.png"
else
	echo "bench-apps: no gnuplot, no chart; wrote $md"
fi
