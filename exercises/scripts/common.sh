# common.sh: shared by the exercise scripts (sourced, from the top of the
# repository). The exercise targets are listed in exercises/targets.txt.
NOWEB_LIB=${NOWEB_LIB:-/usr/lib/noweb}
EXDIR=exercises

die() { echo "$*" >&2; exit 2; }

# ex_all: the exercise numbers, in order
ex_all() { grep -v '^#' $EXDIR/targets.txt | cut -d'|' -f1 | uniq; }

# ex_dir NN: the exercise's directory
ex_dir() {
	local d
	for d in $EXDIR/"$1"-*/; do
		[ -d "$d" ] && { echo "${d%/}"; return; }
	done
	die "no exercise directory $EXDIR/$1-*"
}

# ex_targets NN: the target lines of exercise NN (NN "all": every one)
ex_targets() {
	if [ "$1" = all ]; then
		grep -v '^#' $EXDIR/targets.txt | grep -v '^ *$'
	else
		grep "^$1|" $EXDIR/targets.txt
	fi
}

# ex_files NN: the student files of exercise NN
ex_files() { ex_targets "$1" | cut -d'|' -f2; }

# target_field FILE N: field N of the target line of FILE
target_field() { grep "^[0-9]*|$1|" $EXDIR/targets.txt | cut -d'|' -f"$2"; }

# chunk NAME: the text of a chunk of slub.nw, tabs kept (the reference
# solution). markup and nt are called directly: notangle's eval breaks on
# chunk names with quotes.
chunk() {
	"$NOWEB_LIB/markup" -t slub.nw | "$NOWEB_LIB/nt" -t "-R$1"
}

# tangle_ex NN OUT: slub.c with the uses of exercise NN's target chunks
# replaced by #include "FILE" (NN "all": every exercise's targets), with
# #line directives into slub.nw and chunk names as comments, as
# scripts/tangle.sh writes generated/slub.c.
tangle_ex() {
	local map tmp
	map=$(mktemp) tmp=$(mktemp)
	ex_targets "$1" | awk -F'|' '{ print $5 "\t" $2 }' >"$map"
	"$NOWEB_LIB/markup" -t slub.nw |
		awk -v map="$map" -f $EXDIR/scripts/use2include.awk |
		"$NOWEB_LIB/nt" -t -L -Rslub.c |
		awk -f scripts/chunk-comments.awk slub.nw - |
		sed 's/^[ \t]\+$//' |
		# A function or label only the removed part used must not stop
		# a skeleton from compiling, and a skeleton must not name it.
		sed '1i #pragma GCC diagnostic ignored "-Wunused-function"\n#pragma GCC diagnostic ignored "-Wunused-label"' >"$tmp"
	rm -f "$map"
	if ! cmp -s "$tmp" "$2"; then cp "$tmp" "$2"; fi
	rm -f "$tmp"
}

# The work folder: where `make start EX=NN` puts a student's copies of
# the skeletons (work/NN-name/, ignored by git). The grader, ex-build,
# ex-run and ex-viz read it when it exists, else exercises/NN-*/student/.
WORK_DIR=${WORK_DIR:-work}

# work_dir NN: the work folder of exercise NN (it may not exist)
work_dir() { echo "$WORK_DIR/$(basename "$(ex_dir "$1")")"; }

# ex_src NN: where the student's files of exercise NN are read from
ex_src() {
	local w
	w=$(work_dir "$1")
	if [ -d "$w" ]; then echo "$w"; else echo "$(ex_dir "$1")/student"; fi
}

# backup FILE: keep a copy of FILE under $WORK_DIR/backup/ before it is
# replaced; prints where
backup() {
	local dest
	dest=$WORK_DIR/backup/$(date +%Y%m%d-%H%M%S)/$1
	mkdir -p "$(dirname "$dest")"
	cp -p "$1" "$dest"
	echo "kept your copy of $1 in $dest"
}
