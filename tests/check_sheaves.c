// SPDX-License-Identifier: GPL-2.0-only
/*
 * The sheaves suite: per-CPU sheaves and per-node barns (the design of
 * today's kernel, beside 3.18's cpu slab). The counting of the common
 * paths is in check_stats.c's scenario cases; here: the prefill API and
 * its five counters, the choice of the design (per cache, by option, by
 * environment), merging, a free on another CPU, page allocation failures
 * at every point of a refill, the invariants of sheaves and barns, and,
 * with real threads, a flush of another CPU's sheaves.
 */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "slub_test.h"

#define CAP	8

static void setup_sheaves(void)
{
	t_start(&(struct slub_config){ .simulated = true, .nr_cpus = 2,
				       .nomerge = true, .sheaves = CAP,
				       .arena_bytes = 64UL << 20 });
}

static unsigned long stat_of(struct kmem_cache *s, const char *item)
{
	char buf[SLAB_ATTR_BUFSIZE];

	ck_assert_int_gt(slab_attr_show(s, item, buf), 0);
	return strtoul(buf, NULL, 10);
}

/* Every cache has the option's capacity, the kmalloc caches included. */
START_TEST(test_every_cache_has_sheaves)
{
	struct kmem_cache *s = kmem_cache_create("sh", 64, 0, 0, NULL);

	ck_assert_ptr_nonnull(s);
	ck_assert_uint_eq(kmem_cache_sheaf_capacity(s), CAP);
	ck_assert_uint_eq(kmem_cache_sheaf_capacity(slub_find_cache(
				  "kmalloc-64")), CAP);
	t_shrink_destroy(s);
}
END_TEST

static int reports;

static void count_reports(const struct slub_event *ev, void *arg)
{
	(void)arg;
	reports += ev->type == SLUB_EV_REPORT;
}

/*
 * A debugged cache keeps the 3.18 paths: its checks live in the slow
 * paths, which must see every object. The prefill API still works on it
 * (a request of 0 objects too).
 */
START_TEST(test_debugged_cache_has_none)
{
	struct kmem_cache *s = kmem_cache_create("shd", 64, 0,
						 SLAB_RED_ZONE, NULL);
	struct slab_sheaf *sh;
	unsigned int n;
	void *p;

	ck_assert_ptr_nonnull(s);
	ck_assert_uint_eq(kmem_cache_sheaf_capacity(s), 0);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	ck_assert_ptr_nonnull(p);
	kmem_cache_free(s, p);
	/*
	 * A cache without sheaves prefills sheaves of their own size; its
	 * objects pass the debug checks like any other: filling every byte
	 * and freeing them raises no report.
	 */
	reports = 0;
	slub_set_observer(count_reports, NULL);
	for (n = 0; n <= 2; n++) {
		sh = kmem_cache_prefill_sheaf(s, GFP_KERNEL, n);
		ck_assert_ptr_nonnull(sh);
		ck_assert_uint_eq(kmem_cache_sheaf_size(sh), n);
		if (n) {
			p = kmem_cache_alloc_from_sheaf(s, GFP_KERNEL, sh);
			ck_assert_ptr_nonnull(p);
			memset(p, 0x11, 64);
			kmem_cache_free(s, p);
		}
		kmem_cache_return_sheaf(s, GFP_KERNEL, sh);
	}
	ck_assert_int_eq(slab_attr_store(s, "validate", "1", 1), 1);
	slub_set_observer(NULL, NULL);
	ck_assert_int_eq(reports, 0);
	ck_assert_uint_eq(stat_of(s, "sheaf_prefill_oversize"), 3);
	t_shrink_destroy(s);
}
END_TEST

/*
 * kmem_cache_create_args: a capacity of the cache's own, and never a
 * merge with a cache of the same geometry.
 */
