// SPDX-License-Identifier: GPL-2.0-only
/*
 * The interactive visualizer: a resizable window, the keys listed in the
 * help overlay (h), the mouse for zoom, pan and the inspector, and short
 * animations when a step moves slabs or changes objects.
 */
#include <stdlib.h>
#include <string.h>
#include "viz.h"
#include "viz_int.h"
#include "scenario.h"

#define ANIM_MS		380
#define DRAG_PIXELS	4

struct app {
	SDL_Window *win;
	SDL_Renderer *r;
	struct viz_view v;
	struct viz_layout l, from;
	struct viz_player *p;
	const char *error;	/* a parse error, when there is no player */
	const struct viz_opts *o;
	bool quit, playing, dirty, shot;
	double speed;		/* steps per second when playing */
	Uint32 last_step, anim_start;
	int kind;		/* VIZ_KIND_SLOWPATH or a stat item */
	bool down, dragging;
	int down_x, down_y;
	int shots;
	const char *keys;	/* left of --keys */
	char status[400], note[160];
};

static bool have_display(void)
{
	const char *d = getenv("DISPLAY"), *w = getenv("WAYLAND_DISPLAY");
	const char *drv = getenv("SDL_VIDEODRIVER");

	return (drv && *drv) || (d && *d) || (w && *w);
}

/* ---------------------------------------------------------------- steps */

static void after_step(struct app *a, bool animate)
{
	char before[sizeof(a->v.cache)];

	memcpy(before, a->v.cache, sizeof(before));
	viz_follow(&a->v, a->p);
	if (strcmp(before, a->v.cache) || !a->v.user_moved)
		a->v.need_fit = true;
	a->v.from = animate && a->from.cache >= 0 ? &a->from : NULL;
	a->v.anim = a->v.from ? 0 : 1;
	a->anim_start = SDL_GetTicks();
	a->dirty = true;
}

static int step_forward(struct app *a)
{
	int ret;

	if (!a->p)
		return 0;
	/* The layout drawn last becomes the animation's start. */
	viz_layout_free(&a->from);
	a->from = a->l;
	memset(&a->l, 0, sizeof(a->l));
	a->l.cache = -1;
	ret = viz_player_next(a->p);
	/* Scripted keys (tests) see no animation: the frames are exact. */
	after_step(a, ret > 0 && !a->o->keys);
	return ret;
}

static void step_back(struct app *a)
{
	if (!a->p)
		return;
	viz_player_prev(a->p);
	after_step(a, false);
}

static void go_to(struct app *a, int n)
{
	if (!a->p)
		return;
	viz_player_goto(a->p, n);
	after_step(a, false);
}

static void jump(struct app *a, int kind)
{
	int ret;

	if (!a->p)
		return;
	a->playing = false;
	do {
		ret = viz_player_step(a->p);
	} while (ret > 0 && !viz_player_has_kind(a->p, kind));
	snprintf(a->note, sizeof(a->note), ret > 0 ? "found: %s" :
		 "no further step with %s", viz_kind_name(kind));
	after_step(a, false);
}

/* Every statement a step, or quiet ones folded into the next. */
static void every(struct app *a)
{
	if (!a->p)
		return;
	viz_player_set_every(a->p, !viz_player_every(a->p));
	snprintf(a->note, sizeof(a->note), "%s", viz_player_every(a->p) ?
		 "e: every statement is a step" :
		 "e: statements that change nothing are folded");
	after_step(a, false);
}

/* m: compare every step with this one; M: stop comparing. */
static void compare(struct app *a, bool stop)
{
	if (!a->p)
		return;
	/* The top bar says "compared with step N" from now on. */
	if (stop)
		viz_player_unmark(a->p);
	else if (viz_player_mark(a->p, -1))
		snprintf(a->note, sizeof(a->note), "compare: no memory");
	after_step(a, false);
}

static const char *session_path(const struct app *a, char *buf, size_t len)
{
	if (a->o->session)
		return a->o->session;
	snprintf(buf, len, "%s/slubviz.session", a->o->out ? a->o->out : ".");
	return buf;
}

/* o: the session into --session FILE (or slubviz.session). */
static void save_session(struct app *a)
{
	struct viz_session s = { .compare = -1 };
	char buf[4200];
	const char *path = session_path(a, buf, sizeof(buf));

	if (!a->p)
		return;
	snprintf(s.scenario, sizeof(s.scenario), "%s", a->o->scenario);
	s.step = viz_player_shown(a->p);
	s.every = viz_player_every(a->p);
	s.compare = viz_player_marked(a->p);
	viz_session_from_view(&s, &a->v);
	if (viz_session_save(path, &s))
		snprintf(a->note, sizeof(a->note), "cannot save %.120s", path);
	else
		snprintf(a->note, sizeof(a->note), "session saved: %.120s",
			 path);
	fprintf(stderr, "slubviz: %s\n", a->note);
}

