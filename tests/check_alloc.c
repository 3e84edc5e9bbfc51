// SPDX-License-Identifier: GPL-2.0-only
/*
 * The book's part on allocation and free on simulated CPUs. The counter
 * values are those Linux 3.18 counts with CONFIG_SLUB_STATS, traced by hand
 * through slab_alloc_node(), __slab_alloc(), __slab_free(),
 * put_cpu_partial(), unfreeze_partials(), get_partial_node(),
 * deactivate_slab() and __kmem_cache_shrink(); each test says why.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "slub_test.h"

static void stat_is(struct kmem_cache *s, const char *item, const char *text)
{
	t_stat_text(s, item, text);
}

static struct slub_snapshot *snap;

static const struct slub_snap_cache *take(struct kmem_cache *s)
{
	if (snap)
		slub_snapshot_free(snap);
	snap = slub_snapshot_take();
	ck_assert_ptr_nonnull(snap);
	return t_snap_cache(snap, s);
}

static void drop_snap(void)
{
	if (snap)
		slub_snapshot_free(snap);
	snap = NULL;
}

static int slab_of(const struct slub_snap_cache *c, const void *p)
{
	int i = t_snap_slab_of(c, p);

	ck_assert_msg(i >= 0, "object %p is in no slab of %s", p, c->name);
	return i;
}

static void *alloc_on(struct kmem_cache *s, int cpu)
{
	void *p;

	ck_assert_int_eq(slub_sim_set_cpu(cpu), 0);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	ck_assert_ptr_nonnull(p);
	return p;
}

static void free_on(struct kmem_cache *s, void *p, int cpu)
{
	ck_assert_int_eq(slub_sim_set_cpu(cpu), 0);
	kmem_cache_free(s, p);
}

/* ------------------------------------------------------------ first slab */

START_TEST(test_first_allocations)
{
	struct kmem_cache *s = kmem_cache_create("a64", 64, 0, 0, NULL);
	const struct slub_snap_cache *c;
	void *p[65];
	int i, a, b;

	ck_assert_ptr_nonnull(s);
	ck_assert_int_eq(t_attr_long(s, "objs_per_slab"), 64);
	stat_is(s, "alloc_slab", "0");

	/*
	 * The first allocation finds no cpu slab: slab_alloc_node() calls
	 * __slab_alloc(), which jumps to new_slab (ALLOC_SLAB), and counts
	 * ALLOC_SLOWPATH when it returns, as 3.18 does.
	 */
	p[0] = alloc_on(s, 0);
	stat_is(s, "alloc_slab", "1 C0=1");
	stat_is(s, "alloc_slowpath", "1 C0=1");
	stat_is(s, "alloc_fastpath", "0");

	/* the other 63 objects of the slab come off the cpu freelist */
	for (i = 1; i < 64; i++)
		p[i] = alloc_on(s, 0);
	stat_is(s, "alloc_fastpath", "63 C0=63");
	stat_is(s, "alloc_slowpath", "1 C0=1");
	stat_is(s, "alloc_slab", "1 C0=1");

	c = take(s);
	ck_assert_int_eq(c->nr_slabs, 1);
	ck_assert_int_eq(c->slabs[0].where, SLUB_SLAB_CPU);
	ck_assert_int_eq(c->slabs[0].owner, 0);
	ck_assert(c->slabs[0].frozen);
	ck_assert_int_eq(c->cpu[0].freelist, -1);
	ck_assert_int_eq(c->cpu[0].slab, 0);

	/*
	 * The 65th: the cpu freelist is empty, ALLOC_SLOWPATH; the slab's
	 * own freelist is empty too, so get_freelist() unfreezes it and
	 * returns NULL: DEACTIVATE_BYPASS, then a new slab. Fast and slow
	 * together count the 65 allocations.
	 */
	p[64] = alloc_on(s, 0);
	stat_is(s, "alloc_slowpath", "2 C0=2");
	stat_is(s, "deactivate_bypass", "1 C0=1");
	stat_is(s, "alloc_slab", "2 C0=2");
	stat_is(s, "alloc_fastpath", "63 C0=63");
	stat_is(s, "alloc_refill", "0");
	stat_is(s, "alloc_from_partial", "0");
	stat_is(s, "cpu_partial_alloc", "0");
	stat_is(s, "deactivate_full", "0");

	c = take(s);
	ck_assert_int_eq(c->nr_slabs, 2);
	a = slab_of(c, p[0]);
	b = slab_of(c, p[64]);
	ck_assert_int_ne(a, b);
	/* a full slab that left the cpu is on no list (not a debug cache) */
	ck_assert_int_eq(c->slabs[a].where, SLUB_SLAB_UNLISTED);
	ck_assert(!c->slabs[a].frozen);
	ck_assert_int_eq(c->slabs[a].inuse, 64);
	ck_assert_int_eq(c->slabs[b].where, SLUB_SLAB_CPU);
	ck_assert(c->slabs[b].frozen);
	/* a frozen cpu slab counts all its objects in use */
	ck_assert_int_eq(c->slabs[b].inuse, 64);
	ck_assert_int_eq(c->cpu[0].slab, b);
	ck_assert_int_ge(c->cpu[0].freelist, 0);
	ck_assert_int_eq(c->slabs[b].obj[c->cpu[0].freelist].state,
			 SLUB_OBJ_CPU_FREE);
	ck_assert_int_eq(c->cpu[1].slab, -1);
	ck_assert_int_eq(c->stat[ALLOC_FASTPATH], 63);
	ck_assert_int_eq(c->cpu[0].stat[ALLOC_SLAB], 2);
	ck_assert_int_eq(t_snap_allocated(c), 65);
	drop_snap();
	/*
	 * show_slab_objects(): "objects" is total_objects minus the free
	 * objects on node partial lists, so the 63 objects on the cpu
	 * freelist count as in use; "cpu_slabs" counts c->page per CPU.
	 */
	ck_assert_int_eq(t_attr_long(s, "objects"), 128);
	ck_assert_int_eq(t_attr_long(s, "total_objects"), 128);
	ck_assert_int_eq(t_attr_long(s, "slabs"), 2);
	ck_assert_int_eq(t_attr_long(s, "cpu_slabs"), 1);
	ck_assert_int_eq(t_attr_long(s, "partial"), 0);
	ck_assert_int_eq(t_attr_long(s, "objects_partial"), 0);

	/* every object handed out once */
	for (i = 0; i < 65; i++)
		for (a = 0; a < i; a++)
			ck_assert_ptr_ne(p[i], p[a]);

	/*
	 * Free in allocation order. p[0]'s slab is full and on no list:
	 * __slab_free() freezes it onto the cpu partial list
	 * (CPU_PARTIAL_FREE); the next 63 frees find it frozen
	 * (FREE_FROZEN). p[64] is in the cpu slab: FREE_FASTPATH.
	 */
	for (i = 0; i < 65; i++)
		free_on(s, p[i], 0);
	stat_is(s, "free_slowpath", "64 C0=64");
	stat_is(s, "cpu_partial_free", "1 C0=1");
	stat_is(s, "free_frozen", "63 C0=63");
	stat_is(s, "free_fastpath", "1 C0=1");
	stat_is(s, "free_add_partial", "0");
	c = take(s);
	a = slab_of(c, p[0]);
	ck_assert_int_eq(c->slabs[a].where, SLUB_SLAB_CPU_PARTIAL);
	ck_assert_int_eq(c->slabs[a].owner, 0);
	ck_assert(c->slabs[a].frozen);
	ck_assert_int_eq(c->slabs[a].inuse, 0);
	ck_assert_int_eq(c->slabs[a].pages, 1);
	ck_assert_int_eq(c->slabs[a].pobjects, 1);
	ck_assert_int_eq(c->cpu[0].nr_partial, 1);
	drop_snap();

	/*
	 * kmem_cache_shrink(): flush_all() deactivates the cpu slab (empty,
	 * but the node has fewer than min_partial slabs, so it goes to the
	 * head of the partial list: DEACTIVATE_TO_HEAD) and unfreezes the
	 * cpu partial slab (to the tail: FREE_ADD_PARTIAL); then both are
	 * empty and discarded.
	 */
	ck_assert_int_eq(kmem_cache_shrink(s), 0);
	stat_is(s, "cpuslab_flush", "1 C0=1");
	stat_is(s, "deactivate_to_head", "1 C0=1");
	stat_is(s, "deactivate_empty", "0");
	stat_is(s, "free_add_partial", "1 C0=1");
	c = take(s);
	ck_assert_int_eq(c->nr_slabs, 0);
	ck_assert_int_eq(c->node[0].nr_partial, 0);
	drop_snap();
	t_shrink_destroy(s);
}
END_TEST

/* ------------------------------------------------------------ cpu partial */

#define NSLABS 33

