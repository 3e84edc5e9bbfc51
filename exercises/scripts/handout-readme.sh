#!/usr/bin/env bash
# handout-readme.sh [NN]: the top-level README.md of a handout (of
# exercise NN alone, or of every exercise). Run from the top of the
# repository; prints to stdout.
set -euo pipefail
. exercises/scripts/common.sh
one=${1:-}
if [ -n "$one" ]; then
	d=$(ex_dir "$one")
	title=$(sed -n '1s/^# //p' "$d/README.md")
	cat <<MD
# The SLUB Book: ${title}

This folder is one exercise of The SLUB Book, a literate userspace
implementation of the Linux 3.18 SLUB slab allocator. Everything here is
the book's allocator except the part you write: exercise $one. The
exercise's own README, \`$d/README.md\`, states the contract of that
part and which sections of the book explain it.

## What to do
1. Read \`$d/README.md\` and the book's sections it names.
2. \`make start EX=$one\` copies the skeletons into \`work/$(basename "$d")/\`;
   edit them there (a file already in \`work/\` is never replaced).
   Without \`work/\`, the grader reads \`$d/student/\`.
3. Write the part so that it keeps the contract at the top of each file.

## Build and grade
    make grade             # build the allocator with your files and grade them

Each test runs in its own process with a time limit. The grader prints
one line per test, the first failed expectation of a failing test (what
was expected, what happened, the scenario line), \`Score: N/M\` and
\`N passed, N failed\`. The untouched skeletons score 0. A failed
scenario is saved under \`build/ex/$one/scenarios/\`, with the command
that opens the visualizer at the step where it failed.

## Hints
    make hint EX=$one        # the next of three hints, one at a time

first where to read, then the algorithm in words, then the kernel
functions involved.

## Run and watch
    make ex-run SCENARIO=viz/scenarios/01-first-alloc.scn
    make ex-viz SCENARIO=viz/scenarios/01-first-alloc.scn
    make ex-viz SCENARIO=viz/scenarios/01-first-alloc.scn VIZ_ARGS="--headless --out png"

\`ex-run\` runs a scenario with the CLI on your allocator (the event
trace, then the counters; its \`expect\` lines report what differs from
the kernel); \`ex-viz\` opens the visualizer on it. Both stop when your
code loops (a limit on time). The scenario language is described at the
top of \`scenario/scenario.h\`.

## What you need
gcc, make and bash; the visualizer needs SDL2, SDL2_ttf and SDL2_image
(Debian: libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev, which the
book's \`make deps\` installs).
MD
else
	cat <<'MD'
# The SLUB Book: exercises

This folder holds the exercises of The SLUB Book, a literate userspace
implementation of the Linux 3.18 SLUB slab allocator. The allocator in
`handout/slub.c` is the book's without the parts the exercises ask for:
it includes your files for every exercise, so it builds when all of
them compile, and a part you have not written yet stops the program
when it runs. (Your teacher may hand out one exercise at a time
instead: that handout has the book's code for every other part.)

## What to do
1. Read the README of an exercise, `exercises/NN-name/README.md`: the
   contract of the part you write and the sections of the book that
   explain it.
2. `make start EX=NN` copies the skeletons into `work/NN-name/`; edit
   them there (a file already in `work/` is never replaced).
3. `make grade EX=NN` grades exercise NN; `make grade` all of them.
4. `make hint EX=NN` prints the next of three hints.

## Run and watch
    make ex-run SCENARIO=viz/scenarios/01-first-alloc.scn
    make ex-viz SCENARIO=viz/scenarios/01-first-alloc.scn

## What you need
gcc, make and bash; the visualizer needs SDL2, SDL2_ttf and SDL2_image
(Debian: libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev).

## The exercises
MD
	sed -n '/^| #/,/^$/p' exercises/README.md
fi
