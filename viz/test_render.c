// SPDX-License-Identifier: GPL-2.0-only
/*
 * test_render: pixel tests of the drawing, in-process and headless (a
 * software renderer on a surface, no display).
 *
 *  - two slabs with the same contents are the same pixels at every zoom
 *    (no moire from rounding cell sizes), in cells and in bars;
 *  - at the fitted zoom of the 20,000-object scenario every lane's title
 *    is drawn at full size: the pixels where it was drawn are those of
 *    the title rendered alone;
 *  - a resize to 1000x650 and back re-fits: nothing is cut off by a panel,
 *    no field is empty, and the frame afterwards is the frame before;
 *  - every string drawn has a contrast of 4.5:1 or more with what is
 *    behind it (WCAG AA), measured on the frame;
 *  - the tooltip, the zoom about a point, the two freelists' numbers and
 *    the frozen slab's inuse mark.
 */
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "viz.h"
#include "viz_int.h"
#include "scenario.h"
#include "test_viz.h"

#define W	VIZ_TEST_W
#define H	VIZ_TEST_H
#define SCN_20K	"viz/scenarios/viz-20k-objects.scn"
#define SCN_CHAIN "viz/scenarios/04-cpu-partial-fill-drain.scn"
#define SCN_SHEAVES "viz/scenarios/22-sheaves-barn.scn"

static unsigned int pix(SDL_Surface *s, int x, int y)
{
	const Uint32 *p = (const Uint32 *)((const char *)s->pixels +
					   y * s->pitch);

	return p[x] & 0xffffff;
}

static unsigned int rgb(SDL_Color c)
{
	return (unsigned int)c.r << 16 | c.g << 8 | c.b;
}

static bool inside(const SDL_Rect *r, const SDL_Rect *outer)
{
	return r->x >= outer->x && r->y >= outer->y &&
	       r->x + r->w <= outer->x + outer->w &&
	       r->y + r->h <= outer->y + outer->h;
}

static unsigned long frame_hash(struct viz_canvas *cv)
{
	unsigned long h = 1469598103934665603UL;
	int x, y;

	for (y = 0; y < cv->surf->h; y++)
		for (x = 0; x < cv->surf->w; x++)
			h = (h ^ pix(cv->surf, x, y)) * 1099511628211UL;
	return h;
}

/* ------------------------------------------------------ identical slabs */

/* Are the two rectangles (of equal size) the same pixels? */
static bool same_pixels(SDL_Surface *s, const SDL_Rect *a, const SDL_Rect *b)
{
	int x, y;

	for (y = 0; y < a->h; y++)
		for (x = 0; x < a->w; x++)
			if (pix(s, a->x + x, a->y + y) !=
			    pix(s, b->x + x, b->y + y))
				return false;
	return true;
}

/*
 * Slabs a and b of the synthetic cache hold the same objects in the same
 * states (b is a row below a, in the same column).  The label strip,
 * which names each slab's pfn, is left out.
 */
static bool pair_identical(struct rig *g, int a, int b, bool *shown)
{
	SDL_Rect ra, rb, slabs = g->l.reg.slabs;

	viz_layout_slab(&g->l, &g->v, a, &ra);
	viz_layout_slab(&g->l, &g->v, b, &rb);
	*shown = false;
	if (ra.w != rb.w || ra.h != rb.h)
		return false;
	ra.y += g->l.label_h;
	rb.y += g->l.label_h;
	ra.h -= g->l.label_h;
	rb.h -= g->l.label_h;
	/* Compare what both show inside the slab area. */
	if (ra.x < slabs.x) {
		rb.w -= slabs.x - ra.x;
		rb.x += slabs.x - ra.x;
		ra.w -= slabs.x - ra.x;
		ra.x = slabs.x;
	}
	if (ra.x + ra.w > slabs.x + slabs.w) {
		ra.w = slabs.x + slabs.w - ra.x;
		rb.w = ra.w;
	}
	if (rb.y + rb.h > slabs.y + slabs.h) {
		rb.h = slabs.y + slabs.h - rb.y;
		ra.h = rb.h;
	}
	if (ra.w <= 0 || ra.h <= 0 || ra.y < slabs.y)
		return true;
	*shown = true;
	return same_pixels(g->cv.surf, &ra, &rb);
}

