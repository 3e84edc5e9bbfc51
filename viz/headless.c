// SPDX-License-Identifier: GPL-2.0-only
/*
 * --headless: one PNG per step (step-000.png is the state after slub_init,
 * step-N.png the state after the N-th statement), no window, no video
 * subsystem.  --bench: frames per second of the drawing code.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "viz.h"
#include "scenario.h"

struct scenario *viz_load(const char *path, char *err, size_t len)
{
	struct scn_error e;
	struct scenario *sc;

	memset(&e, 0, sizeof(e));
	sc = scn_parse_file(path, &e);
	if (!sc) {
		scn_error_format(&e, err, len);
		fprintf(stderr, "%s\n", err);
	}
	return sc;
}

void viz_follow(struct viz_view *v, const struct viz_player *p)
{
	const char *c = viz_player_last_cache(p);

	if (v->follow && c && *c)
		snprintf(v->cache, sizeof(v->cache), "%s", c);
}

static int mkdir_p(const char *dir)
{
	char buf[4096];
	char *s;

	snprintf(buf, sizeof(buf), "%s", dir);
	for (s = buf + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = 0;
		if (mkdir(buf, 0777) && errno != EEXIST)
			return -1;
		*s = '/';
	}
	if (mkdir(buf, 0777) && errno != EEXIST)
		return -1;
	return 0;
}

/* Every frame is fitted to the window, unless a session set the zoom. */
static void auto_fit(struct viz_view *v, const struct slub_snapshot *snap)
{
	if (!v->user_moved)
		viz_view_fit(v, snap);
}

static int render_frame(struct viz_canvas *cv, struct viz_view *v,
			struct viz_player *p, const char *dir)
{
	const struct slub_snapshot *snap = viz_player_snapshot(p);
	struct viz_layout l = { .cache = -1 };
	struct viz_frame f;
	char path[4200];
	int ret;

	viz_follow(v, p);
	if (snap)
		auto_fit(v, snap);
	viz_player_frame(p, &f);
	viz_draw(cv->r, snap, &f, v, &l);
	viz_layout_free(&l);
	SDL_RenderFlush(cv->r);
	snprintf(path, sizeof(path), "%s/step-%03d.png", dir,
		 viz_player_shown(p));
	ret = viz_save_png(cv->surf, path);
	if (f.output && strstr(f.output, "expect failed"))
		fprintf(stderr, "slubviz: step %d: %s\n", f.step, f.output);
	return ret;
}

static int check_step(const char *flag, int n, const struct viz_player *p)
{
	if (n <= viz_player_nsteps(p))
		return 0;
	fprintf(stderr, "slubviz: %s %d: the scenario has %d steps\n", flag, n,
		viz_player_nsteps(p));
	return -1;
}

/*
 * Steps first .. last (the whole scenario: 0 .. -1); stops at a step that
 * fails, after drawing it.  The number of frames, or -1.
 */
static int render_range(struct viz_canvas *cv, struct viz_view *v,
			struct viz_player *p, const char *dir, int first,
			int last)
{
	int n = 0, ret = 1;

	viz_player_goto(p, first);
	for (;;) {
		if (render_frame(cv, v, p, dir))
			return -1;
		n++;
		if (viz_player_error(p) || (last >= 0 &&
					    viz_player_shown(p) >= last))
			break;
		ret = viz_player_step(p);
		if (ret == 0)
			break;
		if (ret < 0) {
			if (render_frame(cv, v, p, dir))
				return -1;
			return n + 1;
		}
	}
	return n;
}

static int render_all(struct viz_canvas *cv, struct viz_view *v,
		      struct viz_player *p, const struct viz_opts *o)
{
	if (o->compare >= 0 && viz_player_mark(p, o->compare))
		return -1;
	if (o->steps_from >= 0)
		return render_range(cv, v, p, o->out, o->steps_from,
				    o->steps_to);
	if (o->frame >= 0)
		return render_range(cv, v, p, o->out, o->frame, o->frame);
	return render_range(cv, v, p, o->out, 0, -1);
}