/* ----------------------------------------------------------------- input */

static const struct slub_snapshot *snapshot(const struct app *a)
{
	return a->p ? viz_player_snapshot(a->p) : NULL;
}

static void zoom_at(struct app *a, double factor, int x, int y)
{
	if (!snapshot(a))
		return;
	viz_view_zoom(&a->v, snapshot(a), factor, x, y);
	a->dirty = true;
}

static void zoom_content(struct app *a, double factor)
{
	if (!snapshot(a))
		return;
	viz_view_zoom_content(&a->v, snapshot(a), factor);
	a->dirty = true;
}

static void pan(struct app *a, double dx, double dy)
{
	viz_view_pan(&a->v, dx, dy);
	a->dirty = true;
}

static void cycle_cache(struct app *a, int dir)
{
	const struct slub_snapshot *s = a->p ? viz_player_snapshot(a->p) : 0;
	int i;

	if (!s || !s->nr_caches)
		return;
	i = viz_pick_cache(s, &a->v);
	i = (i + dir + s->nr_caches) % s->nr_caches;
	snprintf(a->v.cache, sizeof(a->v.cache), "%s", s->caches[i].name);
	a->v.follow = false;
	a->v.picked = false;
	a->v.need_fit = true;
}

static void cycle_kind(struct app *a, int dir)
{
	a->kind += dir;
	if (a->kind >= NR_SLUB_STAT_ITEMS)
		a->kind = VIZ_KIND_SLOWPATH;
	if (a->kind < VIZ_KIND_SLOWPATH)
		a->kind = NR_SLUB_STAT_ITEMS - 1;
	snprintf(a->note, sizeof(a->note), "j jumps to: %s",
		 viz_kind_name(a->kind));
}

static void cycle_cpu(struct app *a)
{
	const struct slub_snapshot *s = a->p ? viz_player_snapshot(a->p) : 0;
	int n = s ? s->nr_cpus : 1;

	a->v.focus_cpu++;
	if (a->v.focus_cpu >= n)
		a->v.focus_cpu = -1;
}

static void fit(struct app *a)
{
	a->v.user_moved = false;
	a->v.need_fit = true;
}

static bool key_steps(struct app *a, SDL_Keycode k, bool shift)
{
	switch (k) {
	case SDLK_RIGHT: case SDLK_l: case SDLK_RETURN:
		if (shift)
			pan(a, 80, 0);
		else
			step_forward(a);
		break;
	case SDLK_LEFT: case SDLK_BACKSPACE:
		if (shift)
			pan(a, -80, 0);
		else
			step_back(a);
		break;
	case SDLK_HOME:
		go_to(a, 0);
		break;
	case SDLK_END:
		go_to(a, a->p ? viz_player_nsteps(a->p) : 0);
		break;
	case SDLK_SPACE:
		a->playing = !a->playing;
		a->last_step = SDL_GetTicks();
		break;
	case SDLK_RIGHTBRACKET:
		a->speed = a->speed * 2 > 32 ? 32 : a->speed * 2;
		break;
	case SDLK_LEFTBRACKET:
		a->speed = a->speed / 2 < 0.125 ? 0.125 : a->speed / 2;
		break;
	case SDLK_n:
		jump(a, VIZ_KIND_SLOWPATH);
		break;
	case SDLK_j:
		jump(a, a->kind);
		break;
	case SDLK_k:
		cycle_kind(a, shift ? -1 : 1);
		break;
	case SDLK_e:
		every(a);
		break;
	case SDLK_m:
		compare(a, shift);
		break;
	default:
		return false;
	}
	return true;
}

static bool key_view(struct app *a, SDL_Keycode k, bool shift)
{
	switch (k) {
	case SDLK_c:
		cycle_cpu(a);
		break;
	case SDLK_TAB:
		cycle_cache(a, shift ? -1 : 1);
		break;
	case SDLK_f:
		a->v.follow = !a->v.follow;
		break;
	case SDLK_EQUALS: case SDLK_PLUS: case SDLK_KP_PLUS:
		zoom_content(a, 1.25);
		break;
	case SDLK_MINUS: case SDLK_KP_MINUS:
		zoom_content(a, 0.8);
		break;
	case SDLK_0:
		fit(a);
		break;
	case SDLK_w: case SDLK_UP:
		pan(a, 0, -80);
		break;
	case SDLK_s: case SDLK_DOWN:
		pan(a, 0, 80);
		break;
	case SDLK_a:
		pan(a, -80, 0);
		break;
	case SDLK_d:
		pan(a, 80, 0);
		break;
	default:
		return false;
	}
	return true;
}

