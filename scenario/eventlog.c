// SPDX-License-Identifier: GPL-2.0-only
/*
 * The event log (eventlog.h): the observer that copies what the allocator
 * reports, the stream that turns what the scenario prints into events of
 * their own, the placement of objects, the snapshots around a step, the
 * replay that steps backwards. The formatting of an event is in
 * eventfmt.c.
 *
 * A step's strings go into an arena of chunks that never move, so an
 * event's pointers stay valid while the step's events grow; the arena is
 * emptied when the next step starts. Most events of a step repeat the
 * function, section and cache of the event before, which then shares the
 * copy.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "eventlog.h"
#include "scn_int.h"

/* The simulated page size: the allocator's PAGE_SIZE. */
#define SCN_PAGE_SIZE	4096UL
#define CHUNK_SIZE	(64u << 10)

struct chunk {
	struct chunk *next;
	size_t used, size;
	char data[];
};

/* A cache's stride (s->size), by every name it answers to. */
struct stride {
	char *name;
	unsigned long size;
};

struct scn_log {
	const struct scenario *sc;
	unsigned int flags;
	struct scn_run *run;
	int pos;			/* steps executed */
	bool failed;
	bool recording;			/* events of this step are kept */
	bool attached;			/* observer outside a scenario */
	int step;			/* 1-based number of the running step */

	struct scn_event *ev;		/* the step's events */
	int nev, cap, placed;		/* [0, placed) are placed */
	int limit;
	long reported;
	/* The last event reported past the limit, in fixed buffers (a
	 * step that never ends must not grow the log). */
	struct scn_event over;
	char over_func[64], over_what[200], over_section[16], over_cache[64];
	bool stat_seen[NR_SLUB_STAT_ITEMS];
	const char **funcs;		/* functions named in the step */
	int nfuncs, capfuncs;
	const char *last_cache;
	struct chunk *arena;

	FILE *out;			/* the run's output, into the log */
	char *line;			/* the output line being written */
	size_t line_len, line_cap;
	char *cur_out;			/* what the running step printed */
	size_t cur_len, cur_cap;
	char **step_out;		/* ... and every step before it */
	int *expect_fail;		/* failed expects per step, -1: not run */

	struct slub_snapshot *snap, *prev;

	struct stride *strides;		/* the layout, for placement */
	int nstrides;
	uintptr_t base;			/* address of page frame 0 */
	bool have_base;
};

/* ------------------------------------------------------------ memory */

static void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (!q) {
		fprintf(stderr, "event log: out of memory\n");
		abort();
	}
	return q;
}

/* Grow *buf (capacity *cap) to hold at least n bytes. */
static void reserve(char **buf, size_t *cap, size_t n)
{
	if (n <= *cap)
		return;
	*cap = *cap ? *cap : 256;
	while (*cap < n)
		*cap *= 2;
	*buf = xrealloc(*buf, *cap);
}

/* A copy of n bytes of s, NUL-terminated, in the step's arena. */
static const char *arena_strndup(struct scn_log *log, const char *s,
				 size_t n)
{
	struct chunk *c = log->arena;
	char *p;

	if (!c || c->size - c->used < n + 1) {
		size_t size = n + 1 > CHUNK_SIZE ? n + 1 : CHUNK_SIZE;

		c = xrealloc(NULL, sizeof(*c) + size);
		c->size = size;
		c->used = 0;
		c->next = log->arena;
		log->arena = c;
	}
	p = c->data + c->used;
	memcpy(p, s, n);
	p[n] = '\0';
	c->used += n + 1;
	return p;
}

/* Keep the newest chunk, emptied; free the others. */
static void arena_reset(struct scn_log *log)
{
	struct chunk *c = log->arena, *n;

	if (!c)
		return;
	for (n = c->next; n; ) {
		struct chunk *next = n->next;

		free(n);
		n = next;
	}
	c->next = NULL;
	c->used = 0;
}

/*
 * The log's copy of s: "" for NULL, the copy in prev when it holds the
 * same text (consecutive events mostly name the same function, section
 * and cache), else a new copy.
 */
static const char *copy_str(struct scn_log *log, const char *s,
			    const char *prev)
{
	if (!s || !*s)
		return "";
	if (prev && !strcmp(s, prev))
		return prev;
	return arena_strndup(log, s, strlen(s));
}

/* ------------------------------------------------------------ recording */

