// SPDX-License-Identifier: GPL-2.0-only
/*
 * The player runs a scenario one step at a time and keeps what the
 * drawing needs: the snapshot before and after the last step and the
 * events the allocator reported during it.  The allocator in simulated-CPU
 * mode is deterministic, so going back to step n is: end the run, start
 * it again, run n steps.
 */
#include <stdlib.h>
#include <string.h>
#include "viz.h"
#include "scenario.h"

#define MAX_EVENTS	4000

struct viz_player {
	struct scenario *sc;
	struct scn_run *run;
	int pos;
	struct slub_snapshot *snap, *prev;
	struct viz_event ev[MAX_EVENTS];
	int nev, nev_total;
	bool recording;
	unsigned long stats_seen;	/* stat items counted in the step */
	bool slowpath_seen;
	char last_cache[32];		/* cache of the step's last event */
	FILE *out;			/* echo and diagnostics */
	char *out_buf;
	size_t out_len, out_mark;
	size_t ev_mark;			/* output turned into events */
	char output[256];
	char caption[256];		/* output of the last echo */
	char error[700];
	bool failed;
};

static void copy_str(char *dst, size_t len, const char *src)
{
	snprintf(dst, len, "%s", src ? src : "");
}

/* What the scenario printed since the last event, as events of its own. */
static void output_events(struct viz_player *p)
{
	size_t at, end;

	fflush(p->out);
	for (at = p->ev_mark; at < p->out_len; at = end + 1) {
		struct viz_event *v;

		end = at;
		while (end < p->out_len && p->out_buf[end] != '\n')
			end++;
		if (p->nev >= MAX_EVENTS)
			continue;
		v = &p->ev[p->nev++];
		memset(v, 0, sizeof(*v));
		v->type = VIZ_EV_OUTPUT;
		v->stat = -1;
		snprintf(v->what, sizeof(v->what), "%.*s", (int)(end - at),
			 p->out_buf + at);
	}
	p->ev_mark = p->out_len;
}

static void observer(const struct slub_event *e, void *arg)
{
	struct viz_player *p = arg;
	struct viz_event *v;

	if (!p->recording)
		return;
	output_events(p);
	p->nev_total++;
	if (e->type == SLUB_EV_STAT && e->stat >= 0 &&
	    e->stat < NR_SLUB_STAT_ITEMS)
		p->stats_seen |= 1UL << e->stat;
	if (e->func && (!strcmp(e->func, "__slab_alloc") ||
			!strcmp(e->func, "__slab_free")))
		p->slowpath_seen = true;
	if (e->cache)
		copy_str(p->last_cache, sizeof(p->last_cache), e->cache);
	if (p->nev >= MAX_EVENTS)
		return;
	v = &p->ev[p->nev++];
	v->type = e->type;
	copy_str(v->func, sizeof(v->func), e->func);
	copy_str(v->what, sizeof(v->what), e->what);
	copy_str(v->section, sizeof(v->section), e->section);
	copy_str(v->cache, sizeof(v->cache), e->cache);
	v->cpu = e->cpu;
	v->stat = e->stat;
	v->pfn = e->pfn;
	v->object = (unsigned long)e->object;
}

static void clear_step(struct viz_player *p)
{
	p->nev = 0;
	p->nev_total = 0;
	p->stats_seen = 0;
	p->slowpath_seen = false;
	p->last_cache[0] = 0;
	p->output[0] = 0;
}

static void set_error(struct viz_player *p, const struct scn_error *err)
{
	scn_error_format(err, p->error, sizeof(p->error));
	p->failed = true;
}

/* The output of the last step, on one line. */
static void take_output(struct viz_player *p)
{
	size_t n, i;

	fflush(p->out);
	n = p->out_len - p->out_mark;
	if (n >= sizeof(p->output))
		n = sizeof(p->output) - 1;
	memcpy(p->output, p->out_buf + p->out_mark, n);
	p->output[n] = 0;
	p->out_mark = p->out_len;
	while (n && p->output[n - 1] == '\n')
		p->output[--n] = 0;
	for (i = 0; i < n; i++)
		if (p->output[i] == '\n')
			p->output[i] = ';';
}

static void end_run(struct viz_player *p)
{
	if (p->run)
		scn_run_end(p->run);
	p->run = NULL;
	if (p->out)
		fclose(p->out);
	p->out = NULL;
	free(p->out_buf);
	p->out_buf = NULL;
}

static void replace_snap(struct slub_snapshot **dst,
			 struct slub_snapshot *snap)
{
	if (*dst)
		slub_snapshot_free(*dst);
	*dst = snap;
}

