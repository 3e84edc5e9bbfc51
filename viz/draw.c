// SPDX-License-Identifier: GPL-2.0-only
/*
 * One frame: the top bar (step, scenario line, operation), the slab_caches
 * list and the kmem_cache box on the left, the main area (draw_world.c),
 * the code path and the counters on the right, the legend at the bottom,
 * and the inspector, help and error overlays.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include "viz.h"
#include "viz_int.h"
#include "draw_int.h"
#include "palette.h"

const SDL_Color viz_colors[VIZ_NR_COLORS] = {
	[VIZ_C_BG] = { 0xf4, 0xf3, 0xee, 255 },
	[VIZ_C_PANEL] = { 0xe4, 0xe2, 0xd9, 255 },
	[VIZ_C_BOX] = { 0xff, 0xff, 0xff, 255 },
	[VIZ_C_BORDER] = { 0x55, 0x55, 0x55, 255 },
	[VIZ_C_TEXT] = { 0x1e, 0x1e, 0x1e, 255 },
	[VIZ_C_DIM] = { 0x8a, 0x8a, 0x86, 255 },
	[VIZ_C_TITLE] = { 0x10, 0x2a, 0x5c, 255 },
	[VIZ_C_ACCENT] = { 0xd9, 0x6c, 0x00, 255 },
	/* The objects and their parts: the palette of every drawing. */
	[VIZ_C_ALLOC] = PALETTE_RGBA(PALETTE_ALLOCATED),
	[VIZ_C_CPU_FREE] = PALETTE_RGBA(PALETTE_CPU_FREE),
	[VIZ_C_PAGE_FREE] = PALETTE_RGBA(PALETTE_PAGE_FREE),
	[VIZ_C_REDZONE] = PALETTE_RGBA(PALETTE_RED_ZONE),
	[VIZ_C_POISON] = PALETTE_RGBA(PALETTE_POISON),
	[VIZ_C_TRACK] = PALETTE_RGBA(PALETTE_TRACK),
	[VIZ_C_FREEPTR] = PALETTE_RGBA(PALETTE_FREE_POINTER),
	[VIZ_C_PAD] = PALETTE_RGBA(PALETTE_PADDING),
	[VIZ_C_ARROW] = { 0x24, 0x2c, 0x3a, 255 },
	[VIZ_C_CHANGED] = { 0xff, 0xa8, 0x00, 255 },
	[VIZ_C_ERROR] = { 0xc0, 0x1c, 0x1c, 255 },
	[VIZ_C_FROZEN] = PALETTE_RGBA(PALETTE_CPU_LINE),
	[VIZ_C_STAT] = { 0x1f, 0x6f, 0x3a, 255 },
	[VIZ_C_SLAB_BG] = { 0xfb, 0xfb, 0xf8, 255 },
};

#define C(x)	(viz_colors[VIZ_C_##x])

static void fill(SDL_Renderer *r, int x, int y, int w, int h, SDL_Color c)
{
	viz_set_color(r, c);
	SDL_RenderFillRect(r, &(SDL_Rect){ x, y, w, h });
}

static void frame_rect(SDL_Renderer *r, int x, int y, int w, int h,
		       SDL_Color c)
{
	viz_set_color(r, c);
	SDL_RenderDrawRect(r, &(SDL_Rect){ x, y, w, h });
}

/* Draws s cut to max_w pixels (monospace estimate, then checked). */
static void text_fit(struct viz_text *t, enum viz_face f, int px,
		     SDL_Color c, int x, int y, int max_w, const char *s)
{
	char buf[VIZ_LINE_MAX + 8];
	size_t n = strlen(s);

	if (n >= sizeof(buf) - 4)
		n = sizeof(buf) - 4;
	memcpy(buf, s, n);
	buf[n] = 0;
	while (n > 4 && viz_text_width(t, f, px, buf) > max_w) {
		n = n * 9 / 10;
		memcpy(buf + n, "...", 4);
	}
	viz_text_draw(t, f, px, c, x, y, buf);
}

