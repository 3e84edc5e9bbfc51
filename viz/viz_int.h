/* SPDX-License-Identifier: GPL-2.0-only */
/* slubviz internals shared by the drawing files. */
#ifndef SLUBVIZ_INT_H
#define SLUBVIZ_INT_H

#include "viz.h"

#define VIZ_TOP_H	80
#define VIZ_BOTTOM_H	30
#define VIZ_TITLE_H	24	/* the cache's name above the lanes */
#define VIZ_HEAD_GAP	16	/* header column to slab area, for arrows */
#define VIZ_LANE_PAD	6
/* Lane header boxes, in screen pixels at every zoom. */
#define VIZ_HEAD_LINE	16
#define VIZ_HEAD_TOP	5
#define VIZ_HEAD_PX	12	/* title */
#define VIZ_FIELD_PX	11	/* fields */
#define VIZ_LABEL_PX	10	/* slab labels */
#define VIZ_LABEL_H	14	/* their strip */
#define VIZ_MAX_FIT_ZOOM 1.3
#define VIZ_MIN_ZOOM	0.02
#define VIZ_MAX_ZOOM	6.0

bool viz_debug_cells(const struct slub_snap_cache *c);
/* Screen position of layout point (0, 0) under the view's pan. */
void viz_layout_origin(const struct viz_layout *l, const struct viz_view *v,
		       int *x, int *y);
int viz_clampi(int v, int lo, int hi);

#endif
