/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Exercise 05: the free fastpath (book: "slab_free()").
 *
 * This file is included inside slab_free(), in the branch where the
 * object's slab is this CPU's cpu slab. In scope: s, page, c, tid (read
 * before), object (the object being freed, a void **), freelist (a
 * void ** to use for c->freelist), x and addr.
 * Push object on the CPU's freelist: link it to the current head with
 * set_freepointer(), then one this_cpu_cmpxchg_double() replaces
 * (head, tid) by (object, next_tid(tid)). On failure call
 * note_cmpxchg_failure("slab_free", s, tid) and goto redo; on success
 * stat_at(s, FREE_FASTPATH, object, page), the count with the object and
 * its slab for the trace. Call slub_point(SLUB_POINT_FREE_BEFORE_CMPXCHG)
 * just before the compare-and-swap.
 * Remove the (void) lines of the stub when you write the code.
 *
 * Generated from slub.nw <<Push [[object]] on the CPU's freelist, or [[goto redo]]>>
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
		EXERCISE_TODO("ex05_free_fastpath.c");
		/* stub lines: remove them when you write the code */
		if (0)
			goto redo;
		(void)object;
		(void)freelist;
		(void)note_cmpxchg_failure;