START_TEST(test_create_args)
{
	struct kmem_cache_args args = { .sheaf_capacity = 3 };
	struct kmem_cache *a, *b;
	void *p[5];
	int i;

	a = kmem_cache_create("args-a", 96, 0, 0, NULL);
	b = kmem_cache_create_args("args-b", 96, &args, 0);
	ck_assert_ptr_nonnull(a);
	ck_assert_ptr_nonnull(b);
	ck_assert_ptr_ne(a, b);
	ck_assert_uint_eq(kmem_cache_sheaf_capacity(b), 3);
	for (i = 0; i < 5; i++)
		ck_assert_ptr_nonnull(p[i] = kmem_cache_alloc(b, GFP_KERNEL));
	/* two refills of 3 */
	ck_assert_uint_eq(stat_of(b, "sheaf_refill"), 6);
	for (i = 0; i < 5; i++)
		kmem_cache_free(b, p[i]);
	args.sheaf_capacity = 5000;
	ck_assert_ptr_null(kmem_cache_create_args("args-c", 96, &args, 0));
	t_shrink_destroy(a);
	t_shrink_destroy(b);
}
END_TEST

/*
 * The prefill API: the first prefill finds no spare (SLOW) and a new
 * sheaf is refilled; returning it with no spare makes it the spare
 * (RETURN_FAST); the next prefill takes the spare (FAST); an oversize
 * request gets a sheaf of its own size (OVERSIZE), flushed and freed on
 * return; a return while the CPU has a spare is SLOW.
 */
START_TEST(test_prefill)
{
	struct kmem_cache *s = kmem_cache_create("pf", 128, 0, 0, NULL);
	struct slab_sheaf *sh, *sh2, *big;
	void *p[4];
	int i;

	ck_assert_ptr_nonnull(s);
	sh = kmem_cache_prefill_sheaf(s, GFP_KERNEL, 4);
	ck_assert_ptr_nonnull(sh);
	ck_assert_uint_ge(kmem_cache_sheaf_size(sh), 4);
	ck_assert_uint_eq(stat_of(s, "sheaf_prefill_slow"), 1);
	for (i = 0; i < 4; i++) {
		p[i] = kmem_cache_alloc_from_sheaf(s, __GFP_ZERO, sh);
		ck_assert_ptr_nonnull(p[i]);
		ck_assert_int_eq(((char *)p[i])[127], 0);
	}
	kmem_cache_return_sheaf(s, GFP_KERNEL, sh);
	ck_assert_uint_eq(stat_of(s, "sheaf_return_fast"), 1);
	sh = kmem_cache_prefill_sheaf(s, GFP_KERNEL, 2);
	ck_assert_ptr_nonnull(sh);
	ck_assert_uint_eq(stat_of(s, "sheaf_prefill_fast"), 1);
	big = kmem_cache_prefill_sheaf(s, GFP_KERNEL, 3 * CAP);
	ck_assert_ptr_nonnull(big);
	ck_assert_uint_eq(kmem_cache_sheaf_size(big), 3 * CAP);
	ck_assert_uint_eq(stat_of(s, "sheaf_prefill_oversize"), 1);
	ck_assert_ptr_null(kmem_cache_prefill_sheaf(s, GFP_KERNEL, 100000));
	kmem_cache_return_sheaf(s, GFP_KERNEL, big);
	sh2 = kmem_cache_prefill_sheaf(s, GFP_KERNEL, 1);
	ck_assert_ptr_nonnull(sh2);
	kmem_cache_return_sheaf(s, GFP_KERNEL, sh);
	ck_assert_uint_eq(stat_of(s, "sheaf_return_fast"), 2);
	kmem_cache_return_sheaf(s, GFP_KERNEL, sh2);
	ck_assert_uint_eq(stat_of(s, "sheaf_return_slow"), 1);
	ck_assert_int_eq(slub_check_invariants(stderr), 0);
	for (i = 0; i < 4; i++)
		kmem_cache_free(s, p[i]);
	t_shrink_destroy(s);
}
END_TEST

/*
 * What N allocations from a prefilled sheaf count, as today's kernel
 * counts them: nothing when an object leaves the sheaf, one count per
 * object when it goes in. A sheaf of the cache's capacity is refilled
 * to its capacity (SHEAF_REFILL per object); an oversize one is a bulk
 * allocation (ALLOC_SLOWPATH per object); a debugged cache's sheaf is
 * filled by ordinary allocations on its debug path (ALLOC_SLOWPATH per
 * object). Never ALLOC_FASTPATH, and never a second count.
 */