static void clear_events(struct scn_log *log)
{
	log->nev = log->placed = 0;
	log->reported = 0;
	log->over.func = NULL;
	memset(log->stat_seen, 0, sizeof(log->stat_seen));
	log->nfuncs = 0;
	log->last_cache = "";
	arena_reset(log);
}

/* A new event at the end of the step's list, or NULL past the limit. */
static struct scn_event *push_event(struct scn_log *log, int type)
{
	struct scn_event *e;

	log->reported++;
	if (log->limit && log->nev >= log->limit)
		return NULL;
	if (log->nev == log->cap) {
		log->cap = log->cap ? 2 * log->cap : 256;
		log->ev = xrealloc(log->ev, (size_t)log->cap * sizeof(*e));
	}
	e = &log->ev[log->nev++];
	memset(e, 0, sizeof(*e));
	e->type = type;
	e->func = e->what = e->section = e->cache = "";
	e->stat = -1;
	e->pfn = -1;
	e->slot = e->offset = -1;
	e->step = log->step;
	return e;
}

/* Note func among the functions of the step (a handful each step). */
static void note_func(struct scn_log *log, const char *func)
{
	int i;

	if (!func || !*func)
		return;
	for (i = log->nfuncs - 1; i >= 0; i--)
		if (!strcmp(log->funcs[i], func))
			return;
	if (log->nfuncs == log->capfuncs) {
		log->capfuncs = log->capfuncs ? 2 * log->capfuncs : 16;
		log->funcs = xrealloc(log->funcs, (size_t)log->capfuncs *
				      sizeof(*log->funcs));
	}
	log->funcs[log->nfuncs++] = arena_strndup(log, func, strlen(func));
}

/* Keep the last event past the limit: bounded copies, no allocation. */
static void keep_over(struct scn_log *log, const struct slub_event *ev)
{
	struct scn_event *e = &log->over;

	memset(e, 0, sizeof(*e));
	e->type = ev->type;
	snprintf(log->over_func, sizeof(log->over_func), "%s",
		 ev->func ? ev->func : "");
	snprintf(log->over_what, sizeof(log->over_what), "%s",
		 ev->what ? ev->what : "");
	snprintf(log->over_section, sizeof(log->over_section), "%s",
		 ev->section ? ev->section : "");
	snprintf(log->over_cache, sizeof(log->over_cache), "%s",
		 ev->cache ? ev->cache : "");
	e->func = log->over_func;
	e->what = log->over_what;
	e->section = log->over_section;
	e->cache = log->over_cache;
	e->cpu = ev->cpu;
	e->stat = ev->stat;
	e->pfn = ev->pfn;
	e->object = (unsigned long)(uintptr_t)ev->object;
	e->step = log->step;
	e->slot = e->offset = -1;
}

/*
 * The observer. Everything it keeps is copied here: the allocator's
 * strings are valid only during the call. It calls nothing of the
 * allocator.
 */
static void observe(const struct slub_event *ev, void *arg)
{
	struct scn_log *log = arg;
	const char *last_func = NULL, *last_section = NULL;
	struct scn_event *e;

	if (!log->recording)
		return;
	if (ev->type == SLUB_EV_STAT && ev->stat >= 0 &&
	    ev->stat < NR_SLUB_STAT_ITEMS)
		log->stat_seen[ev->stat] = true;
	note_func(log, ev->func);
	if (ev->cache && *ev->cache && strcmp(ev->cache, log->last_cache))
		log->last_cache = arena_strndup(log, ev->cache,
						strlen(ev->cache));
	if (log->nev) {
		last_func = log->ev[log->nev - 1].func;
		last_section = log->ev[log->nev - 1].section;
	}
	e = push_event(log, ev->type);
	if (!e) {
		keep_over(log, ev);
		return;
	}
	e->func = copy_str(log, ev->func, last_func);
	e->what = copy_str(log, ev->what, NULL);
	e->section = copy_str(log, ev->section, last_section);
	e->cache = copy_str(log, ev->cache, log->last_cache);
	e->cpu = ev->cpu;
	e->stat = ev->stat;
	e->pfn = ev->pfn;
	e->object = (unsigned long)(uintptr_t)ev->object;
}

/* ------------------------------------------------------------ placement */

static struct stride *find_stride(struct scn_log *log, const char *name)
{
	int i;

	for (i = 0; i < log->nstrides; i++)
		if (!strcmp(log->strides[i].name, name))
			return &log->strides[i];
	return NULL;
}

