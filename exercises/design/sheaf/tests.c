// SPDX-License-Identifier: GPL-2.0-only
/*
 * The sheaf design exercise's correctness tests: the student's refill
 * and flush on detached sheaves of a cache with sheaves (capacity CAP),
 * checked through the public interface: the counters, the invariant
 * checker, the objects attribute after a shrink, distinct objects.
 */
#include <stdlib.h>
#include "grade.h"
#include "sheaf_api.h"

#define CAP 24

static struct kmem_cache *start(unsigned int size)
{
	struct slub_config cfg = {
		.nr_cpus = 2, .simulated = true, .nomerge = true,
		.slub_debug = "-", .sheaves = CAP,
	};

	ex_start_cfg(&cfg);
	return ex_cache("c", size, 0, 0, NULL);
}

static struct slab_sheaf *new_sheaf(struct kmem_cache *s)
{
	struct slab_sheaf *sh = design_sheaf_new(s);

	EX_CHECK(sh, "no empty sheaf (out of memory?)");
	return sh;
}

/* The sheaf's objects are distinct, and none is in objects[] already. */
static void check_distinct(const struct slab_sheaf *sh)
{
	unsigned int i, j, n = design_sheaf_size(sh);

	for (i = 0; i < n; i++) {
		EX_CHECK(design_sheaf_object(sh, i), "slot %u of the sheaf is "
			 "NULL", i);
		for (j = i + 1; j < n; j++)
			EX_CHECK(design_sheaf_object(sh, i) !=
				 design_sheaf_object(sh, j), "slots %u and %u "
				 "of the sheaf hold the same object", i, j);
	}
}

/* After everything went back: nothing in use, nothing lost. */
static void check_nothing_in_use(struct kmem_cache *s)
{
	EX_CHECK(ex_reports() == 0, "the allocator reported an error");
	ex_check_invariants();
	kmem_cache_shrink(s);
	EX_CHECK(ex_attr(s, "objects") == 0, "%ld object(s) still in use after "
		 "the flush: an object was lost", ex_attr(s, "objects"));
	ex_check_invariants();
}

static void test_refill_fresh(void)
{
	struct kmem_cache *s = start(64);
	struct slab_sheaf *sh = new_sheaf(s);
	unsigned int got = design_refill(s, sh);

	EX_CHECK(got == CAP && design_sheaf_size(sh) == CAP, "refill of an "
		 "empty sheaf returned %u, size %u: expected %d and %d", got,
		 design_sheaf_size(sh), CAP, CAP);
	check_distinct(sh);
	EX_CHECK(ex_stat(s, "sheaf_refill") == CAP, "sheaf_refill %ld, "
		 "expected %d: one per object", ex_stat(s, "sheaf_refill"),
		 CAP);
	EX_CHECK(ex_stat_seen(SHEAF_REFILL, design_sheaf_object(sh, 0)) == 1,
		 "SHEAF_REFILL must be counted with the object (stat_at)");
	ex_check_invariants();
	design_flush(s, sh);
	EX_CHECK(design_sheaf_size(sh) == 0, "the flushed sheaf still holds "
		 "%u objects", design_sheaf_size(sh));
	EX_CHECK(ex_stat(s, "sheaf_flush") == CAP, "sheaf_flush %ld, expected "
		 "%d: one per object", ex_stat(s, "sheaf_flush"), CAP);
	design_sheaf_free(s, sh);
	check_nothing_in_use(s);
	ex_stop();
}

