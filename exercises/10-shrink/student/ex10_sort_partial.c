/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Exercise 10: shrinking. Book: "kmem_cache_shrink()" (sec:shrink).
 *
 * Scope: inside __kmem_cache_shrink(), once per node. In scope: s, n (the
 * node), objects (the largest number of objects per slab), slabs_by_inuse
 * (objects empty lists: bucket i for slabs with i objects in use), page,
 * t, i.
 *
 * Contract. Under the node's list_lock: afterwards n->partial holds the
 * same non-empty slabs, ordered by objects in use, fullest first (so that
 * allocations fill them and the emptiest can free up), and the empty
 * slabs are in bucket 0, no longer counted in n->nr_partial (the caller
 * discards them).
 *
 * Generated from slub.nw <<Sort the node's partial slabs by objects in use>>
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
		EXERCISE_TODO("ex10_sort_partial.c");
