// SPDX-License-Identifier: GPL-2.0-only
/*
 * The main area: the kmem_cache_cpu and kmem_cache_node boxes, the slabs
 * as blocks of object cells, and the arrows (c->page, c->freelist,
 * c->partial, the partial lists and every freelist in list order).
 * Cells are batched by colour and drawn with one SDL_RenderFillRects per
 * colour, which keeps 20,000 cells well above 60 frames per second with
 * the software renderer.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "viz.h"
#include "viz_int.h"
#include "draw_int.h"
#include "palette.h"

/* ------------------------------------------------------------- batches */

static void batch_add(struct viz_batch *b, const SDL_Rect *r)
{
	if (b->n == b->cap) {
		int cap = b->cap ? 2 * b->cap : 1024;
		SDL_Rect *p = realloc(b->r, cap * sizeof(*p));

		if (!p)
			return;
		b->r = p;
		b->cap = cap;
	}
	b->r[b->n++] = *r;
}

static void batch_flush(struct dctx *d)
{
	int i;

	for (i = 0; i < VIZ_NR_COLORS; i++) {
		struct viz_batch *b = &d->batch[i];

		if (!b->n)
			continue;
		viz_set_color(d->r, viz_colors[i]);
		SDL_RenderFillRects(d->r, b->r, b->n);
		b->n = 0;
	}
}

void viz_batches_free(struct dctx *d)
{
	int i;

	for (i = 0; i < VIZ_NR_COLORS; i++)
		free(d->batch[i].r);
}

/* --------------------------------------------------------------- helpers */

static void to_screen(const struct dctx *d, double wx, double wy, int *x,
		      int *y)
{
	viz_view_to_screen(d->v, wx, wy, x, y);
}

static void wrect(const struct dctx *d, double x, double y, double w,
		  double h, SDL_Rect *out)
{
	int x0, y0, x1, y1;

	to_screen(d, x, y, &x0, &y0);
	to_screen(d, x + w, y + h, &x1, &y1);
	out->x = x0;
	out->y = y0;
	out->w = x1 - x0 > 1 ? x1 - x0 : 1;
	out->h = y1 - y0 > 1 ? y1 - y0 : 1;
}

static bool visible(const struct dctx *d, const SDL_Rect *r)
{
	return r->x + r->w >= d->main.x && r->y + r->h >= d->main.y &&
	       r->x < d->main.x + d->main.w && r->y < d->main.y + d->main.h;
}

static int wpx(const struct dctx *d, double base)
{
	return (int)lround(base * d->v->zoom);
}

/* World text of base size px, hidden when too small to read. */
static int wtext(struct dctx *d, enum viz_face f, double px, SDL_Color c,
		 double wx, double wy, const char *s)
{
	int x, y, p = wpx(d, px);

	if (p < 7)
		return 0;
	to_screen(d, wx, wy, &x, &y);
	if (y > d->main.y + d->main.h || y + p * 2 < d->main.y)
		return 0;
	return viz_text_draw(d->v->text, f, p, c, x, y, s);
}

void viz_arrow(SDL_Renderer *r, int x0, int y0, int x1, int y1,
	       SDL_Color c, int head)
{
	double dx = x1 - x0, dy = y1 - y0, len = sqrt(dx * dx + dy * dy);
	SDL_Vertex v[3];
	double ux, uy;
	int i;

	viz_set_color(r, c);
	SDL_RenderDrawLine(r, x0, y0, x1, y1);
	if (len < 1 || head < 2)
		return;
	ux = dx / len;
	uy = dy / len;
	v[0].position = (SDL_FPoint){ x1, y1 };
	v[1].position = (SDL_FPoint){ x1 - head * ux + head * 0.5 * uy,
				      y1 - head * uy - head * 0.5 * ux };
	v[2].position = (SDL_FPoint){ x1 - head * ux - head * 0.5 * uy,
				      y1 - head * uy + head * 0.5 * ux };
	for (i = 0; i < 3; i++) {
		v[i].color = c;
		v[i].tex_coord = (SDL_FPoint){ 0, 0 };
	}
	SDL_RenderGeometry(r, NULL, v, 3, NULL, 0);
}

