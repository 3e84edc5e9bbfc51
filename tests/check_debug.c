// SPDX-License-Identifier: GPL-2.0-only
/*
 * The corruption matrix of slub_debug: each kind of misuse is
 * detected with the kernel's report naming the cache, the allocator
 * repairs what it can, and 1000 more allocations and frees succeed with
 * the invariants intact. Each case runs in a child process whose
 * standard error is captured.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "slub_test.h"

#define DBG_FLAGS (SLAB_RED_ZONE | SLAB_POISON | SLAB_STORE_USER | \
		   SLAB_DEBUG_FREE)

enum corruption {
	C_CLEAN, C_PAST_END, C_BEFORE_START, C_USE_AFTER_FREE, C_DOUBLE_FREE,
	C_WRONG_CACHE, C_INSIDE_OBJECT, C_FREEPOINTER, NR_CORRUPTIONS
};

static const char *const expected[NR_CORRUPTIONS] = {
	[C_PAST_END] = "BUG victim (Not tainted): Redzone overwritten",
	[C_BEFORE_START] = "BUG victim (Not tainted): Object padding overwritten",
	[C_USE_AFTER_FREE] = "BUG victim (Not tainted): Poison overwritten",
	[C_DOUBLE_FREE] = "BUG victim (Not tainted): Object already free",
	[C_WRONG_CACHE] = "Wrong slab cache. other but object is from victim",
	[C_INSIDE_OBJECT] = "BUG victim (Not tainted): Invalid object pointer",
	[C_FREEPOINTER] = "BUG victim (Not tainted): Freechain corrupt",
};

/* 1000 more allocations and frees of objects of SIZE bytes; exit
 * status 3 if any fails. */
static void carry_on(struct kmem_cache *s, size_t size)
{
	static void *p[1000];
	int i;

	for (i = 0; i < 1000; i++) {
		p[i] = kmem_cache_alloc(s, GFP_KERNEL);
		if (!p[i])
			_exit(3);
		memset(p[i], 0x11, size);
	}
	for (i = 0; i < 1000; i++)
		kmem_cache_free(s, p[i]);
}

static void corrupt(void *arg)
{
	struct slub_config cfg = { .nr_cpus = 2, .simulated = true,
				   .sheaves = SLUB_NO_SHEAVES,	/* 3.18 paths */
				   .arena_bytes = 64 << 20 };
	enum corruption what = (long)arg;
	struct kmem_cache *s, *o;
	char *a, *b;

	if (slub_init(&cfg))
		_exit(2);
	s = kmem_cache_create("victim", 100, 0, DBG_FLAGS, NULL);
	o = kmem_cache_create("other", 100, 0, DBG_FLAGS, NULL);
	a = kmem_cache_alloc(s, GFP_KERNEL);
	b = kmem_cache_alloc(s, GFP_KERNEL);
	switch (what) {
	case C_CLEAN:
		memset(a, 1, 100);
		kmem_cache_free(s, a);
		kmem_cache_free(s, b);
		slab_attr_store(s, "validate", "1", 1);
		break;
	case C_PAST_END:
		a[100] = 'x';
		kmem_cache_free(s, a);
		break;
	case C_BEFORE_START:
		b[-1] = 'x';
		slab_attr_store(s, "validate", "1", 1);
		break;
	case C_USE_AFTER_FREE:
		kmem_cache_free(s, a);
		a[10] = 'x';
		a = kmem_cache_alloc(s, GFP_KERNEL);
		break;
	case C_DOUBLE_FREE:
		kmem_cache_free(s, a);
		kmem_cache_free(s, a);
		break;
	case C_WRONG_CACHE:
		kmem_cache_free(o, a);
		break;
	case C_INSIDE_OBJECT:
		kmem_cache_free(s, a + 8);
		break;
	case C_FREEPOINTER:
		kmem_cache_free(s, a);
		/* poisoning moved the free pointer after the object: 104 */
		*(void **)(a + 104) = (void *)0x1234;
		slab_attr_store(s, "validate", "1", 1);
		break;
	default:
		_exit(4);
	}
	carry_on(s, 100);
	if (slub_check_invariants(stderr))
		_exit(5);
	slub_shutdown();
}