START_TEST(test_prefill_counts_once)
{
	static const struct {
		const char *name;
		unsigned long flags;
		unsigned int n;		/* objects asked for and taken */
		unsigned int refill;	/* SHEAF_REFILL the prefill counts */
		unsigned int slow;	/* ALLOC_SLOWPATH it counts */
	} cases[] = {
		{ "pc-plain", 0, 5, CAP, 0 },
		{ "pc-oversize", 0, 3 * CAP, 0, 3 * CAP },
		{ "pc-redzone", SLAB_RED_ZONE, 5, 0, 5 },
		{ "pc-fzpu", SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE |
			     SLAB_POISON | SLAB_STORE_USER, 5, 0, 5 },
	};
	unsigned int c, i;

	for (c = 0; c < sizeof(cases) / sizeof(cases[0]); c++) {
		struct kmem_cache *s = kmem_cache_create(cases[c].name, 64, 0,
							 cases[c].flags, NULL);
		struct slab_sheaf *sh;
		void *p[3 * CAP];

		ck_assert_ptr_nonnull(s);
		sh = kmem_cache_prefill_sheaf(s, GFP_KERNEL, cases[c].n);
		ck_assert_ptr_nonnull(sh);
		ck_assert_uint_eq(stat_of(s, "sheaf_refill"), cases[c].refill);
		ck_assert_uint_eq(stat_of(s, "alloc_slowpath"), cases[c].slow);
		ck_assert_uint_eq(stat_of(s, "alloc_fastpath"), 0);
		for (i = 0; i < cases[c].n; i++) {
			p[i] = kmem_cache_alloc_from_sheaf(s, GFP_KERNEL, sh);
			ck_assert_ptr_nonnull(p[i]);
		}
		ck_assert_msg(stat_of(s, "alloc_fastpath") == 0 &&
			      stat_of(s, "alloc_slowpath") == cases[c].slow &&
			      stat_of(s, "sheaf_refill") == cases[c].refill,
			      "%s: %u allocations from the sheaf counted "
			      "fast %lu, slow %lu, refill %lu", cases[c].name,
			      cases[c].n, stat_of(s, "alloc_fastpath"),
			      stat_of(s, "alloc_slowpath"),
			      stat_of(s, "sheaf_refill"));
		kmem_cache_return_sheaf(s, GFP_KERNEL, sh);
		for (i = 0; i < cases[c].n; i++)
			kmem_cache_free(s, p[i]);
		ck_assert_int_eq(slub_check_invariants(stderr), 0);
		t_shrink_destroy(s);
	}
}
END_TEST

/* How many objects of the snapshot's cache are in state st. */
static int count_state(const struct slub_snap_cache *c, int st)
{
	int i, n = 0;
	unsigned int j;

	for (i = 0; i < c->nr_slabs; i++)
		for (j = 0; j < c->slabs[i].objects; j++)
			n += c->slabs[i].obj[j].state == st;
	return n;
}

/*
 * A held sheaf is in the snapshot: each cache lists its prefilled sheaves
 * in the order of prefill, with their sizes, capacities and objects, and
 * the objects have a state of their own, so that every object is counted
 * once: the invariant checker agrees. A cache without sheaves of its own
 * (debugging) lists its held sheaves too. Taking an object moves it from
 * the sheaf to allocated; returning the sheaf takes it off the list.
 */