/* An elbow connector from (x0, y0) right, down or up, then right. */
static void elbow(struct dctx *d, int x0, int y0, int x1, int y1,
		  SDL_Color c)
{
	int xm = x0 + (x1 - x0) / 2, head = wpx(d, 7);

	viz_set_color(d->r, c);
	SDL_RenderDrawLine(d->r, x0, y0, xm, y0);
	SDL_RenderDrawLine(d->r, xm, y0, xm, y1);
	viz_arrow(d->r, xm, y1, x1, y1, c, head < 4 ? 4 : head);
	SDL_RenderFillRect(d->r, &(SDL_Rect){ x0 - 2, y0 - 2, 5, 5 });
}

/* ------------------------------------------------------------ animation */

static double ease(double t)
{
	if (t >= 1)
		return 1;
	if (t <= 0)
		return 0;
	return t * t * (3 - 2 * t);
}

static int prev_slab(const struct dctx *d, long pfn, int hint)
{
	const struct slub_snap_cache *pc = d->prev_cache;
	int i;

	if (!pc)
		return -1;
	if (hint >= 0 && hint < pc->nr_slabs && pc->slabs[hint].pfn == pfn)
		return hint;
	for (i = 0; i < pc->nr_slabs; i++)
		if (pc->slabs[i].pfn == pfn)
			return i;
	return -1;
}

/* Slab offsets (animation) and which slabs are new or moved. */
void viz_slab_motion(struct dctx *d)
{
	const struct slub_snap_cache *c = d->cache;
	const struct viz_layout *from = d->v->from;
	const struct slub_snapshot *ps = d->f ? d->f->prev : NULL;
	double k = 1 - ease(d->v->anim);
	int i, p;

	/* Animate only from a layout of the same cache. */
	if (!ps || !from || from->cache < 0 || from->cache >= ps->nr_caches ||
	    &ps->caches[from->cache] != d->prev_cache)
		from = NULL;

	d->motion = calloc(c->nr_slabs + 1, sizeof(*d->motion));
	if (!d->motion)
		return;
	for (i = 0; i < c->nr_slabs; i++) {
		p = prev_slab(d, c->slabs[i].pfn, i);
		d->motion[i].prev = p;
		if (!d->prev_cache)
			continue;
		if (p < 0) {
			d->motion[i].changed = true;
			continue;
		}
		if (c->slabs[i].where != d->prev_cache->slabs[p].where ||
		    c->slabs[i].owner != d->prev_cache->slabs[p].owner)
			d->motion[i].changed = true;
		if (k > 0 && from && p < from->nr_slabs) {
			d->motion[i].dx = (from->slab[p].x -
					   d->l->slab[i].x) * k;
			d->motion[i].dy = (from->slab[p].y -
					   d->l->slab[i].y) * k;
		}
	}
}

/* --------------------------------------------------------------- cells */

/* Byte map of one object: parts of [0, size) and their colours. */
static int byte_map(const struct slub_snap_cache *c, struct viz_part *part)
{
	unsigned int size = c->size ? c->size : 1, at, n = 0;
	unsigned int end = size;
	bool rz = c->flags & SLAB_RED_ZONE;

	part[n++] = (struct viz_part){ 0, c->object_size, -1 };
	at = c->object_size;
	if (c->inuse > at) {
		part[n++] = (struct viz_part){ at, c->inuse,
			rz ? VIZ_C_REDZONE : VIZ_C_PAD };
		at = c->inuse;
	}
	if (c->offset >= c->inuse && c->offset + 8 <= size) {
		part[n++] = (struct viz_part){ c->offset, c->offset + 8,
					       VIZ_C_FREEPTR };
		at = c->offset + 8;
	}
	if (rz && end >= at + 8)
		end -= 8;
	if (c->flags & SLAB_STORE_USER && end > at) {
		part[n++] = (struct viz_part){ at, end, VIZ_C_TRACK };
		at = end;
	}
	if (rz && size > at) {
		part[n++] = (struct viz_part){ at, size, VIZ_C_REDZONE };
		at = size;
	}
	if (size > at)
		part[n++] = (struct viz_part){ at, size, VIZ_C_PAD };
	return n;
}