/* --------------------------------------------------------------- top bar */

/* The functions of the step, each once, in order of first appearance. */
static void path_summary(const struct viz_frame *f, char *buf, size_t len)
{
	size_t used = 0;
	int i, j, shown = 0;

	buf[0] = 0;
	for (i = 0; i < f->nev && used < len; i++) {
		const struct viz_event *e = &f->ev[i];

		if (e->type != SLUB_EV_STEP && e->type != SLUB_EV_STAT)
			continue;
		for (j = 0; j < i; j++)
			if ((f->ev[j].type == SLUB_EV_STEP ||
			     f->ev[j].type == SLUB_EV_STAT) &&
			    !strcmp(e->func, f->ev[j].func))
				break;
		if (j < i)
			continue;
		used += snprintf(buf + used, len - used, "%s%s %s",
				 shown++ ? "  >  " : "", e->section, e->func);
	}
}

static void top_bar(struct dctx *d)
{
	const struct viz_frame *f = d->f;
	struct viz_text *t = d->v->text;
	const char *line2;
	char buf[512];
	int x = 12;

	fill(d->r, 0, 0, d->v->w, VIZ_TOP_H, C(TITLE));
	if (!f) {
		viz_text_draw(t, VIZ_BOLD, 17, C(BOX), x, 8, "slubviz");
		return;
	}
	x += viz_textf(t, VIZ_BOLD, 17, C(BOX), x, 6, "step %d / %d",
		       f->step, f->nsteps) + 18;
	if (f->line)
		x += viz_textf(t, VIZ_SANS, 14, C(PANEL), x, 8, "%s:%d",
			       f->title ? f->title : "", f->line) + 14;
	else
		x += viz_textf(t, VIZ_SANS, 14, C(PANEL), x, 8, "%s",
			       f->title ? f->title : "") + 14;
	text_fit(t, VIZ_MONO, 16, C(FREEPTR), x, 6, d->v->w - x - 10,
		 f->stmt && *f->stmt ? f->stmt : "(start: slub_init)");
	line2 = f->caption && *f->caption ? f->caption : "";
	text_fit(t, VIZ_SANS, 15, C(BOX), 12, 32, d->v->w - 24, line2);
	x = d->v->w - 12;
	if (f->status) {
		x -= viz_text_width(t, VIZ_SANS, 12, f->status);
		viz_text_draw(t, VIZ_SANS, 12, C(FREEPTR), x, 58, f->status);
	}
	path_summary(f, buf, sizeof(buf));
	text_fit(t, VIZ_MONO, 12, C(PANEL), 12, 58, x - 36, buf);
}

/* ----------------------------------------------------------- left panel */

static int caches_list(struct dctx *d, int y)
{
	struct viz_text *t = d->v->text;
	int i, x = 10, max_y = d->v->h / 2;

	viz_text_draw(t, VIZ_BOLD, 13, C(TITLE), x, y, "slab_caches");
	y += 20;
	for (i = 0; i < d->snap->nr_caches && y < max_y; i++) {
		const struct slub_snap_cache *c = &d->snap->caches[i];
		bool sel = i == d->l->cache;

		if (sel)
			fill(d->r, 4, y - 1, VIZ_LEFT_W - 8, 16, C(BOX));
		fill(d->r, x + 2, y + 3, 2, 12, C(DIM));
		viz_textf(t, sel ? VIZ_BOLD : VIZ_SANS, 11,
			  c->nr_slabs ? C(TEXT) : C(DIM), x + 10, y,
			  "%s", c->name);
		viz_textf(t, VIZ_MONO, 11, c->nr_slabs ? C(TEXT) : C(DIM),
			  x + 140, y, "%5u %4d", c->size, c->nr_slabs);
		y += 16;
	}
	if (i < d->snap->nr_caches)
		viz_textf(t, VIZ_SANS, 11, C(DIM), x + 10, y, "... %d more",
			  d->snap->nr_caches - i);
	return y + 22;
}

