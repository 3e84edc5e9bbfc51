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
	bool every;		/* every statement a step: no folding */
	char folded[400];	/* the statements folded into the one shown */
	struct slub_snapshot *mark;	/* compare: the state at ... */
	int mark_step;			/* ... this step */
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
	slub_snapshot_free(p->mark);
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

int viz_player_shown(const struct viz_player *p)
{
	return scn_log_pos(p->log) + (p->failed ? 1 : 0);
}

/*
 * Statements that change no state the picture shows: they print, check,
 * choose the CPU or cgroup of what follows, or arm a later event.  By
 * default each is folded into the next statement that does change state.
 */
static const char *const quiet_words[] = {
	"echo", "cpu", "show", "expect", "inject", "migrate", "enter",
	"fail_page_alloc", "failslab",
};

static bool word_is(const char *stmt, const char *w)
{
	size_t n = strlen(w);

	/* '[': a design mark, as in expect[3.18] */
	return !strncmp(stmt, w, n) && (!stmt[n] || stmt[n] == ' ' ||
					 stmt[n] == '\t' || stmt[n] == '[');
}

bool viz_step_is_quiet(const char *stmt)
{
	size_t i;

	for (i = 0; i < sizeof(quiet_words) / sizeof(quiet_words[0]); i++)
		if (word_is(stmt, quiet_words[i]))
			return true;
	return false;
}

/* Is step k (the state after statement k) one the player stops at? */
static bool stops_at(const struct viz_player *p, int k)
{
	return p->every || k <= 0 || k >= scn_nsteps(p->sc) ||
	       !viz_step_is_quiet(scn_step_text(p->sc, k - 1));
}

void viz_player_set_every(struct viz_player *p, bool every)
{
	p->every = every;
}

bool viz_player_every(const struct viz_player *p)
{
	return p->every;
}

int viz_player_next(struct viz_player *p)
{
	int ret;

	do {
		ret = viz_player_step(p);
	} while (ret > 0 && !stops_at(p, viz_player_pos(p)));
	return ret;
}

int viz_player_prev(struct viz_player *p)
{
	int k = viz_player_shown(p) - 1;

	while (k > 0 && !stops_at(p, k))
		k--;
	return viz_player_goto(p, k < 0 ? 0 : k);
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

static const char *sheaf_name(void *arg, unsigned int id)
{
	struct viz_player *p = arg;

	return scn_run_sheaf_name(scn_log_run(p->log), id);
}

/*
 * The statements of the step shown: the one that ran last and, when
 * quiet statements are folded, those before it back to the previous
 * stop.  Counts their expects and those that failed.
 */
static void group(struct viz_player *p, struct viz_frame *f)
{
	int last = viz_player_shown(p), first = last, i, n;
	size_t used = 0;

	while (!p->every && first > 1 && !stops_at(p, first - 1))
		first--;
	f->first = first;
	p->folded[0] = 0;
	for (i = first; i <= last && i >= 1; i++) {
		const char *s = scn_step_text(p->sc, i - 1);

		n = scn_log_expect_failures(p->log, i - 1);
		if (word_is(s, "expect"))
			f->expects++;
		if (n > 0)
			f->expect_fails += n;
		if (i < last && used < sizeof(p->folded))
			used += snprintf(p->folded + used,
					 sizeof(p->folded) - used, "%s%d %s%s",
					 used ? "  \xc2\xb7  " : "", i, s,
					 !word_is(s, "expect") ? "" : n > 0 ?
					 " \xe2\x9c\x97" : " \xe2\x9c\x93");
	}
	f->folded = p->folded;
}

void viz_player_frame(const struct viz_player *p, struct viz_frame *f)
{
	int pos = scn_log_pos(p->log), shown = p->failed ? pos : pos - 1;

	memset(f, 0, sizeof(*f));
	f->title = scn_file(p->sc);
	f->step = viz_player_shown(p);
	f->nsteps = scn_nsteps(p->sc);
	group((struct viz_player *)p, f);
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
	if (p->mark) {
		f->prev = p->mark;
		f->compare = true;
		f->compare_step = p->mark_step;
	}
	f->var_name = var_name;
	f->sheaf_name = sheaf_name;
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

int viz_player_mark(struct viz_player *p, int step)
{
	int back = viz_player_shown(p), ret = 0;
	struct slub_snapshot *s;

	if (step > viz_player_nsteps(p))
		return -1;
	if (step >= 0 && step != back)
		viz_player_goto(p, step);
	s = slub_snapshot_take();
	if (s) {
		slub_snapshot_free(p->mark);
		p->mark = s;
		p->mark_step = viz_player_shown(p);
	} else {
		ret = -1;
	}
	if (step >= 0 && step != back)
		viz_player_goto(p, back);
	return ret;
}

void viz_player_unmark(struct viz_player *p)
{
	slub_snapshot_free(p->mark);
	p->mark = NULL;
}

int viz_player_marked(const struct viz_player *p)
{
	return p->mark ? p->mark_step : -1;
}