void viz_cell_setup(struct dctx *d)
{
	d->nparts = byte_map(d->cache, d->part);
	d->debug_cells = viz_debug_cells(d->cache) && d->nparts > 1;
}

enum viz_color viz_obj_color(const struct slub_snap_object *o)
{
	switch (o->state) {
	case SLUB_OBJ_ALLOCATED:
		return VIZ_C_ALLOC;
	case SLUB_OBJ_CPU_FREE:
		return VIZ_C_CPU_FREE;
	default:
		return VIZ_C_PAGE_FREE;
	}
}

/*
 * The metadata parts of a debug cache's cell, right of the object part:
 * each part gets at least 2 pixels, the rest goes by size in bytes.
 */
static void cell_meta(struct dctx *d, const SDL_Rect *r, int obj_w)
{
	const struct slub_snap_cache *c = d->cache;
	double meta = c->size - c->object_size, x = r->x + obj_w;
	double w = r->w - obj_w, min = 2, spare;
	int i, n = d->nparts - 1;

	if (meta <= 0 || n <= 0)
		return;
	if (w < n * min)
		min = 0;
	spare = w - n * min;
	for (i = 1; i < d->nparts; i++) {
		const struct viz_part *p = &d->part[i];
		double pw = min + spare * (p->end - p->start) / meta;
		SDL_Rect q = { (int)x, r->y, (int)(x + pw) - (int)x, r->h };

		if (q.w > 0)
			batch_add(&d->batch[p->color], &q);
		x += pw;
	}
}

static void draw_cell(struct dctx *d, const SDL_Rect *r,
		      const struct slub_snap_object *o)
{
	enum viz_color col = viz_obj_color(o);
	SDL_Rect q = *r;
	bool is_free = o->state != SLUB_OBJ_ALLOCATED;

	if (d->debug_cells && r->w >= 8)
		q.w = r->w / 2;
	batch_add(&d->batch[col], &q);
	if (q.w != r->w)
		cell_meta(d, r, q.w);
	if (is_free && d->cache->flags & SLAB_POISON && r->h >= 6) {
		SDL_Rect p = { q.x, q.y + q.h * 2 / 3, q.w, q.h - q.h * 2 / 3 };

		batch_add(&d->batch[VIZ_C_POISON], &p);
	}
	if (is_free && d->cache->offset < d->cache->object_size &&
	    r->w >= 10) {
		SDL_Rect f = { q.x + q.w * d->cache->offset /
			       (d->cache->object_size ? d->cache->object_size
						      : 1),
			       q.y, q.w / 4, r->h / 5 };

		batch_add(&d->batch[VIZ_C_FREEPTR], &f);
	}
}

static bool obj_changed(const struct dctx *d, int si, int i)
{
	const struct slub_snap_slab *ps;
	int p = d->motion ? d->motion[si].prev : -1;

	if (p < 0 || !d->prev_cache)
		return false;
	ps = &d->prev_cache->slabs[p];
	if (!ps->obj || i >= (int)ps->objects)
		return false;
	return ps->obj[i].state != d->cache->slabs[si].obj[i].state;
}

void viz_cell_rect(const struct dctx *d, int si, int i, SDL_Rect *r)
{
	int x, y;

	viz_cell_world(d->l, &d->l->slab[si], i, &x, &y);
	if (d->motion) {
		x += d->motion[si].dx;
		y += d->motion[si].dy;
	}
	wrect(d, x, y, d->l->cell_w, d->l->cell, r);
}

