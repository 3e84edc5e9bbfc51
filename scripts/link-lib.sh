#!/usr/bin/env bash
# link-lib.sh LIB.a OBJ...: the allocator's objects (the allocator and its
# observation layer) linked into one relocatable object whose hidden
# symbols, the names the two files share (SLUB_SHARED), become local, so
# that the library exports its interface and nothing else; then archived.
set -euo pipefail
lib=$1
shift
one=${lib%.a}.o
rm -f "$lib" "$one"
${LD:-ld} -r -o "$one" "$@"
${OBJCOPY:-objcopy} --localize-hidden "$one"
ar rcs "$lib" "$one"
