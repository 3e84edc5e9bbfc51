#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Personal bug hunts: one planted bug per seed (a student id).

    plant.py plant SEED DIR [--bug NAME | --none]
        write DIR/slub.c: the book's allocator (generated/slub.c) with the
        seed's bug planted, disguised
    plant.py bug SEED          the name of the seed's bug
    plant.py list SEED...      which bug each seed got (for the teacher)
    plant.py catalogue         every bug: name, part of the allocator, what
    plant.py measure SEED...   lines a diff against the book changes, for
                               each seed's disguised copy, against the
                               lines the bug changes

The catalogue is bugs/*.sed: a sed script on generated/slub.c that must
change it, with "# what:", "# part:" and "# caught-by:" (the exercise
test suites that expose it) lines. A seed picks its bug by the SHA-256
of the seed, so the map is fixed and needs no table.

The disguise, all of it seed-dependent: the student's copy has no
comments and no #line directives; the prototypes of the internal
functions are written into it; local names and small static helpers are
renamed throughout (RENAMES, HELPERS); the functions between two
declarations trade places; "!x" and "x == 0" change into each other and
"x++;" into "x += 1;" where that cannot change the meaning; and some
wrapped lines are joined. A diff against the book's code then changes
nearly every function and does not point at the bug (plant.py measure
counts it). Run from the top of the repository.
"""
import hashlib
import os
import random
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = "generated/slub.c"

PROTOS = "generated/slub_protos.h"

# Local names and the names they may become (one picked per seed; a
# candidate that already occurs in the file is skipped).
RENAMES = {
    "page": ["pg", "sp", "slabp", "pgp"],
    "s": ["cachep", "kc", "sc", "cache"],
    "c": ["cpu_slab", "cc", "pcpu", "cs"],
    "n": ["nd", "kn", "node_lists", "nn"],
    "x": ["ptr", "xp", "addr_in", "obj_in"],
    "i": ["j", "ii", "slot", "cnt_i"],
    "tid": ["txn", "t_id", "seq", "tidv"],
    "new": ["nu", "newer", "updated", "after_val"],
    "old": ["ol", "older", "previous", "before_val"],
    "flags": ["fl", "flgs", "opts", "fbits"],
    "node": ["nid_want", "nd_id", "want_node", "node_id"],
    "addr": ["caller", "ret_ip", "site", "from_ip"],
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

# Small static helpers and the names they may become. Only helpers that
# report no event are renamed: an event carries its function's name, and
# the book's tables are keyed by it.
HELPERS = {
    "get_freepointer": ["freeptr_read", "next_free_of", "fp_get"],
    "set_freepointer": ["freeptr_write", "link_free", "fp_set"],
    "freelist_ptr": ["fp_decode", "freeptr_xform", "fp_code"],
    "prefetch_freepointer": ["freeptr_prefetch", "warm_next_free"],
    "slab_index": ["obj_index", "index_in_slab", "slot_of"],
    "order_objects": ["objs_for_order", "order_to_objects"],
    "oo_make": ["pack_oo", "make_order_objects", "oo_pack"],
    "slab_order": ["pick_slab_order", "order_for_size"],
    "calculate_alignment": ["pick_alignment", "align_for"],
    "node_match": ["slab_on_node", "node_ok", "nid_matches"],
    "next_tid": ["tid_advance", "bump_tid", "tid_next"],
    "tid_to_cpu": ["tid_cpu", "cpu_of_tid"],
    "tid_to_event": ["tid_seq", "event_of_tid"],
    "init_tid": ["first_tid", "tid_start"],
    "cpu_tid_ready": ["tid_idle", "tid_not_busy"],
    "kmem_cache_has_cpu_partial": ["has_cpu_partial",
                                   "cache_keeps_cpu_partial"],
    "kmem_cache_debug": ["cache_debugging", "debug_on"],
    "add_partial": ["partial_add", "list_add_partial"],
    "__add_partial": ["__partial_add", "__list_add_partial"],
    "remove_partial": ["partial_remove", "list_del_partial"],
    "__remove_partial": ["__partial_remove", "__list_del_partial"],
    "add_full": ["full_add", "track_full"],
    "remove_full": ["full_remove", "untrack_full"],
    "inc_slabs_node": ["node_slabs_inc", "count_slab_in"],
    "dec_slabs_node": ["node_slabs_dec", "count_slab_out"],
    "discard_slab": ["drop_slab", "release_slab"],
    "free_slab": ["slab_release", "give_back_slab"],
    "__free_slab": ["__slab_release", "__give_back_slab"],
    "alloc_slab_page": ["slab_pages_alloc", "grab_slab_pages"],
    "setup_object": ["object_setup", "prep_object"],
    "acquire_slab": ["take_partial_slab", "claim_slab"],
    "get_freelist": ["take_freelist", "grab_freelist"],
    "pfmemalloc_match": ["pfmemalloc_ok", "pfmem_match"],
    "slab_lock": ["lock_slab", "slab_bit_lock"],
    "slab_unlock": ["unlock_slab", "slab_bit_unlock"],
    "count_free": ["free_count", "objs_free"],
    "set_min_partial": ["min_partial_set", "choose_min_partial"],
    "get_order": ["order_of_size", "size_to_order"],
    "check_valid_pointer": ["pointer_valid", "valid_obj_ptr"],
    "memchr_inv": ["find_not_byte", "memchr_not"],
    "slabs_node": ["node_slab_count", "slabs_on_node"],
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


def strip(text):
    """Comments, #line directives, trailing blanks and runs of blank lines
    out: what a student gets from the book's code with one sed script."""
    out = []
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


def header_idents():
    """Names the headers use: a helper they name keeps its name."""
    names = set()
    for h in ("slub.h", "slub_internal.h", "slub_observe_protos.h"):
        with open(os.path.join("generated", h)) as f:
            names.update(m.group("ident") for m in TOKEN.finditer(f.read())
                         if m.group("ident"))
    return names


def function_units(lines):
    """(first, last) line indices of each function definition: the lines
    of its head after the last blank line, to the "}" at column 0."""
    units, i = [], 0
    while i < len(lines):
        if lines[i] == "{":
            j = i
            while j > 0 and lines[j - 1] and not lines[j - 1].startswith("#") \
                    and not lines[j - 1].endswith((";", "}", "\\")):
                j -= 1
            k = i
            while k < len(lines) and lines[k] != "}":
                k += 1
            if k == len(lines):
                break
            units.append((j, k))
            i = k
        i += 1
    return units


def emitting(lines, units):
    """Functions whose bodies report events (or take the function's name)."""
    ev = re.compile(r"\b(stat|stat_at|slub_step|slub_point|rseq_stat_at|"
                    r"__func__|slub_report|slab_err\w*|slab_bug\w*|"
                    r"slab_fix|__slub_event)\b")
    names = set()
    for a, b in units:
        head = " ".join(lines[a:b + 1]).split("{", 1)[0]
        m = re.search(r"([A-Za-z_]\w*)\s*\(", head)
        if m and ev.search("\n".join(lines[a:b + 1])):
            names.add(m.group(1))
    return names


CHAIN = r"[A-Za-z_]\w*(?:(?:\.|->)[A-Za-z_]\w*)*"
# "!x" <-> "x == 0" only between these: neither side binds tighter
BEFORE = r"(\(|&&|\|\||\breturn\b)(\s*)"
AFTER = r"(?=\s*(?:\)|&&|\|\||;))"
NOT_X = re.compile(BEFORE + r"!(" + CHAIN + r")" + AFTER)
X_EQ_0 = re.compile(BEFORE + r"(" + CHAIN + r") == (?:NULL|0)" + AFTER)
INC_STMT = re.compile(r"^(\s*)(" + CHAIN + r")(\+\+|--);$")
FOR_INC = re.compile(r"; (" + CHAIN + r")\+\+\)")


def vary(line, rnd):
    """Equivalent spellings of the same expression, picked at random."""
    if line.startswith("#") or '"' in line or "'" in line:
        return line
    line = NOT_X.sub(lambda m: m.group(0) if rnd.random() < 0.5 else
                     "%s%s%s == 0" % (m.group(1), m.group(2), m.group(3)),
                     line)
    line = X_EQ_0.sub(lambda m: m.group(0) if rnd.random() < 0.5 or
                      "== 0" in m.group(0) and "!" in line else
                      "%s%s!%s" % (m.group(1), m.group(2), m.group(3)), line)
    m = INC_STMT.match(line)
    if m and rnd.random() < 0.5:
        line = "%s%s %s= 1;" % (m.group(1), m.group(2), m.group(3)[0])
    line = FOR_INC.sub(lambda m: m.group(0) if rnd.random() < 0.5 else
                       "; ++%s)" % m.group(1), line)
    return line


def reflow(body, rnd):
    """Join some wrapped lines of a function's body."""
    out = []
    for line in body:
        prev = out[-1] if out else ""
        if prev.endswith((",", "&&", "||")) and not prev.startswith("#") \
                and line.strip() and not line.lstrip().startswith("}") \
                and len((prev + " " + line.strip()).expandtabs(8)) <= 96 \
                and rnd.random() < 0.6:
            out[-1] = prev + " " + line.strip()
        else:
            out.append(line)
    return out


def disguise(text, seed):
    with open(PROTOS) as f:
        protos = f.read()
    text = text.replace('#include "slub_protos.h"\n', protos, 1)
    rnd = random.Random(digest(seed, "disguise"))
    text = strip(text)
    lines = text.split("\n")
    idents = set(m.group("ident") for m in TOKEN.finditer(text)
                 if m.group("ident"))
    keep = header_idents() | emitting(lines, function_units(lines))
    ren = {}
    for old, choices in sorted(RENAMES.items()):
        free = [c for c in choices if c not in idents and
                c not in ren.values()]
        if free:
            ren[old] = free[digest(seed, old) % len(free)]
    for old, choices in sorted(HELPERS.items()):
        free = [c for c in choices if c not in idents and
                c not in ren.values()]
        if old in idents and old not in keep and free and \
                digest(seed, "h" + old) % 4:
            ren[old] = free[digest(seed, old) % len(free)]
    # macros that take a member's name: FIELD(f) ... ->f
    member_macros = set(re.findall(
        r"#define\s+(\w+)\((\w+)\)[^\n]*(?:\.|->)\2\b", text))
    member_macros = set(name for name, _ in member_macros)
    out, hist, braces = [], [""] * 5, []
    for m in TOKEN.finditer(text):
        kind = m.lastgroup
        tok = m.group(kind)
        if kind == "ident":
            # a member, a struct's field, an asm operand's name [c] or
            # a member named to a macro keeps its name
            member = hist[-1] in (".", "->", "struct", "union", "enum") or \
                (hist[-5] == "offsetof" and hist[-1] == ",") or \
                (hist[-2] in member_macros and hist[-1] == "(") or \
                (braces and braces[-1] == "S") or \
                (hist[-1] == "[" and re.match(r"\]\s*\"",
                                              text[m.end():m.end() + 8]))
            if tok in ren and not member:
                tok = ren[tok]
            hist = hist[1:] + [tok]
        elif kind == "other" and not tok.isspace():
            # "->" arrives as "-" then ">"
            t = "->" if tok == ">" and out and out[-1] == "-" else tok
            if tok == "{":
                tag = ("struct", "union", "enum")
                braces.append("S" if hist[-1] in tag or hist[-2] in tag
                              else "C")
            elif tok == "}" and braces:
                braces.pop()
            hist = hist[1:] + [t]
        out.append(tok)
    lines = "".join(out).split("\n")
    # the functions between two other things trade places; the
    # prototypes above make any order compile
    units = function_units(lines)
    res, pos, i = [], 0, 0
    while i < len(units):
        j = i
        while j + 1 < len(units) and \
                all(not l for l in lines[units[j][1] + 1:units[j + 1][0]]):
            j += 1
        res.extend(lines[pos:units[i][0]])
        run = [lines[a:b + 1] for a, b in units[i:j + 1]]
        rnd.shuffle(run)
        for k, fn in enumerate(run):
            if k:
                res.append("")
            cont = False
            body = []
            for line in fn:
                body.append(line if cont else vary(line, rnd))
                cont = line.endswith("\\")
            res.extend(reflow(body, rnd))
        pos = units[j][1] + 1
        i = j + 1
    res.extend(lines[pos:])
    return "\n".join(res).strip("\n") + "\n"


def changed_lines(a, b):
    """Lines a diff that ignores blanks and blank lines shows changed."""
    with tempfile.TemporaryDirectory() as d:
        fa, fb = os.path.join(d, "a"), os.path.join(d, "b")
        with open(fa, "w") as f:
            f.write(a)
        with open(fb, "w") as f:
            f.write(b)
        r = subprocess.run(["diff", "-w", "-B", fa, fb],
                           capture_output=True, text=True)
    return sum(1 for l in r.stdout.splitlines() if l[:2] in ("< ", "> "))


def measure(seeds, bugs):
    with open(SRC) as f:
        book = f.read()
    ref = strip(book.replace('#include "slub_protos.h"\n',
                             open(PROTOS).read(), 1))
    print("%-12s %-26s %5s %7s %7s %s" % ("seed", "bug", "bug", "diff",
                                          "ratio", "functions kept"))
    for seed in seeds:
        check_seed(seed)
        name = bug_of(seed, bugs)
        planted = plant_bug(book, bugs[name]["file"])
        nbug = changed_lines(ref, strip(planted.replace(
            '#include "slub_protos.h"\n', open(PROTOS).read(), 1)))
        dis = disguise(planted, seed)
        ndiff = changed_lines(ref, dis)
        # functions whose text (blanks aside) the copy keeps as it is
        fns = lambda s: [" ".join(" ".join(s[a:b + 1]).split())
                         for a, b in function_units(s)]
        theirs = set(fns(dis.split("\n")))
        ours = fns(ref.split("\n"))
        kept = sum(1 for f in ours if f in theirs)
        print("%-12s %-26s %5d %7d %7.0f %d of %d" % (
            seed, name, nbug, ndiff, ndiff / max(nbug, 1), kept, len(ours)))


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
    if cmd == "measure" and args:
        measure(args, bugs)
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
