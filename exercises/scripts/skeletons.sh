#!/usr/bin/env bash
# skeletons.sh write|check [OUTDIR]: write every student skeleton into
# exercises/NN-*/student/ (or OUTDIR/FILE), or check that the committed
# ones are what slub.nw generates now.
set -euo pipefail
. exercises/scripts/common.sh
mode=$1 outdir=${2:-}
bad=0
for ex in $(ex_all); do
	dir=$(ex_dir "$ex")
	for f in $(ex_files "$ex"); do
		tmp=$(mktemp)
		bash $EXDIR/scripts/skeleton.sh "$f" >"$tmp"
		case $mode in
		write)
			dest=${outdir:-$dir/student}/$f
			mkdir -p "$(dirname "$dest")"
			cmp -s "$tmp" "$dest" || { cp "$tmp" "$dest"; echo "wrote $dest"; }
			;;
		check)
			if ! cmp -s "$tmp" "$dir/student/$f"; then
				echo "error: $dir/student/$f differs from the skeleton slub.nw generates;" \
				     "run 'make skeletons'" >&2
				bad=1
			fi
			;;
		esac
		rm -f "$tmp"
	done
done
exit $bad