static void test_identical_slabs(void)
{
	struct rig g;
	int k, tried = 0, bad = 0, bars = 0, cells = 0;
	double bad_zoom = 0;
	SDL_Rect r;

	if (rig_synth(&g, 313, 0)) {
		check(false, "identical slabs: a synthetic snapshot");
		return;
	}
	/*
	 * 8 slabs a row: slabs 6 and 22 are full slabs of the unlisted lane,
	 * 7 and 23 node partial slabs with the same free objects.
	 */
	for (k = 0; k < 60; k++) {
		bool shown_a, shown_b, ok;

		g.v.zoom = 0.04 * pow(1.075, k);
		g.v.cols = 8;
		g.v.need_fit = false;
		g.v.user_moved = true;
		g.v.pan_x = g.v.pan_y = 0;
		viz_layout_build(&g.l, g.snap, &g.v);
		viz_layout_slab(&g.l, &g.v, 7, &r);
		g.v.pan_x = r.x - g.l.reg.slabs.x - 3 + 0.37 * (k % 3);
		g.v.pan_y = r.y - g.l.reg.slabs.y - 2 + 0.61 * (k % 2);
		rig_draw(&g);
		ok = pair_identical(&g, 7, 23, &shown_a);
		viz_layout_slab(&g.l, &g.v, 6, &r);
		g.v.pan_y += r.y - g.l.reg.slabs.y - 2;
		rig_draw(&g);
		ok = pair_identical(&g, 6, 22, &shown_b) && ok;
		if (!shown_a || !shown_b)
			continue;
		tried++;
		bars += g.l.bars;
		cells += !g.l.bars;
		if (!ok && !bad++)
			bad_zoom = g.v.zoom;
	}
	check(tried >= 50 && !bad && bars >= 5 && cells >= 20,
	      "identical slabs give identical pixels at %d zooms from %.0f%% "
	      "to %.0f%% (%d as bars, %d as cells; %d differ, the first at "
	      "zoom %.3g)", tried, 4.0, 0.04 * pow(1.075, 59) * 100, bars,
	      cells, bad, bad_zoom);
	rig_close(&g);
}

/* The bar of a partial slab: allocated, then page freelist, by count. */
static void test_bar_proportions(void)
{
	const struct slub_snap_slab *s;
	struct rig g;
	SDL_Rect a;
	int i, alloc = 0, split, ok = 0;

	if (rig_synth(&g, 313, 0))
		return;
	rig_draw(&g);
	s = &g.snap->caches[g.l.cache].slabs[7];
	for (i = 0; i < (int)s->objects; i++)
		alloc += s->obj[i].state == SLUB_OBJ_ALLOCATED;
	viz_layout_cells_area(&g.l, &g.v, 7, &a);
	split = a.w * alloc / (int)s->objects;
	if (split > 1 && split < a.w - 1)
		ok = pix(g.cv.surf, a.x + split - 1, a.y + a.h / 2) ==
		     rgb(viz_colors[VIZ_C_ALLOC]) &&
		     pix(g.cv.surf, a.x + split, a.y + a.h / 2) ==
		     rgb(viz_colors[VIZ_C_PAGE_FREE]);
	check(g.l.bars && ok, "fitted 313 slabs are bars (cell %d px); a "
	      "partial slab's bar is %d/%d allocated: the colour changes at "
	      "pixel %d of %d", g.l.cell_h, alloc, s->objects, split, a.w);
	rig_close(&g);
}

/* ----------------------------------------------------------- lane titles */

/*
 * The label's pixels in the frame are the label drawn alone on bg: the
 * text is there, whole, at its size.  Counts the ink pixels too.
 */