static void cache_box(struct dctx *d, int y)
{
	char lines[24][VIZ_LINE_MAX];
	struct viz_text *t = d->v->text;
	int i, n, h;

	n = viz_cache_lines(d->cache, lines, 24);
	h = 28 + 15 * n;
	fill(d->r, 6, y, VIZ_LEFT_W - 12, h, C(BOX));
	frame_rect(d->r, 6, y, VIZ_LEFT_W - 12, h, C(BORDER));
	viz_text_draw(t, VIZ_BOLD, 12, C(TITLE), 12, y + 5,
		      "struct kmem_cache");
	for (i = 0; i < n; i++)
		text_fit(t, VIZ_MONO, 11, C(TEXT), 12, y + 24 + 15 * i,
			 VIZ_LEFT_W - 26, lines[i]);
}

static void left_panel(struct dctx *d)
{
	int y;

	fill(d->r, 0, VIZ_TOP_H, VIZ_LEFT_W, d->v->h - VIZ_TOP_H, C(PANEL));
	if (!d->snap)
		return;
	y = caches_list(d, VIZ_TOP_H + 8);
	if (d->cache)
		cache_box(d, y);
}

/* ---------------------------------------------------------- right panel */

static SDL_Color event_color(const struct viz_event *e)
{
	if (e->type == SLUB_EV_STAT)
		return C(STAT);
	if (e->type == VIZ_EV_OUTPUT)
		return C(ACCENT);
	if (e->type == SLUB_EV_REPORT)
		return C(ERROR);
	return C(TEXT);
}

/* Draws s in lines of at most cols characters; returns the lines used. */
static int wrapped(struct viz_text *t, SDL_Color c, int x, int y, int cols,
		   int max_lines, const char *s)
{
	char buf[VIZ_LINE_MAX + 8];
	int n = 0, len = (int)strlen(s), ind = 0;

	while (len > 0 && n < max_lines) {
		int take = len > cols - ind ? cols - ind : len;

		if (take < len)
			for (int k = take; k > take / 2; k--)
				if (s[k] == ' ') {
					take = k;
					break;
				}
		snprintf(buf, sizeof(buf), "%*s%.*s", ind, "", take, s);
		viz_text_draw(t, VIZ_MONO, 10, c, x, y + 13 * n, buf);
		s += take;
		len -= take;
		while (*s == ' ')
			s++, len--;
		ind = 4;
		n++;
	}
	return n;
}

static bool same_event(const struct viz_event *a, const struct viz_event *b)
{
	return a->type == b->type && a->cpu == b->cpu && a->stat == b->stat &&
	       !strcmp(a->func, b->func) && !strcmp(a->what, b->what) &&
	       !strcmp(a->section, b->section);
}

/* How often the p events at i repeat back to back (1: no repeat). */
static int repeats(const struct viz_frame *f, int i, int p)
{
	int n = 1, k;

	while (i + (n + 1) * p <= f->nev) {
		for (k = 0; k < p; k++)
			if (!same_event(&f->ev[i + k], &f->ev[i + n * p + k]))
				return n;
		n++;
	}
	return n;
}

/* Period and count of the longest run of repeated blocks at i. */
static int run_at(const struct viz_frame *f, int i, int *period)
{
	int p, n, best = 1;

	*period = 1;
	for (p = 1; p <= 4; p++) {
		n = repeats(f, i, p);
		if (n > 1 && n * p > best * *period) {
			best = n;
			*period = p;
		}
	}
	return best;
}

