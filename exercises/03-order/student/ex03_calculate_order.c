/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Exercise 03: relax the demands until an order fits (same section).
 *
 * Contract. Return the order a cache of this object size uses, or
 * -ENOSYS. The demands relax in the kernel's order: first many objects
 * per slab (the count depends on the number of CPUs, or the boot option)
 * with little waste, then more waste allowed, then fewer objects, then
 * a single object within the usual maximum order, then within the
 * absolute maximum. The first order that meets the current demands wins.
 *
 * Generated from slub.nw <<Relax the demands until an order fits: [[calculate_order]]>>
 * by exercises/scripts/skeleton.sh.
 */
#ifndef EXERCISE_TODO
#define EXERCISE_TODO(what)						\
	do {								\
		fprintf(stderr, "exercise: %s is not written yet\n", what); \
		abort();						\
	} while (0)
#endif
static inline int calculate_order(int size, int reserved)
{
	(void)size;
	(void)reserved;
	EXERCISE_TODO("calculate_order");
}
