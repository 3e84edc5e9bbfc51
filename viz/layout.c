// SPDX-License-Identifier: GPL-2.0-only
/*
 * Where things go.  The main area shows one cache in detail as lanes, one
 * band each: a lane per CPU (its kmem_cache_cpu, c->page, then the cpu
 * partial chain), one per node (kmem_cache_node and its partial list), the
 * full lists of debug caches, and the full slabs on no list.  Each lane's
 * header box sits in a column of fixed screen size at the left, so its
 * title and fields stay readable at every zoom; the slabs flow in rows of
 * at most cols blocks to the right of it, in list order.
 *
 * Positions are layout pixels: screen pixels at the view's zoom, before
 * the pan.  The layout is rebuilt for every frame.  A block's size and
 * every cell inside it follow from the zoom alone, in whole pixels, so two
 * slabs with the same contents look the same wherever they are: rounding
 * a world coordinate per cell would give them different cell widths (the
 * moire of a zoomed-out view).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "viz.h"
#include "viz_int.h"

#define CELL		16	/* cell height at zoom 1 */
#define GAP		5
#define CELL_DEBUG	34	/* debug caches: room for the metadata */
#define BLOCK_PAD	5
#define BLOCK_GAP_X	26
#define BLOCK_GAP_Y	12
#define MIN_BLOCK_W	130
#define LABEL_MIN_W	64	/* narrower blocks get no label strip */
#define LEFT_MARGIN	4

