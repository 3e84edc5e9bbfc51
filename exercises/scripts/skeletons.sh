#!/usr/bin/env bash
# skeletons.sh write|check [OUTDIR]: write every student skeleton into
# exercises/NN-*/student/ (or OUTDIR/FILE), or check that the committed
# ones are what slub.nw generates now. write keeps a copy of a file that
# someone edited (it differs from the committed skeleton) in
# work/backup/ before replacing it.
set -euo pipefail
. exercises/scripts/common.sh
mode=$1 outdir=${2:-}
bad=0

in_git() { git rev-parse --is-inside-work-tree >/dev/null 2>&1; }
# committed_is FILE SKEL: FILE's committed text is SKEL's (FILE unedited
# since, or edited: then the committed copy is what counts)
committed_is() {
	in_git && git show "HEAD:$1" 2>/dev/null | cmp -s - "$2"
}
for ex in $(ex_all); do
	dir=$(ex_dir "$ex")
	for f in $(ex_files "$ex"); do
		tmp=$(mktemp)
		bash $EXDIR/scripts/skeleton.sh "$f" >"$tmp"
		case $mode in
		write)
			dest=${outdir:-$dir/student}/$f
			mkdir -p "$(dirname "$dest")"
			if ! cmp -s "$tmp" "$dest"; then
				# an edited skeleton (a student's work) is kept
				if [ -z "$outdir" ] && [ -f "$dest" ] && ! committed_is "$dest" "$dest"; then
					backup "$dest"
				fi
				cp "$tmp" "$dest"
				echo "wrote $dest"
			fi
			;;
		check)
			# The committed copy must be what slub.nw generates; a
			# copy edited in place (a student's work) is not checked.
			if cmp -s "$tmp" "$dir/student/$f"; then
				:
			elif in_git && committed_is "$dir/student/$f" "$tmp"; then
				echo "note: $dir/student/$f has local edits (yours?): they are not graded here;" \
				     "the committed skeleton is checked" >&2
			else
				echo "error: $dir/student/$f differs from the skeleton slub.nw generates;" \
				     "run 'make skeletons' (it keeps a copy of edited files)" >&2
				bad=1
			fi
			;;
		esac
		rm -f "$tmp"
	done
done
exit $bad
