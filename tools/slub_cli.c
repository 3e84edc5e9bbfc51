// SPDX-License-Identifier: GPL-2.0-only
/*
 * slub: the command-line face of The SLUB Book's allocator.
 *
 *   slub geometry --size N ...     the layout of one cache
 *   slub kmalloc-caches            the kmalloc caches as a table
 *   slub run SCENARIO              run a scenario: event trace, counters
 *   slub run --sysfs DIR SCENARIO  ... and write the /sys/kernel/slab view
 *   slub slabinfo [-aDrvsT...] SCENARIO  run it, then tools/vm/slabinfo
 *
 * Exit status: 0 success, 1 a failed expect (or an allocator failure),
 * 2 a usage error or an error in the scenario.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "slub.h"
#include "scenario.h"
#include "eventlog.h"
#include "slabinfo.h"
#include "snapshot_dot.h"
#include "create_dot.h"
#include "sysfs_tree.h"
#include "predict.h"
#include "slub_cli_compare.h"

#define EXIT_EXPECT	1
#define EXIT_USAGE	2

static const char *prog = "slub";
static const char *cmd_name;

/* ------------------------------------------------------------ usage */

static const char main_usage[] =
"usage: slub COMMAND [OPTIONS]\n"
"\n"
"The SLUB allocator of Linux 3.18, in userspace, on simulated CPUs.\n"
"\n"
"Commands:\n"
"  compare         run a scenario on the cpu slab and with sheaves, side\n"
"                  by side\n"
"  geometry        create one cache and print its layout attributes\n"
"  kmalloc-caches  print the kmalloc caches as a slabinfo-like table\n"
"  orders          the slab orders calculate_order() weighs for some sizes\n"
"  predict         grade the answers of a prediction file\n"
"  quiz            write a seeded self-study quiz (a prediction file)\n"
"  run             run a scenario: event trace and stat counters\n"
"  slabinfo        run a scenario, then report as tools/vm/slabinfo does\n"
"  help [COMMAND]  print this text, or a command's help\n"
"\n"
"Run 'slub COMMAND --help' for a command's options. Scenarios are text\n"
"files in the language of scenario/scenario.h; see viz/scenarios/.\n"
"Exit status: 0 success, 1 an expect failed, 2 usage or scenario error.\n";

static const char geometry_usage[] =
"usage: slub geometry --size N [OPTIONS]\n"
"\n"
"Create one cache as kmem_cache_create() would and print its geometry,\n"
"one 'name value' line per sysfs attribute (the value is the text of\n"
"/sys/kernel/slab/<cache>/<name> without its newline).\n"
"\n"
"Options:\n"
"  -s, --size N        object size in bytes (required; K and M suffixes)\n"
"  -a, --align A       requested alignment, a power of two (default 0)\n"
"  -f, --flags LIST    comma-separated SLAB_ flags in lower case without\n"
"                      the prefix: %s\n"
"                      (panic is accepted but not passed on: a failure\n"
"                      is reported instead of aborting)\n"
"  -c, --ctor          give the cache a constructor\n"
"  -n, --cpus N        simulated CPUs (default 2; the order depends on it)\n"
"      --name NAME     cache name (default 'geometry')\n"
"      --merge         allow merging with an existing cache (the attributes\n"
"                      are then those of the cache merged into)\n"
"  -h, --help          this text\n";

static const char kmalloc_usage[] =
"usage: slub kmalloc-caches [OPTIONS]\n"
"\n"
"Boot the allocator and print the kernel's kmalloc caches (kmalloc-8 to\n"
"kmalloc-8192, with kmalloc-96 and kmalloc-192): object size, slab size\n"
"(the object's stride in the slab), objects per slab, page order,\n"
"min_partial, cpu_partial and the number of caches merged into each.\n"
"\n"
"Options:\n"
"  -n, --cpus N        simulated CPUs (default 2)\n"
"  -h, --help          this text\n";

