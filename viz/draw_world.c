// SPDX-License-Identifier: GPL-2.0-only
/*
 * The main area: the cache's name, the lanes as bands, each with its
 * header box (kmem_cache_cpu, kmem_cache_node, a list) in the column at
 * the left, the slabs as blocks of object cells, and the arrows (c->page,
 * c->freelist, c->partial, the partial lists and every freelist in list
 * order).
 *
 * Level of detail: when a cell would be smaller than VIZ_LOD_CELL pixels,
 * a slab is one bar split in the proportions of its allocated, cpu
 * freelist and page freelist objects.  Cells and bars are batched by
 * colour and drawn with one SDL_RenderFillRects per colour.
 */
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "viz.h"
#include "viz_int.h"
#include "draw_int.h"
#include "palette.h"

/* ------------------------------------------------------------- batches */

void viz_batch_add(struct viz_batch *b, const SDL_Rect *r)
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

void viz_batch_flush(struct dctx *d)
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

static bool visible(const struct dctx *d, const SDL_Rect *r)
{
	return SDL_HasIntersection(r, &d->reg.slabs);
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
void viz_elbow(struct dctx *d, int x0, int y0, int x1, int y1,
		  SDL_Color c)
{
	int xm = x0 + (x1 - x0) / 2;

	viz_set_color(d->r, c);
	SDL_RenderDrawLine(d->r, x0, y0, xm, y0);
	SDL_RenderDrawLine(d->r, xm, y0, xm, y1);
	viz_arrow(d->r, xm, y1, x1, y1, c, 6);
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

static bool slab_cells_changed(const struct slub_snap_slab *a,
			       const struct slub_snap_slab *b)
{
	unsigned int i;

	if (!a->obj || !b->obj || a->objects != b->objects)
		return false;
	for (i = 0; i < a->objects; i++)
		if (a->obj[i].state != b->obj[i].state)
			return true;
	return false;
}

/* Slab offsets (animation) and which slabs are new, moved or changed. */
static void slab_motion(struct dctx *d)
{
	const struct slub_snap_cache *c = d->cache;
	const struct viz_layout *from = d->v->from;
	const struct slub_snapshot *ps = d->f ? d->f->prev : NULL;
	double k = 1 - ease(d->v->anim);
	struct viz_motion *m;
	int i, p;

	/*
	 * Animate only from a layout of the same cache.  After a fit the pan
	 * is 0 in both, so the offsets are the moves on the screen, also
	 * when the fit changed the zoom.
	 */
	if (!ps || !from || from->cache < 0 || from->cache >= ps->nr_caches ||
	    &ps->caches[from->cache] != d->prev_cache)
		from = NULL;
	if (d->nmotion < c->nr_slabs + 1) {
		free(d->motion);
		d->motion = malloc((c->nr_slabs + 1) * sizeof(*d->motion));
		d->nmotion = d->motion ? c->nr_slabs + 1 : 0;
	}
	if (!d->motion)
		return;
	memset(d->motion, 0, (c->nr_slabs + 1) * sizeof(*d->motion));
	for (i = 0; i < c->nr_slabs; i++) {
		m = &d->motion[i];
		p = prev_slab(d, c->slabs[i].pfn, i);
		m->prev = p;
		if (!d->prev_cache)
			continue;
		if (p < 0) {
			m->changed = true;
			continue;
		}
		if (c->slabs[i].where != d->prev_cache->slabs[p].where ||
		    c->slabs[i].owner != d->prev_cache->slabs[p].owner)
			m->changed = true;
		m->cells_changed = slab_cells_changed(&c->slabs[i],
						      &d->prev_cache->slabs[p]);
		if (k > 0 && from && p < from->nr_slabs) {
			m->dx = (int)lround((from->slab[p].x -
					     d->l->slab[i].x) * k);
			m->dy = (int)lround((from->slab[p].y -
					     d->l->slab[i].y) * k);
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

static void cell_setup(struct dctx *d)
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
	case SLUB_OBJ_SHEAF:
		return VIZ_C_SHEAF;
	case SLUB_OBJ_BARN:
		return VIZ_C_BARN;
	case SLUB_OBJ_PREFILLED:
		return VIZ_C_PREFILLED;
	default:
		return VIZ_C_PAGE_FREE;
	}
}

/*
 * The metadata parts of a debug cache's cell, right of the object part:
 * each part gets at least 2 pixels, the rest goes by size in bytes.  The
 * parts are offsets from the cell's corner, so equal cells are equal.
 */
static void cell_meta(struct dctx *d, const SDL_Rect *r, int obj_w)
{
	const struct slub_snap_cache *c = d->cache;
	double meta = c->size - c->object_size, x = obj_w;
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
		SDL_Rect q = { r->x + (int)x, r->y, (int)(x + pw) - (int)x,
			       r->h };

		if (q.w > 0)
			viz_batch_add(&d->batch[p->color], &q);
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
	viz_batch_add(&d->batch[col], &q);
	if (q.w != r->w)
		cell_meta(d, r, q.w);
	if (is_free && d->cache->flags & SLAB_POISON && r->h >= 6) {
		SDL_Rect p = { q.x, q.y + q.h * 2 / 3, q.w, q.h - q.h * 2 / 3 };

		viz_batch_add(&d->batch[VIZ_C_POISON], &p);
	}
	if (is_free && d->cache->offset < d->cache->object_size &&
	    r->w >= 10) {
		SDL_Rect f = { q.x + q.w * d->cache->offset /
			       (d->cache->object_size ? d->cache->object_size
						      : 1),
			       q.y, q.w / 4, r->h / 5 };

		viz_batch_add(&d->batch[VIZ_C_FREEPTR], &f);
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

void viz_block_rect(const struct dctx *d, int si, SDL_Rect *r)
{
	const struct viz_slab_box *b = &d->l->slab[si];
	int dx = d->motion ? d->motion[si].dx : 0;
	int dy = d->motion ? d->motion[si].dy : 0;

	*r = (SDL_Rect){ d->ox + b->x + dx, d->oy + b->y + dy, b->w, b->h };
}

void viz_cell_rect(const struct dctx *d, int si, int i, SDL_Rect *r)
{
	const struct viz_slab_box *b = &d->l->slab[si];
	int dx = d->motion ? d->motion[si].dx : 0;
	int dy = d->motion ? d->motion[si].dy : 0;

	*r = (SDL_Rect){ d->ox + b->cells_x + dx +
			 (i % b->per_row) * d->l->pitch_x,
			 d->oy + b->cells_y + dy +
			 (i / b->per_row) * d->l->pitch_y,
			 d->l->cell_w, d->l->cell_h };
}

static void cells_area(const struct dctx *d, int si, SDL_Rect *r)
{
	const struct viz_slab_box *b = &d->l->slab[si];
	int dx = d->motion ? d->motion[si].dx : 0;
	int dy = d->motion ? d->motion[si].dy : 0;

	*r = (SDL_Rect){ d->ox + b->cells_x + dx, d->oy + b->cells_y + dy,
			 b->cells_w, b->cells_h };
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

	for (i = 0; i < (int)s->objects; i++) {
		viz_cell_rect(d, si, i, &r);
		if (!visible(d, &r))
			continue;
		d->v->drawn_cells++;
		if (d->motion && d->motion[si].cells_changed &&
		    obj_changed(d, si, i) && d->nchanged < VIZ_MAX_CHANGED) {
			if (d->v->anim < 1) {
				changed_cell(d, &r, si, i);
				continue;
			}
			d->changed[d->nchanged++] = r;
		}
		draw_cell(d, &r, &s->obj[i]);
	}
}

struct viz_counts viz_count_states(const struct slub_snap_slab *s)
{
	struct viz_counts n = { 0, 0, 0, 0, 0, 0 };
	unsigned int i;

	for (i = 0; s->obj && i < s->objects; i++) {
		if (s->obj[i].state == SLUB_OBJ_ALLOCATED)
			n.alloc++;
		else if (s->obj[i].state == SLUB_OBJ_CPU_FREE)
			n.cpu_free++;
		else if (s->obj[i].state == SLUB_OBJ_SHEAF)
			n.sheaf++;
		else if (s->obj[i].state == SLUB_OBJ_BARN)
			n.barn++;
		else if (s->obj[i].state == SLUB_OBJ_PREFILLED)
			n.prefilled++;
		else
			n.page_free++;
	}
	return n;
}

/*
 * Level of detail: the slab as one bar, allocated | cpu freelist | in a
 * sheaf | in the barn | in a prefilled sheaf | page freelist, each part
 * as wide as its share of
 * the objects.  The widths come from the counts and the bar's width only.
 */
static void slab_bar(struct dctx *d, int si)
{
	const struct slub_snap_slab *s = &d->cache->slabs[si];
	struct viz_counts n = viz_count_states(s);
	const struct { int count; enum viz_color col; } part[] = {
		{ n.alloc, VIZ_C_ALLOC }, { n.cpu_free, VIZ_C_CPU_FREE },
		{ n.sheaf, VIZ_C_SHEAF }, { n.barn, VIZ_C_BARN },
		{ n.prefilled, VIZ_C_PREFILLED }, { n.page_free, VIZ_C_PAGE_FREE },
	};
	int total = s->objects ? (int)s->objects : 1, x0 = 0, x1, sum = 0;
	unsigned int i;
	SDL_Rect a, q;

	cells_area(d, si, &a);
	for (i = 0; i < sizeof(part) / sizeof(part[0]); i++) {
		sum += part[i].count;
		x1 = i + 1 < sizeof(part) / sizeof(part[0]) ?
		     a.w * sum / total : a.w;
		q = (SDL_Rect){ a.x + x0, a.y, x1 - x0, a.h };
		if (q.w > 0)
			viz_batch_add(&d->batch[part[i].col], &q);
		x0 = x1;
	}
	d->v->drawn_cells += s->objects;
	if (d->motion && d->motion[si].cells_changed &&
	    d->nchanged < VIZ_MAX_CHANGED)
		d->changed[d->nchanged++] = a;
}

/* ------------------------------------------------------------- freelists */

/* A dark or light number on a cell, on a chip when neither contrasts. */
void viz_cell_number(struct dctx *d, const SDL_Rect *r, SDL_Color bg,
		     const char *num, const char *plain)
{
	int px = viz_clampi(d->l->cell_h * 9 / 16, 7, 12), w;
	bool chip;
	SDL_Color ink = viz_ink_on(bg, &chip);
	const char *s = num;

	while ((w = viz_text_width(d->v->text, VIZ_SANS, px, s)) >
	       r->w - 2 && px > 7)
		px--;
	if (w > r->w - 1)
		s = plain;
	w = viz_text_width(d->v->text, VIZ_SANS, px, s);
	if (chip)
		viz_fill(d->r, r->x + 1, r->y + r->h - px - 3, w + 2, px + 2,
			 ink.r ? C(INK_DARK) : C(INK_LIGHT));
	viz_label(d, VIZ_LABEL_CELL, VIZ_SANS, px, ink, r->x + 2,
		  r->y + r->h - px - 4, r->w + 8, &d->reg.slabs, s);
}

/* A curved arrow over the top of two neighbouring cells, a to b. */
static void arc_arrow(struct dctx *d, const SDL_Rect *a, const SDL_Rect *b,
		      SDL_Color c)
{
	SDL_FPoint p[13];
	double x0 = a->x + a->w * 0.6, x1 = b->x + b->w * 0.4;
	double y0 = a->y, y1 = b->y;
	double lift = d->l->gap / 2.0 + a->h * 0.35, t, cx, cy, dx, dy, len;
	int i, n = 12, head = viz_clampi(d->l->cell_h / 3, 3, 6);

	if (x1 < x0) {
		x0 = a->x + a->w * 0.4;
		x1 = b->x + b->w * 0.6;
	}
	cx = (x0 + x1) / 2;
	cy = (y0 + y1) / 2 - 2 * lift;
	for (i = 0; i <= n; i++) {
		t = (double)i / n;
		p[i].x = (1 - t) * (1 - t) * x0 + 2 * t * (1 - t) * cx +
			 t * t * x1;
		p[i].y = (1 - t) * (1 - t) * y0 + 2 * t * (1 - t) * cy +
			 t * t * y1 + 1;
	}
	viz_set_color(d->r, c);
	SDL_RenderDrawLinesF(d->r, p, n);
	/* The head points along the curve's end. */
	dx = p[n].x - p[n - 2].x;
	dy = p[n].y - p[n - 2].y;
	len = sqrt(dx * dx + dy * dy);
	if (len < 0.5)
		return;
	viz_arrow(d->r, (int)lround(p[n].x - head * dx / len),
		  (int)lround(p[n].y - head * dy / len), (int)lround(p[n].x),
		  (int)lround(p[n].y) + 1, c, head);
}

/*
 * A freelist link from object i to object j of a slab.  Neighbours in a
 * row get an arc over their tops, long enough to see at any zoom; other
 * links run in the gaps between the rows of cells, so that they do not
 * cross the cells they pass.
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
		arc_arrow(d, &a, &b, c);
		return;
	}
	half = (d->l->gap + 1) / 2;
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
	viz_arrow(d->r, x1, ym, x1, y1, c, viz_clampi(d->l->cell_h / 4, 3,
						      5));
}

/* Position of object obj on the list starting at head (1 = head), or 0. */
static int list_pos(const struct slub_snap_slab *s, int head, int obj)
{
	int i = head, n = 0;

	while (i >= 0 && i < (int)s->objects && n <= (int)s->objects) {
		n++;
		if (i == obj)
			return n;
		i = s->obj[i].next;
	}
	return 0;
}

static void freelist_chain(struct dctx *d, int si, int head, SDL_Color c,
			   char tag)
{
	const struct slub_snap_slab *s = &d->cache->slabs[si];
	bool numbers = d->l->cell_h >= 13;
	int i = head, n = 0;
	char num[16], plain[12];
	SDL_Rect r;

	while (i >= 0 && i < (int)s->objects && n <= (int)s->objects) {
		int next = s->obj[i].next;

		if (numbers) {
			viz_cell_rect(d, si, i, &r);
			snprintf(num, sizeof(num), "%c%d", tag, n + 1);
			snprintf(plain, sizeof(plain), "%d", n + 1);
			viz_cell_number(d, &r, viz_colors[viz_obj_color(
				    &s->obj[i])], num, plain);
		}
		if (next >= 0 && next < (int)s->objects)
			link_arrow(d, si, i, next, c);
		i = next;
		n++;
	}
}

static int cpu_freelist_of(const struct dctx *d, int si)
{
	const struct slub_snap_slab *s = &d->cache->slabs[si];

	if (s->where == SLUB_SLAB_CPU && s->owner >= 0 &&
	    s->owner < d->snap->nr_cpus && d->cache->cpu[s->owner].slab == si)
		return d->cache->cpu[s->owner].freelist;
	return -1;
}

static void slab_freelists(struct dctx *d, int si)
{
	const struct slub_snap_slab *s = &d->cache->slabs[si];
	SDL_Rect r;

	if (!s->obj || d->l->bars || d->l->cell_h < 7)
		return;
	viz_block_rect(d, si, &r);
	if (!visible(d, &r))
		return;
	freelist_chain(d, si, s->freelist, C(ARROW), 'p');
	freelist_chain(d, si, cpu_freelist_of(d, si), C(FROZEN), 'c');
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
		return VIZ_C_BORDER;
	}
}

/*
 * inuse of a frozen cpu slab is not the number of allocated objects: when
 * the CPU takes the slab's freelist (get_freelist(), acquire_slab()), it
 * sets page->inuse to page->objects, so the objects on c->freelist count
 * as in use until the slab is unfrozen.  The label marks the difference.
 */
bool viz_inuse_differs(const struct slub_snap_slab *s, struct viz_counts n)
{
	/* in any sheaf an object is in use as far as its slab knows */
	return (int)s->inuse != n.alloc + n.sheaf + n.barn + n.prefilled;
}

/* The slab's label: the longest of a few forms that fits w pixels. */
static void slab_label(struct dctx *d, int si, const SDL_Rect *b, int w)
{
	const struct slub_snap_slab *s = &d->cache->slabs[si];
	struct viz_counts n = viz_count_states(s);
	char forms[4][96], mark[4] = "";
	const char *fit = NULL;
	int i;

	if (viz_inuse_differs(s, n))
		snprintf(mark, sizeof(mark), "*");
	snprintf(forms[0], sizeof(forms[0]), "pfn %#lx  inuse %u/%u%s%s",
		 s->pfn, s->inuse, s->objects, mark,
		 s->frozen ? "  frozen" : "");
	snprintf(forms[1], sizeof(forms[1]), "pfn %#lx  inuse %u/%u%s",
		 s->pfn, s->inuse, s->objects, mark);
	snprintf(forms[2], sizeof(forms[2]), "%#lx  %u/%u%s", s->pfn,
		 s->inuse, s->objects, mark);
	snprintf(forms[3], sizeof(forms[3]), "%u/%u%s", s->inuse, s->objects,
		 mark);
	for (i = 0; i < 4 && !fit; i++)
		if (viz_text_width(d->v->text, VIZ_MONO, VIZ_LABEL_PX,
				   forms[i]) <= w)
			fit = forms[i];
	if (!fit)
		fit = forms[3];
	viz_label(d, VIZ_LABEL_SLAB, VIZ_MONO, VIZ_LABEL_PX, C(TEXT),
		  b->x + d->l->pad + 1, b->y + 1, w, &d->reg.slabs, fit);
}

/* "freelist" at the label's right, with an arrow to page->freelist. */
static int freelist_tag(struct dctx *d, int si, const SDL_Rect *b)
{
	const struct slub_snap_slab *s = &d->cache->slabs[si];
	struct viz_text *t = d->v->text;
	int w = viz_text_width(t, VIZ_SANS, VIZ_LABEL_PX - 1, "freelist");
	int x = b->x + b->w - d->l->pad - w - 1, cx, ym, ty;
	SDL_Rect r;

	if (s->freelist < 0 || d->l->bars || d->l->cell_h < 7 ||
	    b->w - 2 * d->l->pad < 2 * w + 40)
		return 0;
	viz_label(d, VIZ_LABEL_FIELD, VIZ_SANS, VIZ_LABEL_PX - 1, C(TEXT),
		  x, b->y + 1, w, &d->reg.slabs, "freelist");
	viz_cell_rect(d, si, s->freelist, &r);
	cx = r.x + r.w / 2;
	ty = b->y + d->l->label_h - 1;
	ym = r.y - (d->l->gap + 1) / 2 - 1;
	if (ym < ty)
		ym = ty;
	viz_set_color(d->r, C(ARROW));
	SDL_RenderDrawLine(d->r, x + w / 2, ty, x + w / 2, ym);
	SDL_RenderDrawLine(d->r, x + w / 2, ym, cx, ym);
	viz_arrow(d->r, cx, ym, cx, r.y, C(ARROW), 4);
	return w + 8;
}

static void slab_block(struct dctx *d, int si)
{
	const struct slub_snap_slab *s = &d->cache->slabs[si];
	SDL_Rect r;
	int i, bw, tag;

	viz_block_rect(d, si, &r);
	if (!visible(d, &r))
		return;
	if (r.w >= 6) {
		viz_set_color(d->r, C(SLAB_BG));
		SDL_RenderFillRect(d->r, &r);
		viz_set_color(d->r, viz_colors[slab_border(s)]);
		bw = d->l->pad >= 3 ? 2 : 1;
		for (i = 0; i < bw; i++)
			SDL_RenderDrawRect(d->r, &(SDL_Rect){ r.x + i, r.y + i,
					   r.w - 2 * i, r.h - 2 * i });
	}
	if (d->motion && d->motion[si].changed && d->nmoved < VIZ_MAX_CHANGED)
		d->moved[d->nmoved++] = r;
	if (!s->obj)
		return;
	if (d->l->bars)
		slab_bar(d, si);
	else
		slab_cells(d, si);
	if (d->l->label_h) {
		tag = freelist_tag(d, si, &r);
		slab_label(d, si, &r, r.w - 2 * d->l->pad - 2 - tag);
	}
}

/* An arrow from block a to block b; around the rows when b wrapped. */
static void block_arrow(struct dctx *d, const SDL_Rect *a, const SDL_Rect *b)
{
	SDL_Color c = C(ARROW);
	int ya = a->y + 7, yb = b->y + 7;
	int m = viz_clampi(d->l->pad * 2, 3, 10);
	int xr = a->x + a->w + m, xl = b->x - m, ym = b->y - m / 2 - 2;

	if (b->x > a->x) {
		viz_arrow(d->r, a->x + a->w, ya, b->x - 1, yb, c, 6);
		return;
	}
	viz_set_color(d->r, c);
	SDL_RenderDrawLine(d->r, a->x + a->w, ya, xr, ya);
	SDL_RenderDrawLine(d->r, xr, ya, xr, ym);
	SDL_RenderDrawLine(d->r, xr, ym, xl, ym);
	SDL_RenderDrawLine(d->r, xl, ym, xl, yb);
	viz_arrow(d->r, xl, yb, b->x - 1, yb, c, 6);
}

/* Arrows along a list of slabs, in list order, when there is room. */
void viz_list_arrows(struct dctx *d, const int *list, int n)
{
	SDL_Rect a, b;
	int i;

	if (d->l->bars || d->l->pitch_x < 8)
		return;
	for (i = 0; i + 1 < n; i++) {
		if (list[i] < 0 || list[i] >= d->cache->nr_slabs ||
		    list[i + 1] < 0 || list[i + 1] >= d->cache->nr_slabs)
			continue;
		viz_block_rect(d, list[i], &a);
		viz_block_rect(d, list[i + 1], &b);
		block_arrow(d, &a, &b);
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
	int i;

	for (i = 0; i < d->nmoved; i++)
		outline(d->r, &d->moved[i], C(CHANGED), 3);
	for (i = 0; i < d->nchanged; i++)
		outline(d->r, &d->changed[i], C(CHANGED),
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
	if (obj >= 0 && obj < (int)d->cache->slabs[si].objects && !d->l->bars)
		viz_cell_rect(d, si, obj, &r);
	else
		viz_block_rect(d, si, &r);
	outline(d->r, &r, C(TITLE), 3);
}

static const char *state_words(int state)
{
	switch (state) {
	case SLUB_OBJ_ALLOCATED:
		return "allocated";
	case SLUB_OBJ_CPU_FREE:
		return "free, on c->freelist";
	case SLUB_OBJ_SHEAF:
		return "free, in a CPU's sheaf";
	case SLUB_OBJ_BARN:
		return "free, in a full sheaf in the node's barn";
	case SLUB_OBJ_PREFILLED:
		return "free, in a prefilled sheaf a caller holds";
	default:
		return "free, on page->freelist";
	}
}

static void object_tip(struct dctx *d, int si, int obj)
{
	const struct slub_snap_slab *s = &d->cache->slabs[si];
	unsigned long a = s->addr + (unsigned long)obj * d->cache->size;
	const char *var = d->f && d->f->var_name ?
			  d->f->var_name(d->f->var_arg, a) : NULL;
	int state = s->obj ? s->obj[obj].state : SLUB_OBJ_ALLOCATED, pos = 0;
	char where[120] = "";
	bool spare;
	int cpu, slot;

	if (state == SLUB_OBJ_CPU_FREE)
		pos = list_pos(s, cpu_freelist_of(d, si), obj);
	else if (state == SLUB_OBJ_PAGE_FREE)
		pos = list_pos(s, s->freelist, obj);
	if (pos)
		snprintf(where, sizeof(where), " (%c%d: number %d on it)",
			 state == SLUB_OBJ_CPU_FREE ? 'c' : 'p', pos, pos);
	slot = state == SLUB_OBJ_SHEAF ? viz_sheaf_slot(d->cache,
		d->snap->nr_cpus, si, obj, &cpu, &spare) : -1;
	if (slot >= 0) {
		char tag[40];

		viz_sheaf_tag(tag, sizeof(tag), d->snap->nr_cpus, cpu, spare,
			      slot);
		snprintf(where, sizeof(where), ":\nin CPU %d's %s sheaf, slot "
			 "%d (%s)", cpu, spare ? "spare" : "main", slot, tag);
	}
	slot = state == SLUB_OBJ_PREFILLED ?
	       viz_held_slot(d->cache, si, obj, &cpu) : -1;
	if (slot >= 0) {
		unsigned int id = d->cache->prefilled[cpu].id;
		const char *name = d->f && d->f->sheaf_name ?
				   d->f->sheaf_name(d->f->var_arg, id) : NULL;

		if (name)
			snprintf(where, sizeof(where), ":\nin prefilled sheaf "
				 "%.40s, slot %d", name, slot);
		else
			snprintf(where, sizeof(where), ":\nin prefilled sheaf "
				 "#%u, slot %d", id, slot);
	}
	viz_tip(d, 3, "object %d of slab pfn %#lx (cache %s)\n"
		"address %#lx\n%s%s%s%s", obj, s->pfn, d->cache->name, a,
		state_words(state), where, var ? "\nscenario variable " : "",
		var ? var : "");
}

static void slab_tip(struct dctx *d, int si)
{
	const struct slub_snap_slab *s = &d->cache->slabs[si];
	struct viz_counts n = viz_count_states(s);
	char extra[240] = "";

	if (viz_inuse_differs(s, n))
		snprintf(extra, sizeof(extra), "\n* a frozen cpu slab's inuse "
			 "counts every object the CPU took:\n  inuse became "
			 "objects when its freelist moved to the CPU;\n  %d "
			 "of them are free on c->freelist", n.cpu_free);
	if (d->cache->sheaf_capacity) {
		viz_tip(d, 3, "slab pfn %#lx of cache %s\ninuse %u of %u "
			"objects: %d allocated, %d in sheaves, %d in the barn"
			"\n(a slab counts objects in sheaves as in use)\n%d "
			"free on page->freelist", s->pfn, d->cache->name,
			s->inuse, s->objects, n.alloc, n.sheaf, n.barn,
			n.page_free);
		return;
	}
	viz_tip(d, 3, "slab pfn %#lx of cache %s%s\ninuse %u of %u objects:"
		" %d allocated, %d on c->freelist, %d on page->freelist%s",
		s->pfn, d->cache->name, s->frozen ? " (frozen)" : "",
		s->inuse, s->objects, n.alloc, n.cpu_free, n.page_free, extra);
}

/* The tooltip for what is under the pointer in the slab area. */
static void world_tip(struct dctx *d)
{
	struct viz_pick p;

	if (!viz_hover(d, &d->reg.slabs) || viz_sheaf_tip(d))
		return;
	p = viz_layout_hit(d->l, d->snap, d->v, d->v->mouse_x,
			   d->v->mouse_y);
	if (p.slab < 0)
		return;
	if (p.obj >= 0 && !d->l->bars)
		object_tip(d, p.slab, p.obj);
	else
		slab_tip(d, p.slab);
}

void viz_draw_world(struct dctx *d)
{
	const struct viz_layout *l = d->l;
	SDL_Rect lanes = { d->reg.main.x, d->reg.slabs.y, d->reg.main.w,
			   d->reg.slabs.h };
	int i;

	viz_layout_origin(l, d->v, &d->ox, &d->oy);
	cell_setup(d);
	slab_motion(d);
	SDL_RenderSetClipRect(d->r, &lanes);
	for (i = 0; i < l->nr_lanes; i++)
		viz_lane_band(d, i);
	SDL_RenderSetClipRect(d->r, &d->reg.slabs);
	for (i = 0; i < l->nr_slabs; i++)
		slab_block(d, i);
	viz_batch_flush(d);
	for (i = 0; i < l->nr_slabs; i++)
		slab_freelists(d, i);
	viz_draw_sheaves(d);
	viz_batch_flush(d);
	viz_sheaf_arrows(d);
	viz_sheaf_numbers(d);
	highlights(d);
	pick_outline(d);
	/* Arrows from the header boxes cross into the slab area. */
	SDL_RenderSetClipRect(d->r, &lanes);
	for (i = 0; i < l->nr_lanes; i++)
		viz_lane_box(d, i, true);
	SDL_RenderSetClipRect(d->r, &d->reg.heads);
	for (i = 0; i < l->nr_lanes; i++)
		viz_lane_box(d, i, false);
	SDL_RenderSetClipRect(d->r, &d->reg.title);
	viz_cache_title(d);
	SDL_RenderSetClipRect(d->r, NULL);
	world_tip(d);
}