static void learn_stride(struct scn_log *log, const char *name,
			 unsigned long size)
{
	struct stride *st = find_stride(log, name);

	if (!st) {
		log->strides = xrealloc(log->strides,
					(size_t)(log->nstrides + 1) *
					sizeof(*log->strides));
		st = &log->strides[log->nstrides++];
		st->name = strdup(name);
		if (!st->name) {
			log->nstrides--;
			return;
		}
	}
	st->size = size;
}

static void forget_layout(struct scn_log *log)
{
	int i;

	for (i = 0; i < log->nstrides; i++)
		free(log->strides[i].name);
	free(log->strides);
	log->strides = NULL;
	log->nstrides = 0;
	log->have_base = false;
}

/*
 * Every cache's stride and the arena's base, from a snapshot taken
 * between steps, when the allocator is quiet. Page frames map linearly
 * onto the arena; if a slab says otherwise, objects are not indexed.
 */
static void learn_layout(struct scn_log *log, const struct slub_snapshot *s)
{
	bool first = !log->have_base;
	int i, j, k;

	for (i = 0; s && i < s->nr_caches; i++) {
		const struct slub_snap_cache *c = &s->caches[i];

		learn_stride(log, c->name, c->size);
		for (k = 0; k < c->nr_aliases; k++)
			learn_stride(log, c->aliases[k], c->size);
		for (j = 0; j < c->nr_slabs; j++) {
			const struct slub_snap_slab *sl = &c->slabs[j];
			uintptr_t b = sl->addr - (uintptr_t)sl->pfn *
				      SCN_PAGE_SIZE;

			if (first) {
				log->base = b;
				log->have_base = true;
				first = false;
			} else if (b != log->base) {
				log->have_base = false;
			}
		}
	}
}

static void learn_layout_now(struct scn_log *log)
{
	struct slub_snapshot *s;

	if (log->snap) {
		learn_layout(log, log->snap);
		return;
	}
	s = slub_snapshot_take();
	learn_layout(log, s);
	if (s)
		slub_snapshot_free(s);
}

/* Locate the objects of the events recorded since the last placement. */
static void place_events(struct scn_log *log)
{
	for (; log->placed < log->nev; log->placed++) {
		struct scn_event *e = &log->ev[log->placed];
		struct stride *st;
		const char *var;
		uintptr_t slab;

		if (!(log->flags & SCN_LOG_PLACE) || !e->object)
			continue;
		st = find_stride(log, e->cache);
		if (e->pfn >= 0 && log->have_base && st && st->size) {
			slab = log->base + (uintptr_t)e->pfn * SCN_PAGE_SIZE;
			if (e->object >= slab) {
				e->offset = (long)(e->object - slab);
				if (e->offset % st->size == 0)
					e->slot = e->offset / (long)st->size;
			}
		}
		var = log->run ? scn_run_var_name(log->run,
						  (const void *)e->object) :
				 NULL;
		if (var)
			e->var = arena_strndup(log, var, strlen(var));
	}
}

/* ------------------------------------------------------------ output */

static void output_line(struct scn_log *log)
{
	struct scn_event *e;

	place_events(log);
	e = push_event(log, SCN_EV_OUTPUT);
	if (e)
		e->what = arena_strndup(log, log->line, log->line_len);
	log->line_len = 0;
}

/*
 * The run's output stream: what the scenario prints is kept as the
 * step's text and, while the step is recorded, as output events, one a
 * line. The events before a line are placed first: a reader of the trace
 * names objects as the scenario stood when it spoke.
 */
static ssize_t output_write(void *cookie, const char *buf, size_t len)
{
	struct scn_log *log = cookie;
	size_t i;

	reserve(&log->cur_out, &log->cur_cap, log->cur_len + len + 1);
	memcpy(log->cur_out + log->cur_len, buf, len);
	log->cur_len += len;
	if (!log->recording)
		return (ssize_t)len;
	for (i = 0; i < len; i++) {
		if (buf[i] == '\n') {
			output_line(log);
			continue;
		}
		reserve(&log->line, &log->line_cap, log->line_len + 1);
		log->line[log->line_len++] = buf[i];
	}
	return (ssize_t)len;
}

static FILE *output_stream(struct scn_log *log)
{
	cookie_io_functions_t io = { .write = output_write };
	FILE *f = fopencookie(log, "w", io);

	if (f)
		setvbuf(f, NULL, _IOLBF, 0);
	return f;
}

