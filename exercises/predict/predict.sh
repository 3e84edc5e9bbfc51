#!/usr/bin/env bash
# predict.sh NN SLUB [--viz]: the prediction exercise NN. The first time, copy the
# blank file exercises/predict/NN-*.scn to work/predict/ (never over a
# file the student has started); afterwards, grade it with SLUB predict.
set -uo pipefail
nn=$1 slub=$2 viz=${3:-}
src=$(ls exercises/predict/"$nn"-*.scn 2>/dev/null | head -1)
[ -n "$src" ] || { echo "predict: no exercises/predict/$nn-*.scn (there are: $(ls exercises/predict/*.scn | sed 's|.*/||; s|-.*||' | tr '\n' ' '))" >&2; exit 2; }
dst=work/predict/$(basename "$src")
if [ ! -f "$dst" ]; then
	mkdir -p work/predict
	cp "$src" "$dst"
	echo "predict: fill in the '?' of $dst, then run 'make predict P=$nn' again"
	exit 0
fi
echo "== Prediction $nn: $dst"
"$slub" predict $viz "$dst"
