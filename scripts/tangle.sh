#!/usr/bin/env bash
# tangle.sh ROOT OUT: tangle root chunk ROOT of slub.nw into OUT, with #line
# directives pointing into slub.nw and each chunk's name kept as a comment.
# OUT is replaced only when its text changes, so make stays quiet.
set -euo pipefail
root=$1 out=$2
here=$(dirname "$0")
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
notangle -L -R"$root" slub.nw | awk -f "$here/chunk-comments.awk" slub.nw - |
	sed 's/^[ \t]\+$//' >"$tmp"
if ! cmp -s "$tmp" "$out"; then
	cp "$tmp" "$out"
	echo "tangle: wrote $out"
fi
