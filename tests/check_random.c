// SPDX-License-Identifier: GPL-2.0-only
/*
 * The differential random tester: seeded random sequences of
 * create, alloc, free (on the same or another simulated CPU), kmalloc,
 * kfree, bulk operations, shrink and destroy, checked against a model of
 * the live objects. After every step: slub_check_invariants() finds
 * nothing; on every allocation: the object is new, aligned, and overlaps no
 * live object; on every free (and every 64 steps for all objects): the
 * pattern written at allocation is intact. Some operations are
 * interrupted at a fastpath or slowpath point by another task's operation
 * on the same CPU, or migrate to another CPU. A failure names the seed and
 * step; SLUB_RANDOM_SEED=N and SLUB_RANDOM_STEPS=N replay or extend a run.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "slub_test.h"

#define NR_SLOTS	6
#define MAX_LIVE	3000

struct slot {
	struct kmem_cache *s;
	char name[32];
	size_t size;
	unsigned long align;	/* effective alignment */
	unsigned long flags;
	int live;
};

struct live {
	unsigned char *p;
	size_t len;
	unsigned int id;
	int slot;		/* -1: kmalloc */
};

struct rnd {
	uint64_t state;
	unsigned int seed;
	long step;
	struct slot slot[NR_SLOTS];
	struct live *live;
	int nlive;
	unsigned int next_id;
	int ncpus;
	bool in_hook;		/* a preempting task: stay on this CPU */
	long ops[16];
	long preempt_fired;
};

enum { OP_CREATE, OP_ALLOC, OP_FREE, OP_KMALLOC, OP_KFREE, OP_BULK,
       OP_SHRINK, OP_DESTROY, OP_CPU, OP_PREEMPT, OP_VERIFY, NR_OPS };

static const char *const op_name[NR_OPS] = {
	"create", "alloc", "free", "kmalloc", "kfree", "bulk", "shrink",
	"destroy", "cpu", "preempt", "verify",
};

