// SPDX-License-Identifier: GPL-2.0-only
/*
 * A sheaf cache's own structures (the book's part "Sheaves and barns"):
 * in each CPU's lane its main and spare sheaf, a block of capacity
 * pointer slots of which the first size point at free objects, and in
 * each node's lane its barn, two stacks of sheaves against the barn's
 * limits, the full ones and the empty ones.
 *
 * A filled slot is painted in the colour of the objects it holds ("free:
 * in a sheaf") and numbered by its index in objects[]; an arrow runs from
 * it to its object's cell, which carries the same number after m (main)
 * or s (spare).  An arrow goes round the sheaves below its own rather
 * than across them (detour()).  With more filled slots than arrows can show clearly,
 * only each main sheaf's last slot, the next allocation, keeps its arrow;
 * with a CPU in focus (the c key), only that CPU's slots have arrows.
 * Hovering a slot names its object, rings its cell and draws its arrow.
 * At the level of detail of bars a sheaf is one bar filled in the
 * proportion size / capacity, so identical sheaves are identical pixels.
 *
 * The prefilled sheaves callers hold (either design) are drawn the same
 * way in a lane of their own, each named as the scenario names it (or
 * #id, its prefill's number), its filled slots in the colour of "free:
 * in a prefilled sheaf", the objects' cells tagged NAME:slot.
 */
#include <stdio.h>
#include "viz.h"
#include "viz_int.h"
#include "draw_int.h"

/* More filled slots than this in view: an arrow only for each next
 * allocation. */
#define VIZ_MAX_SLOT_ARROWS	32

void viz_sheaf_tag(char *buf, size_t len, int nr_cpus, int cpu, bool spare,
		   int slot)
{
	if (nr_cpus > 1)
		snprintf(buf, len, "%d%c%d", cpu, spare ? 's' : 'm', slot);
	else
		snprintf(buf, len, "%c%d", spare ? 's' : 'm', slot);
}

static const struct slub_snap_ref *sheaf_refs(const struct dctx *d, int k,
					      int *n)
{
	return viz_sheaf_refs(d->cache, k / 2, k % 2, n);
}

/* pfn and object of slot i of sheaf k of cache c, or false. */
static bool slot_target(const struct slub_snap_cache *c, int k, int i,
			long *pfn, int *obj)
{
	const struct slub_snap_ref *ref;
	int n;

	ref = viz_sheaf_refs(c, k / 2, k % 2, &n);
	if (!ref || i < 0 || i >= n || ref[i].slab < 0 ||
	    ref[i].slab >= c->nr_slabs)
		return false;
	*pfn = c->slabs[ref[i].slab].pfn;
	*obj = ref[i].obj;
	return true;
}

/* Does slot i of sheaf k hold another object than at the step compared? */
static bool slot_changed(const struct dctx *d, int k, int i)
{
	const struct slub_snap_cache *p = d->prev_cache;
	long a = -1, b = -1;
	int oa = -1, ob = -1;
	bool in_a, in_b;

	if (!p || !d->f || !d->f->prev || k / 2 >= d->f->prev->nr_cpus)
		return false;
	in_a = slot_target(d->cache, k, i, &a, &oa);
	in_b = slot_target(p, k, i, &b, &ob);
	return in_a != in_b || a != b || oa != ob;
}

static void block_frame(struct dctx *d, const SDL_Rect *r, SDL_Color c)
{
	int i, bw = d->l->pad >= 3 ? 2 : 1;

	if (r->w < 6)
		return;
	viz_set_color(d->r, C(SLAB_BG));
	SDL_RenderFillRect(d->r, r);
	viz_set_color(d->r, c);
	for (i = 0; i < bw; i++)
		SDL_RenderDrawRect(d->r, &(SDL_Rect){ r->x + i, r->y + i,
				   r->w - 2 * i, r->h - 2 * i });
}

