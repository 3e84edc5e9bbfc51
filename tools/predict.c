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
 *                     handed out) or "none" (the CPU's freelist, or with
 *                     sheaves its main sheaf, is empty)
 *   sheaf CACHE CPU main|spare   objects in the CPU's main or spare sheaf
 *                     ("none": the CPU has no spare sheaf)
 *   barn CACHE full|empty|objects   the barn's full sheaves, empty
 *                     sheaves, objects in its full sheaves (all nodes)
 *
 * With sheaves, "where" of a free object held by a sheaf says cpuN-main,
 * cpuN-spare or barn instead of its slab's list.
 *
 *   slub predict [--viz] FILE   grade the answers (wrong: the right one,
 *                               and the visualizer command that opens
 *                               the step that shows it; --viz runs it
 *                               for the first wrong answer)
 *   slub predict --reveal FILE  print every answer
 *   slub quiz --seed N [--topic T] [--out FILE] [--reveal]
 *                               write a random short prediction file
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "slub.h"
#include "scenario.h"
#include "predict.h"

/* The CPUs of the snapshot being read (sheaf_where). */
static int nr_snap_cpus;

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

/* The sheaf that holds object j of slab i: "cpuN-main" or "cpuN-spare". */
static int sheaf_where(const struct slub_snap_cache *c, int i, int j,
		       char *out, size_t len)
{
	int cpu, k;

	for (cpu = 0; cpu < nr_snap_cpus; cpu++) {
		const struct slub_snap_cpu *pc = &c->cpu[cpu];

		for (k = 0; k < pc->main_size; k++)
			if (pc->main[k].slab == i && pc->main[k].obj == j) {
				snprintf(out, len, "cpu%d-main", cpu);
				return 0;
			}
		for (k = 0; k < pc->spare_size; k++)
			if (pc->spare[k].slab == i && pc->spare[k].obj == j) {
				snprintf(out, len, "cpu%d-spare", cpu);
				return 0;
			}
	}
	return -1;
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
			if (sl->obj && sl->obj[j].state == SLUB_OBJ_BARN) {
				snprintf(out, len, "barn");
				return 0;
			}
			if (sl->obj && sl->obj[j].state == SLUB_OBJ_SHEAF &&
			    !sheaf_where(c, i, j, out, len))
				return 0;
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

	if (c->sheaf_capacity) {
		/* the main sheaf hands out its last object first */
		const struct slub_snap_ref *r = k->main_size > 0 && k->main ?
			&k->main[k->main_size - 1] : NULL;

		if (!r || r->slab < 0 || r->obj < 0) {
			snprintf(out, len, "none");
			return 0;
		}
		v = scn_run_var_name(run, obj_addr(c, &c->slabs[r->slab],
						   r->obj));
		snprintf(out, len, "%s", v ? v : "unused");
		return 0;
	}
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
	nr_snap_cpus = snap->nr_cpus;
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

/* "sheaf CACHE CPU main|spare" and "barn CACHE full|empty|objects". */
static int answer_sheaves(struct scn_run *run, const char *file,
			  struct question *q, char w[4][64])
{
	struct kmem_cache *s = find_cache(run, w[1]);
	struct slub_snapshot *snap;
	const struct slub_snap_cache *c;
	const char *what = w[0][0] == 's' ? w[3] : w[2];
	long cpu = 0, v = 0;
	char *end;
	int i;

	if (!s)
		return perr(file, q->line, "no cache '%s' in the scenario at "
			    "this point", w[1]);
	if (w[0][0] == 's') {
		cpu = strtol(w[2], &end, 10);
		if (*end || cpu < 0)
			return perr(file, q->line, "expected a CPU number, "
				    "found '%s'", w[2]);
		if (strcmp(what, "main") && strcmp(what, "spare"))
			return perr(file, q->line, "expected 'sheaf CACHE CPU "
				    "main' or '... spare', found '%s'", what);
	} else if (strcmp(what, "full") && strcmp(what, "empty") &&
		   strcmp(what, "objects")) {
		return perr(file, q->line, "expected 'barn CACHE full', "
			    "'... empty' or '... objects', found '%s'", what);
	}
	snap = slub_snapshot_take();
	if (!snap)
		return perr(file, q->line, "out of memory");
	c = slub_snapshot_cache(snap, kmem_cache_name(s));
	if (!c || cpu >= snap->nr_cpus || !c->sheaf_capacity) {
		slub_snapshot_free(snap);
		return perr(file, q->line, !c ? "cache %s not found" :
			    !c->sheaf_capacity ? "cache %s has no sheaves "
			    "(config sheaves N)" : "cache %s: no such CPU",
			    w[1]);
	}
	if (w[0][0] == 's' && what[0] == 'm') {
		v = c->cpu[cpu].main_size;
	} else if (w[0][0] == 's') {
		v = c->cpu[cpu].spare_size;
	} else {
		for (i = 0; i < snap->nr_nodes; i++)
			v += what[0] == 'f' ? c->node[i].barn_full :
			     what[0] == 'e' ? c->node[i].barn_empty :
			     c->node[i].barn_objects;
	}
	if (v < 0)
		snprintf(q->truth, sizeof(q->truth), "none");
	else
		snprintf(q->truth, sizeof(q->truth), "%ld", v);
	slub_snapshot_free(snap);
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
	if ((n == 4 && !strcmp(w[0], "sheaf")) ||
	    (n == 3 && !strcmp(w[0], "barn")))
		return answer_sheaves(run, file, q, w);
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
		nr_snap_cpus = snap->nr_cpus;
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
			    "CPU', 'where CACHE VAR', 'next CACHE CPU', "
			    "'sheaf CACHE CPU main|spare' or 'barn CACHE "
			    "full|empty|objects', found '%s'", q->query);
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

/*
 * The visualizer beside this program (build/slubviz next to build/slub),
 * as a path relative to the current directory when it is below it.
 * Returns whether it exists.
 */
static bool viz_path(char *buf, size_t len)
{
	char exe[PATH_MAX], cwd[PATH_MAX], *slash;
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	size_t cl;

	if (n <= 0) {
		snprintf(buf, len, "slubviz");
		return false;
	}
	exe[n] = 0;
	slash = strrchr(exe, '/');
	slash = slash ? slash + 1 : exe;
	snprintf(slash, sizeof(exe) - (slash - exe), "slubviz");
	if (getcwd(cwd, sizeof(cwd)) && (cl = strlen(cwd)) &&
	    !strncmp(exe, cwd, cl) && exe[cl] == '/')
		snprintf(buf, len, "%s", exe + cl + 1);
	else
		snprintf(buf, len, "%s", exe);
	return access(exe, X_OK) == 0;
}

int predict_grade(const char *file, bool reveal, FILE *out)
{
	return predict_grade_viz(file, reveal, false, out);
}

int predict_grade_viz(const char *file, bool reveal, bool viz, FILE *out)
{
	struct question *qs = NULL;
	char *text = slurp(file);
	int i, nq = 0, right = 0, blank = 0, first_wrong = 0;
	char vizbin[PATH_MAX];
	bool have_viz = viz_path(vizbin, sizeof(vizbin));

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
				"%s\n           see it (after %s):\n"
				"             %s --step %d %s%s\n", q->line,
				q->query, q->answer, q->truth, q->stmt, vizbin,
				q->step, file, have_viz ? "" :
				"   (make viz builds it)");
			if (!first_wrong)
				first_wrong = q->step ? q->step : 1;
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
	if (viz && first_wrong && !reveal) {
		char step[16];

		if (!have_viz) {
			fprintf(stderr, "slub predict: --viz: %s not found "
				"(make viz builds it)\n", vizbin);
			return 2;
		}
		snprintf(step, sizeof(step), "%d", first_wrong);
		fflush(out);
		execl(vizbin, "slubviz", "--step", step, file, (char *)NULL);
		fprintf(stderr, "slub predict: --viz: cannot run %s: %s\n",
			vizbin, strerror(errno));
		return 2;
	}
	return reveal || right == nq ? 0 : 1;
}
