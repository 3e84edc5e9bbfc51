#!/usr/bin/env bash
# start.sh SEED DIR [FORCE]: plant the bug of SEED into DIR/slub.c, with
# the hunt's README. A hunt already started is never overwritten: with
# FORCE set, the student's slub.c is first kept as slub.c.~N~.
set -euo pipefail
seed=$1 dir=$2 force=${3:-}
python3 exercises/bughunt/plant.py bug "$seed" >/dev/null
if [ -f "$dir/slub.c" ]; then
	if [ -z "$force" ]; then
		echo "bughunt: $dir/slub.c exists: your hunt is kept as it is."
		echo "  (make bughunt SEED=$seed FORCE=1 starts again and keeps a copy)"
		exit 0
	fi
	n=1
	while [ -e "$dir/slub.c.~$n~" ]; do n=$((n + 1)); done
	cp "$dir/slub.c" "$dir/slub.c.~$n~"
	echo "bughunt: kept your $dir/slub.c as $dir/slub.c.~$n~"
fi
python3 exercises/bughunt/plant.py plant "$seed" "$dir"
sed "s/@SEED@/$seed/g" exercises/bughunt/README.md >"$dir/README.md"
echo "bughunt: your allocator, with one bug planted, is $dir/slub.c"
echo "  read $dir/README.md; grade with: make bughunt-grade SEED=$seed"
