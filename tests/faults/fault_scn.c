// SPDX-License-Identifier: GPL-2.0-only
/*
 * Fault injection over scenarios.
 *
 *   fault_scn [-v] [--sheaves N] SCENARIO...
 *
 * With --sheaves N every scenario runs with per-CPU sheaves of N objects
 * in every cache (scn_set_design; 0: the 3.18 cpu slab for all).
 * For each scenario: a clean run counts what it does; then for N = 1, 2,
 * ... the scenario runs again with the N-th page allocation after boot
 * failing (slub_fail_page_alloc(N) armed before the first step), until an
 * N is reached that the run no longer gets to. Each run happens in a child
 * process, so that a crash is reported with its N and the next N still
 * runs. A run passes when:
 *   - the child neither crashes nor trips ASan/UBSan;
 *   - a step that fails does so as a reported runtime error (a failed
 *     kmem_cache_create, or a later use of a variable whose allocation
 *     returned NULL) and only at or after the step where the fault hit;
 *   - slub_check_invariants() finds nothing after every step from the
 *     fault on, and at the end;
 *   - after scn_run_end() has freed every variable and destroyed every
 *     cache, and every cache is shrunk, the pages in slabs and of large
 *     kmallocs and the objects in use are back to the post-boot baseline
 *     (see fault_util.h; a cache whose destroy the allocator refused
 *     because objects were still live stays behind as in the kernel: it
 *     is destroyed here once the variables are freed, and counted).
 *
 * How the end of the N loop is found: the number of calls that can be
 * failed (page allocations, including failed ones, and the per-CPU area of
 * each new cache) is the same in the run with the fault at N as in the
 * clean run up to the N-th call, so the fault fires for every N up to that
 * number T and for no larger N. At the end of a run (inside the wrapped
 * slub_shutdown, before anything else allocates) one large kmalloc probes
 * the knob: with N = T + 1 it is the one that fails.
 *
 * The scenario's arena is capped at 32 MiB unless it asks for one, so
 * that each run boots in about a millisecond; a scenario that does not
 * pass that way runs with its own configuration. A scenario that does
 * not pass on its own (runtime error or failed expect in the clean run)
 * is skipped and listed.
 *
 * Output (stdout): one line per scenario, then
 *   fault_scn: S scenarios, F faults injected, X failures, K skipped
 * Exit status: 0 when nothing failed. The allocator's own messages (out of
 * memory warnings, reports) go to stderr.
 */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "slub.h"
#include "scenario.h"
#include "fault_util.h"

#define CAP_ARENA	(32UL << 20)
#define PROBE_BYTES	(4 * 4096)
#define MAX_NAMES	128
#define NAME_LEN	64

struct run_result {
	bool done;		/* the child got to write this */
	bool fired;		/* the injected failure was consumed */
	int nsteps, steps;	/* steps in the scenario, steps executed */
	int fault_step;		/* first step in which a page allocation failed */
	int error_step;		/* step that ended with an error, or -1 */
	char error[400];
	int expect_failures;
	unsigned long allocs, failures;	/* page allocator, during the steps */
	int leftover;		/* caches kept by a refused destroy */
	int problems;
	char why[800];		/* the first problem */
};

/* State of the current run, read by the wrappers. */
static struct {
	bool cap;		/* cap the arena */
	bool active;		/* a checked run is ending */
	bool baseline;		/* record the baseline instead of checking */
	long nth;		/* 0: clean run */
	struct run_result *res;
} g;

/* The post-boot baseline of the configuration under test. */
static struct rel_usage base;
static char base_names[MAX_NAMES][NAME_LEN];
static int nbase_names;
static bool verbose;
static long max_runs = 100;	/* $FAULT_MAX_RUNS */

int __real_slub_init(const struct slub_config *cfg);
int __wrap_slub_init(const struct slub_config *cfg);
void __real_slub_shutdown(void);
void __wrap_slub_shutdown(void);

int __wrap_slub_init(const struct slub_config *cfg)
{
	struct slub_config c = *cfg;

	if (g.cap && !c.arena_bytes)
		c.arena_bytes = CAP_ARENA;
	return __real_slub_init(&c);
}

