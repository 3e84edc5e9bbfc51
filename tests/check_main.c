// SPDX-License-Identifier: GPL-2.0-only
/*
 * The one Check runner: every suite, fork mode (a crash counts as an
 * error), so that its last line is the summary of everything.
 */
#include <stdlib.h>

#include "slub_test.h"

int main(void)
{
	SRunner *sr;
	int failed;

	/* the tests choose their own debug options */
	unsetenv("SLUB_DEBUG");
	sr = srunner_create(create_suite());
	srunner_add_suite(sr, alloc_suite());
	srunner_add_suite(sr, random_suite());
	srunner_add_suite(sr, scenario_suite());
	srunner_add_suite(sr, stress_suite());
	srunner_add_suite(sr, debug_suite());
	srunner_add_suite(sr, stats_suite());
	srunner_add_suite(sr, eventlog_suite());
	srunner_add_suite(sr, palette_suite());
	srunner_add_suite(sr, sheaves_suite());
	srunner_add_suite(sr, events_suite());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
