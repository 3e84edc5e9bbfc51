/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Exercise 08: deactivate_slab(), the list of the new state (same
 * section).
 *
 * Scope as above. Contract. Afterwards the slab is on the node list of
 * state m and on no other: off list l if it differs from m; a partial
 * slab goes to the head or the tail as tail says, counted as that
 * deactivation (DEACTIVATE_TO_HEAD/TO_TAIL); a full slab is counted as
 * DEACTIVATE_FULL and tracked on the full list (debugged caches only).
 *
 * Generated from slub.nw <<Put the slab on the list of its new state>>
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
	EXERCISE_TODO("ex08_new_list.c");
	/* stub lines: remove them when you write the code */
	(void)tail;
	(void)l;