int viz_clampi(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

static int maxi(int a, int b)
{
	return a > b ? a : b;
}

void viz_regions(const struct viz_view *v, struct viz_regions *r)
{
	int lw, rw, mh, hw;

	lw = v->w < VIZ_FOLD_W ? 0 : viz_clampi(v->w * 17 / 100, 160, 262);
	rw = viz_clampi(v->w * 24 / 100, 210, 372);
	mh = maxi(v->h - VIZ_TOP_H - VIZ_BOTTOM_H, 60);
	r->top = (SDL_Rect){ 0, 0, v->w, VIZ_TOP_H };
	r->bottom = (SDL_Rect){ 0, v->h - VIZ_BOTTOM_H, v->w, VIZ_BOTTOM_H };
	r->left = (SDL_Rect){ 0, VIZ_TOP_H, lw, mh };
	r->right = (SDL_Rect){ v->w - rw, VIZ_TOP_H, rw, mh };
	r->main = (SDL_Rect){ lw, VIZ_TOP_H, maxi(v->w - lw - rw, 60), mh };
	r->title = (SDL_Rect){ lw, VIZ_TOP_H, r->main.w, VIZ_TITLE_H };
	hw = viz_clampi(r->main.w * 30 / 100, 120, 236);
	r->heads = (SDL_Rect){ lw, VIZ_TOP_H + VIZ_TITLE_H, hw,
			       maxi(mh - VIZ_TITLE_H, 20) };
	r->slabs = (SDL_Rect){ lw + hw + VIZ_HEAD_GAP, r->heads.y,
			       maxi(r->main.w - hw - VIZ_HEAD_GAP, 20),
			       r->heads.h };
}

void viz_main_area(const struct viz_view *v, SDL_Rect *r)
{
	struct viz_regions reg;

	viz_regions(v, &reg);
	*r = reg.main;
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

/*
 * Lines of a lane's box: a CPU's kmem_cache_cpu has tid, page, freelist
 * and partial, or with sheaves main and spare; a node's nr_partial and
 * partial, and with sheaves its barn's full and empty sheaves.
 */
static int head_height(int kind, bool sheaves)
{
	int lines = kind == VIZ_LANE_CPU ? (sheaves ? 3 : 5) :
		    kind == VIZ_LANE_NODE ? (sheaves ? 5 : 3) : 2;

	return 2 * VIZ_HEAD_TOP + lines * VIZ_HEAD_LINE;
}

/* ---------------------------------------------------------------- blocks */

static int per_row_for(const struct viz_layout *l, unsigned int objects)
{
	bool wide = l->wide;

	if (objects <= (wide ? 8u : 16u))
		return objects ? objects : 1;
	if (objects <= 128)
		return wide ? 8 : 16;
	return wide ? 16 : 32;
}

/*
 * The cells of a block, or its bar.  Cells are whole pixels with whole
 * gaps; a bar, which has no gaps to round, is as big as the cells would be
 * at that zoom without rounding, so that the bars grow smoothly with the
 * zoom and use the room a fit gives them.
 */
static void cells_size(const struct viz_layout *l, int per_row, int rows,
		       int *w, int *h)
{
	int cell_w = l->wide ? CELL_DEBUG : CELL;

	if (l->bars) {
		*w = maxi(2, (int)lround(per_row * (cell_w + GAP) * l->zoom -
					 GAP * l->zoom));
		*h = maxi(2, (int)lround(rows * (CELL + GAP) * l->zoom -
					 GAP * l->zoom));
		return;
	}
	*w = per_row * l->pitch_x - l->gap;
	*h = rows * l->pitch_y - l->gap;
}

/* Pixel sizes at zoom z: a function of z only. */
static void metrics(struct viz_layout *l, double z, bool debug,
		    unsigned int objects)
{
	l->zoom = z;
	l->cell_h = maxi(1, (int)floor(CELL * z + 1e-9));
	l->cell_w = debug ? maxi(1, (int)floor(CELL_DEBUG * z + 1e-9))
			  : l->cell_h;
	l->gap = l->cell_h >= 3 ? maxi(1, (int)lround(GAP * z)) : 0;
	l->pitch_x = l->cell_w + l->gap;
	l->pitch_y = l->cell_h + l->gap;
	l->bars = l->cell_h < VIZ_LOD_CELL;
	l->pad = maxi(1, (int)lround(BLOCK_PAD * z));
	l->label_h = 0;
	l->wide = debug;
	if (objects) {
		/* The strip holds pfn and inuse when the block has room. */
		int w, h;

		cells_size(l, per_row_for(l, objects), 1, &w, &h);
		w = maxi(w + 2 * l->pad, (int)lround(MIN_BLOCK_W * z));
		if (w - 2 * l->pad >= LABEL_MIN_W)
			l->label_h = VIZ_LABEL_H;
	}
}
struct flow {
	struct viz_layout *l;
	int cols;
	int gx, gy;		/* gaps between blocks */
	int x, y, n;		/* next position, blocks in the row */
	int row_h;
	int bottom, right;
};

static void flow_newline(struct flow *f)
{
	if (!f->n)
		return;
	f->x = LEFT_MARGIN;
	f->y += f->row_h + f->gy;
	f->row_h = 0;
	f->n = 0;
}

/* Puts block b, whose cells (or bar) are already sized, in the flow. */
static void flow_box(struct flow *f, struct viz_slab_box *b)
{
	struct viz_layout *l = f->l;

	b->w = maxi(b->cells_w + 2 * l->pad,
		    (int)lround(MIN_BLOCK_W * l->zoom));
	b->h = l->label_h + 2 * l->pad + b->cells_h;
	if (f->n >= f->cols)
		flow_newline(f);
	b->x = f->x;
	b->y = f->y;
	b->cells_x = b->x + l->pad;
	b->cells_y = b->y + l->label_h + l->pad;
	f->x += b->w + f->gx;
	f->n++;
	f->right = maxi(f->right, b->x + b->w);
	f->row_h = maxi(f->row_h, b->h);
	f->bottom = maxi(f->bottom, f->y + f->row_h);
}

/* A block of objects cells: a slab, or a sheaf of that many slots. */
static void flow_cells(struct flow *f, struct viz_slab_box *b,
		       unsigned int objects)
{
	int rows;

	b->per_row = per_row_for(f->l, objects);
	rows = ((int)objects + b->per_row - 1) / b->per_row;
	b->rows = rows ? rows : 1;
	cells_size(f->l, b->per_row, b->rows, &b->cells_w, &b->cells_h);
	flow_box(f, b);
}

static void flow_place(struct flow *f, int si, unsigned int objects)
{
	flow_cells(f, &f->l->slab[si], objects);
}

/*
 * A barn: two stacks side by side, full sheaves and empty ones, each
 * room for the barn's limit of sheaves drawn as bars one above the
 * other.  Its sizes, like a slab's, follow from the zoom alone.
 */
static void flow_barn(struct flow *f, struct viz_slab_box *b, int limit)
{
	struct viz_layout *l = f->l;

	b->per_row = 2;
	b->rows = limit > 0 ? limit : 1;
	b->cells_w = 2 * l->stack_w + l->stack_gap;
	b->cells_h = b->rows * l->barn_pitch - (l->barn_pitch -
						l->barn_slot_h);
	flow_box(f, b);
}

/* The sizes of a barn's stacks: a stacked sheaf is as wide as a row of
 * up to six slots and a third of a cell high. */
static void barn_metrics(struct viz_layout *l, unsigned int capacity)
{
	int h;

	cells_size(l, maxi(1, per_row_for(l, capacity < 6 ? capacity : 6)),
		   1, &l->stack_w, &h);
	l->stack_gap = maxi(4, 2 * l->pitch_x);
	l->barn_slot_h = maxi(1, l->cell_h * 3 / 8);
	l->barn_pitch = l->barn_slot_h + maxi(1, l->gap / 2);
}

static bool valid_slab(const struct slub_snap_cache *c, int si,
		       const char *placed)
{
	return si >= 0 && si < c->nr_slabs && !placed[si];
}

static struct viz_lane *lane_begin(struct viz_layout *l, struct flow *f,
				   int kind, int id, int y)
{
	struct viz_lane *ln = &l->lane[l->nr_lanes++];

	ln->kind = kind;
	ln->id = id;
	ln->y = y;
	ln->head_h = head_height(kind, l->sheaves);
	f->x = LEFT_MARGIN;
	f->y = y + VIZ_LANE_PAD;
	f->n = 0;
	f->row_h = 0;
	f->bottom = f->y;
	return ln;
}

static int lane_end(struct viz_lane *ln, struct flow *f)
{
	int content = f->bottom - (ln->y + VIZ_LANE_PAD);

	ln->h = maxi(content, ln->head_h) + 2 * VIZ_LANE_PAD;
	return ln->y + ln->h;
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

		ln = lane_begin(l, f, VIZ_LANE_CPU, cpu, y);
		if (l->sheaves) {
			/* main, then spare under it, as in the box */
			flow_cells(f, &l->sheaf[2 * cpu], c->sheaf_capacity);
			flow_newline(f);
			if (cc->spare_size >= 0)
				flow_cells(f, &l->sheaf[2 * cpu + 1],
					   c->sheaf_capacity);
			flow_newline(f);
		}
		if (valid_slab(c, cc->slab, placed)) {
			placed[cc->slab] = 1;
			flow_place(f, cc->slab, c->slabs[cc->slab].objects);
		}
		/* The partial chain starts on its own row. */
		flow_newline(f);
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

		ln = lane_begin(l, f, VIZ_LANE_NODE, n, y);
		place_list(f, c, nd->partial, (int)nd->nr_partial, placed);
		if (l->sheaves) {
			/* the barn under the partial slabs */
			flow_newline(f);
			flow_barn(f, &l->barn[n], maxi(nd->barn_max_full,
						       nd->barn_max_empty));
		}
		y = lane_end(ln, f);
		if (!nd->nr_full)
			continue;
		ln = lane_begin(l, f, VIZ_LANE_FULL, n, y);
		place_list(f, c, nd->full, nd->nr_full, placed);
		y = lane_end(ln, f);
	}
	return y;
}

/* The held sheaves: a lane of their own, one block of slots each. */
static int layout_held(struct viz_layout *l, struct flow *f,
		       const struct slub_snap_cache *c, int y)
{
	struct viz_lane *ln;
	int i;

	if (!c->nr_prefilled)
		return y;
	ln = lane_begin(l, f, VIZ_LANE_HELD, 0, y);
	for (i = 0; i < c->nr_prefilled; i++)
		flow_cells(f, &l->held[i], c->prefilled[i].capacity);
	return lane_end(ln, f);
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
			ln = lane_begin(l, f, VIZ_LANE_UNLISTED, 0, y);
		placed[i] = 1;
		flow_place(f, i, c->slabs[i].objects);
	}
	return ln ? lane_end(ln, f) : y;
}

