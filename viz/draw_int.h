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
	double dx, dy;		/* animation offset in world units */
	int prev;		/* index in the previous snapshot or -1 */
	bool changed;		/* new slab or moved to another list */
};

struct dctx {
	SDL_Renderer *r;
	const struct slub_snapshot *snap;
	const struct slub_snap_cache *cache;
	const struct slub_snap_cache *prev_cache;
	const struct viz_frame *f;
	struct viz_view *v;
	struct viz_layout *l;
	SDL_Rect main;
	struct viz_batch batch[VIZ_NR_COLORS];
	struct viz_part part[VIZ_MAX_PARTS];
	int nparts;
	bool debug_cells;
	struct viz_motion *motion;
	SDL_Rect changed[VIZ_MAX_CHANGED];
	int nchanged;
	SDL_Rect moved[VIZ_MAX_CHANGED];
	int nmoved;
};

static inline void viz_set_color(SDL_Renderer *r, SDL_Color c)
{
	SDL_SetRenderDrawColor(r, c.r, c.g, c.b, c.a);
}

void viz_draw_world(struct dctx *d);
void viz_batches_free(struct dctx *d);
void viz_arrow(SDL_Renderer *r, int x0, int y0, int x1, int y1,
	       SDL_Color c, int head);
void viz_cell_rect(const struct dctx *d, int si, int i, SDL_Rect *r);
void viz_block_rect(const struct dctx *d, int si, SDL_Rect *r);
int viz_find_pfn(const struct slub_snap_cache *c, long pfn);

#endif
