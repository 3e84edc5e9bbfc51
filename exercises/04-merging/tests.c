// SPDX-License-Identifier: GPL-2.0-only
/*
 * Exercise 04: cache merging. kmem_cache_create() returns an existing
 * cache when find_mergeable() finds one: the tests compare the returned
 * pointers and the caches' names, sizes and alias counts with what Linux
 * 3.18 does (kmalloc-64 hosts a 60-byte cache but not a 56-byte one).
 */
#include <string.h>

#include "grade.h"

static void ctor(void *p)
{
	(void)p;
}

static bool is_new(struct kmem_cache *s, const char *name)
{
	return !strcmp(kmem_cache_name(s), name);
}

static void test_merge_same_size(void)
{
	struct kmem_cache *a, *b, *k;
	void *p;

	ex_start(2, false);
	k = slub_find_cache("kmalloc-64");
	EX_CHECK(k, "no kmalloc-64");
	a = ex_cache("a60", 60, 0, 0, NULL);
	EX_CHECK(!is_new(a, "a60"), "a 60-byte cache must merge with a "
		 "64-byte cache such as kmalloc-64");
	EX_CHECK(ex_attr(a, "slab_size") == 64,
		 "a60 merged into a cache of slab_size %ld, expected 64",
		 ex_attr(a, "slab_size"));
	b = ex_cache("b64", 64, 0, 0, NULL);
	EX_CHECK(b == a, "two compatible 64-byte requests must find the same cache");
	EX_CHECK(ex_attr(a, "aliases") >= 2, "aliases %ld, expected at least 2",
		 ex_attr(a, "aliases"));
	p = ex_alloc(b);
	kmem_cache_free(b, p);
	kmem_cache_destroy(b);
	kmem_cache_destroy(a);
	ex_check_invariants();
	ex_stop();
}

static void test_no_merge_waste(void)
{
	struct kmem_cache *c, *d, *e;

	ex_start(2, false);
	c = ex_cache("c56", 56, 0, 0, NULL);
	EX_CHECK(is_new(c, "c56"), "a 56-byte cache must not merge: a "
		 "64-byte cache wastes a word per object (merged into %s)",
		 kmem_cache_name(c));
	EX_CHECK(ex_attr(c, "slab_size") == 56, "c56 slab_size %ld",
		 ex_attr(c, "slab_size"));
	d = ex_cache("d56", 52, 0, 0, NULL);
	EX_CHECK(d == c, "a 52-byte cache (56 rounded) must merge with c56");
	e = ex_cache("e48", 48, 0, 0, NULL);
	EX_CHECK(is_new(e, "e48"), "a 48-byte cache must not merge with "
		 "c56 (merged into %s)", kmem_cache_name(e));
	kmem_cache_destroy(e);
	kmem_cache_destroy(d);
	kmem_cache_destroy(c);
	ex_stop();
}

static void test_no_merge_flags(void)
{
	struct kmem_cache *r, *r2, *d;

	ex_start(2, false);
	r = ex_cache("rec", 64, 0, SLAB_RECLAIM_ACCOUNT, NULL);
	EX_CHECK(is_new(r, "rec"), "SLAB_RECLAIM_ACCOUNT differs from the "
		 "kmalloc caches: no merge (merged into %s)", kmem_cache_name(r));
	r2 = ex_cache("rec2", 60, 0, SLAB_RECLAIM_ACCOUNT, NULL);
	EX_CHECK(r2 == r, "two SLAB_RECLAIM_ACCOUNT caches of 64 bytes merge");
	d = ex_cache("dma", 64, 0, SLAB_CACHE_DMA, NULL);
	EX_CHECK(is_new(d, "dma"), "SLAB_CACHE_DMA must not merge with a "
		 "non-DMA cache (merged into %s)", kmem_cache_name(d));
	kmem_cache_destroy(d);
	kmem_cache_destroy(r2);
	kmem_cache_destroy(r);
	ex_stop();
}

static void test_no_merge_ctor_debug(void)
{
	struct kmem_cache *c, *z, *h;

	ex_start(2, false);
	c = ex_cache("ctor", 64, 0, 0, ctor);
	EX_CHECK(is_new(c, "ctor"), "a cache with a constructor never merges");
	z = ex_cache("rz", 64, 0, SLAB_RED_ZONE, NULL);
	EX_CHECK(is_new(z, "rz"), "a debugged cache never merges");
	h = ex_cache("rcu", 64, 0, SLAB_DESTROY_BY_RCU, NULL);
	EX_CHECK(is_new(h, "rcu"), "an RCU cache never merges");
	kmem_cache_destroy(h);
	kmem_cache_destroy(z);
	kmem_cache_destroy(c);
	ex_stop();
	ex_start(2, true);
	c = ex_cache("plain", 64, 0, 0, NULL);
	EX_CHECK(is_new(c, "plain"), "with slub_nomerge nothing merges");
	kmem_cache_destroy(c);
	ex_stop();
}

static void test_merge_grows_object(void)
{
	struct kmem_cache *h, *i;
	void *p;

	ex_start(2, false);
	h = ex_cache("h100", 100, 0, 0, NULL);
	EX_CHECK(is_new(h, "h100"), "a 100-byte cache is new (104 bytes: "
		 "kmalloc-128 wastes too much)");
	i = ex_cache("i104", 104, 0, 0, NULL);
	EX_CHECK(i == h, "a 104-byte cache merges with h100");
	EX_CHECK(ex_attr(h, "object_size") == 104,
		 "after the merge object_size must grow to 104, is %ld",
		 ex_attr(h, "object_size"));
	p = kmem_cache_zalloc(i, GFP_KERNEL);
	EX_CHECK(p, "allocation failed");
	kmem_cache_free(i, p);
	kmem_cache_destroy(i);
	kmem_cache_destroy(h);
	ex_check_invariants();
	ex_stop();
}

static void test_align(void)
{
	struct kmem_cache *a, *b;

	ex_start(2, false);
	a = ex_cache("a40", 40, 64, 0, NULL);
	EX_CHECK(ex_attr(a, "slab_size") == 64 && !is_new(a, "a40"),
		 "40 bytes aligned to 64 take 64 bytes and merge with a "
		 "64-byte cache");
	b = ex_cache("b24", 20, 0, SLAB_HWCACHE_ALIGN, NULL);
	EX_CHECK(ex_attr(b, "slab_size") == 32 && !is_new(b, "b24"),
		 "20 bytes with SLAB_HWCACHE_ALIGN take 32 bytes and merge "
		 "(slab_size %ld, cache %s)", ex_attr(b, "slab_size"),
		 kmem_cache_name(b));
	kmem_cache_destroy(b);
	kmem_cache_destroy(a);
	ex_stop();
}

EX_SUITE("04", "cache merging",
	{ "merge_same_size", 2, test_merge_same_size,
	  "compatible caches share one kmem_cache" },
	{ "no_merge_waste", 2, test_no_merge_waste,
	  "a word of waste per object is too much" },
	{ "no_merge_flags", 2, test_no_merge_flags,
	  "SLUB_MERGE_SAME flags must agree" },
	{ "no_merge_ctor_debug", 2, test_no_merge_ctor_debug,
	  "constructors, debugging, RCU and slub_nomerge prevent merging" },
	{ "merge_grows_object", 1, test_merge_grows_object,
	  "the host's object_size grows to the guest's size" },
	{ "align", 1, test_align,
	  "the request is aligned before the search" });
