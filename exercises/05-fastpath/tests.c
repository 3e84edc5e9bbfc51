// SPDX-License-Identifier: GPL-2.0-only
/*
 * Exercise 05: the allocation and free fastpaths. Counts of the
 * ALLOC_FASTPATH and FREE_FASTPATH statistics, the order objects come
 * back in, the transaction id (each operation on a CPU's freelist
 * advances it by one step; tid % step is the CPU), and injected
 * preemption: a compare-and-swap that read stale state must fail and
 * redo, and no object is ever handed out twice.
 */
#include "grade.h"

static unsigned long tid(int cpu)
{
	return ex_snap("c")->cpu[cpu].tid;
}

static void test_alloc_counts(void)
{
	struct kmem_cache *s;
	char *p[10];
	int i;

	ex_start(2, true);
	s = ex_cache("c", 64, 0, 0, NULL);
	for (i = 0; i < 10; i++) {
		p[i] = ex_alloc(s);
		EX_CHECK(p[i] == p[0] + 64 * i,
			 "allocation %d: the fastpath must hand out the next "
			 "object of the freelist", i);
	}
	EX_CHECK(ex_stat(s, "alloc_fastpath") == 9,
		 "alloc_fastpath %ld, expected 9 (the first allocation takes "
		 "the slow path)", ex_stat(s, "alloc_fastpath"));
	EX_CHECK(ex_stat(s, "alloc_slowpath") == 1,
		 "alloc_slowpath %ld, expected 1: every allocation counts one "
		 "of the two", ex_stat(s, "alloc_slowpath"));
	EX_CHECK(ex_stat(s, "alloc_slab") == 1, "alloc_slab %ld, expected 1",
		 ex_stat(s, "alloc_slab"));
	for (i = 1; i < 10; i++)
		EX_CHECK(ex_stat_seen(ALLOC_FASTPATH, p[i]) == 1,
			 "allocation %d: ALLOC_FASTPATH must be counted with "
			 "the object it hands out and its slab (stat_at), so "
			 "that the trace shows which object left", i);
	for (i = 0; i < 10; i++)
		kmem_cache_free(s, p[i]);
	ex_check_invariants();
	ex_stop();
}

static void test_free_lifo(void)
{
	struct kmem_cache *s;
	void *p[8], *q;
	int i;

	ex_start(2, true);
	s = ex_cache("c", 64, 0, 0, NULL);
	for (i = 0; i < 8; i++)
		p[i] = ex_alloc(s);
	for (i = 0; i < 5; i++)
		kmem_cache_free(s, p[i]);
	EX_CHECK(ex_stat(s, "free_fastpath") == 5,
		 "free_fastpath %ld, expected 5", ex_stat(s, "free_fastpath"));
	EX_CHECK(ex_stat(s, "free_slowpath") == 0,
		 "free_slowpath %ld, expected 0", ex_stat(s, "free_slowpath"));
	for (i = 0; i < 5; i++)
		EX_CHECK(ex_stat_seen(FREE_FASTPATH, p[i]) == 1,
			 "free %d: FREE_FASTPATH must be counted with the "
			 "object it takes back and its slab (stat_at)", i);
	for (i = 4; i >= 0; i--) {
		q = ex_alloc(s);
		EX_CHECK(q == p[i], "freed objects must come back last in, "
			 "first out");
	}
	for (i = 0; i < 8; i++)
		kmem_cache_free(s, p[i]);
	ex_check_invariants();
	ex_stop();
}

static void test_tid(void)
{
	struct kmem_cache *s;
	unsigned long t0, t1, t2, t3, step;
	void *a, *b;

	ex_start(2, true);
	s = ex_cache("c", 64, 0, 0, NULL);
	a = ex_alloc(s);
	t0 = tid(0);
	b = ex_alloc(s);
	t1 = tid(0);
	step = t1 - t0;
	EX_CHECK(t1 > t0, "a fastpath allocation must advance the tid");
	EX_CHECK(step >= 2 && !(step & (step - 1)),
		 "the tid step %lu must be a power of two, at least the "
		 "number of CPUs", step);
	EX_CHECK(t1 % step == 0, "CPU 0's tid must stay a multiple of the step");
	kmem_cache_free(s, b);
	t2 = tid(0);
	EX_CHECK(t2 - t1 == step, "a fastpath free must advance the tid by "
		 "one step (%lu), advanced by %lu", step, t2 - t1);
	b = ex_alloc(s);
	t3 = tid(0);
	EX_CHECK(t3 - t2 == step, "each operation advances the tid by one step");
	slub_sim_set_cpu(1);
	kmem_cache_free(s, ex_alloc(s));
	kmem_cache_free(s, ex_alloc(s));
	EX_CHECK(tid(1) % step == 1, "CPU 1's tid %% step must stay 1");
	slub_sim_set_cpu(0);
	kmem_cache_free(s, a);
	kmem_cache_free(s, b);
	ex_check_invariants();
	ex_stop();
}

