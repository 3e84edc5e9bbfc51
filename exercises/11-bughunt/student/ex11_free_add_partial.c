/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Exercise 11: bug hunt. This is working code of __slab_free() and
 * __slab_alloc(), with one bug planted in one of the four files of this
 * exercise. Find it with the CLI and the visualizer (see README.md), fix
 * it, and grade.
 *
 * Generated from slub.nw <<Put a formerly full slab on the node's partial list>>
 * by exercises/scripts/skeleton.sh.
 */
	if (!kmem_cache_has_cpu_partial(s) && unlikely(!prior)) {
		if (kmem_cache_debug(s))
			remove_full(s, n, page);
		add_partial(n, page, DEACTIVATE_TO_TAIL);
		stat_at(s, FREE_ADD_PARTIAL, NULL, page);
	}