/* Between blocks: room for the list arrows, which bars do without. */
static int block_gap_x(const struct viz_layout *l)
{
	return maxi(l->bars ? 3 : 8, (int)lround(BLOCK_GAP_X * l->zoom));
}

/* Lays out c at zoom z in rows of cols blocks; l's arrays are allocated. */
static void build_at(struct viz_layout *l, const struct slub_snapshot *snap,
		     const struct slub_snap_cache *c, double z, int cols,
		     char *placed)
{
	struct flow f = { .l = l, .cols = cols > 0 ? cols : 1 };
	int y = 0;

	metrics(l, z, viz_debug_cells(c), c->objects);
	if (l->sheaves)
		barn_metrics(l, c->sheaf_capacity);
	l->cols = f.cols;
	f.gx = block_gap_x(l);
	f.gy = maxi(l->bars ? 3 : 4, (int)lround(BLOCK_GAP_Y * z));
	f.right = 0;
	l->nr_lanes = 0;
	memset(placed, 0, c->nr_slabs + 1);
	y = layout_cpus(l, &f, snap, c, placed, y);
	y = layout_nodes(l, &f, snap, c, placed, y);
	y = layout_rest(l, &f, c, placed, y);
	y = layout_held(l, &f, c, y);
	l->content_w = f.right + LEFT_MARGIN;
	l->content_h = y;
}

