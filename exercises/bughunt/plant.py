#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Personal bug hunts: one planted bug per seed (a student id).

    plant.py plant SEED DIR [--bug NAME | --none]
        write DIR/slub.c: the book's allocator (generated/slub.c) with the
        seed's bug planted, disguised
    plant.py bug SEED          the name of the seed's bug
    plant.py list SEED...      which bug each seed got (for the teacher)
    plant.py catalogue         every bug: name, part of the allocator, what

The catalogue is bugs/*.sed: a sed script on generated/slub.c that must
change it, with "# what:", "# part:" and "# caught-by:" (the exercise
test suites that expose it) lines. A seed picks its bug by the SHA-256
of the seed, so the map is fixed and needs no table.

The disguise: the student's copy has no comments and no #line
directives, and a seed-dependent set of local names is renamed
throughout, so that a diff against the book's code changes nearly every
function and does not point at the bug. Run from the top of the
repository.
"""
import hashlib
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = "generated/slub.c"

# Local names and the names they may become (one picked per seed; a
# candidate that already occurs in the file is skipped).
RENAMES = {
    "object": ["obj", "objp", "item", "elem"],
    "freelist": ["flist", "head", "chain", "free_head"],
    "prior": ["prev_head", "oldhead", "before", "was_head"],
    "counters": ["ctrs", "word", "packed", "cnt"],
    "nextfree": ["succ", "nxt", "following", "after"],
    "was_frozen": ["had_frozen", "frozen_before", "wf", "prev_frozen"],
    "pobjects": ["nfree", "free_objs", "chain_objs", "pobjs"],
    "pages": ["nslabs", "chain_len", "npages", "slab_count"],
    "oldpage": ["prev_slab", "old_slab", "head_slab", "op"],
    "idx": ["k", "ix", "index", "pos"],
    "start": ["base", "first", "addr0", "mem"],
    "prior": ["prev_head", "oldhead", "before", "was_head"],
}

TOKEN = re.compile(r'''
    (?P<comment>/\*.*?\*/|//[^\n]*)
  | (?P<string>"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*')
  | (?P<ident>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<other>.)
''', re.S | re.X)


def die(msg):
    sys.stderr.write("bughunt: %s\n" % msg)
    sys.exit(2)


def catalogue():
    bugs = {}
    d = os.path.join(HERE, "bugs")
    for f in sorted(os.listdir(d)):
        if not f.endswith(".sed"):
            continue
        meta = {"file": os.path.join(d, f)}
        with open(meta["file"]) as fh:
            for line in fh:
                m = re.match(r"# (what|part|caught-by): *(.*)", line)
                if m:
                    meta[m.group(1)] = m.group(2).strip()
        for k in ("what", "part", "caught-by"):
            if k not in meta:
                die("%s: no '# %s:' line" % (meta["file"], k))
        bugs[f[:-4]] = meta
    if not bugs:
        die("no bugs in %s" % d)
    return bugs


def digest(seed, salt=""):
    return int(hashlib.sha256((salt + seed).encode()).hexdigest(), 16)


def check_seed(seed):
    if not re.fullmatch(r"[A-Za-z0-9._@-]{1,64}", seed):
        die("SEED '%s': expected a student id (1-64 letters, digits, . _ @ -)"
            % seed)


def bug_of(seed, bugs):
    names = sorted(bugs)
    return names[digest(seed) % len(names)]


def plant_bug(text, sedfile):
    try:
        r = subprocess.run(["sed", "-f", sedfile], input=text, text=True,
                           capture_output=True, check=True)
    except subprocess.CalledProcessError as e:
        die("%s: sed failed: %s" % (sedfile, e.stderr.strip()))
    if r.stdout == text:
        die("%s does not change %s" % (sedfile, SRC))
    return r.stdout


def disguise(text, seed):
    idents = set(m.group("ident") for m in TOKEN.finditer(text)
                 if m.group("ident"))
    ren = {}
    for i, (old, choices) in enumerate(sorted(RENAMES.items())):
        free = [c for c in choices if c not in idents and
                c not in ren.values()]
        if free:
            ren[old] = free[digest(seed, old) % len(free)]
    out, hist = [], [""] * 5
    for m in TOKEN.finditer(text):
        kind = m.lastgroup
        tok = m.group(kind)
        if kind == "comment":
            # a fall-through comment is read by -Wimplicit-fallthrough
            if re.search(r"fall ?through", tok, re.I):
                out.append(tok)
            else:
                out.append(" " if tok.startswith("/*") else "")
            continue
        if kind == "ident":
            member = hist[-1] in (".", "->", "struct", "union", "enum") or \
                (hist[-5] == "offsetof" and hist[-1] == ",")
            if tok in ren and not member:
                tok = ren[tok]
            hist = hist[1:] + [tok]
        elif kind == "other" and not tok.isspace():
            # "->" arrives as "-" then ">"
            t = "->" if tok == ">" and out and out[-1] == "-" else tok
            hist = hist[1:] + [t]
        out.append(tok)
    lines = []
    for line in "".join(out).split("\n"):
        line = line.rstrip()
        if line.startswith("#line "):
            continue
        if not line and lines and not lines[-1]:
            continue
        lines.append(line)
    return "\n".join(lines).strip("\n") + "\n"


def main(argv):
    if len(argv) < 2:
        die(__doc__.split("\n\n")[1].strip())
    cmd, args = argv[1], argv[2:]
    bugs = catalogue()
    if cmd == "catalogue":
        for name in sorted(bugs):
            print("%-26s %s\n%-26s   %s" % (name, bugs[name]["part"], "",
                                             bugs[name]["what"]))
        return 0
    if cmd == "bug" and len(args) == 1:
        check_seed(args[0])
        print(bug_of(args[0], bugs))
        return 0
    if cmd == "list" and args:
        for seed in args:
            check_seed(seed)
            b = bug_of(seed, bugs)
            print("%-20s %-26s %s" % (seed, b, bugs[b]["part"]))
        return 0
    if cmd == "plant" and len(args) in (2, 3, 4):
        seed, out = args[0], args[1]
        check_seed(seed)
        name = bug_of(seed, bugs)
        if args[2:] == ["--none"]:
            name = None
        elif len(args) == 4 and args[2] == "--bug":
            name = args[3]
            if name not in bugs:
                die("no bug named %s (see: plant.py catalogue)" % name)
        elif len(args) != 2:
            die("usage: plant.py plant SEED DIR [--bug NAME | --none]")
        with open(SRC) as f:
            text = f.read()
        if name:
            text = plant_bug(text, bugs[name]["file"])
        text = disguise(text, seed)
        os.makedirs(out, exist_ok=True)
        with open(os.path.join(out, "slub.c"), "w") as f:
            f.write("/* SPDX-License-Identifier: GPL-2.0-only */\n"
                    "/* The SLUB Book's allocator, bug hunt of seed %s. */\n"
                    % seed)
            f.write(text)
        with open(os.path.join(out, ".seed"), "w") as f:
            f.write(seed + "\n")
        return 0
    die("unknown command or arguments: %s (see plant.py's first lines)"
        % " ".join(argv[1:]))


if __name__ == "__main__":
    sys.exit(main(sys.argv))
