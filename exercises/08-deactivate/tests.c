// SPDX-License-Identifier: GPL-2.0-only
/*
 * Exercise 08: deactivate_slab(). A flush (kmem_cache_shrink, or the
 * scenario statement flush) and a node mismatch deactivate the cpu slab:
 * the CPU's free objects return to the slab, which is unfrozen and goes
 * to the list of its new state: the head of the node's partial list, its
 * tail if other CPUs freed into it meanwhile, no list when full, back to
 * the page allocator when empty and the node has min_partial slabs.
 */
#include "grade.h"

static void test_to_head(void)
{
	int fails = ex_scenario("head.scn",
		"config cpus 2 nomerge\n"
		"cache c size 64\n"
		"cpu 0\n"
		"alloc a[0..9] from c\n"
		"free a[8]\n"
		"free a[9]\n"
		"flush c\n"
		"expect c cpuslab_flush 1\n"
		"expect c deactivate_to_head 1\n"
		"expect c deactivate_to_tail 0\n"
		"expect c deactivate_remote_frees 0\n"
		"expect c partial 1\n"
		"expect c objects_partial 8\n"
		"expect c cpu_slabs 0\n"
		"expect invariants\n"
		"cpu 1\n"
		"alloc b[0..55] from c\n"
		"expect c alloc_from_partial 1\n"
		"expect c alloc_slab 1\n"
		"expect distinct a[0..7] b[0..55]\n"
		"expect invariants\n");

	EX_CHECK(fails == 0, "%d expect statement(s) failed (see above)", fails);
}

static void test_to_tail(void)
{
	int fails = ex_scenario("tail.scn",
		"config cpus 2 nomerge\n"
		"cache c size 64\n"
		"cpu 0\n"
		"alloc a[0..9] from c\n"
		"cpu 1\n"
		"free a[3]\n"
		"cpu 0\n"
		"flush c\n"
		"expect c deactivate_remote_frees 1\n"
		"expect c deactivate_to_tail 1\n"
		"expect c deactivate_to_head 0\n"
		"expect c objects_partial 9\n"
		"expect invariants\n");

	EX_CHECK(fails == 0, "%d expect statement(s) failed (see above)", fails);
}

/*
 * The position on the list: CPU 0's slab A (no remote frees) goes to
 * the head, then CPU 1's slab B, into which CPU 0 freed, to the tail:
 * A, B. Both have 10 objects in use; the sort of kmem_cache_shrink moves
 * each slab to the head of its bucket (list_move), which reverses slabs
 * of equal inuse: B, A.
 */
static void test_tail_position(void)
{
	const struct slub_snap_cache *c;
	const struct slub_snap_slab *first, *second;
	struct kmem_cache *s;
	void *a[10], *b[11];
	int i;

	ex_start(2, true);
	s = ex_cache("c", 64, 0, 0, NULL);
	for (i = 0; i < 10; i++)
		a[i] = ex_alloc(s);
	slub_sim_set_cpu(1);
	for (i = 0; i < 11; i++)
		b[i] = ex_alloc(s);
	slub_sim_set_cpu(0);
	kmem_cache_free(s, b[10]);
	EX_CHECK(kmem_cache_shrink(s) == 0, "kmem_cache_shrink failed");
	c = ex_snap("c");
	EX_CHECK(c->node[0].nr_partial == 2, "%lu slabs on the node's list, "
		 "expected 2", c->node[0].nr_partial);
	first = &c->slabs[c->node[0].partial[0]];
	second = &c->slabs[c->node[0].partial[1]];
	EX_CHECK(ex_snap_slab_of(c, b[0]) == first &&
		 ex_snap_slab_of(c, a[0]) == second,
		 "the slab with remote frees must be at the tail of the list");
	EX_CHECK(ex_stat(s, "deactivate_to_tail") == 1 &&
		 ex_stat(s, "deactivate_to_head") == 1,
		 "deactivate_to_head %ld, deactivate_to_tail %ld; expected 1, 1",
		 ex_stat(s, "deactivate_to_head"),
		 ex_stat(s, "deactivate_to_tail"));
	for (i = 0; i < 10; i++) {
		kmem_cache_free(s, a[i]);
		kmem_cache_free(s, b[i]);
	}
	ex_check_invariants();
	ex_stop();
}

static void test_full(void)
{
	int fails = ex_scenario("full.scn",
		"config cpus 2 nomerge\n"
		"cache c size 64\n"
		"cpu 0\n"
		"alloc a[0..63] from c\n"
		"flush c\n"
		"expect c deactivate_full 1\n"
		"expect c partial 0\n"
		"expect c slabs 1\n"
		"expect invariants\n"
		"free a[0]\n"
		"expect c cpu_partial_free 1\n"
		"expect invariants\n");

	EX_CHECK(fails == 0, "%d expect statement(s) failed (see above)", fails);
}

/* With more than min_partial (5) slabs on the node, an empty cpu slab
 * is freed (3.18 frees when nr_partial > min_partial). With cpu_partial
 * 0 every free into a full slab drains the chain: a, b, d, e, f, g go to
 * the node, h stays on the chain. */