START_TEST(test_cpu_partial_drain)
{
	struct kmem_cache *s = kmem_cache_create("drain", 64, 0, 0, NULL);
	const struct slub_snap_cache *c;
	void **p;
	void *q, *r;
	int i, k, sl;
	char want[64];

	ck_assert_ptr_nonnull(s);
	ck_assert_int_eq(t_attr_long(s, "cpu_partial"), 30);
	p = calloc(64 * NSLABS, sizeof(*p));
	for (i = 0; i < 64 * NSLABS; i++)
		p[i] = alloc_on(s, 0);
	snprintf(want, sizeof(want), "%d C0=%d", NSLABS, NSLABS);
	stat_is(s, "alloc_slab", want);
	/* one slow path per slab, the first included */
	snprintf(want, sizeof(want), "%d C0=%d", NSLABS, NSLABS);
	stat_is(s, "alloc_slowpath", want);
	snprintf(want, sizeof(want), "%d C0=%d", NSLABS - 1, NSLABS - 1);
	stat_is(s, "deactivate_bypass", want);
	snprintf(want, sizeof(want), "%d C0=%d", 64 * NSLABS - NSLABS,
		 64 * NSLABS - NSLABS);
	stat_is(s, "alloc_fastpath", want);

	/*
	 * Slab k holds p[64k .. 64k+63]. Free the first object of slabs
	 * 0..30: each is frozen onto the cpu partial chain with one free
	 * object, so the head's pobjects counts 1, 2, ..., 31.
	 */
	for (k = 0; k <= 30; k++)
		free_on(s, p[64 * k], 0);
	stat_is(s, "cpu_partial_free", "31 C0=31");
	stat_is(s, "cpu_partial_drain", "0");
	c = take(s);
	ck_assert_int_eq(c->cpu[0].nr_partial, 31);
	sl = slab_of(c, p[64 * 30]);
	ck_assert_int_eq(c->cpu[0].partial[0], sl);
	ck_assert_int_eq(c->slabs[sl].pages, 31);
	ck_assert_int_eq(c->slabs[sl].pobjects, 31);
	ck_assert_int_eq(c->node[0].nr_partial, 0);
	drop_snap();
	/* slabs_cpu_partial_show(): "objects(pages)", then per CPU */
	t_stat_text(s, "slabs_cpu_partial", "31(31) C0=31(31)");

	/*
	 * The 32nd: the chain holds 31 > cpu_partial = 30 objects, so
	 * put_cpu_partial() drains it first (CPU_PARTIAL_DRAIN):
	 * unfreeze_partials() moves the 31 slabs to the tail of the node
	 * partial list in chain order (FREE_ADD_PARTIAL each), then the
	 * new slab starts a chain of its own.
	 */
	free_on(s, p[64 * 31], 0);
	stat_is(s, "cpu_partial_drain", "1 C0=1");
	stat_is(s, "cpu_partial_free", "32 C0=32");
	stat_is(s, "free_add_partial", "31 C0=31");
	stat_is(s, "free_slowpath", "32 C0=32");
	c = take(s);
	ck_assert_int_eq(c->node[0].nr_partial, 31);
	ck_assert_int_eq(t_snap_count_where(c, SLUB_SLAB_NODE_PARTIAL), 31);
	ck_assert_int_eq(t_snap_count_where(c, SLUB_SLAB_CPU_PARTIAL), 1);
	ck_assert_int_eq(c->cpu[0].nr_partial, 1);
	sl = slab_of(c, p[64 * 31]);
	ck_assert_int_eq(c->cpu[0].partial[0], sl);
	ck_assert_int_eq(c->slabs[sl].pages, 1);
	ck_assert_int_eq(c->slabs[sl].pobjects, 1);
	/* list order: slab 30 first, slab 0 last */
	ck_assert_int_eq(c->node[0].partial[0], slab_of(c, p[64 * 30]));
	ck_assert_int_eq(c->node[0].partial[30], slab_of(c, p[0]));
	for (k = 0; k <= 30; k++) {
		sl = slab_of(c, p[64 * k]);
		ck_assert(!c->slabs[sl].frozen);
		ck_assert_int_eq(c->slabs[sl].where, SLUB_SLAB_NODE_PARTIAL);
		ck_assert_int_eq(c->slabs[sl].inuse, 63);
	}
	drop_snap();
	/*
	 * partial: n->nr_partial; objects_partial: the objects in use on
	 * them; cpu_slabs: the cpu slab plus c->partial->pages; objects:
	 * all 33 slabs' objects minus the 31 free ones on the node list.
	 */
	ck_assert_int_eq(t_attr_long(s, "partial"), 31);
	ck_assert_int_eq(t_attr_long(s, "objects_partial"), 31 * 63);
	ck_assert_int_eq(t_attr_long(s, "cpu_slabs"), 2);
	ck_assert_int_eq(t_attr_long(s, "slabs"), 33);
	ck_assert_int_eq(t_attr_long(s, "objects"), 33 * 64 - 31);
	for (k = 0; k <= 31; k++)
		p[64 * k] = NULL;

	/* a free into a slab on the node partial list: FREE_SLOWPATH only */
	free_on(s, p[1], 0);
	p[1] = NULL;
	stat_is(s, "free_slowpath", "33 C0=33");
	stat_is(s, "free_add_partial", "31 C0=31");
	stat_is(s, "free_remove_partial", "0");

	/*
	 * Allocate: the cpu slab (slab 32) is exhausted: DEACTIVATE_BYPASS;
	 * new_slab takes slab 31 off the cpu partial chain
	 * (CPU_PARTIAL_ALLOC) and goes back to redo, where get_freelist()
	 * takes the slab's one free object: ALLOC_REFILL. One slow path,
	 * one ALLOC_SLOWPATH (the design notes' kernel counted two here).
	 */
	q = alloc_on(s, 0);
	stat_is(s, "alloc_slowpath", "34 C0=34");
	stat_is(s, "deactivate_bypass", "33 C0=33");
	stat_is(s, "cpu_partial_alloc", "1 C0=1");
	stat_is(s, "alloc_refill", "1 C0=1");
	c = take(s);
	ck_assert_int_eq(slab_of(c, q), slab_of(c, p[64 * 31 + 1]));
	ck_assert_int_eq(c->cpu[0].nr_partial, 0);
	drop_snap();

	/*
	 * Again: slab 31 is exhausted (ALLOC_SLOWPATH, DEACTIVATE_BYPASS),
	 * no cpu partial: get_partial_node() takes slab 30 as the cpu slab
	 * (ALLOC_FROM_PARTIAL) and keeps taking slabs onto the cpu partial
	 * chain (CPU_PARTIAL_NODE) until more than cpu_partial / 2 = 15
	 * objects are available: slabs 29 .. 15, one free object each.
	 */
	r = alloc_on(s, 0);
	stat_is(s, "alloc_slowpath", "35 C0=35");
	stat_is(s, "deactivate_bypass", "34 C0=34");
	stat_is(s, "alloc_from_partial", "1 C0=1");
	stat_is(s, "cpu_partial_node", "15 C0=15");
	stat_is(s, "alloc_slab", "33 C0=33");
	c = take(s);
	ck_assert_int_eq(slab_of(c, r), slab_of(c, p[64 * 30 + 1]));
	ck_assert_int_eq(c->slabs[slab_of(c, r)].where, SLUB_SLAB_CPU);
	ck_assert_int_eq(c->cpu[0].nr_partial, 15);
	ck_assert_int_eq(c->node[0].nr_partial, 15);
	ck_assert_int_eq(c->node[0].partial[0], slab_of(c, p[64 * 14 + 1]));
	drop_snap();

	kmem_cache_free(s, q);
	kmem_cache_free(s, r);
	for (i = 0; i < 64 * NSLABS; i++)
		if (p[i])
			kmem_cache_free(s, p[i]);
	free(p);
	ck_assert_int_eq(slub_check_invariants(stderr), 0);
	t_shrink_destroy(s);
}
END_TEST

