/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Exercise 11: bug hunt. This is working code of __slab_free() and
 * __slab_alloc(), with one bug planted in one of the four files of this
 * exercise. Find it with the CLI and the visualizer (see README.md), fix
 * it, and grade.
 *
 * Generated from slub.nw <<Finish a free that needed no list lock>>
 * by exercises/scripts/skeleton.sh.
 */
		if (new.frozen && !was_frozen) {
			put_cpu_partial(s, page, 0);
			stat_at(s, CPU_PARTIAL_FREE, x, page);
		}
		if (was_frozen)
			stat_at(s, FREE_FROZEN, x, page);
