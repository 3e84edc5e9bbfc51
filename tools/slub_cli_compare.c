// SPDX-License-Identifier: GPL-2.0-only
/*
 * slub compare: run one scenario twice, first on the 3.18 cpu slab, then
 * with per-CPU sheaves and per-node barns in every cache, and print what
 * each design did side by side: every cache's stat counters and lists
 * (cpu slab and cpu partial list, node partial and full lists, the CPUs'
 * main and spare sheaves, the barns), at the end or after every step.
 * The two runs are ordinary scenario runs (scn_set_design); an expect
 * marked for one design is checked only in that one.
 */
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "slub.h"
#include "scenario.h"
#include "slub_cli_compare.h"

#define CMP_VAL 24

static const char compare_usage[] =
"usage: slub compare [OPTIONS] SCENARIO\n"
"\n"
"Run the scenario in both designs, the 3.18 cpu slab and today's per-CPU\n"
"sheaves with per-node barns, and print for every cache the non-zero\n"
"stat counters and the lists side by side: 'cpuN slab' (the cpu slab's\n"
"free objects, '-': none), 'cpuN partial' (slabs on the cpu partial\n"
"list), 'cpuN sheaves' (objects in the main/spare sheaf), 'nodeN\n"
"partial', 'nodeN full' (slabs), 'nodeN barn' (full/empty sheaves)\n"
"and 'sheaf NAME' (a prefilled sheaf the scenario holds: size/capacity).\n"
"A scenario that names a sheaf capacity (config sheaves N) keeps it.\n"
"\n"
"Options:\n"
"      --sheaves N     sheaf capacity of the sheaves run (1..1024,\n"
"                      default 32)\n"
"      --steps         print after every step the rows that the step\n"
"                      changed in either design (default: the end only)\n"
"  -h, --help          this text\n"
"\n"
"Exit status: 0 both runs succeeded and every expect held, 1 an expect\n"
"failed, 2 a usage error or an error in the scenario.\n";

/* One table: a value per key (keys are shared by both designs). */
struct cmp_tab {
	char (*val)[CMP_VAL];
	int n;
};

struct cmp {
	char **keys;
	int nkeys;
	int nsteps;
	struct cmp_tab *tab[2];	/* [design][after step i], i = 0..nsteps */
	int failures[2];
	unsigned int sheaves;	/* asked for: --sheaves */
	unsigned int used;	/* the sheaves run's capacity */
};

static int key_index(struct cmp *c, const char *key)
{
	int i;

	for (i = c->nkeys - 1; i >= 0; i--)
		if (!strcmp(c->keys[i], key))
			return i;
	c->keys = realloc(c->keys, (size_t)(c->nkeys + 1) * sizeof(*c->keys));
	if (!c->keys || !(c->keys[c->nkeys] = strdup(key))) {
		fprintf(stderr, "slub compare: out of memory\n");
		exit(2);
	}
	return c->nkeys++;
}

