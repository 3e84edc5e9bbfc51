/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * slabinfo: the kernel's tools/vm/slabinfo (Christoph Lameter's report
 * tool, as of Linux 3.18) on the running allocator. The tool reads the
 * files under /sys/kernel/slab; this one reads the same attributes through
 * slab_attr_show() and sees the same directory entries sysfs_tree.c
 * writes: one per cache under its sysfs name (":t-0000064" for a
 * mergeable cache) and one symbolic link per alias. Memory-cgroup child
 * caches are entries of their own, as they were in 3.18's
 * /sys/kernel/slab. Output formats, formulas and quirks are the tool's.
 */
#ifndef SLUB_SLABINFO_H
#define SLUB_SLABINFO_H

#include <stdbool.h>
#include <stdio.h>

struct slabinfo_opts {
	bool show_alias;	/* -a: aliases */
	bool sort_active;	/* -A: most active first */
	bool show_activity;	/* -D: activity line format */
	bool show_empty;	/* -e: only the caches without slabs */
	bool first_alias;	/* -f: name ':' caches by their first alias */
	bool inverted;		/* -i: inverted sort / alias -> target lines */
	bool show_slab;		/* -l: the table (default) */
	bool show_numa;		/* -n: NUMA table */
	bool show_report;	/* -r: report per cache */
	bool shrink;		/* -s: write 1 to shrink */
	bool sort_size;		/* -S: largest first */
	bool show_totals;	/* -T: totals */
	bool validate;		/* -v: write 1 to validate */
	bool zero;		/* -z: include caches without slabs */
	bool single_ref;	/* -1: aliases of single-name caches too */
	int lines;		/* -N: at most this many caches; -1 all */
	const char *pattern;	/* case-insensitive regex, NULL: all */
};

/*
 * Print the report on out; messages (a bad pattern, a failed store) go
 * to err. Returns 0, or -1 if the pattern is invalid.
 */
int slabinfo_run(const struct slabinfo_opts *o, FILE *out, FILE *err);

#endif
