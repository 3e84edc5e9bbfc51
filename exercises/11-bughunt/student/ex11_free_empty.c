/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Exercise 11: bug hunt. This is working code of __slab_free() and
 * __slab_alloc(), with one bug planted in one of the four files of this
 * exercise. Find it with the CLI and the visualizer (see README.md), fix
 * it, and grade.
 *
 * Generated from slub.nw <<Give an empty slab back to the page allocator>>
 * by exercises/scripts/skeleton.sh.
 */
	if (prior) {
		remove_partial(n, page);
		stat_at(s, FREE_REMOVE_PARTIAL, NULL, page);
	} else {
		remove_full(s, n, page);
	}
	spin_unlock(&n->list_lock);
	stat_at(s, FREE_SLAB, NULL, page);
	discard_slab(s, page);
