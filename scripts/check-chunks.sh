#!/usr/bin/env bash
# check-chunks.sh: slub.nw has only the intended root chunks and every used
# chunk is defined. noroots lists roots; an unused chunk shows up as a root.
set -euo pipefail
command -v noroots >/dev/null || exit 0
expected=$(printf '%s\n' '<<slub.c>>' '<<slub.h>>' '<<[[slub_internal.h]]>>' '<<[[slub_observe.c]]>>' | sort)
actual=$(noroots slub.nw | sort)
if [ "$actual" != "$expected" ]; then
	echo "error: slub.nw roots differ from the intended ones:" >&2
	diff <(echo "$expected") <(echo "$actual") >&2 || true
	exit 1
fi
# An undefined chunk makes notangle fail.
for r in slub.c slub.h '[[slub_internal.h]]' '[[slub_observe.c]]'; do notangle -R"$r" slub.nw >/dev/null; done
