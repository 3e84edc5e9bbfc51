#!/usr/bin/env bash
# cpif.sh OUT COMMAND...: run COMMAND and replace OUT with its output only
# when the text changed, so that make stays quiet and nothing is rebuilt
# for an unchanged source.
set -euo pipefail
out=$1
shift
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
"$@" >"$tmp"
if ! cmp -s "$tmp" "$out"; then
	cp "$tmp" "$out"
	echo "tangle: wrote $out"
fi