static bool text_matches(struct rig *g, const struct viz_label *lab,
			 SDL_Color bg, int *ink)
{
	struct viz_canvas pc;
	int x, y, diff = 0;

	*ink = 0;
	if (lab->r.w <= 0 || viz_canvas_open(&pc, lab->r.w, lab->r.h))
		return false;
	SDL_SetRenderDrawColor(pc.r, bg.r, bg.g, bg.b, 255);
	SDL_RenderClear(pc.r);
	viz_text_draw(pc.text, lab->face, lab->px, lab->fg, 0, 0, lab->s);
	SDL_RenderFlush(pc.r);
	for (y = 0; y < lab->r.h; y++)
		for (x = 0; x < lab->r.w; x++) {
			unsigned int p = pix(pc.surf, x, y);

			*ink += p != rgb(bg);
			diff += p != pix(g->cv.surf, lab->r.x + x,
					 lab->r.y + y);
		}
	viz_canvas_close(&pc);
	return !diff;
}

static const struct viz_label *lane_title(const struct rig *g, int lane)
{
	SDL_Rect head;
	int i;

	viz_layout_head(&g->l, &g->v, lane, &head);
	for (i = 0; i < g->probe.n; i++) {
		const struct viz_label *lab = &g->probe.lab[i];

		if (lab->kind == VIZ_LABEL_LANE &&
		    SDL_HasIntersection(&lab->r, &head))
			return lab;
	}
	return NULL;
}

static void test_lane_titles_20k(void)
{
	static const char *const first[] = { "CPU", "node", "node", "full" };
	struct rig g;
	int i, ok = 0, ink;

	if (rig_scenario(&g, SCN_20K, -1)) {
		check(false, "%s runs", SCN_20K);
		rig_close(&g);
		return;
	}
	rig_draw(&g);
	for (i = 0; i < g.l.nr_lanes; i++) {
		const struct viz_lane *ln = &g.l.lane[i];
		const struct viz_label *lab = lane_title(&g, i);
		bool good = lab && lab->px >= 12 && lab->s[0] &&
			    !strncmp(lab->s, first[ln->kind],
				     strlen(first[ln->kind])) &&
			    inside(&lab->r, &g.l.reg.heads) &&
			    text_matches(&g, lab, viz_colors[VIZ_C_BOX], &ink) &&
			    ink >= 20;

		ok += good;
		if (!good)
			printf("  lane %d: %s\n", i, lab ? lab->s : "no title");
	}
	check(g.l.nr_lanes >= 4 && ok == g.l.nr_lanes, "20,000 objects at the "
	      "fitted zoom (%.0f%%, %s): all %d lane titles are drawn whole, "
	      "at 12 px or more, in the header column", g.v.zoom * 100,
	      g.l.bars ? "bars" : "cells", g.l.nr_lanes);
	rig_close(&g);
}

/* ---------------------------------------------------------------- resize */

/* Every slab and header box in its region, every field drawn. */
static bool nothing_cut(struct rig *g, char *why, size_t len)
{
	SDL_Rect r;
	int i;

	for (i = 0; i < g->l.nr_slabs; i++) {
		viz_layout_slab(&g->l, &g->v, i, &r);
		if (!inside(&r, &g->l.reg.slabs)) {
			snprintf(why, len, "slab %d at %d,%d %dx%d is cut off",
				 i, r.x, r.y, r.w, r.h);
			return false;
		}
	}
	for (i = 0; i < g->l.nr_lanes; i++) {
		viz_layout_head(&g->l, &g->v, i, &r);
		if (!inside(&r, &g->l.reg.heads)) {
			snprintf(why, len, "lane header %d is cut off", i);
			return false;
		}
	}
	for (i = 0; i < g->probe.n; i++) {
		const struct viz_label *lab = &g->probe.lab[i];

		if (lab->kind == VIZ_LABEL_PANEL || lab->kind == VIZ_LABEL_CELL)
			continue;
		if (!lab->s[0] || !inside(&lab->r, &lab->clip)) {
			snprintf(why, len, "'%s' is %s", lab->full,
				 lab->s[0] ? "outside its region" : "empty");
			return false;
		}
	}
	if (g->l.label_h && g->l.nr_slabs) {
		int n = 0;

		for (i = 0; i < g->probe.n; i++)
			n += g->probe.lab[i].kind == VIZ_LABEL_SLAB;
		if (n < g->l.nr_slabs) {
			snprintf(why, len, "%d of %d slabs have a label", n,
				 g->l.nr_slabs);
			return false;
		}
	}
	return true;
}