static void free_step_output(struct scn_log *log)
{
	int i;

	for (i = 0; log->step_out && i < scn_nsteps(log->sc); i++)
		free(log->step_out[i]);
	free(log->step_out);
	log->step_out = NULL;
	free(log->expect_fail);
	log->expect_fail = NULL;
}

/* ------------------------------------------------------------ snapshots */

static void set_snap(struct slub_snapshot **dst, struct slub_snapshot *s)
{
	if (*dst)
		slub_snapshot_free(*dst);
	*dst = s;
}

/* ------------------------------------------------------------ runs */

struct scn_log *scn_log_new(const struct scenario *sc, unsigned int flags)
{
	struct scn_log *log = calloc(1, sizeof(*log));

	if (!log)
		return NULL;
	log->sc = sc;
	log->flags = flags;
	log->last_cache = "";
	return log;
}

void scn_log_end(struct scn_log *log)
{
	if (!log || !log->run)
		return;
	scn_run_end(log->run);
	log->run = NULL;
	log->recording = false;
	if (log->out)
		fclose(log->out);
	log->out = NULL;
}

void scn_log_free(struct scn_log *log)
{
	struct chunk *c, *n;

	if (!log)
		return;
	scn_log_end(log);
	scn_log_detach(log);
	set_snap(&log->snap, NULL);
	set_snap(&log->prev, NULL);
	free_step_output(log);
	forget_layout(log);
	for (c = log->arena; c; c = n) {
		n = c->next;
		free(c);
	}
	free(log->ev);
	free(log->funcs);
	free(log->line);
	free(log->cur_out);
	free(log);
}

int scn_log_start(struct scn_log *log, struct scn_error *err)
{
	unsigned int f = log->flags;

	scn_log_end(log);
	clear_events(log);
	set_snap(&log->snap, NULL);
	set_snap(&log->prev, NULL);
	free_step_output(log);
	forget_layout(log);
	log->pos = 0;
	log->step = 0;
	log->failed = false;
	log->line_len = log->cur_len = 0;
	if (f & (SCN_LOG_OUTPUT | SCN_LOG_DIAG)) {
		log->out = output_stream(log);
		if (!log->out) {
			scn_set_error(err, scn_file(log->sc), 0, 0,
				      "cannot record the output: no memory");
			return -1;
		}
	}
	log->run = scn_run_start(log->sc, f & SCN_LOG_EVENTS ? observe : NULL,
				 log, err);
	if (!log->run) {
		if (log->out)
			fclose(log->out);
		log->out = NULL;
		return -1;
	}
	if (f & SCN_LOG_OUTPUT)
		scn_run_set_output(log->run, log->out);
	if (f & SCN_LOG_DIAG)
		scn_run_set_diag(log->run, log->out);
	log->step_out = calloc((size_t)scn_nsteps(log->sc) + 1,
			       sizeof(*log->step_out));
	log->expect_fail = malloc(((size_t)scn_nsteps(log->sc) + 1) *
				  sizeof(*log->expect_fail));
	if (log->expect_fail)
		memset(log->expect_fail, 0xff, ((size_t)scn_nsteps(log->sc) +
		       1) * sizeof(*log->expect_fail));
	if (f & SCN_LOG_SNAPSHOTS)
		log->snap = slub_snapshot_take();
	if (f & SCN_LOG_PLACE)
		learn_layout_now(log);
	return 0;
}

/* Run the next step; record: keep its events and the state before it. */
static int run_step(struct scn_log *log, bool record, struct scn_error *err)
{
	bool snaps = log->flags & SCN_LOG_SNAPSHOTS;
	int idx, ret, fails;

	if (!log->run)
		return -1;
	if (log->failed)	/* the run stopped: the same error again */
		return scn_run_step(log->run, err);
	idx = scn_run_pos(log->run);
	clear_events(log);
	log->step = idx + 1;
	log->line_len = log->cur_len = 0;
	if (snaps && record) {
		set_snap(&log->prev, log->snap ? log->snap :
				     slub_snapshot_take());
		log->snap = NULL;
	} else if (snaps) {
		set_snap(&log->snap, NULL);	/* it will be stale */
	}
	log->recording = record;
	fails = scn_run_expect_failures(log->run);
	ret = scn_run_step(log->run, err);
	if (log->expect_fail && idx < scn_nsteps(log->sc))
		log->expect_fail[idx] = scn_run_expect_failures(log->run) -
					fails;
	if (log->out)
		fflush(log->out);
	if (record && log->line_len)
		output_line(log);
	place_events(log);
	log->recording = false;
	if (log->cur_len && log->step_out && idx < scn_nsteps(log->sc)) {
		free(log->step_out[idx]);
		log->step_out[idx] = strndup(log->cur_out, log->cur_len);
	}
	if (snaps && (record || ret < 0))
		log->snap = slub_snapshot_take();
	if (log->flags & SCN_LOG_PLACE)
		learn_layout_now(log);
	if (ret > 0)
		log->pos++;
	if (ret < 0)
		log->failed = true;
	return ret;
}