static int events_panel(struct dctx *d, int x, int y, int w, int max_y)
{
	struct viz_text *t = d->v->text;
	int i, k, n, period, cols = w / (viz_text_width(t, VIZ_MONO, 10,
					 "0123456789") / 10 + 0.001);
	char buf[VIZ_LINE_MAX];

	viz_text_draw(t, VIZ_BOLD, 13, C(TITLE), x, y,
		      "Code path (book section, function: what)");
	y += 20;
	if (!d->f || !d->f->nev) {
		viz_text_draw(t, VIZ_SANS, 11, C(DIM), x, y,
			      "(no allocator events in this step)");
		return y + 24;
	}
	for (i = 0; i < d->f->nev; i += n * period) {
		if (y + 28 > max_y) {
			viz_textf(t, VIZ_SANS, 11, C(DIM), x, y,
				  "... %d more events",
				  (d->f->nev_total > d->f->nev ?
				   d->f->nev_total : d->f->nev) - i);
			y += 15;
			break;
		}
		n = run_at(d->f, i, &period);
		for (k = 0; k < period && y + 15 <= max_y; k++) {
			viz_event_line(&d->f->ev[i + k], buf, sizeof(buf));
			y += 13 * wrapped(t, event_color(&d->f->ev[i + k]), x,
					  y, cols, (max_y - y - 15) / 13,
					  buf) + 1;
		}
		if (n > 1) {
			viz_textf(t, VIZ_SANS, 11, C(ACCENT), x + 24, y,
				  "(the %s above, %d times in all)",
				  period > 1 ? "lines" : "line", n);
			y += 15;
		}
	}
	return y + 10;
}

static unsigned long prev_stat(const struct dctx *d, int item)
{
	return d->prev_cache ? d->prev_cache->stat[item] : 0;
}

static void counters_panel(struct dctx *d, int x, int y, int w)
{
	char lines[NR_SLUB_STAT_ITEMS][VIZ_LINE_MAX];
	struct viz_text *t = d->v->text;
	int i, n;

	n = viz_counter_lines(d->snap, d->l->cache, d->v->focus_cpu, lines,
			      NR_SLUB_STAT_ITEMS);
	if (d->v->focus_cpu >= 0)
		viz_textf(t, VIZ_BOLD, 13, C(TITLE), x, y,
			  "Counters of %s (total, CPU %d)", d->cache->name,
			  d->v->focus_cpu);
	else
		viz_textf(t, VIZ_BOLD, 13, C(TITLE), x, y,
			  "Counters of %s (total, per CPU)", d->cache->name);
	y += 20;
	for (i = 0; i < n; i++) {
		bool changed = d->prev_cache &&
			       d->cache->stat[i] != prev_stat(d, i);

		if (changed)
			fill(d->r, x - 3, y, w + 3, 14, C(CHANGED));
		text_fit(t, VIZ_MONO, 10, d->cache->stat[i] ? C(TEXT) : C(DIM),
			 x, y, w, lines[i]);
		y += 14;
	}
}

static void right_panel(struct dctx *d)
{
	int x = d->v->w - VIZ_RIGHT_W, y = VIZ_TOP_H + 8;
	int w = VIZ_RIGHT_W - 16, counters_h = 20 + 14 * NR_SLUB_STAT_ITEMS;
	int max_y = d->v->h - VIZ_BOTTOM_H - counters_h - 16;

	fill(d->r, x, VIZ_TOP_H, VIZ_RIGHT_W, d->v->h - VIZ_TOP_H, C(PANEL));
	if (max_y < y + 60)
		max_y = y + 60;
	y = events_panel(d, x + 10, y, w, max_y);
	if (d->cache)
		counters_panel(d, x + 10, max_y + 8, w);
}

/* ----------------------------------------------------------- bottom bar */

static const struct {
	int color;
	const char *label;
} legend[] = {
	{ VIZ_C_ALLOC, PALETTE_WORD_ALLOCATED },
	{ VIZ_C_CPU_FREE, PALETTE_WORD_CPU_FREE },
	{ VIZ_C_PAGE_FREE, PALETTE_WORD_PAGE_FREE },
	{ VIZ_C_FREEPTR, PALETTE_WORD_FREE_POINTER },
	{ VIZ_C_REDZONE, PALETTE_WORD_RED_ZONE },
	{ VIZ_C_POISON, PALETTE_WORD_POISON },
	{ VIZ_C_TRACK, PALETTE_WORD_TRACK },
	{ VIZ_C_PAD, PALETTE_WORD_PADDING },
	{ VIZ_C_CHANGED, "changed" },
};