static const char run_usage[] =
"usage: slub run [OPTIONS] SCENARIO\n"
"\n"
"Run a scenario on simulated CPUs. By default print the event trace (a\n"
"header per step, then one line per allocator event: step, cpu, book\n"
"section, kernel function, what happened, and {cache, object index in\n"
"its slab, slab pfn, variable}) and at the end the non-zero stat\n"
"counters of every cache the scenario used ('cache stat total C0=n ...').\n"
"\n"
"Options:\n"
"  -t, --trace         print the trace (alone, unless --stats too)\n"
"  -s, --stats         print the counters (alone, unless --trace too)\n"
"  -q, --quiet         print nothing but errors and failed expects\n"
"  -d, --dot STEP      stop after STEP steps (0: before the first) and\n"
"                      write the state as a graphviz file (needs --out)\n"
"  -o, --out FILE      the file --dot writes ('-': standard output)\n"
"  -c, --cache NAME    with --dot, draw only this cache\n"
"      --view VIEW     with --dot and --cache, what to draw of the cache:\n"
"                      state (default: its records, slabs and lists),\n"
"                      layout (one object: object, red zone, free pointer,\n"
"                      tracks, padding) or alias (its names and its sysfs\n"
"                      directory and links)\n"
"      --sysfs DIR     after the last step, write the /sys/kernel/slab view\n"
"                      into DIR (DIR plays /sys/kernel/slab): a directory\n"
"                      per cache named as sysfs names it (':t-0000064' for a\n"
"                      mergeable cache), a file per attribute with the text\n"
"                      slab_attr_show() gives, a symbolic link per alias,\n"
"                      memory-cgroup caches under <root cache>/cgroup/.\n"
"                      DIR is created if needed and must be empty\n"
"      --force         with --sysfs, replace what an earlier --sysfs wrote\n"
"      --sheaves N     run in today's design: per-CPU sheaves of N objects\n"
"                      and per-node barns in every cache (a scenario whose\n"
"                      config names a capacity keeps it); 0: the 3.18 cpu\n"
"                      slab, also for scenarios that configure sheaves.\n"
"                      Without it, $SLUB_SHEAVES does the same; without\n"
"                      either, the scenario's config decides\n"
"  -h, --help          this text\n"
"\n"
"Exit status: 0 the run succeeded and every expect held, 1 an expect\n"
"failed, 2 a usage error or an error in the scenario.\n";

static const char slabinfo_usage[] =
"usage: slub slabinfo [OPTIONS] SCENARIO [PATTERN]\n"
"\n"
"Run a scenario silently, then report on the caches as the kernel's\n"
"tools/vm/slabinfo (3.18) does, reading every number through the\n"
"attribute layer (slab_attr_show) as the tool reads /sys/kernel/slab.\n"
"PATTERN, a case-insensitive regular expression, selects caches and\n"
"aliases by name (':' unique ids always pass); if one cache remains, its\n"
"report (-r) is printed. The default table:\n"
"  Name Objects Objsize Space Slabs/Part/Cpu O/S O %%Fr %%Ef Flg\n"
"Space is the memory in slabs; Slabs/Part/Cpu counts slabs not held by a\n"
"CPU, node partial slabs and CPU slabs (with their partial chains); O/S\n"
"objects per slab; O the order; %%Fr partial slabs in percent; %%Ef object\n"
"bytes in percent of the slab memory; Flg: * aliases, d dma,\n"
"A hwcache_align, P poison, a reclaim_account, Z red_zone,\n"
"F sanity_checks, U store_user, T trace. A mergeable cache is named by\n"
"its alias if it has only one, else by its unique id (:t-0000064).\n"
"Memory-cgroup child caches ('c(0:A)') are listed as caches of their own.\n"
"\n"
"Options (the tool's):\n"
"  -a, --aliases       the aliases: 'target <- alias alias...' lines\n"
"  -A, --activity      most active caches first\n"
"  -D, --display-activity  the activity format:\n"
"                      Name Objects Alloc Free %%Fast Fallb O CmpX UL\n"
"  -e, --empty         only the caches without slabs\n"
"  -f, --first-alias   name every ':' cache by one of its aliases\n"
"  -i, --inverted      inverted sort; with -a 'alias -> target' lines\n"
"  -l, --slabs         the table (the default; after -v or -s, the\n"
"                      table once the action is done: an extension)\n"
"  -n, --numa          per-node slab counts\n"
"  -r, --report        a report per cache, with the Slab Perf Counter and\n"
"                      Slab Deactivation tables\n"
"  -s, --shrink        write 1 to each cache's shrink\n"
"  -S, --Size          largest caches first\n"
"  -T, --Totals        summary over all caches\n"
"  -v, --validate      write 1 to each cache's validate (reports go to\n"
"                      stderr)\n"
"  -z, --zero          include caches without slabs\n"
"  -1, --1ref          with -a, caches with one name too\n"
"  -N, --lines=K       only the first K caches\n"
"      --sheaves N     the design, as for 'slub run' (an extension)\n"
"  -h, --help          this text\n"
"\n"
"Exit status: 0 success, 1 an expect of the scenario failed, 2 a usage\n"
"error, a bad PATTERN or an error in the scenario.\n";

static void die_usage(const char *fmt, ...)
	__attribute__((format(printf, 1, 2), noreturn));

/* A usage error: one line naming what was wrong, exit status 2. */
static void die_usage(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s%s%s: ", prog, cmd_name ? " " : "",
		cmd_name ? cmd_name : "");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, " (see '%s%s%s --help')\n", prog, cmd_name ? " " : "",
		cmd_name ? cmd_name : "");
	exit(EXIT_USAGE);
}

/* getopt_long's error cases, reported as one line each. */
static void bad_option(int c, char **argv)
{
	const char *arg = argv[optind - 1];

	if (c == ':')
		die_usage("option '%s' needs a value", arg);
	if (optopt)
		die_usage("unknown option '-%c'", optopt);
	die_usage("unknown option '%s'", arg);
}

