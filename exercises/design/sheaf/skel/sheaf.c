/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Design exercise: sheaf refill and flush (today's per-CPU layer),
 * scored on correctness and on throughput against the book's.
 *
 * Write design_sheaf_refill(s, sheaf, gfp) and design_sheaf_flush(s,
 * sheaf). This file is compiled at the end of the book's slub.c: every
 * function of the allocator is yours to call except the book's own
 * refill and flush and their batching helpers (refill_sheaf,
 * refill_objects, take_objects, take_new_slab_objects, sheaf_flush,
 * slab_free_chain), which are what you design.
 *
 * Contract of design_sheaf_refill (what the grader checks):
 *   - it fills sheaf->objects[sheaf->size..capacity-1] with free objects
 *     of s, each now in use, advances sheaf->size and returns how many
 *     it added (fewer only if memory ran out);
 *   - objects of the node's partial slabs are taken before a new slab is
 *     made; a new slab with objects left over goes on the partial list;
 *   - SHEAF_REFILL counted once per object (stat_at with the object),
 *     ALLOC_SLAB once per new slab.
 * Contract of design_sheaf_flush:
 *   - every object of the sheaf goes back to its slab's freelist and
 *     sheaf->size becomes 0; the objects may come from any slabs, in any
 *     order;
 *   - a slab that was full goes on its node's partial list; a slab that
 *     becomes empty goes back to the page allocator when its node keeps
 *     more than min_partial partial slabs;
 *   - SHEAF_FLUSH counted once per object (stat_at with the object).
 * Both: afterwards slub_check_invariants() finds nothing.
 * Throughput: the grader times a refill and a flush of yours against the
 * book's in the same run; the ratio of the medians scores.
 * Where to read: the book's sections "Refill: objects from partial and
 * new slabs" and on the flush of a sheaf, in "Sheaves and barns"; and
 * __slab_free() for what a free into a slab must decide.
 */
static unsigned int design_sheaf_refill(struct kmem_cache *s,
					struct slab_sheaf *sheaf, gfp_t gfp)
{
	(void)s;
	(void)sheaf;
	(void)gfp;
	fprintf(stderr, "exercise: design_sheaf_refill is not written yet\n");
	abort();
}

static void design_sheaf_flush(struct kmem_cache *s, struct slab_sheaf *sheaf)
{
	(void)s;
	(void)sheaf;
	fprintf(stderr, "exercise: design_sheaf_flush is not written yet\n");
	abort();
}