START_TEST(test_free_empties_partial_slab)
{
	struct kmem_cache *s = kmem_cache_create("empty", 64, 0, 0, NULL);
	const struct slub_snap_cache *c;
	void *p[64 * 8];
	int i, k;

	/*
	 * cpu_partial 0. In Linux 3.18 put_cpu_partial() has no special
	 * case for it (that came in 4.0): a freed full slab is frozen onto
	 * the cpu partial chain, and the next one drains the chain first
	 * because pobjects (1) > cpu_partial (0).
	 */
	ck_assert_int_eq(slab_attr_store(s, "cpu_partial", "0", 1), 1);
	ck_assert_int_eq(t_attr_long(s, "cpu_partial"), 0);
	for (i = 0; i < 64 * 8; i++)
		p[i] = alloc_on(s, 0);
	/* Slabs 0..6 are full and on no list; slab 7 is the cpu slab. */
	for (k = 0; k < 7; k++)
		free_on(s, p[64 * k], 0);
	/*
	 * Seven frees froze seven slabs (CPU_PARTIAL_FREE); frees 2..7 each
	 * drained the one slab on the chain (CPU_PARTIAL_DRAIN) onto the
	 * node partial list (FREE_ADD_PARTIAL from unfreeze_partials()).
	 * Slab 6 is left on the chain.
	 */
	stat_is(s, "cpu_partial_free", "7 C0=7");
	stat_is(s, "cpu_partial_drain", "6 C0=6");
	stat_is(s, "free_add_partial", "6 C0=6");
	stat_is(s, "cpu_slabs", "2 N0=2");
	c = take(s);
	ck_assert_int_eq(c->node[0].nr_partial, 6);
	drop_snap();
	/*
	 * Emptying slab 0 while the node holds 6 > min_partial = 5 partial
	 * slabs (3.18 compares strictly): slab_empty, remove_partial
	 * (FREE_REMOVE_PARTIAL) and discard (FREE_SLAB).
	 */
	for (i = 1; i < 64; i++)
		free_on(s, p[i], 0);
	stat_is(s, "free_remove_partial", "1 C0=1");
	stat_is(s, "free_slab", "1 C0=1");
	c = take(s);
	ck_assert_int_eq(c->node[0].nr_partial, 5);
	ck_assert_int_eq(c->nr_slabs, 7);
	drop_snap();
	for (k = 1; k < 8; k++)
		for (i = k == 7 ? 0 : 1; i < 64; i++)
			kmem_cache_free(s, p[64 * k + i]);
	t_shrink_destroy(s);
}
END_TEST

START_TEST(test_unfreeze_discards_empty)
{
	struct kmem_cache *s = kmem_cache_create("unfreeze", 64, 0, 0, NULL);
	const struct slub_snap_cache *c;
	void *p[64 * 8];
	int i, k;

	for (i = 0; i < 64 * 8; i++)
		p[i] = alloc_on(s, 0);
	/* CPU 1 frees one object of slabs 0..5: six slabs on its chain */
	for (k = 0; k < 6; k++) {
		free_on(s, p[64 * k], 1);
		p[64 * k] = NULL;
	}
	stat_is(s, "cpu_partial_free", "6 C1=6");
	/*
	 * cpu_partial_store() ends in flush_all(): CPU 0's full cpu slab is
	 * deactivated (DEACTIVATE_FULL), CPU 1's chain goes to the node
	 * list (FREE_ADD_PARTIAL x 6).
	 */
	ck_assert_int_eq(slab_attr_store(s, "cpu_partial", "30", 2), 2);
	ck_assert_int_eq(t_stat(s, "deactivate_full"), 1);
	ck_assert_int_eq(t_stat(s, "free_add_partial"), 6);
	c = take(s);
	ck_assert_int_eq(c->node[0].nr_partial, 6);
	drop_snap();
	/* CPU 0 empties slab 7: frozen onto its chain, then FREE_FROZEN */
	for (i = 64 * 7; i < 64 * 8; i++) {
		free_on(s, p[i], 0);
		p[i] = NULL;
	}
	stat_is(s, "free_frozen", "63 C0=63");
	ck_assert_int_eq(t_stat(s, "cpu_partial_free"), 7);
	/*
	 * The next flush unfreezes an empty slab while the node already
	 * holds min_partial (5) or more: unfreeze_partials() discards it
	 * (DEACTIVATE_EMPTY, FREE_SLAB) instead of listing it.
	 */
	ck_assert_int_eq(slab_attr_store(s, "cpu_partial", "30", 2), 2);
	ck_assert_int_eq(t_stat(s, "deactivate_empty"), 1);
	ck_assert_int_eq(t_stat(s, "free_slab"), 1);
	ck_assert_int_eq(t_stat(s, "free_add_partial"), 6);
	c = take(s);
	ck_assert_int_eq(c->nr_slabs, 7);
	ck_assert_int_eq(c->node[0].nr_partial, 6);
	drop_snap();
	for (i = 0; i < 64 * 8; i++)
		if (p[i])
			kmem_cache_free(s, p[i]);
	t_shrink_destroy(s);
}
END_TEST

START_TEST(test_remote_free_and_refill)
{
	struct kmem_cache *s = kmem_cache_create("remote", 64, 0, 0, NULL);
	const struct slub_snap_cache *c;
	void *p[64], *q;
	int i, sl;

	for (i = 0; i < 3; i++)
		p[i] = alloc_on(s, 0);
	/*
	 * CPU 1 frees an object of CPU 0's slab: not its cpu slab, so
	 * __slab_free(); the slab is frozen (owned by CPU 0): FREE_FROZEN.
	 * The object goes onto the slab's own freelist.
	 */
	free_on(s, p[1], 1);
	stat_is(s, "free_slowpath", "1 C1=1");
	stat_is(s, "free_frozen", "1 C1=1");
	stat_is(s, "free_fastpath", "0");
	c = take(s);
	sl = slab_of(c, p[1]);
	ck_assert_int_eq(c->slabs[sl].where, SLUB_SLAB_CPU);
	ck_assert_int_eq(c->slabs[sl].owner, 0);
	ck_assert_int_eq(c->slabs[sl].freelist, t_snap_obj_index(c, sl, p[1]));
	ck_assert_int_eq(c->slabs[sl].obj[t_snap_obj_index(c, sl, p[1])].state,
			 SLUB_OBJ_PAGE_FREE);
	ck_assert_int_eq(c->slabs[sl].inuse, 63);
	drop_snap();

	/*
	 * CPU 0 uses up its freelist (61 more), then the slowpath refills
	 * from the slab's freelist: ALLOC_SLOWPATH + ALLOC_REFILL, and the
	 * object is the one CPU 1 freed. (The first allocation was a slow
	 * path too.)
	 */
	for (i = 3; i < 64; i++)
		p[i] = alloc_on(s, 0);
	stat_is(s, "alloc_fastpath", "63 C0=63");
	q = alloc_on(s, 0);
	ck_assert_ptr_eq(q, p[1]);
	p[1] = q;
	stat_is(s, "alloc_slowpath", "2 C0=2");
	stat_is(s, "alloc_refill", "1 C0=1");
	stat_is(s, "alloc_slab", "1 C0=1");

	for (i = 0; i < 64; i++)
		free_on(s, p[i], i & 1);
	t_shrink_destroy(s);
}
END_TEST

START_TEST(test_deactivate_remote_frees)
{
	struct kmem_cache *s = kmem_cache_create("deact", 64, 0, 0, NULL);
	const struct slub_snap_cache *c;
	void *p[3];
	int i, sl;

	for (i = 0; i < 3; i++)
		p[i] = alloc_on(s, 0);
	free_on(s, p[1], 1);
	/*
	 * Flushing CPU 0: deactivate_slab() finds objects on the slab's
	 * own freelist (DEACTIVATE_REMOTE_FREES, so the tail of the partial
	 * list: DEACTIVATE_TO_TAIL), returns the 61 cpu-free objects and
	 * unfreezes the slab with 2 objects in use.
	 */
	ck_assert_int_eq(slub_sim_set_cpu(0), 0);
	ck_assert_int_eq(slab_attr_store(s, "shrink", "1", 1), 1);
	ck_assert_int_eq(t_stat(s, "deactivate_remote_frees"), 1);
	ck_assert_int_eq(t_stat(s, "deactivate_to_tail"), 1);
	ck_assert_int_eq(t_stat(s, "deactivate_to_head"), 0);
	ck_assert_int_eq(t_stat(s, "cpuslab_flush"), 1);
	c = take(s);
	sl = slab_of(c, p[0]);
	ck_assert_int_eq(c->slabs[sl].where, SLUB_SLAB_NODE_PARTIAL);
	ck_assert(!c->slabs[sl].frozen);
	ck_assert_int_eq(c->slabs[sl].inuse, 2);
	ck_assert_int_eq(c->cpu[0].slab, -1);
	ck_assert_int_eq(c->node[0].nr_partial, 1);
	drop_snap();
	ck_assert_int_eq(t_attr_long(s, "partial"), 1);
	ck_assert_int_eq(t_attr_long(s, "cpu_slabs"), 0);

	/* CPU 1 allocates: its slowpath takes the partial slab */
	ck_assert_int_eq(slub_sim_set_cpu(1), 0);
	p[1] = kmem_cache_alloc(s, GFP_KERNEL);
	ck_assert_int_eq(t_stat_cpu(s, "alloc_from_partial", 1), 1);
	ck_assert_int_eq(t_stat(s, "alloc_slab"), 1);
	c = take(s);
	ck_assert_int_eq(slab_of(c, p[1]), sl);
	ck_assert_int_eq(c->slabs[sl].owner, 1);
	drop_snap();
	for (i = 0; i < 3; i++)
		kmem_cache_free(s, p[i]);
	t_shrink_destroy(s);
}
END_TEST