START_TEST(test_prefilled_in_snapshot)
{
	struct kmem_cache *s = kmem_cache_create("ps", 64, 0, 0, NULL);
	struct kmem_cache *d = kmem_cache_create("psd", 64, 0, SLAB_RED_ZONE,
						 NULL);
	const struct slub_snap_cache *c;
	struct slub_snapshot *snap;
	struct slab_sheaf *a, *b, *x;
	void *p;
	int k;

	ck_assert_ptr_nonnull(s);
	ck_assert_ptr_nonnull(d);
	a = kmem_cache_prefill_sheaf(s, GFP_KERNEL, 3);
	b = kmem_cache_prefill_sheaf(s, GFP_KERNEL, 2 * CAP);
	x = kmem_cache_prefill_sheaf(d, GFP_KERNEL, 2);
	ck_assert(a && b && x);
	ck_assert_uint_gt(slub_sheaf_id(b), slub_sheaf_id(a));
	ck_assert_uint_gt(slub_sheaf_id(x), slub_sheaf_id(b));
	p = kmem_cache_alloc_from_sheaf(s, GFP_KERNEL, a);
	ck_assert_ptr_nonnull(p);

	snap = slub_snapshot_take();
	ck_assert_ptr_nonnull(snap);
	c = slub_snapshot_cache(snap, "ps");
	ck_assert_int_eq(c->nr_prefilled, 2);
	ck_assert_uint_eq(c->prefilled[0].id, slub_sheaf_id(a));
	ck_assert_int_eq(c->prefilled[0].size, kmem_cache_sheaf_size(a));
	ck_assert_uint_eq(c->prefilled[0].capacity, CAP);
	ck_assert_uint_eq(c->prefilled[1].id, slub_sheaf_id(b));
	ck_assert_int_eq(c->prefilled[1].size, 2 * CAP);
	ck_assert_uint_eq(c->prefilled[1].capacity, 2 * CAP);
	ck_assert_int_eq(count_state(c, SLUB_OBJ_PREFILLED),
			 c->prefilled[0].size + 2 * CAP);
	for (k = 0; k < c->prefilled[0].size; k++) {
		const struct slub_snap_ref *r = &c->prefilled[0].objects[k];

		ck_assert_int_ge(r->slab, 0);
		ck_assert_int_eq(c->slabs[r->slab].obj[r->obj].state,
				 SLUB_OBJ_PREFILLED);
	}
	k = t_snap_slab_of(c, p);
	ck_assert_int_eq(c->slabs[k].obj[t_snap_obj_index(c, k, p)].state,
			 SLUB_OBJ_ALLOCATED);
	c = slub_snapshot_cache(snap, "psd");
	ck_assert_int_eq(c->nr_prefilled, 1);
	ck_assert_int_eq(c->prefilled[0].size, 2);
	ck_assert_int_eq(count_state(c, SLUB_OBJ_PREFILLED), 2);
	slub_snapshot_free(snap);
	ck_assert_int_eq(slub_check_invariants(stderr), 0);

	kmem_cache_return_sheaf(s, GFP_KERNEL, a);
	kmem_cache_return_sheaf(d, GFP_KERNEL, x);
	ck_assert_uint_eq(slub_sheaf_id(a), 0);
	snap = slub_snapshot_take();
	c = slub_snapshot_cache(snap, "ps");
	ck_assert_int_eq(c->nr_prefilled, 1);
	ck_assert_uint_eq(c->prefilled[0].id, slub_sheaf_id(b));
	ck_assert_int_eq(slub_snapshot_cache(snap, "psd")->nr_prefilled, 0);
	slub_snapshot_free(snap);
	kmem_cache_return_sheaf(s, GFP_KERNEL, b);
	kmem_cache_free(s, p);
	ck_assert_int_eq(slub_check_invariants(stderr), 0);
	t_shrink_destroy(s);
	t_shrink_destroy(d);
}
END_TEST

/*
 * The checker sees a held sheaf's objects: a caller that frees an object
 * still in its prefilled sheaf (a double free the allocator cannot see)
 * leaves it both free in the CPU's sheaf and in the held one, and the
 * invariants say so; taking it back from the CPU's sheaf makes them hold
 * again.
 */
