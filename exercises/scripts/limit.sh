#!/usr/bin/env bash
# limit.sh WHAT CPU_SECONDS WALL_SECONDS COMMAND...: run a program built on
# the student's allocator (make ex-run, make ex-viz) with a limit, so that
# an endless loop stops instead of burning the CPU. CPU_SECONDS bounds the
# processor time (ulimit -t: an interactive viewer that waits for the
# reader spends none); WALL_SECONDS (0: none) bounds the time on the
# clock. Says which limit stopped the program.
set -uo pipefail
what=$1 cpu=$2 wall=$3
shift 3
ulimit -t "$cpu"
if [ "$wall" -gt 0 ]; then
	timeout --kill-after=2 "$wall" "$@"
else
	"$@"
fi
st=$?
case $st in
124|137)
	echo "$what: stopped: it ran past its limit of $wall s (an endless loop in your code?)." >&2
	echo "$what: the last step printed above is the last one that ended; the next one never did." >&2 ;;
152|158)
	echo "$what: stopped: it used more than $cpu s of processor time (an endless loop in your code?)." >&2 ;;
esac
exit $st
