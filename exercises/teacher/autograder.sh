#!/usr/bin/env bash
# autograder.sh NN ZIP: the zip a teacher uploads to Gradescope to grade
# exercise NN. Its root holds setup.sh (installs the Debian packages the
# grader needs), run_autograder (grades /autograder/submission into
# /autograder/results/results.json) and the project's sources, which
# Gradescope unpacks into /autograder/source. The root /autograder can
# be moved with AUTOGRADER_ROOT, so that a test can run it in a scratch
# folder. Run from the top of the repository (make autograder does).
set -euo pipefail
. exercises/scripts/common.sh
[ $# = 2 ] || die "usage: autograder.sh NN ZIP"
ex=$1 zip=$2
ex_dir "$ex" >/dev/null
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
# the sources: what git tracks, plus new files not ignored (no build/)
git ls-files --cached --others --exclude-standard -z |
	xargs -0 -I{} sh -c '[ -f "{}" ] && echo "{}"' >"$stage/list"
tar -cf - -T "$stage/list" | tar -C "$stage" -xf -
rm "$stage/list"
cat >"$stage/setup.sh" <<'SETUP'
#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the grader's image.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends make gcc libc6-dev noweb \
	check pkg-config perl python3 ca-certificates
SETUP
sed "s/@EX@/$ex/" >"$stage/run_autograder" <<'RUN'
#!/usr/bin/env bash
# Gradescope runs this for every submission: grade exercise @EX@ of the
# files in $AUTOGRADER_ROOT/submission (any layout) into
# $AUTOGRADER_ROOT/results/results.json.
AG=${AUTOGRADER_ROOT:-/autograder}
out=$AG/results/results.json
mkdir -p "$AG/results"
cd "$AG/source" || exit 1
if ! make --no-print-directory grade EX=@EX@ SUBMISSION="$AG/submission" \
	FORMAT=gradescope RESULTS="$out" || [ ! -s "$out" ]; then
	# the grader itself could not run: say so rather than leave no result
	python3 -c 'import json, sys
json.dump({"score": 0.0, "output": "The grader could not run; " +
           "please tell your teacher. (See the autograder output.)",
           "tests": []}, open(sys.argv[1], "w"))' "$out"
fi
RUN
chmod +x "$stage/setup.sh" "$stage/run_autograder"
mkdir -p "$(dirname "$zip")"
rm -f "$zip"
abs=$(cd "$(dirname "$zip")" && pwd)/$(basename "$zip")
(cd "$stage" && zip -qr "$abs" .)
echo "wrote $zip (exercise $ex: upload it as the Gradescope autograder)"