/* The first of forms ('|'-separated) that fits w pixels, else the last. */
static void strip_label(struct dctx *d, int x, int y, int w,
			const char *forms)
{
	char form[96];
	const char *p = forms;
	size_t n;

	for (;;) {
		n = strcspn(p, "|");
		snprintf(form, sizeof(form), "%.*s", (int)n, p);
		if (!p[n] || viz_text_width(d->v->text, VIZ_MONO, VIZ_LABEL_PX,
					    form) <= w)
			break;
		p += n + 1;
	}
	viz_label(d, VIZ_LABEL_SLAB, VIZ_MONO, VIZ_LABEL_PX, C(TEXT), x, y, w,
		  &d->reg.slabs, form);
}

/* At small zoom a sheaf is one bar: the filled share of its slots. */
static void fill_bar(struct dctx *d, const struct viz_slab_box *b,
		     const SDL_Rect *r, int n, int cap, enum viz_color fill)
{
	int fw = cap ? b->cells_w * (n < cap ? n : cap) / cap : 0;
	SDL_Rect q = { r->x - b->x + b->cells_x, r->y - b->y + b->cells_y,
		       fw, b->cells_h };

	if (q.w > 0)
		viz_batch_add(&d->batch[fill], &q);
	q.x += fw;
	q.w = b->cells_w - fw;
	if (q.w > 0)
		viz_batch_add(&d->batch[VIZ_C_SLOT], &q);
}

static void sheaf_box(struct dctx *d, int k)
{
	const struct viz_slab_box *b = &d->l->sheaf[k];
	int cap = (int)d->cache->sheaf_capacity, n, i;
	char forms[160];
	SDL_Rect r, q;

	if (!viz_layout_sheaf(d->l, d->v, k, &r) ||
	    !SDL_HasIntersection(&r, &d->reg.slabs))
		return;
	sheaf_refs(d, k, &n);
	block_frame(d, &r, C(SHEAF_LINE));
	if (d->l->bars) {
		fill_bar(d, b, &r, n, cap, VIZ_C_SHEAF);
	} else {
		for (i = 0; i < cap; i++) {
			viz_layout_slot(d->l, d->v, k, i, &q);
			viz_batch_add(&d->batch[i < n ? VIZ_C_SHEAF :
						VIZ_C_SLOT], &q);
			if (slot_changed(d, k, i) &&
			    d->nchanged < VIZ_MAX_CHANGED)
				d->changed[d->nchanged++] = q;
		}
	}
	if (d->l->bars && d->nchanged < VIZ_MAX_CHANGED)
		for (i = 0; i < cap; i++)
			if (slot_changed(d, k, i)) {
				d->changed[d->nchanged++] = r;
				break;
			}
	if (!d->l->label_h)
		return;
	snprintf(forms, sizeof(forms), "%s sheaf  %d/%d|%s %d/%d|%d/%d",
		 k % 2 ? "spare" : "main", n, cap, k % 2 ? "spare" : "main",
		 n, cap, n, cap);
	strip_label(d, r.x + d->l->pad + 1, r.y + 1, r.w - 2 * d->l->pad - 2,
		    forms);
}

/* A stack of a barn: have sheaves of limit, bottom up, in colour col. */
static void barn_stack(struct dctx *d, int x, int y, int h, int have,
		       int limit, enum viz_color col)
{
	const struct viz_layout *l = d->l;
	int i;

	for (i = 0; i < limit; i++) {
		SDL_Rect q = { x, y + h - (i + 1) * l->barn_pitch +
			       (l->barn_pitch - l->barn_slot_h), l->stack_w,
			       l->barn_slot_h };

		if (i < have)
			viz_batch_add(&d->batch[col], &q);
	}
	/* the limit: a frame around the room of the stack */
	if (l->stack_w >= 4 && h >= 4) {
		viz_set_color(d->r, C(BORDER));
		SDL_RenderDrawRect(d->r, &(SDL_Rect){ x - 1, y - 1,
				   l->stack_w + 2, h + 2 });
	}
}

static const struct slub_snap_node *prev_barn(const struct dctx *d, int node)
{
	if (!d->prev_cache || !d->f || !d->f->prev ||
	    node >= d->f->prev->nr_nodes)
		return NULL;
	return &d->prev_cache->node[node];
}

