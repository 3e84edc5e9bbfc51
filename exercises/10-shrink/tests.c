// SPDX-License-Identifier: GPL-2.0-only
/*
 * Exercise 10: kmem_cache_shrink(). After a shrink the node's partial
 * list runs from the fullest slab to the emptiest, every empty slab has
 * gone back to the page allocator (even below min_partial) and
 * nr_partial counts the slabs left.
 */
#include "grade.h"

struct fixture {
	struct kmem_cache *s;
	void *p[5][64];
	void *x;
};

/*
 * Four full slabs A, B, C, D and the cpu slab E with one object; free 10
 * objects of A, 30 of B, 5 of C and all of D. Expected after the shrink:
 * C (59 in use), A (54), B (34), E (1); D is gone.
 */
static void setup(struct fixture *f)
{
	static const int nfree[4] = { 10, 30, 5, 64 };
	int i, j;

	ex_start(2, true);
	f->s = ex_cache("c", 64, 0, 0, NULL);
	for (i = 0; i < 4; i++)
		for (j = 0; j < 64; j++)
			f->p[i][j] = ex_alloc(f->s);
	f->x = ex_alloc(f->s);
	slub_sim_set_cpu(1);
	for (i = 0; i < 4; i++)
		for (j = 0; j < nfree[i]; j++) {
			kmem_cache_free(f->s, f->p[i][j]);
			f->p[i][j] = NULL;
		}
	slub_sim_set_cpu(0);
	EX_CHECK(ex_attr(f->s, "slabs") == 5, "%ld slabs before the shrink",
		 ex_attr(f->s, "slabs"));
	EX_CHECK(kmem_cache_shrink(f->s) == 0, "kmem_cache_shrink failed");
}

static void teardown(struct fixture *f)
{
	int i, j;

	for (i = 0; i < 4; i++)
		for (j = 0; j < 64; j++)
			if (f->p[i][j])
				kmem_cache_free(f->s, f->p[i][j]);
	kmem_cache_free(f->s, f->x);
	ex_check_invariants();
	ex_stop();
}

static void test_sorted(void)
{
	static const unsigned int want[4] = { 59, 54, 34, 1 };
	const struct slub_snap_cache *c;
	struct fixture f;
	unsigned int i;

	setup(&f);
	c = ex_snap("c");
	EX_CHECK(c->node[0].nr_partial == 4, "%lu slabs on the partial list, "
		 "expected 4", c->node[0].nr_partial);
	for (i = 0; i < 4; i++) {
		const struct slub_snap_slab *sl =
			&c->slabs[c->node[0].partial[i]];

		EX_CHECK(sl->inuse == want[i], "slab %u of the partial list has "
			 "%u objects in use, expected %u (fullest first)", i,
			 sl->inuse, want[i]);
	}
	teardown(&f);
}

static void test_empty_freed(void)
{
	struct fixture f;

	setup(&f);
	EX_CHECK(ex_attr(f.s, "slabs") == 4, "%ld slabs after the shrink, "
		 "expected 4: the empty one goes back",
		 ex_attr(f.s, "slabs"));
	teardown(&f);
}

static void test_nr_partial(void)
{
	struct fixture f;
	long n;

	setup(&f);
	n = ex_attr(f.s, "partial");
	EX_CHECK(n == 4, "partial %ld, expected 4", n);
	ex_check_invariants();
	teardown(&f);
}

static void test_all_empty(void)
{
	struct kmem_cache *s;
	void *p[600];
	int i;

	ex_start(2, true);
	s = ex_cache("c", 64, 0, 0, NULL);
	for (i = 0; i < 600; i++)
		p[i] = ex_alloc(s);
	slub_sim_set_cpu(1);
	for (i = 0; i < 600; i++)
		kmem_cache_free(s, p[i]);
	slub_sim_set_cpu(0);
	EX_CHECK(kmem_cache_shrink(s) == 0, "kmem_cache_shrink failed");
	EX_CHECK(ex_attr(s, "slabs") == 0 && ex_attr(s, "partial") == 0,
		 "after freeing everything a shrink leaves no slab (slabs %ld, "
		 "partial %ld)", ex_attr(s, "slabs"), ex_attr(s, "partial"));
	ex_check_invariants();
	ex_stop();
}

static void test_fullest_used_first(void)
{
	struct fixture f;
	void *q;

	setup(&f);
	slub_sim_set_cpu(1);
	q = ex_alloc(f.s);
	EX_CHECK(ex_stat(f.s, "alloc_from_partial") == 1,
		 "the allocation takes a slab from the partial list");
	{
		const struct slub_snap_cache *c = ex_snap("c");
		const struct slub_snap_slab *a = ex_snap_slab_of(c, q);
		const struct slub_snap_slab *b = ex_snap_slab_of(c, f.p[2][63]);

		EX_CHECK(a == b, "the next allocation must come from the "
			 "fullest slab (came from a slab with %u in use)",
			 a ? a->inuse : 0);
	}
	kmem_cache_free(f.s, q);
	slub_sim_set_cpu(0);
	teardown(&f);
}

EX_SUITE("10", "kmem_cache_shrink",
	{ "sorted", 3, test_sorted,
	  "the partial list runs from the fullest slab" },
	{ "empty_freed", 2, test_empty_freed,
	  "empty slabs go back to the page allocator" },
	{ "nr_partial", 2, test_nr_partial,
	  "nr_partial counts the slabs left on the list" },
	{ "all_empty", 1, test_all_empty,
	  "a cache of free objects shrinks to nothing" },
	{ "fullest_used_first", 1, test_fullest_used_first,
	  "allocation then fills the fullest slab" });
