// SPDX-License-Identifier: GPL-2.0-only
/*
 * Exercise 07: __slab_free() and put_cpu_partial(). The four cases of a
 * free by what the slab was before (frozen, full, partial becoming
 * empty, partial), the CPU's partial chain with its pages and pobjects
 * fields, and the drain when the chain is over cpu_partial objects.
 */
#include "grade.h"

static void test_free_frozen(void)
{
	int fails = ex_scenario("frozen.scn",
		"config cpus 2 nomerge\n"
		"cache c size 64\n"
		"cpu 0\n"
		"alloc a[0..9] from c\n"
		"cpu 1\n"
		"free a[2]\n"
		"free a[4]\n"
		"expect c free_frozen 2\n"
		"expect c free_slowpath 2\n"
		"expect c cpu_partial_free 0\n"
		"expect c partial 0\n"
		"cpu 0\n"
		"alloc b[0..55] from c\n"
		"expect c alloc_slab 1\n"
		"expect c alloc_refill 1\n"
		"expect distinct a[0..1] a[3] a[5..9] b[0..55]\n"
		"expect invariants\n");

	EX_CHECK(fails == 0, "%d expect statement(s) failed (see above)", fails);
}

static void test_full_to_cpu_partial(void)
{
	const struct slub_snap_cache *c;
	const struct slub_snap_slab *sl;
	struct kmem_cache *s;
	void *p[65];
	int i;

	ex_start(2, true);
	s = ex_cache("c", 64, 0, 0, NULL);
	for (i = 0; i < 65; i++)
		p[i] = ex_alloc(s);
	slub_sim_set_cpu(1);
	kmem_cache_free(s, p[0]);
	EX_CHECK(ex_stat(s, "cpu_partial_free") == 1,
		 "a free into a full slab freezes it onto the freeing CPU's "
		 "partial chain (cpu_partial_free %ld)",
		 ex_stat(s, "cpu_partial_free"));
	c = ex_snap("c");
	sl = ex_snap_slab_of(c, p[0]);
	EX_CHECK(sl && sl->frozen && sl->where == SLUB_SLAB_CPU_PARTIAL &&
		 sl->owner == 1,
		 "the slab must be frozen on CPU 1's partial chain");
	EX_CHECK(sl->inuse == 63, "inuse %u, expected 63", sl->inuse);
	EX_CHECK(c->cpu[1].nr_partial == 1 && sl->pages == 1 &&
		 sl->pobjects == 1,
		 "chain of %d slab(s), head pages %d pobjects %d; expected "
		 "1, 1, 1", c->cpu[1].nr_partial, sl->pages, sl->pobjects);
	EX_CHECK(ex_attr(s, "partial") == 0, "the node's list stays empty");
	/* a second free into the now frozen slab */
	kmem_cache_free(s, p[1]);
	EX_CHECK(ex_stat(s, "free_frozen") == 1, "free_frozen %ld, expected 1",
		 ex_stat(s, "free_frozen"));
	/* CPU 1 allocates from its partial chain */
	p[0] = ex_alloc(s);
	EX_CHECK(ex_stat(s, "cpu_partial_alloc") == 1,
		 "CPU 1 takes the slab from its chain");
	EX_CHECK(p[0] == p[1] || ex_snap_slab_of(ex_snap("c"), p[0]) != NULL,
		 "allocation failed");
	slub_sim_set_cpu(0);
	for (i = 0; i < 65; i++)
		if (i != 1)
			kmem_cache_free(s, p[i]);
	ex_check_invariants();
	ex_stop();
}

static void test_chain_fields(void)
{
	int fails = ex_scenario("chain.scn",
		"config cpus 2 nomerge\n"
		"cache c size 64\n"
		"cpu 0\n"
		"alloc a[0..63] from c\n"
		"alloc b[0..63] from c\n"
		"alloc d[0..63] from c\n"
		"alloc e from c\n"
		"free a[0]\n"
		"free a[1]\n"
		"expect c slabs_cpu_partial \"1(1) C0=1(1)\"\n"
		"free b[0]\n"
		"free d[5]\n"
		"expect c cpu_partial_free 3\n"
		"expect c slabs_cpu_partial \"3(3) C0=3(3)\"\n"
		"expect c cpu_partial_drain 0\n"
		"expect c partial 0\n"
		"expect invariants\n");

	EX_CHECK(fails == 0, "%d expect statement(s) failed (see above)", fails);
}

/*
 * pobjects counts free objects, not slabs: slabs taken from the node's
 * list join CPU 1's chain with all their free objects (d becomes the
 * cpu slab, b joins with 1 free object, a with 20).
 */
