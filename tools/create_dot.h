/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * create_dot: the drawings of what kmem_cache_create() decides, as graphviz
 * digraphs in the palette (palette.h) and the fonts of snapshot_dot.c, for
 * the book's part on creating a cache:
 *
 *   - the layout of one object of a cache (calculate_sizes()): the object,
 *     the red zone, the free pointer, the two tracks and the padding, each
 *     a row with its byte offsets, read from the cache's real object_size,
 *     inuse, offset and size;
 *   - an alias (__kmem_cache_alias(), sysfs_slab_alias()): every name of a
 *     cache pointing at its one kmem_cache, and the sysfs directory with
 *     a symbolic link per name;
 *   - the orders calculate_order() weighs: for a few object sizes, the
 *     objects and the leftover of a slab of each order, the chosen order
 *     marked.
 *
 * `slub run --dot STEP --view layout|alias --cache NAME' and `slub orders
 * --out FILE SIZE...' write them.
 */
#ifndef SLUB_CREATE_DOT_H
#define SLUB_CREATE_DOT_H

#include <stdio.h>
#include "slub.h"

/*
 * Write the layout of one object of cache c. Returns 0, or -1 if the
 * geometry is inconsistent (a part that would end past size) or writing
 * failed.
 */
int slub_layout_write_dot(FILE *out, const struct slub_snap_cache *c);

/*
 * Write cache c with all its names, and its sysfs directory sysfs_dir
 * (slub_sysfs_name()) with a link per name that is not the directory's
 * own. Returns 0, or -1 if writing failed.
 */
int slub_alias_write_dot(FILE *out, const struct slub_snap_cache *c,
			 const char *sysfs_dir);

#define SLUB_ORDERS_MAX	4	/* orders 0 .. slub_max_order (3) */

/* One object size: what a slab of each order would hold. */
struct slub_orders_row {
	unsigned int object_size;	/* as asked of kmem_cache_create() */
	unsigned int size;		/* the stride: object and metadata */
	int chosen;			/* the order calculate_order() chose */
	unsigned int objects[SLUB_ORDERS_MAX];	/* 0: does not fit */
	unsigned int leftover[SLUB_ORDERS_MAX];	/* bytes after the last */
};

/*
 * Write the table of rows (nrows of them) for orders 0 .. norders - 1.
 * Returns 0, or -1 if an argument is out of range or writing failed.
 */
int slub_orders_write_dot(FILE *out, const struct slub_orders_row *rows,
			  int nrows, int norders);

#endif /* SLUB_CREATE_DOT_H */