static void resize_case(const char *path, int step)
{
	struct rig g;
	unsigned long before, after;
	char why[200] = "";
	bool big, small = false, back;
	double z0, z1;

	if (rig_scenario(&g, path, step)) {
		check(false, "%s runs", path);
		rig_close(&g);
		return;
	}
	rig_draw(&g);
	before = frame_hash(&g.cv);
	big = nothing_cut(&g, why, sizeof(why));
	z0 = g.v.zoom;
	viz_view_resize(&g.v, 1000, 650);
	rig_draw(&g);
	z1 = g.v.zoom;
	if (big)
		small = nothing_cut(&g, why, sizeof(why));
	viz_view_resize(&g.v, W, H);
	rig_draw(&g);
	after = frame_hash(&g.cv);
	back = nothing_cut(&g, why, sizeof(why)) && before == after;
	check(big && small && back, "%s step %d: 1400x900 (zoom %.0f%%), "
	      "1000x650 (%.0f%%) and back: nothing cut off, no field empty, "
	      "the same frame after%s%s", path, viz_player_pos(g.p), z0 * 100,
	      z1 * 100, why[0] ? ": " : "", why);
	rig_close(&g);
}

/* A zoomed view is not re-fitted by a resize; '0' (need_fit) does it. */
static void test_resize_keeps_zoom(void)
{
	struct rig g;
	double z;

	if (rig_synth(&g, 8, 0))
		return;
	rig_draw(&g);
	viz_view_zoom_content(&g.v, g.snap, 1.25);
	z = g.v.zoom;
	viz_view_resize(&g.v, 1000, 650);
	rig_draw(&g);
	check(g.v.zoom == z && g.v.user_moved, "a resize after a zoom by hand "
	      "keeps the zoom (%.0f%%)", z * 100);
	rig_close(&g);
}

static void test_resize(void)
{
	resize_case(SCN_CHAIN, 20);
	resize_case(SCN_20K, -1);
	resize_case("viz/scenarios/viz-debug-layout.scn", -1);
	resize_case("viz/scenarios/05-remote-free.scn", -1);
	test_resize_keeps_zoom();
}

/* -------------------------------------------------------------- contrast */

struct audit {
	struct rig *g;
	int strings, bad;
	double worst;
	char worst_s[96];
};

static int cmp_uint(const void *a, const void *b)
{
	unsigned int x = *(const unsigned int *)a, y = *(const unsigned int *)b;

	return x < y ? -1 : x > y;
}

/* The most common colour in r: what the text is drawn on. */
static unsigned int background(SDL_Surface *s, const SDL_Rect *r)
{
	unsigned int *v = malloc((size_t)r->w * r->h * sizeof(*v)), best = 0;
	int i, n = 0, run = 0, best_run = 0;

	if (!v)
		return 0;
	for (i = 0; i < r->w * r->h; i++)
		v[n++] = pix(s, r->x + i % r->w, r->y + i / r->w);
	qsort(v, n, sizeof(*v), cmp_uint);
	for (i = 0; i < n; i++) {
		run = i && v[i] == v[i - 1] ? run + 1 : 1;
		if (run > best_run) {
			best_run = run;
			best = v[i];
		}
	}
	free(v);
	return best;
}

