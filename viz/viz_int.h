/* SPDX-License-Identifier: GPL-2.0-only */
/* slubviz internals shared by the drawing files. */
#ifndef SLUBVIZ_INT_H
#define SLUBVIZ_INT_H

#include "viz.h"

#define VIZ_TOP_H	80
#define VIZ_BOTTOM_H	30
#define VIZ_LEFT_W	262
#define VIZ_RIGHT_W	372
#define VIZ_LANE_BOX_W	212
#define VIZ_CPU_BOX_H	112
#define VIZ_NODE_BOX_H	72
#define VIZ_LIST_BOX_H	40
#define VIZ_MAX_FIT_ZOOM 1.3

void viz_cell_world(const struct viz_layout *l, const struct viz_slab_box *b,
		    int obj, int *x, int *y);
bool viz_debug_cells(const struct slub_snap_cache *c);

#endif
