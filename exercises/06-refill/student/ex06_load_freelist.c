/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Exercise 06: load_freelist in __slab_alloc() (same sections).
 *
 * Scope: included right after the label load_freelist: in __slab_alloc().
 * In scope: s, c (this CPU's kmem_cache_cpu; its slab c->page is frozen),
 * freelist (a non-empty list of free objects that now belongs to this
 * CPU), page, gfpflags, node, addr.
 *
 * Contract. Return the first object of freelist. Afterwards the rest of
 * the list is the CPU's freelist, the CPU's tid has advanced (so that a
 * fastpath that read the old state fails), and interrupts are restored as
 * the slow path found them.
 *
 * Generated from slub.nw <<Hand out the first object of [[freelist]]; the rest becomes the CPU's freelist>>
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
	EXERCISE_TODO("ex06_load_freelist.c");