static int start_run(struct viz_player *p)
{
	struct scn_error err;

	end_run(p);
	clear_step(p);
	p->pos = 0;
	p->caption[0] = 0;
	p->failed = false;
	p->error[0] = 0;
	p->out_len = p->out_mark = p->ev_mark = 0;
	p->out = open_memstream(&p->out_buf, &p->out_len);
	if (!p->out)
		return -1;
	p->run = scn_run_start(p->sc, observer, p, &err);
	if (!p->run) {
		set_error(p, &err);
		replace_snap(&p->snap, NULL);
		replace_snap(&p->prev, NULL);
		return -1;
	}
	scn_run_set_output(p->run, p->out);
	scn_run_set_diag(p->run, p->out);
	replace_snap(&p->prev, NULL);
	replace_snap(&p->snap, slub_snapshot_take());
	return 0;
}

struct viz_player *viz_player_new(struct scenario *sc)
{
	struct viz_player *p = calloc(1, sizeof(*p));

	if (!p)
		return NULL;
	p->sc = sc;
	start_run(p);
	return p;
}

void viz_player_free(struct viz_player *p)
{
	if (!p)
		return;
	replace_snap(&p->snap, NULL);
	replace_snap(&p->prev, NULL);
	end_run(p);
	free(p);
}

/* Runs one step; keep: take the snapshots and record the events. */
static int run_step(struct viz_player *p, bool keep)
{
	struct scn_error err;
	int ret;

	if (!p->run || p->failed)
		return -1;
	clear_step(p);
	p->recording = keep;
	if (keep) {
		replace_snap(&p->prev, p->snap);
		p->snap = NULL;
	}
	ret = scn_run_step(p->run, &err);
	if (keep)
		output_events(p);
	p->recording = false;
	p->ev_mark = p->out_len;
	take_output(p);
	if (ret > 0 && p->output[0] &&
	    !strncmp(scn_step_text(p->sc, p->pos), "echo", 4))
		memcpy(p->caption, p->output, sizeof(p->caption));
	if (ret < 0)
		set_error(p, &err);
	if (ret > 0)
		p->pos++;
	if (keep || ret < 0)
		replace_snap(&p->snap, slub_snapshot_take());
	return ret;
}

int viz_player_step(struct viz_player *p)
{
	if (p->pos >= scn_nsteps(p->sc))
		return 0;
	return run_step(p, true);
}

int viz_player_goto(struct viz_player *p, int n)
{
	int ret = 1;

	if (n < 0)
		n = 0;
	if (n > scn_nsteps(p->sc))
		n = scn_nsteps(p->sc);
	if (n < p->pos || !p->run || (p->failed && n <= p->pos)) {
		if (start_run(p))
			return -1;
	}
	if (n == p->pos)
		return 0;
	/* Run quietly to n - 2, then keep the last two states. */
	while (p->pos < n - 1 && ret > 0)
		ret = run_step(p, false);
	if (ret > 0 && p->pos == n - 1) {
		replace_snap(&p->snap, slub_snapshot_take());
		ret = run_step(p, true);
	}
	return ret < 0 ? -1 : 0;
}

int viz_player_pos(const struct viz_player *p)
{
	return p->pos;
}

int viz_player_nsteps(const struct viz_player *p)
{
	return scn_nsteps(p->sc);
}

const struct slub_snapshot *viz_player_snapshot(const struct viz_player *p)
{
	return p->snap;
}

const char *viz_player_error(const struct viz_player *p)
{
	return p->failed ? p->error : NULL;
}

const char *viz_player_last_cache(const struct viz_player *p)
{
	return p->last_cache;
}

static const char *var_name(void *arg, unsigned long addr)
{
	struct viz_player *p = arg;

	if (!p->run)
		return NULL;
	return scn_run_var_name(p->run, (const void *)addr);
}

void viz_player_frame(const struct viz_player *p, struct viz_frame *f)
{
	int shown = p->failed ? p->pos : p->pos - 1;

	memset(f, 0, sizeof(*f));
	f->title = scn_file(p->sc);
	f->step = p->pos;
	f->nsteps = scn_nsteps(p->sc);
	if (shown >= 0 && shown < f->nsteps) {
		f->line = scn_step_line(p->sc, shown);
		f->stmt = scn_step_text(p->sc, shown);
	}
	f->output = p->output;
	f->caption = p->caption;
	f->error = p->failed ? p->error : NULL;
	f->ev = p->ev;
	f->nev = p->nev;
	f->nev_total = p->nev_total;
	f->prev = p->prev;
	f->var_name = var_name;
	f->var_arg = (void *)p;
}

bool viz_player_has_kind(const struct viz_player *p, int kind)
{
	if (kind == VIZ_KIND_SLOWPATH)
		return p->slowpath_seen ||
		       p->stats_seen & (1UL << ALLOC_SLOWPATH |
					1UL << FREE_SLOWPATH);
	if (kind < 0 || kind >= NR_SLUB_STAT_ITEMS)
		return false;
	return p->stats_seen & (1UL << kind);
}

const char *viz_kind_name(int kind)
{
	if (kind == VIZ_KIND_SLOWPATH)
		return "slowpath (__slab_alloc, __slab_free)";
	return viz_stat_name(kind);
}