/* The most blocks any lane could put in one row. */
static int max_cols(const struct slub_snapshot *snap,
		    const struct slub_snap_cache *c)
{
	int n = 1, i, rest = c->nr_slabs;

	for (i = 0; i < snap->nr_cpus; i++) {
		n = maxi(n, c->cpu[i].nr_partial);
		rest -= c->cpu[i].nr_partial + (c->cpu[i].slab >= 0);
	}
	for (i = 0; i < snap->nr_nodes; i++) {
		n = maxi(n, (int)c->node[i].nr_partial);
		n = maxi(n, c->node[i].nr_full);
		rest -= (int)c->node[i].nr_partial + c->node[i].nr_full;
	}
	return maxi(maxi(n, rest), c->nr_prefilled);
}

static bool layout_alloc(struct viz_layout *l,
			 const struct slub_snapshot *snap,
			 const struct slub_snap_cache *c, char **placed)
{
	l->lane = calloc(snap->nr_cpus + 2 * snap->nr_nodes + 2,
			 sizeof(*l->lane));
	l->slab = calloc(c->nr_slabs + 1, sizeof(*l->slab));
	l->sheaves = c->sheaf_capacity > 0;
	l->nr_sheaves = l->sheaves ? 2 * snap->nr_cpus : 0;
	l->nr_barns = l->sheaves ? snap->nr_nodes : 0;
	l->sheaf = calloc(l->nr_sheaves + 1, sizeof(*l->sheaf));
	l->barn = calloc(l->nr_barns + 1, sizeof(*l->barn));
	l->nr_held = c->nr_prefilled;
	l->held = calloc(l->nr_held + 1, sizeof(*l->held));
	*placed = malloc(c->nr_slabs + 1);
	if (!l->lane || !l->slab || !l->sheaf || !l->barn || !l->held ||
	    !*placed) {
		free(*placed);
		viz_layout_free(l);
		return false;
	}
	l->nr_slabs = c->nr_slabs;
	return true;
}

/* As many blocks per row as the slab area holds at zoom z. */
static int cols_for_width(struct viz_layout *l,
			  const struct slub_snapshot *snap,
			  const struct slub_snap_cache *c, double z,
			  char *placed)
{
	int k, w;

	build_at(l, snap, c, z, 1, placed);
	w = l->content_w - 2 * LEFT_MARGIN;	/* one block */
	if (w <= 0)
		return 1;
	k = (l->reg.slabs.w - 2 * LEFT_MARGIN + block_gap_x(l)) /
	    (w + block_gap_x(l));
	return viz_clampi(k, 1, max_cols(snap, c));
}

void viz_layout_build(struct viz_layout *l, const struct slub_snapshot *snap,
		      const struct viz_view *v)
{
	const struct slub_snap_cache *c;
	char *placed;
	int ci, cols;

	viz_layout_free(l);
	viz_regions(v, &l->reg);
	l->cache = ci = viz_pick_cache(snap, v);
	metrics(l, v->zoom, false, 0);
	if (ci < 0)
		return;
	c = &snap->caches[ci];
	if (!layout_alloc(l, snap, c, &placed))
		return;
	l->cache = ci;
	cols = v->cols > 0 ? v->cols
			   : cols_for_width(l, snap, c, v->zoom, placed);
	build_at(l, snap, c, v->zoom, cols, placed);
	free(placed);
}

void viz_layout_free(struct viz_layout *l)
{
	free(l->slab);
	free(l->lane);
	free(l->sheaf);
	free(l->barn);
	free(l->held);
	memset(l, 0, sizeof(*l));
	l->cache = -1;
}

/* ----------------------------------------------------------------- screen */

void viz_layout_origin(const struct viz_layout *l, const struct viz_view *v,
		       int *x, int *y)
{
	*x = l->reg.slabs.x - (int)floor(v->pan_x);
	*y = l->reg.slabs.y - (int)floor(v->pan_y);
}

static bool box_slot(const struct viz_layout *l, const struct viz_view *v,
		     const struct viz_slab_box *b, int slot, SDL_Rect *out)
{
	int ox, oy;

	if (!b->per_row || slot < 0 || slot >= b->per_row * b->rows)
		return false;
	viz_layout_origin(l, v, &ox, &oy);
	out->x = ox + b->cells_x + (slot % b->per_row) * l->pitch_x;
	out->y = oy + b->cells_y + (slot / b->per_row) * l->pitch_y;
	out->w = l->cell_w;
	out->h = l->cell_h;
	return true;
}

