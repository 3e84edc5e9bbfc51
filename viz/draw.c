// SPDX-License-Identifier: GPL-2.0-only
/*
 * One frame: the top bar (step, scenario line, operation), the slab_caches
 * list and the kmem_cache box on the left, the main area (draw_world.c),
 * the code path and the counters on the right, the legend at the bottom,
 * and the inspector, help and error overlays.
 */
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include "viz.h"
#include "viz_int.h"
#include "draw_int.h"
#include "palette.h"

const SDL_Color viz_colors[VIZ_NR_COLORS] = {
	/* Object-state fills: the palette of every drawing. */
	[VIZ_C_ALLOC] = PALETTE_RGBA(PALETTE_ALLOCATED),
	[VIZ_C_CPU_FREE] = PALETTE_RGBA(PALETTE_CPU_FREE),
	[VIZ_C_PAGE_FREE] = PALETTE_RGBA(PALETTE_PAGE_FREE),
	[VIZ_C_REDZONE] = PALETTE_RGBA(PALETTE_RED_ZONE),
	[VIZ_C_POISON] = PALETTE_RGBA(PALETTE_POISON),
	[VIZ_C_TRACK] = PALETTE_RGBA(PALETTE_TRACK),
	[VIZ_C_FREEPTR] = PALETTE_RGBA(PALETTE_FREE_POINTER),
	[VIZ_C_PAD] = PALETTE_RGBA(PALETTE_PADDING),
	[VIZ_C_SHEAF] = PALETTE_RGBA(PALETTE_SHEAF),
	[VIZ_C_BARN] = PALETTE_RGBA(PALETTE_BARN),
	[VIZ_C_PREFILLED] = PALETTE_RGBA(PALETTE_PREFILLED),
	[VIZ_C_SHEAF_LINE] = PALETTE_RGBA(PALETTE_SHEAF_LINE),
	[VIZ_C_SLOT] = { 0xdc, 0xdb, 0xd3, 255 },
	/*
	 * The interface.  Every text colour has a contrast of at least 4.5:1
	 * (WCAG AA) on the backgrounds it is drawn on; test_viz checks the
	 * drawn frames.
	 */
	[VIZ_C_BG] = { 0xf4, 0xf3, 0xee, 255 },
	[VIZ_C_LANE_ALT] = { 0xea, 0xe8, 0xdf, 255 },
	[VIZ_C_PANEL] = { 0xe4, 0xe2, 0xd9, 255 },
	[VIZ_C_BOX] = { 0xff, 0xff, 0xff, 255 },
	[VIZ_C_BORDER] = { 0x55, 0x55, 0x55, 255 },
	[VIZ_C_TEXT] = { 0x1e, 0x1e, 0x1e, 255 },
	[VIZ_C_DIM] = { 0x57, 0x57, 0x52, 255 },
	[VIZ_C_TITLE] = { 0x10, 0x2a, 0x5c, 255 },
	[VIZ_C_ACCENT] = { 0xd9, 0x6c, 0x00, 255 },
	[VIZ_C_ACCENT_TEXT] = { 0x93, 0x46, 0x00, 255 },
	[VIZ_C_ARROW] = { 0x24, 0x2c, 0x3a, 255 },
	[VIZ_C_CHANGED] = { 0xff, 0xa8, 0x00, 255 },
	[VIZ_C_ERROR] = { 0xb0, 0x18, 0x18, 255 },
	[VIZ_C_FROZEN] = { 0x0b, 0x6e, 0x33, 255 },
	[VIZ_C_STAT] = { 0x1a, 0x63, 0x33, 255 },
	[VIZ_C_SLAB_BG] = { 0xfb, 0xfb, 0xf8, 255 },
	[VIZ_C_TIP_BG] = { 0xff, 0xfb, 0xe8, 255 },
	[VIZ_C_TOP_TEXT] = { 0xff, 0xff, 0xff, 255 },
	[VIZ_C_TOP_DIM] = { 0xc8, 0xd2, 0xe4, 255 },
	[VIZ_C_TOP_HI] = { 0xf2, 0xc1, 0x1d, 255 },
	[VIZ_C_INK_DARK] = { 0x00, 0x00, 0x00, 255 },
	[VIZ_C_INK_LIGHT] = { 0xff, 0xff, 0xff, 255 },
};

static double channel(Uint8 v)
{
	double c = v / 255.0;

	return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double luminance(SDL_Color c)
{
	return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) +
	       0.0722 * channel(c.b);
}

