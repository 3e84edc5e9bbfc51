#!/usr/bin/env bash
# test-teacher.sh: the teachers' formats, on exercise 05 graded three
# ways (the reference, one planted bug, a file that does not compile):
#   - make grade FORMAT=gradescope / prairielearn write JSON that holds
#     the fields of the platforms' published specifications (see
#     results.py) with the right types and values;
#   - make grade-all writes one CSV row per student with the right sums;
#   - the Gradescope zip of make autograder, unpacked in a scratch
#     folder, grades a submission into results/results.json.
# Prints "ok"/"FAIL" lines; exits 1 on any failure.
set -uo pipefail
. exercises/scripts/common.sh
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0
ok() { echo "  ok    $*"; }
bad() { echo "  FAIL  $*"; fail=$((fail + 1)); }
mkdir -p "$T/subs/ref" "$T/subs/bug" "$T/subs/broken"
for f in $(ex_files 05); do
	chunk "$(target_field "$f" 5)" >"$T/subs/ref/$f"
done
cp "$T/subs/ref/"* "$T/subs/bug/"
cp "$T/subs/ref/"* "$T/subs/broken/"
sed -i 's/next_tid(tid)/tid/' "$T/subs/bug/ex05_alloc_fastpath.c"
echo 'this is not C;' >>"$T/subs/broken/ex05_free_fastpath.c"

grade() { # SUB FORMAT
	make --no-print-directory grade EX=05 SUBMISSION="$T/subs/$1" \
		FORMAT="$2" RESULTS="$T/$1-$2.json" >"$T/$1-$2.log" 2>&1
}
for s in ref bug broken; do
	for f in gradescope prairielearn; do
		grade $s $f || bad "make grade FORMAT=$f on $s failed"
	done
done
# The checks, in python3's json module: field names and types from the
# platforms' documentation (results.py cites the pages).
if python3 - "$T" <<'PY'; then ok "gradescope and prairielearn results.json hold the published fields"; else bad "results.json fields"; fi
import json, sys
T = sys.argv[1]
def load(s, f): return json.load(open("%s/%s-%s.json" % (T, s, f)))
GS_TOP = {"score", "execution_time", "output", "visibility",
          "stdout_visibility", "extra_data", "tests", "leaderboard",
          "output_format", "test_output_format", "test_name_format"}
GS_TEST = {"score", "max_score", "status", "name", "name_format", "number",
           "output", "output_format", "tags", "visibility", "extra_data"}
VIS = {"hidden", "after_due_date", "after_published", "visible"}
PL_TOP = {"gradable", "score", "message", "output", "format_errors",
          "tests", "images"}
PL_TEST = {"name", "description", "points", "max_points", "message",
           "output", "images"}
errs = []
def check(c, m):
    if not c: errs.append(m)
for s, want in (("ref", 13), ("bug", None), ("broken", 0)):
    g = load(s, "gradescope")
    check(set(g) <= GS_TOP, "%s: gradescope top-level keys %s" % (s, set(g) - GS_TOP))
    check(isinstance(g["score"], float), "gradescope score is a number")
    check(len(g["tests"]) == 7, "%s: 7 tests" % s)
    for t in g["tests"]:
        check(set(t) <= GS_TEST, "gradescope test keys %s" % (set(t) - GS_TEST))
        for k in ("name", "number", "score", "max_score", "status", "output", "visibility"):
            check(k in t, "gradescope test lacks %s" % k)
        check(t["status"] in ("passed", "failed"), "status %s" % t["status"])
        check(t["visibility"] in VIS, "visibility %s" % t["visibility"])
        check((t["status"] == "passed") == (t["score"] == t["max_score"]), "score vs status")
        check(t["status"] == "passed" or t["output"], "a failed test says why")
    check(sum(t["score"] for t in g["tests"]) == g["score"], "%s: the sum of the tests" % s)
    check(any(t["visibility"] == "after_due_date" for t in g["tests"]), "hidden tests")
    if want is not None:
        check(g["score"] == want, "%s: gradescope score %s, expected %s" % (s, g["score"], want))
    p = load(s, "prairielearn")
    check(set(p) <= PL_TOP, "%s: prairielearn keys %s" % (s, set(p) - PL_TOP))
    check(isinstance(p["gradable"], bool), "gradable is a boolean")
    check(0.0 <= p["score"] <= 1.0, "score in [0, 1]")
    for t in p["tests"]:
        check(set(t) <= PL_TEST, "prairielearn test keys %s" % (set(t) - PL_TEST))
        check(0 <= t["points"] <= t["max_points"], "points within max_points")
