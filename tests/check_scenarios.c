// SPDX-License-Identifier: GPL-2.0-only
/*
 * Every shipped scenario (the .scn files under viz/scenarios,
 * book/scenarios, tests/scenarios and tests/scenarios/cli) runs to the
 * end through the scenario API; its `expect' statements do the asserting.
 * After the last step the invariants hold. A second walk checks, after
 * every step and for every cache, that alloc_fastpath + alloc_slowpath
 * counted exactly the allocations made. A third runs every one of them,
 * and the exercises' prediction scenarios, in both designs (the 3.18 cpu
 * slab and per-CPU sheaves of 32 objects, whatever each names): the
 * expects of both designs and those marked for the design in force hold,
 * the invariants hold, and no object is left behind at the end.
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
static glob_t all_files;	/* scn_files and the prediction scenarios */

static void find_scenarios(void)
{
	static const char *const pats[] = {
		SLUB_TOP_SRCDIR "/tests/scenarios/*.scn",
		SLUB_TOP_SRCDIR "/tests/scenarios/cli/*.scn",
		SLUB_TOP_SRCDIR "/book/scenarios/*.scn",
		SLUB_TOP_SRCDIR "/viz/scenarios/*.scn",
	};
	unsigned int i;

	memset(&scn_files, 0, sizeof(scn_files));
	memset(&all_files, 0, sizeof(all_files));
	for (i = 0; i < sizeof(pats) / sizeof(pats[0]); i++) {
		glob(pats[i], i ? GLOB_APPEND : 0, NULL, &scn_files);
		glob(pats[i], i ? GLOB_APPEND : 0, NULL, &all_files);
	}
	glob(SLUB_TOP_SRCDIR "/exercises/predict/*.scn", GLOB_APPEND, NULL,
	     &all_files);
}

/*
 * Runs the scenario at path to its end in design (as scn_set_design(), or
 * SCN_DESIGN_OWN: the one it names), its output dropped: a failed step or
 * expect fails the test with the end of its diagnostics, and so do
 * invariants broken at the end. Returns the run, at its end; *scp is the
 * scenario, the caller's to free after the run.
 */
static struct scn_run *run_to_end(const char *path, int design,
				  struct scenario **scp)
{
	struct scn_error err = { 0 };
	struct scenario *sc;
	struct scn_run *run;
	char msg[1024], what[64] = "", *diag = NULL;
	size_t diaglen = 0;
	FILE *mem;
	int rc, failures;

	if (design != SCN_DESIGN_OWN)
		snprintf(what, sizeof(what), " (sheaves %d)", design);
	sc = scn_parse_file(path, &err);
	ck_assert_msg(sc != NULL, "%s", scn_error_format(&err, msg,
							 sizeof(msg)));
	ck_assert_int_gt(scn_nsteps(sc), 0);
	scn_set_design(design);
	run = scn_run_start(sc, NULL, NULL, &err);
	scn_set_design(SCN_DESIGN_OWN);
	ck_assert_msg(run != NULL, "%s", scn_error_format(&err, msg,
							  sizeof(msg)));
	if (design != SCN_DESIGN_OWN)
		ck_assert_msg(!scn_run_sheaves(run) == !design, "%s: design "
			      "%d not in force", path, design);
	mem = open_memstream(&diag, &diaglen);
	scn_run_set_output(run, NULL);
	scn_run_set_diag(run, mem);
	rc = scn_run_all(run, &err);
	failures = scn_run_expect_failures(run);
	fflush(mem);
	if (rc)
		ck_abort_msg("%s%s\n%s", scn_error_format(&err, msg, sizeof(msg)),
			     what, diaglen > 1500 ? diag + diaglen - 1500 : diag);
	ck_assert_msg(failures == 0, "%s%s: %d expect statements failed:\n%s",
		      path, what, failures,
		      diaglen > 1500 ? diag + diaglen - 1500 : diag);
	ck_assert_int_eq(scn_run_pos(run), scn_nsteps(sc));
	ck_assert_msg(slub_check_invariants(stderr) == 0, "%s%s: invariants "
		      "broken at the end", path, what);
	scn_run_set_diag(run, stderr);
	fclose(mem);
	free(diag);
	*scp = sc;
	return run;
}

