/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Exercise 08: deactivate_slab(), stage one. Book: "deactivate_slab()"
 * (sec:deactivate-slab).
 *
 * Scope: inside deactivate_slab(). In scope: s, page (the frozen slab
 * being deactivated), freelist (the CPU's free objects of this slab, may
 * be NULL), n, new and old (struct page), nextfree, tail, lock, l, m.
 *
 * Contract. Give all but the last object of freelist back to the slab's
 * own freelist, one atomic update of (freelist, counters) per object,
 * each retried until it succeeds (a remote free may race). Afterwards
 * freelist holds only the last object (or is NULL) and the slab's
 * counters count one object fewer in use per object returned.
 *
 * Generated from slub.nw <<Move all but one of the CPU's free objects to the frozen slab>>
 * by exercises/scripts/skeleton.sh.
 */
#ifndef EXERCISE_TODO
#define EXERCISE_TODO(what)						\
	do {								\
		fprintf(stderr, "exercise: %s is not written yet\n", what); \
		abort();						\
	} while (0)
#endif
	/* TODO: write this part (see above). */
	EXERCISE_TODO("ex08_drain_cpu_freelist.c");
	/* stub lines: remove them when you write the code */
	(void)nextfree;
	(void)freelist;
