// SPDX-License-Identifier: GPL-2.0-only
/*
 * slub quiz: seeded self-study questions, as homework simulators do. A
 * seed and a topic pick a short random scenario; the quiz is a prediction
 * file (tools/predict.c) with its answers left blank, written where the
 * student can open it in the visualizer and grade it with slub predict.
 * The answers come from running it, never from a table.
 */
#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "predict.h"

static const char *const topics[] = {
	"fastpath", "slowpath", "free", "partial", "kmalloc", "sheaves",
};

/* splitmix64: the same seed gives the same quiz on every machine */
static uint64_t rng;

static unsigned int pick(unsigned int lo, unsigned int hi)
{
	uint64_t z = (rng += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	z ^= z >> 31;
	return lo + (unsigned int)(z % (hi - lo + 1));
}

/* Free n distinct objects of x[0..total-1], in a random order. */
static void free_some(FILE *f, const char *var, unsigned int total,
		      unsigned int n, unsigned int *last)
{
	unsigned int idx[64], i, j, t;

	for (i = 0; i < total; i++)
		idx[i] = i;
	for (i = 0; i < n; i++) {
		j = pick(i, total - 1);
		t = idx[i];
		idx[i] = idx[j];
		idx[j] = t;
		fprintf(f, "free %s[%u]\n", var, idx[i]);
	}
	*last = idx[n - 1];
}

static void gen_fastpath(FILE *f)
{
	unsigned int size = 64u << pick(0, 2), n = pick(3, 10);
	unsigned int k = pick(1, n - 1), last;

	fprintf(f, "config cpus 2 nomerge\ncache c size %u\ncpu 0\n", size);
	fprintf(f, "alloc x[0..%u] from c\n", n - 1);
	free_some(f, "x", n, k, &last);
	fprintf(f, "#? c alloc_fastpath = ?\n#? c free_fastpath = ?\n");
	fprintf(f, "#? next c 0 = ?\n#? tid c 0 = ?\n");
	fprintf(f, "alloc y from c\n#? next c 0 = ?\n");
}

static void gen_slowpath(FILE *f)
{
	unsigned int size = 256u << pick(0, 2), extra = pick(1, 4);

	/* 256: 16 objects per order-0 slab; 512: 8 (order 1: 16); 1024 */
	fprintf(f, "config cpus 2 nomerge\ncache c size %u\ncpu 0\n", size);
	fprintf(f, "alloc x[0..%u] from c\n", pick(20, 40) + extra);
	fprintf(f, "#? c objs_per_slab = ?\n#? c alloc_slab = ?\n");
	fprintf(f, "#? c alloc_slowpath = ?\n#? where c x[0] = ?\n");
	fprintf(f, "#? c cpu_slabs = ?\n");
}

static void gen_free(FILE *f)
{
	unsigned int n = pick(4, 12), k = pick(1, n - 2), last;

	fprintf(f, "config cpus 2 nomerge\ncache c size 128\ncpu 0\n");
	fprintf(f, "alloc x[0..%u] from c\ncpu 1\n", n - 1);
	free_some(f, "x", n, k, &last);
	fprintf(f, "#? c free_fastpath = ?\n#? c free_slowpath = ?\n");
	fprintf(f, "#? where c x[%u] = ?\n#? next c 0 = ?\n", last);
	fprintf(f, "cpu 0\nalloc y from c\n#? c alloc_fastpath = ?\n");
}

static void gen_partial(FILE *f)
{
	unsigned int slabs = pick(2, 4), per = 32;	/* 128 B: 32 a slab */
	unsigned int n = slabs * per + pick(1, 8), s = pick(0, slabs - 2);

	fprintf(f, "config cpus 2 nomerge\ncache c size 128\ncpu 0\n");
	fprintf(f, "alloc x[0..%u] from c\n", n - 1);
	fprintf(f, "#? c alloc_slab = ?\n#? where c x[%u] = ?\n", s * per);
	fprintf(f, "free x[%u]\n", s * per + pick(0, per - 1));
	fprintf(f, "#? c cpu_partial_free = ?\n#? where c x[%u] = ?\n",
		s * per);
	fprintf(f, "#? c free_slowpath = ?\n");
}

static void gen_kmalloc(FILE *f)
{
	static const unsigned int sizes[] = {
		8, 13, 24, 64, 65, 96, 100, 129, 192, 200, 500, 1000, 3000,
	};
	unsigned int i, n = pick(2, 4);

	fprintf(f, "config cpus 2\ncpu 0\n");
	for (i = 0; i < n; i++) {
		fprintf(f, "kmalloc k%u %u\n", i,
			sizes[pick(0, sizeof(sizes) / sizeof(*sizes) - 1)]);
		fprintf(f, "#? cacheof k%u = ?\n", i);
	}
}

/*
 * Sheaves (today's per-CPU layer, config sheaves N): one CPU allocates
 * and frees, so its main and spare sheaves fill and full ones go to the
 * barn; another CPU then allocates from what the barn holds.
 */
static void gen_sheaves(FILE *f)
{
	unsigned int cap = pick(2, 6), n = pick(cap + 1, 4 * cap);
	unsigned int k = pick(1, n), m = pick(1, 2 * cap), last;

	fprintf(f, "config cpus 2 nomerge sheaves %u\ncache c size %u\n"
		"cpu 0\n", cap, 64u << pick(0, 1));
	fprintf(f, "alloc x[0..%u] from c\n", n - 1);
	fprintf(f, "#? sheaf c 0 main = ?\n#? sheaf c 0 spare = ?\n");
	fprintf(f, "#? c sheaf_refill = ?\n");
	free_some(f, "x", n, k, &last);
	fprintf(f, "#? sheaf c 0 main = ?\n#? sheaf c 0 spare = ?\n");
	fprintf(f, "#? barn c full = ?\n#? c barn_put = ?\n");
	fprintf(f, "#? where c x[%u] = ?\n#? next c 0 = ?\n", last);
	fprintf(f, "cpu 1\nalloc y[0..%u] from c\n", m - 1);
	fprintf(f, "#? c barn_get = ?\n#? sheaf c 1 main = ?\n");
	fprintf(f, "#? barn c full = ?\n#? barn c empty = ?\n");
}

static void quiz_usage(FILE *f)
{
	fputs("usage: slub quiz --seed N [--topic fastpath|slowpath|free|"
	      "partial|kmalloc|sheaves]\n"
	      "                 [--out FILE] [--reveal]\n"
	      "Writes a short random scenario (the same for the same seed and\n"
	      "topic) with questions '#? QUERY = ?' about the state after its\n"
	      "statements. Fill in the blanks, then grade them with\n"
	      "'slub predict FILE'; step through it with 'slubviz FILE'.\n"
	      "--reveal prints the answers, computed by running it.\n"
	      "Default FILE: quiz-TOPIC-N.scn in the current directory.\n", f);
}

static int quiz_err(const char *fmt, const char *arg)
{
	fprintf(stderr, "slub quiz: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, " (see 'slub quiz --help')\n");
	return 2;
}

int cmd_quiz(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "seed",   required_argument, NULL, 's' },
		{ "topic",  required_argument, NULL, 't' },
		{ "out",    required_argument, NULL, 'o' },
		{ "reveal", no_argument,       NULL, 'r' },
		{ "help",   no_argument,       NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	static void (*const gen[])(FILE *) = {
		gen_fastpath, gen_slowpath, gen_free, gen_partial, gen_kmalloc,
		gen_sheaves,
	};
	const char *seed = NULL, *topic = NULL, *out = NULL;
	char path[512], *end, *text = NULL;
	unsigned long long n = 0;
	bool reveal = false;
	size_t len = 0;
	unsigned int t;
	FILE *f, *mem;
	int c;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 's': seed = optarg; break;
		case 't': topic = optarg; break;
		case 'o': out = optarg; break;
		case 'r': reveal = true; break;
		case 'h': quiz_usage(stdout); return 0;
		default:
			return quiz_err("unknown or incomplete option '%s'",
					argv[optind - 1]);
		}
	}
	if (optind < argc)
		return quiz_err("unexpected argument '%s'", argv[optind]);
	if (!seed)
		return quiz_err("%s", "--seed N is required");
	errno = 0;
	n = strtoull(seed, &end, 10);
	if (!*seed || *end || errno || *seed == '-')
		return quiz_err("--seed: expected a number, found '%s'", seed);
	rng = n;
	/* without --topic, one of the 3.18 topics: a seed keeps its quiz */
	t = pick(0, sizeof(topics) / sizeof(*topics) - 2);
	if (topic) {
		for (t = 0; t < sizeof(topics) / sizeof(*topics); t++)
			if (!strcmp(topic, topics[t]))
				break;
		if (t == sizeof(topics) / sizeof(*topics))
			return quiz_err("--topic: expected fastpath, slowpath, "
					"free, partial, kmalloc or sheaves, "
					"found '%s'", topic);
	}
	rng = n * 0x100000001b3ULL + t;
	if (!out) {
		snprintf(path, sizeof(path), "quiz-%s-%llu.scn", topics[t], n);
		out = path;
	}
	mem = open_memstream(&text, &len);
	if (!mem)
		return quiz_err("%s", "out of memory");
	fprintf(mem, "# slub quiz --seed %llu --topic %s\n"
		"# Predict each '?' from the statements above it, then run\n"
		"#   slub predict %s\n"
		"# Step through it: slubviz %s\n", n, topics[t], out, out);
	gen[t](mem);
	fclose(mem);
	f = fopen(out, "w");
	if (!f || fputs(text, f) < 0 || fclose(f)) {
		fprintf(stderr, "slub quiz: cannot write %s: %s\n", out,
			strerror(errno));
		free(text);
		return 2;
	}
	printf("%s", text);
	printf("# (written to %s)\n", out);
	free(text);
	if (!reveal)
		return 0;
	printf("\nAnswers:\n");
	return predict_grade(out, true, stdout);
}

