// SPDX-License-Identifier: GPL-2.0-only
/*
 * Exercise 01: free pointers. The accessors are used by every path, so
 * the tests watch the freelists through allocation order: a new slab's
 * freelist runs in address order, frees push on the CPU's freelist and
 * allocation pops (LIFO), and the link lives at s->offset.
 */
#include <string.h>

#include "grade.h"

#define N 200

static void test_address_order(void)
{
	struct kmem_cache *s;
	char *p[64];
	long per;
	int i;

	ex_start(2, true);
	s = ex_cache("t", 64, 0, 0, NULL);
	per = ex_attr(s, "objs_per_slab");
	EX_CHECK(per == 64, "objs_per_slab %ld, expected 64", per);
	for (i = 0; i < per; i++) {
		p[i] = ex_alloc(s);
		EX_CHECK(p[i] == p[0] + 64 * i,
			 "object %d of a new slab is at offset %td, expected %d",
			 i, p[i] - p[0], 64 * i);
	}
	EX_CHECK(ex_stat(s, "alloc_slab") == 1, "alloc_slab %ld, expected 1",
		 ex_stat(s, "alloc_slab"));
	for (i = 0; i < per; i++)
		kmem_cache_free(s, p[i]);
	ex_check_invariants();
	ex_stop();
}

static void test_lifo(void)
{
	struct kmem_cache *s;
	void *a, *b, *c, *d;

	ex_start(2, true);
	s = ex_cache("t", 64, 0, 0, NULL);
	a = ex_alloc(s);
	b = ex_alloc(s);
	c = ex_alloc(s);
	kmem_cache_free(s, a);
	kmem_cache_free(s, c);
	d = ex_alloc(s);
	EX_CHECK(d == c, "after free(a), free(c) the next object must be c");
	d = ex_alloc(s);
	EX_CHECK(d == a, "... and then a");
	kmem_cache_free(s, a);
	kmem_cache_free(s, b);
	kmem_cache_free(s, c);
	ex_check_invariants();
	ex_stop();
}

/* Without hardening the link is the plain address, at offset 0. */
static void test_stored_link(void)
{
	struct kmem_cache *s;
	void *a, *b;

	ex_start(2, true);
	s = ex_cache("t", 64, 0, 0, NULL);
	a = ex_alloc(s);
	b = ex_alloc(s);
	EX_CHECK(ex_snap("t")->offset == 0, "offset %u, expected 0",
		 ex_snap("t")->offset);
	kmem_cache_free(s, a);
	kmem_cache_free(s, b);
	EX_CHECK(*(void **)b == a,
		 "the word at offset 0 of b should hold a after free(a), free(b)");
	ex_stop();
}

/* A constructed object keeps its contents while free: the link goes
 * after the object, at s->offset. */
static void ctor(void *p)
{
	memset(p, 0x5c, 40);
}

static bool constructed(const unsigned char *p)
{
	int i;

	for (i = 0; i < 40; i++)
		if (p[i] != 0x5c)
			return false;
	return true;
}

static void test_offset(void)
{
	struct kmem_cache *s;
	unsigned char *p[N];
	unsigned int off;
	int i;

	ex_start(2, true);
	s = ex_cache("t", 40, 0, 0, ctor);
	off = ex_snap("t")->offset;
	EX_CHECK(off == 40, "offset %u, expected 40", off);
	for (i = 0; i < N; i++) {
		p[i] = ex_alloc(s);
		EX_CHECK(constructed(p[i]),
			 "object %d is not as its constructor left it", i);
	}
	for (i = 0; i < N; i += 2)
		kmem_cache_free(s, p[i]);
	EX_CHECK(*(void **)(p[2] + off) == p[0],
		 "the link of a free object must be at s->offset");
	for (i = 0; i < N; i += 2) {
		p[i] = ex_alloc(s);
		EX_CHECK(constructed(p[i]),
			 "a reused object lost its constructed contents");
	}
	for (i = 0; i < N; i++)
		kmem_cache_free(s, p[i]);
	ex_check_invariants();
	ex_stop();
}

/* With freelist hardening every link is encoded; alloc and free must
 * still agree, across many slabs and both CPUs, for links at offset 0
 * and after the object. */
static void churn(struct kmem_cache *s)
{
	void *p[N], *a, *b;
	int i, j;

	for (i = 0; i < N; i++)
		p[i] = ex_alloc(s);
	for (i = 0; i < N; i++)
		for (j = 0; j < i; j++)
			EX_CHECK(p[i] != p[j], "object handed out twice");
	a = p[0];
	b = p[1];
	kmem_cache_free(s, a);
	kmem_cache_free(s, b);
	EX_CHECK(*(void **)((char *)b + ex_snap(kmem_cache_name(s))->offset) != a,
		 "with freelist_hardened the stored link must be encoded");
	for (i = 2; i < N; i++) {
		slub_sim_set_cpu(i & 1);
		kmem_cache_free(s, p[i]);
	}
	slub_sim_set_cpu(0);
	for (i = 0; i < N; i++)
		p[i] = ex_alloc(s);
	for (i = 0; i < N; i++)
		for (j = 0; j < i; j++)
			EX_CHECK(p[i] != p[j], "object handed out twice");
	for (i = 0; i < N; i++)
		kmem_cache_free(s, p[i]);
}

static void test_hardened(void)
{
	struct slub_config cfg = {
		.nr_cpus = 2, .simulated = true, .nomerge = true,
		.slub_debug = "-", .freelist_hardened = true,
	};

	ex_start_cfg(&cfg);
	churn(ex_cache("t", 128, 0, 0, NULL));
	churn(ex_cache("u", 40, 0, 0, ctor));
	ex_check_invariants();
	ex_stop();
}

EX_SUITE("01", "free pointers",
	{ "address_order", 2, test_address_order,
	  "a new slab hands out its objects in address order" },
	{ "lifo", 2, test_lifo, "freed objects come back last in, first out" },
	{ "stored_link", 1, test_stored_link,
	  "a free object's first word links to the next free object" },
	{ "offset", 2, test_offset,
	  "the link lives at s->offset: constructed objects stay intact" },
	{ "hardened", 3, test_hardened,
	  "encoded links (freelist hardening) decode on every path" });
