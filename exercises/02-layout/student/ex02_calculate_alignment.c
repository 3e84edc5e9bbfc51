/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Exercise 02: the alignment of a cache. Book: "calculate_alignment()"
 * (sec:alignment).
 *
 * Contract. Return the alignment the objects of a cache get, from the
 * flags, the alignment the creator asked for and the object size.
 * Afterwards: the result is a multiple of the word size and never below
 * the architecture's minimum or the requested alignment; a cache that
 * asks for hardware cache alignment gets the cache line, or the largest
 * fraction of a line (by halving) that a small object still fits into.
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