static void changed_cell(struct dctx *d, const SDL_Rect *r, int si, int i)
{
	int p = d->motion[si].prev;
	const struct slub_snap_object *o = &d->prev_cache->slabs[p].obj[i];
	SDL_Color from = viz_colors[viz_obj_color(o)];
	SDL_Color to = viz_colors[viz_obj_color(&d->cache->slabs[si].obj[i])];
	double k = ease(d->v->anim);
	SDL_Rect q = *r;

	/* Fade from the old state's colour, with a shrinking ring. */
	if (k < 1) {
		SDL_Color m = { from.r + (to.r - from.r) * k,
				from.g + (to.g - from.g) * k,
				from.b + (to.b - from.b) * k, 255 };
		int grow = (int)((1 - k) * r->w);

		viz_set_color(d->r, m);
		SDL_RenderFillRect(d->r, r);
		q = (SDL_Rect){ r->x - grow, r->y - grow, r->w + 2 * grow,
				r->h + 2 * grow };
	}
	d->changed[d->nchanged++] = q;
}

static void slab_cells(struct dctx *d, int si)
{
	const struct slub_snap_slab *s = &d->cache->slabs[si];
	SDL_Rect r;
	int i;

	if (!s->obj)
		return;
	for (i = 0; i < (int)s->objects; i++) {
		viz_cell_rect(d, si, i, &r);
		if (!visible(d, &r))
			continue;
		d->v->drawn_cells++;
		if (d->motion && obj_changed(d, si, i) &&
		    d->nchanged < VIZ_MAX_CHANGED) {
			if (d->v->anim < 1) {
				changed_cell(d, &r, si, i);
				continue;
			}
			d->changed[d->nchanged++] = r;
		}
		draw_cell(d, &r, &s->obj[i]);
	}
}

/* ------------------------------------------------------------- freelists */

/* Where the segment from the centre of r towards (ux, uy) leaves r. */
static void rect_exit(const SDL_Rect *r, double ux, double uy, int *x,
		      int *y)
{
	double hw = r->w / 2.0 + 1, hh = r->h / 2.0 + 1, t = 1e9;

	if (fabs(ux) > 1e-9)
		t = hw / fabs(ux);
	if (fabs(uy) > 1e-9 && hh / fabs(uy) < t)
		t = hh / fabs(uy);
	*x = r->x + r->w / 2 + (int)lround(ux * t);
	*y = r->y + r->h / 2 + (int)lround(uy * t);
}

/* An arrow from cell a to cell b, edge to edge. */
static void cell_arrow(struct dctx *d, const SDL_Rect *a, const SDL_Rect *b,
		       SDL_Color c)
{
	double dx = (b->x - a->x), dy = (b->y - a->y);
	double len = sqrt(dx * dx + dy * dy);
	int x0, y0, x1, y1;

	if (len < 1)
		return;
	rect_exit(a, dx / len, dy / len, &x0, &y0);
	rect_exit(b, -dx / len, -dy / len, &x1, &y1);
	viz_arrow(d->r, x0, y0, x1, y1, c, wpx(d, 5));
}

/*
 * A freelist link from object i to object j of a slab.  Neighbours get a
 * short arrow; other links run in the gaps between the rows of cells, so
 * that they do not cross the cells they pass.
 */
static void link_arrow(struct dctx *d, int si, int i, int j, SDL_Color c)
{
	int per_row = d->l->slab[si].per_row, half;
	int ri = i / per_row, rj = j / per_row;
	SDL_Rect a, b;
	int x0, y0, ym, x1, y1;

	viz_cell_rect(d, si, i, &a);
	viz_cell_rect(d, si, j, &b);
	if (ri == rj && abs(i - j) == 1) {
		cell_arrow(d, &a, &b, c);
		return;
	}
	half = wpx(d, d->l->gap / 2.0) + 1;
	x0 = a.x + a.w / 2;
	x1 = b.x + b.w / 2;
	if (rj > ri) {		/* down: leave below, enter from above */
		y0 = a.y + a.h;
		ym = a.y + a.h + half;
		y1 = b.y;
	} else {		/* same row or up: leave and enter above */
		y0 = a.y;
		ym = a.y - half;
		y1 = rj < ri ? b.y + b.h : b.y;
	}
	viz_set_color(d->r, c);
	SDL_RenderDrawLine(d->r, x0, y0, x0, ym);
	SDL_RenderDrawLine(d->r, x0, ym, x1, ym);
	viz_arrow(d->r, x1, ym, x1, y1, c, wpx(d, 4) < 3 ? 3 : wpx(d, 4));
}

