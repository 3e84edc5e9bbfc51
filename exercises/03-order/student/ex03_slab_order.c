/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Exercise 03: the page order of a slab (book: "calculate_order() and
 * slab_order()").
 *
 * slab_order(): the smallest order from slub_min_order (or from the order
 * that can hold min_objects objects) up to max_order whose slab
 * (PAGE_SIZE << order) holds min_objects objects plus reserved bytes and
 * leaves at most slab_size / fract_leftover bytes unused. Return
 * max_order + 1 if none does. If order slub_min_order already holds more
 * than MAX_OBJS_PER_PAGE objects, return get_order(size *
 * MAX_OBJS_PER_PAGE) - 1. Helpers: order_objects(), fls(), get_order().
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
