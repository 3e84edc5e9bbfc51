/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The /sys/kernel/slab view of the running allocator as a real directory
 * tree, built from the attribute layer alone (slub_attr_name(),
 * slab_attr_show(), slub_sysfs_name()) and a snapshot for the list of
 * caches and their aliases.
 *
 * DIR itself plays /sys/kernel/slab:
 *   DIR/<sysfs name>/<attribute>   one file per attribute, holding exactly
 *                                  what slab_attr_show() gives (action
 *                                  attributes such as validate and shrink
 *                                  are empty, as in the kernel); mode 0600
 *                                  if writable, else 0400
 *   DIR/<alias> -> <sysfs name>    a symbolic link per name merged into a
 *                                  cache, and for a mergeable cache (whose
 *                                  directory is its ":[flags-]NNNNNNN"
 *                                  unique id) one for its own name too
 *   DIR/<root>/cgroup/             in every root cache; its memory-cgroup
 *   DIR/<root>/cgroup/<child>/     child caches ("name(id:cgroup)"), as
 *                                  Linux 4.0 lays them out (in 3.18 they
 *                                  were directories next to their root)
 */
#ifndef SLUB_SYSFS_TREE_H
#define SLUB_SYSFS_TREE_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Write the tree into dir, creating it (and missing parents) if needed.
 * An existing non-empty dir is refused unless force is set; then its
 * contents are removed first (nftw), but only if they look like such a
 * tree: at the top only symbolic links and directories holding an
 * object_size file, below only directories, links and files of at most
 * SLAB_ATTR_BUFSIZE bytes; so a mistyped path cannot wipe anything else.
 * Returns the number of cache directories written, or -1 with a one-line
 * message in err (err must hold errlen bytes).
 */
int slub_sysfs_write(const char *dir, bool force, char *err, size_t errlen);

#endif