static void test_empty(void)
{
	int fails = ex_scenario("empty.scn",
		"config cpus 2 nomerge\n"
		"cache c size 64\n"
		"set c cpu_partial 0\n"
		"cpu 0\n"
		"alloc a[0..63] from c\n"
		"alloc b[0..63] from c\n"
		"alloc d[0..63] from c\n"
		"alloc e[0..63] from c\n"
		"alloc f[0..63] from c\n"
		"alloc g[0..63] from c\n"
		"alloc h[0..63] from c\n"
		"alloc x from c\n"
		"free a[0]\n"
		"free b[0]\n"
		"free d[0]\n"
		"free e[0]\n"
		"free f[0]\n"
		"free g[0]\n"
		"free h[0]\n"
		"expect c partial 6\n"
		"free x\n"
		"flush c\n"
		"expect c deactivate_empty 1\n"
		"expect c free_slab 1\n"
		"expect c slabs 7\n"
		"expect c partial 7\n"
		"expect invariants\n");

	EX_CHECK(fails == 0, "%d expect statement(s) failed (see above)", fails);
}

/* With exactly min_partial (5) slabs on the node the empty slab stays. */
static void test_empty_kept(void)
{
	int fails = ex_scenario("empty_kept.scn",
		"config cpus 2 nomerge\n"
		"cache c size 64\n"
		"set c cpu_partial 0\n"
		"cpu 0\n"
		"alloc a[0..63] from c\n"
		"alloc b[0..63] from c\n"
		"alloc d[0..63] from c\n"
		"alloc e[0..63] from c\n"
		"alloc f[0..63] from c\n"
		"alloc g[0..63] from c\n"
		"alloc x from c\n"
		"free a[0]\n"
		"free b[0]\n"
		"free d[0]\n"
		"free e[0]\n"
		"free f[0]\n"
		"free g[0]\n"
		"expect c partial 5\n"
		"free x\n"
		"flush c\n"
		"expect c deactivate_empty 0\n"
		"expect c free_slab 0\n"
		"expect c slabs 7\n"
		"expect c partial 7\n"
		"expect invariants\n");

	EX_CHECK(fails == 0, "%d expect statement(s) failed (see above)", fails);
}

/* Every object the CPU held is on the slab's freelist afterwards, and
 * inuse counts exactly the allocated objects. */
static void test_counts(void)
{
	const struct slub_snap_cache *c;
	const struct slub_snap_slab *sl;
	struct kmem_cache *s;
	void *p[20];
	unsigned int i, nfree;

	ex_start(2, true);
	s = ex_cache("c", 64, 0, 0, NULL);
	for (i = 0; i < 20; i++)
		p[i] = ex_alloc(s);
	for (i = 0; i < 20; i += 3)
		kmem_cache_free(s, p[i]);
	slub_sim_set_cpu(1);
	kmem_cache_free(s, p[1]);
	slub_sim_set_cpu(0);
	EX_CHECK(kmem_cache_shrink(s) == 0, "kmem_cache_shrink failed");
	c = ex_snap("c");
	sl = ex_snap_slab_of(c, p[0]);
	EX_CHECK(sl, "the slab is gone");
	EX_CHECK(!sl->frozen && sl->where == SLUB_SLAB_NODE_PARTIAL,
		 "the slab must be unfrozen on the node's partial list");
	EX_CHECK(sl->inuse == 12, "inuse %u, expected 12", sl->inuse);
	for (i = 0, nfree = 0; i < sl->objects; i++) {
		EX_CHECK(sl->obj[i].state != SLUB_OBJ_CPU_FREE,
			 "object %u is still on a CPU's freelist", i);
		nfree += sl->obj[i].state == SLUB_OBJ_PAGE_FREE;
	}
	EX_CHECK(nfree == sl->objects - 12, "%u objects on the slab's freelist, "
		 "expected %u", nfree, sl->objects - 12);
	ex_check_invariants();
	for (i = 0; i < 20; i++)
		if (i % 3 && i != 1)
			kmem_cache_free(s, p[i]);
	ex_check_invariants();
	ex_stop();
}

static void test_node_mismatch(void)
{
	int fails = ex_scenario("nodes.scn",
		"config cpus 2 nodes 2 nomerge\n"
		"cache c size 64\n"
		"cpu 0\n"
		"alloc a[0..4] from c node 0\n"
		"alloc b from c node 1\n"
		"expect c alloc_node_mismatch 1\n"
		"expect c deactivate_to_head 1\n"
		"expect c partial 1\n"
		"alloc d[0..4] from c node 0\n"
		"expect distinct a[0..4] b d[0..4]\n"
		"expect invariants\n");

	EX_CHECK(fails == 0, "%d expect statement(s) failed (see above)", fails);
}

EX_SUITE("08", "deactivate_slab",
	{ "to_head", 2, test_to_head,
	  "a partial slab goes to the head of the node's list" },
	{ "to_tail", 2, test_to_tail,
	  "with remote frees it goes to the tail" },
	{ "tail_position", 1, test_tail_position,
	  "head and tail are the two ends of the list" },
	{ "full", 2, test_full, "a full slab goes on no list" },
	{ "empty", 2, test_empty,
	  "an empty slab beyond min_partial is freed" },
	{ "empty_kept", 1, test_empty_kept,
	  "an empty slab stays while the node has only min_partial" },
	{ "counts", 2, test_counts,
	  "the CPU's objects return to the slab; inuse is exact" },
	{ "node_mismatch", 1, test_node_mismatch,
	  "a request for another node deactivates the cpu slab" });
