/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Exercise 06: refilling the CPU. Book: "__slab_alloc()"
 * (sec:alloc-slowpath) and "The double-word compare-and-swap"
 * (sec:cmpxchg-double).
 *
 * Contract. Take, in one atomic step on the slab's (freelist, counters),
 * every object other CPUs freed into this CPU's slab, and return them
 * (NULL if there were none). Afterwards the slab's own freelist is empty,
 * all its objects count as in use, and it stays frozen only if a list was
 * taken (a frozen slab without free objects on this CPU is unfrozen).
 * A concurrent free that changes the slab meanwhile makes the step
 * retry.
 *
 * Generated from slub.nw <<Take all objects of the cpu slab's own freelist: [[get_freelist]]>>
 * by exercises/scripts/skeleton.sh.
 */
#ifndef EXERCISE_TODO
#define EXERCISE_TODO(what)						\
	do {								\
		fprintf(stderr, "exercise: %s is not written yet\n", what); \
		abort();						\
	} while (0)
#endif
static inline void *get_freelist(struct kmem_cache *s, struct page *page)
{
	(void)s;
	(void)page;
	EXERCISE_TODO("get_freelist");
}
