#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# figures.sh B OUT [STAMP]: generate the figures listed in book/figures.txt
# into OUT (fig-NAME.pdf or .png for LaTeX) and OUT/html (fig-NAME.svg), from
# real runs of the shipped scenarios, or from a graphviz file of book/ (see
# figures.txt for the format).
#
# A figure that cannot be generated is an error. With BOOK_MISSING_FIGS=warn
# (for work in progress, before the CLI exists) it is a warning instead, and
# the figure is replaced by a placeholder that says what went wrong.
# STAMP is touched when every figure was generated.
set -euo pipefail
# The figures show each scenario in its own design, whatever the caller's
# environment asks (SLUB_SHEAVES would give every cache sheaves).
unset SLUB_SHEAVES
B=${1:-build}
OUT=${2:-$B/book}
STAMP=${3:-}
LIST=${FIGURES:-book/figures.txt}
MODE=${BOOK_MISSING_FIGS:-error}
SLUB=$B/slub
SLUBVIZ=$B/slubviz
mkdir -p "$OUT/html"

missing=()
made=0

# placeholder NAME REASON: a figure that says it is missing.
placeholder() {
	local name=$1 reason=$2 dotf="$OUT/fig-$1.dot"
	reason=${reason//\\/\\\\}
	reason=${reason//\"/\\\"}
	printf 'digraph missing { node [shape=box, color=red, fontcolor=red, fontname="DejaVu Sans"];\n  m [label="figure %s is missing:\\n%s"]; }\n' \
		"$name" "$reason" >"$dotf"
	rm -f "$OUT/fig-$name.png"
	dot -Tpdf "$dotf" -o "$OUT/fig-$name.pdf"
	dot -Tsvg "$dotf" -o "$OUT/html/fig-$name.svg"
}

fail() {
	local name=$1 reason=$2
	echo "$reason" >"$OUT/fig-$name.failed"
	if [ "$MODE" = warn ]; then
		echo "book: WARNING: figure $name not generated: $reason" >&2
		placeholder "$name" "$reason"
	else
		echo "book: error: figure $name not generated: $reason" >&2
	fi
}

# svg_of_png PNG SVG: wrap a PNG in an SVG (data URI) for the HTML edition.
svg_of_png() {
	local png=$1 svg=$2 w h
	# the IHDR chunk: width and height, big-endian, at bytes 16 and 20
	read -r w h < <(od -An -tu1 -j16 -N8 "$png" | awk '{
		print (($1 * 256 + $2) * 256 + $3) * 256 + $4,
		      (($5 * 256 + $6) * 256 + $7) * 256 + $8 }')
	{
		printf '<svg xmlns="http://www.w3.org/2000/svg" width="%s" height="%s" viewBox="0 0 %s %s">\n' \
			"$w" "$h" "$w" "$h"
		printf '<image width="%s" height="%s" href="data:image/png;base64,' "$w" "$h"
		base64 -w0 "$png"
		printf '"/>\n</svg>\n'
	} >"$svg"
}

# steps_of SCN: "LINE STEP KEYWORD" for every top-level statement (a step)
# of a scenario: config is not a step, the statements of an inject block
# belong to its inject statement (scenario/scenario.h).
steps_of() {
	awk '/^[ \t]*(#|$)/ { next }
	{ w = $1; sub(/\[.*/, "", w) }	# inject[3.18]: a design mark
	w == "config" { next }
	inblock { if (w == "end") inblock = 0; next }
	{ n++; print NR, n, w }
	w == "inject" { inblock = 1 }' "$1"
}

# verify_steps SCN: compare steps_of with the step headers of the CLI's own
# trace; a difference is written to $OUT/steps-SCN.bad (run once per
# scenario, before the figures).
verify_steps() {
	local scn=$1 map bad f
	f="$OUT/steps-$(tr '/' '_' <<<"$scn").bad"
	rm -f "$f"
	[ -x "$SLUB" ] && [ -f "$scn" ] || return 0
	map=$(steps_of "$scn")
	bad=$("$SLUB" run --trace "$scn" 2>/dev/null |
		sed -n 's/^== step \([0-9]*\) ([^)]*:\([0-9]*\)): .*/\2 \1/p' |
		while read -r line num; do
			grep -q "^$line $num " <<<"$map" || echo "$line:$num"
		done | head -n 1)
	if [ -n "$bad" ]; then
		echo "book/figures.sh counts the steps of $scn unlike the CLI (line:step $bad)" >"$f"
	fi
	return 0
}

# resolve_step NAME SCN STEP: the number for `slub run --dot' from a STEP of
# figures.txt: N, @K (the state when the K-th echo runs) or end.
resolve_step() {
	local name=$1 scn=$2 step=$3 n f
	case $step in
	[0-9]*) echo "$step"; return 0 ;;
	end) n=$(steps_of "$scn" | tail -n 1 | cut -d' ' -f2) ;;
	@[0-9]*)
		n=$(steps_of "$scn" | awk -v k="${step#@}" \
			'$3 == "echo" && ++e == k { print $2; exit }')
		;;
	*) fail "$name" "bad STEP '$step' (N, @K or end)"; return 1 ;;
	esac
	if [ -z "$n" ]; then
		fail "$name" "$scn has no step '$step'"
		return 1
	fi
	f="$OUT/steps-$(tr '/' '_' <<<"$scn").bad"
	if [ -s "$f" ]; then
		fail "$name" "$(cat "$f")"
		return 1
	fi
	echo "$n"
}

