// SPDX-License-Identifier: GPL-2.0-only
/*
 * bench_run.c - the parent of `make bench': runs one process per
 * allocator and workload, collects what they print, and writes the
 * comparison as a markdown table (results.md, also printed), a data file
 * and gnuplot script (results.dat, results.gp) and a chart (results.png).
 *
 * Usage: bench-run [-s] [-r REPS] [-k ROUNDS] -d BINDIR -o OUTDIR
 *   -s	smoke: tiny counts, proves the harness works; no figure means
 *	anything and nothing is asserted about time
 *   -r	timed repetitions inside each process (default 3; 2 with -s)
 *   -k	rounds (default 5; 1 with -s): the whole set of processes runs
 *	this many times, interleaved, and each figure is the median of the
 *	per-process medians. Processes differ more than repetitions do:
 *	besides other work on the machine, the address layout matters (with
 *	ASLR off, glibc's 64-byte LIFO pair takes 12.8 ns here in every
 *	process; with it on, mostly 6.9 ns, sometimes 13)
 *
 * Every peer replaces malloc, so each runs in a process of its own: the
 * child binaries are one source (bench.c) linked once per allocator. A
 * child reports which shared object provides malloc, and a peer whose
 * malloc comes from the wrong library fails the run.
 * Processes run workload by workload, every allocator in turn, so that
 * the figures compared in one row were taken seconds, not minutes, apart.
 * SLUB runs as two columns per interface: the cpu slab of 3.18, and the
 * same binary with SLUB_SHEAVES set (sheaves for every cache). The builds
 * with the counters compiled in, and with counters and events compiled in,
 * run their 64-byte LIFO test next to the benchmark build's in every
 * round, for both designs, after it in even rounds and before it in odd
 * ones. results.md ends its summary with the performance goals, each a
 * ratio against a peer measured in the same run, met or missed.
 */
#include <errno.h>
#include <gnu/libc-version.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/*
 * The sheaf capacity of the sheaves columns: the capacity today's kernel
 * gives most small caches (its default for kmalloc caches is 32 too, in
 * the version this book follows).
 */
#define SHEAVES_ENV	"SLUB_SHEAVES=32"

enum {
	V_SLUB, V_SLUB_SH, V_KMALLOC, V_KMALLOC_SH, V_GLIBC, V_JEMALLOC,
	V_MIMALLOC, V_TCMALLOC, V_IDEAL,
	V_SLUB_STATS, V_SLUB_STATS_SH, V_SLUB_EV, V_SLUB_EV_SH, NR_VARIANTS
};

#define FIRST_PEER	V_GLIBC
#define LAST_PEER	V_TCMALLOC
#define NR_COLUMNS	V_SLUB_STATS	/* the builds after it have no column */

static const struct variant {
	const char *bin;	/* bench-BIN */
	const char *label;	/* table column */
	const char *lib;	/* expected in the path of malloc, or NULL */
	const char *pkg;	/* Debian package, for its version */
	const char *env;	/* environment for the child, or NULL */
} variants[NR_VARIANTS] = {
	[V_SLUB] = { "slub", "SLUB kmem_cache", NULL, NULL, NULL },
	[V_SLUB_SH] = { "slub", "SLUB kmem_cache, sheaves", NULL, NULL,
			SHEAVES_ENV },
	[V_KMALLOC] = { "kmalloc", "SLUB kmalloc", NULL, NULL, NULL },
	[V_KMALLOC_SH] = { "kmalloc", "SLUB kmalloc, sheaves", NULL, NULL,
			   SHEAVES_ENV },
	[V_GLIBC] = { "glibc", "glibc", "/libc.so", "libc6", NULL },
	[V_JEMALLOC] = { "jemalloc", "jemalloc", "/libjemalloc.so",
			 "libjemalloc2", NULL },
	[V_MIMALLOC] = { "mimalloc", "mimalloc", "/libmimalloc.so",
			 "libmimalloc2.0", NULL },
	[V_TCMALLOC] = { "tcmalloc", "tcmalloc", "/libtcmalloc_minimal.so",
			 "libtcmalloc-minimal4", NULL },
	[V_IDEAL] = { "ideal", "ideal freelist", NULL, NULL, NULL },
	[V_SLUB_STATS] = { "slub-stats", "counters in", NULL, NULL, NULL },
	[V_SLUB_STATS_SH] = { "slub-stats", "counters in, sheaves", NULL,
			      NULL, SHEAVES_ENV },
	[V_SLUB_EV] = { "slub-ev", "counters and events in", NULL, NULL,
			NULL },
	[V_SLUB_EV_SH] = { "slub-ev", "counters and events in, sheaves",
			   NULL, NULL, SHEAVES_ENV },
};

/* Variants whose 64-byte LIFO test runs next to the benchmark build's. */
static const int beside[][2] = {
	{ V_SLUB, V_SLUB_STATS }, { V_SLUB, V_SLUB_EV },
	{ V_SLUB_SH, V_SLUB_STATS_SH }, { V_SLUB_SH, V_SLUB_EV_SH },
};