START_TEST(test_prefilled_double_free_found)
{
	struct kmem_cache *s = kmem_cache_create("psf", 64, 0, 0, NULL);
	const struct slub_snap_cache *c;
	const struct slub_snap_ref *r;
	struct slub_snapshot *snap;
	struct slab_sheaf *a;
	char *text = NULL;
	size_t len = 0;
	void *p, *q;
	FILE *mem;

	ck_assert_ptr_nonnull(s);
	a = kmem_cache_prefill_sheaf(s, GFP_KERNEL, 2);
	ck_assert_ptr_nonnull(a);
	snap = slub_snapshot_take();
	c = slub_snapshot_cache(snap, "psf");
	ck_assert_int_eq(c->nr_prefilled, 1);
	r = &c->prefilled[0].objects[0];
	p = (void *)(c->slabs[r->slab].addr + (unsigned long)r->obj * c->size);
	slub_snapshot_free(snap);
	kmem_cache_free(s, p);
	mem = open_memstream(&text, &len);
	ck_assert_int_gt(slub_check_invariants(mem), 0);
	fclose(mem);
	ck_assert_msg(strstr(text, "psf: 1 objects in sheaves are also free "
			     "elsewhere"), "%s", text);
	free(text);
	q = kmem_cache_alloc(s, GFP_KERNEL);
	ck_assert_ptr_eq(q, p);
	ck_assert_int_eq(slub_check_invariants(stderr), 0);
	kmem_cache_return_sheaf(s, GFP_KERNEL, a);
	t_shrink_destroy(s);
}
END_TEST

/*
 * A free on another CPU goes into that CPU's main sheaf: there is no
 * remote free with sheaves. The snapshot shows the object in CPU 1's
 * sheaf, not on a freelist.
 */
START_TEST(test_free_on_other_cpu)
{
	struct kmem_cache *s = kmem_cache_create("oc", 64, 0, 0, NULL);
	const struct slub_snap_cache *sc;
	struct slub_snapshot *snap;
	void *p;

	ck_assert_ptr_nonnull(s);
	slub_sim_set_cpu(0);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	ck_assert_ptr_nonnull(p);
	slub_sim_set_cpu(1);
	kmem_cache_free(s, p);
	ck_assert_uint_eq(stat_of(s, "free_fastpath"), 1);
	ck_assert_uint_eq(stat_of(s, "free_slowpath"), 0);
	snap = slub_snapshot_take();
	ck_assert_ptr_nonnull(snap);
	sc = slub_snapshot_cache(snap, "oc");
	ck_assert_ptr_nonnull(sc);
	ck_assert_int_eq(sc->cpu[1].main_size, 1);
	ck_assert_int_eq(sc->cpu[0].main_size, CAP - 1);
	ck_assert_int_eq(sc->slabs[sc->cpu[1].main[0].slab]
			 .obj[sc->cpu[1].main[0].obj].state, SLUB_OBJ_SHEAF);
	slub_snapshot_free(snap);
	slub_sim_set_cpu(0);
	t_shrink_destroy(s);
}
END_TEST

/*
 * A page allocation failing at every point of a run of refills loses
 * nothing: each allocation returns an object or NULL, and after all are
 * freed the cache is empty and every invariant holds.
 */
START_TEST(test_fault_injection)
{
	enum { N = 300 };
	void **p = calloc(N, sizeof(*p));
	unsigned long nth;
	int i;

	ck_assert_ptr_nonnull(p);
	for (nth = 1; nth <= 12; nth++) {
		struct kmem_cache *s = kmem_cache_create("fi", 200, 0, 0,
							 NULL);
		int got = 0;

		ck_assert_ptr_nonnull(s);
		slub_fail_page_alloc(nth);
		for (i = 0; i < N; i++)
			got += (p[i] = kmem_cache_alloc(s, GFP_KERNEL)) != NULL;
		ck_assert_int_gt(got, 0);
		ck_assert_int_eq(slub_check_invariants(stderr), 0);
		for (i = 0; i < N; i++)
			if (p[i])
				kmem_cache_free(s, p[i]);
		slub_fail_page_alloc(0);
		t_shrink_destroy(s);
	}
	free(p);
}
END_TEST