START_TEST(test_scenario)
{
	struct scenario *sc;

	scn_run_end(run_to_end(scn_files.gl_pathv[_i], SCN_DESIGN_OWN, &sc));
	scn_free(sc);
	ck_assert(!slub_running());
}
END_TEST

/*
 * Allocations made, counted without the allocation counters. Between two
 * snapshots the objects a cache holds (allocated, on no freelist) change
 * by the allocations made minus the frees made; every free counts one of
 * free_fastpath or free_slowpath. So a step made
 *	allocations = delta(held) + delta(free_fastpath + free_slowpath)
 * and alloc_fastpath + alloc_slowpath must have grown by exactly that, for
 * every cache that lived through the step (one created in it starts from
 * zero). An allocation that fails past the fault-injection hook counts a
 * slow path and holds nothing, so a step in which page allocations failed
 * or a statement's allocation came back NULL may count up to that many
 * more; every other step must agree exactly.
 */
/* prefill, alloc ... from sheaf, return: the prefill API's statements. */
static bool sheaf_step(const char *text)
{
	return !strncmp(text, "prefill", 7) || !strncmp(text, "return", 6) ||
	       strstr(text, " from sheaf ");
}

struct cache_count {
	char *name;
	unsigned long calls, frees, held;
};

static int take_counts(struct cache_count **out)
{
	struct slub_snapshot *snap = slub_snapshot_take();
	struct cache_count *c;
	int i, n;

	ck_assert_ptr_nonnull(snap);
	n = snap->nr_caches;
	c = calloc(n ? n : 1, sizeof(*c));
	ck_assert_ptr_nonnull(c);
	for (i = 0; i < n; i++) {
		const struct slub_snap_cache *sc = &snap->caches[i];

		c[i].name = strdup(sc->name);
		c[i].calls = sc->stat[ALLOC_FASTPATH] + sc->stat[ALLOC_SLOWPATH];
		c[i].frees = sc->stat[FREE_FASTPATH] + sc->stat[FREE_SLOWPATH];
		c[i].held = t_snap_allocated(sc);
	}
	slub_snapshot_free(snap);
	*out = c;
	return n;
}

static void free_counts(struct cache_count *c, int n)
{
	int i;

	for (i = 0; i < n; i++)
		free(c[i].name);
	free(c);
}

