/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * snapshot_dot: draw a state snapshot (struct slub_snapshot, see slub.h) as
 * a graphviz digraph in the manner of the kernel's own drawings of SLUB:
 *
 *   slab_caches -> kmem_cache -> kmem_cache_cpu[cpu] -> page (the cpu slab)
 *                             |                     \-> partial chain
 *                             \-> kmem_cache_node[n] -> partial list
 *
 * Every slab is a block of object cells, SNAPSHOT_DOT_ROW to a row (so that
 * a figure fits a portrait page), coloured by state (allocated, free on the
 * CPU freelist, free on the page freelist) with the palette of palette.h and
 * numbered along the freelists as slubviz numbers them (c1, c2 ... p1,
 * p2 ...); pfns are in hex, as slubviz writes them. Slabs of more than
 * SNAPSHOT_DOT_MAX_OBJS objects show
 * the first SNAPSHOT_DOT_SHOW_OBJS objects and an ellipsis cell; of a list
 * longer than SNAPSHOT_DOT_MAX_SLABS slabs the first are drawn and the rest
 * counted.
 *
 * The book's figures and `slub run --dot STEP' use it.
 */
#ifndef SLUB_SNAPSHOT_DOT_H
#define SLUB_SNAPSHOT_DOT_H

#include <stdio.h>
#include "slub.h"

/* Slabs of more objects than MAX_OBJS show SHOW_OBJS object cells. */
#define SNAPSHOT_DOT_MAX_OBJS	64
#define SNAPSHOT_DOT_SHOW_OBJS	48
#define SNAPSHOT_DOT_ROW	16	/* object cells to a row */
#define SNAPSHOT_DOT_OVERVIEW_COLS 3	/* columns of the overview */
#define SNAPSHOT_DOT_MAX_SLABS	8	/* slabs drawn per list */
#define SNAPSHOT_DOT_MAX_UNLISTED 4	/* full slabs on no list drawn */

/*
 * Write snap as a dot digraph to out. cache selects one cache by name or
 * alias and draws all of its state: the kmem_cache record, one
 * kmem_cache_cpu record per CPU, one kmem_cache_node record per node, the
 * slabs and the freelists. NULL draws the overview of slab_caches instead:
 * every cache's kmem_cache record (with its number of slabs and objects in
 * use), in list order, without the per-CPU and per-node state, which for a
 * dozen caches would not fit on a page. Returns 0, or -1 if cache names no
 * cache, snap is malformed or writing failed.
 */
int slub_snapshot_write_dot(FILE *out, const struct slub_snapshot *snap,
			    const char *cache /* NULL: all caches */);

/*
 * The same, with the names of the prefilled sheaves callers hold: name(arg,
 * id) gives the name of the sheaf whose struct slub_snap_prefilled has
 * that id (the scenario's name, scn_run_sheaf_name()), or NULL for #id.
 * A cache's held sheaves are drawn under its records as rows of slots,
 * c<i>_held<h>, in the colour of "free: in a prefilled sheaf", with an
 * edge from each filled slot to its object's cell, which is tagged
 * NAME:slot.
 */
int slub_snapshot_write_dot_named(FILE *out, const struct slub_snapshot *snap,
				  const char *cache,
				  const char *(*name)(void *arg,
						      unsigned int id),
				  void *arg);

/* Write s (NULL: "(null)") escaped for a graphviz HTML-like label. */
void dot_put_html(FILE *out, const char *s);

#endif /* SLUB_SNAPSHOT_DOT_H */