static void test_refill_topup(void)
{
	struct kmem_cache *s = start(64);
	struct slab_sheaf *sh = new_sheaf(s);
	void *taken[5];
	unsigned int i, got;

	design_refill(s, sh);
	for (i = 0; i < 5; i++)
		taken[i] = kmem_cache_alloc_from_sheaf(s, GFP_KERNEL, sh);
	got = design_refill(s, sh);
	EX_CHECK(got == 5 && design_sheaf_size(sh) == CAP, "refill of a "
		 "sheaf with %d objects returned %u, size %u: expected 5 "
		 "and %d", CAP - 5, got, design_sheaf_size(sh), CAP);
	check_distinct(sh);
	for (i = 0; i < design_sheaf_size(sh); i++)
		EX_CHECK(design_sheaf_object(sh, i) != taken[0] &&
			 design_sheaf_object(sh, i) != taken[4], "the refill "
			 "put an object in use into the sheaf");
	EX_CHECK(design_refill(s, sh) == 0, "refill of a full sheaf must add "
		 "nothing");
	design_flush(s, sh);
	for (i = 0; i < 5; i++)
		kmem_cache_free(s, taken[i]);
	design_sheaf_free(s, sh);
	check_nothing_in_use(s);
	ex_stop();
}

/* Partial slabs first: with enough free objects on the node's partial
 * list, a refill makes no new slab. */
static void test_refill_partial_first(void)
{
	struct kmem_cache *s = start(64);
	struct slab_sheaf *a = new_sheaf(s), *c;
	void *o[CAP];
	long slabs;
	unsigned int i;

	design_refill(s, a);
	for (i = 0; i < CAP; i++)
		o[i] = kmem_cache_alloc_from_sheaf(s, GFP_KERNEL, a);
	/* every other object back: its slabs turn partial (the frees sit
	 * in the CPU's sheaves until the shrink flushes them) */
	for (i = 0; i < CAP; i += 2)
		kmem_cache_free(s, o[i]);
	kmem_cache_shrink(s);
	slabs = ex_stat(s, "alloc_slab");
	c = new_sheaf(s);
	EX_CHECK(design_refill(s, c) == CAP, "refill of an empty sheaf short");
	for (i = 0; i < CAP; i += 2) {
		unsigned int j;

		for (j = 0; j < CAP; j++)
			if (design_sheaf_object(c, j) == o[i])
				break;
		EX_CHECK(j < CAP, "the node's partial slabs had %d free "
			 "objects but the refill did not take object %u of "
			 "them: partial slabs come before new ones", CAP / 2,
			 i);
	}
	EX_CHECK(ex_stat(s, "alloc_slab") - slabs <= 1, "the refill made %ld "
		 "new slabs for %d objects", ex_stat(s, "alloc_slab") - slabs,
		 CAP / 2);
	check_distinct(c);
	ex_check_invariants();
	design_flush(s, c);
	for (i = 1; i < CAP; i += 2)
		kmem_cache_free(s, o[i]);
	design_sheaf_free(s, a);
	design_sheaf_free(s, c);
	check_nothing_in_use(s);
	ex_stop();
}

/* A sheaf larger than a slab: 1024-byte objects, eight to a slab. */
static void test_refill_many_slabs(void)
{
	struct kmem_cache *s = start(1024);
	struct slab_sheaf *sh = new_sheaf(s);
	long per = ex_attr(s, "objs_per_slab");

	EX_CHECK(design_refill(s, sh) == CAP, "refill short of %d", CAP);
	check_distinct(sh);
	EX_CHECK(ex_stat(s, "alloc_slab") == (CAP + per - 1) / per,
		 "alloc_slab %ld, expected %ld: one count per new slab",
		 ex_stat(s, "alloc_slab"), (CAP + per - 1) / per);
	ex_check_invariants();
	design_flush(s, sh);
	design_sheaf_free(s, sh);
	check_nothing_in_use(s);
	ex_stop();
}