double viz_contrast(SDL_Color a, SDL_Color b)
{
	double la = luminance(a), lb = luminance(b);

	return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

SDL_Color viz_ink_on(SDL_Color bg, bool *chip)
{
	double dark = viz_contrast(bg, C(INK_DARK));
	double light = viz_contrast(bg, C(INK_LIGHT));

	if (chip)
		*chip = (dark > light ? dark : light) < 4.5;
	return dark >= light ? C(INK_DARK) : C(INK_LIGHT);
}

void viz_fill(SDL_Renderer *r, int x, int y, int w, int h, SDL_Color c)
{
	viz_set_color(r, c);
	SDL_RenderFillRect(r, &(SDL_Rect){ x, y, w, h });
}

void viz_frame_rect(SDL_Renderer *r, int x, int y, int w, int h,
		    SDL_Color c)
{
	viz_set_color(r, c);
	SDL_RenderDrawRect(r, &(SDL_Rect){ x, y, w, h });
}

#define fill viz_fill
#define frame_rect viz_frame_rect

/* ---------------------------------------------------------------- labels */

static void probe_add(struct viz_probe *p, const struct viz_label *lab)
{
	if (p->n == p->cap) {
		int cap = p->cap ? 2 * p->cap : 256;
		struct viz_label *n = realloc(p->lab, cap * sizeof(*n));

		if (!n)
			return;
		p->lab = n;
		p->cap = cap;
	}
	p->lab[p->n++] = *lab;
}

int viz_label(struct dctx *d, int kind, enum viz_face face, int px,
	      SDL_Color fg, int x, int y, int max_w, const SDL_Rect *clip,
	      const char *s)
{
	struct viz_text *t = d->v->text;
	const char *fit = max_w > 0 ? viz_text_fitted(t, face, px, max_w, s)
				    : NULL;
	int w = fit ? viz_text_draw(t, face, px, fg, x, y, fit) : 0;

	if (d->v->probe && *s) {
		struct viz_label lab = { .kind = kind, .face = face, .px = px,
			.r = { x, y, w, viz_text_height(t, face, px) },
			.clip = *clip, .fg = fg };

		snprintf(lab.s, sizeof(lab.s), "%s", fit ? fit : "");
		snprintf(lab.full, sizeof(lab.full), "%s", s);
		probe_add(d->v->probe, &lab);
	}
	return w;
}

static void text_fit(struct dctx *d, enum viz_face f, int px, SDL_Color c,
		     int x, int y, int max_w, const SDL_Rect *clip,
		     const char *s)
{
	viz_label(d, VIZ_LABEL_PANEL, f, px, c, x, y, max_w, clip, s);
}

bool viz_hover(const struct dctx *d, const SDL_Rect *r)
{
	return d->v->mouse_x >= 0 &&
	       SDL_PointInRect(&(SDL_Point){ d->v->mouse_x, d->v->mouse_y },
			       r);
}

void viz_tip(struct dctx *d, int prio, const char *fmt, ...)
{
	va_list ap;

	if (prio < d->tip_prio)
		return;
	d->tip_prio = prio;
	va_start(ap, fmt);
	vsnprintf(d->v->tip, sizeof(d->v->tip), fmt, ap);
	va_end(ap);
}

/* --------------------------------------------------------------- top bar */

/*
 * A mark after the step label: the step's expects passed or failed, or
 * the step the picture is compared with.
 */
static int top_chip(struct dctx *d, int x, enum viz_color bg, const char *s)
{
	int w = viz_text_width(d->v->text, VIZ_BOLD, 12, s) + 12;

	fill(d->r, x, 7, w, 20, viz_colors[bg]);
	viz_label(d, VIZ_LABEL_PANEL, VIZ_BOLD, 12, C(TOP_TEXT), x + 6, 9, w,
		  &d->reg.top, s);
	return w + 10;
}

static int top_marks(struct dctx *d, int x)
{
	const struct viz_frame *f = d->f;
	char buf[64];

	if (f->expect_fails) {
		snprintf(buf, sizeof(buf), "\xe2\x9c\x97 expect failed%s",
			 f->expects > 1 ? " (of several)" : "");
		x += top_chip(d, x, VIZ_C_ERROR, buf);
	} else if (f->expects) {
		x += top_chip(d, x, VIZ_C_STAT, f->expects > 1 ?
			      "\xe2\x9c\x93 expects passed" :
			      "\xe2\x9c\x93 expect passed");
	}
	if (f->compare) {
		snprintf(buf, sizeof(buf), "compared with step %d",
			 f->compare_step);
		x += top_chip(d, x, VIZ_C_ACCENT_TEXT, buf);
	}
	return x;
}

static void top_bar(struct dctx *d)
{
	const struct viz_frame *f = d->f;
	struct viz_text *t = d->v->text;
	const SDL_Rect *top = &d->reg.top;
	char buf[1024];
	int x = 12, right = d->v->w - 12, sw;

	fill(d->r, 0, 0, d->v->w, VIZ_TOP_H, C(TITLE));
	if (!f) {
		viz_text_draw(t, VIZ_BOLD, 17, C(TOP_TEXT), x, 8, "slubviz");
		return;
	}
	snprintf(buf, sizeof(buf), "step %d / %d", f->step, f->nsteps);
	x += viz_label(d, VIZ_LABEL_PANEL, VIZ_BOLD, 17, C(TOP_TEXT), x, 6,
		       right - x, top, buf) + 14;
	x = top_marks(d, x);
	if (f->line)
		snprintf(buf, sizeof(buf), "%s:%d", f->title ? f->title : "",
			 f->line);
	else
		snprintf(buf, sizeof(buf), "%s", f->title ? f->title : "");
	x += viz_label(d, VIZ_LABEL_PANEL, VIZ_SANS, 14, C(TOP_DIM), x, 8,
		       (right - x) / 3, top, buf) + 14;
	x += viz_label(d, VIZ_LABEL_PANEL, VIZ_MONO, 16, C(TOP_HI), x, 6,
		       f->folded && *f->folded ? (right - x) * 2 / 3 :
		       right - x, top, f->stmt && *f->stmt ? f->stmt :
		       "(start: slub_init)") + 14;
	if (f->folded && *f->folded) {
		snprintf(buf, sizeof(buf), "after %s", f->folded);
		text_fit(d, VIZ_SANS, 12, C(TOP_DIM), x, 9, right - x, top,
			 buf);
	}
	text_fit(d, VIZ_SANS, 15, C(TOP_TEXT), 12, 32, d->v->w - 24, top,
		 f->caption && *f->caption ? f->caption : "");
	x = right;
	if (f->status) {
		sw = viz_text_width(t, VIZ_SANS, 12, f->status);
		if (sw > d->v->w * 2 / 3)
			sw = d->v->w * 2 / 3;
		x -= sw;
		text_fit(d, VIZ_SANS, 12, C(TOP_HI), x, 58, sw, top,
			 f->status);
	}
	viz_trail(f, buf, sizeof(buf));
	text_fit(d, VIZ_MONO, 12, C(TOP_DIM), 12, 58, x - 36, top, buf);
}

/* ----------------------------------------------------------- left panel */

#define CACHE_ROW	16
#define CACHES_Y	(VIZ_TOP_H + 8)

static int caches_list(struct dctx *d, int y)
{
	const SDL_Rect *p = &d->reg.left;
	struct viz_text *t = d->v->text;
	int i, x = 10, max_y = p->y + p->h / 2, cols_x, name_w;
	char buf[64];

	viz_text_draw(t, VIZ_BOLD, 13, C(TITLE), x, y, "slab_caches");
	y += 20;
	/* Size and slabs in a column at the right, when there is room. */
	cols_x = p->w - 10 - viz_text_width(t, VIZ_MONO, 11, "88888 8888");
	name_w = cols_x - x - 16;
	if (name_w < 70) {
		cols_x = p->w;
		name_w = p->w - x - 18;
	}
	for (i = 0; i < d->snap->nr_caches && y < max_y; i++) {
		const struct slub_snap_cache *c = &d->snap->caches[i];
		bool sel = i == d->l->cache;
		SDL_Rect row = { 4, y - 1, p->w - 8, CACHE_ROW };
		SDL_Color ink = c->nr_slabs || sel ? C(TEXT) : C(DIM);

		if (sel)
			fill(d->r, row.x, row.y, row.w, row.h, C(BOX));
		fill(d->r, x + 2, y + 3, 2, 11, C(DIM));
		text_fit(d, sel ? VIZ_BOLD : VIZ_SANS, 11, ink, x + 10, y,
			 name_w, p, c->name);
		if (cols_x < p->w) {
			snprintf(buf, sizeof(buf), "%5u %4d", c->size,
				 c->nr_slabs);
			viz_text_draw(t, VIZ_MONO, 11, ink, cols_x, y, buf);
		}
		if (viz_hover(d, &row))
			viz_tip(d, 1, "kmem_cache %s: %u-byte objects (%u with "
				"metadata), %u per slab, %d slabs\n"
				"click: show it", c->name, c->object_size,
				c->size, c->objects, c->nr_slabs);
		y += CACHE_ROW;
	}
	if (i < d->snap->nr_caches)
		viz_textf(t, VIZ_SANS, 11, C(DIM), x + 10, y, "... %d more",
			  d->snap->nr_caches - i);
	return y + 22;
}

/*
 * The kmem_cache box: field names in a column, values beside them; a
 * value too long for a narrow panel goes on the next line, and what does
 * not fit the panel's height is cut with a last line saying so.
 */
#define BOX_LINE	15
#define BOX_MAX		40

static void cache_box(struct dctx *d, int y)
{
	char lines[24][VIZ_LINE_MAX], name[VIZ_LINE_MAX];
	const char *row_name[BOX_MAX], *row_val[BOX_MAX];
	const SDL_Rect *p = &d->reg.left;
	struct viz_text *t = d->v->text;
	int i, n, rows = 0, h, room, x = 12, inner = p->w - 26;
	int col = viz_text_width(t, VIZ_MONO, 11, "object_size  ");
	char names[24][VIZ_LINE_MAX], more[32];

	n = viz_cache_lines(d->cache, lines, 24);
	for (i = 0; i < n && rows < BOX_MAX - 1; i++) {
		size_t k = strcspn(lines[i], " ");
		const char *v = lines[i] + k;

		while (*v == ' ')
			v++;
		snprintf(name, sizeof(name), "%.*s", (int)k, lines[i]);
		memcpy(names[i], name, sizeof(name));
		row_name[rows] = names[i];
		/* a name wider than the column (sheaf_capacity) puts its
		 * value on the next row, as a long value does */
		if ((viz_text_width(t, VIZ_MONO, 11, v) <= inner - col &&
		     viz_text_width(t, VIZ_MONO, 11, name) <= col - 4) ||
		    !k) {
			row_val[rows++] = v;
			continue;
		}
		row_val[rows++] = "";
		row_name[rows] = "";
		row_val[rows++] = v;
	}
	room = (p->y + p->h - 6 - y - 28) / BOX_LINE;
	if (room < 1)
		return;
	if (rows > room) {
		snprintf(more, sizeof(more), "%d more lines", rows - room + 1);
		rows = room;
		row_name[rows - 1] = "\xe2\x80\xa6";
		row_val[rows - 1] = more;
	}
	h = 28 + BOX_LINE * rows;
	fill(d->r, 6, y, p->w - 12, h, C(BOX));
	frame_rect(d->r, 6, y, p->w - 12, h, C(BORDER));
	viz_text_draw(t, VIZ_BOLD, 12, C(TITLE), x, y + 5,
		      "struct kmem_cache");
	for (i = 0; i < rows; i++) {
		int ly = y + 24 + BOX_LINE * i;

		if (row_name[i][0])
			text_fit(d, VIZ_MONO, 11, C(TEXT), x, ly,
				 row_val[i][0] ? col - 4 : inner, p,
				 row_name[i]);
		text_fit(d, VIZ_MONO, 11, C(TEXT), row_name[i][0] ? x + col :
			 x + 16, ly, row_name[i][0] ? inner - col : inner - 16,
			 p, row_val[i]);
	}
}

static void left_panel(struct dctx *d)
{
	const SDL_Rect *p = &d->reg.left;
	int y;

	if (!p->w)
		return;
	fill(d->r, p->x, p->y, p->w, p->h, C(PANEL));
	if (!d->snap)
		return;
	SDL_RenderSetClipRect(d->r, p);
	y = caches_list(d, CACHES_Y);
	if (d->cache)
		cache_box(d, y);
	SDL_RenderSetClipRect(d->r, NULL);
}

/* ---------------------------------------------------------- right panel */

static SDL_Color event_color(const struct viz_event *e)
{
	if (e->type == SLUB_EV_STAT)
		return C(STAT);
	if (e->type == VIZ_EV_OUTPUT)
		return C(ACCENT_TEXT);
	if (e->type == SLUB_EV_REPORT)
		return C(ERROR);
	return C(TEXT);
}

#define EV_PX		10
#define EV_LINE		13

/* Draws s in lines of at most cols characters; returns the lines used. */
static int wrapped(struct viz_text *t, SDL_Color c, int x, int y, int cols,
		   int max_lines, const char *s)
{
	char buf[VIZ_LINE_MAX + 8];
	int n = 0, len = (int)strlen(s), ind = 0;

	while (len > 0 && n < max_lines) {
		int take = len > cols - ind ? cols - ind : len;

		if (take < 1)
			take = 1;
		if (take < len)
			for (int k = take; k > take / 2; k--)
				if (s[k] == ' ') {
					take = k;
					break;
				}
		if (n == max_lines - 1 && take < len)
			snprintf(buf, sizeof(buf), "%*s%.*s\xe2\x80\xa6", ind, "",
				 take > 1 ? take - 1 : take, s);
		else
			snprintf(buf, sizeof(buf), "%*s%.*s", ind, "", take, s);
		viz_text_draw(t, VIZ_MONO, EV_PX, c, x, y + EV_LINE * n, buf);
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
	int i, k, n, period, cols = w / (viz_text_width(t, VIZ_MONO, EV_PX,
					 "0123456789") / 10 + 0.001);
	char buf[VIZ_LINE_MAX];

	text_fit(d, VIZ_BOLD, 13, C(TITLE), x, y, w, &d->reg.right,
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
			y += EV_LINE * wrapped(t, event_color(&d->f->ev[i + k]),
					       x, y, cols, (max_y - y - 15) /
					       EV_LINE, buf) + 1;
		}
		if (n > 1) {
			viz_textf(t, VIZ_SANS, 11, C(ACCENT_TEXT), x + 24, y,
				  "(the %s above, %d times in all)",
				  period > 1 ? "lines" : "line", n);
			y += 15;
		}
	}
	return y + 10;
}

#define COUNTER_PX	11
#define COUNTER_ROW	14

static unsigned long prev_stat(const struct dctx *d, int item)
{
	return d->prev_cache ? d->prev_cache->stat[item] : 0;
}

/* Per-CPU counts of one counter: " C0=1 C1=2", or the focused CPU's. */
static void per_cpu(const struct dctx *d, int item, char *buf, size_t len)
{
	size_t used = 0;
	int cpu;

	buf[0] = 0;
	for (cpu = 0; cpu < d->snap->nr_cpus && used < len; cpu++) {
		if (d->v->focus_cpu >= 0 ? cpu != d->v->focus_cpu
					 : d->snap->nr_cpus > 4)
			continue;
		used += snprintf(buf + used, len - used, " C%d=%lu", cpu,
				 d->cache->cpu[cpu].stat[item]);
	}
}

/*
 * Name, total and per-CPU counts in columns; the name is cut first, then
 * the per-CPU counts go when the panel is narrow.
 */
static void counter_row(struct dctx *d, int i, int x, int y, int w,
			int num_w)
{
	struct viz_text *t = d->v->text;
	bool changed = d->prev_cache && d->cache->stat[i] != prev_stat(d, i);
	SDL_Color ink = d->cache->stat[i] || changed ? C(TEXT) : C(DIM);
	SDL_Rect row = { x - 3, y, w + 3, COUNTER_ROW };
	char num[24], cpus[64];
	int name_w, cpu_w, tw;

	if (changed)
		fill(d->r, row.x, row.y, row.w, row.h, C(CHANGED));
	per_cpu(d, i, cpus, sizeof(cpus));
	cpu_w = viz_text_width(t, VIZ_MONO, COUNTER_PX, cpus);
	name_w = w - num_w - cpu_w - 8;
	if (name_w < w / 2) {
		cpus[0] = 0;
		cpu_w = 0;
		name_w = w - num_w - 8;
	}
	text_fit(d, VIZ_MONO, COUNTER_PX, ink, x, y, name_w, &d->reg.right,
		 viz_stat_name(i));
	snprintf(num, sizeof(num), "%lu", d->cache->stat[i]);
	tw = viz_text_width(t, VIZ_MONO, COUNTER_PX, num);
	viz_text_draw(t, VIZ_MONO, COUNTER_PX, ink, x + w - cpu_w - tw, y,
		      num);
	if (cpus[0])
		viz_text_draw(t, VIZ_MONO, COUNTER_PX, ink, x + w - cpu_w, y,
			      cpus);
	if (viz_hover(d, &row))
		viz_tip(d, 2, "%s: %s", viz_stat_name(i), viz_stat_meaning(i));
}

static bool counter_shown(const struct dctx *d, int i)
{
	return d->cache->stat[i] || (d->prev_cache &&
				     d->cache->stat[i] != prev_stat(d, i));
}

/*
 * All 26 counters when they fit; in a short panel, those that are not 0
 * (and those that changed), then a line for the others.
 */
static void counters_panel(struct dctx *d, int x, int y, int w, int rows)
{
	char title[96];
	int i, zero = 0, num_w = viz_text_width(d->v->text, VIZ_MONO,
						COUNTER_PX, "888888");
	int nc = viz_nr_counters(d->cache);
	bool all = rows >= nc;

	if (d->v->focus_cpu >= 0)
		snprintf(title, sizeof(title), "Counters of %s (total, CPU %d)",
			 d->cache->name, d->v->focus_cpu);
	else
		snprintf(title, sizeof(title), "Counters of %s (total, per "
			 "CPU)", d->cache->name);
	text_fit(d, VIZ_BOLD, 13, C(TITLE), x, y, w, &d->reg.right, title);
	y += 20;
	for (i = 0; i < nc; i++) {
		if (!all && (!counter_shown(d, i) || rows <= 0)) {
			zero++;
			continue;
		}
		counter_row(d, i, x, y, w, num_w);
		y += COUNTER_ROW;
		rows--;
	}
	if (zero)
		text_fit(d, VIZ_SANS, 11, C(DIM), x, y, w, &d->reg.right,
			 zero == nc ? "\xe2\x80\xa6 all at 0" :
			 "\xe2\x80\xa6 the others at 0 (a taller window "
			 "shows them)");
}

static int nonzero_counters(const struct dctx *d)
{
	int i, n = 0;

	for (i = 0; i < viz_nr_counters(d->cache); i++)
		n += counter_shown(d, i);
	return n;
}

/*
 * The code path keeps at least a third of the panel; the counters get the
 * rest: all 26, or when they do not fit, those that are not 0.
 */
static void right_panel(struct dctx *d)
{
	const SDL_Rect *p = &d->reg.right;
	int x = p->x, y = p->y + 8, w = p->w - 18, rows, h;
	int max_y = p->y + p->h / 3;

	fill(d->r, p->x, p->y, p->w, p->h, C(PANEL));
	SDL_RenderSetClipRect(d->r, p);
	rows = viz_nr_counters(d->cache);
	if (d->cache) {
		h = 20 + COUNTER_ROW * rows + 10;
		if (p->y + p->h - h < max_y) {
			rows = (p->y + p->h - max_y - 30) / COUNTER_ROW - 1;
			if (rows > nonzero_counters(d))
				rows = nonzero_counters(d);
			if (rows < 0)
				rows = 0;
			h = 20 + COUNTER_ROW * (rows + 1) + 10;
		}
		max_y = p->y + p->h - h;
	}
	if (max_y < y + 60)
		max_y = y + 60;
	events_panel(d, x + 10, y, w, max_y);
	if (d->cache)
		counters_panel(d, x + 10, max_y + 4, w, rows);
	SDL_RenderSetClipRect(d->r, NULL);
}

/* ----------------------------------------------------------- bottom bar */

/* Which caches an entry is for: every one, those without sheaves (the
 * cpu freelist of 3.18) or those with them. */
enum { ANY, CPU_SLAB, SHEAVES, PREFILLED };

static const struct {
	int color;
	const char *label, *brief;
	bool debug;		/* only for caches with debug metadata */
	int design;
} legend[] = {
	{ VIZ_C_ALLOC, PALETTE_WORD_ALLOCATED, "alloc", false, ANY },
	{ VIZ_C_CPU_FREE, PALETTE_WORD_CPU_FREE, "cpu free", false,
	  CPU_SLAB },
	{ VIZ_C_SHEAF, PALETTE_WORD_SHEAF, "sheaf", false, SHEAVES },
	{ VIZ_C_BARN, PALETTE_WORD_BARN, "barn", false, SHEAVES },
	{ VIZ_C_PREFILLED, PALETTE_WORD_PREFILLED, "prefilled", false,
	  PREFILLED },
	{ VIZ_C_PAGE_FREE, PALETTE_WORD_PAGE_FREE, "page free", false, ANY },
	{ VIZ_C_FREEPTR, PALETTE_WORD_FREE_POINTER, "freeptr", false, ANY },
	{ VIZ_C_REDZONE, PALETTE_WORD_RED_ZONE, "red zone", true, ANY },
	{ VIZ_C_POISON, PALETTE_WORD_POISON, "poison", true, ANY },
	{ VIZ_C_TRACK, PALETTE_WORD_TRACK, "track", true, ANY },
	{ VIZ_C_PAD, PALETTE_WORD_PADDING, "pad", true, ANY },
	{ VIZ_C_CHANGED, "changed", "changed", false, ANY },
};

#define NLEGEND	(int)(sizeof(legend) / sizeof(legend[0]))

static int legend_items(struct dctx *d, bool brief, bool draw, int x, int y)
{
	struct viz_text *t = d->v->text;
	bool debug = d->cache && viz_debug_cells(d->cache);
	int design = d->cache && d->cache->sheaf_capacity ? SHEAVES : CPU_SLAB;
	int i;

	for (i = 0; i < NLEGEND; i++) {
		const char *s = brief ? legend[i].brief : legend[i].label;

		if ((legend[i].debug && !debug) ||
		    (legend[i].design == PREFILLED ?
		     !(d->cache && d->cache->nr_prefilled) :
		     legend[i].design != ANY && legend[i].design != design))
			continue;
		if (draw) {
			fill(d->r, x, y + 9, 13, 13,
			     viz_colors[legend[i].color]);
			frame_rect(d->r, x, y + 9, 13, 13, C(BORDER));
			viz_text_draw(t, VIZ_SANS, 12, C(TEXT), x + 18, y + 8,
				      s);
		}
		x += 18 + viz_text_width(t, VIZ_SANS, 12, s) + 14;
	}
	return x;
}

/* A freelist number as the cells show it. */
static int number_chip(struct dctx *d, int x, int y, enum viz_color bg,
		       const char *s)
{
	int w = viz_text_width(d->v->text, VIZ_SANS, 10, s) + 4;

	fill(d->r, x, y + 7, w, 17, viz_colors[bg]);
	viz_text_draw(d->v->text, VIZ_SANS, 10, viz_ink_on(viz_colors[bg],
		      NULL), x + 2, y + 9, s);
	return w;
}

static void bottom_bar(struct dctx *d)
{
	struct viz_text *t = d->v->text;
	int y = d->v->h - VIZ_BOTTOM_H, x = 10, end, need;
	bool sheaves = d->cache && d->cache->sheaf_capacity;
	const char *order = sheaves ? "sheaf slot, freelist order" :
			    "freelist order";
	bool brief;

	fill(d->r, 0, y, d->v->w, VIZ_BOTTOM_H, C(BOX));
	fill(d->r, 0, y, d->v->w, 1, C(BORDER));
	need = 50 + viz_text_width(t, VIZ_SANS, 12, order) + 20;
	end = legend_items(d, false, false, x, y);
	brief = end + need > d->v->w;
	x = legend_items(d, brief, true, x, y);
	if (x + 50 > d->v->w)
		return;
	if (sheaves)
		x += number_chip(d, x, y, VIZ_C_SHEAF, d->snap &&
				 d->snap->nr_cpus > 1 ? "0m0" : "m0") + 3;
	else
		x += number_chip(d, x, y, VIZ_C_CPU_FREE, "c1") + 3;
	x += number_chip(d, x, y, VIZ_C_PAGE_FREE, "p1") + 6;
	text_fit(d, VIZ_SANS, 12, C(TEXT), x, y + 8, d->v->w - x - 8,
		 &d->reg.bottom, order);
}

/* -------------------------------------------------------------- overlays */

static void text_box(struct dctx *d, int x, int y, const char *title,
		     char (*lines)[VIZ_LINE_MAX], int n, SDL_Color border)
{
	struct viz_text *t = d->v->text;
	int i, w = viz_text_width(t, VIZ_BOLD, 13, title) + 20, h;
	int max_w = d->v->w - x - 8;

	for (i = 0; i < n; i++) {
		int lw = viz_text_width(t, VIZ_MONO, 12, lines[i]) + 20;

		w = lw > w ? lw : w;
	}
	if (w > max_w && max_w > 100)
		w = max_w;
	h = 30 + 17 * n;
	if (y + h > d->v->h - VIZ_BOTTOM_H)
		y = d->v->h - VIZ_BOTTOM_H - h - 4;
	if (y < VIZ_TOP_H)
		y = VIZ_TOP_H;
	fill(d->r, x, y, w, h, C(BOX));
	frame_rect(d->r, x, y, w, h, border);
	frame_rect(d->r, x + 1, y + 1, w - 2, h - 2, border);
	text_fit(d, VIZ_BOLD, 13, C(TITLE), x + 10, y + 6, w - 20,
		 &d->reg.main, title);
	for (i = 0; i < n; i++)
		text_fit(d, VIZ_MONO, 12, C(TEXT), x + 10, y + 26 + 17 * i,
			 w - 20, &d->reg.main, lines[i]);
}

static void inspector(struct dctx *d)
{
	char lines[20][VIZ_LINE_MAX];
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
	n = k + viz_inspect_lines(d->snap, &p, lines + k, 20 - k);
	if (n)
		text_box(d, d->reg.main.x + 10,
			 d->reg.main.y + d->reg.main.h - 30 - 17 * n -
			 (d->f && d->f->error ? 56 : 0),
			 "Inspector (click elsewhere or Esc to close)",
			 lines, n, C(ACCENT));
}

static const char *const help_text[] = {
	"Right, l, Enter   step forward",
	"Left, BackSpace   step back (replays from the start)",
	"e                 every statement a step, or fold those",
	"                  that change nothing (echo, expect ...)",
	"m / M             compare steps with this one / stop",
	"o                 save the session (--session FILE)",
	"Home / End        first / last step",
	"Space             play / pause",
	"[ and ]           slower / faster",
	"n                 next slowpath step",
	"k / K             choose an event kind",
	"j                 next step with that event kind",
	"c                 focus the next CPU (or all)",
	"Tab / Shift+Tab   show the next / previous cache",
	"f                 follow the cache of the events",
	"wheel             zoom about the pointer",
	"+ / -             zoom about the slabs in view",
	"drag, w a s d     pan",
	"0                 fit the cache in the window",
	"click             inspect an object or slab;",
	"                  a cache in the list: show it",
	"hover             what a cell, field or counter is",
	"p, F12            save a screenshot (PNG)",
	"h, ?, F1          this help     q, Esc: quit",
};

static void help_overlay(struct dctx *d)
{
	char lines[32][VIZ_LINE_MAX];
	int i, n = sizeof(help_text) / sizeof(help_text[0]);
	int x = d->v->w / 2 - 260, y = d->v->h / 2 - 225;

	for (i = 0; i < n; i++)
		snprintf(lines[i], VIZ_LINE_MAX, "%s", help_text[i]);
	text_box(d, x < 4 ? 4 : x, y, "slubviz keys", lines, n, C(TITLE));
}

/*
 * The error of a failed step: at the bottom of the main area, clear of
 * the lane headers at its top, unless there is nothing else to show.
 */
static void error_banner(struct dctx *d)
{
	const SDL_Rect *m = &d->reg.main;
	int y = m->y + 6, w = m->w - 12;

	if (!d->f || !d->f->error)
		return;
	if (d->cache)
		y = m->y + m->h - 56;
	fill(d->r, m->x + 6, y, w, 50, C(BOX));
	frame_rect(d->r, m->x + 6, y, w, 50, C(ERROR));
	frame_rect(d->r, m->x + 7, y + 1, w - 2, 48, C(ERROR));
	viz_label(d, VIZ_LABEL_PANEL, VIZ_BOLD, 13, C(ERROR), m->x + 14,
		  y + 5, w - 20, m, "Scenario error:");
	text_fit(d, VIZ_MONO, 12, C(ERROR), m->x + 14, y + 26, w - 20, m,
		 d->f->error);
}

static void empty_world(struct dctx *d)
{
	fill(d->r, d->reg.main.x, d->reg.main.y, d->reg.main.w, d->reg.main.h,
	     C(BG));
	viz_text_draw(d->v->text, VIZ_SANS, 14, C(DIM), d->reg.main.x + 20,
		      d->reg.main.y + 80,
		      d->snap ? "no caches in this snapshot"
			      : "no allocator state");
}

/* Lines of the tooltip, wrapped at about 64 characters, in a box. */
static void tooltip(struct dctx *d)
{
	char lines[16][VIZ_LINE_MAX];
	struct viz_text *t = d->v->text;
	const char *p = d->v->tip;
	int n = 0, w = 0, h, x, y, i, lw;

	while (*p && n < 16) {
		int len = (int)strcspn(p, "\n"), cut = len;

		if (cut > 64) {
			for (cut = 64; cut > 20 && p[cut] != ' '; cut--)
				;
		}
		snprintf(lines[n++], VIZ_LINE_MAX, "%.*s", cut, p);
		p += cut;
		while (*p == ' ')
			p++;
		if (*p == '\n')
			p++;
	}
	if (!n)
		return;
	for (i = 0; i < n; i++) {
		lw = viz_text_width(t, VIZ_SANS, 12, lines[i]);
		w = lw > w ? lw : w;
	}
	w += 16;
	h = 10 + 16 * n;
	x = d->v->mouse_x + 16;
	y = d->v->mouse_y + 18;
	if (x + w > d->v->w - 4)
		x = d->v->mouse_x - w - 8;
	if (x < 4)
		x = 4;
	if (y + h > d->v->h - 4)
		y = d->v->mouse_y - h - 8;
	if (y < 4)
		y = 4;
	fill(d->r, x, y, w, h, C(TIP_BG));
	frame_rect(d->r, x, y, w, h, C(BORDER));
	for (i = 0; i < n; i++)
		viz_text_draw(t, VIZ_SANS, 12, C(TEXT), x + 8, y + 5 + 16 * i,
			      lines[i]);
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
	struct viz_motion *motion;
	int nmotion;

	if (!d)
		d = v->scratch = calloc(1, sizeof(*d));
	if (!d)
		return NULL;
	memcpy(batch, d->batch, sizeof(batch));
	motion = d->motion;
	nmotion = d->nmotion;
	memset(d, 0, offsetof(struct dctx, changed));
	memcpy(d->batch, batch, sizeof(batch));
	d->motion = motion;
	d->nmotion = nmotion;
	d->nchanged = 0;
	d->nmoved = 0;
	return d;
}

void viz_view_release(struct viz_view *v)
{
	struct dctx *d = v->scratch;

	if (d) {
		viz_batches_free(d);
		free(d->motion);
	}
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
	v->tip[0] = 0;
	if (v->probe)
		v->probe->n = 0;
	viz_view_prepare(v, l, snap);
	viz_regions(v, &d->reg);
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
	else if (v->tip[0])
		tooltip(d);
	viz_text_frame_end(v->text);
}
