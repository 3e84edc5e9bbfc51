/* SPDX-License-Identifier: GPL-2.0-only */
/* The drawing context shared by draw.c and draw_world.c. */
#ifndef SLUBVIZ_DRAW_INT_H
#define SLUBVIZ_DRAW_INT_H

#include "viz.h"

#define VIZ_MAX_CHANGED	4096
#define VIZ_MAX_PARTS	8

struct viz_batch {
	SDL_Rect *r;
	int n, cap;
};

struct viz_part {
	unsigned int start, end;
	int color;		/* enum viz_color, -1: the object's state */
};

struct viz_motion {
	int dx, dy;		/* animation offset in pixels */
	int prev;		/* index in the previous snapshot or -1 */
	bool changed;		/* new slab or moved to another list */
	bool cells_changed;	/* an object changed state */
};

struct dctx {
	SDL_Renderer *r;
	const struct slub_snapshot *snap;
	const struct slub_snap_cache *cache;
	const struct slub_snap_cache *prev_cache;
	const struct viz_frame *f;
	struct viz_view *v;
	struct viz_layout *l;
	struct viz_regions reg;
	int ox, oy;		/* screen position of layout (0, 0) */
	int tip_prio;		/* of the tooltip set so far */
	struct viz_batch batch[VIZ_NR_COLORS];
	struct viz_part part[VIZ_MAX_PARTS];
	int nparts;
	bool debug_cells;
	struct viz_motion *motion;
	int nmotion;
	SDL_Rect changed[VIZ_MAX_CHANGED];
	int nchanged;
	SDL_Rect moved[VIZ_MAX_CHANGED];
	int nmoved;
};

#define C(x)	(viz_colors[VIZ_C_##x])

static inline void viz_set_color(SDL_Renderer *r, SDL_Color c)
{
	SDL_SetRenderDrawColor(r, c.r, c.g, c.b, c.a);
}

void viz_draw_world(struct dctx *d);
void viz_batches_free(struct dctx *d);
void viz_arrow(SDL_Renderer *r, int x0, int y0, int x1, int y1,
	       SDL_Color c, int head);
void viz_fill(SDL_Renderer *r, int x, int y, int w, int h, SDL_Color c);
void viz_frame_rect(SDL_Renderer *r, int x, int y, int w, int h,
		    SDL_Color c);
void viz_cell_rect(const struct dctx *d, int si, int i, SDL_Rect *r);
void viz_block_rect(const struct dctx *d, int si, SDL_Rect *r);
int viz_find_pfn(const struct slub_snap_cache *c, long pfn);

/*
 * Text that belongs to a region: drawn cut with an ellipsis to max_w,
 * recorded for the tests when the view has a probe.  Returns the width.
 */
int viz_label(struct dctx *d, int kind, enum viz_face face, int px,
	      SDL_Color fg, int x, int y, int max_w, const SDL_Rect *clip,
	      const char *s);
/* Is the pointer in r?  Then a tooltip may be set for it. */
bool viz_hover(const struct dctx *d, const SDL_Rect *r);
/* Sets the tooltip when prio is at least the one set so far. */
void viz_tip(struct dctx *d, int prio, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Objects of a slab by state. */
struct viz_counts {
	int alloc, cpu_free, page_free, sheaf, barn, prefilled;
};

struct viz_counts viz_count_states(const struct slub_snap_slab *s);
/*
 * inuse of a frozen cpu slab is not its number of allocated objects: the
 * objects on c->freelist count too.  The slab's label marks it with '*'.
 */
bool viz_inuse_differs(const struct slub_snap_slab *s, struct viz_counts n);
void viz_elbow(struct dctx *d, int x0, int y0, int x1, int y1, SDL_Color c);
void viz_list_arrows(struct dctx *d, const int *list, int n);
void viz_batch_add(struct viz_batch *b, const SDL_Rect *r);
void viz_batch_flush(struct dctx *d);
/* A dark or light number on a cell, on a chip when neither contrasts. */
void viz_cell_number(struct dctx *d, const SDL_Rect *r, SDL_Color bg,
		     const char *num, const char *plain);
/* draw_sheaves.c: a sheaf cache's sheaves and barns. */
void viz_draw_sheaves(struct dctx *d);
void viz_sheaf_arrows(struct dctx *d);
void viz_sheaf_numbers(struct dctx *d);
bool viz_sheaf_tip(struct dctx *d);
/* draw_lanes.c */
void viz_lane_band(struct dctx *d, int i);
void viz_lane_box(struct dctx *d, int i, bool arrows);
void viz_cache_title(struct dctx *d);

/* What each counter counts, in one line. */
const char *viz_stat_meaning(int item);

#endif