bool viz_layout_object(const struct viz_layout *l, const struct viz_view *v,
		       int slab, int obj, SDL_Rect *out)
{
	if (!l->slab || slab < 0 || slab >= l->nr_slabs)
		return false;
	return box_slot(l, v, &l->slab[slab], obj, out);
}

bool viz_layout_slab(const struct viz_layout *l, const struct viz_view *v,
		     int slab, SDL_Rect *out)
{
	const struct viz_slab_box *b;
	int ox, oy;

	if (!l->slab || slab < 0 || slab >= l->nr_slabs)
		return false;
	b = &l->slab[slab];
	viz_layout_origin(l, v, &ox, &oy);
	*out = (SDL_Rect){ ox + b->x, oy + b->y, b->w, b->h };
	return true;
}

void viz_layout_cells_area(const struct viz_layout *l,
			   const struct viz_view *v, int slab, SDL_Rect *out)
{
	const struct viz_slab_box *b = &l->slab[slab];
	int ox, oy;

	viz_layout_origin(l, v, &ox, &oy);
	*out = (SDL_Rect){ ox + b->cells_x, oy + b->cells_y, b->cells_w,
			   b->cells_h };
}

/*
 * A lane's header box scrolls with its lane but stays inside it and
 * inside the column, so a lane taller than the window keeps its title in
 * view while it is panned through.
 */
bool viz_layout_head(const struct viz_layout *l, const struct viz_view *v,
		     int lane, SDL_Rect *out)
{
	const struct viz_lane *ln;
	int ox, oy, y, lo, hi;

	if (lane < 0 || lane >= l->nr_lanes)
		return false;
	ln = &l->lane[lane];
	viz_layout_origin(l, v, &ox, &oy);
	y = oy + ln->y + VIZ_LANE_PAD;
	lo = l->reg.heads.y + 2;
	hi = oy + ln->y + ln->h - VIZ_LANE_PAD - ln->head_h;
	if (y < lo)
		y = lo < hi ? lo : hi;
	*out = (SDL_Rect){ l->reg.heads.x + 6, y, l->reg.heads.w - 8,
			   ln->head_h };
	return true;
}

struct viz_pick viz_layout_hit(const struct viz_layout *l,
			       const struct slub_snapshot *snap,
			       const struct viz_view *v, int x, int y)
{
	struct viz_pick p = { -1, -1, -1 };
	const struct slub_snap_cache *c;
	int i, col, row, ox, oy, lx, ly;

	if (l->cache < 0 || !snap || l->cache >= snap->nr_caches ||
	    !SDL_PointInRect(&(SDL_Point){ x, y }, &l->reg.slabs))
		return p;
	c = &snap->caches[l->cache];
	if (viz_layout_hit_sheaf(l, snap, v, x, y, &i, &col, &row)) {
		/* a slot stands for the object it points to */
		const struct slub_snap_ref *ref;
		int n;

		ref = i >= 0 ? viz_sheaf_refs(c, i / 2, i % 2, &n) : NULL;
		if (ref && col >= 0 && col < n && ref[col].slab >= 0 &&
		    ref[col].slab < c->nr_slabs) {
			p.cache = l->cache;
			p.slab = ref[col].slab;
			p.obj = ref[col].obj;
		}
		return p;
	}
	if (viz_layout_hit_held(l, v, x, y, &i, &col)) {
		const struct slub_snap_prefilled *h = &c->prefilled[i];

		if (col >= 0 && col < h->size && h->objects[col].slab >= 0 &&
		    h->objects[col].slab < c->nr_slabs) {
			p.cache = l->cache;
			p.slab = h->objects[col].slab;
			p.obj = h->objects[col].obj;
		}
		return p;
	}
	viz_layout_origin(l, v, &ox, &oy);
	lx = x - ox;
	ly = y - oy;
	for (i = 0; i < l->nr_slabs && i < c->nr_slabs; i++) {
		const struct viz_slab_box *b = &l->slab[i];

		if (lx < b->x || lx >= b->x + b->w || ly < b->y ||
		    ly >= b->y + b->h)
			continue;
		p.cache = l->cache;
		p.slab = i;
		if (l->bars || lx < b->cells_x || ly < b->cells_y)
			return p;
		col = (lx - b->cells_x) / l->pitch_x;
		row = (ly - b->cells_y) / l->pitch_y;
		if (col < b->per_row &&
		    row * b->per_row + col < (int)c->slabs[i].objects)
			p.obj = row * b->per_row + col;
		return p;
	}
	return p;
}

