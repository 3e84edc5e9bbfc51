// SPDX-License-Identifier: GPL-2.0-only
/*
 * Exercise 06: refilling the CPU's freelist. Objects freed by another
 * CPU into this CPU's slab wait on the slab's own freelist until
 * get_freelist() takes them all (ALLOC_REFILL); a cpu slab with none is
 * full and is dropped without a list operation (DEACTIVATE_BYPASS);
 * load_freelist hands out the first object, gives the rest to the CPU
 * and advances the tid.
 */
#include "grade.h"

static void test_refill_remote(void)
{
	int fails = ex_scenario("refill.scn",
		"config cpus 2 nomerge\n"
		"cache c size 64\n"
		"cpu 0\n"
		"alloc a[0..63] from c\n"
		"expect c alloc_slab 1\n"
		"cpu 1\n"
		"free a[3]\n"
		"free a[7]\n"
		"free a[9]\n"
		"expect c free_frozen 3\n"
		"cpu 0\n"
		"alloc x from c\n"
		"alloc y from c\n"
		"alloc z from c\n"
		"expect c alloc_refill 1\n"
		"expect c alloc_slab 1\n"
		"expect c alloc_fastpath 65\n"
		"expect distinct a[0..2] a[4..6] a[8] a[10..63] x y z\n"
		"expect c objects 64\n"
		"alloc w from c\n"
		"expect c alloc_slab 2\n"
		"expect c deactivate_bypass 1\n"
		"expect invariants\n");

	EX_CHECK(fails == 0, "%d expect statement(s) failed (see above)", fails);
}

static void test_refill_objects(void)
{
	struct kmem_cache *s;
	void *p[64], *x[3];
	int i, j, found;

	ex_start(2, true);
	s = ex_cache("c", 64, 0, 0, NULL);
	for (i = 0; i < 64; i++)
		p[i] = ex_alloc(s);
	slub_sim_set_cpu(1);
	kmem_cache_free(s, p[10]);
	kmem_cache_free(s, p[20]);
	kmem_cache_free(s, p[30]);
	slub_sim_set_cpu(0);
	for (i = 0; i < 3; i++)
		x[i] = ex_alloc(s);
	for (i = 0, found = 0; i < 3; i++)
		for (j = 10; j <= 30; j += 10)
			if (x[i] == p[j])
				found++;
	EX_CHECK(found == 3, "the three objects CPU 1 freed must be the next "
		 "three CPU 0 allocates (found %d)", found);
	EX_CHECK(x[0] == p[30] && x[1] == p[20] && x[2] == p[10],
		 "the slab's freelist is handed over in its order (last freed "
		 "first)");
	EX_CHECK(ex_stat(s, "alloc_slab") == 1, "no new slab was needed");
	ex_check_invariants();
	ex_stop();
}

static void test_full_bypass(void)
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
	EX_CHECK(ex_stat(s, "deactivate_bypass") == 1,
		 "deactivate_bypass %ld, expected 1",
		 ex_stat(s, "deactivate_bypass"));
	EX_CHECK(ex_stat(s, "alloc_slab") == 2, "alloc_slab %ld, expected 2",
		 ex_stat(s, "alloc_slab"));
	EX_CHECK(ex_stat(s, "alloc_fastpath") == 63 &&
		 ex_stat(s, "alloc_slowpath") == 2,
		 "alloc_fastpath %ld and alloc_slowpath %ld, expected 63 and 2 "
		 "(the first allocation and the 65th)",
		 ex_stat(s, "alloc_fastpath"), ex_stat(s, "alloc_slowpath"));
	c = ex_snap("c");
	sl = ex_snap_slab_of(c, p[0]);
	EX_CHECK(sl, "no slab holds the first object");
	EX_CHECK(!sl->frozen, "a full slab dropped by the CPU must be unfrozen");
	EX_CHECK(sl->where == SLUB_SLAB_UNLISTED,
		 "a full slab is on no list (where %d)", sl->where);
	EX_CHECK(sl->inuse == sl->objects, "inuse %u of %u objects", sl->inuse,
		 sl->objects);
	ex_check_invariants();
	/* a free into the full slab must now take the slow path */
	kmem_cache_free(s, p[5]);
	EX_CHECK(ex_stat(s, "free_frozen") == 0,
		 "the full slab must not be frozen any more");
	ex_check_invariants();
	for (i = 0; i < 65; i++)
		if (i != 5)
			kmem_cache_free(s, p[i]);
	ex_check_invariants();
	ex_stop();
}

static void test_slowpath_tid(void)
{
	struct kmem_cache *s;
	unsigned long t0, t1, t2, step;
	void *a, *b, *p[64];
	int i;

	ex_start(2, true);
	s = ex_cache("c", 64, 0, 0, NULL);
	t0 = ex_snap("c")->cpu[0].tid;
	a = ex_alloc(s);
	t1 = ex_snap("c")->cpu[0].tid;
	b = ex_alloc(s);
	t2 = ex_snap("c")->cpu[0].tid;
	step = t2 - t1;
	EX_CHECK(step > 0, "the fastpath must advance the tid");
	EX_CHECK(t1 - t0 == step, "load_freelist must advance the tid by one "
		 "step (%lu); it advanced by %lu", step, t1 - t0);
	EX_CHECK(ex_snap("c")->cpu[0].freelist >= 0,
		 "after load_freelist the CPU has a freelist");
	for (i = 0; i < 62; i++)
		p[i] = ex_alloc(s);
	t1 = ex_snap("c")->cpu[0].tid;
	p[62] = ex_alloc(s);
	t2 = ex_snap("c")->cpu[0].tid;
	EX_CHECK(t2 - t1 == step, "a refill from a new slab advances the tid "
		 "by one step");
	kmem_cache_free(s, a);
	kmem_cache_free(s, b);
	for (i = 0; i < 63; i++)
		kmem_cache_free(s, p[i]);
	ex_check_invariants();
	ex_stop();
}

static void test_many(void)
{
	int fails = ex_scenario("many.scn",
		"config cpus 2 nomerge\n"
		"cache c size 200\n"
		"cpu 0\n"
		"alloc a[0..999] from c\n"
		"expect distinct a[0..999]\n"
		"cpu 1\n"
		"free a[0..499]\n"
		"alloc b[0..599] from c\n"
		"expect distinct a[500..999] b[0..599]\n"
		"cpu 0\n"
		"free a[500..999]\n"
		"alloc d[0..299] from c\n"
		"expect distinct b[0..599] d[0..299]\n"
		"expect invariants\n");

	EX_CHECK(fails == 0, "%d expect statement(s) failed (see above)", fails);
}

EX_SUITE("06", "refilling the CPU: get_freelist and load_freelist",
	{ "refill_remote", 3, test_refill_remote,
	  "objects freed by another CPU refill the cpu freelist" },
	{ "refill_objects", 2, test_refill_objects,
	  "the refill hands out exactly the remotely freed objects" },
	{ "full_bypass", 2, test_full_bypass,
	  "a full cpu slab is unfrozen and on no list" },
	{ "slowpath_tid", 2, test_slowpath_tid,
	  "load_freelist advances the tid" },
	{ "many", 2, test_many, "many slabs on two CPUs: nothing twice" });
