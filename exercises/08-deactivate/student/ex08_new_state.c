/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Exercise 08: deactivate_slab(), the new state (same section).
 *
 * Scope: after the label redo: in deactivate_slab(); in scope as above; l
 * is the list the slab is on now (M_NONE at first), lock says whether
 * n->list_lock is held.
 *
 * Contract. Compute in new the slab's state after the last CPU object
 * returns (linked to the slab's current freelist, one fewer in use, the
 * slab unfrozen), and in m where it goes: M_FREE when empty and the node
 * already keeps more than s->min_partial partial slabs (the 3.18 test),
 * M_PARTIAL when some object is free, M_FULL otherwise. The node's
 * list_lock is held (once; lock set) for M_PARTIAL, and for M_FULL when
 * the cache is debugged.
 *
 * Generated from slub.nw <<Compute the slab's state after the last object returns>>
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
	EXERCISE_TODO("ex08_new_state.c");
