/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Exercise 05: the allocation fastpath (book: "slab_alloc()").
 *
 * This file is included inside slab_alloc_node(), in the branch where the
 * CPU's freelist is usable. In scope: s (the cache), c (this CPU's
 * struct kmem_cache_cpu), tid (c->tid as read before), object (the first
 * object of c->freelist, not NULL), page, gfpflags, node, addr.
 * Take object off the CPU's freelist: with one
 * this_cpu_cmpxchg_double(s, c, old_freelist, old_tid, new_freelist,
 * new_tid) replace (object, tid) by (the next free object, next_tid(tid)).
 * Read the next object with get_freepointer_safe(). If the compare-and-swap
 * fails, call note_cmpxchg_failure("slab_alloc", s, tid) and goto redo.
 * On success count stat_at(s, ALLOC_FASTPATH, object, page): the count,
 * with the object and its slab for the trace. Call
 * slub_point(SLUB_POINT_ALLOC_BEFORE_CMPXCHG) just before the
 * compare-and-swap (the scenarios inject preemption there). Afterwards
 * object is the object handed out.
 *
 * Generated from slub.nw <<Take [[object]] off the CPU's freelist, or [[goto redo]]>>
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
		EXERCISE_TODO("ex05_alloc_fastpath.c");
		/* stub lines: remove them when you write the code */
		if (0)
			goto redo;
		(void)note_cmpxchg_failure;
		(void)get_freepointer_safe;