START_TEST(test_alloc_counts_add_up)
{
	const char *path = scn_files.gl_pathv[_i];
	struct cache_count *before, *after;
	struct slub_page_stats ps;
	struct scn_error err = { 0 };
	struct scenario *sc;
	struct scn_run *run;
	unsigned long failures, nulls;
	int nb, na, nchk, i, j, r, checked = 0;
	char msg[1024];

	sc = scn_parse_file(path, &err);
	ck_assert_msg(sc != NULL, "%s", scn_error_format(&err, msg,
							 sizeof(msg)));
	run = scn_run_start(sc, NULL, NULL, &err);
	ck_assert_msg(run != NULL, "%s", scn_error_format(&err, msg,
							  sizeof(msg)));
	scn_run_set_output(run, NULL);
	scn_run_set_diag(run, NULL);
	nb = take_counts(&before);
	for (;;) {
		slub_page_stats(&ps);
		failures = ps.failures;
		nulls = scn_run_null_allocs(run);
		r = scn_run_step(run, &err);
		if (r <= 0)
			break;
		slub_page_stats(&ps);
		failures = ps.failures - failures +
			   scn_run_null_allocs(run) - nulls;
		na = take_counts(&after);
		/*
		 * A prefilled sheaf belongs to its caller: its objects are
		 * held from the prefill on, counted when they go in, and
		 * go back unfreed when it is returned. Those steps move
		 * objects without a matching count.
		 */
		nchk = sheaf_step(scn_step_text(sc, scn_run_pos(run) - 1)) ?
		       0 : na;
		for (i = 0; i < nchk; i++) {
			unsigned long calls0 = 0, frees0 = 0, held0 = 0;
			long made, extra;

			for (j = 0; j < nb; j++)
				if (!strcmp(before[j].name, after[i].name))
					break;
			if (j < nb) {
				calls0 = before[j].calls;
				frees0 = before[j].frees;
				held0 = before[j].held;
			}
			made = (long)(after[i].held - held0) +
			       (long)(after[i].frees - frees0);
			extra = (long)(after[i].calls - calls0) - made;
			ck_assert_msg(extra >= 0 && extra <= (long)failures,
				      "%s:%d: %s counted %lu allocations "
				      "(fast + slow), %ld were made "
				      "(%lu failed)", path,
				      scn_step_line(sc, scn_run_pos(run) - 1),
				      after[i].name, after[i].calls - calls0,
				      made, failures);
			checked++;
		}
		free_counts(before, nb);
		before = after;
		nb = na;
	}
	ck_assert_msg(r == 0, "%s", scn_error_format(&err, msg, sizeof(msg)));
	ck_assert_int_gt(checked, 0);
	free_counts(before, nb);
	scn_run_end(run);
	scn_free(sc);
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

/* Run text to its end in a design; the run is left open for checks. */
static struct scn_run *run_text(struct scenario **sc, const char *text,
				int sheaves, struct scn_error *err)
{
	char msg[1024];
	struct scn_run *run;

	*sc = scn_parse_string("sheaf.scn", text, err);
	ck_assert_msg(*sc != NULL, "%s", scn_error_format(err, msg,
							  sizeof(msg)));
	scn_set_design(sheaves);
	run = scn_run_start(*sc, NULL, NULL, err);
	scn_set_design(SCN_DESIGN_OWN);
	ck_assert_ptr_nonnull(run);
	scn_run_set_output(run, NULL);
	scn_run_set_diag(run, NULL);
	return run;
}

static unsigned long cache_stat(struct scn_run *run, int item)
{
	struct slub_snapshot *snap = slub_snapshot_take();
	const struct slub_snap_cache *c;
	unsigned long v;

	ck_assert_ptr_nonnull(snap);
	c = slub_snapshot_cache(snap, kmem_cache_name(scn_run_cache(run, 0,
								    NULL)));
	ck_assert_ptr_nonnull(c);
	v = c->stat[item];
	slub_snapshot_free(snap);
	return v;
}

/*
 * The prefill statements call the prefill API: the counters of each way
 * a prefill and a return can go move as the kernel's do, objects taken
 * from a sheaf are distinct from every other, and misuse is an error at
 * the sheaf's column.
 */
START_TEST(test_prefill_statements)
{
	static const char text[] =
		"config cpus 1 nomerge\n"
		"cache c size 64\n"
		"alloc x[0..4] from c\n"
		"free x[0..4]\n"
		"prefill s from c 3\n"
		"alloc r[0..2] from sheaf s\n"
		"prefill big from c 50\n"
		"alloc y[0..49] from sheaf big\n"
		"expect sheaf big size 0\n"
		"alloc z from c\n"
		"expect distinct r[0..2] y[0..49] z\n"
		"return s\n"
		"return big\n";
	struct scn_error err = { 0 };
	struct scenario *sc;
	struct scn_run *run;
	char msg[1024];
	int d;

	for (d = 0; d < 2; d++) {
		run = run_text(&sc, text, d ? 4 : 0, &err);
		ck_assert_msg(scn_run_all(run, &err) == 0, "%s",
			      scn_error_format(&err, msg, sizeof(msg)));
		ck_assert_int_eq(scn_run_expect_failures(run), 0);
		if (d) {
			/* the CPU's full spare serves the first prefill */
			ck_assert_uint_eq(cache_stat(run, SHEAF_PREFILL_FAST),
					  1);
			ck_assert_uint_eq(cache_stat(run,
						     SHEAF_PREFILL_OVERSIZE), 1);
			ck_assert_uint_eq(cache_stat(run, SHEAF_RETURN_FAST),
					  1);
		} else {
			/* without sheaves every prefill is oversize */
			ck_assert_uint_eq(cache_stat(run,
						     SHEAF_PREFILL_OVERSIZE), 2);
			ck_assert_uint_eq(cache_stat(run, SHEAF_PREFILL_FAST),
					  0);
		}
		ck_assert_int_eq(slub_check_invariants(stderr), 0);
		ck_assert_int_eq(scn_run_finish(run), 0);
		scn_free(sc);
	}

	run = run_text(&sc, "cache c size 64\nprefill s from c 2\n"
		       "return s\nalloc x from sheaf s\n", 4, &err);
	ck_assert_int_eq(scn_run_all(run, &err), -1);
	scn_error_format(&err, msg, sizeof(msg));
	ck_assert_msg(strstr(msg, "sheaf.scn:4:20: error: sheaf s was "
			     "returned at line 3"), "%s", msg);
	scn_run_end(run);
	scn_free(sc);

	/*
	 * show sheaf: the held sheaf as the snapshot has it, its slots'
	 * objects named by the variables that held them; a cache named
	 * "sheaf" stays a cache when quoted
	 */
	for (d = 0; d < 2; d++) {
		char *out = NULL;
		size_t len = 0;
		FILE *mem = open_memstream(&out, &len);

		run = run_text(&sc, "config cpus 1 nomerge\ncache c size 64\n"
			       "prefill s from c 2\nalloc a[0..1] from sheaf s\n"
			       "free a[1]\nprefill t from c 1\nshow sheaf s\n"
			       "show \"c\" objects\nreturn s\nreturn t\n"
			       "free a[0]\n", d ? 4 : 0, &err);
		scn_run_set_output(run, mem);
		ck_assert_msg(scn_run_all(run, &err) == 0, "%s",
			      scn_error_format(&err, msg, sizeof(msg)));
		fclose(mem);
		ck_assert_msg(strstr(out, d ? "sheaf s: 2 of 4 slots" :
				     "sheaf s: 0 of 2 slots") &&
			      strstr(out, "cache c, prefill 1") &&
			      strstr(out, "c objects "), "%s", out);
		free(out);
		ck_assert_int_eq(scn_run_finish(run), 0);
		scn_free(sc);
	}
	run = run_text(&sc, "cache c size 64\nprefill s from c 3\n"
		       "alloc a from sheaf s\nshow sheaf s\n", 4, &err);
	{
		char *out = NULL;
		size_t len = 0;
		FILE *mem = open_memstream(&out, &len);

		scn_run_set_output(run, mem);
		ck_assert_int_eq(scn_run_all(run, &err), 0);
		fclose(mem);
		ck_assert_msg(strstr(out, "sheaf s: 3 of 4 slots") &&
			      strstr(out, " [0] (slab 0x") &&
			      strstr(out, " [1] (slab 0x"), "%s", out);
		free(out);
	}
	ck_assert_int_eq(scn_run_finish(run), 0);
	scn_free(sc);

	/* a sheaf still prefilled at the end is returned: nothing leaks */
	run = run_text(&sc, "config nomerge\ncache c size 64\n"
		       "prefill s from c 2\nalloc a from sheaf s\n", 4, &err);
	ck_assert_int_eq(scn_run_all(run, &err), 0);
	ck_assert_int_eq(scn_run_finish(run), 0);
	scn_free(sc);
	ck_assert(!slub_running());
}
END_TEST

/*
 * Run _i / 2 in design _i % 2 (0: the cpu slab; 1: sheaves of 32 objects,
 * or the capacity its config names).
 */
START_TEST(test_both_designs)
{
	const char *path = all_files.gl_pathv[_i / 2];
	int sheaves = _i % 2 ? 32 : 0, kept;
	struct scenario *sc;

	kept = scn_run_finish(run_to_end(path, sheaves, &sc));
	ck_assert_msg(kept == 0, "%s (sheaves %d): %d caches kept objects "
		      "after every variable was freed", path, sheaves, kept);
	scn_free(sc);
	ck_assert(!slub_running());
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
	tcase_add_test(tc, test_prefill_statements);
	suite_add_tcase(s, tc);

	tc = tcase_create("shipped");
	tcase_set_timeout(tc, 60);
	if (scn_files.gl_pathc)
		tcase_add_loop_test(tc, test_scenario, 0, scn_files.gl_pathc);
	else
		fprintf(stderr, "scenarios: no *.scn files found yet\n");
	suite_add_tcase(s, tc);

	tc = tcase_create("both_designs");
	tcase_set_timeout(tc, 60);
	if (all_files.gl_pathc)
		tcase_add_loop_test(tc, test_both_designs, 0,
				    (int)all_files.gl_pathc * 2);
	suite_add_tcase(s, tc);

	tc = tcase_create("alloc_counts");
	tcase_set_timeout(tc, 120);
	if (scn_files.gl_pathc)
		tcase_add_loop_test(tc, test_alloc_counts_add_up, 0,
				    scn_files.gl_pathc);
	suite_add_tcase(s, tc);
	return s;
}
