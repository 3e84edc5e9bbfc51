// SPDX-License-Identifier: GPL-2.0-only
/*
 * The player runs a scenario one step at a time through the event log
 * (scenario/eventlog.h), which keeps what the drawing needs: the snapshot
 * before and after the last step and the events the allocator reported
 * during it, and which goes back to step n by replaying the run.  The
 * player adds the step's output and the last echo as one line each.
 */
#include <stdlib.h>
#include <string.h>
#include "viz.h"
#include "scenario.h"
#include "eventlog.h"

/* The events a step keeps for the code path panel; the rest are counted. */
#define MAX_EVENTS	4000

struct viz_player {
	struct scenario *sc;
	struct scn_log *log;	/* runs, records, replays the scenario */
	char *output;		/* output of the last step, on one line */
	char *caption;		/* output of the last echo */
	char error[700];
	bool failed;
};

/* The output of step i on one line: newlines become ';'. */
static char *one_line(const struct viz_player *p, int i)
{
	char *s = strdup(scn_log_output(p->log, i));
	size_t n, k;

	if (!s)
		return NULL;
	n = strlen(s);
	while (n && s[n - 1] == '\n')
		s[--n] = 0;
	for (k = 0; k < n; k++)
		if (s[k] == '\n')
			s[k] = ';';
	return s;
}

static void set_text(char **dst, char *s)
{
	free(*dst);
	*dst = s;
}

/*
 * After a step (or a replay): the output of the step that ran last, and
 * the caption, the output of the last echo up to it.
 */
static void take_output(struct viz_player *p, struct scn_error *err, int ret)
{
	int last = scn_log_failed(p->log) ? scn_log_pos(p->log) :
		   scn_log_pos(p->log) - 1;
	int i;

	set_text(&p->output, last >= 0 ? one_line(p, last) : NULL);
	set_text(&p->caption, NULL);
	for (i = scn_log_pos(p->log) - 1; i >= 0 && !p->caption; i--)
		if (!strncmp(scn_step_text(p->sc, i), "echo", 4) &&
		    *scn_log_output(p->log, i))
			set_text(&p->caption, one_line(p, i));
	if (ret < 0) {
		scn_error_format(err, p->error, sizeof(p->error));
		p->failed = true;
	}
}

static int start_run(struct viz_player *p)
{
	struct scn_error err;
	int ret;

	p->failed = false;
	p->error[0] = 0;
	ret = scn_log_start(p->log, &err);
	take_output(p, &err, ret);
	return ret;
}

struct viz_player *viz_player_new(struct scenario *sc)
{
	struct viz_player *p = calloc(1, sizeof(*p));

	if (!p)
		return NULL;
	p->sc = sc;
	p->log = scn_log_new(sc, SCN_LOG_EVENTS | SCN_LOG_OUTPUT |
			     SCN_LOG_DIAG | SCN_LOG_SNAPSHOTS);
	if (!p->log) {
		free(p);
		return NULL;
	}
	scn_log_set_limit(p->log, MAX_EVENTS);
	start_run(p);
	return p;
}

void viz_player_free(struct viz_player *p)
{
	if (!p)
		return;
	scn_log_free(p->log);
	free(p->output);
	free(p->caption);
	free(p);
}

int viz_player_step(struct viz_player *p)
{
	struct scn_error err;
	int ret;

	if (scn_log_pos(p->log) >= scn_nsteps(p->sc))
		return 0;
	if (!scn_log_run(p->log) || p->failed)
		return -1;
	ret = scn_log_step(p->log, &err);
	take_output(p, &err, ret);
	return ret;
}

int viz_player_goto(struct viz_player *p, int n)
{
	struct scn_error err;
	int ret;

	if (n < scn_log_pos(p->log) || !scn_log_run(p->log) ||
	    (p->failed && n <= scn_log_pos(p->log))) {
		p->failed = false;
		p->error[0] = 0;
	}
	ret = scn_log_goto(p->log, n, &err);
	take_output(p, &err, ret);
	return ret;
}

int viz_player_pos(const struct viz_player *p)
{
	return scn_log_pos(p->log);
}

int viz_player_nsteps(const struct viz_player *p)
{
	return scn_nsteps(p->sc);
}

const struct slub_snapshot *viz_player_snapshot(const struct viz_player *p)
{
	return scn_log_snapshot(p->log);
}

const char *viz_player_error(const struct viz_player *p)
{
	return p->failed ? p->error : NULL;
}

const char *viz_player_last_cache(const struct viz_player *p)
{
	return scn_log_last_cache(p->log);
}

static const char *var_name(void *arg, unsigned long addr)
{
	struct viz_player *p = arg;

	return scn_run_var_name(scn_log_run(p->log), (const void *)addr);
}

void viz_player_frame(const struct viz_player *p, struct viz_frame *f)
{
	int pos = scn_log_pos(p->log), shown = p->failed ? pos : pos - 1;

	memset(f, 0, sizeof(*f));
	f->title = scn_file(p->sc);
	f->step = pos;
	f->nsteps = scn_nsteps(p->sc);
	if (shown >= 0 && shown < f->nsteps) {
		f->line = scn_step_line(p->sc, shown);
		f->stmt = scn_step_text(p->sc, shown);
	}
	f->output = p->output ? p->output : "";
	f->caption = p->caption ? p->caption : "";
	f->error = p->failed ? p->error : NULL;
	f->ev = scn_log_events(p->log);
	f->nev = scn_log_count(p->log);
	f->nev_total = (int)scn_log_reported(p->log);
	f->prev = scn_log_prev(p->log);
	f->var_name = var_name;
	f->var_arg = (void *)p;
}

bool viz_player_has_kind(const struct viz_player *p, int kind)
{
	if (kind == VIZ_KIND_SLOWPATH)
		return scn_log_func_seen(p->log, "__slab_alloc") ||
		       scn_log_func_seen(p->log, "__slab_free") ||
		       scn_log_stat_seen(p->log, ALLOC_SLOWPATH) ||
		       scn_log_stat_seen(p->log, FREE_SLOWPATH);
	return scn_log_stat_seen(p->log, kind);
}

const char *viz_kind_name(int kind)
{
	if (kind == VIZ_KIND_SLOWPATH)
		return "slowpath (__slab_alloc, __slab_free)";
	return viz_stat_name(kind);
}