static void freelist_chain(struct dctx *d, int si, int head, SDL_Color c)
{
	const struct slub_snap_slab *s = &d->cache->slabs[si];
	int i = head, n = 0, px = wpx(d, 9);
	char num[12];
	SDL_Rect r;

	while (i >= 0 && i < (int)s->objects && n <= (int)s->objects) {
		int next = s->obj[i].next;

		if (px >= 7) {
			unsigned int ink =
				palette[palette_state(s->obj[i].state)].ink;

			viz_cell_rect(d, si, i, &r);
			snprintf(num, sizeof(num), "%d", n + 1);
			viz_text_draw(d->v->text, VIZ_SANS, px,
				      (SDL_Color)PALETTE_RGBA(ink), r.x + 2,
				      r.y + r.h - px - 4, num);
		}
		if (next >= 0 && next < (int)s->objects)
			link_arrow(d, si, i, next, c);
		i = next;
		n++;
	}
}

static void slab_freelists(struct dctx *d, int si)
{
	const struct slub_snap_slab *s = &d->cache->slabs[si];
	SDL_Color dark = viz_colors[VIZ_C_ARROW];

	if (!s->obj || d->v->zoom * d->l->cell < 9)
		return;
	freelist_chain(d, si, s->freelist, dark);
	if (s->where == SLUB_SLAB_CPU && s->owner >= 0 &&
	    s->owner < d->snap->nr_cpus &&
	    d->cache->cpu[s->owner].slab == si)
		freelist_chain(d, si, d->cache->cpu[s->owner].freelist,
			       viz_colors[VIZ_C_FROZEN]);
}

/* ----------------------------------------------------------------- slabs */

static enum viz_color slab_border(const struct slub_snap_slab *s)
{
	switch (s->where) {
	case SLUB_SLAB_CPU:
		return VIZ_C_CPU_FREE;
	case SLUB_SLAB_CPU_PARTIAL:
		return VIZ_C_FROZEN;
	case SLUB_SLAB_NODE_PARTIAL:
		return VIZ_C_PAGE_FREE;
	default:
		return VIZ_C_DIM;
	}
}

void viz_block_rect(const struct dctx *d, int si, SDL_Rect *r)
{
	const struct viz_slab_box *b = &d->l->slab[si];
	double dx = d->motion ? d->motion[si].dx : 0;
	double dy = d->motion ? d->motion[si].dy : 0;

	wrect(d, b->x + dx, b->y + dy, b->w, b->h, r);
}

static void slab_head(struct dctx *d, int si, const SDL_Rect *r)
{
	const struct slub_snap_slab *s = &d->cache->slabs[si];
	const struct viz_slab_box *b = &d->l->slab[si];
	double wx = b->x + 5 + (d->motion ? d->motion[si].dx : 0);
	double wy = b->y + 2 + (d->motion ? d->motion[si].dy : 0);
	char buf[96];

	(void)r;
	snprintf(buf, sizeof(buf), "pfn %#lx  inuse %u/%u%s", s->pfn,
		 s->inuse, s->objects, s->frozen ? "  frozen" : "");
	wtext(d, VIZ_MONO, 10.5, viz_colors[VIZ_C_TEXT], wx, wy, buf);
}

static void slab_block(struct dctx *d, int si)
{
	const struct slub_snap_slab *s = &d->cache->slabs[si];
	SDL_Rect r;
	int i, bw;

	viz_block_rect(d, si, &r);
	if (!visible(d, &r))
		return;
	if (r.w >= 6) {
		viz_set_color(d->r, viz_colors[VIZ_C_SLAB_BG]);
		SDL_RenderFillRect(d->r, &r);
		viz_set_color(d->r, viz_colors[slab_border(s)]);
		bw = d->v->zoom >= 0.5 ? 2 : 1;
		for (i = 0; i < bw; i++)
			SDL_RenderDrawRect(d->r, &(SDL_Rect){ r.x + i, r.y + i,
					   r.w - 2 * i, r.h - 2 * i });
		if (d->motion && d->motion[si].changed &&
		    d->nmoved < VIZ_MAX_CHANGED)
			d->moved[d->nmoved++] = r;
	}
	slab_head(d, si, &r);
	slab_cells(d, si);
}