static void bottom_bar(struct dctx *d)
{
	struct viz_text *t = d->v->text;
	int y = d->v->h - VIZ_BOTTOM_H, x = 10;
	size_t i;

	fill(d->r, 0, y, d->v->w, VIZ_BOTTOM_H, C(BOX));
	fill(d->r, 0, y, d->v->w, 1, C(BORDER));
	for (i = 0; i < sizeof(legend) / sizeof(legend[0]); i++) {
		fill(d->r, x, y + 9, 13, 13, viz_colors[legend[i].color]);
		frame_rect(d->r, x, y + 9, 13, 13, C(BORDER));
		x += 18 + viz_text_draw(t, VIZ_SANS, 12, C(TEXT), x + 18,
					y + 8, legend[i].label) + 14;
	}
	fill(d->r, x, y + 7, 17, 17, C(CPU_FREE));
	viz_text_draw(t, VIZ_SANS, 10,
		      (SDL_Color)PALETTE_RGBA(palette[PAL_CPU_FREE].ink),
		      x + 2, y + 9, "1");
	viz_text_draw(t, VIZ_SANS, 12, C(TEXT), x + 22, y + 8,
		      "freelist order");
}

/* -------------------------------------------------------------- overlays */

static void text_box(struct dctx *d, int x, int y, const char *title,
		     char (*lines)[VIZ_LINE_MAX], int n, SDL_Color border)
{
	struct viz_text *t = d->v->text;
	int i, w = viz_text_width(t, VIZ_BOLD, 13, title) + 20, h;

	for (i = 0; i < n; i++) {
		int lw = viz_text_width(t, VIZ_MONO, 12, lines[i]) + 20;

		w = lw > w ? lw : w;
	}
	h = 30 + 17 * n;
	if (y + h > d->v->h - VIZ_BOTTOM_H)
		y = d->v->h - VIZ_BOTTOM_H - h - 4;
	fill(d->r, x, y, w, h, C(BOX));
	frame_rect(d->r, x, y, w, h, border);
	frame_rect(d->r, x + 1, y + 1, w - 2, h - 2, border);
	viz_text_draw(t, VIZ_BOLD, 13, C(TITLE), x + 10, y + 6, title);
	for (i = 0; i < n; i++)
		viz_text_draw(t, VIZ_MONO, 12, C(TEXT), x + 10,
			      y + 26 + 17 * i, lines[i]);
}

static void inspector(struct dctx *d)
{
	char lines[16][VIZ_LINE_MAX];
	struct viz_pick p = { d->l->cache, -1, d->v->pick_obj };
	int n, k = 0;

	if (!d->v->picked)
		return;
	p.slab = viz_find_pfn(d->cache, d->v->pick_pfn);
	if (p.slab < 0)
		return;
	if (d->f && d->f->var_name && p.obj >= 0) {
		const char *var = d->f->var_name(d->f->var_arg,
			d->cache->slabs[p.slab].addr +
			(unsigned long)p.obj * d->cache->size);

		if (var)
			k = snprintf(lines[0], VIZ_LINE_MAX,
				     "scenario variable %s", var) > 0;
	}
	n = k + viz_inspect_lines(d->snap, &p, lines + k, 16 - k);
	if (n)
		text_box(d, d->main.x + 10, d->main.y + d->main.h - 30 - 17 * n,
			 "Inspector (click elsewhere or Esc to close)",
			 lines, n, C(ACCENT));
}

static const char *const help_text[] = {
	"Right, l, Enter   step forward",
	"Left, BackSpace   step back (replays from the start)",
	"Home / End        first / last step",
	"Space             play / pause",
	"[ and ]           slower / faster",
	"n                 next slowpath step",
	"k / K             choose an event kind",
	"j                 next step with that event kind",
	"c                 focus the next CPU (or all)",
	"Tab / Shift+Tab   show the next / previous cache",
	"f                 follow the cache of the events",
	"wheel, + / -      zoom        drag, w a s d: pan",
	"0                 fit the cache in the window",
	"click             inspect an object or slab;",
	"                  a cache in the list: show it",
	"p, F12            save a screenshot (PNG)",
	"h, ?, F1          this help     q, Esc: quit",
};

