/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Exercise 10: shrinking (book: "kmem_cache_shrink()").
 *
 * Included inside __kmem_cache_shrink(), once per node. In scope: s, n
 * (the node), objects (the largest number of objects per slab),
 * slabs_by_inuse (objects empty lists: bucket i for slabs with i objects
 * in use), page, t, i.
 * Under n->list_lock, move each slab of n->partial to the bucket of its
 * inuse (list_move); an empty slab leaves the node's count (nr_partial).
 * Then splice the buckets objects-1 .. 1 back onto n->partial so that
 * the fullest slabs come first (list_splice(list, at) inserts list after
 * at: splice each at the tail, n->partial.prev). Bucket 0 stays: the
 * caller discards those slabs.
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