static void test_chain_from_node(void)
{
	int fails = ex_scenario("chain_node.scn",
		"config cpus 2 nomerge\n"
		"cache c size 64\n"
		"cpu 0\n"
		"alloc a[0..63] from c\n"
		"alloc b[0..63] from c\n"
		"alloc d[0..63] from c\n"
		"alloc e[0..63] from c\n"
		"free a[0]\n"
		"free b[0]\n"
		"free d[0]\n"
		"free a[1..19]\n"
		"expect c free_frozen 19\n"
		"flush c\n"
		"expect c partial 3\n"
		"cpu 1\n"
		"alloc y from c\n"
		"expect c cpu_partial_node 2\n"
		"expect c slabs_cpu_partial \"21(2) C1=21(2)\"\n"
		"expect invariants\n");

	EX_CHECK(fails == 0, "%d expect statement(s) failed (see above)", fails);
}

static void test_drain(void)
{
	int fails = ex_scenario("drain.scn",
		"config cpus 2 nomerge\n"
		"cache c size 64\n"
		"set c cpu_partial 2\n"
		"cpu 0\n"
		"alloc a[0..63] from c\n"
		"alloc b[0..63] from c\n"
		"alloc d[0..63] from c\n"
		"alloc e[0..63] from c\n"
		"alloc f from c\n"
		"free a[0]\n"
		"free b[0]\n"
		"free d[0]\n"
		"expect c cpu_partial_drain 0\n"
		"expect c slabs_cpu_partial \"3(3) C0=3(3)\"\n"
		"free e[0]\n"
		"expect c cpu_partial_drain 1\n"
		"expect c cpu_partial_free 4\n"
		"expect c free_add_partial 3\n"
		"expect c partial 3\n"
		"expect c slabs_cpu_partial \"1(1) C0=1(1)\"\n"
		"alloc g[0..62] from c\n"
		"alloc h from c\n"
		"expect c cpu_partial_alloc 1\n"
		"expect distinct a[1..63] b[1..63] d[1..63] e[1..63] f g[0..62] h\n"
		"expect invariants\n");

	EX_CHECK(fails == 0, "%d expect statement(s) failed (see above)", fails);
}

/*
 * A slab on the node's partial list that becomes empty goes back to the
 * page allocator when the node keeps more than min_partial (5) partial
 * slabs (nr_partial > min_partial in 3.18). With
 * cpu_partial 0 every free into a full slab drains the chain, so the
 * node's list fills up: a, b, d, e, f, g, and h stays on the chain.
 */
static void test_empty_slab_freed(void)
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
		"expect c slabs 8\n"
		"free a[0]\n"
		"free b[0]\n"
		"free d[0]\n"
		"free e[0]\n"
		"free f[0]\n"
		"free g[0]\n"
		"free h[0]\n"
		"expect c cpu_partial_drain 6\n"
		"expect c partial 6\n"
		"free a[1..63]\n"
		"expect c free_slab 1\n"
		"expect c free_remove_partial 1\n"
		"expect c partial 5\n"
		"free b[1..63]\n"
		"expect c free_slab 1\n"
		"expect c partial 5\n"
		"free d[1..63]\n"
		"expect c free_slab 1\n"
		"expect c partial 5\n"
		"expect c slabs 7\n"
		"expect invariants\n");

	EX_CHECK(fails == 0, "%d expect statement(s) failed (see above)", fails);
}

/* A debugged cache has no cpu partial chains: a formerly full slab goes
 * on the node's partial list under its lock. */
static void test_debug_cache(void)
{
	int fails = ex_scenario("debug.scn",
		"config cpus 2 nomerge\n"
		"cache c size 64 flags debug_free\n"
		"cpu 0\n"
		"alloc a[0..100] from c\n"
		"expect c partial 1\n"
		"free a[0]\n"
		"expect c free_add_partial 1\n"
		"expect c cpu_partial_free 0\n"
		"expect c partial 2\n"
		"free a[1..100]\n"
		"expect c partial 2\n"
		"expect invariants\n");

	EX_CHECK(fails == 0, "%d expect statement(s) failed (see above)", fails);
}

EX_SUITE("07", "__slab_free and the cpu partial chain",
	{ "free_frozen", 2, test_free_frozen,
	  "a free into another CPU's slab only links the object" },
	{ "full_to_cpu_partial", 3, test_full_to_cpu_partial,
	  "a full slab is frozen onto the freeing CPU's chain" },
	{ "chain_fields", 2, test_chain_fields,
	  "pages and pobjects of the chain's head" },
	{ "chain_from_node", 1, test_chain_from_node,
	  "pobjects counts the free objects of the slabs on the chain" },
	{ "drain", 2, test_drain,
	  "a chain over cpu_partial drains to the node" },
	{ "empty_slab_freed", 2, test_empty_slab_freed,
	  "empty slabs go back when the node has more than min_partial" },
	{ "debug_cache", 1, test_debug_cache,
	  "without cpu partial chains the node's list is used" });