# draw_dot NAME DOTFILE LOG: the figure's PDF for LaTeX and SVG for the
# HTML edition from a graphviz file (no PNG left from an earlier kind).
draw_dot() {
	local name=$1 dotf=$2 log=$3
	if ! dot -Tpdf "$dotf" -o "$OUT/fig-$name.pdf" 2>>"$log" ||
	   ! dot -Tsvg "$dotf" -o "$OUT/html/fig-$name.svg" 2>>"$log"; then
		fail "$name" "dot could not draw $dotf (see $log)"
		return
	fi
	rm -f "$OUT/fig-$name.png"
}

# need_slub NAME: true if the CLI that draws figure NAME exists.
need_slub() {
	if [ ! -x "$SLUB" ]; then
		fail "$1" "$SLUB does not exist (make cli)"
		return 1
	fi
}

dot_figure() {
	local name=$1 scn=$2 step=$3 cache=${4:-} view=${5:-} dotf="$OUT/fig-$1.dot"
	local log="$OUT/fig-$1.log"
	: >"$log"
	local args=(run --dot "$step" --out "$dotf")
	[ -n "$cache" ] && args+=(--cache "$cache")
	[ -n "$view" ] && args+=(--view "$view")
	if [ -n "$view" ] && [ -z "$cache" ]; then
		fail "$name" "a $view figure needs a CACHE"
		return
	fi
	need_slub "$name" || return
	if [ ! -f "$scn" ]; then
		fail "$name" "scenario $scn does not exist"
		return
	fi
	step=$(resolve_step "$name" "$scn" "$step") || return
	args[2]=$step
	rm -f "$dotf"
	if ! "$SLUB" "${args[@]}" "$scn" >>"$log" 2>&1 || [ ! -s "$dotf" ]; then
		fail "$name" "'$SLUB ${args[*]} $scn' failed (see $log)"
		return
	fi
	draw_dot "$name" "$dotf" "$log"
}

