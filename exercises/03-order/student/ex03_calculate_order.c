/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Exercise 03: relax the demands until an order fits.
 *
 * min_objects is slub_min_objects or 4 * (fls(nr_cpu_ids) + 1), at most
 * what slub_max_order holds; try leftover fractions 16, 8, 4 for each
 * min_objects from there down to 2; then one object within slub_max_order,
 * then one object within MAX_ORDER; else -ENOSYS.
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