static void barn_box(struct dctx *d, int node)
{
	const struct viz_layout *l = d->l;
	const struct viz_slab_box *b = &l->barn[node];
	const struct slub_snap_node *nd = &d->cache->node[node];
	const struct slub_snap_node *pn = prev_barn(d, node);
	int cx, cy, half;
	char forms[160];
	SDL_Rect r;

	if (!viz_layout_barn(l, d->v, node, &r) ||
	    !SDL_HasIntersection(&r, &d->reg.slabs))
		return;
	block_frame(d, &r, C(BARN));
	cx = r.x - b->x + b->cells_x;
	cy = r.y - b->y + b->cells_y;
	barn_stack(d, cx, cy, b->cells_h, nd->barn_full, b->rows,
		   VIZ_C_BARN);
	barn_stack(d, cx + l->stack_w + l->stack_gap, cy, b->cells_h,
		   nd->barn_empty, b->rows, VIZ_C_SLOT);
	if (pn && (pn->barn_full != nd->barn_full ||
		   pn->barn_empty != nd->barn_empty) &&
	    d->nmoved < VIZ_MAX_CHANGED)
		d->moved[d->nmoved++] = r;
	if (!l->label_h)
		return;
	/* each stack's count above it when there is room, else one line */
	half = l->stack_w + l->stack_gap / 2;
	if (viz_text_width(d->v->text, VIZ_MONO, VIZ_LABEL_PX,
			   "empty 10/10") <= half + l->stack_gap / 2) {
		snprintf(forms, sizeof(forms), "barn full %d/%d|full %d/%d|"
			 "%d/%d", nd->barn_full, nd->barn_max_full,
			 nd->barn_full, nd->barn_max_full, nd->barn_full,
			 nd->barn_max_full);
		strip_label(d, cx, r.y + 1, half, forms);
		snprintf(forms, sizeof(forms), "empty %d/%d|%d/%d",
			 nd->barn_empty, nd->barn_max_empty, nd->barn_empty,
			 nd->barn_max_empty);
		strip_label(d, cx + l->stack_w + l->stack_gap, r.y + 1,
			    r.x + r.w - (cx + l->stack_w + l->stack_gap) -
			    l->pad, forms);
		return;
	}
	snprintf(forms, sizeof(forms), "barn  full %d/%d  empty %d/%d|"
		 "barn %d/%d %d/%d|%d %d", nd->barn_full, nd->barn_max_full,
		 nd->barn_empty, nd->barn_max_empty, nd->barn_full,
		 nd->barn_max_full, nd->barn_empty, nd->barn_max_empty,
		 nd->barn_full, nd->barn_empty);
	strip_label(d, r.x + l->pad + 1, r.y + 1, r.w - 2 * l->pad - 2, forms);
}

/* The scenario's name of held sheaf i, else #id. */
static const char *held_name(const struct dctx *d, int i, char *buf,
			     size_t len)
{
	unsigned int id = d->cache->prefilled[i].id;
	const char *name = d->f && d->f->sheaf_name ?
			   d->f->sheaf_name(d->f->var_arg, id) : NULL;

	if (name)
		return name;
	snprintf(buf, len, "#%u", id);
	return buf;
}

static void held_box(struct dctx *d, int h)
{
	const struct slub_snap_prefilled *p = &d->cache->prefilled[h];
	const struct viz_slab_box *b = &d->l->held[h];
	int cap = (int)p->capacity, n = p->size, i;
	char forms[200], nb[24];
	const char *name;
	SDL_Rect r, q;

	if (!viz_layout_held(d->l, d->v, h, &r) ||
	    !SDL_HasIntersection(&r, &d->reg.slabs))
		return;
	block_frame(d, &r, C(SHEAF_LINE));
	if (d->l->bars) {
		fill_bar(d, b, &r, n, cap, VIZ_C_PREFILLED);
	} else {
		for (i = 0; i < cap; i++)
			if (viz_layout_held_slot(d->l, d->v, h, i, &q))
				viz_batch_add(&d->batch[i < n ?
					      VIZ_C_PREFILLED : VIZ_C_SLOT],
					      &q);
	}
	if (!d->l->label_h)
		return;
	name = held_name(d, h, nb, sizeof(nb));
	snprintf(forms, sizeof(forms), "sheaf %.40s  %d/%d|%.40s %d/%d|%d/%d",
		 name, n, cap, name, n, cap, n, cap);
	strip_label(d, r.x + d->l->pad + 1, r.y + 1, r.w - 2 * d->l->pad - 2,
		    forms);
}