START_TEST(test_shrink_sorts_partial)
{
	struct kmem_cache *s = kmem_cache_create("sort", 64, 0, 0, NULL);
	const struct slub_snap_cache *c;
	static const int nfree[4] = { 10, 64, 30, 5 };
	void *p[64 * 5], *base[5];
	int i, k;

	for (i = 0; i < 64 * 5; i++)
		p[i] = alloc_on(s, 0);
	for (k = 0; k < 5; k++)
		base[k] = p[64 * k];
	for (k = 0; k < 4; k++)
		for (i = 0; i < nfree[k]; i++) {
			free_on(s, p[64 * k + i], 0);
			p[64 * k + i] = NULL;
		}
	c = take(s);
	ck_assert_int_eq(c->cpu[0].nr_partial, 4);
	drop_snap();
	/*
	 * Shrink: the full cpu slab is deactivated (DEACTIVATE_FULL, on no
	 * list), the chain unfrozen to the node list (the empty slab too:
	 * fewer than min_partial slabs there), then __kmem_cache_shrink()
	 * discards the empty slab and orders the rest most-used first.
	 */
	ck_assert_int_eq(kmem_cache_shrink(s), 0);
	ck_assert_int_eq(t_stat(s, "deactivate_full"), 1);
	c = take(s);
	ck_assert_int_eq(c->nr_slabs, 4);
	ck_assert_int_eq(c->node[0].nr_partial, 3);
	ck_assert_int_eq(t_snap_slab_of(c, base[1]), -1);	/* discarded */
	ck_assert_int_eq(c->node[0].partial[0], slab_of(c, base[3])); /* 59 */
	ck_assert_int_eq(c->node[0].partial[1], slab_of(c, base[0])); /* 54 */
	ck_assert_int_eq(c->node[0].partial[2], slab_of(c, base[2])); /* 34 */
	ck_assert_int_eq(c->slabs[slab_of(c, base[4])].where,
			 SLUB_SLAB_UNLISTED);
	drop_snap();
	for (i = 0; i < 64 * 5; i++)
		if (p[i])
			kmem_cache_free(s, p[i]);
	t_shrink_destroy(s);
}
END_TEST

/* ------------------------------------------------------------ preemption */

struct hook_ctx {
	struct kmem_cache *s;
	enum slub_point want;
	int fired;
	int action;	/* 0: allocate, 1: free victim, 2: migrate */
	void *got;
	void *victim;
};

static void hook(enum slub_point point, void *arg)
{
	struct hook_ctx *h = arg;

	if (point != h->want || h->fired)
		return;
	h->fired = 1;
	switch (h->action) {
	case 0:
		h->got = kmem_cache_alloc(h->s, GFP_KERNEL);
		break;
	case 1:
		kmem_cache_free(h->s, h->victim);
		break;
	case 2:
		slub_sim_set_cpu(1);
		break;
	}
}

static const enum slub_point alloc_points[] = {
	SLUB_POINT_ALLOC_AFTER_TID, SLUB_POINT_ALLOC_BEFORE_CMPXCHG,
};

START_TEST(test_preempt_alloc)
{
	struct kmem_cache *s = kmem_cache_create("preempt", 64, 0, 0, NULL);
	struct hook_ctx h = { .s = s, .want = alloc_points[_i] };
	void *first, *a;

	first = alloc_on(s, 0);		/* the cpu slab exists now */
	slub_sim_set_point_hook(hook, &h);
	a = kmem_cache_alloc(s, GFP_KERNEL);
	slub_sim_set_point_hook(NULL, NULL);
	ck_assert_int_eq(h.fired, 1);
	ck_assert_ptr_nonnull(a);
	ck_assert_ptr_nonnull(h.got);
	ck_assert_ptr_ne(a, h.got);
	ck_assert_ptr_ne(a, first);
	ck_assert_ptr_ne(h.got, first);
	/*
	 * The other task's allocation advanced the tid: the interrupted
	 * fastpath's cmpxchg fails once (CMPXCHG_DOUBLE_CPU_FAIL) and the
	 * retry succeeds on the fastpath.
	 */
	stat_is(s, "cmpxchg_double_cpu_fail", "1 C0=1");
	stat_is(s, "alloc_fastpath", "2 C0=2");
	stat_is(s, "alloc_slab", "1 C0=1");
	ck_assert_int_eq(slub_check_invariants(stderr), 0);
	kmem_cache_free(s, a);
	kmem_cache_free(s, h.got);
	kmem_cache_free(s, first);
	t_shrink_destroy(s);
}
END_TEST

static const enum slub_point free_points[] = {
	SLUB_POINT_FREE_AFTER_TID, SLUB_POINT_FREE_BEFORE_CMPXCHG,
};

START_TEST(test_preempt_free)
{
	struct kmem_cache *s = kmem_cache_create("preempt", 64, 0, 0, NULL);
	struct hook_ctx h = { .s = s, .want = free_points[_i], .action = 1 };
	void *x, *y, *z, *a, *b;

	x = alloc_on(s, 0);
	y = alloc_on(s, 0);
	z = alloc_on(s, 0);
	h.victim = y;
	slub_sim_set_point_hook(hook, &h);
	kmem_cache_free(s, x);
	slub_sim_set_point_hook(NULL, NULL);
	ck_assert_int_eq(h.fired, 1);
	stat_is(s, "cmpxchg_double_cpu_fail", "1 C0=1");
	stat_is(s, "free_fastpath", "2 C0=2");
	ck_assert_int_eq(slub_check_invariants(stderr), 0);
	/* LIFO: x went on top of y */
	a = kmem_cache_alloc(s, GFP_KERNEL);
	b = kmem_cache_alloc(s, GFP_KERNEL);
	ck_assert_ptr_eq(a, x);
	ck_assert_ptr_eq(b, y);
	kmem_cache_free(s, a);
	kmem_cache_free(s, b);
	kmem_cache_free(s, z);
	t_shrink_destroy(s);
}
END_TEST

START_TEST(test_preempt_alloc_during_free)
{
	struct kmem_cache *s = kmem_cache_create("preempt", 64, 0, 0, NULL);
	struct hook_ctx h = { .s = s, .want = SLUB_POINT_FREE_BEFORE_CMPXCHG };
	void *x, *y;

	x = alloc_on(s, 0);
	y = alloc_on(s, 0);
	slub_sim_set_point_hook(hook, &h);
	kmem_cache_free(s, x);
	slub_sim_set_point_hook(NULL, NULL);
	ck_assert_int_eq(h.fired, 1);
	ck_assert_ptr_nonnull(h.got);
	ck_assert_ptr_ne(h.got, x);
	ck_assert_ptr_ne(h.got, y);
	stat_is(s, "cmpxchg_double_cpu_fail", "1 C0=1");
	ck_assert_int_eq(slub_check_invariants(stderr), 0);
	kmem_cache_free(s, y);
	kmem_cache_free(s, h.got);
	t_shrink_destroy(s);
}
END_TEST

START_TEST(test_migrate_alloc)
{
	struct kmem_cache *s = kmem_cache_create("migrate", 64, 0, 0, NULL);
	struct hook_ctx h = { .s = s, .want = SLUB_POINT_ALLOC_AFTER_TID,
			      .action = 2 };
	const struct slub_snap_cache *c;
	void *first, *a;

	first = alloc_on(s, 0);
	slub_sim_set_point_hook(hook, &h);
	a = kmem_cache_alloc(s, GFP_KERNEL);
	slub_sim_set_point_hook(NULL, NULL);
	ck_assert_int_eq(h.fired, 1);
	ck_assert_int_eq(slub_sim_cpu(), 1);
	ck_assert_ptr_nonnull(a);
	ck_assert_ptr_ne(a, first);
	/*
	 * The tid read on CPU 0 does not match CPU 1's: the cmpxchg fails
	 * on CPU 1 and the retry runs there, taking a slab for CPU 1.
	 */
	ck_assert_int_eq(t_stat(s, "cmpxchg_double_cpu_fail"), 1);
	ck_assert_int_eq(t_stat_cpu(s, "alloc_slab", 1), 1);
	c = take(s);
	ck_assert_int_eq(c->slabs[slab_of(c, a)].owner, 1);
	ck_assert_int_ne(slab_of(c, a), slab_of(c, first));
	drop_snap();
	kmem_cache_free(s, a);
	kmem_cache_free(s, first);
	t_shrink_destroy(s);
}
END_TEST

/* ------------------------------------------------------------ kmalloc */

