#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""The grader's results in the formats that teaching platforms read.

    results.py gradescope    IN.json LOGDIR OUT.json
    results.py prairielearn  IN.json LOGDIR OUT.json
    results.py csv OUT.csv STUDENT=IN.json ...

IN.json is what exercises/scripts/grade.sh --json writes: the total and,
per exercise, its tests with points, max and the message a failing test
printed. LOGDIR holds NN/build.log for an exercise whose build failed.

The field lists follow the platforms' published specifications, read on
their documentation sites:
  Gradescope, "Autograder Specifications"
  (https://gradescope-autograders.readthedocs.io/en/latest/specs/):
  top level score, execution_time, output, visibility, stdout_visibility,
  tests[]; per test score, max_score, status ("passed"/"failed"), name,
  number, output, visibility ("hidden", "after_due_date",
  "after_published", "visible").
  PrairieLearn, "External Grading"
  (https://prairielearn.readthedocs.io/en/latest/externalGrading/):
  gradable, score (a fraction in [0, 1]), message, output, format_errors
  (with gradable false when the submission cannot be graded), tests[]
  with name, description, points, max_points, message, output.
Tests named in visibility.txt (next to this file) are shown on Gradescope
only after the due date: the ones written to catch a particular wrong
solution, whose names would give the solution away.
"""
import csv
import re
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def die(msg):
    sys.stderr.write("results.py: %s\n" % msg)
    sys.exit(2)


def load(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        die("%s: cannot read the grader's results: %s" % (path, e))


def visibility():
    vis = {}
    with open(os.path.join(HERE, "visibility.txt")) as f:
        for line in f:
            line = line.split("#", 1)[0].split()
            if len(line) == 3:
                vis[(line[0], line[1])] = line[2]
    return vis


def build_log(logdir, ex, lines=40):
    """The compiler's complaints for exercise ex: its error lines first."""
    try:
        with open(os.path.join(logdir, ex, "build.log"),
                  encoding="utf-8", errors="replace") as f:
            text = f.read().splitlines()
    except OSError:
        return ["the files of exercise %s do not compile" % ex]
    # the student's file by its name, not by the grader's build folder
    text = [re.sub(r"\S*/(ex\d\d_\w+\.c)", r"\1", l) for l in text]
    errs = [l for l in text if "error" in l or "missing" in l]
    return (errs or text)[:lines] or ["the files of exercise %s do not "
                                      "compile" % ex]


def gradescope(res, logdir):
    vis = visibility()
    tests, n, outs = [], 0, []
    for ex in res["exercises"]:
        built = ex.get("build") == "ok"
        if not built:
            outs.append("Exercise %s does not compile; every test scores 0.\n"
                        % ex["exercise"] + "\n".join(build_log(logdir,
                                                              ex["exercise"])))
        for t in ex["tests"]:
            n += 1
            out = "" if t["passed"] else t.get("message", "")
            if not built:
                out = "not built: your files of exercise %s do not compile" \
                      % ex["exercise"]
            tests.append({
                "name": "%s %s" % (ex["exercise"], t["name"]),
                "number": "%s.%d" % (ex["exercise"], len(
                    [x for x in tests if x["number"].startswith(
                        ex["exercise"] + ".")]) + 1),
                "score": float(t["points"]),
                "max_score": float(t["max"]),
                "status": "passed" if t["passed"] else "failed",
                "output": out,
                "visibility": vis.get((ex["exercise"], t["name"]), "visible"),
            })
    return {
        "score": float(res["score"]),
        "output": "\n\n".join(outs) if outs else
        "Score: %d/%d" % (res["score"], res["max"]),
        "stdout_visibility": "hidden",
        "visibility": "visible",
        "tests": tests,
    }


def prairielearn(res, logdir):
    errors = []
    for ex in res["exercises"]:
        if ex.get("build") != "ok":
            errors += ["exercise %s: %s" % (ex["exercise"], l)
                       for l in build_log(logdir, ex["exercise"])]
    if errors:
        return {
            "gradable": False,
            "score": 0.0,
            "message": "Your files do not compile: nothing was graded.",
            "format_errors": errors,
            "tests": [],
        }
    tests = []
    for ex in res["exercises"]:
        for t in ex["tests"]:
            tests.append({
                "name": "%s %s" % (ex["exercise"], t["name"]),
                "description": ex.get("title", ""),
                "points": t["points"],
                "max_points": t["max"],
                "message": "" if t["passed"] else t.get("message", ""),
                "output": "",
            })
    mx = res["max"]
    return {
        "gradable": True,
        "score": (res["score"] / mx) if mx else 0.0,
        "message": "Score: %d/%d" % (res["score"], mx),
        "output": "",
        "tests": tests,
    }


def grades_csv(out, pairs):
    cols, rows = [], []
    for pair in pairs:
        if "=" not in pair:
            die("expected STUDENT=RESULTS.json, not %s" % pair)
        who, path = pair.split("=", 1)
        res = load(path)
        row = {"student": who, "score": res["score"], "max": res["max"]}
        for ex in res["exercises"]:
            key = "%s:built" % ex["exercise"]
            row[key] = 1 if ex.get("build") == "ok" else 0
            if key not in cols:
                cols.append(key)
            for t in ex["tests"]:
                key = "%s:%s" % (ex["exercise"], t["name"])
                row[key] = t["points"]
                if key not in cols:
                    cols.append(key)
        rows.append(row)
    with open(out, "w", newline="") as f:
        w = csv.DictWriter(f, ["student", "score", "max"] + cols,
                           restval="")
        w.writeheader()
        w.writerows(rows)


def main(argv):
    if len(argv) >= 3 and argv[1] == "csv":
        grades_csv(argv[2], argv[3:])
        return 0
    if len(argv) != 5 or argv[1] not in ("gradescope", "prairielearn"):
        die("usage: results.py gradescope|prairielearn IN.json LOGDIR "
            "OUT.json | csv OUT.csv STUDENT=IN.json ...")
    res = load(argv[2])
    conv = gradescope if argv[1] == "gradescope" else prairielearn
    data = conv(res, argv[3])
    with open(argv[4], "w") as f:
        json.dump(data, f, indent=1)
        f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