void viz_draw_sheaves(struct dctx *d)
{
	int k;

	for (k = 0; k < d->l->nr_held; k++)
		held_box(d, k);
	if (!d->l->sheaves)
		return;
	for (k = 0; k < d->l->nr_sheaves; k++)
		sheaf_box(d, k);
	for (k = 0; k < d->l->nr_barns; k++)
		barn_box(d, k);
}

/* ------------------------------------------------------------- arrows */

/*
 * The route of a slot's arrow: at most six points, the last one the
 * object's cell.
 */
struct slot_route {
	int n;
	SDL_Point p[6];
};

/* The straight arrow from slot i of sheaf k to its object; false if none. */
static bool slot_line(struct dctx *d, int k, int i, SDL_Rect *cell,
		      struct slot_route *rt)
{
	const struct slub_snap_ref *ref;
	SDL_Rect s;
	int n;

	ref = sheaf_refs(d, k, &n);
	if (!ref || i < 0 || i >= n || ref[i].slab < 0 ||
	    ref[i].slab >= d->cache->nr_slabs || ref[i].obj < 0 ||
	    ref[i].obj >= (int)d->cache->slabs[ref[i].slab].objects ||
	    !viz_layout_slot(d->l, d->v, k, i, &s))
		return false;
	viz_cell_rect(d, ref[i].slab, ref[i].obj, cell);
	rt->n = 2;
	rt->p[0] = (SDL_Point){ s.x + s.w / 2, s.y + s.h };
	rt->p[1] = (SDL_Point){ cell->x + cell->w / 2, cell->y };
	if (rt->p[1].y < rt->p[0].y) {	/* a cell above: leave from the top */
		rt->p[0].y = s.y;
		rt->p[1].y = cell->y + cell->h;
	}
	return true;
}

/* Does the line from a to b cross a sheaf box other than k? */
static bool crosses_sheaf(const struct dctx *d, int k, SDL_Point a,
			  SDL_Point b)
{
	SDL_Rect r;
	int j;

	for (j = 0; j < d->l->nr_sheaves; j++)
		if (j != k && viz_layout_sheaf(d->l, d->v, j, &r) &&
		    SDL_IntersectRectAndLine(&r, &a.x, &a.y, &b.x, &b.y))
			return true;
	return false;
}

/* Must the arrow of slot i of sheaf k go round other sheaves? */
static bool slot_detours(struct dctx *d, int k, int i)
{
	struct slot_route rt;
	SDL_Rect cell;

	return slot_line(d, k, i, &cell, &rt) && rt.p[1].y > rt.p[0].y &&
	       crosses_sheaf(d, k, rt.p[0], rt.p[1]);
}

/* The filled slots of the sheaves whose arrows are drawn. */
static int slots_shown(struct dctx *d)
{
	int k, n, total = 0;

	for (k = 0; k < d->l->nr_sheaves; k++) {
		sheaf_refs(d, k, &n);
		total += d->l->sheaf[k].per_row ? n : 0;
	}
	return total;
}

/*
 * Is the arrow of slot i of sheaf k drawn?  With more filled slots than
 * arrows can show clearly, only each main sheaf's last (the next
 * allocation); with a CPU in focus (the c key), only that CPU's.
 */
static bool arrow_shown(const struct dctx *d, int k, int i, int n, int total)
{
	if (!d->l->sheaf[k].per_row ||
	    (d->v->focus_cpu >= 0 && k / 2 != d->v->focus_cpu))
		return false;
	return total <= VIZ_MAX_SLOT_ARROWS || (k % 2 == 0 && i == n - 1);
}