START_TEST(test_kmalloc_every_size)
{
	static void *p[8193];
	const struct slub_snap_cache *c;
	struct slub_snapshot *sn;
	size_t size, i;

	for (size = 1; size <= 8192; size++) {
		unsigned int cls = t_kmalloc_class(size);

		p[size] = kmalloc(size, GFP_KERNEL);
		ck_assert_msg(p[size] != NULL, "kmalloc(%zu) failed", size);
		ck_assert_msg(ksize(p[size]) == cls,
			      "ksize(kmalloc(%zu)) = %zu, want %u", size,
			      ksize(p[size]), cls);
		ck_assert_msg((uintptr_t)p[size] % 8 == 0, "%p", p[size]);
		if (!(cls & (cls - 1)))
			ck_assert_msg((uintptr_t)p[size] % cls == 0,
				      "kmalloc(%zu) = %p not aligned to %u",
				      size, p[size], cls);
		memset(p[size], (int)(size & 0xff), size);
	}
	/* every object lies in a slab of its kmalloc-N cache */
	sn = slub_snapshot_take();
	for (size = 1; size <= 8192; size++) {
		char name[32];

		snprintf(name, sizeof(name), "kmalloc-%u",
			 t_kmalloc_class(size));
		c = slub_snapshot_cache(sn, name);
		ck_assert_msg(c != NULL, "no cache %s", name);
		ck_assert_msg(t_snap_slab_of(c, p[size]) >= 0,
			      "kmalloc(%zu) is not in %s", size, name);
	}
	slub_snapshot_free(sn);
	for (size = 1; size <= 8192; size++) {
		for (i = 0; i < size; i++)
			if (((unsigned char *)p[size])[i] != (size & 0xff))
				ck_abort_msg("kmalloc(%zu) byte %zu overwritten",
					     size, i);
		kfree(p[size]);
	}
	ck_assert_int_eq(slub_check_invariants(stderr), 0);
}
END_TEST

START_TEST(test_kmalloc_large)
{
	struct slub_page_stats st0, st;
	void *p, *q;

	slub_page_stats(&st0);
	/* above KMALLOC_MAX_CACHE_SIZE: kmalloc_large(), order 2 */
	p = kmalloc(8193, GFP_KERNEL);
	ck_assert_ptr_nonnull(p);
	ck_assert_uint_eq((uintptr_t)p % T_PAGE_SIZE, 0);
	ck_assert_uint_eq(ksize(p), 4 * T_PAGE_SIZE);
	slub_page_stats(&st);
	ck_assert_uint_eq(st.large_pages, 4);
	ck_assert_uint_eq(st.slab_pages, st0.slab_pages);
	memset(p, 0x11, 8193);
	q = kmalloc(T_PAGE_SIZE << 10, GFP_KERNEL);	/* 4 MiB, order 10 */
	ck_assert_ptr_nonnull(q);
	ck_assert_uint_eq(ksize(q), T_PAGE_SIZE << 10);
	slub_page_stats(&st);
	ck_assert_uint_eq(st.large_pages, 4 + 1024);
	kfree(p);
	kfree(q);
	slub_page_stats(&st);
	ck_assert_uint_eq(st.large_pages, 0);
	/* order 12 >= MAX_ORDER: no such page */
	ck_assert_ptr_null(kmalloc(T_PAGE_SIZE << 12, GFP_KERNEL | __GFP_NOWARN));
	slub_page_stats(&st);
	ck_assert_uint_eq(st.large_pages, 0);
	/* kmalloc(8192) still comes from kmalloc-8192 */
	p = kmalloc(8192, GFP_KERNEL);
	slub_page_stats(&st);
	ck_assert_uint_eq(st.large_pages, 0);
	ck_assert_uint_eq(ksize(p), 8192);
	kfree(p);
}
END_TEST

START_TEST(test_kmalloc_zero_and_null)
{
	void *p = kmalloc(0, GFP_KERNEL);

	/* ZERO_SIZE_PTR: (void *)16, ksize 0, kfree ignores it */
	ck_assert_ptr_eq(p, T_ZERO_SIZE_PTR);
	ck_assert_uint_eq(ksize(p), 0);
	kfree(p);
	kfree(NULL);
	ck_assert_int_eq(slub_check_invariants(stderr), 0);
}
END_TEST

START_TEST(test_gfp_zero)
{
	struct kmem_cache *s = kmem_cache_create("zero", 200, 0, 0, NULL);
	unsigned char *p, *q;
	size_t i;

	p = kmem_cache_alloc(s, GFP_KERNEL);
	memset(p, 0xff, 200);
	kmem_cache_free(s, p);
	q = kmem_cache_alloc(s, GFP_KERNEL | __GFP_ZERO);
	ck_assert_ptr_eq(q, p);		/* LIFO: the dirty object */
	for (i = 0; i < 200; i++)
		ck_assert_msg(q[i] == 0, "byte %zu is %#x", i, q[i]);
	memset(q, 0xfe, 200);
	kmem_cache_free(s, q);
	q = kmem_cache_zalloc(s, GFP_KERNEL);
	for (i = 0; i < 200; i++)
		ck_assert_msg(q[i] == 0, "zalloc byte %zu is %#x", i, q[i]);
	kmem_cache_free(s, q);

	/* kzalloc clears the whole kmalloc-128 object */
	p = kmalloc(100, GFP_KERNEL);
	memset(p, 0xee, 128);
	kfree(p);
	q = kzalloc(100, GFP_KERNEL);
	ck_assert_ptr_eq(q, p);
	for (i = 0; i < 128; i++)
		ck_assert_msg(q[i] == 0, "kzalloc byte %zu is %#x", i, q[i]);
	kfree(q);
	/* large kzalloc */
	p = kmalloc(20000, GFP_KERNEL);
	memset(p, 0xdd, 20000);
	kfree(p);
	q = kzalloc(20000, GFP_KERNEL);
	for (i = 0; i < 20000; i++)
		ck_assert_msg(q[i] == 0, "large kzalloc byte %zu", i);
	kfree(q);
	t_shrink_destroy(s);
}
END_TEST

/* ------------------------------------------------------------ ctor, bulk */

static int ctor_calls;

static void ctor_fill(void *obj)
{
	ctor_calls++;
	memset(obj, 0xc7, 100);
}

START_TEST(test_ctor_once_per_object)
{
	struct kmem_cache *s = kmem_cache_create("ctor", 100, 0, 0, ctor_fill);
	int objs = t_attr_long(s, "objs_per_slab"), i, j;
	unsigned char **p = calloc(2 * objs, sizeof(*p));
	char buf[SLAB_ATTR_BUFSIZE];

	ck_assert_str_ne(t_attr(s, "ctor", buf), "");
	ctor_calls = 0;
	/* setup_object() runs the ctor on every object of a new slab */
	p[0] = kmem_cache_alloc(s, GFP_KERNEL);
	ck_assert_int_eq(ctor_calls, objs);
	for (i = 1; i < objs; i++)
		p[i] = kmem_cache_alloc(s, GFP_KERNEL);
	ck_assert_int_eq(ctor_calls, objs);
	p[objs] = kmem_cache_alloc(s, GFP_KERNEL);
	ck_assert_int_eq(ctor_calls, 2 * objs);
	/* the free pointer lives outside the object: the ctor's state stays */
	for (i = 0; i <= objs; i++)
		for (j = 0; j < 100; j++)
			ck_assert_msg(p[i][j] == 0xc7, "object %d byte %d", i,
				      j);
	for (i = 0; i <= objs; i += 2)
		kmem_cache_free(s, p[i]);
	for (i = 0; i <= objs; i += 2)
		p[i] = kmem_cache_alloc(s, GFP_KERNEL);
	ck_assert_int_eq(ctor_calls, 2 * objs);
	for (i = 0; i <= objs; i++) {
		for (j = 0; j < 100; j++)
			ck_assert(p[i][j] == 0xc7);
		kmem_cache_free(s, p[i]);
	}
	free(p);
	t_shrink_destroy(s);
}
END_TEST

START_TEST(test_bulk)
{
	struct kmem_cache *s = kmem_cache_create("bulk", 96, 0, 0, NULL);
	const struct slub_snap_cache *c;
	void *p[300];
	int i, j;

	ck_assert_int_eq(kmem_cache_alloc_bulk(s, GFP_KERNEL, 300, p), 300);
	for (i = 0; i < 300; i++) {
		ck_assert_ptr_nonnull(p[i]);
		memset(p[i], i & 0xff, 96);
		for (j = 0; j < i; j++)
			ck_assert_ptr_ne(p[i], p[j]);
	}
	c = take(s);
	ck_assert_int_eq(t_snap_allocated(c), 300);
	drop_snap();
	for (i = 0; i < 300; i++)
		for (j = 0; j < 96; j++)
			ck_assert(((unsigned char *)p[i])[j] == (i & 0xff));
	kmem_cache_free_bulk(s, 300, p);
	c = take(s);
	ck_assert_int_eq(t_snap_allocated(c), 0);
	drop_snap();
	ck_assert_int_eq(slub_check_invariants(stderr), 0);
	t_shrink_destroy(s);
}
END_TEST

