/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Exercise 07: __slab_free() (book: "__slab_free()").
 *
 * This file is the body of the do { ... } while (!cmpxchg_double_slab(s,
 * page, prior, counters, object, new.counters, "__slab_free")) loop of
 * __slab_free(). In scope: s, page, object (the freed object), x, addr,
 * prior, counters, was_frozen, new (a struct page), n (NULL, or the node
 * whose list_lock this loop took in the previous round).
 * Each round: drop a lock taken in the previous round (spin_unlock and
 * n = NULL); read page->freelist into prior and page->counters into
 * counters; link object to prior; new.counters = counters, remember
 * was_frozen, one object fewer in use. If the slab is not frozen and
 * becomes empty or was full (no prior): with cpu partial chains
 * (kmem_cache_has_cpu_partial) and a full slab, freeze it in the same
 * compare-and-swap (new.frozen = 1); otherwise lock its node's list_lock
 * (n = get_node(s, page_to_nid(page))).
 *
 * Generated from slub.nw <<Link [[object]] to the slab's freelist and decide the slab's fate>>
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
		EXERCISE_TODO("ex07_slab_free.c");