static void key(struct app *a, const SDL_KeyboardEvent *e)
{
	SDL_Keycode k = e->keysym.sym;
	bool shift = e->keysym.mod & KMOD_SHIFT;

	a->dirty = true;
	if (key_steps(a, k, shift) || key_view(a, k, shift))
		return;
	switch (k) {
	case SDLK_h: case SDLK_QUESTION: case SDLK_F1:
		a->v.help = !a->v.help;
		break;
	case SDLK_p: case SDLK_F12:
		a->shot = true;
		break;
	case SDLK_o:
		save_session(a);
		break;
	case SDLK_SLASH:
		if (shift)
			a->v.help = !a->v.help;
		break;
	case SDLK_ESCAPE:
		if (a->v.help || a->v.picked)
			a->v.help = a->v.picked = false;
		else
			a->quit = true;
		break;
	case SDLK_q:
		a->quit = true;
		break;
	}
}

/* The rows of the slab_caches list (draw.c: caches_list()). */
static void click_caches(struct app *a, int y)
{
	const struct slub_snapshot *s = a->p ? viz_player_snapshot(a->p) : 0;
	int i = (y - (VIZ_TOP_H + 8 + 20 - 1)) / 16;

	if (!s || y < VIZ_TOP_H + 8 + 20 - 1 || i >= s->nr_caches)
		return;
	snprintf(a->v.cache, sizeof(a->v.cache), "%s", s->caches[i].name);
	a->v.follow = false;
	a->v.picked = false;
	a->v.need_fit = true;
}

static void click(struct app *a, int x, int y)
{
	const struct slub_snapshot *s = a->p ? viz_player_snapshot(a->p) : 0;
	struct viz_regions reg;
	struct viz_pick pk;

	viz_regions(&a->v, &reg);
	if (SDL_PointInRect(&(SDL_Point){ x, y }, &reg.left)) {
		click_caches(a, y);
		return;
	}
	if (!s || !SDL_PointInRect(&(SDL_Point){ x, y }, &reg.slabs))
		return;
	pk = viz_layout_hit(&a->l, s, &a->v, x, y);
	a->v.picked = pk.slab >= 0;
	if (a->v.picked) {
		a->v.pick_pfn = s->caches[pk.cache].slabs[pk.slab].pfn;
		a->v.pick_obj = pk.obj;
	}
}

static void mouse(struct app *a, const SDL_Event *e)
{
	int mx, my;

	a->dirty = true;
	switch (e->type) {
	case SDL_MOUSEWHEEL:
		SDL_GetMouseState(&mx, &my);
		zoom_at(a, e->wheel.y > 0 ? 1.15 : 1 / 1.15, mx, my);
		break;
	case SDL_MOUSEBUTTONDOWN:
		a->down = e->button.button == SDL_BUTTON_LEFT;
		a->dragging = false;
		a->down_x = e->button.x;
		a->down_y = e->button.y;
		break;
	case SDL_MOUSEMOTION:
		a->v.mouse_x = e->motion.x;
		a->v.mouse_y = e->motion.y;
		if (!a->down)
			break;
		if (abs(e->motion.x - a->down_x) + abs(e->motion.y - a->down_y)
		    > DRAG_PIXELS)
			a->dragging = true;
		if (a->dragging)
			pan(a, -e->motion.xrel, -e->motion.yrel);
		break;
	case SDL_MOUSEBUTTONUP:
		if (a->down && !a->dragging)
			click(a, e->button.x, e->button.y);
		a->down = a->dragging = false;
		break;
	}
}

static void resized(struct app *a)
{
	int w, h;

	SDL_GetRendererOutputSize(a->r, &w, &h);
	viz_view_resize(&a->v, w, h);
	a->dirty = true;
}

static void handle(struct app *a, const SDL_Event *e)
{
	switch (e->type) {
	case SDL_QUIT:
		a->quit = true;
		break;
	case SDL_KEYDOWN:
		key(a, &e->key);
		break;
	case SDL_MOUSEWHEEL: case SDL_MOUSEBUTTONDOWN:
	case SDL_MOUSEMOTION: case SDL_MOUSEBUTTONUP:
		mouse(a, e);
		break;
	case SDL_WINDOWEVENT:
		if (e->window.event == SDL_WINDOWEVENT_SIZE_CHANGED)
			resized(a);
		if (e->window.event == SDL_WINDOWEVENT_LEAVE)
			a->v.mouse_x = a->v.mouse_y = -1;
		a->dirty = true;
		break;
	}
}