/* Many objects through main, spare, barn and flushes on both CPUs. */
START_TEST(test_churn_invariants)
{
	enum { N = 2000 };
	struct kmem_cache *s = kmem_cache_create("ch", 48, 0, 0, NULL);
	void **p = calloc(N, sizeof(*p));
	unsigned int seed = 7;
	int i, round;

	ck_assert_ptr_nonnull(s);
	ck_assert_ptr_nonnull(p);
	for (round = 0; round < 4; round++) {
		for (i = 0; i < N; i++) {
			slub_sim_set_cpu(rand_r(&seed) & 1);
			if (p[i]) {
				kmem_cache_free(s, p[i]);
				p[i] = NULL;
			} else {
				p[i] = kmem_cache_alloc(s, GFP_KERNEL);
				ck_assert_ptr_nonnull(p[i]);
			}
		}
		ck_assert_int_eq(slub_check_invariants(stderr), 0);
		if (round == 0)
			ck_assert_int_eq(kmem_cache_shrink(s), 0);
	}
	for (i = 0; i < N; i++)
		if (p[i])
			kmem_cache_free(s, p[i]);
	ck_assert_uint_gt(stat_of(s, "barn_put"), 0);
	ck_assert_uint_gt(stat_of(s, "barn_get"), 0);
	ck_assert_uint_gt(stat_of(s, "sheaf_flush"), 0);
	slub_sim_set_cpu(0);
	free(p);
	t_shrink_destroy(s);
}
END_TEST

/* SLUB_SHEAVES: read when the configuration leaves sheaves at 0. */
START_TEST(test_environment)
{
	struct slub_config cfg = { .simulated = true, .nr_cpus = 2,
				   .arena_bytes = 64UL << 20 };
	struct kmem_cache *s;

	setenv("SLUB_SHEAVES", "12x", 1);
	ck_assert_int_eq(slub_init(&cfg), -EINVAL);
	setenv("SLUB_SHEAVES", "2000", 1);
	ck_assert_int_eq(slub_init(&cfg), -EINVAL);
	setenv("SLUB_SHEAVES", "12", 1);
	ck_assert_int_eq(slub_init(&cfg), 0);
	s = slub_find_cache("kmalloc-32");
	ck_assert_ptr_nonnull(s);
	ck_assert_uint_eq(kmem_cache_sheaf_capacity(s), 12);
	slub_shutdown();
	cfg.sheaves = SLUB_NO_SHEAVES;
	ck_assert_int_eq(slub_init(&cfg), 0);
	ck_assert_uint_eq(kmem_cache_sheaf_capacity(
				  slub_find_cache("kmalloc-32")), 0);
	slub_shutdown();
	unsetenv("SLUB_SHEAVES");
}
END_TEST

/*
 * fork() while another thread holds a CPU's sheaves: the observer of a
 * refill, which runs under the sheaves' lock, parks the allocating
 * thread there for a while and lets the main thread fork. The fork
 * handlers must wait for the lock, so that the child finds it free: the
 * child's flush of every CPU's sheaves (kmem_cache_shrink) waits for each
 * lock and would wait forever for one copied held. The child has a
 * deadline.
 */
static volatile int parked;

static void park_in_refill(const struct slub_event *ev, void *arg)
{
	const struct timespec rest = { 0, 200 * 1000 * 1000 };

	(void)arg;
	if (ev->type == SLUB_EV_STAT && ev->stat == SHEAF_REFILL &&
	    ev->cache && !strcmp(ev->cache, "fk") && !parked) {
		__atomic_store_n(&parked, 1, __ATOMIC_RELEASE);
		nanosleep(&rest, NULL);
	}
}

static void *alloc_one(void *arg)
{
	return kmem_cache_alloc(arg, GFP_KERNEL);
}

START_TEST(test_fork_waits_for_sheaves)
{
	struct kmem_cache *s;
	pthread_t t;
	void *obj;
	int status;
	pid_t pid;

	t_start(&(struct slub_config){ .nr_cpus = 2, .nomerge = true,
				       .sheaves = CAP,
				       .arena_bytes = 64UL << 20 });
	s = kmem_cache_create("fk", 64, 0, 0, NULL);
	ck_assert_ptr_nonnull(s);
	parked = 0;
	slub_set_observer(park_in_refill, NULL);
	ck_assert_int_eq(pthread_create(&t, NULL, alloc_one, s), 0);
	while (!__atomic_load_n(&parked, __ATOMIC_ACQUIRE))
		sched_yield();
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		void *p;

		slub_set_observer(NULL, NULL);
		alarm(10);	/* a lock copied held: the child hangs */
		kmem_cache_shrink(s);
		p = kmem_cache_alloc(s, GFP_KERNEL);
		if (!p)
			_exit(2);
		kmem_cache_free(s, p);
		_exit(0);
	}
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0,
		      "the child did not finish (status 0x%x)", status);
	ck_assert_int_eq(pthread_join(t, &obj), 0);
	slub_set_observer(NULL, NULL);
	ck_assert_ptr_nonnull(obj);
	kmem_cache_free(s, obj);
	t_shrink_destroy(s);
	t_finish();
}
END_TEST