START_TEST(test_ksize_and_kfree_of_cache_objects)
{
	/*
	 * slab_ksize(): the object size with red zone or poison, s->inuse
	 * with an out-of-line free pointer or user tracking, else s->size.
	 */
	static const struct {
		unsigned long flags;
		size_t want;
	} k[] = {
		{ 0, 104 },
		{ SLAB_POISON, 100 },
		{ SLAB_RED_ZONE, 100 },
		{ SLAB_STORE_USER, 104 },
		{ SLAB_DESTROY_BY_RCU, 104 },
		{ SLAB_HWCACHE_ALIGN, 128 },
	};
	unsigned int i;

	for (i = 0; i < sizeof(k) / sizeof(k[0]); i++) {
		struct kmem_cache *s;
		char name[32];
		void *p;

		snprintf(name, sizeof(name), "ksize-%u", i);
		s = kmem_cache_create(name, 100, 0, k[i].flags, NULL);
		p = kmem_cache_alloc(s, GFP_KERNEL);
		ck_assert_msg(ksize(p) == k[i].want, "%s (flags %#lx): ksize "
			      "%zu, want %zu", name, k[i].flags, ksize(p),
			      k[i].want);
		/* kfree() finds the cache from the page */
		kfree(p);
		t_shrink_destroy(s);
	}
}
END_TEST

/* ------------------------------------------------------------ page failures */

START_TEST(test_order_fallback)
{
	struct kmem_cache *s = kmem_cache_create("fallback", 4096, 0, 0, NULL);
	const struct slub_snap_cache *c;
	void *p;

	ck_assert_int_eq(t_attr_long(s, "order"), 3);
	/*
	 * allocate_slab(): the order-3 attempt fails, the retry with
	 * s->min (order 0, one object) succeeds: ORDER_FALLBACK.
	 */
	slub_fail_page_alloc(1);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	slub_fail_page_alloc(0);
	ck_assert_ptr_nonnull(p);
	stat_is(s, "order_fallback", "1 C0=1");
	c = take(s);
	ck_assert_int_eq(c->nr_slabs, 1);
	ck_assert_int_eq(c->slabs[0].order, 0);
	ck_assert_int_eq(c->slabs[0].objects, 1);
	drop_snap();
	kmem_cache_free(s, p);
	t_shrink_destroy(s);
}
END_TEST

#define ALIGN_UP(x, a)	(((x) + (a) - 1) / (a) * (a))

/* Beyond the page allocator: vmalloc's own mappings, aligned, resized in
 * place or moved with their contents, told apart from kmalloc memory. */
START_TEST(test_vmalloc)
{
	unsigned char *p, *q;
	size_t i, n = (5UL << 20) + 123;
	void *k;

	p = vmalloc_align(n, 1UL << 21);
	ck_assert_ptr_nonnull(p);
	ck_assert_uint_eq((uintptr_t)p % (1UL << 21), 0);
	ck_assert(is_vmalloc_addr(p));
	ck_assert_uint_eq(vmalloc_size(p), ALIGN_UP(n, T_PAGE_SIZE));
	for (i = 0; i < n; i += 4093)
		p[i] = (unsigned char)(i >> 3);
	q = vrealloc(p, 40UL << 20);
	ck_assert_ptr_nonnull(q);
	ck_assert_uint_eq(vmalloc_size(q), 40UL << 20);
	for (i = 0; i < n; i += 4093)
		ck_assert_uint_eq(q[i], (unsigned char)(i >> 3));
	q[(40UL << 20) - 1] = 1;
	vfree(q);
	/* kvmalloc: small sizes from kmalloc, beyond 4 MiB from vmalloc */
	k = kvmalloc(100, GFP_KERNEL);
	ck_assert_ptr_nonnull(k);
	ck_assert(!is_vmalloc_addr(k));
	ck_assert_uint_ge(ksize(k), 100);
	kvfree(k);
	k = kvmalloc(T_PAGE_SIZE << 10, GFP_KERNEL);	/* 4 MiB: a block */
	ck_assert(k && !is_vmalloc_addr(k));
	kvfree(k);
	k = kvmalloc((T_PAGE_SIZE << 10) + 1, GFP_KERNEL);
	ck_assert(k && is_vmalloc_addr(k));
	ck_assert_uint_eq(vmalloc_size(k), (T_PAGE_SIZE << 10) + T_PAGE_SIZE);
	kvfree(k);
	ck_assert_ptr_null(vmalloc(0));
	ck_assert_ptr_null(vmalloc_align(100, 3000));	/* not a power of 2 */
	ck_assert(!is_vmalloc_addr(NULL));
	vfree(NULL);
}
END_TEST

/* A small arena full of large blocks: kvmalloc goes on from vmalloc. */
START_TEST(test_kvmalloc_beyond_arena)
{
	void *p[12];
	int i, mapped = 0;

	for (i = 0; i < 12; i++) {
		p[i] = kvmalloc(3UL << 20, GFP_KERNEL);
		ck_assert_ptr_nonnull(p[i]);
		memset(p[i], i, 3UL << 20);
		mapped += is_vmalloc_addr(p[i]);
	}
	/* a 16 MiB arena holds at most three 4 MiB blocks besides its slabs */
	ck_assert_int_ge(mapped, 9);
	for (i = 0; i < 12; i++)
		kvfree(p[i]);
	ck_assert_int_eq(slub_check_invariants(stderr), 0);
}
END_TEST

START_TEST(test_large_kmalloc_page_failure)
{
	struct slub_page_stats st;
	void *p;

	/* kmalloc_large() has no fallback: the failed page is a NULL */
	slub_fail_page_alloc(1);
	p = kmalloc(20000, GFP_KERNEL | __GFP_NOWARN);
	slub_fail_page_alloc(0);
	ck_assert_ptr_null(p);
	slub_page_stats(&st);
	ck_assert_uint_eq(st.large_pages, 0);
	ck_assert_uint_ge(st.failures, 1);
	p = kmalloc(20000, GFP_KERNEL);
	ck_assert_ptr_nonnull(p);
	kfree(p);
}
END_TEST

static void setup_numa(void)
{
	t_start(&(struct slub_config){ .simulated = true, .nr_cpus = 2,
				       .nr_nodes = 2, .nomerge = true,
				       .arena_bytes = 128UL << 20 });
}

START_TEST(test_alloc_node_mismatch)
{
	struct kmem_cache *s = kmem_cache_create("numa", 64, 0, 0, NULL);
	const struct slub_snap_cache *c;
	struct slub_snapshot *sn;
	void *p0, *p1, *p2, *k;
	int sl;

	ck_assert_int_eq(slub_nr_nodes(), 2);
	ck_assert_int_eq(slub_sim_set_cpu(0), 0);
	p0 = kmem_cache_alloc_node(s, GFP_KERNEL, 0);
	ck_assert_ptr_nonnull(p0);
	/*
	 * The cpu slab is on node 0; asking for node 1 fails node_match():
	 * ALLOC_NODE_MISMATCH, the cpu slab is deactivated (it has free
	 * objects and no remote frees: to the head of node 0's partial list)
	 * and a slab comes from node 1.
	 */
	p1 = kmem_cache_alloc_node(s, GFP_KERNEL, 1);
	ck_assert_ptr_nonnull(p1);
	stat_is(s, "alloc_node_mismatch", "1 C0=1");
	stat_is(s, "deactivate_to_head", "1 C0=1");
	stat_is(s, "alloc_slab", "2 C0=2");
	c = take(s);
	sl = slab_of(c, p0);
	ck_assert_int_eq(c->slabs[sl].node, 0);
	ck_assert_int_eq(c->slabs[sl].where, SLUB_SLAB_NODE_PARTIAL);
	ck_assert_int_eq(c->slabs[sl].owner, 0);
	ck_assert_int_eq(c->node[0].nr_partial, 1);
	sl = slab_of(c, p1);
	ck_assert_int_eq(c->slabs[sl].node, 1);
	ck_assert_int_eq(c->slabs[sl].where, SLUB_SLAB_CPU);
	drop_snap();
	/* NUMA_NO_NODE takes whatever the cpu slab is: the fastpath */
	p2 = kmem_cache_alloc(s, GFP_KERNEL);
	stat_is(s, "alloc_fastpath", "1 C0=1");
	c = take(s);
	ck_assert_int_eq(slab_of(c, p2), slab_of(c, p1));
	drop_snap();
	k = kmalloc_node(100, GFP_KERNEL, 1);
	ck_assert_ptr_nonnull(k);
	sn = slub_snapshot_take();
	c = slub_snapshot_cache(sn, "kmalloc-128");
	ck_assert_ptr_nonnull(c);
	sl = t_snap_slab_of(c, k);
	ck_assert_int_ge(sl, 0);
	ck_assert_int_eq(c->slabs[sl].node, 1);
	slub_snapshot_free(sn);
	kfree(k);
	kmem_cache_free(s, p0);
	kmem_cache_free(s, p1);
	kmem_cache_free(s, p2);
	t_shrink_destroy(s);
}
END_TEST