/* A flush of objects from many slabs in a shuffled order. */
static void test_flush_shuffled(void)
{
	struct kmem_cache *s = start(1024);
	struct slab_sheaf *sh = new_sheaf(s);
	void *o[CAP];
	unsigned int i, j;

	EX_CHECK(kmem_cache_alloc_bulk(s, GFP_KERNEL, CAP, o) == CAP,
		 "kmem_cache_alloc_bulk failed");
	srand(7);
	for (i = CAP - 1; i > 0; i--) {
		void *t;

		j = rand() % (i + 1);
		t = o[i];
		o[i] = o[j];
		o[j] = t;
	}
	for (i = 0; i < CAP; i++)
		EX_CHECK(design_sheaf_put(sh, o[i]), "sheaf full");
	design_flush(s, sh);
	EX_CHECK(design_sheaf_size(sh) == 0, "the flushed sheaf still holds "
		 "%u objects", design_sheaf_size(sh));
	EX_CHECK(ex_stat(s, "sheaf_flush") == CAP, "sheaf_flush %ld, expected "
		 "%d", ex_stat(s, "sheaf_flush"), CAP);
	for (i = 0; i < CAP; i++)
		EX_CHECK(ex_stat_seen(SHEAF_FLUSH, o[i]) == 1, "object %u: "
			 "SHEAF_FLUSH must be counted once with the object", i);
	design_sheaf_free(s, sh);
	check_nothing_in_use(s);
	ex_stop();
}

/* Slabs emptied by a flush go back to the page allocator beyond
 * min_partial; a slab that was full becomes partial. */
static void test_flush_lists(void)
{
	struct kmem_cache *s = start(1024);
	struct slab_sheaf *sh = new_sheaf(s), *one = new_sheaf(s);
	void *o[CAP];
	long min_partial = ex_attr(s, "min_partial");
	unsigned int i;

	EX_CHECK(kmem_cache_alloc_bulk(s, GFP_KERNEL, CAP, o) == CAP,
		 "kmem_cache_alloc_bulk failed");
	kmem_cache_shrink(s);
	/* one object of a full slab: the slab turns partial */
	design_sheaf_put(one, o[0]);
	design_flush(s, one);
	EX_CHECK(ex_attr(s, "partial") >= 1, "a full slab that got an object "
		 "back is on no partial list (partial %ld)",
		 ex_attr(s, "partial"));
	ex_check_invariants();
	for (i = 1; i < CAP; i++)
		design_sheaf_put(sh, o[i]);
	design_flush(s, sh);
	EX_CHECK(ex_attr(s, "slabs") <= min_partial, "%ld slabs left after "
		 "every object went back: empty slabs beyond min_partial (%ld) "
		 "go back to the page allocator", ex_attr(s, "slabs"),
		 min_partial);
	design_sheaf_free(s, sh);
	design_sheaf_free(s, one);
	check_nothing_in_use(s);
	ex_stop();
}

static void test_empty(void)
{
	struct kmem_cache *s = start(64);
	struct slab_sheaf *sh = new_sheaf(s);

	design_flush(s, sh);
	EX_CHECK(design_sheaf_size(sh) == 0 && ex_stat(s, "sheaf_flush") == 0,
		 "a flush of an empty sheaf must do nothing");
	design_sheaf_free(s, sh);
	check_nothing_in_use(s);
	ex_stop();
}

EX_SUITE("design-sheaf", "sheaf refill and flush",
	{ "refill_fresh", 2, test_refill_fresh,
	  "a refill fills an empty sheaf, a flush gives everything back" },
	{ "refill_topup", 1, test_refill_topup,
	  "a refill tops up a sheaf and adds nothing to a full one" },
	{ "refill_partial_first", 2, test_refill_partial_first,
	  "the node's partial slabs come before new slabs" },
	{ "refill_many_slabs", 1, test_refill_many_slabs,
	  "a refill across several new slabs, ALLOC_SLAB per slab" },
	{ "flush_shuffled", 2, test_flush_shuffled,
	  "a flush of objects of many slabs in any order" },
	{ "flush_lists", 1, test_flush_lists,
	  "a full slab turns partial; empty slabs are freed past min_partial" },
	{ "empty", 1, test_empty, "a flush of an empty sheaf" },
);
