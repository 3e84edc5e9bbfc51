// SPDX-License-Identifier: GPL-2.0-only
/*
 * Predictions: questions about a scenario's state, answered by running it.
 *
 * A prediction file is a scenario whose comment lines "#? QUERY = ANSWER"
 * ask about the state after the statement above them (the scenario
 * parser skips them as comments, so the visualizer opens the same file).
 * ANSWER "?" is a blank to fill. Queries:
 *
 *   CACHE ATTR        a sysfs attribute's first number: a counter
 *                     (alloc_fastpath ...), partial, cpu_slabs, slabs ...
 *   tid CACHE CPU     the transaction id of the CPU's kmem_cache_cpu
 *   where CACHE VAR   the list of the slab that holds VAR's object: cpuN
 *                     (CPU N's slab), cpuN-partial, node-partial, full (a
 *                     debug cache's full list) or unlisted (full, on no
 *                     list)
 *   cacheof VAR       the cache VAR's object came from (kmalloc-64 ...)
 *   next CACHE CPU    the object the CPU's next fastpath allocation takes:
 *                     the variable that last held it, "unused" (never
 *                     handed out) or "none" (the CPU's freelist is empty)
 *
 *   slub predict FILE           grade the answers (wrong: the right one,
 *                               and the visualizer step that shows it)
 *   slub predict --reveal FILE  print every answer
 *   slub quiz --seed N [--topic T] [--out FILE] [--reveal]
 *                               write a random short prediction file
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "slub.h"
#include "scenario.h"
#include "predict.h"

struct question {
	int line;		/* of the "#?" line */
	int step;		/* asked after this many steps */
	char query[128];
	char answer[64];	/* the student's, "?" when blank */
	char truth[64];		/* from the run */
	char stmt[96];		/* the statement it follows */
};

static int perr(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s:%d: error: ", file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return -1;
}

static char *trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' ||
			 e[-1] == '\r'))
		*--e = 0;
	return s;
}

/* The "#?" lines of text; the step of each is filled in later. */
static int read_questions(const char *file, const char *text,
			  struct question **qs, int *nq)
{
	const char *p = text;
	int line = 1, cap = 0;

	*qs = NULL;
	*nq = 0;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char buf[256], *eq, *q;

		if (len >= 2 && p[0] == '#' && p[1] == '?') {
			struct question *x;

			if (len >= sizeof(buf))
				return perr(file, line, "question too long");
			memcpy(buf, p + 2, len - 2);
			buf[len - 2] = 0;
			eq = strrchr(buf, '=');
			if (!eq)
				return perr(file, line, "expected '#? QUERY = "
					    "ANSWER' (ANSWER '?' for a blank)");
			*eq = 0;
			if (*nq == cap) {
				cap = cap ? 2 * cap : 16;
				x = realloc(*qs, cap * sizeof(*x));
				if (!x)
					return perr(file, line, "out of memory");
				*qs = x;
			}
			x = &(*qs)[(*nq)++];
			memset(x, 0, sizeof(*x));
			x->line = line;
			q = trim(buf);
			snprintf(x->query, sizeof(x->query), "%s", q);
			snprintf(x->answer, sizeof(x->answer), "%s",
				 trim(eq + 1));
			if (!*x->query || !*x->answer)
				return perr(file, line, "expected '#? QUERY = "
					    "ANSWER' (ANSWER '?' for a blank)");
		}
		line++;
		p = nl ? nl + 1 : p + len;
	}
	return 0;
}

static struct kmem_cache *find_cache(struct scn_run *run, const char *name)
{
	const char *n;
	struct kmem_cache *s;
	int i;

	for (i = 0; (s = scn_run_cache(run, i, &n)); i++)
		if (!strcmp(n, name))
			return s;
	return NULL;
}

/* The object of slab sl at index i, or NULL. */
static const void *obj_addr(const struct slub_snap_cache *c,
			    const struct slub_snap_slab *sl, int i)
{
	return i < 0 ? NULL : (const void *)(sl->addr + (unsigned long)i *
					      c->size);
}

