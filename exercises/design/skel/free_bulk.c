/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Design exercise: a bulk free, scored on correctness and on throughput.
 *
 * Write design_free_bulk(s, size, p): free the objects p[0..size-1] of
 * cache s, as kmem_cache_free() on each would, but faster. This file is
 * compiled at the end of the book's slub.c, so every function of the
 * allocator is yours to call.
 *
 * Contract (what the grader checks):
 *   - afterwards every object is free exactly once: none lost, none
 *     handed out twice, and slub_check_invariants() finds nothing;
 *   - the objects may come from any slab, in any order, allocated on
 *     any CPU; size may be 0;
 *   - every object counts one FREE_FASTPATH or one FREE_SLOWPATH;
 *   - debug caches keep their checks.
 * Throughput: the grader times your function against the book's loop
 * (kmem_cache_free_bulk(), one kmem_cache_free() per object) in the
 * same run, on batches of objects of a few slabs.
 * Where to read: the book's sections on the free fast path (slab_free)
 * and on the transaction id; Linux 4.6 added a bulk free that groups
 * the objects of one slab.
 */
static void design_free_bulk(struct kmem_cache *s, size_t size, void **p)
{
	(void)s;
	(void)size;
	(void)p;
	fprintf(stderr, "exercise: design_free_bulk is not written yet\n");
	abort();
}