#define NR_BESIDE	(int)(sizeof(beside) / sizeof(beside[0]))

static bool is_slub(int v)
{
	return v == V_SLUB || v == V_SLUB_SH || v == V_KMALLOC ||
	       v == V_KMALLOC_SH || v >= V_SLUB_STATS;
}

/* The figures, in table order. */
enum {
	K_LIFO64, K_LIFO256, K_LIFO1024, K_BATCH_FIFO, K_BATCH_RAND,
	K_REMOTE, K_REMOTE_FLOOR, K_REMOTE_ABOVE, K_MIXED, K_MEM,
	K_BATCH_FIFO_ALLOC, K_BATCH_FIFO_FREE, K_BATCH_RAND_ALLOC,
	K_BATCH_RAND_FREE, K_REMOTE_OBJECT, NR_KEYS
};

#define NR_MAIN_KEYS	K_BATCH_FIFO_ALLOC

static const struct key {
	const char *key;	/* as the child prints it */
	const char *label;
	const char *plot;	/* short label on the chart, or NULL */
} keys[NR_KEYS] = {
	[K_LIFO64] = { "lifo64", "1. LIFO alloc+free pair, 64 B",
		       "LIFO 64" },
	[K_LIFO256] = { "lifo256", "1. LIFO alloc+free pair, 256 B",
			"LIFO 256" },
	[K_LIFO1024] = { "lifo1024", "1. LIFO alloc+free pair, 1024 B",
			 "LIFO 1024" },
	[K_BATCH_FIFO] = { "batch_fifo",
			   "2. 1M x 64 B, alloc then free in order, per object",
			   "batch FIFO" },
	[K_BATCH_RAND] = { "batch_rand",
			   "2. 1M x 64 B, alloc then free in random order, per object",
			   "batch random" },
	[K_REMOTE] = { "remote", "3. remote free through a ring, per object",
		       NULL },
	[K_REMOTE_FLOOR] = { "remote_floor",
			     "3. the ring alone, same process (floor)", NULL },
	[K_REMOTE_ABOVE] = { "remote_above",
			     "3. remote free, above the ring floor",
			     "remote - ring" },
	[K_MIXED] = { "mixed", "4. kmalloc mixed sizes, free+alloc per op",
		      "mixed sizes" },
	[K_MEM] = { "mem", "5. RSS / requested, 1M x 64 B live (ratio)",
		    NULL },
	[K_BATCH_FIFO_ALLOC] = { "batch_fifo_alloc", "FIFO series: alloc",
				 NULL },
	[K_BATCH_FIFO_FREE] = { "batch_fifo_free", "FIFO series: free",
				NULL },
	[K_BATCH_RAND_ALLOC] = { "batch_rand_alloc", "random series: alloc",
				 NULL },
	[K_BATCH_RAND_FREE] = { "batch_rand_free", "random series: free",
				NULL },
	[K_REMOTE_OBJECT] = { "remote_object",
			      "remote: ring + each object's cache line crossing "
			      "(no allocator)", NULL },
};

static const char *const workloads[] = { "mem", "lifo", "batch", "remote",
					 "mixed" };

#define MAX_ROUNDS	16

struct fig {
	bool have;
	double med, min, max;	/* over rounds: median of medians; extremes */
	int reps;		/* timed repetitions per process */
	int n;			/* processes that reported it */
	double meds[MAX_ROUNDS];
};

#define STAT_ATTRS	8
static const char *const stat_attrs[STAT_ATTRS] = {
	"alloc_fastpath", "alloc_slowpath", "free_fastpath", "free_slowpath",
	"sheaf_refill", "sheaf_flush", "barn_get", "barn_put",
};

#define MAX_STAT_KEYS	8
struct stat_row {
	char key[64];
	bool have[STAT_ATTRS];
	unsigned long v[STAT_ATTRS];
};

static struct fig figs[NR_VARIANTS][NR_KEYS];
static long mem_kib[NR_VARIANTS][2];	/* RSS before, RSS grown (last run) */
static bool present[NR_VARIANTS];
static struct stat_row stats[NR_VARIANTS][MAX_STAT_KEYS];
static int nr_stats[NR_VARIANTS];
static char *skips[NR_VARIANTS][8];
static int nr_skips[NR_VARIANTS];

static const char *bindir, *outdir;
static char load_start[64], load_end[64];
static bool smoke;
static int reps, rounds = 5, cur_round;
static int failures;
static int stats_warned;
static FILE *raw;

static void fail(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fprintf(stderr, "bench-run: ");
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, "\n");
	va_end(ap);
	failures++;
}

static int find_key(const char *k)
{
	int i;

	for (i = 0; i < NR_KEYS; i++)
		if (!strcmp(keys[i].key, k))
			return i;
	return -1;
}