/* ---------------------------------------------------------------- sheaves */

const struct slub_snap_ref *viz_sheaf_refs(const struct slub_snap_cache *c,
					   int cpu, bool spare, int *n)
{
	const struct slub_snap_cpu *cc = &c->cpu[cpu];

	*n = spare ? cc->spare_size : cc->main_size;
	if (*n <= 0)
		*n = 0;
	return spare ? cc->spare : cc->main;
}

int viz_sheaf_slot(const struct slub_snap_cache *c, int nr_cpus, int si,
		   int obj, int *cpu, bool *spare)
{
	const struct slub_snap_ref *ref;
	int i, k, n;

	if (!c->sheaf_capacity)
		return -1;
	for (i = 0; i < nr_cpus; i++) {
		for (k = 0; k < 2; k++) {
			ref = viz_sheaf_refs(c, i, k, &n);
			while (ref && n-- > 0) {
				if (ref[n].slab != si || ref[n].obj != obj)
					continue;
				*cpu = i;
				*spare = k;
				return n;
			}
		}
	}
	return -1;
}

static bool box_rect(const struct viz_layout *l, const struct viz_view *v,
		     const struct viz_slab_box *b, SDL_Rect *out)
{
	int ox, oy;

	if (!b->per_row)
		return false;
	viz_layout_origin(l, v, &ox, &oy);
	*out = (SDL_Rect){ ox + b->x, oy + b->y, b->w, b->h };
	return true;
}

bool viz_layout_sheaf(const struct viz_layout *l, const struct viz_view *v,
		      int k, SDL_Rect *out)
{
	if (!l->sheaf || k < 0 || k >= l->nr_sheaves)
		return false;
	return box_rect(l, v, &l->sheaf[k], out);
}

bool viz_layout_barn(const struct viz_layout *l, const struct viz_view *v,
		     int node, SDL_Rect *out)
{
	if (!l->barn || node < 0 || node >= l->nr_barns)
		return false;
	return box_rect(l, v, &l->barn[node], out);
}

bool viz_layout_held(const struct viz_layout *l, const struct viz_view *v,
		     int i, SDL_Rect *out)
{
	if (!l->held || i < 0 || i >= l->nr_held)
		return false;
	return box_rect(l, v, &l->held[i], out);
}

bool viz_layout_held_slot(const struct viz_layout *l,
			  const struct viz_view *v, int i, int slot,
			  SDL_Rect *out)
{
	if (!l->held || i < 0 || i >= l->nr_held)
		return false;
	return box_slot(l, v, &l->held[i], slot, out);
}

bool viz_layout_hit_held(const struct viz_layout *l,
			 const struct viz_view *v, int x, int y, int *sheaf,
			 int *slot)
{
	SDL_Point pt = { x, y };
	const struct viz_slab_box *b;
	SDL_Rect r;
	int i;

	*sheaf = *slot = -1;
	if (!SDL_PointInRect(&pt, &l->reg.slabs))
		return false;
	for (i = 0; i < l->nr_held; i++) {
		if (!viz_layout_held(l, v, i, &r) || !SDL_PointInRect(&pt, &r))
			continue;
		*sheaf = i;
		b = &l->held[i];
		if (l->bars)
			return true;
		for (*slot = b->per_row * b->rows - 1; *slot >= 0; (*slot)--)
			if (viz_layout_held_slot(l, v, i, *slot, &r) &&
			    SDL_PointInRect(&pt, &r))
				return true;
		return true;
	}
	return false;
}

int viz_held_slot(const struct slub_snap_cache *c, int si, int obj,
		  int *sheaf)
{
	int i, k;

	for (i = 0; i < c->nr_prefilled; i++)
		for (k = 0; k < c->prefilled[i].size; k++)
			if (c->prefilled[i].objects[k].slab == si &&
			    c->prefilled[i].objects[k].obj == obj) {
				*sheaf = i;
				return k;
			}
	return -1;
}

bool viz_layout_slot(const struct viz_layout *l, const struct viz_view *v,
		     int k, int slot, SDL_Rect *out)
{
	if (!l->sheaf || k < 0 || k >= l->nr_sheaves)
		return false;
	return box_slot(l, v, &l->sheaf[k], slot, out);
}

