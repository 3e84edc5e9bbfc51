// SPDX-License-Identifier: GPL-2.0-only
/*
 * Where things go.  The main area shows one cache in detail as lanes:
 * one lane per CPU (its kmem_cache_cpu box, c->page, then the cpu partial
 * chain), one per node (kmem_cache_node box and its partial list), the
 * full lists of debug caches, and the full slabs that are on no list.
 * Inside a lane the slabs flow left to right in list order.  Positions are
 * in world units (pixels at zoom 1); the view maps them to the screen.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "viz.h"
#include "viz_int.h"

#define CELL		16
#define GAP		5
#define CELL_DEBUG	34	/* debug caches: room for the metadata */
#define BLOCK_PAD	5
#define BLOCK_HEAD	17
#define BLOCK_GAP_X	26
#define BLOCK_GAP_Y	12
#define LANE_GAP	18
#define CONTENT_X	(VIZ_LANE_BOX_W + 46)

void viz_main_area(const struct viz_view *v, SDL_Rect *r)
{
	r->x = VIZ_LEFT_W;
	r->y = VIZ_TOP_H;
	r->w = v->w - VIZ_LEFT_W - VIZ_RIGHT_W;
	r->h = v->h - VIZ_TOP_H - VIZ_BOTTOM_H;
	if (r->w < 50)
		r->w = 50;
	if (r->h < 50)
		r->h = 50;
}

static bool is_user_cache(const char *name)
{
	return strncmp(name, "kmalloc-", 8) && strncmp(name, "kmem_cache", 10);
}

int viz_pick_cache(const struct slub_snapshot *snap, const struct viz_view *v)
{
	int i, best = -1;

	if (!snap || snap->nr_caches <= 0)
		return -1;
	for (i = 0; v->cache[0] && i < snap->nr_caches; i++)
		if (!strcmp(snap->caches[i].name, v->cache))
			return i;
	for (i = 0; i < snap->nr_caches; i++) {
		if (is_user_cache(snap->caches[i].name))
			return i;
		if (best < 0 && snap->caches[i].nr_slabs)
			best = i;
	}
	return best >= 0 ? best : 0;
}

bool viz_debug_cells(const struct slub_snap_cache *c)
{
	return c->flags & (SLAB_RED_ZONE | SLAB_POISON | SLAB_STORE_USER);
}

static int per_row_for(const struct viz_layout *l, unsigned int objects)
{
	int wide = l->cell_w > CELL;

	if (objects <= (wide ? 8u : 16u))
		return objects ? objects : 1;
	if (objects <= 128)
		return wide ? 8 : 16;
	return wide ? 16 : 32;
}

struct flow {
	struct viz_layout *l;
	int x0, x1;		/* usable world x range of the lane */
	int x, y;		/* next position */
	int row_h;		/* height of the current row */
	int bottom;
	int right;		/* right edge of the rightmost block */
};

static void flow_newline(struct flow *f)
{
	if (f->x == f->x0)
		return;
	f->x = f->x0;
	f->y += f->row_h + BLOCK_GAP_Y;
	f->row_h = 0;
}

static void flow_place(struct flow *f, int si, unsigned int objects)
{
	struct viz_slab_box *b = &f->l->slab[si];
	int per_row = per_row_for(f->l, objects);
	int pitch_x = f->l->cell_w + GAP, pitch_y = f->l->cell + GAP;
	int rows = (objects + per_row - 1) / per_row;

	if (!rows)
		rows = 1;
	b->per_row = per_row;
	b->w = 2 * BLOCK_PAD + per_row * pitch_x - GAP;
	if (b->w < 200)
		b->w = 200;
	b->h = BLOCK_HEAD + 2 * BLOCK_PAD + rows * pitch_y - GAP;
	if (f->x > f->x0 && f->x + b->w > f->x1)
		flow_newline(f);
	b->x = f->x;
	b->y = f->y;
	b->cells_x = b->x + BLOCK_PAD;
	b->cells_y = b->y + BLOCK_HEAD + BLOCK_PAD;
	f->x += b->w + BLOCK_GAP_X;
	if (b->x + b->w > f->right)
		f->right = b->x + b->w;
	if (b->h > f->row_h)
		f->row_h = b->h;
	if (f->y + f->row_h > f->bottom)
		f->bottom = f->y + f->row_h;
}

static bool valid_slab(const struct slub_snap_cache *c, int si,
		       const char *placed)
{
	return si >= 0 && si < c->nr_slabs && !placed[si];
}

static struct viz_lane *lane_begin(struct viz_layout *l, struct flow *f,
				   int kind, int id, int y, int box_h)
{
	struct viz_lane *ln = &l->lane[l->nr_lanes++];

	ln->kind = kind;
	ln->id = id;
	ln->x = 0;
	ln->y = y;
	ln->w = VIZ_LANE_BOX_W;
	ln->h = box_h;
	ln->first_y = y;
	f->x = f->x0;
	f->y = y;
	f->row_h = 0;
	f->bottom = y + box_h;
	return ln;
}