static int answer_where(struct scn_run *run, const struct slub_snap_cache *c,
			const char *var, char *out, size_t len)
{
	static const char *const lists[] = {
		[SLUB_SLAB_NODE_PARTIAL] = "node-partial",
		[SLUB_SLAB_NODE_FULL] = "full",
		[SLUB_SLAB_UNLISTED] = "unlisted",
	};
	int i;
	unsigned int j;

	for (i = 0; i < c->nr_slabs; i++) {
		const struct slub_snap_slab *sl = &c->slabs[i];

		for (j = 0; j < sl->objects; j++) {
			const char *v = scn_run_var_name(run,
							 obj_addr(c, sl, j));

			if (!v || strcmp(v, var))
				continue;
			if (sl->where == SLUB_SLAB_CPU)
				snprintf(out, len, "cpu%d", sl->owner);
			else if (sl->where == SLUB_SLAB_CPU_PARTIAL)
				snprintf(out, len, "cpu%d-partial", sl->owner);
			else
				snprintf(out, len, "%s", lists[sl->where]);
			return 0;
		}
	}
	snprintf(out, len, "freed");	/* its slab went back to the pages */
	return 0;
}

static int answer_next(struct scn_run *run, const struct slub_snap_cache *c,
		       int cpu, char *out, size_t len)
{
	const struct slub_snap_cpu *k = &c->cpu[cpu];
	const char *v;

	if (k->slab < 0 || k->freelist < 0) {
		snprintf(out, len, "none");
		return 0;
	}
	v = scn_run_var_name(run, obj_addr(c, &c->slabs[k->slab],
					   k->freelist));
	snprintf(out, len, "%s", v ? v : "unused");
	return 0;
}

static int answer_cacheof(struct scn_run *run, const char *file,
			  struct question *q, const char *var)
{
	struct slub_snapshot *snap = slub_snapshot_take();
	const char *name;
	struct kmem_cache *s;
	char where[64];
	int i;

	if (!snap)
		return perr(file, q->line, "out of memory");
	for (i = 0; (s = scn_run_cache(run, i, &name)); i++) {
		const struct slub_snap_cache *c =
			slub_snapshot_cache(snap, kmem_cache_name(s));

		if (c && !answer_where(run, c, var, where, sizeof(where)) &&
		    strcmp(where, "freed")) {
			snprintf(q->truth, sizeof(q->truth), "%s", name);
			break;
		}
	}
	slub_snapshot_free(snap);
	if (!s)
		return perr(file, q->line, "no live object is named '%s'", var);
	return 0;
}

/* Answer question q in the state of the run now: 0, or -1 (reported). */
static int answer(struct scn_run *run, const char *file, struct question *q)
{
	char w[4][64], buf[SLAB_ATTR_BUFSIZE];
	int n = sscanf(q->query, "%63s %63s %63s %63s", w[0], w[1], w[2], w[3]);
	struct kmem_cache *s;
	struct slub_snapshot *snap;
	const struct slub_snap_cache *c;
	ssize_t len;
	char *end;
	long cpu = 0;
	int ret = 0;

	if (n == 2 && !strcmp(w[0], "cacheof"))
		return answer_cacheof(run, file, q, w[1]);
	if (n == 3 && (!strcmp(w[0], "tid") || !strcmp(w[0], "where") ||
		       !strcmp(w[0], "next"))) {
		s = find_cache(run, w[1]);
		if (!s)
			return perr(file, q->line, "no cache '%s' in the "
				    "scenario at this point", w[1]);
		if (strcmp(w[0], "where")) {
			cpu = strtol(w[2], &end, 10);
			if (*end || cpu < 0)
				return perr(file, q->line, "expected a CPU "
					    "number, found '%s'", w[2]);
		}
		snap = slub_snapshot_take();
		if (!snap)
			return perr(file, q->line, "out of memory");
		c = slub_snapshot_cache(snap, kmem_cache_name(s));
		if (!c || cpu >= snap->nr_cpus) {
			slub_snapshot_free(snap);
			return perr(file, q->line, c ? "no CPU %ld" :
				    "cache %s not found", c ? cpu : 0L);
		}
		if (!strcmp(w[0], "tid"))
			snprintf(q->truth, sizeof(q->truth), "%lu",
				 c->cpu[cpu].tid);
		else if (!strcmp(w[0], "where"))
			ret = answer_where(run, c, w[2], q->truth,
					   sizeof(q->truth));
		else
			ret = answer_next(run, c, (int)cpu, q->truth,
					  sizeof(q->truth));
		slub_snapshot_free(snap);
		return ret;
	}
	if (n != 2)
		return perr(file, q->line, "expected 'CACHE ATTR', 'tid CACHE "
			    "CPU', 'where CACHE VAR' or 'next CACHE CPU', "
			    "found '%s'", q->query);
	s = find_cache(run, w[0]);
	if (!s)
		return perr(file, q->line, "no cache '%s' in the scenario at "
			    "this point", w[0]);
	len = slab_attr_show(s, w[1], buf);
	if (len < 0)
		return perr(file, q->line, "cache %s has no attribute '%s'",
			    w[0], w[1]);
	buf[len] = 0;
	snprintf(q->truth, sizeof(q->truth), "%s", trim(strtok(buf, " \n") ?
							 buf : (char *)"0"));
	return 0;
}