static unsigned long parse_ulong(const char *opt, const char *arg,
				 unsigned long min, unsigned long max,
				 bool suffix, const char *what)
{
	unsigned long v;
	char *end;
	int shift = 0;

	errno = 0;
	v = strtoul(arg, &end, 0);
	if (suffix && end != arg && end[0] && !end[1])
		shift = strchr("kK", *end) ? 10 : strchr("mM", *end) ? 20 : 0;
	if (shift)
		end++;
	if (end == arg || *end || arg[0] == '-' || errno ||
	    (shift && v > (ULONG_MAX >> shift)))
		die_usage("option '%s' expects %s, got '%s'", opt, what, arg);
	v <<= shift;
	if (v < min || v > max)
		die_usage("option '%s' expects %s in %lu..%lu, got '%s'", opt,
			  what, min, max, arg);
	return v;
}

static void no_operands(int argc, char **argv)
{
	if (optind < argc)
		die_usage("unexpected argument '%s'", argv[optind]);
}

static void boot(int cpus, bool nomerge)
{
	struct slub_config cfg = {
		.nr_cpus = cpus,
		.simulated = true,
		.arena_bytes = 64UL << 20,	/* enough, and quick to map */
		.nomerge = nomerge,
	};
	int ret = slub_init(&cfg);

	if (ret) {
		fprintf(stderr, "%s %s: slub_init failed: %s\n", prog,
			cmd_name, strerror(ret < 0 ? -ret : ret));
		exit(EXIT_USAGE);
	}
}

/* An attribute's text without the trailing newline; "" if unknown. */
static const char *attr_text(struct kmem_cache *s, const char *attr,
			     char *buf)
{
	ssize_t n = slab_attr_show(s, attr, buf);

	if (n < 0)
		n = 0;
	if (n >= SLAB_ATTR_BUFSIZE)
		n = SLAB_ATTR_BUFSIZE - 1;
	buf[n] = '\0';
	while (n > 0 && buf[n - 1] == '\n')
		buf[--n] = '\0';
	return buf;
}

static unsigned long attr_num(struct kmem_cache *s, const char *attr)
{
	char buf[SLAB_ATTR_BUFSIZE];

	return strtoul(attr_text(s, attr, buf), NULL, 10);
}

/* ------------------------------------------------------------ geometry */

static const char *const geometry_attrs[] = {
	"slab_size", "object_size", "objs_per_slab", "order", "min_partial",
	"cpu_partial", "align", "hwcache_align", "reclaim_account",
	"destroy_by_rcu", "red_zone", "poison", "store_user",
	"sanity_checks", "trace", "ctor", "aliases", "reserved",
};

static void geometry_ctor(void *obj)
{
	(void)obj;
}

static unsigned long parse_flag_list(const char *opt, const char *arg)
{
	unsigned long flags = 0, f;
	char *copy = strdup(arg), *save = NULL, *tok;

	if (!copy)
		die_usage("out of memory");
	for (tok = strtok_r(copy, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save)) {
		if (!scn_flag_from_name(tok, &f)) {
			fprintf(stderr, "%s %s: option '%s' expects flags from "
				"the list in --help, got '%s'", prog, cmd_name,
				opt, tok);
			fprintf(stderr, " (see '%s %s --help')\n", prog,
				cmd_name);
			free(copy);
			exit(EXIT_USAGE);
		}
		flags |= f;
	}
	free(copy);
	return flags;
}

#define FLAG_INDENT	"                      "

static void print_usage_flags(const char *usage)
{
	char list[512] = "";
	const char *f;
	int i;

	for (i = 0; (f = scn_flag_name(i)); i++) {
		if (i)
			strncat(list, i % 4 ? ", " : ",\n" FLAG_INDENT,
				sizeof(list) - strlen(list) - 1);
		strncat(list, f, sizeof(list) - strlen(list) - 1);
	}
	printf(usage, list);
}

struct geometry_opts {
	unsigned long size, align, flags, cpus;
	const char *name;
	bool ctor, merge;
};

