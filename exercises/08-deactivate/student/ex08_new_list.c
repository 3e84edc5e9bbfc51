/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Exercise 08: deactivate_slab(), the list of the new state.
 *
 * In scope as above. If the state m differs from the list l the slab is
 * on, take it off l (remove_partial / remove_full) and put it on m's
 * list: M_PARTIAL with add_partial(n, page, tail) and stat(s, tail)
 * (tail is DEACTIVATE_TO_HEAD or DEACTIVATE_TO_TAIL), M_FULL with
 * stat(s, DEACTIVATE_FULL) and add_full(s, n, page).
 * Remove the (void) line of the stub when you write the code.
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
	(void)add_full;
