/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Exercise 11: bug hunt. This is working code of __slab_free() and
 * __slab_alloc(), with one bug planted in one of the four files of this
 * exercise. Find it with the CLI and the visualizer (see README.md), fix
 * it, and grade.
 *
 * Generated from slub.nw <<Make the next slab of the cpu partial chain the cpu slab, and [[goto redo]]>>
 * by exercises/scripts/skeleton.sh.
 */
	if (c->partial) {
		page = c->partial;
		WRITE_ONCE(c->page, page);
		c->partial = page->next;
		stat_at(s, CPU_PARTIAL_ALLOC, NULL, page);
		WRITE_ONCE(c->freelist, NULL);
		goto redo;
	}
