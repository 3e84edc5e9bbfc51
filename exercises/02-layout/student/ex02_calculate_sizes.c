/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Exercise 02: the layout of an object. Book: "kmem_cache_open()"
 * (sec:cache-open), where calculate_sizes() is explained.
 *
 * Contract. From the cache's object size, flags, constructor, alignment
 * and reserved bytes, fill in the layout and the slab geometry:
 * s->inuse, s->offset, s->size, the poison flag bit, s->allocflags,
 * s->oo, s->min and s->max. Return nonzero when a slab holds at least
 * one object. Afterwards:
 *  - the metadata follows the object in the kernel's order (red zone,
 *    free pointer when it cannot overlay the object, allocation and free
 *    tracks, a trailing red zone) and s->size is aligned to s->align;
 *  - the free pointer overlays the object unless the object's bytes must
 *    survive while it is free (RCU, poisoning, a constructor);
 *  - the order is the forced one if any, else the one the ordering
 *    policy chooses; s->min is the smallest order that holds one object
 *    and s->max the larger of the two.
 *
 * Generated from slub.nw <<Lay out an object and its metadata: [[calculate_sizes]]>>
 * by exercises/scripts/skeleton.sh.
 */
#ifndef EXERCISE_TODO
#define EXERCISE_TODO(what)						\
	do {								\
		fprintf(stderr, "exercise: %s is not written yet\n", what); \
		abort();						\
	} while (0)
#endif
static int calculate_sizes(struct kmem_cache *s, int forced_order)
{
	(void)s;
	(void)forced_order;
	EXERCISE_TODO("calculate_sizes");
}
