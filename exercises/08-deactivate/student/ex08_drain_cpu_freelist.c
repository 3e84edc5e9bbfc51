/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Exercise 08: deactivate_slab(), stage one (book: "deactivate_slab()").
 *
 * Included inside deactivate_slab(). In scope: s, page (the frozen slab
 * being deactivated), freelist (the CPU's free objects of this slab, may
 * be NULL), n, new and old (struct page), nextfree, tail, lock, l, m.
 * Move every object of freelist except the last one to page->freelist,
 * one by one, each with a __cmpxchg_double_slab(s, page, prior, counters,
 * object, new.counters, "drain percpu freelist") retried until it
 * succeeds (one object fewer in use each). Afterwards freelist holds the
 * one remaining object (or NULL).
 * Remove the (void) line of the stub when you write the code.
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
