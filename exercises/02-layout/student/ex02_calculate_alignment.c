/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Exercise 02: the alignment of a cache (book: "calculate_alignment()").
 *
 * With SLAB_HWCACHE_ALIGN, align to the cache line (L1_CACHE_BYTES), but
 * halve the line while the object still fits in half of it. Never go
 * below ARCH_SLAB_MINALIGN, and round the result up to a word
 * (ALIGN(x, sizeof(void *))).
 *
 * Generated from slub.nw <<Compute the alignment of a cache: [[calculate_alignment]]>>
 * by exercises/scripts/skeleton.sh.
 */
#ifndef EXERCISE_TODO
#define EXERCISE_TODO(what)						\
	do {								\
		fprintf(stderr, "exercise: %s is not written yet\n", what); \
		abort();						\
	} while (0)
#endif
static unsigned long calculate_alignment(unsigned long flags,
					 unsigned long align,
					 unsigned long size)
{
	(void)flags;
	(void)align;
	(void)size;
	EXERCISE_TODO("calculate_alignment");
}
