// SPDX-License-Identifier: GPL-2.0-only
/*
 * The design exercise's correctness tests: design_kmem_cache_free_bulk()
 * must leave the allocator as one kmem_cache_free() per object would.
 * After the bulk free and a shrink (which flushes the CPUs), no object
 * may be in use, every object must have counted one free, and a new
 * allocation of as many objects must give distinct ones.
 */
#include <stdlib.h>
#include "grade.h"

void design_kmem_cache_free_bulk(struct kmem_cache *s, size_t size,
				 void **p);

#define MAXN 512

/* alloc n objects of s on the running CPU */
static void fill(struct kmem_cache *s, void **p, int n)
{
	EX_CHECK(kmem_cache_alloc_bulk(s, GFP_KERNEL, n, p) == (int)n,
		 "kmem_cache_alloc_bulk(%d) failed", n);
}

static void check_all_free(struct kmem_cache *s, long frees)
{
	void *q[MAXN];
	int i, j, n = (int)frees;

	EX_CHECK(ex_reports() == 0, "the allocator reported an error");
	ex_check_invariants();
	EX_CHECK(ex_stat(s, "free_fastpath") + ex_stat(s, "free_slowpath") ==
		 frees, "free_fastpath + free_slowpath = %ld, expected %ld: "
		 "every object counts one free", ex_stat(s, "free_fastpath") +
		 ex_stat(s, "free_slowpath"), frees);
	fill(s, q, n);
	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++)
			EX_CHECK(q[i] != q[j], "after the bulk free, one object "
				 "is handed out twice");
	kmem_cache_free_bulk(s, n, q);
	kmem_cache_shrink(s);
	EX_CHECK(ex_attr(s, "objects") == 0, "%ld object(s) still in use "
		 "after freeing everything: an object was lost",
		 ex_attr(s, "objects"));
	ex_check_invariants();
}

static void test_cpu_slab(void)
{
	void *p[40];
	struct kmem_cache *s;

	ex_start(2, true);
	s = ex_cache("c", 64, 0, 0, NULL);
	fill(s, p, 40);
	design_kmem_cache_free_bulk(s, 40, p);
	check_all_free(s, 40);
	ex_stop();
}

static void test_many_slabs(void)
{
	void *p[300];
	struct kmem_cache *s;

	ex_start(2, true);
	s = ex_cache("c", 128, 0, 0, NULL);
	fill(s, p, 300);
	design_kmem_cache_free_bulk(s, 300, p);
	check_all_free(s, 300);
	ex_stop();
}

static void test_shuffled(void)
{
	void *p[300], *t;
	struct kmem_cache *s;
	unsigned int r = 12345;
	int i, j;

	ex_start(2, true);
	s = ex_cache("c", 96, 0, 0, NULL);
	fill(s, p, 300);
	for (i = 299; i > 0; i--) {
		r = r * 1103515245 + 12345;
		j = (int)((r >> 8) % (unsigned int)(i + 1));
		t = p[i];
		p[i] = p[j];
		p[j] = t;
	}
	design_kmem_cache_free_bulk(s, 300, p);
	check_all_free(s, 300);
	ex_stop();
}

static void test_remote(void)
{
	void *p[100];
	struct kmem_cache *s;

	ex_start(2, true);
	s = ex_cache("c", 64, 0, 0, NULL);
	slub_sim_set_cpu(1);
	fill(s, p, 100);
	slub_sim_set_cpu(0);
	design_kmem_cache_free_bulk(s, 100, p);
	check_all_free(s, 100);
	ex_stop();
}

static void test_empty_and_debug(void)
{
	struct slub_config cfg = {
		.nr_cpus = 2, .simulated = true, .nomerge = true,
		.slub_debug = "-",
	};
	void *p[50];
	struct kmem_cache *s, *d;

	ex_start_cfg(&cfg);
	s = ex_cache("c", 64, 0, 0, NULL);
	design_kmem_cache_free_bulk(s, 0, p);
	d = ex_cache("d", 64, 0, SLAB_RED_ZONE | SLAB_POISON, NULL);
	fill(d, p, 50);
	design_kmem_cache_free_bulk(d, 50, p);
	check_all_free(d, 50);
	ex_stop();
}

EX_SUITE("design", "a bulk free (correctness)",
	{ "cpu_slab", 2, test_cpu_slab,
	  "objects of the CPU's slab, in allocation order" },
	{ "many_slabs", 2, test_many_slabs, "objects of ten slabs" },
	{ "shuffled", 2, test_shuffled, "objects of many slabs, shuffled" },
	{ "remote", 2, test_remote, "objects allocated on another CPU" },
	{ "empty_and_debug", 2, test_empty_and_debug,
	  "no objects; a debug cache keeps its checks" });