/* ----------------------------------------------------------------- frame */

static void screenshot(struct app *a)
{
	SDL_Surface *s;
	char path[4200];

	s = SDL_CreateRGBSurfaceWithFormat(0, a->v.w, a->v.h, 32,
					   SDL_PIXELFORMAT_ARGB8888);
	if (!s)
		return;
	snprintf(path, sizeof(path), "%s/slubviz-%03d.png",
		 a->o->out ? a->o->out : ".", a->shots++);
	if (!SDL_RenderReadPixels(a->r, NULL, SDL_PIXELFORMAT_ARGB8888,
				  s->pixels, s->pitch) &&
	    !viz_save_png(s, path))
		snprintf(a->note, sizeof(a->note), "saved %.140s", path);
	else
		snprintf(a->note, sizeof(a->note), "screenshot failed");
	fprintf(stderr, "slubviz: %s\n", a->note);
	SDL_FreeSurface(s);
}

/* The status line, from the view as it will be drawn (after any fit). */
static void status(struct app *a)
{
	const struct slub_snapshot *snap = snapshot(a);
	const char *shown = snap && a->l.cache >= 0 ?
			    snap->caches[a->l.cache].name : "";
	char cpu[16], cache[96];

	if (a->v.focus_cpu < 0)
		snprintf(cpu, sizeof(cpu), "all");
	else
		snprintf(cpu, sizeof(cpu), "%d", a->v.focus_cpu);
	if (a->v.cache[0] && strcmp(a->v.cache, shown))
		snprintf(cache, sizeof(cache), "%s%.24s (%.24s is gone)",
			 a->v.follow ? "follow: " : "", shown, a->v.cache);
	else
		snprintf(cache, sizeof(cache), "%s%.30s",
			 a->v.follow ? "follow " : "", shown);
	snprintf(a->status, sizeof(a->status),
		 "%s %.3g/s%s  j: %.24s  CPU %s  %s  %.0f%%%s  h: help  %.80s",
		 a->playing ? "playing" : "paused", a->speed,
		 a->p && viz_player_every(a->p) ? "  every statement" : "",
		 a->kind == VIZ_KIND_SLOWPATH ? "slowpath" :
		 viz_kind_name(a->kind), cpu, cache, a->v.zoom * 100,
		 a->l.bars ? " (bars)" : "", a->note);
}

static void draw(struct app *a)
{
	const struct slub_snapshot *snap = snapshot(a);
	struct viz_frame f;

	if (a->p) {
		viz_player_frame(a->p, &f);
	} else {
		memset(&f, 0, sizeof(f));
		f.title = a->o->scenario;
		f.error = a->error;
	}
	viz_view_prepare(&a->v, &a->l, snap);
	status(a);
	f.status = a->status;
	viz_draw(a->r, snap, &f, &a->v, &a->l);
	if (a->shot)
		screenshot(a);
	a->shot = false;
	SDL_RenderPresent(a->r);
}

static void tick(struct app *a)
{
	Uint32 now = SDL_GetTicks();

	if (a->playing && now - a->last_step >= 1000 / a->speed) {
		a->last_step = now;
		if (step_forward(a) <= 0)
			a->playing = false;
	}
	if (a->v.anim < 1) {
		a->v.anim = (double)(now - a->anim_start) / ANIM_MS;
		if (a->v.anim >= 1) {
			a->v.anim = 1;
			a->v.from = NULL;
		}
		a->dirty = true;
	}
}

/*
 * --keys: one key per frame, for tests under SDL_VIDEODRIVER=offscreen:
 * letters and digits as typed, < and > the arrows, ' ' space, '\t' tab,
 * '{' Home, '}' End, '^' BackSpace; quits after the last one.
 */