int viz_headless(const struct viz_opts *o)
{
	struct viz_canvas cv;
	struct viz_player *p;
	struct scenario *sc;
	struct viz_view v;
	char err[800];
	int n, status = VIZ_EXIT_OK;

	sc = viz_load(o->scenario, err, sizeof(err));
	if (!sc)
		return VIZ_EXIT_SCENARIO;
	if (mkdir_p(o->out)) {
		fprintf(stderr, "slubviz: %s: %s\n", o->out, strerror(errno));
		scn_free(sc);
		return VIZ_EXIT_FAIL;
	}
	if (viz_canvas_open(&cv, o->w, o->h)) {
		fprintf(stderr, "slubviz: cannot render: %s\n", SDL_GetError());
		scn_free(sc);
		return VIZ_EXIT_FAIL;
	}
	viz_view_init(&v, o->w, o->h, cv.text);
	if (o->view)
		viz_session_to_view(o->view, &v);
	p = viz_player_new(sc);
	if (p)
		viz_player_set_every(p, true);
	if (p && (check_step("--compare", o->compare, p) ||
		  check_step("--steps", o->steps_to, p) ||
		  check_step(o->step >= 0 ? "--step" : "--frame", o->frame,
			     p))) {
		viz_player_free(p);
		viz_view_release(&v);
		viz_canvas_close(&cv);
		scn_free(sc);
		return VIZ_EXIT_SCENARIO;
	}
	n = p ? render_all(&cv, &v, p, o) : -1;
	if (p && viz_player_error(p)) {
		fprintf(stderr, "%s\n", viz_player_error(p));
		status = VIZ_EXIT_FAIL;
	}
	if (n < 0)
		status = VIZ_EXIT_FAIL;
	else if (!o->quiet)
		printf("slubviz: %d frame%s of %s in %s\n", n,
		       n == 1 ? "" : "s", o->scenario, o->out);
	viz_player_free(p);
	viz_view_release(&v);
	viz_canvas_close(&cv);
	scn_free(sc);
	return status;
}

/* ---------------------------------------------------------------- bench */

static double now(clockid_t clock)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static long count_objects(const struct slub_snapshot *s, const char *cache)
{
	long n = 0;
	int i, j;

	for (i = 0; i < s->nr_caches; i++)
		if (!strcmp(s->caches[i].name, cache))
			for (j = 0; j < s->caches[i].nr_slabs; j++)
				n += s->caches[i].slabs[j].objects;
	return n;
}

/* Frames of the full window at the view's zoom; prints one line. */
static void bench_pass(struct viz_canvas *cv, struct viz_view *v,
		       const struct slub_snapshot *snap,
		       const struct viz_frame *f, int frames,
		       const char *what)
{
	struct viz_layout l = { .cache = -1 };
	double t0, c0, t, cpu;
	int i;

	for (i = 0; i < 5; i++) {
		viz_draw(cv->r, snap, f, v, &l);
		SDL_RenderFlush(cv->r);
	}
	t0 = now(CLOCK_MONOTONIC);
	c0 = now(CLOCK_THREAD_CPUTIME_ID);
	for (i = 0; i < frames; i++) {
		/* A slight pan each frame: nothing is cached between frames. */
		v->pan_y = (i % 2) * 1.0;
		viz_draw(cv->r, snap, f, v, &l);
		SDL_RenderFlush(cv->r);
	}
	t = now(CLOCK_MONOTONIC) - t0;
	cpu = now(CLOCK_THREAD_CPUTIME_ID) - c0;
	printf("  %-7s zoom %3.0f%%, %s, %5d objects drawn: %6.2f ms/frame, "
	       "%5.0f fps (CPU time: %.2f ms/frame, %.0f fps)\n", what,
	       v->zoom * 100, l.bars ? "bars " : "cells", v->drawn_cells,
	       1000 * t / frames, frames / t, 1000 * cpu / frames,
	       frames / cpu);
	viz_layout_free(&l);
}

/* The smallest zoom at which the slabs are drawn as cells. */
static double cells_zoom(void)
{
	return (VIZ_LOD_CELL + 0.01) / 16.0;
}

/*
 * The whole window as the user sees it: panels, code path, counters and
 * a tooltip under the pointer; at the fitted zoom (bars for a big cache),
 * at the smallest zoom that draws cells, and at zoom 1.
 */