static void help_overlay(struct dctx *d)
{
	char lines[20][VIZ_LINE_MAX];
	int i, n = sizeof(help_text) / sizeof(help_text[0]);

	for (i = 0; i < n; i++)
		snprintf(lines[i], VIZ_LINE_MAX, "%s", help_text[i]);
	text_box(d, d->v->w / 2 - 260, d->v->h / 2 - 170, "slubviz keys",
		 lines, n, C(TITLE));
}

static void error_banner(struct dctx *d)
{
	struct viz_text *t = d->v->text;
	int y = d->main.y + 6, w = d->main.w - 12;

	if (!d->f || !d->f->error)
		return;
	fill(d->r, d->main.x + 6, y, w, 50, C(BOX));
	frame_rect(d->r, d->main.x + 6, y, w, 50, C(ERROR));
	frame_rect(d->r, d->main.x + 7, y + 1, w - 2, 48, C(ERROR));
	viz_text_draw(t, VIZ_BOLD, 13, C(ERROR), d->main.x + 14, y + 5,
		      "Scenario error:");
	text_fit(t, VIZ_MONO, 12, C(ERROR), d->main.x + 14, y + 26, w - 20,
		 d->f->error);
}

static void empty_world(struct dctx *d)
{
	viz_text_draw(d->v->text, VIZ_SANS, 14, C(DIM), d->main.x + 20,
		      d->main.y + 80,
		      d->snap ? "no caches in this snapshot"
			      : "no allocator state");
}

/* ------------------------------------------------------------------ draw */

static const struct slub_snap_cache *find_prev(const struct dctx *d)
{
	const struct slub_snapshot *p = d->f ? d->f->prev : NULL;

	int i;

	if (!p || !d->cache)
		return NULL;
	for (i = 0; i < p->nr_caches; i++)
		if (!strcmp(p->caches[i].name, d->cache->name))
			return &p->caches[i];
	return NULL;
}

/* The context is kept in the view: no allocation per frame. */
static struct dctx *get_ctx(struct viz_view *v)
{
	struct dctx *d = v->scratch;
	struct viz_batch batch[VIZ_NR_COLORS];

	if (!d)
		d = v->scratch = calloc(1, sizeof(*d));
	if (!d)
		return NULL;
	memcpy(batch, d->batch, sizeof(batch));
	memset(d, 0, offsetof(struct dctx, changed));
	memcpy(d->batch, batch, sizeof(batch));
	d->nchanged = 0;
	d->nmoved = 0;
	return d;
}

void viz_view_release(struct viz_view *v)
{
	if (v->scratch)
		viz_batches_free(v->scratch);
	free(v->scratch);
	v->scratch = NULL;
}

void viz_draw(SDL_Renderer *r, const struct slub_snapshot *snap,
	      const struct viz_frame *frame, struct viz_view *v,
	      struct viz_layout *l)
{
	struct dctx *d = get_ctx(v);

	if (!d)
		return;
	d->r = r;
	d->snap = snap;
	d->f = frame;
	d->v = v;
	d->l = l;
	v->drawn_cells = 0;
	viz_main_area(v, &d->main);
	if (snap)
		viz_layout_build(l, snap, v);
	else
		viz_layout_free(l);
	if (l->cache >= 0)
		d->cache = &snap->caches[l->cache];
	d->prev_cache = find_prev(d);
	SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_NONE);
	viz_set_color(r, C(BG));
	SDL_RenderClear(r);
	if (d->cache)
		viz_draw_world(d);
	else
		empty_world(d);
	top_bar(d);
	left_panel(d);
	right_panel(d);
	bottom_bar(d);
	error_banner(d);
	if (d->cache)
		inspector(d);
	if (v->help)
		help_overlay(d);
	viz_text_frame_end(v->text);
}