bool viz_layout_hit_sheaf(const struct viz_layout *l,
			  const struct slub_snapshot *snap,
			  const struct viz_view *v, int x, int y,
			  int *sheaf, int *slot, int *barn)
{
	SDL_Point pt = { x, y };
	SDL_Rect r;
	int k, cap;

	*sheaf = *slot = *barn = -1;
	if (!l->sheaves || l->cache < 0 || !snap ||
	    l->cache >= snap->nr_caches ||
	    !SDL_PointInRect(&pt, &l->reg.slabs))
		return false;
	cap = (int)snap->caches[l->cache].sheaf_capacity;
	for (k = 0; k < l->nr_sheaves; k++) {
		if (!viz_layout_sheaf(l, v, k, &r) || !SDL_PointInRect(&pt, &r))
			continue;
		*sheaf = k;
		if (l->bars)
			return true;
		for (*slot = cap - 1; *slot >= 0; (*slot)--)
			if (viz_layout_slot(l, v, k, *slot, &r) &&
			    SDL_PointInRect(&pt, &r))
				return true;
		return true;
	}
	for (k = 0; k < l->nr_barns; k++) {
		if (viz_layout_barn(l, v, k, &r) && SDL_PointInRect(&pt, &r)) {
			*barn = k;
			return true;
		}
	}
	return false;
}

/* -------------------------------------------------------------------- fit */

static bool fits(struct viz_layout *l, const struct slub_snapshot *snap,
		 const struct slub_snap_cache *c, double z, int cols,
		 char *placed)
{
	build_at(l, snap, c, z, cols, placed);
	return l->content_w <= l->reg.slabs.w && l->content_h <= l->reg.slabs.h;
}

/*
 * The largest zoom at which rows of cols blocks fit (bisection: the size
 * grows with the zoom).  When they do not fit even at the smallest zoom,
 * minus how much too big they are, so that the least bad shape wins.
 */
static double best_zoom(struct viz_layout *l,
			const struct slub_snapshot *snap,
			const struct slub_snap_cache *c, int cols,
			char *placed)
{
	double lo = log(VIZ_MIN_ZOOM), hi = log(VIZ_MAX_FIT_ZOOM), mid;
	int i;

	if (fits(l, snap, c, VIZ_MAX_FIT_ZOOM, cols, placed))
		return VIZ_MAX_FIT_ZOOM;
	if (!fits(l, snap, c, VIZ_MIN_ZOOM, cols, placed)) {
		double over_w = (double)l->content_w / l->reg.slabs.w;
		double over_h = (double)l->content_h / l->reg.slabs.h;

		return -(over_w > over_h ? over_w : over_h);
	}
	for (i = 0; i < 22; i++) {
		mid = (lo + hi) / 2;
		if (fits(l, snap, c, exp(mid), cols, placed))
			lo = mid;
		else
			hi = mid;
	}
	return exp(lo);
}

/*
 * The fit tries numbers of blocks per row and keeps the one that allows
 * the largest zoom; of equal zooms, the widest rows, which keep a list on
 * one line.  Every number up to 16, then steps of a sixteenth: a long
 * list does not make the fit slow, and neighbours that far out give
 * nearly the same zoom.
 */
void viz_view_fit(struct viz_view *v, const struct slub_snapshot *snap)
{
	struct viz_layout l = { .cache = -1 };
	const struct slub_snap_cache *c;
	double z, best = -1e18;
	int k, n, best_k = 1;
	char *placed;

	v->pan_x = v->pan_y = 0;
	v->user_moved = false;
	v->need_fit = false;
	v->cols = 0;
	viz_regions(v, &l.reg);
	l.cache = viz_pick_cache(snap, v);
	if (l.cache < 0) {
		v->zoom = 1;
		return;
	}
	c = &snap->caches[l.cache];
	if (!layout_alloc(&l, snap, c, &placed)) {
		v->zoom = 1;
		return;
	}
	n = max_cols(snap, c);
	for (k = 1; k <= n; k += k < 16 ? 1 : k / 16) {
		z = best_zoom(&l, snap, c, k, placed);
		if (z >= best - 1e-9 * fabs(best)) {
			best = z;
			best_k = k;
		}
	}
	free(placed);
	viz_layout_free(&l);
	v->zoom = best > 0 ? best : VIZ_MIN_ZOOM;	/* else: too big */
	v->cols = best_k;
}

static void clamp_pan(struct viz_view *v, const struct viz_layout *l);

void viz_view_prepare(struct viz_view *v, struct viz_layout *l,
		      const struct slub_snapshot *snap)
{
	if (v->need_fit && snap)
		viz_view_fit(v, snap);
	if (!snap) {
		viz_layout_free(l);
		return;
	}
	viz_layout_build(l, snap, v);
	if (v->user_moved && l->cache >= 0) {
		double px = v->pan_x, py = v->pan_y;

		clamp_pan(v, l);
		if (px != v->pan_x || py != v->pan_y)
			viz_layout_build(l, snap, v);
	}
}