/*
 * The arrows that go round other sheaves each take a track of the channel,
 * numbered in the order viz_sheaf_arrows() draws them: the lowest sheaf
 * first, each sheaf's slots from the right.  The track of slot i of sheaf
 * k (one past the last, if its arrow is not drawn: a tooltip's).
 */
static int detour_track(struct dctx *d, int k, int i)
{
	int total = slots_shown(d), j, s, n, t = 0;

	for (j = d->l->nr_sheaves - 1; j >= 0; j--) {
		sheaf_refs(d, j, &n);
		for (s = n - 1; s >= 0; s--) {
			if (!arrow_shown(d, j, s, n, total) ||
			    !slot_detours(d, j, s))
				continue;
			if (j == k && s == i)
				return t;
			t++;
		}
	}
	return t;
}

/* Widen *right past r when r lies between the heights top and bottom. */
static void clear_of(const SDL_Rect *r, int top, int bottom, int *right)
{
	if (r->y < bottom && r->y + r->h > top && r->x + r->w > *right)
		*right = r->x + r->w;
}

/*
 * Around the other sheaves: a straight arrow from a slot to its object
 * would cross the sheaves of the CPUs below (or the CPU's own spare), so
 * it leaves its slot downwards into the gap under its box (a track per
 * column of slots, the right one highest), runs right to track t of a
 * channel beside everything between the box and the object's slab, down
 * the channel to below the last sheaf, and from there straight to the
 * cell.  A lower sheaf's arrows and a sheaf's right slots take the inner
 * tracks, so the routes nest instead of running on each other or
 * crossing.
 */
static void detour(struct dctx *d, int k, int i, int t,
		   struct slot_route *rt)
{
	const struct viz_layout *l = d->l;
	int cols = l->sheaf[k].per_row, col = i % cols;
	SDL_Point a = rt->p[0], b = rt->p[1];
	int j, n, si, below, above, right, sg, sx;
	SDL_Rect box, blk, r;

	si = sheaf_refs(d, k, &n)[i].slab;
	viz_layout_sheaf(l, d->v, k, &box);
	viz_block_rect(d, si, &blk);
	below = blk.y;
	above = box.y + box.h;
	right = box.x + box.w;
	for (j = 0; j < l->nr_sheaves; j++) {
		if (j == k || !viz_layout_sheaf(l, d->v, j, &r))
			continue;
		if (r.y >= box.y + box.h && r.x < box.x + box.w &&
		    r.x + r.w > box.x && r.y < below)
			below = r.y;
		if (r.y + r.h <= blk.y && r.y + r.h > above)
			above = r.y + r.h;
		clear_of(&r, box.y + box.h, blk.y, &right);
	}
	for (j = 0; j < l->nr_barns; j++)
		if (viz_layout_barn(l, d->v, j, &r))
			clear_of(&r, box.y + box.h, blk.y, &right);
	for (j = 0; j < d->cache->nr_slabs && j < l->nr_slabs; j++)
		if (j != si) {
			viz_block_rect(d, j, &r);
			clear_of(&r, box.y + box.h, blk.y, &right);
		}
	sg = viz_clampi((below - box.y - box.h) / (cols + 1), 1, 4);
	sx = viz_clampi(l->pitch_x / 4, 2, 5);
	rt->n = 5;
	/* in the gap under the box: a column's track, the right one highest */
	rt->p[1] = (SDL_Point){ a.x, box.y + box.h + sg * (cols - col) };
	rt->p[2] = (SDL_Point){ right + sx * (t + 1), rt->p[1].y };
	/* out of the channel below the last sheaf, straight to the cell */
	rt->p[3] = (SDL_Point){ rt->p[2].x, above + (blk.y - above) / 2 };
	rt->p[4] = b;
}

/* The arrow from slot i of sheaf k to its object's cell, in track t of
 * the channel when it goes round other sheaves; false if there is none. */
