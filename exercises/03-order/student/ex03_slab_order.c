/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Exercise 03: the page order of a slab. Book: "kmem_cache_open()"
 * (sec:cache-open), where calculate_order() and slab_order() are explained.
 *
 * Contract. Return the smallest order between the minimum order (raised
 * so that min_objects fit) and max_order whose slab holds min_objects
 * objects plus the reserved bytes and wastes at most 1/fract_leftover of
 * itself; max_order + 1 if none does. The kernel's limit on objects per
 * slab bounds the result for tiny objects.
 *
 * Generated from slub.nw <<Find the smallest good order for a slab: [[slab_order]]>>
 * by exercises/scripts/skeleton.sh.
 */
#ifndef EXERCISE_TODO
#define EXERCISE_TODO(what)						\
	do {								\
		fprintf(stderr, "exercise: %s is not written yet\n", what); \
		abort();						\
	} while (0)
#endif
static inline int slab_order(int size, int min_objects, int max_order,
			     int fract_leftover, int reserved)
{
	(void)size;
	(void)min_objects;
	(void)max_order;
	(void)fract_leftover;
	(void)reserved;
	EXERCISE_TODO("slab_order");
}