/* ------------------------------------------------------------ debug caches */

START_TEST(test_debug_cache_lists)
{
	struct kmem_cache *s = kmem_cache_create("dbg", 64, 0, SLAB_STORE_USER,
						 NULL);
	const struct slub_snap_cache *c;
	int objs = t_attr_long(s, "objs_per_slab"), i, sl;
	void **p = calloc(objs + 1, sizeof(*p));
	char want[64];

	ck_assert_int_eq(t_attr_long(s, "cpu_partial"), 0);
	/*
	 * A debug cache allocates every object through __slab_alloc(): after
	 * alloc_debug_processing() the slab is deactivated again at once.
	 * The first allocation takes a new slab (ALLOC_SLAB) and puts it on
	 * the partial list (DEACTIVATE_TO_HEAD), each later one takes it
	 * back (ALLOC_FROM_PARTIAL) and puts it back (DEACTIVATE_TO_HEAD);
	 * the allocation that fills it leaves it on the full list
	 * (DEACTIVATE_FULL; add_full() with SLAB_STORE_USER).
	 * Every one of them is a slow path: ALLOC_SLOWPATH counts them all
	 * (the design notes' kernel counted none: c->page is always NULL,
	 * so __slab_alloc() goes straight to new_slab, past its count).
	 */
	for (i = 0; i < objs; i++)
		p[i] = alloc_on(s, 0);
	stat_is(s, "alloc_slab", "1 C0=1");
	snprintf(want, sizeof(want), "%d C0=%d", objs - 1, objs - 1);
	stat_is(s, "alloc_from_partial", want);
	stat_is(s, "deactivate_to_head", want);
	stat_is(s, "deactivate_full", "1 C0=1");
	snprintf(want, sizeof(want), "%d C0=%d", objs, objs);
	stat_is(s, "alloc_slowpath", want);
	stat_is(s, "alloc_fastpath", "0");
	c = take(s);
	sl = slab_of(c, p[0]);
	ck_assert_int_eq(c->slabs[sl].where, SLUB_SLAB_NODE_FULL);
	ck_assert_int_eq(c->node[0].nr_full, 1);
	ck_assert_int_eq(c->node[0].nr_partial, 0);
	ck_assert_int_eq(c->cpu[0].slab, -1);
	drop_snap();

	/* a free moves it from the full to the partial list */
	free_on(s, p[3], 1);
	stat_is(s, "free_slowpath", "1 C1=1");
	stat_is(s, "free_add_partial", "1 C1=1");
	stat_is(s, "free_fastpath", "0");
	c = take(s);
	ck_assert_int_eq(c->slabs[sl].where, SLUB_SLAB_NODE_PARTIAL);
	ck_assert_int_eq(c->node[0].nr_full, 0);
	ck_assert_int_eq(c->node[0].nr_partial, 1);
	drop_snap();
	ck_assert_int_eq(slab_attr_store(s, "validate", "1", 1), 1);
	p[3] = alloc_on(s, 0);
	for (i = 0; i < objs; i++)
		kmem_cache_free(s, p[i]);
	free(p);
	t_shrink_destroy(s);
}
END_TEST

START_TEST(test_poison_and_red_zone_bytes)
{
	struct kmem_cache *s = kmem_cache_create("poisoned", 100, 0,
						 SLAB_POISON | SLAB_RED_ZONE,
						 NULL);
	unsigned char *p;
	int i;

	/* object 0..99, red zone 100..103 (ALIGN(100, 8) != 100: no word) */
	p = kmem_cache_alloc(s, GFP_KERNEL);
	for (i = 100; i < 104; i++)
		ck_assert_msg(p[i] == 0xcc, "active red zone byte %d: %#x", i,
			      p[i]);
	/* an allocated poisoned object still holds the poison */
	for (i = 0; i < 99; i++)
		ck_assert_msg(p[i] == 0x6b, "byte %d: %#x", i, p[i]);
	ck_assert_int_eq(p[99], 0xa5);
	memset(p, 0x11, 100);
	kmem_cache_free(s, p);
	/* freed: POISON_FREE, POISON_END, inactive red zone */
	for (i = 0; i < 99; i++)
		ck_assert_msg(p[i] == 0x6b, "freed byte %d: %#x", i, p[i]);
	ck_assert_int_eq(p[99], 0xa5);
	for (i = 100; i < 104; i++)
		ck_assert_msg(p[i] == 0xbb, "inactive red zone byte %d: %#x",
			      i, p[i]);
	t_shrink_destroy(s);
}
END_TEST

static void redzone_overwrite(void *arg)
{
	struct kmem_cache *s;
	unsigned char *p;

	(void)arg;
	s = kmem_cache_create("rz", 100, 0, SLAB_RED_ZONE, NULL);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	p[100] = 0;		/* one byte past the object */
	kmem_cache_free(s, p);
	fprintf(stderr, "\ninvariants %d\n", slub_check_invariants(NULL));
}

static void poison_overwrite(void *arg)
{
	struct kmem_cache *s;
	unsigned char *p, *q;

	(void)arg;
	s = kmem_cache_create("uaf", 100, 0, SLAB_POISON, NULL);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	kmem_cache_free(s, p);
	p[10] = 0;		/* use after free */
	q = kmem_cache_alloc(s, GFP_KERNEL);
	fprintf(stderr, "\nrealloc %s\n", q == p ? "same" : "other");
}

START_TEST(test_debug_reports)
{
	struct t_captured c;

	/* check_object() on free finds the red zone byte changed */
	t_run_captured(redzone_overwrite, NULL, &c);
	ck_assert_msg(WIFEXITED(c.status), "status %#x: %s", c.status, c.out);
	ck_assert_msg(strstr(c.out, "BUG rz") &&
		      strstr(c.out, "Redzone overwritten"), "%s", c.out);
	/* and on allocation, a write into a freed poisoned object */
	t_run_captured(poison_overwrite, NULL, &c);
	ck_assert_msg(WIFEXITED(c.status), "status %#x: %s", c.status, c.out);
	ck_assert_msg(strstr(c.out, "BUG uaf") &&
		      strstr(c.out, "Poison overwritten"), "%s", c.out);
}
END_TEST

/* ------------------------------------------------------------ sysfs writes */

static ssize_t store(struct kmem_cache *s, const char *attr, const char *v)
{
	return slab_attr_store(s, attr, v, strlen(v));
}

START_TEST(test_attr_store)
{
	struct kmem_cache *s = kmem_cache_create("attrs", 64, 0, 0, NULL);
	struct kmem_cache *d = kmem_cache_create("attrs-dbg", 64, 0,
						 SLAB_RED_ZONE, NULL);
	char buf[SLAB_ATTR_BUFSIZE];
	void *p;

	/* unknown attributes, read-only files */
	ck_assert_int_eq(slab_attr_show(s, "no_such_attr", buf), -ENOENT);
	ck_assert_int_eq(store(s, "no_such_attr", "1"), -ENOENT);
	ck_assert_int_eq(store(s, "slab_size", "128"), -EIO);
	ck_assert_int_eq(store(s, "objects", "1"), -EIO);
	ck_assert(!slub_attr_writable("slab_size"));
	ck_assert(slub_attr_writable("min_partial"));

	/* min_partial_store() goes through set_min_partial(): clamped */
	ck_assert_int_eq(store(s, "min_partial", "7"), 1);
	ck_assert_int_eq(t_attr_long(s, "min_partial"), 7);
	ck_assert_int_eq(store(s, "min_partial", "2"), 1);
	ck_assert_int_eq(t_attr_long(s, "min_partial"), 5);
	ck_assert_int_eq(store(s, "min_partial", "20"), 2);
	ck_assert_int_eq(t_attr_long(s, "min_partial"), 10);
	ck_assert_int_lt(store(s, "min_partial", "x"), 0);

	/* a debug cache has no cpu partial list to size */
	ck_assert_int_eq(store(d, "cpu_partial", "5"), -EINVAL);
	ck_assert_int_eq(store(d, "cpu_partial", "0"), 1);
	ck_assert_int_eq(store(s, "cpu_partial", "5"), 1);
	ck_assert_int_eq(t_attr_long(s, "cpu_partial"), 5);

	/* order_store(): within slub_min_order .. slub_max_order */
	ck_assert_int_eq(store(s, "order", "1"), 1);
	ck_assert_int_eq(t_attr_long(s, "order"), 1);
	ck_assert_int_eq(t_attr_long(s, "objs_per_slab"), 128);
	ck_assert_int_eq(store(s, "order", "4"), -EINVAL);
	ck_assert_int_eq(t_attr_long(s, "order"), 1);

	/* poison_store() on an empty cache re-lays the object out */
	ck_assert_int_eq(store(s, "poison", "1"), 1);
	ck_assert_int_eq(t_attr_long(s, "poison"), 1);
	ck_assert_int_eq(t_attr_long(s, "slab_size"), 72);
	ck_assert_int_eq(t_attr_long(s, "objs_per_slab"), 56);
	ck_assert_int_eq(store(s, "poison", "0"), 1);
	ck_assert_int_eq(t_attr_long(s, "slab_size"), 64);
	ck_assert_int_eq(t_attr_long(s, "objs_per_slab"), 64);

	/* ... and refuses while the cache has slabs */
	p = kmem_cache_alloc(s, GFP_KERNEL);
	ck_assert_int_eq(store(s, "poison", "1"), -EBUSY);
	ck_assert_int_eq(store(s, "red_zone", "1"), -EBUSY);
	ck_assert_int_eq(store(s, "store_user", "1"), -EBUSY);
	ck_assert_int_eq(t_attr_long(s, "poison"), 0);

	/* writing 0 to a statistics file clears it; anything else fails */
	ck_assert_int_eq(t_stat(s, "alloc_slab"), 1);
	ck_assert_int_eq(store(s, "alloc_slab", "0"), 1);
	t_stat_text(s, "alloc_slab", "0");
	ck_assert_int_eq(store(s, "alloc_slab", "1"), -EINVAL);

	kmem_cache_free(s, p);
	t_shrink_destroy(d);
	t_shrink_destroy(s);
}
END_TEST