int scn_log_step(struct scn_log *log, struct scn_error *err)
{
	return run_step(log, true, err);
}

int scn_log_goto(struct scn_log *log, int n, struct scn_error *err)
{
	int ret = 1;

	if (n < 0)
		n = 0;
	if (n > scn_nsteps(log->sc))
		n = scn_nsteps(log->sc);
	if (n < log->pos || !log->run || (log->failed && n <= log->pos)) {
		if (scn_log_start(log, err))
			return -1;
	}
	if (n == log->pos)
		return 0;
	while (log->pos < n - 1 && ret > 0)
		ret = run_step(log, false, err);
	if (ret > 0 && log->pos == n - 1) {
		if (log->flags & SCN_LOG_SNAPSHOTS)
			set_snap(&log->snap, slub_snapshot_take());
		ret = run_step(log, true, err);
	}
	return ret < 0 ? -1 : 0;
}

int scn_log_pos(const struct scn_log *log)
{
	return log ? log->pos : 0;
}

bool scn_log_failed(const struct scn_log *log)
{
	return log && log->failed;
}

struct scn_run *scn_log_run(const struct scn_log *log)
{
	return log ? log->run : NULL;
}

/* ------------------------------------------------------------ queries */

int scn_log_count(const struct scn_log *log)
{
	return log ? log->nev : 0;
}

const struct scn_event *scn_log_events(const struct scn_log *log)
{
	return log ? log->ev : NULL;
}

void scn_log_set_limit(struct scn_log *log, int max)
{
	log->limit = max > 0 ? max : 0;
}

const struct scn_event *scn_log_last(const struct scn_log *log)
{
	if (!log || !log->reported)
		return NULL;
	if (log->nev && log->reported == log->nev)
		return &log->ev[log->nev - 1];
	return log->over.func ? &log->over : NULL;
}

long scn_log_reported(const struct scn_log *log)
{
	return log ? log->reported : 0;
}

bool scn_log_stat_seen(const struct scn_log *log, int item)
{
	return log && item >= 0 && item < NR_SLUB_STAT_ITEMS &&
	       log->stat_seen[item];
}

bool scn_log_func_seen(const struct scn_log *log, const char *func)
{
	int i;

	for (i = 0; log && func && i < log->nfuncs; i++)
		if (!strcmp(log->funcs[i], func))
			return true;
	return false;
}

const char *scn_log_last_cache(const struct scn_log *log)
{
	return log ? log->last_cache : "";
}

const char *scn_log_output(const struct scn_log *log, int step)
{
	if (!log || !log->step_out || step < 0 ||
	    step >= scn_nsteps(log->sc) || !log->step_out[step])
		return "";
	return log->step_out[step];
}

int scn_log_expect_failures(const struct scn_log *log, int step)
{
	if (!log || !log->expect_fail || step < 0 ||
	    step >= scn_nsteps(log->sc))
		return -1;
	return log->expect_fail[step];
}

const struct slub_snapshot *scn_log_snapshot(const struct scn_log *log)
{
	return log ? log->snap : NULL;
}

const struct slub_snapshot *scn_log_prev(const struct scn_log *log)
{
	return log ? log->prev : NULL;
}

/* ------------------------------------------------------------ attached */

void scn_log_attach(struct scn_log *log)
{
	log->attached = true;
	log->recording = true;
	log->step = 0;
	slub_set_observer(observe, log);
}

void scn_log_detach(struct scn_log *log)
{
	if (!log || !log->attached)
		return;
	slub_set_observer(NULL, NULL);
	log->attached = false;
	log->recording = false;
}

void scn_log_clear(struct scn_log *log)
{
	clear_events(log);
}
