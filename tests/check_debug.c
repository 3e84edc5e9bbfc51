// SPDX-License-Identifier: GPL-2.0-only
/*
 * The corruption matrix of slub_debug (issue 4): each kind of misuse is
 * detected with the kernel's report naming the cache, the allocator
 * repairs what it can, and 1000 more allocations and frees succeed with
 * the invariants intact. Each case runs in a child process whose
 * standard error is captured.
 */
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

/* 1000 more allocations and frees; exit status 3 if any fails. */
static void carry_on(struct kmem_cache *s)
{
	static void *p[1000];
	int i;

	for (i = 0; i < 1000; i++) {
		p[i] = kmem_cache_alloc(s, GFP_KERNEL);
		if (!p[i])
			_exit(3);
		memset(p[i], 0x11, 100);
	}
	for (i = 0; i < 1000; i++)
		kmem_cache_free(s, p[i]);
}

static void corrupt(void *arg)
{
	struct slub_config cfg = { .nr_cpus = 2, .simulated = true,
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
	carry_on(s);
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

/* The hardening options keep the allocator working and change what
 * is stored in free objects (hardened) or the freelist order (random). */
static void hardening_run(int hardened)
{
	struct slub_config cfg = { .nr_cpus = 2, .simulated = true,
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
	tc = tcase_create("hardening");
	tcase_add_test(tc, test_freelist_hardened);
	tcase_add_test(tc, test_freelist_random);
	suite_add_tcase(s, tc);
	return s;
}