static void put(struct cmp *c, struct cmp_tab *t, const char *cache,
		const char *row, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

static void put(struct cmp *c, struct cmp_tab *t, const char *cache,
		const char *row, const char *fmt, ...)
{
	char key[256];
	va_list ap;
	int k;

	snprintf(key, sizeof(key), "%s\t%s", cache, row);
	k = key_index(c, key);
	if (k >= t->n) {
		t->val = realloc(t->val, (size_t)(k + 1) * sizeof(*t->val));
		if (!t->val) {
			fprintf(stderr, "slub compare: out of memory\n");
			exit(2);
		}
		memset(t->val + t->n, 0, (size_t)(k + 1 - t->n) *
		       sizeof(*t->val));
		t->n = k + 1;
	}
	va_start(ap, fmt);
	vsnprintf(t->val[k], CMP_VAL, fmt, ap);
	va_end(ap);
}

static const char *get(const struct cmp_tab *t, int k)
{
	return k < t->n && t->val[k][0] ? t->val[k] : "0";
}

/* A row the previous step did not have yet was "-" or 0 then. */
static const char *get_before(const struct cmp_tab *t, int k,
			      const char *now)
{
	if (k < t->n && t->val[k][0])
		return t->val[k];
	return strcmp(now, "-") ? "0" : "-";
}

/* The free objects of a cpu slab: on the CPU's freelist or the slab's. */
static int cpu_free(const struct slub_snap_slab *slab)
{
	unsigned int i;
	int n = 0;

	for (i = 0; i < slab->objects; i++)
		n += slab->obj[i].state == SLUB_OBJ_CPU_FREE ||
		     slab->obj[i].state == SLUB_OBJ_PAGE_FREE;
	return n;
}

/* The lists of one cache, as rows; a held sheaf as "sheaf NAME". */
static void put_lists(struct cmp *c, struct cmp_tab *t, const char *name,
		      const struct slub_snapshot *snap,
		      const struct slub_snap_cache *sc, struct scn_run *run)
{
	char row[64];
	int i;

	for (i = 0; i < sc->nr_prefilled; i++) {
		const struct slub_snap_prefilled *p = &sc->prefilled[i];
		const char *nm = scn_run_sheaf_name(run, p->id);

		if (nm)
			snprintf(row, sizeof(row), "sheaf %.40s", nm);
		else
			snprintf(row, sizeof(row), "sheaf #%u", p->id);
		put(c, t, name, row, "%d/%u", p->size, p->capacity);
	}

	for (i = 0; i < snap->nr_cpus; i++) {
		const struct slub_snap_cpu *cpu = &sc->cpu[i];

		snprintf(row, sizeof(row), "cpu%d slab", i);
		if (cpu->slab < 0)
			put(c, t, name, row, "-");
		else
			put(c, t, name, row, "%d free",
			    cpu_free(&sc->slabs[cpu->slab]));
		snprintf(row, sizeof(row), "cpu%d partial", i);
		put(c, t, name, row, "%d", cpu->nr_partial);
		snprintf(row, sizeof(row), "cpu%d sheaves", i);
		if (!sc->sheaf_capacity)
			put(c, t, name, row, "-");
		else if (cpu->spare_size < 0)
			put(c, t, name, row, "%d/-", cpu->main_size);
		else
			put(c, t, name, row, "%d/%d", cpu->main_size,
			    cpu->spare_size);
	}
	for (i = 0; i < snap->nr_nodes; i++) {
		const struct slub_snap_node *n = &sc->node[i];

		snprintf(row, sizeof(row), "node%d partial", i);
		put(c, t, name, row, "%lu", n->nr_partial);
		snprintf(row, sizeof(row), "node%d full", i);
		put(c, t, name, row, "%d", n->nr_full);
		snprintf(row, sizeof(row), "node%d barn", i);
		if (!sc->sheaf_capacity)
			put(c, t, name, row, "-");
		else
			put(c, t, name, row, "%d/%d", n->barn_full,
			    n->barn_empty);
	}
}

/* Every row of the run's state now. */
static void collect(struct cmp *c, struct cmp_tab *t, struct scn_run *run)
{
	struct slub_snapshot *snap = slub_snapshot_take();
	struct kmem_cache *s;
	const char *name;
	int i, j;

	if (!snap) {
		fprintf(stderr, "slub compare: out of memory\n");
		exit(2);
	}
	put(c, t, "*", "pages in use", "%lu",
	    snap->pages.slab_pages + snap->pages.large_pages);
	for (i = 0; (s = scn_run_cache(run, i, &name)); i++) {
		const struct slub_snap_cache *sc =
			slub_snapshot_cache(snap, kmem_cache_name(s));

		if (!sc)
			continue;
		put(c, t, name, "slabs", "%d", sc->nr_slabs);
		for (j = 0; j < NR_SLUB_STAT_ITEMS; j++)
			if (slub_stat_name(j))
				put(c, t, name, slub_stat_name(j), "%lu",
				    sc->stat[j]);
		put_lists(c, t, name, snap, sc, run);
	}
	slub_snapshot_free(snap);
}

/* One run in one design: a table after every step (or only the last). */
static int run_design(struct cmp *c, const struct scenario *sc, int d,
		      bool steps)
{
	struct scn_error err;
	struct scn_run *run;
	char buf[1024];
	int i, r = 1;

	scn_set_design(d ? (int)c->sheaves : 0);
	run = scn_run_start(sc, NULL, NULL, &err);
	if (!run) {
		fprintf(stderr, "%s\n", scn_error_format(&err, buf,
							 sizeof(buf)));
		return -1;
	}
	scn_run_set_output(run, NULL);
	c->tab[d] = calloc((size_t)c->nsteps + 1, sizeof(*c->tab[d]));
	if (!c->tab[d]) {
		fprintf(stderr, "slub compare: out of memory\n");
		exit(2);
	}
	if (steps)
		collect(c, &c->tab[d][0], run);
	for (i = 1; r > 0 && i <= c->nsteps; i++) {
		r = scn_run_step(run, &err);
		if (steps || i == c->nsteps)
			collect(c, &c->tab[d][steps ? i : c->nsteps], run);
	}
	if (r < 0)
		fprintf(stderr, "%s (%s run)\n",
			scn_error_format(&err, buf, sizeof(buf)),
			d ? "sheaves" : "3.18");
	c->failures[d] = scn_run_expect_failures(run);
	if (d)
		c->used = scn_run_sheaves(run);
	scn_run_end(run);
	scn_set_design(SCN_DESIGN_OWN);
	return r < 0 ? -1 : 0;
}

static void print_row(const struct cmp *c, int k, int step)
{
	const char *key = c->keys[k], *tab = strchr(key, '\t');

	printf("  %-14.*s %-26s %12s %12s\n", (int)(tab - key), key, tab + 1,
	       get(&c->tab[0][step], k), get(&c->tab[1][step], k));
}

static bool row_zero(const struct cmp *c, int k, int step)
{
	return !strcmp(get(&c->tab[0][step], k), "0") &&
	       !strcmp(get(&c->tab[1][step], k), "0");
}

static bool row_changed(const struct cmp *c, int k, int step)
{
	int d;

	for (d = 0; d < 2; d++) {
		const char *now = get(&c->tab[d][step], k);

		if (strcmp(now, get_before(&c->tab[d][step - 1], k, now)))
			return true;
	}
	return false;
}

static void print_header(const struct cmp *c)
{
	char col[32];

	snprintf(col, sizeof(col), "sheaves(%u)", c->used);
	printf("  %-14s %-26s %12s %12s\n", "cache", "row", "3.18", col);
}

static void print_table(const struct cmp *c, const struct scenario *sc,
			bool steps)
{
	int i, k;

	print_header(c);
	if (!steps) {
		for (k = 0; k < c->nkeys; k++)
			if (!row_zero(c, k, c->nsteps))
				print_row(c, k, c->nsteps);
		return;
	}
	for (i = 1; i <= c->nsteps; i++) {
		bool head = false;

		for (k = 0; k < c->nkeys; k++) {
			if (!row_changed(c, k, i))
				continue;
			if (!head)
				printf("== step %d (%s:%d): %s\n", i,
				       scn_file(sc), scn_step_line(sc, i - 1),
				       scn_step_text(sc, i - 1));
			head = true;
			print_row(c, k, i);
		}
	}
}

static void free_cmp(struct cmp *c)
{
	int d, i;

	for (d = 0; d < 2; d++) {
		for (i = 0; c->tab[d] && i <= c->nsteps; i++)
			free(c->tab[d][i].val);
		free(c->tab[d]);
	}
	for (i = 0; i < c->nkeys; i++)
		free(c->keys[i]);
	free(c->keys);
}

int cmd_compare(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "sheaves", required_argument, NULL, 'S' },
		{ "steps",   no_argument,       NULL, 's' },
		{ "help",    no_argument,       NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct cmp c = { .sheaves = 32 };
	struct scenario *sc;
	struct scn_error err;
	bool steps = false;
	char buf[1024];
	int opt, n, ret = 0;

	while ((opt = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (opt) {
		case 'S':
			if (!scn_parse_design(optarg, &n) || !n) {
				fprintf(stderr, "slub compare: option "
					"'--sheaves' expects a sheaf capacity "
					"from 1 to %d, got '%.40s'\n",
					SCN_MAX_SHEAVES, optarg);
				return 2;
			}
			c.sheaves = (unsigned int)n;
			break;
		case 's':
			steps = true;
			break;
		case 'h':
			fputs(compare_usage, stdout);
			return 0;
		case ':':
			fprintf(stderr, "slub compare: option '%s' expects a "
				"value\n", argv[optind - 1]);
			return 2;
		default:
			fprintf(stderr, "slub compare: unknown option '%s'\n",
				argv[optind - 1]);
			return 2;
		}
	}
	if (optind != argc - 1) {
		fprintf(stderr, "slub compare: expects one SCENARIO file\n");
		return 2;
	}
	sc = scn_parse_file(argv[optind], &err);
	if (!sc) {
		fprintf(stderr, "%s\n", scn_error_format(&err, buf,
							 sizeof(buf)));
		return 2;
	}
	c.nsteps = scn_nsteps(sc);
	if (run_design(&c, sc, 0, steps) || run_design(&c, sc, 1, steps)) {
		ret = 2;
	} else {
		printf("compare %s: the 3.18 cpu slab and per-CPU sheaves\n",
		       argv[optind]);
		print_table(&c, sc, steps);
		printf("expects: %d failed on the cpu slab, %d with sheaves\n",
		       c.failures[0], c.failures[1]);
		ret = c.failures[0] || c.failures[1] ? 1 : 0;
	}
	free_cmp(&c);
	scn_free(sc);
	return ret;
}