static void bench_loop(struct viz_canvas *cv, struct viz_view *v,
		       const struct slub_snapshot *snap,
		       const struct viz_frame *f, int frames)
{
	struct viz_layout l = { .cache = -1 };
	struct viz_regions reg;

	viz_view_fit(v, snap);
	viz_layout_build(&l, snap, v);
	viz_regions(v, &reg);
	v->mouse_x = reg.slabs.x + reg.slabs.w / 3;
	v->mouse_y = reg.slabs.y + reg.slabs.h / 3;
	printf("bench: %d frames of %dx%d, cache %s: %ld objects, full window "
	       "(panels, code path, %d events, counters, tooltip), software "
	       "renderer\n", frames, v->w, v->h, snap->caches[l.cache].name,
	       count_objects(snap, snap->caches[l.cache].name),
	       f ? f->nev : 0);
	viz_layout_free(&l);
	bench_pass(cv, v, snap, f, frames, "fitted");
	v->zoom = cells_zoom();
	v->user_moved = true;
	bench_pass(cv, v, snap, f, frames, "cells");
	v->zoom = 1;
	bench_pass(cv, v, snap, f, frames, "zoom 1");
}

#define BENCH_SCENARIO	"viz/scenarios/viz-20k-objects.scn"

/*
 * Going back a step replays the run from the start (the allocator is
 * deterministic in simulated-CPU mode): the time from the step with the
 * most objects to the one before it, and forward again, is what Left
 * costs there.
 */
static void bench_step_back(struct viz_player *p)
{
	int at = viz_player_shown(p), i, n = 5;
	double t0, back = 0, fwd = 0, t;

	if (at < 1)
		return;
	for (i = 0; i < n; i++) {
		t0 = now(CLOCK_MONOTONIC);
		viz_player_goto(p, at - 1);
		t = now(CLOCK_MONOTONIC);
		back += t - t0;
		viz_player_goto(p, at);
		fwd += now(CLOCK_MONOTONIC) - t;
	}
	printf("  step back from step %d to %d (replay from the start): "
	       "%.1f ms; forward again: %.1f ms (mean of %d)\n", at, at - 1,
	       1000 * back / n, 1000 * fwd / n, n);
}

/* The first step at which the cache shown holds the most objects. */
static int fullest_step(struct viz_player *p)
{
	struct viz_view v = { .cache = "" };
	long most = -1, n;
	int best = 0, i, ci;

	viz_player_goto(p, 0);
	for (i = 0; i <= viz_player_nsteps(p); i++) {
		if (i && viz_player_step(p) <= 0)
			break;
		v.follow = true;
		viz_follow(&v, p);
		ci = viz_pick_cache(viz_player_snapshot(p), &v);
		n = ci < 0 ? 0 : count_objects(viz_player_snapshot(p),
			viz_player_snapshot(p)->caches[ci].name);
		if (n > most) {
			most = n;
			best = i;
		}
	}
	return best;
}

int viz_bench(const struct viz_opts *o)
{
	struct slub_snapshot *synth = NULL;
	struct viz_player *p = NULL;
	struct scenario *sc = NULL;
	const struct slub_snapshot *snap;
	const char *path = o->scenario;
	struct viz_frame f, *fp = NULL;
	struct viz_canvas cv;
	struct viz_view v;
	char err[800];

	if (!path && !access(BENCH_SCENARIO, R_OK))
		path = BENCH_SCENARIO;
	if (path) {
		sc = viz_load(path, err, sizeof(err));
		if (!sc)
			return VIZ_EXIT_SCENARIO;
		p = viz_player_new(sc);
		viz_player_goto(p, fullest_step(p));
		snap = viz_player_snapshot(p);
		viz_player_frame(p, &f);
		fp = &f;
	} else {
		snap = synth = viz_synth_snapshot(313, 64, 64, 0);
	}
	if (!snap || viz_canvas_open(&cv, o->w, o->h)) {
		fprintf(stderr, "slubviz: bench: no state or no renderer\n");
		viz_player_free(p);
		scn_free(sc);
		viz_synth_free(synth);
		return VIZ_EXIT_FAIL;
	}
	viz_view_init(&v, o->w, o->h, cv.text);
	if (p)
		viz_follow(&v, p);
	bench_loop(&cv, &v, snap, fp, o->bench);
	if (p)
		bench_step_back(p);
	viz_view_release(&v);
	viz_canvas_close(&cv);
	viz_player_free(p);
	scn_free(sc);
	viz_synth_free(synth);
	return VIZ_EXIT_OK;
}
