// SPDX-License-Identifier: GPL-2.0-only
/*
 * Every shipped scenario (the .scn files under tests/scenarios and
 * viz/scenarios) runs to the end through the scenario API; its `expect'
 * statements do the asserting. After the last step the invariants hold.
 */
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scenario.h"
#include "slub_test.h"

#ifndef SLUB_TOP_SRCDIR
#define SLUB_TOP_SRCDIR "."
#endif

static glob_t scn_files;

static void find_scenarios(void)
{
	static const char *const pats[] = {
		SLUB_TOP_SRCDIR "/tests/scenarios/*.scn",
		SLUB_TOP_SRCDIR "/viz/scenarios/*.scn",
	};
	unsigned int i;

	memset(&scn_files, 0, sizeof(scn_files));
	for (i = 0; i < sizeof(pats) / sizeof(pats[0]); i++)
		glob(pats[i], i ? GLOB_APPEND : 0, NULL, &scn_files);
}

START_TEST(test_scenario)
{
	const char *path = scn_files.gl_pathv[_i];
	struct scn_error err = { 0 };
	struct scenario *sc;
	struct scn_run *run;
	char msg[1024], *diag = NULL;
	size_t diaglen = 0;
	FILE *mem;
	int rc, inv, failures;

	sc = scn_parse_file(path, &err);
	ck_assert_msg(sc != NULL, "%s", scn_error_format(&err, msg,
							 sizeof(msg)));
	ck_assert_int_gt(scn_nsteps(sc), 0);
	run = scn_run_start(sc, NULL, NULL, &err);
	ck_assert_msg(run != NULL, "%s", scn_error_format(&err, msg,
							  sizeof(msg)));
	mem = open_memstream(&diag, &diaglen);
	scn_run_set_output(run, NULL);
	scn_run_set_diag(run, mem);
	rc = scn_run_all(run, &err);
	failures = scn_run_expect_failures(run);
	fflush(mem);
	if (rc)
		ck_abort_msg("%s\n%s", scn_error_format(&err, msg, sizeof(msg)),
			     diaglen > 1500 ? diag + diaglen - 1500 : diag);
	ck_assert_msg(failures == 0, "%s: %d expect statements failed:\n%s",
		      path, failures,
		      diaglen > 1500 ? diag + diaglen - 1500 : diag);
	ck_assert_int_eq(scn_run_pos(run), scn_nsteps(sc));
	inv = slub_check_invariants(stderr);
	ck_assert_msg(inv == 0, "%s: invariants broken at the end", path);
	scn_run_set_diag(run, stderr);
	scn_run_end(run);
	fclose(mem);
	free(diag);
	scn_free(sc);
	ck_assert(!slub_running());
}
END_TEST

START_TEST(test_parse_error_located)
{
	struct scn_error err = { 0 };
	struct scenario *sc;
	char msg[1024];

	sc = scn_parse_string("bad.scn", "# comment\ncache c size 64\n"
			      "alloc x frm c\n", &err);
	ck_assert_ptr_null(sc);
	ck_assert_int_eq(err.line, 3);
	ck_assert_int_gt(err.col, 0);
	scn_error_format(&err, msg, sizeof(msg));
	ck_assert_msg(!strncmp(msg, "bad.scn:3:", 10), "%s", msg);
	ck_assert_msg(strstr(msg, "error:"), "%s", msg);
}
END_TEST

START_TEST(test_expect_failure_reported)
{
	struct scn_error err = { 0 };
	struct scenario *sc;
	struct scn_run *run;
	char msg[1024], *diag = NULL;
	size_t diaglen = 0;
	FILE *mem = open_memstream(&diag, &diaglen);

	/* a wrong expectation is counted and reported with its line */
	sc = scn_parse_string("exp.scn", "config cpus 1\ncache c size 64\n"
			      "alloc x from c\nexpect c alloc_slab 2\n"
			      "expect c alloc_slab 1\n", &err);
	ck_assert_msg(sc != NULL, "%s", scn_error_format(&err, msg,
							 sizeof(msg)));
	run = scn_run_start(sc, NULL, NULL, &err);
	ck_assert_ptr_nonnull(run);
	scn_run_set_output(run, NULL);
	scn_run_set_diag(run, mem);
	ck_assert_int_eq(scn_run_all(run, &err), 0);
	ck_assert_int_eq(scn_run_expect_failures(run), 1);
	fflush(mem);
	ck_assert_msg(strstr(diag, "exp.scn:4:"), "%s", diag);
	scn_run_set_diag(run, stderr);
	scn_run_end(run);
	scn_free(sc);
	fclose(mem);
	free(diag);
}
END_TEST

Suite *scenario_suite(void)
{
	Suite *s = suite_create("scenarios");
	TCase *tc;

	find_scenarios();
	tc = tcase_create("language");
	tcase_add_test(tc, test_parse_error_located);
	tcase_add_test(tc, test_expect_failure_reported);
	suite_add_tcase(s, tc);

	tc = tcase_create("shipped");
	tcase_set_timeout(tc, 60);
	if (scn_files.gl_pathc)
		tcase_add_loop_test(tc, test_scenario, 0, scn_files.gl_pathc);
	else
		fprintf(stderr, "scenarios: no *.scn files found yet\n");
	suite_add_tcase(s, tc);
	return s;
}