/* An arrow from block a to block b; around the rows when b wrapped. */
static void block_arrow(struct dctx *d, const SDL_Rect *a, const SDL_Rect *b)
{
	SDL_Color c = viz_colors[VIZ_C_ARROW];
	int ya = a->y + wpx(d, 9), yb = b->y + wpx(d, 9);
	int head = wpx(d, 7) < 4 ? 4 : wpx(d, 7), m = wpx(d, 10);
	int xr = a->x + a->w + m, xl = b->x - m, ym = b->y - wpx(d, 6);

	if (b->x > a->x) {
		viz_arrow(d->r, a->x + a->w, ya, b->x, yb, c, head);
		return;
	}
	viz_set_color(d->r, c);
	SDL_RenderDrawLine(d->r, a->x + a->w, ya, xr, ya);
	SDL_RenderDrawLine(d->r, xr, ya, xr, ym);
	SDL_RenderDrawLine(d->r, xr, ym, xl, ym);
	SDL_RenderDrawLine(d->r, xl, ym, xl, yb);
	viz_arrow(d->r, xl, yb, b->x, yb, c, head);
}

/* Arrows along a list of slabs, in list order. */
static void list_arrows(struct dctx *d, const int *list, int n)
{
	SDL_Rect a, b;
	int i;

	for (i = 0; i + 1 < n; i++) {
		if (list[i] < 0 || list[i] >= d->cache->nr_slabs ||
		    list[i + 1] < 0 || list[i + 1] >= d->cache->nr_slabs)
			continue;
		viz_block_rect(d, list[i], &a);
		viz_block_rect(d, list[i + 1], &b);
		block_arrow(d, &a, &b);
	}
}

/* ----------------------------------------------------------------- boxes */

static void box_frame(struct dctx *d, const SDL_Rect *r, bool focus)
{
	viz_set_color(d->r, viz_colors[VIZ_C_BOX]);
	SDL_RenderFillRect(d->r, r);
	viz_set_color(d->r, viz_colors[focus ? VIZ_C_ACCENT : VIZ_C_BORDER]);
	SDL_RenderDrawRect(d->r, r);
	if (focus)
		SDL_RenderDrawRect(d->r, &(SDL_Rect){ r->x + 1, r->y + 1,
				   r->w - 2, r->h - 2 });
}

/* Field line k of a lane box, and the screen point its arrow leaves from. */
static void field(struct dctx *d, const struct viz_lane *ln, int k,
		  const char *s, int *ax, int *ay)
{
	double wy = ln->y + 6 + 17 * k;

	wtext(d, k ? VIZ_MONO : VIZ_BOLD, k ? 11 : 12,
	      viz_colors[k ? VIZ_C_TEXT : VIZ_C_TITLE], ln->x + 8, wy, s);
	if (ax)
		to_screen(d, ln->x + ln->w, wy + 8, ax, ay);
}

static void arrow_to_block(struct dctx *d, int ax, int ay, int si)
{
	SDL_Rect b;

	if (si < 0 || si >= d->cache->nr_slabs)
		return;
	viz_block_rect(d, si, &b);
	elbow(d, ax, ay, b.x, b.y + wpx(d, 9), viz_colors[VIZ_C_ARROW]);
}