/*
 * Run the prediction file's scenario and answer every question: 0, or -1
 * with a "FILE:LINE: error:" line printed.
 */
static int solve(const char *file, const char *text, struct question **qs,
		 int *nq)
{
	struct scn_error err = { 0 };
	struct scenario *sc;
	struct scn_run *run;
	char msg[1024];
	int i, k, nsteps, ret = 0;

	if (read_questions(file, text, qs, nq))
		return -1;
	if (!*nq)
		return perr(file, 1, "no questions: add lines '#? QUERY = ?'");
	sc = scn_parse_string(file, text, &err);
	if (!sc) {
		fprintf(stderr, "%s\n", scn_error_format(&err, msg, sizeof(msg)));
		return -1;
	}
	nsteps = scn_nsteps(sc);
	for (i = 0; i < *nq; i++)
		for (k = 0; k < nsteps; k++)
			if (scn_step_line(sc, k) < (*qs)[i].line) {
				(*qs)[i].step = k + 1;
				snprintf((*qs)[i].stmt, sizeof((*qs)[i].stmt),
					 "line %d: %s", scn_step_line(sc, k),
					 scn_step_text(sc, k));
			}
	run = scn_run_start(sc, NULL, NULL, &err);
	if (!run) {
		fprintf(stderr, "%s\n", scn_error_format(&err, msg, sizeof(msg)));
		scn_free(sc);
		return -1;
	}
	scn_run_set_output(run, NULL);
	scn_run_set_diag(run, NULL);
	for (k = 0; k <= nsteps && !ret; k++) {
		if (k && scn_run_step(run, &err) < 0) {
			fprintf(stderr, "%s\n",
				scn_error_format(&err, msg, sizeof(msg)));
			ret = -1;
			break;
		}
		for (i = 0; i < *nq && !ret; i++)
			if ((*qs)[i].step == k)
				ret = answer(run, file, &(*qs)[i]);
	}
	scn_run_end(run);
	scn_free(sc);
	return ret;
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	char *buf = NULL;
	size_t len = 0, n;
	char chunk[4096];

	if (!f) {
		fprintf(stderr, "%s: error: cannot open: %s\n", path,
			strerror(errno));
		return NULL;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		char *b = realloc(buf, len + n + 1);

		if (!b) {
			free(buf);
			fclose(f);
			return NULL;
		}
		buf = b;
		memcpy(buf + len, chunk, n);
		len += n;
	}
	fclose(f);
	if (!buf)
		buf = calloc(1, 1);
	else
		buf[len] = 0;
	return buf;
}

int predict_grade(const char *file, bool reveal, FILE *out)
{
	struct question *qs = NULL;
	char *text = slurp(file);
	int i, nq = 0, right = 0, blank = 0;

	if (!text)
		return 2;
	if (solve(file, text, &qs, &nq)) {
		free(text);
		free(qs);
		return 2;
	}
	for (i = 0; i < nq; i++) {
		struct question *q = &qs[i];
		bool ok = !strcmp(q->answer, q->truth);

		if (reveal) {
			fprintf(out, "%s:%d: %s = %s\n", file, q->line,
				q->query, q->truth);
			continue;
		}
		right += ok;
		if (!strcmp(q->answer, "?")) {
			/* a blank gets no answer: predict it first */
			blank++;
			fprintf(out, "  line %-3d %-28s = ?            not "
				"answered yet\n", q->line, q->query);
		} else if (ok) {
			fprintf(out, "  line %-3d %-28s = %-12s ok\n", q->line,
				q->query, q->answer);
		} else {
			fprintf(out, "  line %-3d %-28s = %-12s WRONG: it is "
				"%s\n           see it: build/slubviz %s, "
				"step %d (after %s)\n", q->line, q->query,
				q->answer, q->truth, file, q->step, q->stmt);
		}
	}
	if (!reveal) {
		fprintf(out, "Score: %d/%d\n", right, nq);
		if (blank)
			fprintf(out, "%d question(s) left blank ('?')\n",
				blank);
	}
	free(text);
	free(qs);
	return reveal || right == nq ? 0 : 1;
}