static void scripted_key(struct app *a)
{
	static const struct { char c; SDL_Keycode k; } map[] = {
		{ '<', SDLK_LEFT }, { '>', SDLK_RIGHT }, { '{', SDLK_HOME },
		{ '}', SDLK_END }, { '^', SDLK_BACKSPACE }, { '\t', SDLK_TAB },
	};
	SDL_KeyboardEvent e = { .type = SDL_KEYDOWN };
	size_t i;
	char c;

	if (!a->keys)
		return;
	c = *a->keys++;
	if (!c) {
		a->quit = true;
		return;
	}
	e.keysym.sym = (unsigned char)c;
	for (i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (map[i].c == c)
			e.keysym.sym = map[i].k;
	if (c == 'K' || c == 'M') {
		e.keysym.sym = c == 'K' ? SDLK_k : SDLK_m;
		e.keysym.mod = KMOD_LSHIFT;
	}
	key(a, &e);
	a->dirty = true;
}

static void loop(struct app *a)
{
	SDL_Event e;

	while (!a->quit) {
		scripted_key(a);
		if (!a->dirty && !a->playing && a->v.anim >= 1 &&
		    SDL_WaitEventTimeout(&e, 250))
			handle(a, &e);
		while (SDL_PollEvent(&e))
			handle(a, &e);
		tick(a);
		if (a->dirty || a->playing) {
			a->dirty = false;
			draw(a);
		}
	}
}

/* ------------------------------------------------------------------ open */

static int open_window(struct app *a)
{
	Uint32 flags = SDL_WINDOW_RESIZABLE;

	if (SDL_Init(SDL_INIT_VIDEO) < 0)
		return -1;
	a->win = SDL_CreateWindow("slubviz", SDL_WINDOWPOS_CENTERED,
				  SDL_WINDOWPOS_CENTERED, a->o->w, a->o->h,
				  flags);
	if (!a->win)
		return -1;
	a->r = SDL_CreateRenderer(a->win, -1, SDL_RENDERER_PRESENTVSYNC);
	if (!a->r)
		a->r = SDL_CreateRenderer(a->win, -1, SDL_RENDERER_SOFTWARE);
	if (!a->r)
		return -1;
	viz_view_init(&a->v, a->o->w, a->o->h, viz_text_new(a->r));
	if (!a->v.text)
		return -1;
	a->v.need_fit = true;
	resized(a);
	return 0;
}

/* --step, --compare, --every and a session's view. */
static void open_at(struct app *a)
{
	const struct viz_opts *o = a->o;

	if (!a->p)
		return;
	viz_player_set_every(a->p, o->every);
	if (o->view)
		viz_session_to_view(o->view, &a->v);
	if (o->compare >= 0 && o->compare <= viz_player_nsteps(a->p))
		viz_player_mark(a->p, o->compare);
	if (o->step > 0)
		viz_player_goto(a->p, o->step);
	after_step(a, false);
	if (o->view && !o->view->fit)
		a->v.need_fit = false;
}

static void close_window(struct app *a)
{
	viz_layout_free(&a->l);
	viz_layout_free(&a->from);
	viz_view_release(&a->v);
	viz_text_free(a->v.text);
	if (a->r)
		SDL_DestroyRenderer(a->r);
	if (a->win)
		SDL_DestroyWindow(a->win);
	SDL_QuitSubSystem(SDL_INIT_VIDEO);
}

static int no_display(const struct viz_opts *o)
{
	fprintf(stderr, "slubviz: cannot open a window: %s\n"
		"slubviz: render PNGs instead: slubviz --headless --out DIR "
		"%s\n", have_display() ? SDL_GetError() :
		"no display (DISPLAY and WAYLAND_DISPLAY are unset)",
		o->scenario ? o->scenario : "SCENARIO");
	return VIZ_EXIT_FAIL;
}

int viz_window(const struct viz_opts *o)
{
	struct app a = { .o = o, .speed = 2, .kind = VIZ_KIND_SLOWPATH,
			 .dirty = true, .keys = o->keys };
	struct scenario *sc;
	char err[800];
	int status = VIZ_EXIT_OK;

	a.l.cache = a.from.cache = -1;
	sc = viz_load(o->scenario, err, sizeof(err));
	if (!sc) {
		a.error = err;
		status = VIZ_EXIT_SCENARIO;
	}
	if (sc && (o->step > scn_nsteps(sc) || o->compare > scn_nsteps(sc))) {
		fprintf(stderr, "slubviz: %s %d: the scenario has %d steps\n",
			o->step > scn_nsteps(sc) ? "--step" : "--compare",
			o->step > scn_nsteps(sc) ? o->step : o->compare,
			scn_nsteps(sc));
		scn_free(sc);
		return VIZ_EXIT_SCENARIO;
	}
	if (!have_display() || open_window(&a)) {
		if (status == VIZ_EXIT_OK)
			status = no_display(o);
		close_window(&a);
		scn_free(sc);
		return status;
	}
	if (sc) {
		a.p = viz_player_new(sc);
		open_at(&a);
	}
	SDL_SetWindowTitle(a.win, o->scenario);
	loop(&a);
	if (a.p && viz_player_error(a.p))
		status = VIZ_EXIT_FAIL;
	viz_player_free(a.p);
	close_window(&a);
	scn_free(sc);
	return status;
}
