#!/usr/bin/env bash
# compare.sh HUNT_SLUB BOOK_SLUB [SCENARIO...]: run each scenario (default:
# viz/scenarios/[01]*.scn, the 3.18 ones) on the bug hunt's allocator and
# on the book's, and print the counters that differ and the expects that
# fail on the hunt's. Where they differ is where to start reading.
set -uo pipefail
hunt=$1 book=$2
shift 2
scns=${*:-$(ls viz/scenarios/[01]*.scn)}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
ndiff=0 n=0
for s in $scns; do
	[ -f "$s" ] || { echo "bughunt: no scenario $s" >&2; exit 2; }
	n=$((n + 1))
	timeout 60 "$book" run "$s" 2>&1 | sed -n '/^== counters/,$p' | grep -v 'expect statement' >"$T/book"
	timeout 60 "$hunt" run "$s" >"$T/all" 2>&1
	rc=$?
	sed -n '/^== counters/,$p' "$T/all" | grep -v 'expect statement' >"$T/hunt"
	if [ $rc -ge 124 ]; then
		echo "== $s: your allocator ran past 60 s or crashed (exit status $rc)"
		ndiff=$((ndiff + 1))
	elif ! cmp -s "$T/book" "$T/hunt" || grep -q 'expect failed' "$T/all"; then
		echo "== $s"
		diff "$T/book" "$T/hunt" | sed -n 's/^< /  book: /p; s/^> /  yours: /p'
		grep -m 3 'expect failed' "$T/all" | sed 's/^/  /'
		ndiff=$((ndiff + 1))
	fi
done
echo "$ndiff of $n scenarios differ from the book's allocator"