static void test_preempt_after_tid(void)
{
	int fails = ex_scenario("after_tid.scn",
		"config cpus 2 nomerge\n"
		"cache c size 64\n"
		"cpu 0\n"
		"alloc a from c\n"
		"inject alloc.after_tid\n"
		"  alloc other from c\n"
		"end\n"
		"alloc mine from c\n"
		"expect c cmpxchg_double_cpu_fail 1\n"
		"expect c alloc_fastpath 2\n"
		"expect distinct a other mine\n"
		"inject free.after_tid\n"
		"  free other\n"
		"end\n"
		"free mine\n"
		"expect c cmpxchg_double_cpu_fail 2\n"
		"expect c free_fastpath 2\n"
		"alloc x[0..9] from c\n"
		"expect distinct a x[0..9]\n"
		"expect invariants\n");

	EX_CHECK(fails == 0, "%d expect statement(s) failed (see above)", fails);
}

static void test_preempt_before_cmpxchg(void)
{
	int fails = ex_scenario("before_cmpxchg.scn",
		"config cpus 2 nomerge\n"
		"cache c size 64\n"
		"cpu 0\n"
		"alloc a from c\n"
		"inject alloc.before_cmpxchg\n"
		"  alloc thief from c\n"
		"end\n"
		"alloc victim from c\n"
		"expect c cmpxchg_double_cpu_fail 1\n"
		"expect distinct a thief victim\n"
		"alloc y[0..20] from c\n"
		"expect distinct a thief victim y[0..20]\n"
		"expect invariants\n");

	EX_CHECK(fails == 0, "%d expect statement(s) failed (see above)", fails);
}

/* ABA: the other task takes our object and its successor and gives our
 * object back; the freelist head is the same pointer again but its
 * successor changed. Only the tid tells. */
static void test_aba(void)
{
	int fails = ex_scenario("aba.scn",
		"config cpus 2 nomerge\n"
		"cache c size 64\n"
		"cpu 0\n"
		"alloc a from c\n"
		"inject alloc.before_cmpxchg\n"
		"  alloc t1 from c\n"
		"  alloc t2 from c\n"
		"  free t1\n"
		"end\n"
		"alloc victim from c\n"
		"expect c cmpxchg_double_cpu_fail 1\n"
		"alloc z[0..20] from c\n"
		"expect distinct a t2 victim z[0..20]\n"
		"expect invariants\n");

	EX_CHECK(fails == 0, "%d expect statement(s) failed (see above)", fails);
}

static void test_free_preempt(void)
{
	int fails = ex_scenario("free_preempt.scn",
		"config cpus 2 nomerge\n"
		"cache c size 64\n"
		"cpu 0\n"
		"alloc a[0..5] from c\n"
		"inject free.before_cmpxchg\n"
		"  free a[1]\n"
		"  alloc b from c\n"
		"end\n"
		"free a[0]\n"
		"expect c cmpxchg_double_cpu_fail 1\n"
		"expect c free_fastpath 2\n"
		"alloc d[0..3] from c\n"
		"expect distinct a[2..5] b d[0..3]\n"
		"expect invariants\n");

	EX_CHECK(fails == 0, "%d expect statement(s) failed (see above)", fails);
}

EX_SUITE("05", "the allocation and free fastpaths",
	{ "alloc_counts", 2, test_alloc_counts,
	  "fastpath allocations take the next free object and count" },
	{ "free_lifo", 2, test_free_lifo,
	  "fastpath frees push on the CPU's freelist" },
	{ "tid", 2, test_tid, "every fastpath operation advances the tid" },
	{ "preempt_after_tid", 2, test_preempt_after_tid,
	  "preempted after reading the tid: the operation redoes" },
	{ "preempt_before_cmpxchg", 2, test_preempt_before_cmpxchg,
	  "preempted before the compare-and-swap: no object twice" },
	{ "aba", 2, test_aba, "the ABA case is caught by the tid" },
	{ "free_preempt", 1, test_free_preempt,
	  "a preempted free redoes and loses nothing" });
