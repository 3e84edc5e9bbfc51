/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Exercise 05: the free fastpath. Book: "slab_free()"
 * (sec:free-fastpath).
 *
 * Scope: included inside slab_free(), where the object's slab is this
 * CPU's slab. In scope: s, page, c, tid (read before), object (the object
 * being freed, a void **), freelist (a void ** for c->freelist), x and
 * addr; the label redo starts the attempt over.
 *
 * Contract. Afterwards object is the head of the CPU's freelist, linked
 * to the former head, or the attempt starts over. The same invariants as
 * the allocation fastpath: one atomic update of (freelist, tid) that
 * fails if anything changed since it was read, the tid advanced by one
 * step, FREE_FASTPATH counted once per free (with object and slab), the
 * free path's preemption point reached just before the atomic update.
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
		(void)object;
		(void)freelist;