# orders_figure NAME SIZES: the table of `slub orders' for the object
# sizes SIZES (a comma-separated list).
orders_figure() {
	local name=$1 sizes=$2 dotf="$OUT/fig-$1.dot" log="$OUT/fig-$1.log"
	: >"$log"
	need_slub "$name" || return
	rm -f "$dotf"
	if ! "$SLUB" orders --out "$dotf" ${sizes//,/ } >>"$log" 2>&1 ||
	   [ ! -s "$dotf" ]; then
		fail "$name" "'$SLUB orders --out $dotf ${sizes//,/ }' failed (see $log)"
		return
	fi
	draw_dot "$name" "$dotf" "$log"
}

graph_figure() {
	local name=$1 src=$2 log="$OUT/fig-$1.log"
	: >"$log"
	if [ ! -f "$src" ]; then
		fail "$name" "graph $src does not exist"
		return
	fi
	draw_dot "$name" "$src" "$log"
}

# compare_figure NAME SCN: the table of 'slub compare SCN' (the scenario in
# both designs, side by side), set in a monospaced graphviz node.
compare_figure() {
	local name=$1 scn=$2 log="$OUT/fig-$1.log" txt="$OUT/fig-$1.txt"
	local dotf="$OUT/fig-$1.dot"
	: >"$log"
	if [ ! -x "$SLUB" ] || [ ! -f "$scn" ]; then
		fail "$name" "$SLUB or scenario $scn does not exist"
		return
	fi
	if ! "$SLUB" compare "$scn" >"$txt" 2>>"$log"; then
		fail "$name" "'$SLUB compare $scn' failed (see $log)"
		return
	fi
	{
		echo 'digraph compare { node [shape=plaintext, fontname="DejaVu Sans Mono", fontsize=10];'
		printf '  t [label="'
		sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/$/\\l/' "$txt" | tr -d '\n'
		echo '"]; }'
	} >"$dotf"
	draw_dot "$name" "$dotf" "$log"
}

shot_figure() {
	local name=$1 scn=$2 step=$3 dir="$OUT/shot-$1" png
	local log="$OUT/fig-$1.log"
	: >"$log"
	if [ ! -x "$SLUBVIZ" ]; then
		fail "$name" "$SLUBVIZ does not exist"
		return
	fi
	if [ ! -f "$scn" ]; then
		fail "$name" "scenario $scn does not exist"
		return
	fi
	step=$(resolve_step "$name" "$scn" "$step") || return
	rm -rf "$dir"
	mkdir -p "$dir"
	if ! "$SLUBVIZ" --headless --frame "$step" --out "$dir" "$scn" \
			>>"$log" 2>&1; then
		fail "$name" "'$SLUBVIZ --headless --frame $step --out $dir $scn' failed (see $log)"
		return
	fi
	png=$(find "$dir" -name '*.png' | sort | tail -n 1)
	if [ -z "$png" ]; then
		fail "$name" "$SLUBVIZ wrote no PNG into $dir"
		return
	fi
	cp "$png" "$OUT/fig-$name.png"
	rm -f "$OUT/fig-$name.pdf"
	svg_of_png "$OUT/fig-$name.png" "$OUT/html/fig-$name.svg"
}

# One job per CPU at a time; each figure job leaves fig-NAME.failed on
# failure. First check how the steps are counted, once per scenario.
jobs_max=$(nproc 2>/dev/null || echo 2)
for scn in $(awk '!/^#/ && NF && $1 != "graph" && $1 != "orders" && $1 != "compare" && $4 !~ /^[0-9]+$/ { print $3 }' "$LIST" |
		sort -u); do
	while [ "$(jobs -rp | wc -l)" -ge "$jobs_max" ]; do
		wait -n || true
	done
	verify_steps "$scn" &
done
wait
names=()
declare -A seen=()
while read -r kind name scn step cache rest; do
	case $kind in
	'' | '#'*) continue ;;
	esac
	case $kind in graph | orders | compare) two=1 ;; *) two= ;; esac
	if [ -n "${rest:-}" ] || { [ -z "${step:-}" ] && [ -z "$two" ]; } ||
	   { [ -n "$two" ] && [ -n "${step:-}" ]; }; then
		echo "book: error: $LIST: malformed line for $name" >&2
		exit 1
	fi
	if [ -n "${seen[$name]:-}" ]; then
		echo "book: error: $LIST: figure $name listed twice" >&2
		exit 1
	fi
	seen[$name]=1
	names+=("$name")
	rm -f "$OUT/fig-$name.failed"
	while [ "$(jobs -rp | wc -l)" -ge "$jobs_max" ]; do
		wait -n || true
	done
	case $kind in
	dot) dot_figure "$name" "$scn" "$step" "${cache:-}" & ;;
	layout | alias) dot_figure "$name" "$scn" "$step" "${cache:-}" "$kind" & ;;
	orders) orders_figure "$name" "$scn" & ;;
	shot) shot_figure "$name" "$scn" "$step" & ;;
	graph) graph_figure "$name" "$scn" & ;;
	compare) compare_figure "$name" "$scn" & ;;
	*)
		echo "book: error: $LIST: unknown kind '$kind'" >&2
		wait
		exit 1
		;;
	esac
done <"$LIST"
wait
for name in "${names[@]}"; do
	if [ -e "$OUT/fig-$name.failed" ]; then
		missing+=("$name")
	else
		made=$((made + 1))
	fi
done

echo "book: $made figures generated, ${#missing[@]} missing"
if [ ${#missing[@]} -gt 0 ] && [ "$MODE" != warn ]; then
	echo "book: error: missing figures: ${missing[*]}" >&2
	echo "book: (BOOK_MISSING_FIGS=warn builds the book with placeholders)" >&2
	exit 1
fi
if [ ${#missing[@]} -eq 0 ] && [ -n "$STAMP" ]; then
	touch "$STAMP"
fi
exit 0