static bool slot_arrow(struct dctx *d, int k, int i, int t, SDL_Color c,
		       SDL_Rect *cell)
{
	struct slot_route rt;
	int j;

	if (!slot_line(d, k, i, cell, &rt))
		return false;
	if (rt.p[1].y > rt.p[0].y && crosses_sheaf(d, k, rt.p[0], rt.p[1]))
		detour(d, k, i, t, &rt);
	viz_set_color(d->r, c);
	for (j = 1; j < rt.n - 1; j++)
		SDL_RenderDrawLine(d->r, rt.p[j - 1].x, rt.p[j - 1].y,
				   rt.p[j].x, rt.p[j].y);
	viz_arrow(d->r, rt.p[rt.n - 2].x, rt.p[rt.n - 2].y, rt.p[rt.n - 1].x,
		  rt.p[rt.n - 1].y, c, viz_clampi(d->l->cell_h / 3, 3, 6));
	return true;
}

/* Slot numbers on the slots and, after m or s, on the objects' cells. */
static void slot_numbers(struct dctx *d, int k)
{
	const struct slub_snap_ref *ref;
	char num[40], plain[12];
	SDL_Rect r;
	int n, i;

	ref = sheaf_refs(d, k, &n);
	for (i = 0; ref && i < n; i++) {
		snprintf(plain, sizeof(plain), "%d", i);
		if (viz_layout_slot(d->l, d->v, k, i, &r))
			viz_cell_number(d, &r, C(SHEAF), plain, plain);
		if (ref[i].slab < 0 || ref[i].slab >= d->cache->nr_slabs ||
		    ref[i].obj < 0 ||
		    ref[i].obj >= (int)d->cache->slabs[ref[i].slab].objects)
			continue;
		viz_cell_rect(d, ref[i].slab, ref[i].obj, &r);
		if (!SDL_HasIntersection(&r, &d->reg.slabs))
			continue;
		viz_sheaf_tag(num, sizeof(num), d->snap->nr_cpus, k / 2,
			      k % 2, i);
		viz_cell_number(d, &r, C(SHEAF), num, plain);
	}
}

/* The arrow from slot i of held sheaf h to its object's cell. */
static bool held_arrow(struct dctx *d, int h, int i, SDL_Color c,
		       SDL_Rect *cell)
{
	const struct slub_snap_prefilled *p = &d->cache->prefilled[h];
	const struct slub_snap_ref *ref = p->objects;
	SDL_Rect s;
	int x0, y0, x1, y1;

	if (!ref || i < 0 || i >= p->size || ref[i].slab < 0 ||
	    ref[i].slab >= d->cache->nr_slabs || ref[i].obj < 0 ||
	    ref[i].obj >= (int)d->cache->slabs[ref[i].slab].objects ||
	    !viz_layout_held_slot(d->l, d->v, h, i, &s))
		return false;
	viz_cell_rect(d, ref[i].slab, ref[i].obj, cell);
	x0 = s.x + s.w / 2;
	y0 = s.y;
	x1 = cell->x + cell->w / 2;
	y1 = cell->y + cell->h;
	if (y1 > y0) {		/* a cell below: leave from the bottom */
		y0 = s.y + s.h;
		y1 = cell->y;
	}
	viz_arrow(d->r, x0, y0, x1, y1, c, viz_clampi(d->l->cell_h / 3, 3, 6));
	return true;
}

/* Held sheaves' arrows: all when few, else each sheaf's next object. */
static void held_arrows(struct dctx *d, SDL_Color line)
{
	int h, i, total = 0;
	SDL_Rect cell;

	for (h = 0; h < d->l->nr_held; h++)
		total += d->cache->prefilled[h].size;
	for (h = 0; h < d->l->nr_held; h++)
		for (i = 0; i < d->cache->prefilled[h].size; i++)
			if (total <= VIZ_MAX_SLOT_ARROWS ||
			    i == d->cache->prefilled[h].size - 1)
				held_arrow(d, h, i, line, &cell);
}