static void setup_small_arena(void)
{
	t_start(&(struct slub_config){ .simulated = true, .nr_cpus = 2,
				       .nomerge = true,
				       .arena_bytes = 16UL << 20 });
}

START_TEST(test_out_of_memory)
{
	struct kmem_cache *s = kmem_cache_create("oom", 4096, 0, 0, NULL);
	struct slub_page_stats st;
	void **p = calloc(8192, sizeof(*p));
	int n = 0, i;

	ck_assert_ptr_nonnull(s);
	while (n < 8192) {
		p[n] = kmem_cache_alloc(s, GFP_KERNEL | __GFP_NOWARN);
		if (!p[n])
			break;
		memset(p[n], 0x42, 4096);
		n++;
		if (n % 64 == 0)
			ck_assert_int_eq(slub_check_invariants(stderr), 0);
	}
	ck_assert_msg(n < 8192, "a 16 MiB arena served %d pages", n);
	ck_assert_int_gt(n, 100);
	slub_page_stats(&st);
	ck_assert_uint_gt(st.failures, 0);
	ck_assert_int_eq(slub_check_invariants(stderr), 0);
	/* the failure is sticky while memory is short, and harmless */
	ck_assert_ptr_null(kmem_cache_alloc(s, GFP_KERNEL | __GFP_NOWARN));
	ck_assert_ptr_null(kmalloc(1 << 20, GFP_KERNEL | __GFP_NOWARN));
	for (i = 0; i < n; i++)
		kmem_cache_free(s, p[i]);
	ck_assert_int_eq(kmem_cache_shrink(s), 0);
	/* memory is back: allocation works again */
	p[0] = kmem_cache_alloc(s, GFP_KERNEL);
	ck_assert_ptr_nonnull(p[0]);
	kmem_cache_free(s, p[0]);
	free(p);
	t_shrink_destroy(s);
}
END_TEST

START_TEST(test_everything_returns)
{
	struct kmem_cache *s[4];
	struct slub_page_stats st0, st;
	void *p[4][200], *k[200];
	int i, j;

	slub_page_stats(&st0);
	for (i = 0; i < 4; i++) {
		char name[16];

		snprintf(name, sizeof(name), "ret-%d", i);
		s[i] = kmem_cache_create(name, 32 << (2 * i), 0,
					 i == 3 ? SLAB_POISON | SLAB_RED_ZONE : 0,
					 NULL);
		ck_assert_ptr_nonnull(s[i]);
		for (j = 0; j < 200; j++)
			p[i][j] = alloc_on(s[i], j % 2);
	}
	for (j = 0; j < 200; j++)
		k[j] = kmalloc(1 + j * 97, GFP_KERNEL);
	slub_page_stats(&st);
	ck_assert_uint_gt(st.slab_pages + st.large_pages,
			  st0.slab_pages + st0.large_pages);
	for (i = 0; i < 4; i++)
		for (j = 0; j < 200; j++)
			free_on(s[i], p[i][j], (j + 1) % 2);
	for (j = 0; j < 200; j++)
		kfree(k[j]);
	for (i = 0; i < 4; i++)
		t_shrink_destroy(s[i]);
	/* the teardown checks object counts and page accounting */
}
END_TEST

static void destroy_with_live_object(void *arg)
{
	struct kmem_cache *s;
	void *p;

	(void)arg;
	s = kmem_cache_create("leaky", 128, 0, 0, NULL);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	memset(p, 0x77, 128);
	kmem_cache_destroy(s);
	fprintf(stderr, "\nstill listed: %s\n",
		slub_find_cache("leaky") == s ? "yes" : "no");
}

START_TEST(test_destroy_with_live_objects)
{
	struct t_captured c;

	/*
	 * kmem_cache_close() finds a slab with objects (slab_err "Objects
	 * remaining in leaky on kmem_cache_close()"), so
	 * kmem_cache_destroy() reports "Slab cache still has objects" and
	 * leaves the cache on slab_caches.
	 */
	t_run_captured(destroy_with_live_object, NULL, &c);
	ck_assert_msg(WIFEXITED(c.status) && WEXITSTATUS(c.status) == 0,
		      "status %#x: %s", c.status, c.out);
	ck_assert_msg(strstr(c.out, "Objects remaining in leaky on "
				    "kmem_cache_close()"), "%s", c.out);
	ck_assert_msg(strstr(c.out, "kmem_cache_destroy leaky: Slab cache "
				    "still has objects"), "%s", c.out);
	ck_assert_msg(strstr(c.out, "still listed: yes"), "%s", c.out);
}
END_TEST

Suite *alloc_suite(void)
{
	Suite *s = suite_create("alloc");
	TCase *tc;

	tc = tcase_create("paths");
	tcase_add_checked_fixture(tc, t_setup_nomerge, t_teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_first_allocations);
	tcase_add_test(tc, test_cpu_partial_drain);
	tcase_add_test(tc, test_free_empties_partial_slab);
	tcase_add_test(tc, test_unfreeze_discards_empty);
	tcase_add_test(tc, test_remote_free_and_refill);
	tcase_add_test(tc, test_deactivate_remote_frees);
	tcase_add_test(tc, test_shrink_sorts_partial);
	suite_add_tcase(s, tc);

	tc = tcase_create("preempt");
	tcase_add_checked_fixture(tc, t_setup_nomerge, t_teardown);
	tcase_add_loop_test(tc, test_preempt_alloc, 0, 2);
	tcase_add_loop_test(tc, test_preempt_free, 0, 2);
	tcase_add_test(tc, test_preempt_alloc_during_free);
	tcase_add_test(tc, test_migrate_alloc);
	suite_add_tcase(s, tc);

	tc = tcase_create("kmalloc");
	tcase_add_checked_fixture(tc, t_setup, t_teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_kmalloc_every_size);
	tcase_add_test(tc, test_kmalloc_large);
	tcase_add_test(tc, test_vmalloc);
	tcase_add_test(tc, test_kmalloc_zero_and_null);
	tcase_add_test(tc, test_gfp_zero);
	suite_add_tcase(s, tc);

	tc = tcase_create("objects");
	tcase_add_checked_fixture(tc, t_setup_nomerge, t_teardown);
	tcase_add_test(tc, test_ctor_once_per_object);
	tcase_add_test(tc, test_bulk);
	tcase_add_test(tc, test_ksize_and_kfree_of_cache_objects);
	tcase_add_test(tc, test_order_fallback);
	tcase_add_test(tc, test_everything_returns);
	tcase_add_test(tc, test_destroy_with_live_objects);
	tcase_add_test(tc, test_large_kmalloc_page_failure);
	suite_add_tcase(s, tc);

	tc = tcase_create("debug");
	tcase_add_checked_fixture(tc, t_setup_nomerge, t_teardown);
	tcase_add_test(tc, test_debug_cache_lists);
	tcase_add_test(tc, test_poison_and_red_zone_bytes);
	tcase_add_test(tc, test_debug_reports);
	suite_add_tcase(s, tc);

	tc = tcase_create("sysfs");
	tcase_add_checked_fixture(tc, t_setup_nomerge, t_teardown);
	tcase_add_test(tc, test_attr_store);
	suite_add_tcase(s, tc);

	tc = tcase_create("numa");
	tcase_add_checked_fixture(tc, setup_numa, t_teardown);
	tcase_add_test(tc, test_alloc_node_mismatch);
	suite_add_tcase(s, tc);

	tc = tcase_create("oom");
	tcase_add_checked_fixture(tc, setup_small_arena, t_teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_out_of_memory);
	tcase_add_test(tc, test_kvmalloc_beyond_arena);
	suite_add_tcase(s, tc);

	return s;
}