/* From a box field to the top of an object cell, above its row. */
static void arrow_to_cell(struct dctx *d, int ax, int ay, int si, int obj)
{
	SDL_Color c = viz_colors[VIZ_C_FROZEN];
	int xm, ym, cx;
	SDL_Rect b, r;

	if (si < 0 || si >= d->cache->nr_slabs || obj < 0 ||
	    obj >= (int)d->cache->slabs[si].objects)
		return;
	viz_block_rect(d, si, &b);
	viz_cell_rect(d, si, obj, &r);
	xm = ax + (b.x - ax) / 3;
	ym = r.y - wpx(d, d->l->gap / 2.0) - 1;
	cx = r.x + r.w / 2;
	viz_set_color(d->r, c);
	SDL_RenderFillRect(d->r, &(SDL_Rect){ ax - 2, ay - 2, 5, 5 });
	SDL_RenderDrawLine(d->r, ax, ay, xm, ay);
	SDL_RenderDrawLine(d->r, xm, ay, xm, ym);
	SDL_RenderDrawLine(d->r, xm, ym, cx, ym);
	viz_arrow(d->r, cx, ym, cx, r.y, c, wpx(d, 5) < 3 ? 3 : wpx(d, 5));
}

static void cpu_box(struct dctx *d, const struct viz_lane *ln)
{
	const struct slub_snap_cpu *cc = &d->cache->cpu[ln->id];
	const struct slub_snap_slab *ps = NULL;
	char buf[80];
	int ax, ay;
	SDL_Rect r;

	wrect(d, ln->x, ln->y, ln->w, ln->h, &r);
	box_frame(d, &r, d->v->focus_cpu == ln->id ||
		  d->snap->current_cpu == ln->id);
	snprintf(buf, sizeof(buf), "CPU %d  kmem_cache_cpu", ln->id);
	field(d, ln, 0, buf, NULL, NULL);
	if (d->snap->current_cpu == ln->id)
		wtext(d, VIZ_BOLD, 11, viz_colors[VIZ_C_ACCENT], ln->x + 8,
		      ln->y + 6 + 17 * 5, "running this step");
	snprintf(buf, sizeof(buf), "tid      %lu", cc->tid);
	field(d, ln, 1, buf, NULL, NULL);
	if (cc->slab >= 0 && cc->slab < d->cache->nr_slabs)
		snprintf(buf, sizeof(buf), "page     pfn %#lx",
			 d->cache->slabs[cc->slab].pfn);
	else
		snprintf(buf, sizeof(buf), "page     NULL");
	field(d, ln, 2, buf, &ax, &ay);
	arrow_to_block(d, ax, ay, cc->slab);
	if (cc->freelist >= 0)
		snprintf(buf, sizeof(buf), "freelist object %d", cc->freelist);
	else
		snprintf(buf, sizeof(buf), "freelist NULL");
	field(d, ln, 3, buf, &ax, &ay);
	arrow_to_cell(d, ax, ay, cc->slab, cc->freelist);
	if (cc->nr_partial > 0 && cc->partial[0] >= 0 &&
	    cc->partial[0] < d->cache->nr_slabs)
		ps = &d->cache->slabs[cc->partial[0]];
	if (ps)
		snprintf(buf, sizeof(buf), "partial  %d pages, %d objs",
			 ps->pages, ps->pobjects);
	else
		snprintf(buf, sizeof(buf), "partial  NULL");
	field(d, ln, 4, buf, &ax, &ay);
	if (ps)
		arrow_to_block(d, ax, ay, cc->partial[0]);
	list_arrows(d, cc->partial, cc->nr_partial);
}

static void node_box(struct dctx *d, const struct viz_lane *ln)
{
	const struct slub_snap_node *nd = &d->cache->node[ln->id];
	char buf[80];
	int ax, ay;
	SDL_Rect r;

	wrect(d, ln->x, ln->y, ln->w, ln->h, &r);
	box_frame(d, &r, false);
	snprintf(buf, sizeof(buf), "kmem_cache_node  node %d", ln->id);
	field(d, ln, 0, buf, NULL, NULL);
	snprintf(buf, sizeof(buf), "nr_partial %lu", nd->nr_partial);
	field(d, ln, 1, buf, NULL, NULL);
	snprintf(buf, sizeof(buf), "partial %s",
		 nd->nr_partial ? "" : "(empty)");
	field(d, ln, 2, buf, &ax, &ay);
	if (nd->nr_partial)
		arrow_to_block(d, ax, ay, nd->partial[0]);
	list_arrows(d, nd->partial, (int)nd->nr_partial);
}