/* Parse geometry's options; returns false after --help. */
static bool geometry_options(int argc, char **argv, struct geometry_opts *g)
{
	static const struct option opts[] = {
		{ "size",  required_argument, NULL, 's' },
		{ "align", required_argument, NULL, 'a' },
		{ "flags", required_argument, NULL, 'f' },
		{ "ctor",  no_argument,       NULL, 'c' },
		{ "cpus",  required_argument, NULL, 'n' },
		{ "name",  required_argument, NULL, 'N' },
		{ "merge", no_argument,       NULL, 'm' },
		{ "help",  no_argument,       NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	while ((c = getopt_long(argc, argv, ":s:a:f:cn:h", opts, NULL)) != -1) {
		switch (c) {
		case 's':
			g->size = parse_ulong("--size", optarg, 1, 1UL << 30,
					      true, "a size in bytes");
			break;
		case 'a':
			g->align = parse_ulong("--align", optarg, 0, 4096, true,
					       "a power of two");
			if (g->align & (g->align - 1))
				die_usage("option '--align' expects a power of "
					  "two, got '%s'", optarg);
			break;
		case 'f':
			g->flags |= parse_flag_list("--flags", optarg);
			break;
		case 'c':
			g->ctor = true;
			break;
		case 'n':
			g->cpus = parse_ulong("--cpus", optarg, 1, 4096, false,
					      "a CPU count");
			break;
		case 'N':
			g->name = optarg;
			break;
		case 'm':
			g->merge = true;
			break;
		case 'h':
			print_usage_flags(geometry_usage);
			return false;
		default:
			bad_option(c, argv);
		}
	}
	no_operands(argc, argv);
	if (!g->size)
		die_usage("option '--size' is required");
	return true;
}

static int cmd_geometry(int argc, char **argv)
{
	struct geometry_opts g = { .cpus = 2, .name = "geometry" };
	char buf[SLAB_ATTR_BUFSIZE];
	struct kmem_cache *s;
	size_t i;

	if (!geometry_options(argc, argv, &g))
		return 0;
	boot((int)g.cpus, !g.merge);
	/* SLAB_PANIC would abort on failure: report the failure instead. */
	s = kmem_cache_create(g.name, g.size, g.align, g.flags & ~SLAB_PANIC,
			      g.ctor ? geometry_ctor : NULL);
	if (!s) {
		fprintf(stderr, "%s geometry: kmem_cache_create(\"%s\", %lu, "
			"%lu, %#lx) failed\n", prog, g.name, g.size, g.align,
			g.flags);
		slub_shutdown();
		return EXIT_USAGE;
	}
	for (i = 0; i < sizeof(geometry_attrs) / sizeof(*geometry_attrs);
	     i++) {
		attr_text(s, geometry_attrs[i], buf);
		printf("%s%s%s\n", geometry_attrs[i], *buf ? " " : "", buf);
	}
	kmem_cache_destroy(s);
	slub_shutdown();
	return 0;
}

/* ------------------------------------------------------------ kmalloc */

static const unsigned int kmalloc_sizes[] = {
	8, 16, 32, 64, 96, 128, 192, 256, 512, 1024, 2048, 4096, 8192,
};

static int cmd_kmalloc_caches(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "cpus", required_argument, NULL, 'n' },
		{ "help", no_argument,       NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	unsigned long cpus = 2;
	size_t i;
	int c;

	while ((c = getopt_long(argc, argv, ":n:h", opts, NULL)) != -1) {
		switch (c) {
		case 'n':
			cpus = parse_ulong("--cpus", optarg, 1, 4096, false,
					   "a CPU count");
			break;
		case 'h':
			fputs(kmalloc_usage, stdout);
			return 0;
		default:
			bad_option(c, argv);
		}
	}
	no_operands(argc, argv);
	boot((int)cpus, false);
	printf("%-16s %7s %8s %9s %5s %10s %10s %7s\n", "Name", "Objsize",
	       "Slabsize", "Objs/slab", "Order", "MinPartial", "CpuPartial",
	       "Aliases");
	for (i = 0; i < sizeof(kmalloc_sizes) / sizeof(*kmalloc_sizes); i++) {
		char name[32];
		struct kmem_cache *s;

		snprintf(name, sizeof(name), "kmalloc-%u", kmalloc_sizes[i]);
		s = slub_find_cache(name);
		if (!s) {
			printf("%-16s (missing)\n", name);
			continue;
		}
		printf("%-16s %7lu %8lu %9lu %5lu %10lu %10lu %7lu\n", name,
		       attr_num(s, "object_size"), attr_num(s, "slab_size"),
		       attr_num(s, "objs_per_slab"), attr_num(s, "order"),
		       attr_num(s, "min_partial"), attr_num(s, "cpu_partial"),
		       attr_num(s, "aliases"));
	}
	slub_shutdown();
	return 0;
}

/* ------------------------------------------------------------ tracing */

/*
 * The trace of a step, printed when it ends: its header (not for an echo,
 * which speaks for itself), then its events and the lines it printed, in
 * the order they happened, as the event log formats them.
 */
static void print_step(const struct scn_log *log, const struct scenario *sc,
		       int idx)
{
	const struct scn_event *ev = scn_log_events(log);
	const char *text = scn_step_text(sc, idx);
	int i, n = scn_log_count(log);

	if (!n)
		return;
	if (strncmp(text, "echo", 4))
		printf("== step %d (%s:%d): %s\n", idx + 1, scn_file(sc),
		       scn_step_line(sc, idx), text);
	for (i = 0; i < n; i++)
		scn_event_print(stdout, &ev[i], SCN_EVENT_TRACE);
	fflush(stdout);
}

/* ------------------------------------------------------------ orders */

static const char orders_usage[] =
"usage: slub orders [OPTIONS] SIZE...\n"
"\n"
"For each object SIZE, create a cache as kmem_cache_create() would, then\n"
"set its order to each of 0 to slub_max_order (3) through the sysfs\n"
"attribute 'order' (calculate_sizes() with that order) and read back the\n"
"objects per slab. Print one line per size: the size, the stride\n"
"(slab_size), the order calculate_order() chose, and for each order\n"
"'objects/leftover' (bytes after the last object; '-' if no object fits).\n"
"\n"
"Options:\n"
"  -n, --cpus N        simulated CPUs (default 2; the order depends on it)\n"
"  -o, --out FILE      write the table as a graphviz file instead ('-':\n"
"                      standard output)\n"
"  -h, --help          this text\n";

#define ORDERS_MAX_SIZES 16

/* What each order would give a cache of object size size. */
static int measure_orders(unsigned long size, struct slub_orders_row *w)
{
	/* slub.h: KMALLOC_SHIFT_HIGH is PAGE_SHIFT + 1 */
	const unsigned long page = 1UL << (KMALLOC_SHIFT_HIGH - 1);
	struct kmem_cache *s;
	char buf[16];
	int o, len;

	s = kmem_cache_create("orders", size, 0, 0, NULL);
	if (!s) {
		fprintf(stderr, "%s orders: kmem_cache_create(\"orders\", %lu) "
			"failed\n", prog, size);
		return -1;
	}
	w->object_size = (unsigned int)size;
	w->size = (unsigned int)attr_num(s, "slab_size");
	w->chosen = (int)attr_num(s, "order");
	for (o = 0; o < SLUB_ORDERS_MAX; o++) {
		unsigned long objs, used;

		len = snprintf(buf, sizeof(buf), "%d", o);
		w->objects[o] = w->leftover[o] = 0;
		if (slab_attr_store(s, "order", buf, (size_t)len) < 0)
			continue;
		objs = attr_num(s, "objs_per_slab");
		used = objs * w->size + attr_num(s, "reserved");
		w->objects[o] = (unsigned int)objs;
		w->leftover[o] = (unsigned int)((page << o) - used);
	}
	len = snprintf(buf, sizeof(buf), "%d", w->chosen);
	slab_attr_store(s, "order", buf, (size_t)len);
	kmem_cache_destroy(s);
	return 0;
}

static int cmd_orders(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "cpus", required_argument, NULL, 'n' },
		{ "out",  required_argument, NULL, 'o' },
		{ "help", no_argument,       NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct slub_orders_row rows[ORDERS_MAX_SIZES];
	unsigned long cpus = 2;
	const char *out = NULL;
	int c, n = 0, o, ret = 0;

	while ((c = getopt_long(argc, argv, ":n:o:h", opts, NULL)) != -1) {
		switch (c) {
		case 'n':
			cpus = parse_ulong("--cpus", optarg, 1, 4096, false,
					   "a CPU count");
			break;
		case 'o':
			out = optarg;
			break;
		case 'h':
			fputs(orders_usage, stdout);
			return 0;
		default:
			bad_option(c, argv);
		}
	}
	if (optind >= argc)
		die_usage("expects at least one SIZE");
	if (argc - optind > ORDERS_MAX_SIZES)
		die_usage("expects at most %d sizes, got %d", ORDERS_MAX_SIZES,
			  argc - optind);
	for (; optind < argc; optind++)
		rows[n++].object_size = (unsigned int)parse_ulong("SIZE",
			argv[optind], 1, KMALLOC_MAX_CACHE_SIZE, true,
			"an object size in bytes");
	boot((int)cpus, true);
	for (c = 0; c < n && !ret; c++)
		if (measure_orders(rows[c].object_size, &rows[c]))
			ret = EXIT_USAGE;
	slub_shutdown();
	if (ret)
		return ret;
	if (out) {
		bool std = !strcmp(out, "-");
		FILE *f = std ? stdout : fopen(out, "w");

		if (!f || slub_orders_write_dot(f, rows, n, SLUB_ORDERS_MAX) ||
		    (!std && fclose(f))) {
			fprintf(stderr, "%s orders: writing '%s' failed\n", prog,
				out);
			return EXIT_USAGE;
		}
		return 0;
	}
	for (c = 0; c < n; c++) {
		printf("%u %u %d", rows[c].object_size, rows[c].size,
		       rows[c].chosen);
		for (o = 0; o < SLUB_ORDERS_MAX; o++) {
			if (rows[c].objects[o])
				printf(" %u/%u", rows[c].objects[o],
				       rows[c].leftover[o]);
			else
				printf(" -");
		}
		putchar('\n');
	}
	return 0;
}

/* ------------------------------------------------------------ runs */

struct run_opts {
	bool trace, stats, quiet, dot, force;
	bool design_set;	/* --sheaves given */
	int sheaves;		/* its N (0: the 3.18 cpu slab) */
	long dot_step;
	const char *out, *cache, *file, *sysfs, *view;
	const struct slabinfo_opts *slabinfo;	/* slabinfo's options */
};

static void print_counters(struct scn_run *run, FILE *out)
{
	char buf[SLAB_ATTR_BUFSIZE];
	struct kmem_cache *s;
	const char *name;
	int i, j;

	for (i = 0; (s = scn_run_cache(run, i, &name)); i++) {
		for (j = 0; j < NR_SLUB_STAT_ITEMS; j++) {
			const char *stat = slub_stat_name(j);

			if (!stat)
				continue;
			attr_text(s, stat, buf);
			if (strtoul(buf, NULL, 10))
				fprintf(out, "%s %s %s\n", name, stat, buf);
		}
	}
}

static void print_error(const struct scn_error *err)
{
	char buf[1024];

	fflush(stdout);
	fprintf(stderr, "%s\n", scn_error_format(err, buf, sizeof(buf)));
}

/* The scenario's name of a prefilled sheaf, for the drawing. */
static const char *sheaf_name(void *arg, unsigned int id)
{
	return scn_run_sheaf_name(arg, id);
}

/* Draw the --view of the snapshot: the state, an object's layout or an
 * alias (create_dot.h). */
static int draw_view(FILE *f, const struct slub_snapshot *snap,
		     const struct run_opts *o, struct scn_run *run)
{
	const struct slub_snap_cache *c;
	char dir[256];

	if (!o->view || !strcmp(o->view, "state"))
		return slub_snapshot_write_dot_named(f, snap, o->cache,
						     sheaf_name, run);
	c = slub_snapshot_cache(snap, o->cache);
	if (!c)
		return -1;
	if (!strcmp(o->view, "layout"))
		return slub_layout_write_dot(f, c);
	if (!slub_find_cache(c->name))
		return -1;
	return slub_alias_write_dot(f, c, slub_sysfs_name(
				slub_find_cache(c->name), dir, sizeof(dir)));
}

static int write_dot(const struct run_opts *o, struct scn_run *run)
{
	struct slub_snapshot *snap = slub_snapshot_take();
	bool std = !strcmp(o->out, "-");
	FILE *f = std ? stdout : fopen(o->out, "w");
	int ret = 0;

	if (!f) {
		fprintf(stderr, "%s run: cannot write '%s': %s\n", prog,
			o->out, strerror(errno));
		slub_snapshot_free(snap);
		return EXIT_USAGE;
	}
	if (!snap || draw_view(f, snap, o, run) < 0) {
		fprintf(stderr, "%s run: writing the graph failed%s%s%s\n",
			prog, o->cache ? " (is there a cache named '" : "",
			o->cache ? o->cache : "", o->cache ? "'?)" : "");
		ret = EXIT_USAGE;
	}
	if (!std && fclose(f)) {
		fprintf(stderr, "%s run: writing '%s' failed\n", prog, o->out);
		ret = EXIT_USAGE;
	}
	if (!ret && !std)
		fprintf(stderr, "%s run: wrote %s: the state after step %ld\n",
			prog, o->out, o->dot_step);
	slub_snapshot_free(snap);
	return ret;
}

/* Run the steps (all, or o->dot_step of them); 0, or -1 on an error. */
static int run_steps(struct scn_log *log, const struct scenario *sc,
		     const struct run_opts *o, struct scn_error *err)
{
	int r = 1;

	while (r > 0 && (!o->dot || scn_log_pos(log) < o->dot_step)) {
		int pos = scn_log_pos(log);

		if (pos >= scn_nsteps(sc))
			break;
		r = scn_log_step(log, err);
		if (o->trace)
			print_step(log, sc, pos);
	}
	return r < 0 ? -1 : 0;
}

static int write_sysfs(const struct run_opts *o)
{
	char err[1024];
	int n = slub_sysfs_write(o->sysfs, o->force, err, sizeof(err));

	if (n < 0) {
		fflush(stdout);
		fprintf(stderr, "%s %s: --sysfs: %s\n", prog, cmd_name, err);
		return EXIT_USAGE;
	}
	fflush(stdout);
	if (!o->quiet)
		fprintf(stderr, "%s %s: wrote %d cache directories under %s\n",
			prog, cmd_name, n, o->sysfs);
	return 0;
}

/*
 * The design of the run: --sheaves N, else $SLUB_SHEAVES, else the
 * scenario's own (scn_set_design).
 */
static int set_design(const struct run_opts *o)
{
	char msg[256];
	int n;

	if (o->design_set) {
		scn_set_design(o->sheaves);
		return 0;
	}
	if (!scn_design_from_env(&n, msg, sizeof(msg))) {
		fprintf(stderr, "%s %s: %s\n", prog, cmd_name, msg);
		return -1;
	}
	scn_set_design(n);
	return 0;
}

static void parse_sheaves(struct run_opts *o, const char *arg)
{
	if (!scn_parse_design(arg, &o->sheaves))
		die_usage("option '--sheaves' expects a sheaf capacity from 0 "
			  "(the 3.18 cpu slab) to %d, got '%.40s'",
			  SCN_MAX_SHEAVES, arg);
	o->design_set = true;
}

/* Parse, run, report: the common body of run and slabinfo. */
static int run_scenario(const struct run_opts *o)
{
	bool slabinfo = o->slabinfo != NULL;
	struct scn_error err;
	struct scenario *sc = scn_parse_file(o->file, &err);
	struct scn_log *log;
	struct scn_run *run;
	int ret = 0;

	if (!sc) {
		print_error(&err);
		return EXIT_USAGE;
	}
	if (set_design(o)) {
		scn_free(sc);
		return EXIT_USAGE;
	}
	if (o->dot && o->dot_step > scn_nsteps(sc)) {
		fprintf(stderr, "%s run: option '--dot' expects a step in "
			"0..%d for %s, got %ld\n", prog, scn_nsteps(sc),
			o->file, o->dot_step);
		scn_free(sc);
		return EXIT_USAGE;
	}
	/* The trace records the allocator's events and the output. */
	log = scn_log_new(sc, o->trace ? SCN_LOG_EVENTS | SCN_LOG_OUTPUT |
			  SCN_LOG_PLACE : 0);
	if (!log) {
		fprintf(stderr, "%s: out of memory\n", prog);
		scn_free(sc);
		return EXIT_USAGE;
	}
	if (scn_log_start(log, &err)) {
		print_error(&err);
		scn_log_free(log);
		scn_free(sc);
		return EXIT_USAGE;
	}
	run = scn_log_run(log);
	if (!o->trace)
		scn_run_set_output(run, o->quiet || o->stats || o->dot ||
				   slabinfo ? NULL : stdout);
	if (run_steps(log, sc, o, &err) < 0) {
		print_error(&err);
		ret = EXIT_USAGE;
	}
	if (o->stats) {
		if (o->trace)
			printf("== counters\n");
		print_counters(run, stdout);
	}
	if (!ret && slabinfo && slabinfo_run(o->slabinfo, stdout, stderr))
		ret = EXIT_USAGE;
	if (!ret && o->sysfs)
		ret = write_sysfs(o);
	if (!ret && o->dot)
		ret = write_dot(o, run);
	if (!ret && scn_run_expect_failures(run)) {
		fprintf(stderr, "%s: %d expect statement(s) failed\n",
			o->file, scn_run_expect_failures(run));
		ret = EXIT_EXPECT;
	}
	scn_log_free(log);
	scn_free(sc);
	return ret;
}

static int cmd_run(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "trace", no_argument,       NULL, 't' },
		{ "stats", no_argument,       NULL, 's' },
		{ "quiet", no_argument,       NULL, 'q' },
		{ "dot",   required_argument, NULL, 'd' },
		{ "out",   required_argument, NULL, 'o' },
		{ "cache", required_argument, NULL, 'c' },
		{ "sysfs", required_argument, NULL, 'S' },
		{ "force", no_argument,       NULL, 'f' },
		{ "view",  required_argument, NULL, 'V' },
		{ "sheaves", required_argument, NULL, 'H' },
		{ "help",  no_argument,       NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct run_opts o = { .dot_step = -1 };
	int c;

	while ((c = getopt_long(argc, argv, ":tsqd:o:c:h", opts, NULL)) != -1) {
		switch (c) {
		case 't':
			o.trace = true;
			break;
		case 's':
			o.stats = true;
			break;
		case 'q':
			o.quiet = true;
			break;
		case 'd':
			o.dot = true;
			o.dot_step = (long)parse_ulong("--dot", optarg, 0,
						       INT_MAX, false,
						       "a step number");
			break;
		case 'o':
			o.out = optarg;
			break;
		case 'c':
			o.cache = optarg;
			break;
		case 'S':
			o.sysfs = optarg;
			break;
		case 'f':
			o.force = true;
			break;
		case 'V':
			if (strcmp(optarg, "state") && strcmp(optarg, "layout") &&
			    strcmp(optarg, "alias"))
				die_usage("option '--view' expects state, layout "
					  "or alias, got '%s'", optarg);
			o.view = optarg;
			break;
		case 'H':
			parse_sheaves(&o, optarg);
			break;
		case 'h':
			fputs(run_usage, stdout);
			return 0;
		default:
			bad_option(c, argv);
		}
	}
	if (optind >= argc)
		die_usage("expects a SCENARIO file");
	o.file = argv[optind++];
	no_operands(argc, argv);
	if (o.dot && !o.out)
		die_usage("option '--dot' needs '--out FILE'");
	if (!o.dot && (o.out || o.cache || o.view))
		die_usage("options '--out', '--cache' and '--view' go with "
			  "'--dot'");
	if (o.view && strcmp(o.view, "state") && !o.cache)
		die_usage("option '--view %s' needs '--cache NAME'", o.view);
	if (o.force && !o.sysfs)
		die_usage("option '--force' goes with '--sysfs'");
	if (o.sysfs && !*o.sysfs)
		die_usage("option '--sysfs' expects a directory");
	if (o.dot && o.sysfs)
		die_usage("options '--dot' and '--sysfs' exclude each other");
	if (o.quiet && (o.trace || o.stats))
		die_usage("option '--quiet' excludes '--trace' and '--stats'");
	if (!o.quiet && !o.trace && !o.stats && !o.dot && !o.sysfs)
		o.trace = o.stats = true;
	return run_scenario(&o);
}

/* ------------------------------------------------------------ slabinfo */

static int cmd_slabinfo(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "aliases",		no_argument,       NULL, 'a' },
		{ "activity",		no_argument,       NULL, 'A' },
		{ "display-activity",	no_argument,       NULL, 'D' },
		{ "empty",		no_argument,       NULL, 'e' },
		{ "first-alias",	no_argument,       NULL, 'f' },
		{ "help",		no_argument,       NULL, 'h' },
		{ "inverted",		no_argument,       NULL, 'i' },
		{ "slabs",		no_argument,       NULL, 'l' },
		{ "numa",		no_argument,       NULL, 'n' },
		{ "report",		no_argument,       NULL, 'r' },
		{ "shrink",		no_argument,       NULL, 's' },
		{ "Size",		no_argument,       NULL, 'S' },
		{ "Totals",		no_argument,       NULL, 'T' },
		{ "validate",		no_argument,       NULL, 'v' },
		{ "zero",		no_argument,       NULL, 'z' },
		{ "1ref",		no_argument,       NULL, '1' },
		{ "lines",		required_argument, NULL, 'N' },
		{ "sheaves",		required_argument, NULL, 'H' },
		{ NULL, 0, NULL, 0 }
	};
	struct slabinfo_opts so = { .lines = -1 };
	struct run_opts o = { .quiet = true, .slabinfo = &so };
	int c;

	while ((c = getopt_long(argc, argv, ":aADefhilnrsSTvz1N:", opts,
				NULL)) != -1) {
		switch (c) {
		case 'a':
			so.show_alias = true;
			break;
		case 'A':
			so.sort_active = true;
			break;
		case 'D':
			so.show_activity = true;
			break;
		case 'e':
			so.show_empty = true;
			break;
		case 'f':
			so.first_alias = true;
			break;
		case 'i':
			so.inverted = true;
			break;
		case 'l':
			so.show_slab = true;
			break;
		case 'n':
			so.show_numa = true;
			break;
		case 'r':
			so.show_report = true;
			break;
		case 's':
			so.shrink = true;
			break;
		case 'S':
			so.sort_size = true;
			break;
		case 'T':
			so.show_totals = true;
			break;
		case 'v':
			so.validate = true;
			break;
		case 'z':
			so.zero = true;
			break;
		case '1':
			so.single_ref = true;
			break;
		case 'N':
			so.lines = (int)parse_ulong("--lines", optarg, 1,
						    INT_MAX, false,
						    "a number of caches");
			break;
		case 'H':
			parse_sheaves(&o, optarg);
			break;
		case 'h':
			printf(slabinfo_usage);
			return 0;
		default:
			bad_option(c, argv);
		}
	}
	if (optind >= argc)
		die_usage("expects a SCENARIO file");
	o.file = argv[optind++];
	if (optind < argc)
		so.pattern = argv[optind++];
	no_operands(argc, argv);
	return run_scenario(&o);
}

