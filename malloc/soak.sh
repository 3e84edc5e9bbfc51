#!/usr/bin/env bash
# soak.sh BUILD SECONDS - make soak: the real-program tests and the
# larson-style server, over and over for SECONDS, with and without
# SLUB_DEBUG=FZPU, on BUILD/libslub-malloc.so; then the count of runs,
# failures and BUG reports. Failed runs keep their logs under
# BUILD/soak/. Not part of make test: it runs as long as it is told to.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
seconds=${2:-600}
so=$build/libslub-malloc.so
larson=$build/bench-apps/bin/larson
logs=$build/soak
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rm -rf "$logs"
mkdir -p "$logs"
unset SLUB_DEBUG SLUB_ARENA MAKEFLAGS MAKELEVEL MFLAGS

runs=0 failures=0 bugs=0 rounds=0
keep() {	# NAME LOG: a failed run's log is kept
	failures=$((failures + 1))
	cp "$2" "$logs/$(printf '%03d' "$rounds")-$1.log"
	echo "soak: round $rounds: $1 failed (log in $logs)"
}

end=$((SECONDS + seconds))
while [ "$SECONDS" -lt "$end" ]; do
	rounds=$((rounds + 1))
	# git, cc, make, the interface, fork and misuse, plain and FZPU; a
	# BUG report where no bug was planted fails a run there
	bash "$root/malloc/test-malloc.sh" "$build" >"$tmp/t.log" 2>&1 || true
	n=$(grep -c '^  \(ok\|FAIL\)' "$tmp/t.log" || true)
	f=$(grep -c '^  FAIL' "$tmp/t.log" || true)
	b=$(grep -c 'the allocator reported a problem' "$tmp/t.log" || true)
	runs=$((runs + n))
	bugs=$((bugs + b))
	if [ "$f" -gt 0 ]; then
		failures=$((failures + f - 1))
		keep test-malloc "$tmp/t.log"
	fi
	# the larson-style server, four threads, plain and debugged
	for mode in plain debug; do
		runs=$((runs + 1))
		if [ $mode = debug ]; then
			export SLUB_DEBUG=FZPU
			args="4 5 100000 1000 16 1000"
		else
			unset SLUB_DEBUG
			args="4 40 100000 1000 16 1000"
		fi
		st=0
		LD_PRELOAD=$so "$larson" $args >"$tmp/l.log" 2>&1 || st=$?
		unset SLUB_DEBUG
		b=$(grep -c '^BUG ' "$tmp/l.log" || true)
		bugs=$((bugs + b))
		if [ "$st" != 0 ] || [ "$b" != 0 ]; then
			keep "larson-$mode" "$tmp/l.log"
		fi
	done
	echo "soak: round $rounds: $runs runs, $failures failures," \
		"$bugs BUG reports ($((SECONDS))s)"
done
echo "soak: $seconds s, $rounds rounds: $runs runs, $failures failures," \
	"$bugs BUG reports"
[ "$failures" -eq 0 ] && [ "$bugs" -eq 0 ]