START_TEST(test_corruption_matrix)
{
	struct t_captured c;

	t_run_captured(corrupt, (void *)(long)_i, &c);
	ck_assert_msg(WIFEXITED(c.status) && WEXITSTATUS(c.status) == 0,
		      "case %d: status %#x:\n%s", _i, c.status, c.out);
	if (_i == C_CLEAN) {
		ck_assert_msg(!strstr(c.out, "BUG ") && !strstr(c.out, "FIX "),
			      "false report on clean use:\n%s", c.out);
		return;
	}
	ck_assert_msg(strstr(c.out, expected[_i]), "case %d: no '%s' in:\n%s",
		      _i, expected[_i], c.out);
	/* a BUG report names the object or the slab it is about */
	if (_i != C_WRONG_CACHE)
		ck_assert_msg(strstr(c.out, "INFO: "), "%s", c.out);
}
END_TEST

/*
 * The cases of the kernel's own SLUB tests (lib/slub_kunit.c, Linux 5.14
 * and later) that this era shares. Each counts one error per BUG report
 * and one per FIX line, which is how the kernel's slab_add_kunit_errors()
 * counts them, after validate_slab_cache() (here: writing 1 to the
 * cache's validate attribute). test_kmalloc_redzone_access is left out:
 * it needs the kmalloc red zone of the requested size, a 6.1 feature.
 */
enum kunit_case {
	K_CLOBBER_ZONE, K_NEXT_POINTER, K_FIRST_WORD, K_CLOBBER_50TH_BYTE,
	K_CLOBBER_REDZONE_FREE, NR_KUNIT_CASES
};

#define K_MAX_ROUNDS	3

static const struct {
	const char *cache;
	unsigned long flags;
	int rounds, errors[K_MAX_ROUNDS];
} kunit_cases[NR_KUNIT_CASES] = {
	[K_CLOBBER_ZONE] = { "TestSlub_RZ_alloc", SLAB_RED_ZONE, 1, { 2 } },
	/* freechain corrupt + wrong object count + its fix; after the
	 * pointer is restored the count is wrong again (and fixed); then
	 * the slab is clean */
	[K_NEXT_POINTER] = { "TestSlub_next_ptr_free", SLAB_POISON, 3,
			     { 3, 2, 0 } },
	[K_FIRST_WORD] = { "TestSlub_1th_word_free", SLAB_POISON, 1, { 2 } },
	[K_CLOBBER_50TH_BYTE] = { "TestSlub_50th_word_free", SLAB_POISON, 1,
				  { 2 } },
	[K_CLOBBER_REDZONE_FREE] = { "TestSlub_RZ_free", SLAB_RED_ZONE, 1,
				     { 2 } },
};

static unsigned int cache_offset(const char *name)
{
	struct slub_snapshot *snap = slub_snapshot_take();
	const struct slub_snap_cache *c = slub_snapshot_cache(snap, name);
	unsigned int offset = c ? c->offset : 0;

	slub_snapshot_free(snap);
	if (!c)
		_exit(6);
	return offset;
}

static void validate_round(struct kmem_cache *s, int round)
{
	fprintf(stderr, "=== round %d\n", round);
	slab_attr_store(s, "validate", "1", 1);
	fflush(stderr);
}

static void kunit_case(void *arg)
{
	struct slub_config cfg = { .nr_cpus = 2, .simulated = true,
				   .sheaves = SLUB_NO_SHEAVES,	/* 3.18 paths */
				   .arena_bytes = 64 << 20 };
	enum kunit_case k = (long)arg;
	struct kmem_cache *s;
	unsigned long tmp, *ptr_addr;
	unsigned int off;
	unsigned char *p;

	if (slub_init(&cfg))
		_exit(2);
	s = kmem_cache_create(kunit_cases[k].cache, 64, 0,
			      kunit_cases[k].flags, NULL);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	if (!s || !p)
		_exit(2);
	switch (k) {
	case K_CLOBBER_ZONE:
		p[64] = 0x12;
		validate_round(s, 0);
		kmem_cache_free(s, p);
		break;
	case K_NEXT_POINTER:
		off = cache_offset(kunit_cases[k].cache);
		kmem_cache_free(s, p);
		ptr_addr = (unsigned long *)(p + off);
		tmp = *ptr_addr;
		p[off] = ~p[off];
		validate_round(s, 0);
		*ptr_addr = tmp;
		validate_round(s, 1);
		validate_round(s, 2);
		break;
	case K_FIRST_WORD:
		kmem_cache_free(s, p);
		*p = 0x78;
		validate_round(s, 0);
		break;
	case K_CLOBBER_50TH_BYTE:
		kmem_cache_free(s, p);
		p[50] = 0x9a;
		validate_round(s, 0);
		break;
	case K_CLOBBER_REDZONE_FREE:
		kmem_cache_free(s, p);
		p[64] = 0xab;
		validate_round(s, 0);
		break;
	default:
		_exit(4);
	}
	carry_on(s, 64);
	if (slub_check_invariants(stderr))
		_exit(5);
	kmem_cache_destroy(s);
	slub_shutdown();
}

