/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Exercise 07: __slab_free(). Book: "__slab_free()" (sec:free-slowpath).
 *
 * Scope: the body of the do { ... } while (!cmpxchg_double_slab(s, page,
 * prior, counters, object, new.counters, "__slab_free")) loop of
 * __slab_free(): one round prepares the values that the loop's condition
 * installs atomically. In scope: s, page, object (the freed object), x,
 * addr, prior, counters, was_frozen, new (a struct page), n (NULL, or the
 * node whose list_lock an earlier round took).
 *
 * Contract. When the condition succeeds: object is the head of the slab's
 * freelist, linked to the former head (prior); the slab has one object
 * fewer in use; was_frozen says whether the slab was frozen before.
 * Decide the slab's fate in the same atomic update: a slab that was full
 * is frozen onto this CPU's partial chain when the cache keeps such
 * chains; a slab that is not frozen and becomes empty or leaves the
 * full state needs its node's list_lock (then n is that node, held).
 * A lock taken in a round that then failed is released before the next
 * round.
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