b = load("bug", "gradescope")
check(0 < b["score"] < 13, "the planted bug loses some points: %s" % b["score"])
check(any(t["status"] == "failed" and "tid" in t["output"] for t in b["tests"]),
      "the student sees the failure text")
check(load("ref", "prairielearn")["score"] == 1.0, "reference: 1.0")
check(load("ref", "prairielearn")["gradable"] is True, "reference gradable")
x = load("broken", "prairielearn")
check(x["gradable"] is False and x["format_errors"] and
      all("ex05_free_fastpath.c" in e for e in x["format_errors"]),
      "broken: gradable false with the compiler's errors")
check("error" in load("broken", "gradescope")["output"], "broken: gradescope says why")
for e in errs: print("    " + e)
sys.exit(1 if errs else 0)
PY
if make --no-print-directory grade EX=05 FORMAT=moodle >"$T/bad.log" 2>&1; then
	bad "an unknown FORMAT is accepted"
elif grep -q "unknown FORMAT 'moodle'" "$T/bad.log"; then
	ok "an unknown FORMAT: one-line error, non-zero exit"
else
	bad "an unknown FORMAT: no clear error ($(tail -1 "$T/bad.log"))"
fi
# grade-all: three students
make --no-print-directory grade-all SUBMISSIONS="$T/subs" EX=05 CSV="$T/g.csv" >"$T/all.log" 2>&1 ||
	bad "make grade-all failed: $(tail -2 "$T/all.log")"
if python3 - "$T/g.csv" <<'PY'; then ok "grade-all: one CSV row per student, tests sum to the score"; else bad "grade-all CSV"; cat "$T/g.csv"; fi
import csv, sys
rows = {r["student"]: r for r in csv.DictReader(open(sys.argv[1]))}
assert set(rows) == {"ref", "bug", "broken"}, rows.keys()
for r in rows.values():
    tests = [k for k in r if k.startswith("05:") and k != "05:built"]
    assert len(tests) == 7 and sum(int(r[k]) for k in tests) == int(r["score"]), r
    assert r["max"] == "13"
assert rows["ref"]["score"] == "13" and rows["broken"]["score"] == "0"
assert rows["broken"]["05:built"] == "0" and rows["ref"]["05:built"] == "1"
assert 0 < int(rows["bug"]["score"]) < 13
PY
# the Gradescope zip, run as Gradescope would, in a scratch /autograder
A=$T/autograder
mkdir -p "$A/source" "$A/submission/nested"
if make --no-print-directory autograder EX=05 >"$T/ag.log" 2>&1 &&
	(cd "$A/source" && unzip -q "$OLDPWD/build/autograder-05.zip") &&
	[ -x "$A/source/setup.sh" ] && cp "$A/source/run_autograder" "$A/" &&
	cp "$T/subs/bug/"* "$A/submission/nested/" &&
	AUTOGRADER_ROOT=$A bash "$A/run_autograder" >"$T/ag-run.log" 2>&1 &&
	python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
assert 0 < d["score"] < 13 and len(d["tests"]) == 7, d["score"]' "$A/results/results.json"; then
	ok "make autograder: the zip grades a submission into results/results.json"
else
	bad "make autograder (see $T/ag.log, $T/ag-run.log)"
	tail -5 "$T/ag-run.log"
fi
[ $fail = 0 ]