static void audit(void *arg, enum viz_face face, int px, SDL_Color c,
		  const SDL_Rect *r, const char *s)
{
	struct audit *a = arg;
	SDL_Rect clip, vis, all = { 0, 0, W, H };
	unsigned int bg;
	SDL_Color b;
	double ratio;

	(void)face;
	(void)px;
	SDL_RenderGetClipRect(a->g->cv.r, &clip);
	if (SDL_RectEmpty(&clip))
		clip = all;
	if (!SDL_IntersectRect(r, &clip, &vis) ||
	    !SDL_IntersectRect(&vis, &all, &vis))
		return;
	SDL_RenderFlush(a->g->cv.r);
	bg = background(a->g->cv.surf, &vis);
	b = (SDL_Color){ bg >> 16, bg >> 8 & 0xff, bg & 0xff, 255 };
	ratio = viz_contrast(c, b);
	a->strings++;
	if (ratio < a->worst) {
		a->worst = ratio;
		snprintf(a->worst_s, sizeof(a->worst_s), "'%.40s' %06x on "
			 "%06x", s, rgb(c), bg);
	}
	if (ratio < 4.5) {
		if (a->bad < 8)
			printf("  contrast %.2f: '%.50s' %06x on %06x\n", ratio,
			       s, rgb(c), bg);
		a->bad++;
	}
}

static void audited(struct audit *a, struct rig *g)
{
	a->g = g;
	viz_text_set_audit(g->cv.text, audit, a);
	rig_draw(g);
	viz_text_set_audit(g->cv.text, NULL, NULL);
}

static void point_at_cell(struct rig *g, int slab, int obj)
{
	SDL_Rect r;

	viz_layout_object(&g->l, &g->v, slab, obj, &r);
	g->v.mouse_x = r.x + r.w / 2;
	g->v.mouse_y = r.y + r.h / 2;
}

static void test_contrast(void)
{
	struct viz_frame err = { .title = "bad.scn",
		.error = "bad.scn:3:7: error: unknown statement" };
	struct audit a = { .worst = 21 };
	struct rig g;

	/* Cells with numbers, a tooltip, help, inspector, error. */
	if (!rig_synth(&g, 8, 0)) {
		rig_draw(&g);
		g.v.zoom = 1.3;
		g.v.user_moved = true;
		rig_draw(&g);
		point_at_cell(&g, 0, 1);
		audited(&a, &g);
		g.v.help = true;
		audited(&a, &g);
		g.v.help = false;
		g.v.picked = true;
		g.v.pick_pfn = g.snap->caches[0].slabs[2].pfn;
		g.v.pick_obj = 3;
		audited(&a, &g);
		viz_text_set_audit(g.cv.text, audit, &a);
		viz_draw(g.cv.r, NULL, &err, &g.v, &g.l);
		viz_text_set_audit(g.cv.text, NULL, NULL);
	}
	rig_close(&g);
	if (!rig_synth(&g, 4, SLAB_RED_ZONE | SLAB_POISON | SLAB_STORE_USER))
		audited(&a, &g);
	rig_close(&g);
	/* A real step: events, changed counters; wide and narrow. */
	if (!rig_scenario(&g, SCN_CHAIN, 20)) {
		audited(&a, &g);
		viz_view_resize(&g.v, 1000, 650);
		audited(&a, &g);
	}
	rig_close(&g);
	if (!rig_scenario(&g, SCN_20K, -1))
		audited(&a, &g);
	rig_close(&g);
	/* Sheaves and a barn: slot numbers, strips, the boxes' fields. */
	if (!rig_scenario(&g, SCN_SHEAVES, 5))
		audited(&a, &g);
	rig_close(&g);
	check(a.strings > 500 && !a.bad, "contrast: %d strings drawn, %d below "
	      "4.5:1; the lowest %.2f (%s)", a.strings, a.bad, a.worst,
	      a.worst_s);
}

/* -------------------------------------------------------------- tooltips */

static void hover(struct rig *g, int x, int y)
{
	g->v.mouse_x = x;
	g->v.mouse_y = y;
	rig_draw(g);
}