/* ------------------------------------------------------------ main */

static const struct command {
	const char *name;
	int (*fn)(int argc, char **argv);
} commands[] = {
	{ "compare",		cmd_compare },
	{ "geometry",		cmd_geometry },
	{ "kmalloc-caches",	cmd_kmalloc_caches },
	{ "orders",		cmd_orders },
	{ "predict",		cmd_predict },
	{ "quiz",		cmd_quiz },
	{ "run",		cmd_run },
	{ "slabinfo",		cmd_slabinfo },
};

static int cmd_help(int argc, char **argv)
{
	size_t i;

	if (argc < 2) {
		fputs(main_usage, stdout);
		return 0;
	}
	for (i = 0; i < sizeof(commands) / sizeof(*commands); i++) {
		if (!strcmp(argv[1], commands[i].name)) {
			char *args[] = { argv[1], (char *)"--help", NULL };

			cmd_name = commands[i].name;
			return commands[i].fn(2, args);
		}
	}
	die_usage("unknown command '%s'", argv[1]);
}

int main(int argc, char **argv)
{
	size_t i;

	opterr = 0;
	setvbuf(stdout, NULL, _IOLBF, 0);	/* keep order with stderr */
	if (argc < 2)
		die_usage("expects a COMMAND");
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") ||
	    !strcmp(argv[1], "help"))
		return cmd_help(argc - 1, argv + 1);
	for (i = 0; i < sizeof(commands) / sizeof(*commands); i++) {
		if (!strcmp(argv[1], commands[i].name)) {
			cmd_name = commands[i].name;
			return commands[i].fn(argc - 1, argv + 1);
		}
	}
	if (argv[1][0] == '-')
		die_usage("unknown option '%s'", argv[1]);
	die_usage("unknown command '%s'", argv[1]);
}
