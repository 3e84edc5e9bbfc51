// SPDX-License-Identifier: GPL-2.0-only
/*
 * The real-thread stress test (tests/stress.c) as a Check test, so that the
 * unsanitized and the ASan+UBSan runners run it too; `make test-tsan' runs
 * it under ThreadSanitizer as a program of its own. Five runs: plain; with
 * an observer and a thread that shrinks the caches all along; with
 * slub_debug on the test caches, validated all along too; with hardened and
 * randomised freelists; with the threads in two memory cgroups.
 */
#include <stdlib.h>

#include "slub_test.h"

START_TEST(test_stress_threads)
{
	const char *ops = getenv("SLUB_STRESS_OPS");
	struct stress_opts o = {
		.threads = 4,
		.ops_per_thread = ops ? strtol(ops, NULL, 0) : 50000,
		.seed = 7 + _i,
		.observe = _i == 1 || _i == 2 || _i == 4,
		.debug = _i == 2,
		.hardened = _i == 3,
		.memcg = _i == 4,
		.admin = _i == 1 || _i == 2 || _i == 4,
	};
	char why[512];

	ck_assert_msg(stress_run(&o, why, sizeof(why)) == 0, "%s", why);
}
END_TEST

Suite *stress_suite(void)
{
	Suite *s = suite_create("stress");
	TCase *tc = tcase_create("threads");

	tcase_set_timeout(tc, 120);
	tcase_add_loop_test(tc, test_stress_threads, 0, 5);
	suite_add_tcase(s, tc);
	return s;
}