static void test_tooltips(void)
{
	const struct viz_label *lab;
	struct rig g;
	SDL_Rect r;
	char tip[4][VIZ_TIP_MAX];

	memset(tip, 0, sizeof(tip));
	if (rig_synth(&g, 8, 0))
		return;
	rig_draw(&g);
	viz_layout_object(&g.l, &g.v, 2, 1, &r);
	hover(&g, r.x + r.w / 2, r.y + r.h / 2);
	memcpy(tip[0], g.v.tip, VIZ_TIP_MAX);
	lab = rig_label(&g, VIZ_LABEL_FIELD, "tid");
	if (lab)
		hover(&g, lab->r.x + 2, lab->r.y + 3);
	memcpy(tip[1], g.v.tip, VIZ_TIP_MAX);
	viz_layout_slab(&g.l, &g.v, 0, &r);
	hover(&g, r.x + 20, r.y + 4);
	memcpy(tip[2], g.v.tip, VIZ_TIP_MAX);
	lab = rig_label(&g, VIZ_LABEL_PANEL, "cmpxchg_double_cpu_fail");
	if (lab)
		hover(&g, lab->r.x + 2, lab->r.y + 3);
	memcpy(tip[3], g.v.tip, VIZ_TIP_MAX);
	check(strstr(tip[0], "object 1 of slab pfn 0x102") &&
	      strstr(tip[0], "address 0x7f0000102040") &&
	      strstr(tip[0], "allocated"), "tooltip on a cell: '%.80s'",
	      tip[0]);
	check(strstr(tip[1], "c->tid") != NULL, "tooltip on the tid field: "
	      "'%.60s'", tip[1]);
	check(strstr(tip[2], "counts every object the CPU took") != NULL,
	      "tooltip on a frozen cpu slab says what its inuse counts");
	check(strstr(tip[3], "cmpxchg_double_cpu_fail: fast-path") != NULL,
	      "tooltip on a counter: '%.70s'", tip[3]);
	rig_close(&g);
	/* A real run knows the variable holding the object. */
	if (!rig_scenario(&g, SCN_CHAIN, 20)) {
		const struct slub_snap_cache *c;
		int si = -1, i;

		rig_draw(&g);
		c = &g.snap->caches[g.l.cache];
		for (i = 0; i < c->nr_slabs && si < 0; i++)
			if (c->slabs[i].where == SLUB_SLAB_UNLISTED)
				si = i;
		viz_layout_object(&g.l, &g.v, si, 5, &r);
		hover(&g, r.x + r.w / 2, r.y + r.h / 2);
		check(si >= 0 && strstr(g.v.tip, "scenario variable ") != NULL,
		      "tooltip on an object of a scenario: '%.100s'", g.v.tip);
	}
	rig_close(&g);
}

/* ------------------------------------------------------------------ zoom */

static void test_zoom_about_pointer(void)
{
	struct viz_pick before, after;
	struct rig g;
	SDL_Rect r;
	int x, y, ok = 0, k;

	if (rig_synth(&g, 313, 0))
		return;
	rig_draw(&g);
	g.v.zoom = 0.6;
	g.v.user_moved = true;
	rig_draw(&g);
	for (k = 0; k < 6; k++) {
		/* A cell in view, a different one each time. */
		int si, obj = (k * 11) % 64;

		for (si = (k * 37) % 313; si < 313 + (k * 37) % 313; si++) {
			viz_layout_object(&g.l, &g.v, si % 313, obj, &r);
			if (inside(&r, &g.l.reg.slabs))
				break;
		}
		x = r.x + r.w / 2;
		y = r.y + r.h / 2;
		before = viz_layout_hit(&g.l, g.snap, &g.v, x, y);
		viz_view_zoom(&g.v, g.snap, k % 2 ? 1 / 1.3 : 1.3, x, y);
		viz_layout_build(&g.l, g.snap, &g.v);
		after = viz_layout_hit(&g.l, g.snap, &g.v, x, y);
		ok += before.slab == after.slab && before.obj == after.obj &&
		      before.obj >= 0;
		if (before.slab != after.slab || before.obj != after.obj ||
		    before.obj < 0)
			printf("  zoom %.2f at %d,%d: slab %d obj %d, then slab "
			       "%d obj %d\n", g.v.zoom, x, y, before.slab,
			       before.obj, after.slab, after.obj);
	}
	check(ok == 6, "the wheel zooms about the pointer: the object under it "
	      "stays under it (%d of 6)", ok);
	rig_close(&g);
}