int cmd_predict(int argc, char **argv)
{
	bool reveal = false, viz = false;
	int i;
	const char *file = NULL;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--reveal")) {
			reveal = true;
		} else if (!strcmp(argv[i], "--viz")) {
			viz = true;
		} else if (!strcmp(argv[i], "--help")) {
			puts("usage: slub predict [--reveal | --viz] FILE\n"
			     "Runs a prediction file (a scenario with '#? QUERY "
			     "= ANSWER' lines)\nand grades the answers; "
			     "--reveal prints every answer; --viz then opens\n"
			     "the visualizer at the step of the first wrong "
			     "answer. Queries:\n"
			     "  CACHE ATTR | tid CACHE CPU | where CACHE VAR | "
			     "next CACHE CPU | cacheof VAR\n"
			     "  sheaf CACHE CPU main|spare | barn CACHE "
			     "full|empty|objects\n"
			     "Exit status: 0 all right, 1 a wrong or blank "
			     "answer, 2 an error.");
			return 0;
		} else if (argv[i][0] == '-' || file) {
			fprintf(stderr, "slub predict: unexpected argument "
				"'%s' (see 'slub predict --help')\n", argv[i]);
			return 2;
		} else {
			file = argv[i];
		}
	}
	if (!file) {
		fprintf(stderr, "slub predict: expected a FILE (see 'slub "
			"predict --help')\n");
		return 2;
	}
	return predict_grade_viz(file, reveal, viz, stdout);
}