void viz_sheaf_arrows(struct dctx *d)
{
	/* half-transparent: the cells they cross stay legible */
	SDL_Color line = { C(SHEAF_LINE).r, C(SHEAF_LINE).g, C(SHEAF_LINE).b,
			   150 };
	int k, i, n, total, t = 0;
	SDL_BlendMode mode;
	SDL_Rect cell;

	if (d->l->bars || d->l->cell_h < 7 || (!d->l->sheaves &&
						!d->l->nr_held))
		return;
	SDL_GetRenderDrawBlendMode(d->r, &mode);
	SDL_SetRenderDrawBlendMode(d->r, SDL_BLENDMODE_BLEND);
	held_arrows(d, line);
	total = slots_shown(d);
	/* in the order of the tracks (detour_tracks) */
	for (k = d->l->nr_sheaves - 1; k >= 0; k--) {
		sheaf_refs(d, k, &n);
		for (i = n - 1; i >= 0; i--) {
			if (!arrow_shown(d, k, i, n, total))
				continue;
			slot_arrow(d, k, i, t, line, &cell);
			t += slot_detours(d, k, i);
		}
	}
	SDL_SetRenderDrawBlendMode(d->r, mode);
}

/* Slot numbers on a held sheaf's slots and NAME:slot on its cells. */
static void held_numbers(struct dctx *d, int h)
{
	const struct slub_snap_prefilled *p = &d->cache->prefilled[h];
	char num[60], plain[12], nb[24];
	const char *name = held_name(d, h, nb, sizeof(nb));
	SDL_Rect r;
	int i;

	for (i = 0; p->objects && i < p->size; i++) {
		snprintf(plain, sizeof(plain), "%d", i);
		if (viz_layout_held_slot(d->l, d->v, h, i, &r))
			viz_cell_number(d, &r, C(PREFILLED), plain, plain);
		if (p->objects[i].slab < 0 ||
		    p->objects[i].slab >= d->cache->nr_slabs ||
		    p->objects[i].obj < 0 || p->objects[i].obj >=
		    (int)d->cache->slabs[p->objects[i].slab].objects)
			continue;
		viz_cell_rect(d, p->objects[i].slab, p->objects[i].obj, &r);
		if (!SDL_HasIntersection(&r, &d->reg.slabs))
			continue;
		snprintf(num, sizeof(num), "%.40s:%d", name, i);
		viz_cell_number(d, &r, C(PREFILLED), num, plain);
	}
}

void viz_sheaf_numbers(struct dctx *d)
{
	int k;

	if (d->l->bars || d->l->cell_h < 13)
		return;
	for (k = 0; k < d->l->nr_held; k++)
		held_numbers(d, k);
	if (!d->l->sheaves)
		return;
	for (k = 0; k < d->l->nr_sheaves; k++)
		if (d->l->sheaf[k].per_row)
			slot_numbers(d, k);
}

/* ------------------------------------------------------------ tooltips */

static void slot_tip(struct dctx *d, int k, int i)
{
	const struct slub_snap_ref *ref;
	const struct slub_snap_slab *s;
	const char *var = NULL, *which = k % 2 ? "spare" : "main";
	int cpu = k / 2, n, cap = (int)d->cache->sheaf_capacity;
	unsigned long a;
	SDL_Rect cell;

	ref = sheaf_refs(d, k, &n);
	if (!ref || i >= n || ref[i].slab < 0 ||
	    ref[i].slab >= d->cache->nr_slabs) {
		viz_tip(d, 3, "CPU %d's %s sheaf, slot %d of %d: empty\n"
			"slots %d.. are free for the next frees", cpu, which,
			i, cap, n);
		return;
	}
	s = &d->cache->slabs[ref[i].slab];
	a = s->addr + (unsigned long)ref[i].obj * d->cache->size;
	if (d->f && d->f->var_name)
		var = d->f->var_name(d->f->var_arg, a);
	viz_tip(d, 3, "CPU %d's %s sheaf, slot %d of %d: objects[%d]\n"
		"-> object %d of slab pfn %#lx, address %#lx%s%s%s", cpu,
		which, i, cap, i, ref[i].obj, s->pfn, a,
		var ? "\nscenario variable " : "", var ? var : "",
		k % 2 == 0 && i == n - 1 ?
		"\nthe next allocation on this CPU takes it" : "");
	/* the object's cell, ringed, and the arrow to it */
	if (d->l->bars)
		return;
	SDL_RenderSetClipRect(d->r, &d->reg.slabs);
	if (slot_arrow(d, k, i, detour_track(d, k, i), C(TITLE), &cell)) {
		viz_set_color(d->r, C(TITLE));
		SDL_RenderDrawRect(d->r, &(SDL_Rect){ cell.x - 2, cell.y - 2,
				   cell.w + 4, cell.h + 4 });
		SDL_RenderDrawRect(d->r, &(SDL_Rect){ cell.x - 3, cell.y - 3,
				   cell.w + 6, cell.h + 6 });
	}
	SDL_RenderSetClipRect(d->r, NULL);
}