static void problem(struct run_result *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void problem(struct run_result *r, const char *fmt, ...)
{
	va_list ap;

	if (!r->problems++) {
		va_start(ap, fmt);
		vsnprintf(r->why, sizeof(r->why), fmt, ap);
		va_end(ap);
	}
}

static bool in_base(const char *name)
{
	int i;

	for (i = 0; i < nbase_names; i++)
		if (!strcmp(base_names[i], name))
			return true;
	return false;
}

/* Destroy the caches a refused destroy left behind; returns how many. */
static int destroy_leftovers(void)
{
	struct slub_snapshot *snap = slub_snapshot_take();
	char names[MAX_NAMES][NAME_LEN];
	int i, n = 0;

	if (!snap)
		return 0;
	for (i = 0; i < snap->nr_caches && n < MAX_NAMES; i++)
		if (!in_base(snap->caches[i].name))
			snprintf(names[n++], NAME_LEN, "%s",
				 snap->caches[i].name);
	slub_snapshot_free(snap);
	for (i = 0; i < n; i++) {
		struct kmem_cache *s = slub_find_cache(names[i]);

		if (s)
			kmem_cache_destroy(s);
	}
	return n;
}

static void record_baseline(void)
{
	struct slub_snapshot *snap;
	int i;

	rel_usage(&base);
	snap = slub_snapshot_take();
	nbase_names = 0;
	for (i = 0; snap && i < snap->nr_caches && i < MAX_NAMES; i++)
		snprintf(base_names[nbase_names++], NAME_LEN, "%s",
			 snap->caches[i].name);
	slub_snapshot_free(snap);
}

/*
 * scn_run_end() has freed the variables and destroyed the caches; the
 * allocator is about to go. Probe the knob, then check for leaks.
 */
void __wrap_slub_shutdown(void)
{
	struct run_result *r = g.res;

	if (g.active && g.baseline) {
		record_baseline();
	} else if (g.active) {
		struct rel_usage end;
		int bad;

		if (g.nth > 0) {
			void *p = kmalloc(PROBE_BYTES, GFP_KERNEL);

			r->fired = p != NULL;
			kfree(p);
			slub_fail_page_alloc(0);
		}
		r->leftover = destroy_leftovers();
		rel_usage(&end);
		if (rel_usage_check(&base, &end, stderr))
			problem(r, "leak: objects in use %lu (after boot %lu), "
				"slab pages %lu (%lu), large pages %lu (%lu), "
				"caches %d (%d)", end.inuse, base.inuse,
				end.slab_pages, base.slab_pages,
				end.large_pages, base.large_pages, end.caches,
				base.caches);
		bad = slub_check_invariants(stderr);
		if (bad)
			problem(r, "%d invariant violations at the end", bad);
	}
	g.active = false;
	__real_slub_shutdown();
}

static unsigned long page_failures(void)
{
	struct slub_page_stats st;

	slub_page_stats(&st);
	return st.failures;
}

/* One run with the nth page allocation failing (0: none). */
static void run_once(const struct scenario *sc, long nth,
		     struct run_result *r)
{
	struct slub_page_stats st0, st1;
	struct scn_error err;
	struct scn_run *run;
	bool checking = false;
	int ret;

	memset(r, 0, sizeof(*r));
	r->error_step = -1;
	r->fault_step = -1;
	r->nsteps = scn_nsteps(sc);
	g.res = r;
	g.nth = nth;
	run = scn_run_start(sc, NULL, NULL, &err);
	if (!run) {
		scn_error_format(&err, r->error, sizeof(r->error));
		problem(r, "scn_run_start failed: %s", r->error);
		return;
	}
	scn_run_set_output(run, NULL);
	scn_run_set_diag(run, nth || !verbose ? NULL : stderr);
	slub_page_stats(&st0);
	if (nth > 0)
		slub_fail_page_alloc((unsigned long)nth);
	for (;;) {
		unsigned long f0 = page_failures();
		int bad;

		memset(&err, 0, sizeof(err));
		ret = scn_run_step(run, &err);
		if (!ret)
			break;
		if (page_failures() != f0 && r->fault_step < 0)
			r->fault_step = r->steps;
		if (ret < 0) {
			r->error_step = r->steps;
			scn_error_format(&err, r->error, sizeof(r->error));
			checking = true;
		} else {
			r->steps++;
		}
		if (r->fault_step >= 0)
			checking = true;
		if (checking && (bad = slub_check_invariants(stderr)))
			problem(r, "%d invariant violations after step %d",
				bad, r->steps);
		if (ret < 0)
			break;
	}
	r->expect_failures = scn_run_expect_failures(run);
	slub_page_stats(&st1);
	r->allocs = st1.allocs - st0.allocs;
	r->failures = st1.failures - st0.failures;
	if (r->error_step >= 0 && nth > 0 && r->fault_step >= 0 &&
	    r->error_step < r->fault_step)
		problem(r, "error at step %d before the fault hit (step %d): "
			"%s", r->error_step, r->fault_step, r->error);
	g.active = true;
	g.baseline = false;
	scn_run_end(run);
	if (g.active)
		problem(r, "scn_run_end did not call slub_shutdown");
	g.active = false;
}

/* Run run_once in a child; false if it crashed (r->why says how). */
static bool run_child(const struct scenario *sc, long nth,
		      struct run_result *r)
{
	int fd[2], status;
	pid_t pid;

	fflush(NULL);
	if (pipe(fd)) {
		perror("pipe");
		exit(2);
	}
	pid = fork();
	if (pid < 0) {
		perror("fork");
		exit(2);
	}
	if (!pid) {
		close(fd[0]);
		run_once(sc, nth, r);
		r->done = true;
		if (write(fd[1], r, sizeof(*r)) != (ssize_t)sizeof(*r))
			_exit(3);
		close(fd[1]);
		/*
		 * LeakSanitizer checks the clean run, the first few faults
		 * and every run that ended in an error (the scenario
		 * engine's error paths); it would double the time of the
		 * others.
		 */
		if (nth <= 4 || r->error_step >= 0 || r->problems)
			exit(0);
		_exit(0);
	}
	close(fd[1]);
	if (!rel_reap(fd[0], pid, r, sizeof(*r), &status) || !r->done) {
		memset(r, 0, sizeof(*r));
		r->problems = 1;
		rel_death(status, r->why, sizeof(r->why));
		return false;
	}
	if (rel_failed_after(status, r->why, sizeof(r->why)))
		r->problems++;
	return true;
}

static void take_baseline(const struct scenario *sc)
{
	struct scn_error err;
	struct scn_run *run;
	struct run_result r;

	memset(&r, 0, sizeof(r));
	g.res = &r;
	run = scn_run_start(sc, NULL, NULL, &err);
	if (!run)
		return;
	g.active = true;
	g.baseline = true;
	scn_run_end(run);
	g.baseline = false;
}

struct totals {
	int scenarios, skipped, failed_scenarios;
	long faults, failures;
};

/* Distinct runtime-error texts met in faulted runs (for the summary). */
#define MAX_MSGS 4

/*
 * Every N from 1 to T, unless the clean run made more than max_runs page
 * allocations (max_runs 0: no limit): then every N up to max_runs / 2,
 * every stride-th after that, and the last few around T (the allocations
 * at the end, in scn_run_end, and the probe that ends the loop).
 */
static long next_n(long n, long stride, long max_runs,
		   const struct run_result *clean)
{
	long t = (long)clean->allocs;

	if (stride == 1 || n < max_runs / 2 || n >= t - 2)
		return n + 1;
	return n + stride < t - 2 ? n + stride : t - 2;
}

static void fault_scenario(const char *path, struct totals *t)
{
	struct run_result clean, r;
	struct scn_error err;
	struct scenario *sc;
	long n, bound, fails = 0, faults = 0, stride;
	int errors = 0, expects = 0, completed = 0, nmsgs = 0;
	char msgs[MAX_MSGS][sizeof(r.error)];
	char sampled[160] = "";
	const char *base_name = strrchr(path, '/') ? strrchr(path, '/') + 1 :
				path;
	int pass;

	t->scenarios++;
	sc = scn_parse_file(path, &err);
	if (!sc) {
		char buf[600];

		printf("FAIL %s: does not parse: %s\n", base_name,
		       scn_error_format(&err, buf, sizeof(buf)));
		t->failures++;
		t->failed_scenarios++;
		return;
	}
	for (pass = 0; pass < 2; pass++) {
		g.cap = pass == 0;
		take_baseline(sc);
		run_child(sc, 0, &clean);
		if (!clean.problems && clean.error_step < 0 &&
		    !clean.expect_failures)
			break;
	}
	if (clean.problems) {
		printf("FAIL %s: the clean run: %s\n", base_name, clean.why);
		t->failures++;
		t->failed_scenarios++;
		scn_free(sc);
		return;
	}
	if (clean.error_step >= 0 || clean.expect_failures) {
		printf("SKIP %s: does not pass on its own (%s%s%d failed "
		       "expects)\n", base_name, clean.error,
		       clean.error[0] ? "; " : "", clean.expect_failures);
		t->skipped++;
		scn_free(sc);
		return;
	}
	bound = (long)(clean.allocs + clean.failures) + clean.nsteps + 2;
	/* T is at least the page allocations of the clean run. */
	stride = max_runs && (long)clean.allocs > max_runs ?
		 ((long)clean.allocs - max_runs / 2) / (max_runs / 2) + 1 : 1;
	for (n = 1; n <= bound + 1; n = next_n(n, stride, max_runs, &clean)) {
		bool alive = run_child(sc, n, &r);

		if (alive && !r.fired && !r.problems)
			break;
		faults++;
		if (r.problems) {
			fails++;
			printf("FAIL %s: fault at page allocation %ld: %s\n",
			       base_name, n, r.why);
			if (!alive)
				continue;
		}
		if (r.error_step >= 0) {
			const char *e = strstr(r.error, "error:");
			int i;

			errors++;
			e = e ? e : r.error;
			for (i = 0; i < nmsgs; i++)
				if (!strcmp(msgs[i], e))
					break;
			if (i == nmsgs && nmsgs < MAX_MSGS)
				strcpy(msgs[nmsgs++], e);
		} else if (r.expect_failures) {
			expects++;
		} else {
			completed++;
		}
		if (verbose)
			printf("  N=%ld fired=%d fault_step=%d error_step=%d "
			       "expects=%d %s\n", n, r.fired, r.fault_step,
			       r.error_step, r.expect_failures, r.error);
	}
	if (n > bound + 1) {
		printf("FAIL %s: the fault still fired at allocation %ld; the "
		       "clean run made %lu page allocations\n", base_name,
		       bound + 1, clean.allocs);
		fails++;
	}
	if (stride > 1)
		snprintf(sampled, sizeof(sampled), " (every N up to %ld, then "
			 "every %ld-th, and the last: FAULT_MAX_RUNS=0 runs "
			 "them all)", max_runs / 2, stride);
	printf("%s %s: %ld faults injected%s (clean run: %lu page "
	       "allocations%s, %d steps), %ld failures; the runs: %d "
	       "completed, %d ended in a runtime error, %d with failed "
	       "expects%s\n",
	       fails ? "FAIL" : "ok", base_name, faults, sampled,
	       clean.allocs, g.cap ? "" : ", own arena", clean.nsteps, fails,
	       completed, errors, expects, clean.leftover ?
	       "; a refused destroy leaves a cache, as in the kernel" : "");
	for (pass = 0; pass < nmsgs; pass++)
		printf("    runtime error met: %s\n", msgs[pass]);
	t->faults += faults;
	t->failures += fails;
	t->failed_scenarios += fails > 0;
	scn_free(sc);
}

int main(int argc, char **argv)
{
	struct totals t = { 0 };
	int i = 1;

	if (i < argc && !strcmp(argv[i], "-v")) {
		verbose = true;
		i++;
	}
	if (i + 1 < argc && !strcmp(argv[i], "--sheaves")) {
		int n;

		if (!scn_parse_design(argv[i + 1], &n)) {
			fprintf(stderr, "fault_scn: --sheaves: expected a sheaf "
				"capacity from 0 to %d\n", SCN_MAX_SHEAVES);
			return 2;
		}
		scn_set_design(n);
		i += 2;
	}
	if (i >= argc) {
		fprintf(stderr, "usage: fault_scn [-v] [--sheaves N] "
			"SCENARIO...\n");
		return 2;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (getenv("FAULT_MAX_RUNS"))
		max_runs = atol(getenv("FAULT_MAX_RUNS"));
	if (max_runs && max_runs < 8)
		max_runs = 8;
	for (; i < argc; i++)
		fault_scenario(argv[i], &t);
	printf("fault_scn: %d scenarios, %ld faults injected, %ld failures, "
	       "%d skipped\n", t.scenarios, t.faults, t.failures, t.skipped);
	return t.failures ? 1 : 0;
}
