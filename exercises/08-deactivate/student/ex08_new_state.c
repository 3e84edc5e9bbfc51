/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Exercise 08: deactivate_slab(), the new state.
 *
 * Included after the label redo: inside deactivate_slab(). In scope as
 * above; l is the list the slab is on now (M_NONE at first), lock says
 * whether n->list_lock is held.
 * Read page->freelist and page->counters into old; compute new: the last
 * object of freelist (if any) returns too (linked to old.freelist, one
 * object fewer in use), and the slab is unfrozen. Then m: M_FREE if no
 * object is in use and the node has more than s->min_partial partial
 * slabs already (n->nr_partial > s->min_partial, as in 3.18), M_PARTIAL
 * if any object is free, else M_FULL. Take
 * n->list_lock (once: set lock) for M_PARTIAL, and for M_FULL of a
 * debugged cache (kmem_cache_debug).
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
