/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Exercise 06: load_freelist in __slab_alloc() (book: "__slab_alloc()").
 *
 * This file is included right after the label load_freelist: inside
 * __slab_alloc(). In scope: s, c (this CPU's kmem_cache_cpu, whose slab
 * c->page is frozen), freelist (a non-empty list of free objects that now
 * belongs to this CPU), page, gfpflags, node, addr.
 * Hand out the first object of freelist and make the rest the CPU's
 * freelist (WRITE_ONCE(c->freelist, ...)); advance the CPU's tid with
 * next_tid() so that a fastpath that read the old state fails its
 * compare-and-swap; then local_irq_restore(s, c) and return the object.
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