static int lane_end(struct viz_lane *ln, struct flow *f)
{
	ln->end_y = f->bottom;
	return f->bottom + LANE_GAP;
}

static void place_list(struct flow *f, const struct slub_snap_cache *c,
		       const int *list, int n, char *placed)
{
	int i;

	for (i = 0; i < n; i++) {
		if (!valid_slab(c, list[i], placed))
			continue;
		placed[list[i]] = 1;
		flow_place(f, list[i], c->slabs[list[i]].objects);
	}
}

static int layout_cpus(struct viz_layout *l, struct flow *f,
		       const struct slub_snapshot *snap,
		       const struct slub_snap_cache *c, char *placed, int y)
{
	struct viz_lane *ln;
	int cpu;

	for (cpu = 0; cpu < snap->nr_cpus; cpu++) {
		const struct slub_snap_cpu *cc = &c->cpu[cpu];

		int row_a = y + 26;

		ln = lane_begin(l, f, VIZ_LANE_CPU, cpu, y, VIZ_CPU_BOX_H);
		if (valid_slab(c, cc->slab, placed)) {
			placed[cc->slab] = 1;
			flow_place(f, cc->slab, c->slabs[cc->slab].objects);
			row_a = f->y + f->row_h;
		}
		/* The partial chain starts on its own row. */
		f->x = f->x0;
		f->y = row_a + BLOCK_GAP_Y + 8;
		f->row_h = 0;
		place_list(f, c, cc->partial, cc->nr_partial, placed);
		y = lane_end(ln, f);
	}
	return y;
}

static int layout_nodes(struct viz_layout *l, struct flow *f,
			const struct slub_snapshot *snap,
			const struct slub_snap_cache *c, char *placed, int y)
{
	struct viz_lane *ln;
	int n;

	for (n = 0; n < snap->nr_nodes; n++) {
		const struct slub_snap_node *nd = &c->node[n];

		ln = lane_begin(l, f, VIZ_LANE_NODE, n, y, VIZ_NODE_BOX_H);
		place_list(f, c, nd->partial, (int)nd->nr_partial, placed);
		y = lane_end(ln, f);
		if (!nd->nr_full)
			continue;
		ln = lane_begin(l, f, VIZ_LANE_FULL, n, y, VIZ_LIST_BOX_H);
		place_list(f, c, nd->full, nd->nr_full, placed);
		y = lane_end(ln, f);
	}
	return y;
}

static int layout_rest(struct viz_layout *l, struct flow *f,
		       const struct slub_snap_cache *c, char *placed, int y)
{
	struct viz_lane *ln = NULL;
	int i;

	for (i = 0; i < c->nr_slabs; i++) {
		if (placed[i])
			continue;
		if (!ln)
			ln = lane_begin(l, f, VIZ_LANE_UNLISTED, 0, y,
					VIZ_LIST_BOX_H);
		placed[i] = 1;
		flow_place(f, i, c->slabs[i].objects);
	}
	return ln ? lane_end(ln, f) : y;
}

static void build_once(struct viz_layout *l, const struct slub_snapshot *snap,
		       const struct slub_snap_cache *c, int x1)
{
	struct flow f = { .l = l };
	int y = 8;
	char *placed = calloc(c->nr_slabs + 1, 1);

	l->nr_lanes = 0;
	if (!placed)
		return;
	f.x0 = CONTENT_X;
	f.x1 = x1;
	f.right = CONTENT_X + 200;
	y = layout_cpus(l, &f, snap, c, placed, y);
	y = layout_nodes(l, &f, snap, c, placed, y);
	y = layout_rest(l, &f, c, placed, y);
	free(placed);
	l->world_w = f.right + 30;
	l->world_h = y;
}

/*
 * The lanes are as wide as the main area at zoom 1; when the slabs do not
 * fit, widen them until the world has about the main area's shape.
 */
void viz_layout_build(struct viz_layout *l, const struct slub_snapshot *snap,
		      const struct viz_view *v)
{
	const struct slub_snap_cache *c;
	SDL_Rect main;
	int ci, x1, i;
	double want;

	viz_layout_free(l);
	l->cache = ci = viz_pick_cache(snap, v);
	l->cell = CELL;
	l->cell_w = CELL;
	l->gap = GAP;
	if (ci < 0)
		return;
	c = &snap->caches[ci];
	if (viz_debug_cells(c))
		l->cell_w = CELL_DEBUG;
	l->lane = calloc(snap->nr_cpus + 2 * snap->nr_nodes + 1,
			 sizeof(*l->lane));
	l->slab = calloc(c->nr_slabs + 1, sizeof(*l->slab));
	if (!l->lane || !l->slab) {
		viz_layout_free(l);
		return;
	}
	l->nr_slabs = c->nr_slabs;
	viz_main_area(v, &main);
	want = (double)main.h / main.w;
	x1 = main.w - 12;
	if (x1 < CONTENT_X + 600)
		x1 = CONTENT_X + 600;
	for (i = 0; i < 8; i++) {
		double ratio;

		build_once(l, snap, c, x1);
		ratio = (double)l->world_h / (x1 + 12) / want;
		if (ratio < 1.15)
			break;
		x1 = (int)((x1 + 12) * sqrt(ratio)) - 12;
	}
}