static void held_tip(struct dctx *d, int h, int i)
{
	const struct slub_snap_prefilled *p = &d->cache->prefilled[h];
	const struct slub_snap_ref *ref = p->objects;
	const struct slub_snap_slab *s;
	const char *var = NULL, *name;
	char nb[24];
	unsigned long a;
	SDL_Rect cell;

	name = held_name(d, h, nb, sizeof(nb));
	if (i < 0) {
		viz_tip(d, 3, "prefilled sheaf %s (prefill #%u): %d of %u "
			"slots hold objects\nheld by its caller: "
			"kmem_cache_alloc_from_sheaf() takes objects[size - "
			"1]\nand cannot fail while any are left", name, p->id,
			p->size, p->capacity);
		return;
	}
	if (!ref || i >= p->size || ref[i].slab < 0 ||
	    ref[i].slab >= d->cache->nr_slabs) {
		viz_tip(d, 3, "prefilled sheaf %s, slot %d of %u: empty", name,
			i, p->capacity);
		return;
	}
	s = &d->cache->slabs[ref[i].slab];
	a = s->addr + (unsigned long)ref[i].obj * d->cache->size;
	if (d->f && d->f->var_name)
		var = d->f->var_name(d->f->var_arg, a);
	viz_tip(d, 3, "prefilled sheaf %s, slot %d of %u: objects[%d]\n"
		"-> object %d of slab pfn %#lx, address %#lx%s%s%s", name, i,
		p->capacity, i, ref[i].obj, s->pfn, a,
		var ? "\nscenario variable " : "", var ? var : "",
		i == p->size - 1 ? "\nthe next allocation from this sheaf "
		"takes it" : "");
	if (d->l->bars)
		return;
	SDL_RenderSetClipRect(d->r, &d->reg.slabs);
	if (held_arrow(d, h, i, C(TITLE), &cell)) {
		viz_set_color(d->r, C(TITLE));
		SDL_RenderDrawRect(d->r, &(SDL_Rect){ cell.x - 2, cell.y - 2,
				   cell.w + 4, cell.h + 4 });
	}
	SDL_RenderSetClipRect(d->r, NULL);
}

bool viz_sheaf_tip(struct dctx *d)
{
	const struct slub_snap_node *nd;
	int k, slot, node, n;

	if (viz_layout_hit_held(d->l, d->v, d->v->mouse_x, d->v->mouse_y, &k,
				&slot)) {
		held_tip(d, k, slot);
		return true;
	}
	if (!viz_layout_hit_sheaf(d->l, d->snap, d->v, d->v->mouse_x,
				  d->v->mouse_y, &k, &slot, &node))
		return false;
	if (k >= 0 && slot >= 0) {
		slot_tip(d, k, slot);
		return true;
	}
	if (k >= 0) {
		sheaf_refs(d, k, &n);
		viz_tip(d, 3, "CPU %d's %s sheaf: %d of %u slots hold free "
			"objects\nan allocation takes objects[size - 1],\na "
			"free puts into objects[size]%s", k / 2, k % 2 ? "spare" :
			"main", n, d->cache->sheaf_capacity, k % 2 ?
			"\nthe spare is swapped in when main runs empty or "
			"full" : "");
		return true;
	}
	nd = &d->cache->node[node];
	viz_tip(d, 3, "node %d's barn: %d full sheaves (%d objects) of at "
		"most %d,\n%d empty sheaves of at most %d\nCPUs trade whole "
		"sheaves here under the barn's lock", node, nd->barn_full,
		nd->barn_objects, nd->barn_max_full, nd->barn_empty,
		nd->barn_max_empty);
	return true;
}
