#!/usr/bin/env bash
# grade-all.sh DIR [--ex "NN ..."] [--csv FILE]: grade every student's
# folder under DIR (one folder per student, named after the student,
# holding that student's exercise files in any layout: each file is
# looked up by its name, as make grade SUBMISSION=DIR does) and write a
# CSV with one row per student: score, max, and per exercise whether it
# built and the points of each test. Prints one line per student.
# Run from the top of the repository (make grade-all does).
set -uo pipefail
. exercises/scripts/common.sh
[ $# -ge 1 ] || die "usage: grade-all.sh DIR [--ex \"NN ...\"] [--csv FILE]"
dir=$1 exs= out=
shift
while [ $# -gt 0 ]; do
	case $1 in
	--ex) exs=$2; shift ;;
	--csv) out=$2; shift ;;
	*) die "usage: grade-all.sh DIR [--ex \"NN ...\"] [--csv FILE]" ;;
	esac
	shift
done
[ -d "$dir" ] || die "grade-all: no directory $dir"
out=${out:-build/grades.csv}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pairs=()
n=0
for s in "$dir"/*/; do
	[ -d "$s" ] || continue
	who=$(basename "$s")
	[[ $who =~ ^[A-Za-z0-9._@-]+$ ]] ||
		die "grade-all: $s: a student folder's name may hold only letters, digits and . _ @ -"
	bash exercises/scripts/grade.sh --submission "$s" ${exs:+--ex "$exs"} \
		--json "$tmp/$who.json" >"$tmp/$who.log" 2>&1
	if [ ! -s "$tmp/$who.json" ]; then
		echo "grade-all: grading $who failed:" >&2
		tail -3 "$tmp/$who.log" >&2
		exit 1
	fi
	printf '  %-24s %s\n' "$who" "$(grep '^Score: ' "$tmp/$who.log" | tail -1)"
	pairs+=("$who=$tmp/$who.json")
	n=$((n + 1))
done
[ $n -gt 0 ] || die "grade-all: no student folders in $dir"
mkdir -p "$(dirname "$out")"
python3 exercises/teacher/results.py csv "$out" "${pairs[@]}" || exit 2
echo "wrote $out ($n students)"
