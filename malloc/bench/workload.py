# SPDX-License-Identifier: GPL-2.0-only
"""workload.py - a Python program that allocates: four threads build
dictionaries of strings and lists, serialise them to JSON and read them
back, and the main thread checks the results. Python keeps objects up to
512 bytes in its own pools; the dictionaries' tables, the lists, the long
strings and the JSON text come from malloc. make bench-apps runs it."""
import json
import sys
import threading

ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 2
results = {}


def work(tid):
    total = 0
    for r in range(ROUNDS):
        d = {}
        for i in range(12000):
            key = "k%d-%d-%d" % (tid, r, i)
            d[key] = [key * (i % 7 + 1), i, {"n": i, "s": str(i) * 3}]
        text = json.dumps(d)
        back = json.loads(text)
        total += len(text) + len(back)
    results[tid] = total


threads = [threading.Thread(target=work, args=(t,)) for t in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for tid in sorted(results):
    print(tid, results[tid])
if len(results) != 4:
    sys.exit(1)
