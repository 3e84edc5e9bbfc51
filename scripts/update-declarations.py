#!/usr/bin/env python3
"""Rewrite the chunk <<Forward declarations of the static functions>> in
slub.nw from the static function definitions of the tangled
generated/slub.c, so that the book may define functions in exposition
order. Run `make tangle` before and after."""
import re
import sys

NW = "slub.nw"
CHUNK = "<<Forward declarations of the static functions>>="


def prototypes(c_lines):
    lines = [l for l in c_lines if not l.startswith("#line")]
    out, i = [], 0
    while i < len(lines):
        l = lines[i]
        if (l.startswith("static ") and not l.rstrip().endswith(";")
                and "=" not in l.split("(")[0] and "{" not in l):
            sig, j = [l], i
            while not lines[j].rstrip().endswith(")") and j < i + 8:
                j += 1
                sig.append(lines[j])
            if (j + 1 < len(lines) and lines[j + 1].strip() == "{"
                    and "(" in "".join(sig)):
                out.append("\n".join(sig) + ";")
            i = j + 1
            continue
        i += 1
    return out


def main():
    c = open("generated/slub.c").read().split("\n")
    protos = [p for p in prototypes(c)
              if not re.search(r"\b(__stat|__rseq_stat|__slub_event|panic)\(", p)]
    nw = open(NW).read()
    start = nw.index(CHUNK) + len(CHUNK) + 1
    end = nw.index("\n@", start - 1)
    nw = nw[:start] + "\n".join(protos) + nw[end:]
    open(NW, "w").write(nw)
    print(f"update-declarations: {len(protos)} prototypes", file=sys.stderr)


main()