static void list_box(struct dctx *d, const struct viz_lane *ln)
{
	const struct slub_snap_node *nd = &d->cache->node[ln->id];
	char buf[80];
	int ax, ay;
	SDL_Rect r;

	wrect(d, ln->x, ln->y, ln->w, ln->h, &r);
	box_frame(d, &r, false);
	if (ln->kind == VIZ_LANE_FULL) {
		snprintf(buf, sizeof(buf), "node %d full list (%d)", ln->id,
			 nd->nr_full);
		field(d, ln, 0, buf, &ax, &ay);
		if (nd->nr_full)
			arrow_to_block(d, ax, ay, nd->full[0]);
		list_arrows(d, nd->full, nd->nr_full);
	} else {
		field(d, ln, 0, "full slabs (on no list)", NULL, NULL);
	}
}

static void lane_bg(struct dctx *d, const struct viz_lane *ln)
{
	SDL_Rect r;

	if (ln->kind != VIZ_LANE_CPU || d->v->focus_cpu != ln->id)
		return;
	wrect(d, ln->x - 4, ln->first_y - 4, d->l->world_w,
	      ln->end_y - ln->first_y + 8, &r);
	viz_set_color(d->r, viz_colors[VIZ_C_PANEL]);
	SDL_RenderFillRect(d->r, &r);
}

static void lane_box(struct dctx *d, const struct viz_lane *ln)
{
	switch (ln->kind) {
	case VIZ_LANE_CPU:
		cpu_box(d, ln);
		break;
	case VIZ_LANE_NODE:
		node_box(d, ln);
		break;
	default:
		list_box(d, ln);
		break;
	}
}

/* ----------------------------------------------------------------- world */

static void outline(SDL_Renderer *r, const SDL_Rect *q, SDL_Color c, int w)
{
	int i;

	viz_set_color(r, c);
	for (i = 0; i < w; i++)
		SDL_RenderDrawRect(r, &(SDL_Rect){ q->x - i, q->y - i,
				   q->w + 2 * i, q->h + 2 * i });
}

static void highlights(struct dctx *d)
{
	SDL_Color amber = viz_colors[VIZ_C_CHANGED];
	int i;

	for (i = 0; i < d->nmoved; i++)
		outline(d->r, &d->moved[i], amber, 3);
	for (i = 0; i < d->nchanged; i++)
		outline(d->r, &d->changed[i], amber,
			d->changed[i].w >= 10 ? 2 : 1);
}

int viz_find_pfn(const struct slub_snap_cache *c, long pfn)
{
	int i;

	for (i = 0; c && i < c->nr_slabs; i++)
		if (c->slabs[i].pfn == pfn)
			return i;
	return -1;
}

static void pick_outline(struct dctx *d)
{
	int si = d->v->picked ? viz_find_pfn(d->cache, d->v->pick_pfn) : -1;
	int obj = d->v->pick_obj;
	SDL_Rect r;

	if (si < 0)
		return;
	if (obj >= 0 && obj < (int)d->cache->slabs[si].objects)
		viz_cell_rect(d, si, obj, &r);
	else
		viz_block_rect(d, si, &r);
	outline(d->r, &r, viz_colors[VIZ_C_TITLE], 3);
}

void viz_draw_world(struct dctx *d)
{
	const struct viz_layout *l = d->l;
	int i;

	SDL_RenderSetClipRect(d->r, &d->main);
	viz_cell_setup(d);
	viz_slab_motion(d);
	for (i = 0; i < l->nr_lanes; i++)
		lane_bg(d, &l->lane[i]);
	for (i = 0; i < l->nr_slabs; i++)
		slab_block(d, i);
	batch_flush(d);
	for (i = 0; i < l->nr_lanes; i++)
		lane_box(d, &l->lane[i]);
	for (i = 0; i < l->nr_slabs; i++)
		slab_freelists(d, i);
	highlights(d);
	pick_outline(d);
	free(d->motion);
	d->motion = NULL;
	SDL_RenderSetClipRect(d->r, NULL);
}