/* The keys zoom about the slabs in view, not the empty middle. */
static void test_zoom_keys(void)
{
	struct rig g;
	SDL_Rect a, b;

	if (rig_synth(&g, 8, 0))
		return;
	rig_draw(&g);
	viz_layout_slab(&g.l, &g.v, 0, &a);
	viz_view_zoom_content(&g.v, g.snap, 1.25);
	rig_draw(&g);
	viz_layout_slab(&g.l, &g.v, 0, &b);
	check(b.x == a.x && b.y == a.y && b.w > a.w,
	      "+ zooms about the slabs in view: CPU 0's slab stays at %d,%d "
	      "(now %d,%d) and grows (%d to %d px)", a.x, a.y, b.x, b.y, a.w,
	      b.w);
	rig_close(&g);
}

/* --------------------------------------------------------- student marks */

static void test_two_freelists(void)
{
	struct slub_snap_slab *s;
	const struct viz_label *tag;
	struct rig g;
	SDL_Rect blk;
	int i, c1 = 0, p1 = 0;

	if (rig_synth(&g, 8, 0))
		return;
	/* A remote free into CPU 0's slab: page->freelist holds object 1. */
	s = &g.synth->caches[0].slabs[0];
	s->obj[1].state = SLUB_OBJ_PAGE_FREE;
	s->obj[1].next = -1;
	s->freelist = 1;
	s->inuse--;
	g.v.zoom = 1.3;
	g.v.need_fit = false;
	g.v.user_moved = true;
	rig_draw(&g);
	viz_layout_slab(&g.l, &g.v, 0, &blk);
	for (i = 0; i < g.probe.n; i++) {
		const struct viz_label *lab = &g.probe.lab[i];

		if (lab->kind != VIZ_LABEL_CELL ||
		    !SDL_HasIntersection(&lab->r, &blk))
			continue;
		c1 += !strcmp(lab->s, "c1");
		p1 += !strcmp(lab->s, "p1");
	}
	tag = rig_label(&g, VIZ_LABEL_FIELD, "freelist");
	check(c1 == 1 && p1 == 1 && tag && SDL_HasIntersection(&tag->r, &blk),
	      "a slab with both freelists numbers them c1.. and p1.., and "
	      "labels page->freelist's head 'freelist'");
	rig_close(&g);
}

static void test_frozen_inuse_mark(void)
{
	const struct viz_label *slab, *page;
	struct rig g;

	if (rig_synth(&g, 8, 0))
		return;
	rig_draw(&g);
	slab = rig_label(&g, VIZ_LABEL_SLAB, "pfn 0x100");
	page = rig_label(&g, VIZ_LABEL_FIELD, "page");
	check(slab && strstr(slab->s, "inuse 64/64*") && page &&
	      strstr(page->s, "64/64*"), "a frozen cpu slab's inuse is marked: "
	      "'%s', '%s'", slab ? slab->s : "", page ? page->s : "");
	rig_close(&g);
}

static void test_gone_cache(void)
{
	const struct viz_label *lab;
	struct rig g;

	if (rig_synth(&g, 8, 0))
		return;
	snprintf(g.v.cache, sizeof(g.v.cache), "objs");
	rig_draw(&g);
	lab = rig_label(&g, VIZ_LABEL_PANEL, "objs is gone");
	check(lab != NULL, "a destroyed cache: the title says '%s' and "
	      "which cache is shown", lab ? lab->s : "");
	rig_close(&g);
}

void test_render(void)
{
	test_identical_slabs();
	test_bar_proportions();
	test_lane_titles_20k();
	test_resize();
	test_contrast();
	test_tooltips();
	test_zoom_about_pointer();
	test_zoom_keys();
	test_two_freelists();
	test_frozen_inuse_mark();
	test_gone_cache();
}
