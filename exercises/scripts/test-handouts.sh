# test-handouts.sh: sourced by test-exercises.sh (ok, bad, $files/ref).
# Every exercise's one-exercise handout grades on its own: unpacked in a
# scratch folder, its skeleton scores 0 and the reference full marks.
# The first handout builds everything; the others reuse its objects that
# do not depend on the exercise, two at a time.
echo "== one-exercise handouts"
hstart=$(date +%s)
hroot=$(mktemp -d)
first=$(ex_all | head -1)
bash $EXDIR/scripts/handout-check.sh "$first" "$files/ref" "$hroot/$first"
ex_all | tail -n +2 | xargs -P "$(nproc)" -I{} bash $EXDIR/scripts/handout-check.sh {} \
	"$files/ref" "$hroot/{}" "$hroot/$first/slub-ex$first/build"
for ex in $(ex_all); do
	r=$hroot/$ex/result
	sk=$(sed -n 's/^skel //p' "$r" 2>/dev/null) rf=$(sed -n 's/^ref //p' "$r" 2>/dev/null)
	if [[ $sk =~ ^0/[0-9]+$ ]] && [[ $rf =~ ^([0-9]+)/([0-9]+)$ ]] &&
		[ "${BASH_REMATCH[1]}" = "${BASH_REMATCH[2]}" ] && [ "${sk#0/}" = "${rf#*/}" ]; then
		ok "handout of exercise $ex alone: skeleton $sk, reference $rf"
	else
		bad "handout of exercise $ex: skeleton ${sk:-none}, reference ${rf:-none} (log: $hroot/$ex/log)"
		tail -20 "$hroot/$ex/log"
	fi
done
echo "   (one-exercise handouts: $(( $(date +%s) - hstart )) s)"
[ $fail != 0 ] || rm -rf "$hroot"