void viz_view_resize(struct viz_view *v, int w, int h)
{
	if (v->w == w && v->h == h)
		return;
	v->w = w;
	v->h = h;
	if (!v->user_moved)
		v->need_fit = true;
}

/* ------------------------------------------------------------ zoom, pan */

/* Keeps some of the slabs in the slab area. */
static void clamp_pan(struct viz_view *v, const struct viz_layout *l)
{
	double keep = 40;
	double x0 = -(l->reg.slabs.w - keep), x1 = l->content_w - keep;
	double y0 = -(l->reg.slabs.h - keep), y1 = l->content_h - keep;

	if (x1 < x0)
		x1 = x0;
	if (y1 < y0)
		y1 = y0;
	v->pan_x = v->pan_x < x0 ? x0 : v->pan_x > x1 ? x1 : v->pan_x;
	v->pan_y = v->pan_y < y0 ? y0 : v->pan_y > y1 ? y1 : v->pan_y;
}

static double rect_distance(const SDL_Rect *r, int x, int y)
{
	double dx = x < r->x ? r->x - x : x >= r->x + r->w ?
		    x - (r->x + r->w - 1) : 0;
	double dy = y < r->y ? r->y - y : y >= r->y + r->h ?
		    y - (r->y + r->h - 1) : 0;

	return sqrt(dx * dx + dy * dy);
}

/*
 * The layout does not scale as a picture (the headers and labels keep
 * their size), so the zoom keeps the point under (x, y) in place relative
 * to the nearest slab block: the same fraction of the block before and
 * after.
 */
void viz_view_zoom(struct viz_view *v, const struct slub_snapshot *snap,
		   double factor, int x, int y)
{
	struct viz_layout l = { .cache = -1 };
	double fx = 0, fy = 0, z, best = 1e18, d;
	int i, si = -1;
	SDL_Rect r;

	viz_layout_build(&l, snap, v);
	x = viz_clampi(x, l.reg.slabs.x, l.reg.slabs.x + l.reg.slabs.w - 1);
	y = viz_clampi(y, l.reg.slabs.y, l.reg.slabs.y + l.reg.slabs.h - 1);
	for (i = 0; i < l.nr_slabs; i++) {
		viz_layout_slab(&l, v, i, &r);
		d = rect_distance(&r, x, y);
		if (d < best) {
			best = d;
			si = i;
			fx = (double)(x - r.x) / r.w;
			fy = (double)(y - r.y) / r.h;
		}
	}
	z = v->zoom * factor;
	z = z < VIZ_MIN_ZOOM ? VIZ_MIN_ZOOM : z > VIZ_MAX_ZOOM ? VIZ_MAX_ZOOM
							     : z;
	factor = z / v->zoom;
	v->zoom = z;
	v->user_moved = true;
	if (si < 0) {
		v->pan_x = (v->pan_x + x - l.reg.slabs.x) * factor -
			   (x - l.reg.slabs.x);
		v->pan_y = (v->pan_y + y - l.reg.slabs.y) * factor -
			   (y - l.reg.slabs.y);
	} else {
		viz_layout_build(&l, snap, v);
		viz_layout_slab(&l, v, si, &r);
		v->pan_x += r.x + fx * r.w - x;
		v->pan_y += r.y + fy * r.h - y;
	}
	viz_layout_build(&l, snap, v);
	clamp_pan(v, &l);
	viz_layout_free(&l);
}

void viz_view_zoom_content(struct viz_view *v,
			   const struct slub_snapshot *snap, double factor)
{
	struct viz_layout l = { .cache = -1 };
	SDL_Rect r, box = { 0, 0, 0, 0 }, vis;
	int i, x, y;

	viz_layout_build(&l, snap, v);
	for (i = 0; i < l.nr_slabs; i++) {
		viz_layout_slab(&l, v, i, &r);
		if (box.w)
			SDL_UnionRect(&box, &r, &box);
		else
			box = r;
	}
	if (box.w && SDL_IntersectRect(&box, &l.reg.slabs, &vis)) {
		x = vis.x;
		y = vis.y;
	} else {
		x = l.reg.slabs.x;
		y = l.reg.slabs.y;
	}
	viz_layout_free(&l);
	viz_view_zoom(v, snap, factor, x, y);
}

void viz_view_pan(struct viz_view *v, double dx, double dy)
{
	v->pan_x += dx;
	v->pan_y += dy;
	v->user_moved = true;
}