/* BUG and FIX lines after the marker of each round, up to the next. */
static void count_errors(const char *out, int *errors, int rounds)
{
	const char *line = out;
	int round = -1;

	memset(errors, 0, rounds * sizeof(*errors));
	for (; *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : "") {
		if (sscanf(line, "=== round %d", &round) == 1)
			continue;
		if (round >= 0 && round < rounds &&
		    (!strncmp(line, "BUG ", 4) || !strncmp(line, "FIX ", 4)))
			errors[round]++;
	}
}

START_TEST(test_slub_kunit_cases)
{
	int errors[K_MAX_ROUNDS], r;
	struct t_captured c;

	t_run_captured(kunit_case, (void *)(long)_i, &c);
	ck_assert_msg(WIFEXITED(c.status) && WEXITSTATUS(c.status) == 0,
		      "%s: status %#x:\n%s", kunit_cases[_i].cache, c.status,
		      c.out);
	count_errors(c.out, errors, kunit_cases[_i].rounds);
	for (r = 0; r < kunit_cases[_i].rounds; r++)
		ck_assert_msg(errors[r] == kunit_cases[_i].errors[r],
			      "%s, validation %d: %d errors, expected %d:\n%s",
			      kunit_cases[_i].cache, r + 1, errors[r],
			      kunit_cases[_i].errors[r], c.out);
}
END_TEST

/* The hardening options keep the allocator working and change what
 * is stored in free objects (hardened) or the freelist order (random). */
static void hardening_run(int hardened)
{
	struct slub_config cfg = { .nr_cpus = 2, .simulated = true,
				   .sheaves = SLUB_NO_SHEAVES,	/* 3.18 paths */
				   .arena_bytes = 64 << 20, .nomerge = true,
				   .freelist_hardened = hardened,
				   .freelist_random = !hardened, .seed = 42 };
	struct kmem_cache *s;
	void *p[200];
	int i, in_order = 1;

	ck_assert_int_eq(slub_init(&cfg), 0);
	s = kmem_cache_create("hard", 64, 0, 0, NULL);
	for (i = 0; i < 200; i++) {
		p[i] = kmem_cache_alloc(s, GFP_KERNEL);
		ck_assert_ptr_nonnull(p[i]);
		if (i && i < 64 && (char *)p[i] != (char *)p[i - 1] + 64)
			in_order = 0;
	}
	if (hardened) {
		/* the first word of a free object is not a plain pointer */
		kmem_cache_free(s, p[5]);
		kmem_cache_free(s, p[6]);
		ck_assert_ptr_ne(*(void **)p[6], p[5]);
		ck_assert_int_eq(in_order, 1);
	} else {
		ck_assert_int_eq(in_order, 0);
	}
	for (i = 0; i < 200; i++)
		if (!hardened || (i != 5 && i != 6))
			kmem_cache_free(s, p[i]);
	ck_assert_int_eq(slub_check_invariants(stderr), 0);
	kmem_cache_destroy(s);
	slub_shutdown();
}

START_TEST(test_freelist_hardened)
{
	hardening_run(1);
}
END_TEST

START_TEST(test_freelist_random)
{
	hardening_run(0);
}
END_TEST

Suite *debug_suite(void)
{
	Suite *s = suite_create("debug");
	TCase *tc = tcase_create("corruption");

	tcase_set_timeout(tc, 60);
	tcase_add_loop_test(tc, test_corruption_matrix, 0, NR_CORRUPTIONS);
	suite_add_tcase(s, tc);
	tc = tcase_create("slub_kunit");
	tcase_set_timeout(tc, 60);
	tcase_add_loop_test(tc, test_slub_kunit_cases, 0, NR_KUNIT_CASES);
	suite_add_tcase(s, tc);
	tc = tcase_create("hardening");
	tcase_add_test(tc, test_freelist_hardened);
	tcase_add_test(tc, test_freelist_random);
	suite_add_tcase(s, tc);
	return s;
}