static void add_stat(int v, const char *key, const char *attr,
		     unsigned long val)
{
	struct stat_row *row = NULL;
	int s = v, i, a;

	for (a = 0; a < STAT_ATTRS; a++)
		if (!strcmp(stat_attrs[a], attr))
			break;
	if (a == STAT_ATTRS)
		return;
	for (i = 0; i < nr_stats[s]; i++)
		if (!strcmp(stats[s][i].key, key))
			row = &stats[s][i];
	if (!row) {
		if (nr_stats[s] == MAX_STAT_KEYS)
			return;
		row = &stats[s][nr_stats[s]++];
		snprintf(row->key, sizeof(row->key), "%s", key);
	}
	row->have[a] = true;
	row->v[a] = val;
}

static double median_of(const double *x, int n)
{
	double s[MAX_ROUNDS];
	int i, j;

	memcpy(s, x, n * sizeof(*s));
	for (i = 1; i < n; i++)	/* a handful of values: insertion sort */
		for (j = i; j > 0 && s[j - 1] > s[j]; j--) {
			double t = s[j];

			s[j] = s[j - 1];
			s[j - 1] = t;
		}
	return n & 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

static void add_fig(struct fig *f, double med, double min, double max, int n)
{
	if (f->n == MAX_ROUNDS)
		return;
	if (!f->have || min < f->min)
		f->min = min;
	if (!f->have || max > f->max)
		f->max = max;
	f->have = true;
	f->reps = n;
	f->meds[f->n++] = med;
	f->med = median_of(f->meds, f->n);
}

static void loadavg(char *buf, size_t len)
{
	FILE *f = fopen("/proc/loadavg", "r");
	double a = 0, b = 0, c = 0;

	if (f && fscanf(f, "%lf %lf %lf", &a, &b, &c) == 3)
		snprintf(buf, len, "%.2f %.2f %.2f", a, b, c);
	else
		snprintf(buf, len, "unknown");
	if (f)
		fclose(f);
}

static double mono(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* Run bench-BIN on one workload and fold its report into figs[v]. */
static void run_child(int v, const char *workload)
{
	char cmd[1024], line[512], path[512];
	double t0 = mono();
	FILE *p;
	int st;

	snprintf(path, sizeof(path), "%s/bench-%s", bindir, variants[v].bin);
	snprintf(cmd, sizeof(cmd), "exec env %s '%s'%s -r %d %s",
		 variants[v].env ? variants[v].env : "SLUB_SHEAVES=0", path,
		 smoke ? " -s" : "", reps ? reps : smoke ? 2 : 3, workload);
	fprintf(stderr, "bench: round %d/%d %-6s %-10s %s ", cur_round + 1,
		rounds, workload, variants[v].bin,
		variants[v].env ? variants[v].env : "");
	p = popen(cmd, "r");
	if (!p) {
		fail("cannot run %s", cmd);
		return;
	}
	fprintf(raw, "$ %s\n", cmd);
	while (fgets(line, sizeof(line), p)) {
		char k[64], a[64], s1[400];
		double med, min, max;
		unsigned long u;
		int n, i;

		fputs(line, raw);
		if (sscanf(line, "result %63s %lf %lf %lf %d", k, &med, &min,
			   &max, &n) == 5) {
			i = find_key(k);
			if (i < 0)
				continue;
			add_fig(&figs[v][i], med, min, max, n);
		} else if (sscanf(line, "info %63s %lu", k, &u) == 2) {
			if (!strcmp(k, "mem_before_kib"))
				mem_kib[v][0] = u;
			else if (!strcmp(k, "mem_grown_kib"))
				mem_kib[v][1] = u;
		} else if (sscanf(line, "stat %63s %63s %lu", k, a, &u) == 3) {
			/* the benchmark build has no CONFIG_SLUB_STATS */
			if (v < V_SLUB_STATS && !stats_warned++)
				fail("%s: counter %s in a build without "
				     "counters", variants[v].bin, a);
			if (is_slub(v))
				add_stat(v, k, a, u);
		} else if (sscanf(line, "malloc %399s", s1) == 1) {
			if (variants[v].lib && !strstr(s1, variants[v].lib))
				fail("%s: malloc comes from %s, not %s",
				     variants[v].bin, s1, variants[v].lib);
		} else if (sscanf(line, "skip %63s %399[^\n]", k, s1) == 2) {
			if (!cur_round && nr_skips[v] < 8) {
				char *m = malloc(strlen(k) + strlen(s1) + 3);

				if (m)
					sprintf(m, "%s: %s", k, s1);
				skips[v][nr_skips[v]++] = m;
			}
		}
	}
	st = pclose(p);
	fprintf(stderr, "%5.1f s\n", mono() - t0);
	if (st == -1)
		fail("%s: %s", cmd, strerror(errno));
	else if (WIFSIGNALED(st))
		fail("%s killed by signal %d (%s)", cmd, WTERMSIG(st),
		     strsignal(WTERMSIG(st)));
	else if (WEXITSTATUS(st))
		fail("%s exited with status %d", cmd, WEXITSTATUS(st));
}

/* The builds that run their 64-byte LIFO test next to variant v's. */
static void run_beside(int v)
{
	int i;

	for (i = 0; i < NR_BESIDE; i++)
		if (beside[i][0] == v && present[beside[i][1]])
			run_child(beside[i][1], "lifo64");
}

/* ------------------------------------------------------------ report */
static const struct fig *get(int v, int k)
{
	return figs[v][k].have ? &figs[v][k] : NULL;
}

static int fastest_peer(int k)
{
	int v, best = -1;

	for (v = FIRST_PEER; v <= LAST_PEER; v++)
		if (get(v, k) &&
		    (best < 0 || figs[v][k].med < figs[best][k].med))
			best = v;
	return best;
}

static void print_value(FILE *f, int k, const struct fig *x)
{
	if (!x)
		fprintf(f, " - |");
	else if (k == K_MEM)
		fprintf(f, " %.3f |", x->med);
	else
		fprintf(f, " %.*f |", x->med < 10 ? 2 : 1, x->med);
}

static void print_ratio(FILE *f, const struct fig *a, const struct fig *b)
{
	if (a && b && b->med > 0)
		fprintf(f, " %.2fx |", a->med / b->med);
	else
		fprintf(f, " - |");
}

static void md_header(FILE *f)
{
	char host[256] = "", cpu[256] = "unknown", line[512];
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	bool busy = atof(load_start) > 0.5 * ncpu ||
		    atof(load_end) > 0.5 * ncpu + 1;
	struct utsname u;
	time_t t = time(NULL);
	FILE *c;
	int v;

	c = fopen("/proc/cpuinfo", "r");
	while (c && fgets(line, sizeof(line), c)) {
		char *colon = strchr(line, ':');

		if (!strncmp(line, "model name", 10) && colon) {
			snprintf(cpu, sizeof(cpu), "%s", colon + 2);
			cpu[strcspn(cpu, "\n")] = 0;
			break;
		}
	}
	if (c)
		fclose(c);
	uname(&u);
	gethostname(host, sizeof(host) - 1);
	strftime(line, sizeof(line), "%Y-%m-%d %H:%M UTC", gmtime(&t));

	fprintf(f, "# SLUB benchmark%s\n\n", smoke ?
		" (SMOKE RUN: tiny counts, the figures mean nothing)" : "");
	fprintf(f, "%s; %s, %ld CPUs; Linux %s; glibc %s; gcc %s.\n",
		line, cpu, ncpu, u.release,
		gnu_get_libc_version(), __VERSION__);
	fprintf(f, "Peers (Debian packages, linked in, one process each):");
	for (v = FIRST_PEER; v <= LAST_PEER; v++) {
		char cmd[256], ver[64] = "?";
		FILE *p;

		snprintf(cmd, sizeof(cmd),
			 "dpkg-query -W -f='${Version}' %s 2>/dev/null",
			 variants[v].pkg);
		p = popen(cmd, "r");
		if (p) {
			if (!fgets(ver, sizeof(ver), p))
				snprintf(ver, sizeof(ver), "?");
			pclose(p);
		}
		fprintf(f, " %s %s%s", variants[v].label, ver,
			v == LAST_PEER ? ".\n" : ",");
	}
	fprintf(f, "SLUB: generated/slub.c at -O2 -DNDEBUG -DSLUB_NO_EVENTS "
		"-DSLUB_NO_STATS (no teaching events, no CONFIG_SLUB_STATS "
		"counters), real-thread mode; the sheaves columns run the "
		"same binaries with %s, for every cache.\n", SHEAVES_ENV);
	fprintf(f, "Load average (1, 5, 15 min) at the start: %s; at the "
		"end: %s.%s\n", load_start, load_end,
		busy ? " **Other work was running: the figures are noisy; "
		"run again on a quiet machine.**" : "");
	fprintf(f, "Each figure: every allocator runs each workload in a "
		"fresh process, %d round%s interleaved; a process times %d "
		"repetitions after an untimed warm-up and reports their median; "
		"the figure is the median of those medians. ns per operation "
		"unless marked.\n\n", rounds, rounds == 1 ? "" : "s",
		reps ? reps : smoke ? 2 : 3);
}

static void md_main(FILE *f)
{
	int v, k;

	fprintf(f, "## ns per operation\n\n| workload |");
	for (v = 0; v < NR_COLUMNS; v++)
		fprintf(f, " %s |", variants[v].label);
	fprintf(f, "\n|---|");
	for (v = 0; v < NR_COLUMNS; v++)
		fprintf(f, "---:|");
	fprintf(f, "\n");
	for (k = 0; k < NR_MAIN_KEYS; k++) {
		fprintf(f, "| %s |", keys[k].label);
		for (v = 0; v < NR_COLUMNS; v++)
			print_value(f, k, get(v, k));
		fprintf(f, "\n");
	}
	fprintf(f, "\n");
}

static void md_ratios(FILE *f)
{
	static const int subj[] = { V_SLUB, V_SLUB_SH, V_KMALLOC,
				    V_KMALLOC_SH };
	int k, i, v, best;

	fprintf(f, "## SLUB / peer (below 1 means SLUB is faster or "
		"smaller)\n\n| workload | SLUB interface |");
	for (v = FIRST_PEER; v <= LAST_PEER; v++)
		fprintf(f, " / %s |", variants[v].label);
	fprintf(f, " / fastest peer | / ideal freelist |\n|---|---|");
	for (v = FIRST_PEER; v <= LAST_PEER + 2; v++)
		fprintf(f, "---:|");
	fprintf(f, "\n");
	for (k = 0; k < NR_MAIN_KEYS; k++) {
		if (k == K_REMOTE_FLOOR)
			continue;
		for (i = 0; i < 4; i++) {
			const struct fig *s = get(subj[i], k);

			if (!s)
				continue;
			fprintf(f, "| %s | %s |", keys[k].label,
				variants[subj[i]].label + 5);
			for (v = FIRST_PEER; v <= LAST_PEER; v++)
				print_ratio(f, s, get(v, k));
			best = fastest_peer(k);
			if (best >= 0)
				fprintf(f, " %.2fx (%s) |",
					s->med / figs[best][k].med,
					variants[best].label);
			else
				fprintf(f, " - |");
			print_ratio(f, s, get(V_IDEAL, k));
			fprintf(f, "\n");
		}
	}
	fprintf(f, "\n");
}

static void md_hooks_row(FILE *f, const char *what, int v, int vsh)
{
	const struct fig *a = get(v, K_LIFO64), *b = get(vsh, K_LIFO64);

	fprintf(f, "| %s |", what);
	if (a)
		fprintf(f, " %.2f (%.2f .. %.2f) |", a->med, a->min, a->max);
	else
		fprintf(f, " - |");
	if (b)
		fprintf(f, " %.2f (%.2f .. %.2f) |\n", b->med, b->min, b->max);
	else
		fprintf(f, " - |\n");
}

static void md_hooks_diff(FILE *f, const char *what, int base, int v)
{
	const struct fig *a = get(base, K_LIFO64), *b = get(v, K_LIFO64);

	if (a && b)
		fprintf(f, "- %s, %s: %+.2f ns per pair (%+.1f%%).\n", what,
			variants[v].env ? "sheaves" : "3.18 cpu slab",
			b->med - a->med, 100 * (b->med - a->med) / a->med);
}

static void md_events(FILE *f)
{
	fprintf(f, "## What the counters and the teaching events cost\n\n"
		"The same SLUB source built three times; in each round the "
		"other builds run their 64-byte kmem_cache LIFO test next to "
		"the benchmark build's, in alternating order. ns per pair, "
		"median (min .. max).\n\n"
		"| build | 3.18 cpu slab | sheaves |\n|---|---:|---:|\n");
	md_hooks_row(f, "-DSLUB_NO_EVENTS -DSLUB_NO_STATS (the benchmark "
		     "build: no CONFIG_SLUB_STATS, as production kernels)",
		     V_SLUB, V_SLUB_SH);
	md_hooks_row(f, "-DSLUB_NO_EVENTS (counters in: CONFIG_SLUB_STATS)",
		     V_SLUB_STATS, V_SLUB_STATS_SH);
	md_hooks_row(f, "counters and events in, no observer attached "
		     "(the teaching build)", V_SLUB_EV, V_SLUB_EV_SH);
	fprintf(f, "\n");
	md_hooks_diff(f, "counters", V_SLUB, V_SLUB_STATS);
	md_hooks_diff(f, "counters", V_SLUB_SH, V_SLUB_STATS_SH);
	md_hooks_diff(f, "events on top of the counters", V_SLUB_STATS,
		      V_SLUB_EV);
	md_hooks_diff(f, "events on top of the counters", V_SLUB_STATS_SH,
		      V_SLUB_EV_SH);
	fprintf(f, "\n");
}

static int goals_met, goals_missed;

static void goal(FILE *f, const char *what, const struct fig *a,
		 const struct fig *b, double factor, const char *of)
{
	bool met;

	if (!a || !b || b->med <= 0) {
		fprintf(f, "| %s | - | - | not measured |\n", what);
		return;
	}
	met = a->med <= b->med * factor;
	met ? goals_met++ : goals_missed++;
	fprintf(f, "| %s | %.3f / %.3f (%s) | %.2fx | %s |\n", what,
		a->med, b->med, of, a->med / b->med,
		met ? "met" : "**missed**");
}

static void goal_peer(FILE *f, const char *what, int v, int k, double factor)
{
	int best = fastest_peer(k);

	goal(f, what, get(v, k), best >= 0 ? get(best, k) : NULL, factor,
	     best >= 0 ? variants[best].label : "-");
}

static void md_goals(FILE *f)
{
	static const struct fig one = { .have = true, .med = 1.0 };

	fprintf(f, "## Performance goals, from this run%s\n\n"
		"| goal | SLUB / reference | ratio | |\n"
		"|---|---|---:|---|\n",
		smoke ? " (smoke: meaningless)" : "");
	goal_peer(f, "sheaves: LIFO pair 64 B <= 1.0x the fastest peer",
		  V_SLUB_SH, K_LIFO64, 1.0);
	goal(f, "sheaves: LIFO pair 64 B <= 1.5x the ideal freelist",
	     get(V_SLUB_SH, K_LIFO64), get(V_IDEAL, K_LIFO64), 1.5,
	     "ideal");
	goal(f, "sheaves: 1M random-order free <= 1.0x mimalloc",
	     get(V_SLUB_SH, K_BATCH_RAND_FREE),
	     get(V_MIMALLOC, K_BATCH_RAND_FREE), 1.0, "mimalloc");
	goal(f, "sheaves: 1M in-order free <= 1.5x mimalloc",
	     get(V_SLUB_SH, K_BATCH_FIFO_FREE),
	     get(V_MIMALLOC, K_BATCH_FIFO_FREE), 1.5, "mimalloc");
	goal_peer(f, "sheaves: kmalloc mixed sizes <= 1.2x the fastest peer",
		  V_KMALLOC_SH, K_MIXED, 1.2);
	goal_peer(f, "sheaves: remote free above the ring <= 0.5x the "
		  "fastest peer", V_SLUB_SH, K_REMOTE_ABOVE, 0.5);
	goal(f, "sheaves: RSS / requested <= 1.03", get(V_SLUB_SH, K_MEM),
	     &one, 1.03, "bound");
	goal_peer(f, "3.18 cpu slab, counters out: LIFO pair 64 B <= 1.0x "
		  "the fastest peer", V_SLUB, K_LIFO64, 1.0);
	fprintf(f, "\n%d goal%s met, %d missed. The ratio is SLUB's figure "
		"over the reference's; a goal is met when it is at most the "
		"goal's factor.\n\n", goals_met, goals_met == 1 ? "" : "s",
		goals_missed);
}

static void md_details(FILE *f)
{
	long req = (smoke ? 10000 : 1000000) * 64 / 1024;
	int v, k, s, a;

	fprintf(f, "## Details\n\n### The batch test by phase, and a second remote floor, ns per "
		"object\n\n| phase |");
	for (v = 0; v < NR_COLUMNS; v++)
		fprintf(f, " %s |", variants[v].label);
	fprintf(f, "\n|---|");
	for (v = 0; v < NR_COLUMNS; v++)
		fprintf(f, "---:|");
	fprintf(f, "\n");
	for (k = K_BATCH_FIFO_ALLOC; k < NR_KEYS; k++) {
		fprintf(f, "| %s |", keys[k].label);
		for (v = 0; v < NR_COLUMNS; v++)
			print_value(f, k, get(v, k));
		fprintf(f, "\n");
	}

	fprintf(f, "\n### Spread: min .. max of the repetitions\n\n"
		"| workload |");
	for (v = 0; v < NR_COLUMNS; v++)
		fprintf(f, " %s |", variants[v].label);
	fprintf(f, "\n|---|");
	for (v = 0; v < NR_COLUMNS; v++)
		fprintf(f, "---:|");
	fprintf(f, "\n");
	for (k = 0; k < NR_MAIN_KEYS; k++) {
		if (k == K_MEM)
			continue;
		fprintf(f, "| %s |", keys[k].label);
		for (v = 0; v < NR_COLUMNS; v++) {
			const struct fig *x = get(v, k);

			if (x)
				fprintf(f, " %.1f .. %.1f |", x->min, x->max);
			else
				fprintf(f, " - |");
		}
		fprintf(f, "\n");
	}

	fprintf(f, "\n### The memory test in KiB\n\nResident memory of "
		"each fresh process after its setup (for SLUB: slub_init, "
		"with the struct page array of its arena, 64 bytes per 4 KiB "
		"page as in the kernel's mem_map, as far as it is touched, "
		"and the cache; the arena itself is only reserved) and what "
		"the live objects added: they asked for %ld KiB. The ratio "
		"counts the growth only; the last column also counts a "
		"setup larger than glibc's.\n\n"
		"| | RSS after setup | grown | ratio with the extra setup |\n"
		"|---|---:|---:|---:|\n", req);
	for (v = 0; v < NR_COLUMNS; v++) {
		long extra = mem_kib[v][0] - mem_kib[V_GLIBC][0];

		if (!get(v, K_MEM))
			continue;
		fprintf(f, "| %s | %ld | %ld |", variants[v].label,
			mem_kib[v][0], mem_kib[v][1]);
		if (get(V_GLIBC, K_MEM))
			fprintf(f, " %.3f |\n", (double)(mem_kib[v][1] +
				(extra > 0 ? extra : 0)) / req);
		else
			fprintf(f, " - |\n");
	}

	for (s = 0; s < NR_VARIANTS; s++) {
		if (!nr_stats[s])
			continue;
		fprintf(f, "\n### SLUB counters, %s, %s "
			"(cumulative after each test)\n\n| after |",
			variants[s].bin, variants[s].label);
		for (a = 0; a < STAT_ATTRS; a++)
			fprintf(f, " %s |", stat_attrs[a]);
		fprintf(f, "\n|---|");
		for (a = 0; a < STAT_ATTRS; a++)
			fprintf(f, "---:|");
		fprintf(f, "\n");
		for (k = 0; k < nr_stats[s]; k++) {
			fprintf(f, "| %s |", stats[s][k].key);
			for (a = 0; a < STAT_ATTRS; a++)
				if (stats[s][k].have[a])
					fprintf(f, " %lu |", stats[s][k].v[a]);
				else
					fprintf(f, " - |");
			fprintf(f, "\n");
		}
	}

	fprintf(f, "\n### Not measured\n\n");
	for (v = 0; v < NR_COLUMNS; v++) {
		if (!present[v]) {
			fprintf(f, "- %s: no binary (build/bench/bench-%s)\n",
				variants[v].label, variants[v].bin);
			continue;
		}
		for (k = 0; k < nr_skips[v]; k++)
			if (skips[v][k])
				fprintf(f, "- %s, %s\n", variants[v].label,
					skips[v][k]);
	}
	fprintf(f, "\nThe remote test pins producer and consumer to CPUs 0 "
		"and 1 and alternates the ring-only floor with the real run; "
		"the machine's cross-CPU handoff can change speed for minutes "
		"at a time, so compare remote figures only within one run.\n");
}

/* ------------------------------------------------------------ chart */
/* One clause per allocator with figures in the block: no empty columns. */
static const char *plot_clauses(char *buf, size_t len, int block)
{
	size_t n = 0;
	int v, k;

	buf[0] = 0;
	for (v = 0; v < NR_COLUMNS; v++) {
		bool any = false;

		for (k = 0; k < NR_MAIN_KEYS; k++)
			if ((block ? k == K_MEM : keys[k].plot != NULL) &&
			    get(v, k))
				any = true;
		if (!any || n >= len)
			continue;
		n += snprintf(buf + n, len - n,
			      "%s'%s/results.dat' index %d using %d%s "
			      "title columnheader(%d) lc %d",
			      n ? ", " : "", outdir, block, v + 2,
			      n ? "" : ":xtic(1)", v + 2, v + 1);
	}
	if (!n)
		snprintf(buf, len, "NaN notitle");
	return buf;
}

/* Each data block starts with the column titles, for columnheader(). */
static void write_dat_header(FILE *d)
{
	int v;

	fprintf(d, "workload");
	for (v = 0; v < NR_COLUMNS; v++)
		fprintf(d, " \"%s\"", variants[v].label);
	fprintf(d, "\n");
}

static void write_chart(void)
{
	char path[512], cmd[600], plot0[2048], plot1[2048];
	double ymax = 1.1;
	FILE *d, *g;
	int v, k;

	for (v = 0; v < NR_COLUMNS; v++)
		if (get(v, K_MEM) && figs[v][K_MEM].med > ymax)
			ymax = figs[v][K_MEM].med;

	snprintf(path, sizeof(path), "%s/results.dat", outdir);
	d = fopen(path, "w");
	if (!d) {
		fail("%s: %s", path, strerror(errno));
		return;
	}
	write_dat_header(d);
	for (k = 0; k < NR_MAIN_KEYS; k++) {
		if (!keys[k].plot)
			continue;
		fprintf(d, "\"%s\"", keys[k].plot);
		for (v = 0; v < NR_COLUMNS; v++)
			if (get(v, k) && figs[v][k].med > 0)
				fprintf(d, " %.4f", figs[v][k].med);
			else
				fprintf(d, " -");
		fprintf(d, "\n");
	}
	fprintf(d, "\n\n");
	write_dat_header(d);
	fprintf(d, "\"RSS/requested\"");
	for (v = 0; v < NR_COLUMNS; v++)
		if (get(v, K_MEM))
			fprintf(d, " %.4f", figs[v][K_MEM].med);
		else
			fprintf(d, " -");
	fprintf(d, "\n");
	fclose(d);

	snprintf(path, sizeof(path), "%s/results.gp", outdir);
	g = fopen(path, "w");
	if (!g) {
		fail("%s: %s", path, strerror(errno));
		return;
	}
	fprintf(g,
		"set terminal pngcairo noenhanced size 1400,560 font 'sans,10'\n"
		"set output '%s/results.png'\n"
		"set datafile missing '-'\n"
		"set style data histograms\n"
		"set style histogram clustered gap 1\n"
		"set style fill solid 0.85 border -1\n"
		"set boxwidth 0.9\n"
		"set grid ytics\n"
		"set key top left\n"
		"set multiplot layout 1,2 title 'SLUB vs peers%s'\n"
		"set size 0.78,0.94; set origin 0,0\n"
		"set logscale y\n"
		"set ylabel 'ns per operation (log scale; lower is better)'\n"
		"plot %s\n"
		"unset logscale y\n"
		"set size 0.22,0.94; set origin 0.78,0\n"
		"set ylabel 'RSS / bytes requested'\n"
		"set yrange [0.9:%.3f]\n"
		"set key off\n"
		"plot %s\n"
		"unset multiplot\n",
		outdir, smoke ? " (smoke run: meaningless)" : "",
		plot_clauses(plot0, sizeof(plot0), 0), ymax * 1.05,
		plot_clauses(plot1, sizeof(plot1), 1));
	fclose(g);
	snprintf(cmd, sizeof(cmd), "gnuplot '%s/results.gp'", outdir);
	if (system("command -v gnuplot >/dev/null 2>&1")) {
		fprintf(stderr, "bench-run: no gnuplot, no chart\n");
		return;
	}
	if (system(cmd))
		fail("gnuplot failed on %s/results.gp", outdir);
}

/* ------------------------------------------------------------ main */
int main(int argc, char **argv)
{
	int opt, v, w;
	char path[512];
	FILE *md, *in;

	while ((opt = getopt(argc, argv, "sr:k:d:o:")) != -1) {
		switch (opt) {
		case 's':
			smoke = true;
			break;
		case 'r':
			reps = atoi(optarg);
			break;
		case 'k':
			rounds = atoi(optarg);
			break;
		case 'd':
			bindir = optarg;
			break;
		case 'o':
			outdir = optarg;
			break;
		default:
			goto usage;
		}
	}
	if (!bindir || !outdir || optind != argc)
		goto usage;
	if (smoke)
		rounds = 1;
	if (rounds < 1 || rounds > MAX_ROUNDS)
		rounds = 5;
	mkdir(outdir, 0777);
	snprintf(path, sizeof(path), "%s/raw.txt", outdir);
	raw = fopen(path, "w");
	if (!raw) {
		perror(path);
		return 1;
	}

	for (v = 0; v < NR_VARIANTS; v++) {
		snprintf(path, sizeof(path), "%s/bench-%s", bindir,
			 variants[v].bin);
		present[v] = access(path, X_OK) == 0;
		if (!present[v])
			fprintf(stderr, "bench-run: no %s: %s not measured\n",
				path, variants[v].label);
	}
	loadavg(load_start, sizeof(load_start));
	for (cur_round = 0; cur_round < rounds; cur_round++) {
		for (w = 0; w < (int)(sizeof(workloads) / sizeof(*workloads));
		     w++) {
			for (v = 0; v < NR_COLUMNS; v++) {
				bool lifo = !strcmp(workloads[w], "lifo");

				/* ABBA: neither build always goes first */
				if (lifo && cur_round % 2)
					run_beside(v);
				if (present[v])
					run_child(v, workloads[w]);
				if (lifo && !(cur_round % 2))
					run_beside(v);
			}
		}
	}
	loadavg(load_end, sizeof(load_end));
	fclose(raw);
	for (v = V_SLUB_STATS; v < NR_VARIANTS; v++)
		if (present[v] && !nr_stats[v])
			fail("%s (%s): no counters in a build with counters",
			     variants[v].bin, variants[v].label);

	snprintf(path, sizeof(path), "%s/results.md", outdir);
	md = fopen(path, "w");
	if (!md) {
		perror(path);
		return 1;
	}
	md_header(md);
	md_main(md);
	md_ratios(md);
	if (present[V_SLUB] && (present[V_SLUB_EV] || present[V_SLUB_STATS]))
		md_events(md);
	md_goals(md);
	md_details(md);
	fclose(md);
	write_chart();

	in = fopen(path, "r");
	if (in) {
		char line[1024];

		printf("\n");
		while (fgets(line, sizeof(line), in))
			fputs(line, stdout);
		fclose(in);
	}
	printf("\nWritten: %s/results.md, %s/results.png (raw output in "
	       "%s/raw.txt)\n", outdir, outdir, outdir);
	fflush(stdout);
	if (failures)
		fprintf(stderr, "bench-run: %d failure%s\n", failures,
			failures == 1 ? "" : "s");
	return failures ? 1 : 0;

usage:
	fprintf(stderr, "usage: %s [-s] [-r REPS] [-k ROUNDS] -d BINDIR "
		"-o OUTDIR\n", argv[0]);
	return 2;
}