static uint64_t next(struct rnd *r)
{
	/* splitmix64 */
	uint64_t z = (r->state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static unsigned long below(struct rnd *r, unsigned long n)
{
	return n ? next(r) % n : 0;
}

#define FAIL(r, ...) do {						\
	char _m[512];							\
	snprintf(_m, sizeof(_m), __VA_ARGS__);				\
	ck_abort_msg("seed %u step %ld: %s (replay: SLUB_RANDOM_SEED=%u)", \
		     (r)->seed, (r)->step, _m, (r)->seed);		\
} while (0)

static unsigned char pattern(unsigned int id, size_t i)
{
	return (unsigned char)(id * 131u + i * 7u + (i >> 8));
}

static void stamp(struct live *l)
{
	size_t i;

	for (i = 0; i < l->len; i++)
		l->p[i] = pattern(l->id, i);
}

static void verify(struct rnd *r, const struct live *l)
{
	size_t i;

	for (i = 0; i < l->len; i++)
		if (l->p[i] != pattern(l->id, i))
			FAIL(r, "object %u at %p (%zu bytes, slot %d): byte %zu "
			     "is %#x, want %#x", l->id, (void *)l->p, l->len,
			     l->slot, i, l->p[i], pattern(l->id, i));
}

static void add_live(struct rnd *r, void *p, size_t len, int slot,
		     unsigned long align)
{
	unsigned char *a = p;
	struct live *l;
	int i;

	if (!p)
		FAIL(r, "allocation of %zu bytes (slot %d) returned NULL", len,
		     slot);
	if ((uintptr_t)a % align)
		FAIL(r, "object %p not aligned to %lu", p, align);
	for (i = 0; i < r->nlive; i++) {
		const struct live *o = &r->live[i];

		if (a < o->p + o->len && o->p < a + len)
			FAIL(r, "new object %p+%zu overlaps live object %u at "
			     "%p+%zu", p, len, o->id, (void *)o->p, o->len);
	}
	if (r->nlive >= MAX_LIVE)
		FAIL(r, "model full");
	l = &r->live[r->nlive++];
	l->p = a;
	l->len = len;
	l->id = r->next_id++;
	l->slot = slot;
	stamp(l);
	if (slot >= 0)
		r->slot[slot].live++;
}

/* Remove live object i from the model after verifying it. */
static struct live take_live(struct rnd *r, int i)
{
	struct live l = r->live[i];

	verify(r, &l);
	r->live[i] = r->live[--r->nlive];
	if (l.slot >= 0)
		r->slot[l.slot].live--;
	return l;
}

static int pick_live(struct rnd *r, int want_slot, bool kmalloc)
{
	int i, tries;

	for (tries = 0; tries < 64 && r->nlive; tries++) {
		i = below(r, r->nlive);
		if (kmalloc ? r->live[i].slot < 0 :
		    (want_slot < 0 ? r->live[i].slot >= 0 :
		     r->live[i].slot == want_slot))
			return i;
	}
	for (i = 0; i < r->nlive; i++)
		if (kmalloc ? r->live[i].slot < 0 :
		    (want_slot < 0 ? r->live[i].slot >= 0 :
		     r->live[i].slot == want_slot))
			return i;
	return -1;
}

static void set_cpu(struct rnd *r)
{
	if (r->in_hook)
		return;
	if (slub_sim_set_cpu(below(r, r->ncpus)))
		FAIL(r, "slub_sim_set_cpu failed");
}

static int pick_slot(struct rnd *r, bool used)
{
	int i, start = below(r, NR_SLOTS);

	for (i = 0; i < NR_SLOTS; i++) {
		int k = (start + i) % NR_SLOTS;

		if (!!r->slot[k].s == used)
			return k;
	}
	return -1;
}

static void op_create(struct rnd *r)
{
	static const unsigned long aligns[] = { 0, 0, 8, 16, 32, 64, 128 };
	static const unsigned long flagset[] = {
		SLAB_HWCACHE_ALIGN, SLAB_RED_ZONE, SLAB_POISON,
		SLAB_STORE_USER, SLAB_DESTROY_BY_RCU, SLAB_RECLAIM_ACCOUNT,
	};
	int k = pick_slot(r, false);
	struct slot *sl;
	unsigned int i;

	if (k < 0)
		return;
	sl = &r->slot[k];
	switch (below(r, 4)) {
	case 0:
		sl->size = 8 + below(r, 57);
		break;
	case 1:
		sl->size = 8 + below(r, 500);
		break;
	case 2:
		sl->size = 8 << below(r, 11);
		break;
	default:
		sl->size = 8 + below(r, 8192);
	}
	sl->flags = 0;
	for (i = 0; i < sizeof(flagset) / sizeof(flagset[0]); i++)
		if (below(r, 5) == 0)
			sl->flags |= flagset[i];
	sl->align = aligns[below(r, sizeof(aligns) / sizeof(aligns[0]))];
	snprintf(sl->name, sizeof(sl->name), "rnd-%u-%ld", r->seed, r->step);
	sl->s = kmem_cache_create(sl->name, sl->size, sl->align, sl->flags,
				  NULL);
	if (!sl->s)
		FAIL(r, "kmem_cache_create(%s, %zu, %lu, %#lx) failed",
		     sl->name, sl->size, sl->align, sl->flags);
	sl->align = t_calculate_alignment(sl->flags, sl->align, sl->size);
	sl->live = 0;
}

static void op_alloc(struct rnd *r)
{
	int k = pick_slot(r, true);
	bool zero = below(r, 8) == 0;
	unsigned char *p;
	size_t i;

	if (k < 0)
		return;
	set_cpu(r);
	p = kmem_cache_alloc(r->slot[k].s, GFP_KERNEL | (zero ? __GFP_ZERO : 0));
	if (zero && p)
		for (i = 0; i < r->slot[k].size; i++)
			if (p[i])
				FAIL(r, "__GFP_ZERO object %p byte %zu is %#x",
				     (void *)p, i, p[i]);
	add_live(r, p, r->slot[k].size, k, r->slot[k].align);
}

static void op_free(struct rnd *r)
{
	int i = pick_live(r, -1, false);
	struct live l;

	if (i < 0)
		return;
	l = take_live(r, i);
	set_cpu(r);
	kmem_cache_free(r->slot[l.slot].s, l.p);
}

static void op_kmalloc(struct rnd *r)
{
	size_t size;
	bool zero = below(r, 8) == 0;
	unsigned char *p;
	size_t i;

	switch (below(r, 8)) {
	case 0:
		size = 8193 + below(r, 40000);
		break;
	case 1: case 2:
		size = 1 + below(r, 8192);
		break;
	default:
		size = 1 + below(r, 256);
	}
	set_cpu(r);
	p = zero ? kzalloc(size, GFP_KERNEL) : kmalloc(size, GFP_KERNEL);
	if (p && ksize(p) < size)
		FAIL(r, "ksize(kmalloc(%zu)) = %zu", size, ksize(p));
	if (zero && p)
		for (i = 0; i < size; i++)
			if (p[i])
				FAIL(r, "kzalloc(%zu) byte %zu is %#x", size,
				     i, p[i]);
	add_live(r, p, size, -1, 8);
}

static void op_kfree(struct rnd *r)
{
	int i = pick_live(r, -1, true);
	struct live l;

	if (i < 0)
		return;
	l = take_live(r, i);
	set_cpu(r);
	kfree(l.p);
}

static void op_bulk(struct rnd *r)
{
	int k = pick_slot(r, true), n, i;
	void *p[64];

	if (k < 0 || r->nlive + 64 >= MAX_LIVE)
		return;
	n = 1 + below(r, 64);
	set_cpu(r);
	if (below(r, 2)) {
		if (kmem_cache_alloc_bulk(r->slot[k].s, GFP_KERNEL, n, p) != n)
			FAIL(r, "kmem_cache_alloc_bulk(%d) failed", n);
		for (i = 0; i < n; i++)
			add_live(r, p[i], r->slot[k].size, k,
				 r->slot[k].align);
	} else {
		for (i = 0; i < n; i++) {
			int j = pick_live(r, k, false);

			if (j < 0)
				break;
			p[i] = take_live(r, j).p;
		}
		if (i)
			kmem_cache_free_bulk(r->slot[k].s, i, p);
	}
}

static void op_shrink(struct rnd *r)
{
	int k = pick_slot(r, true);

	if (k < 0)
		return;
	set_cpu(r);
	if (kmem_cache_shrink(r->slot[k].s))
		FAIL(r, "kmem_cache_shrink(%s) failed", r->slot[k].name);
}

static void destroy_slot(struct rnd *r, int k)
{
	int i;

	for (i = r->nlive - 1; i >= 0; i--)
		if (r->live[i].slot == k) {
			struct live l = take_live(r, i);

			set_cpu(r);
			kmem_cache_free(r->slot[k].s, l.p);
		}
	if (below(r, 2))
		kmem_cache_shrink(r->slot[k].s);
	kmem_cache_destroy(r->slot[k].s);
	r->slot[k].s = NULL;
}

static void op_destroy(struct rnd *r)
{
	int k = pick_slot(r, true);

	if (k >= 0)
		destroy_slot(r, k);
}

static void op_verify(struct rnd *r)
{
	int i;

	for (i = 0; i < r->nlive; i++)
		verify(r, &r->live[i]);
}

/*
 * A preemption or migration in the middle of an operation: arm the point
 * hook at a random point; when the next operation reaches it, another
 * task runs one operation on the same CPU (or the operation moves to
 * another CPU), then the interrupted one resumes.
 */
struct preempt {
	struct rnd *r;
	enum slub_point point;
	int action;
	bool fired;
};

static void preempt_hook(enum slub_point point, void *arg)
{
	struct preempt *pr = arg;
	struct rnd *r = pr->r;

	if (pr->fired || point != pr->point)
		return;
	pr->fired = true;
	r->preempt_fired++;
	r->in_hook = true;
	switch (pr->action) {
	case 0: op_alloc(r); break;
	case 1: op_free(r); break;
	case 2: op_kmalloc(r); break;
	case 3: op_kfree(r); break;
	default:
		if (r->ncpus > 1)
			slub_sim_set_cpu((slub_sim_cpu() + 1 +
					  below(r, r->ncpus - 1)) % r->ncpus);
	}
	r->in_hook = false;
}

static void op_preempt(struct rnd *r)
{
	struct preempt pr = { .r = r, .point = below(r, NR_SLUB_POINTS),
			      .action = below(r, 5) };

	if (r->nlive > MAX_LIVE - 10)
		return;
	set_cpu(r);
	slub_sim_set_point_hook(preempt_hook, &pr);
	/* in_hook: the interrupted operation stays on the CPU just chosen */
	switch (below(r, 4)) {
	case 0: r->in_hook = true; op_alloc(r); break;
	case 1: r->in_hook = true; op_free(r); break;
	case 2: r->in_hook = true; op_kmalloc(r); break;
	default: r->in_hook = true; op_kfree(r); break;
	}
	r->in_hook = false;
	slub_sim_set_point_hook(NULL, NULL);
}

static int choose(struct rnd *r)
{
	/* weights: allocations slightly ahead of frees so the heap grows */
	static const int w[NR_OPS] = { 3, 30, 24, 20, 16, 4, 2, 1, 2, 6, 0 };
	int total = 0, i, x;

	for (i = 0; i < NR_OPS; i++)
		total += w[i];
	x = below(r, total);
	for (i = 0; i < NR_OPS; i++) {
		if (x < w[i])
			return i;
		x -= w[i];
	}
	return OP_ALLOC;
}

static void run_sequence(unsigned int seed, long steps)
{
	struct rnd *r = calloc(1, sizeof(*r));
	int k, op;

	r->seed = seed;
	r->state = seed * 0x2545f4914f6cdd1dULL + 1;
	r->live = calloc(MAX_LIVE, sizeof(*r->live));
	r->ncpus = slub_nr_cpus();
	ck_assert_int_ge(r->ncpus, 1);

	for (r->step = 0; r->step < steps; r->step++) {
		op = choose(r);
		/* keep the heap bounded: shrink the model when it is large */
		if (r->nlive > MAX_LIVE - 200 && (op == OP_ALLOC ||
						  op == OP_KMALLOC ||
						  op == OP_BULK))
			op = op == OP_KMALLOC ? OP_KFREE : OP_FREE;
		switch (op) {
		case OP_CREATE: op_create(r); break;
		case OP_ALLOC: op_alloc(r); break;
		case OP_FREE: op_free(r); break;
		case OP_KMALLOC: op_kmalloc(r); break;
		case OP_KFREE: op_kfree(r); break;
		case OP_BULK: op_bulk(r); break;
		case OP_SHRINK: op_shrink(r); break;
		case OP_DESTROY: op_destroy(r); break;
		case OP_CPU: set_cpu(r); break;
		case OP_PREEMPT: op_preempt(r); break;
		}
		r->ops[op]++;
		if (r->step % 64 == 63)
			op_verify(r);
		if (slub_check_invariants(stderr))
			FAIL(r, "invariants broken after %s", op_name[op]);
	}
	/* free everything, destroy everything; the teardown checks pages */
	op_verify(r);
	while (r->nlive) {
		struct live l = take_live(r, r->nlive - 1);

		if (l.slot < 0)
			kfree(l.p);
		else
			kmem_cache_free(r->slot[l.slot].s, l.p);
	}
	for (k = 0; k < NR_SLOTS; k++)
		if (r->slot[k].s)
			destroy_slot(r, k);
	if (slub_check_invariants(stderr))
		FAIL(r, "invariants broken after the final destroy");
	fprintf(stderr, "random: seed %u, %ld steps (create %ld alloc %ld "
		"free %ld kmalloc %ld kfree %ld bulk %ld shrink %ld destroy "
		"%ld, preemptions %ld fired %ld)\n", seed, steps,
		r->ops[OP_CREATE], r->ops[OP_ALLOC], r->ops[OP_FREE],
		r->ops[OP_KMALLOC], r->ops[OP_KFREE], r->ops[OP_BULK],
		r->ops[OP_SHRINK], r->ops[OP_DESTROY], r->ops[OP_PREEMPT],
		r->preempt_fired);
	free(r->live);
	free(r);
}

static long env_long(const char *name, long def)
{
	const char *v = getenv(name);

	return v && *v ? strtol(v, NULL, 0) : def;
}

START_TEST(test_random_sequence)
{
	unsigned int seed = env_long("SLUB_RANDOM_SEED", 0);
	long steps = env_long("SLUB_RANDOM_STEPS", 2500);

	run_sequence(seed ? seed + _i : 0x5eed0000u + _i, steps);
}
END_TEST

/*
 * A 128 MiB arena: the model stays far below it, and the invariant
 * checker's cost grows with the number of pages it walks.
 */
static void setup_2cpu(void)
{
	t_start(&(struct slub_config){ .simulated = true, .nr_cpus = 2,
				       .arena_bytes = 128UL << 20 });
}

static void setup_4cpu(void)
{
	t_start(&(struct slub_config){ .simulated = true, .nr_cpus = 4,
				       .arena_bytes = 128UL << 20 });
}

Suite *random_suite(void)
{
	Suite *s = suite_create("random");
	TCase *tc;

	tc = tcase_create("differential");
	tcase_add_checked_fixture(tc, setup_2cpu, t_teardown);
	tcase_set_timeout(tc, 300);
	tcase_add_loop_test(tc, test_random_sequence, 0, 3);
	suite_add_tcase(s, tc);

	tc = tcase_create("differential-4cpu");
	tcase_add_checked_fixture(tc, setup_4cpu, t_teardown);
	tcase_set_timeout(tc, 300);
	tcase_add_loop_test(tc, test_random_sequence, 3, 4);
	suite_add_tcase(s, tc);
	return s;
}