/*
 * Real threads: a thread on the last CPU frees objects into that CPU's
 * sheaves; a shrink from a thread that may run on CPU 0 only must take
 * the last CPU's sheaves lock (with restartable sequences: by moving
 * there) and flush them, and leave the thread's affinity as it was.
 */
struct remote_free {
	struct kmem_cache *s;
	int cpu;
	void *obj[3 * CAP];
};

static void pin_self(int cpu)
{
	cpu_set_t set;

	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	ck_assert_int_eq(sched_setaffinity(0, sizeof(set), &set), 0);
}

static void *free_on_cpu(void *arg)
{
	struct remote_free *rf = arg;
	unsigned int i;

	pin_self(rf->cpu);
	for (i = 0; i < 3 * CAP; i++)
		rf->obj[i] = kmem_cache_alloc(rf->s, GFP_KERNEL);
	for (i = 0; i < 3 * CAP; i++)
		kmem_cache_free(rf->s, rf->obj[i]);
	return NULL;
}

START_TEST(test_real_threads_flush_other_cpu)
{
	struct remote_free rf = { .cpu = 0 };
	cpu_set_t before, after;
	pthread_t t;
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);

	t_start(&(struct slub_config){ .simulated = false, .nomerge = true,
				       .sheaves = CAP,
				       .arena_bytes = 64UL << 20 });
	rf.s = kmem_cache_create("real-sheaves", 64, 0, 0, NULL);
	ck_assert_ptr_nonnull(rf.s);
	rf.cpu = ncpu > 1 ? (int)ncpu - 1 : 0;
	ck_assert_int_eq(sched_getaffinity(0, sizeof(before), &before), 0);
	ck_assert_int_eq(pthread_create(&t, NULL, free_on_cpu, &rf), 0);
	ck_assert_int_eq(pthread_join(t, NULL), 0);
	ck_assert_int_gt(t_attr_long(rf.s, "objects"), 0);
	pin_self(0);
	ck_assert_int_eq(kmem_cache_shrink(rf.s), 0);
	ck_assert_int_eq(t_attr_long(rf.s, "objects"), 0);
	ck_assert_int_eq(sched_getaffinity(0, sizeof(after), &after), 0);
	ck_assert_int_eq(CPU_COUNT(&after), 1);
	ck_assert(CPU_ISSET(0, &after));
	ck_assert_int_eq(slub_check_invariants(NULL), 0);
	ck_assert_int_eq(sched_setaffinity(0, sizeof(before), &before), 0);
	kmem_cache_destroy(rf.s);
	t_finish();
}
END_TEST

Suite *sheaves_suite(void)
{
	Suite *su = suite_create("sheaves");
	TCase *tc = tcase_create("sheaves");

	tcase_add_checked_fixture(tc, setup_sheaves, t_teardown);
	tcase_add_test(tc, test_every_cache_has_sheaves);
	tcase_add_test(tc, test_debugged_cache_has_none);
	tcase_add_test(tc, test_create_args);
	tcase_add_test(tc, test_prefill);
	tcase_add_test(tc, test_prefill_counts_once);
	tcase_add_test(tc, test_prefilled_in_snapshot);
	tcase_add_test(tc, test_prefilled_double_free_found);
	tcase_add_test(tc, test_free_on_other_cpu);
	tcase_add_test(tc, test_fault_injection);
	tcase_add_test(tc, test_churn_invariants);
	suite_add_tcase(su, tc);
	tc = tcase_create("environment");
	tcase_add_test(tc, test_environment);
	suite_add_tcase(su, tc);
	tc = tcase_create("fork");
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_fork_waits_for_sheaves);
	suite_add_tcase(su, tc);
	tc = tcase_create("real threads");
	tcase_add_test(tc, test_real_threads_flush_other_cpu);
	suite_add_tcase(su, tc);
	return su;
}
