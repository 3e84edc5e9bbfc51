#!/usr/bin/env bash
# start.sh NN: begin exercise NN: copy its skeletons into the work folder
# work/NN-name/ (ignored by git), where the grader reads them. A file
# that is already there is never replaced: start.sh only adds the
# missing ones, so running it again is safe.
set -euo pipefail
. exercises/scripts/common.sh
[ $# = 1 ] && [ -n "$1" ] || die "usage: make start EX=NN (NN: $(ex_all | tr '\n' ' '))"
ex=$1
dir=$(ex_dir "$ex")
w=$(work_dir "$ex")
mkdir -p "$w"
added=0
for f in $(ex_files "$ex"); do
	if [ -e "$w/$f" ]; then
		echo "kept    $w/$f (yours)"
	else
		cp "$dir/student/$f" "$w/$f"
		echo "created $w/$f"
		added=1
	fi
done
cat <<MSG

Exercise $ex: read $dir/README.md, then edit the files in $w/.
  make grade EX=$ex      grade your files (the grader reads $w/)
  make hint EX=$ex       the next hint, when you are stuck
  make ex-run EX=$ex SCENARIO=FILE   run a scenario on your allocator
MSG
[ $added = 1 ] || echo "(nothing was replaced: all your files were already there)"