void viz_layout_free(struct viz_layout *l)
{
	free(l->slab);
	free(l->lane);
	memset(l, 0, sizeof(*l));
	l->cache = -1;
}

void viz_view_to_screen(const struct viz_view *v, double wx, double wy,
			int *sx, int *sy)
{
	SDL_Rect m;

	viz_main_area(v, &m);
	*sx = m.x + (int)((wx - v->pan_x) * v->zoom);
	*sy = m.y + (int)((wy - v->pan_y) * v->zoom);
}

void viz_view_to_world(const struct viz_view *v, int sx, int sy,
		       double *wx, double *wy)
{
	SDL_Rect m;

	viz_main_area(v, &m);
	*wx = (sx - m.x) / v->zoom + v->pan_x;
	*wy = (sy - m.y) / v->zoom + v->pan_y;
}

static void world_rect(const struct viz_view *v, double x, double y,
		       double w, double h, SDL_Rect *out)
{
	int x0, y0, x1, y1;

	viz_view_to_screen(v, x, y, &x0, &y0);
	viz_view_to_screen(v, x + w, y + h, &x1, &y1);
	out->x = x0;
	out->y = y0;
	out->w = x1 - x0 > 1 ? x1 - x0 : 1;
	out->h = y1 - y0 > 1 ? y1 - y0 : 1;
}

void viz_cell_world(const struct viz_layout *l, const struct viz_slab_box *b,
		    int obj, int *x, int *y)
{
	*x = b->cells_x + (obj % b->per_row) * (l->cell_w + l->gap);
	*y = b->cells_y + (obj / b->per_row) * (l->cell + l->gap);
}

bool viz_layout_object(const struct viz_layout *l, const struct viz_view *v,
		       int slab, int obj, SDL_Rect *out)
{
	const struct viz_slab_box *b;
	int x, y;

	if (!l->slab || slab < 0 || slab >= l->nr_slabs || obj < 0)
		return false;
	b = &l->slab[slab];
	if (!b->per_row)
		return false;
	viz_cell_world(l, b, obj, &x, &y);
	world_rect(v, x, y, l->cell_w, l->cell, out);
	return true;
}

bool viz_layout_slab(const struct viz_layout *l, const struct viz_view *v,
		     int slab, SDL_Rect *out)
{
	const struct viz_slab_box *b;

	if (!l->slab || slab < 0 || slab >= l->nr_slabs)
		return false;
	b = &l->slab[slab];
	world_rect(v, b->x, b->y, b->w, b->h, out);
	return true;
}

struct viz_pick viz_layout_hit(const struct viz_layout *l,
			       const struct slub_snapshot *snap,
			       const struct viz_view *v, int x, int y)
{
	struct viz_pick p = { -1, -1, -1 };
	const struct slub_snap_cache *c;
	double wx, wy;
	int i, col, row;

	if (l->cache < 0 || !snap || l->cache >= snap->nr_caches)
		return p;
	c = &snap->caches[l->cache];
	viz_view_to_world(v, x, y, &wx, &wy);
	for (i = 0; i < l->nr_slabs && i < c->nr_slabs; i++) {
		const struct viz_slab_box *b = &l->slab[i];

		if (wx < b->x || wx >= b->x + b->w || wy < b->y ||
		    wy >= b->y + b->h)
			continue;
		p.cache = l->cache;
		p.slab = i;
		col = (int)(wx - b->cells_x) / (l->cell_w + l->gap);
		row = (int)(wy - b->cells_y) / (l->cell + l->gap);
		if (wx >= b->cells_x && wy >= b->cells_y && col < b->per_row &&
		    row * b->per_row + col < (int)c->slabs[i].objects)
			p.obj = row * b->per_row + col;
		return p;
	}
	return p;
}

void viz_view_fit(struct viz_view *v, const struct viz_layout *l)
{
	SDL_Rect m;
	double zx, zy;

	viz_main_area(v, &m);
	if (l->world_w <= 0 || l->world_h <= 0) {
		v->zoom = 1;
		v->pan_x = v->pan_y = 0;
		return;
	}
	zx = (double)m.w / l->world_w;
	zy = (double)m.h / l->world_h;
	v->zoom = zx < zy ? zx : zy;
	if (v->zoom > VIZ_MAX_FIT_ZOOM)
		v->zoom = VIZ_MAX_FIT_ZOOM;
	if (v->zoom < 0.02)
		v->zoom = 0.02;
	v->pan_x = 0;
	v->pan_y = 0;
}
