/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Exercise 05: the allocation fastpath. Book: "slab_alloc()"
 * (sec:alloc-fastpath) and "The per-CPU compare-and-swap"
 * (sec:this-cpu-cmpxchg).
 *
 * Scope: included inside slab_alloc_node(), where this CPU's freelist is
 * not empty. In scope: s, c (this CPU's struct kmem_cache_cpu), tid (as
 * read before the freelist), object (the head of c->freelist), page,
 * gfpflags, node, addr; the label redo starts the attempt over.
 *
 * Contract. Afterwards object is handed out and is no longer on the CPU's
 * freelist, or the attempt starts over. Invariants:
 *  - the CPU's (freelist, tid) pair changes only as a whole and only if
 *    nobody changed it since it was read: a preempted attempt (another
 *    task ran on this CPU) must fail and start over, never hand out an
 *    object twice, even when the head is the same pointer again (ABA);
 *  - every successful operation advances the tid by one step;
 *  - counters: ALLOC_FASTPATH once per object handed out (with the
 *    object and its slab, for the trace); a failed attempt is counted as
 *    the kernel counts it (CMPXCHG_DOUBLE_CPU_FAIL);
 *  - the simulator's preemption point of this path is reached once per
 *    attempt, just before the atomic update (slub_point()).
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
