#!/usr/bin/env bash
# tangle.sh ROOT OUT: tangle root chunk ROOT of slub.nw into OUT, with #line
# directives pointing into slub.nw and each chunk's name kept as a comment.
# OUT is replaced only when its text changes, so make stays quiet.
set -euo pipefail
root=$1 out=$2
# A root named after a file with an underscore is quoted in slub.nw,
# <<[[slub_observe.c]]>>, so that LaTeX sets the underscore.
case $root in *_*) root="[[$root]]" ;; esac
here=$(dirname "$0")
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
notangle -L -R"$root" slub.nw | awk -f "$here/chunk-comments.awk" slub.nw - |
	sed 's/^[ \t]\+$//' >"$tmp"
if ! cmp -s "$tmp" "$out"; then
	cp "$tmp" "$out"
	echo "tangle: wrote $out"
fi
