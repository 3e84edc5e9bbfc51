// SPDX-License-Identifier: GPL-2.0-only
/*
 * snapshot_dot.c: a state snapshot as a graphviz digraph (see snapshot_dot.h).
 *
 * The drawing of one cache runs top down: the legend, the slab_caches list
 * head and the kmem_cache record; its kmem_cache_cpu and kmem_cache_node
 * records side by side; then the slabs, one under the other, so that a
 * long list grows downwards and a figure stays narrower than a portrait
 * page. No text is smaller than 8 points, so that a figure scaled to the
 * text width (about 470 points) keeps its labels at 7 points or more. The
 * overview of all caches is the kmem_cache records alone, in columns.
 *
 * Node names: c<i> is cache i, c<i>_cpu<j>, c<i>_node<n> its per-CPU and
 * per-node records, c<i>_s<k> its slab k. Ports: o<i> is object i of a
 * slab, "more" the ellipsis cell of an abbreviated slab, "hd" its strip.
 *
 * A cache with sheaves has, under each CPU's record (its
 * slub_percpu_sheaves), the main sheaf c<i>_cpu<j>_main and the spare
 * c<i>_cpu<j>_spare under it, each a row of slots k<m> with an edge from
 * every filled slot to its object's cell, and under each node's record the
 * barn c<i>_node<n>_barn, two stacks of sheaves (full, empty) against the
 * barn's limits.
 *
 * The prefilled sheaves a caller holds, in either design, are the nodes
 * c<i>_held<h> under the records, drawn as the CPUs' sheaves are.
 */
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "slub.h"
#include "palette.h"
#include "snapshot_dot.h"

/* The names of held sheaves (slub_snapshot_write_dot_named()). */
struct held_names {
	const char *(*fn)(void *arg, unsigned int id);
	void *arg;
};

/* The name of held sheaf h of c into buf: the caller's, else #id. */
static const char *held_name(const struct held_names *nm,
			     const struct slub_snap_cache *c, int h,
			     char *buf, size_t len)
{
	const char *s = nm && nm->fn ? nm->fn(nm->arg, c->prefilled[h].id) :
			NULL;

	if (s)
		return s;
	snprintf(buf, len, "#%u", c->prefilled[h].id);
	return buf;
}

/* The objects' colours are the palette's (palette.h); these are the
 * records' and the lists'. */
#define COL_HEADER	"#e8e8e8"
#define COL_LIST_EDGE	"#555555"
#define COL_PLACE	0xbbbbbb	/* room for a sheaf in a barn */
#define COL_EMPTY_SHEAF	0xdcdbd3	/* an empty sheaf, as slubviz's slots */

#define FONT		"DejaVu Sans"
#define MONO		"DejaVu Sans Mono"

/* Write s with the characters that HTML-like labels reserve escaped. */
void dot_put_html(FILE *out, const char *s)
{
	if (!s) {
		fputs("(null)", out);
		return;
	}
	for (; *s; s++) {
		switch (*s) {
		case '&':
			fputs("&amp;", out);
			break;
		case '<':
			fputs("&lt;", out);
			break;
		case '>':
			fputs("&gt;", out);
			break;
		case '"':
			fputs("&quot;", out);
			break;
		default:
			if ((unsigned char)*s >= 0x20)
				fputc(*s, out);
		}
	}
}

/* One "field | value" row of a record. */
static void row(FILE *out, const char *port, const char *field,
		const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void row(FILE *out, const char *port, const char *field,
		const char *fmt, ...)
{
	va_list ap;

	fprintf(out, "<TR><TD ALIGN=\"LEFT\">%s</TD><TD ALIGN=\"LEFT\"", field);
	if (port)
		fprintf(out, " PORT=\"%s\"", port);
	fputs(">", out);
	va_start(ap, fmt);
	vfprintf(out, fmt, ap);
	va_end(ap);
	fputs("</TD></TR>\n", out);
}

static const char *where_name(enum slub_slab_where w)
{
	switch (w) {
	case SLUB_SLAB_CPU:
		return "cpu slab";
	case SLUB_SLAB_CPU_PARTIAL:
		return "cpu partial";
	case SLUB_SLAB_NODE_PARTIAL:
		return "node partial";
	case SLUB_SLAB_NODE_FULL:
		return "node full";
	case SLUB_SLAB_UNLISTED:
		return "full, unlisted";
	}
	return "?";
}

static const struct palette_entry *obj_paint(unsigned char state)
{
	return &palette[palette_state(state)];
}

static bool valid_slab(const struct slub_snap_cache *c, int k)
{
	return k >= 0 && k < c->nr_slabs;
}

static bool valid_obj(const struct slub_snap_slab *sl, int i)
{
	return i >= 0 && (unsigned int)i < sl->objects;
}

/*
 * The size of the small labels (cells, legend): 8 points, which a figure
 * scaled to the text width prints at 7 or more; a sheaf cache's figure is
 * wider (its sheaves and barn beside the slabs) and scaled down further,
 * so its small labels are 9 points.
 */
static int small_pt(const struct slub_snap_cache *c)
{
	return c && c->sheaf_capacity ? 9 : 8;
}

/* How many object cells a slab shows. */
static unsigned int shown(const struct slub_snap_slab *sl)
{
	if (sl->objects > SNAPSHOT_DOT_MAX_OBJS)
		return SNAPSHOT_DOT_SHOW_OBJS;
	return sl->objects;
}

static void write_legend(FILE *out, const struct slub_snap_cache *c)
{
	bool sheaves = c && c->sheaf_capacity;
	int pt = small_pt(c);
	static const enum palette_part cpu_slab[] = {
		PAL_ALLOCATED, PAL_CPU_FREE, PAL_PAGE_FREE,
	};
	static const enum palette_part sheaf[] = {
		PAL_ALLOCATED, PAL_SHEAF, PAL_BARN, PAL_PAGE_FREE,
	};
	const enum palette_part *states = sheaves ? sheaf : cpu_slab;
	size_t i, n = sheaves ? 4 : 3;
	bool held = c && c->nr_prefilled > 0;

	/* The list head on top of the legend: one node, one column less. */
	fprintf(out, "legend [label=<<TABLE BORDER=\"0\" CELLBORDER=\"1\" "
		"CELLSPACING=\"0\" CELLPADDING=\"3\"><TR><TD PORT=\"sc\" "
		"BGCOLOR=\"" COL_HEADER "\"><B>slab_caches</B></TD></TR>\n"
		"<TR><TD BORDER=\"0\" HEIGHT=\"40\"> </TD></TR><TR>\n");
	for (i = 0; i < n; i++) {
		const struct palette_entry *e = &palette[states[i]];

		fprintf(out, "%s<TD BGCOLOR=\"#%06x\"><FONT COLOR=\"#%06x\" "
			"POINT-SIZE=\"%d\">%s</FONT></TD>\n", i ? "</TR><TR>" :
			"", e->fill, e->ink, pt, e->legend);
	}
	if (held)
		fprintf(out, "</TR><TR><TD BGCOLOR=\"#%06x\"><FONT COLOR=\""
			"#%06x\" POINT-SIZE=\"%d\">%s</FONT></TD>\n",
			palette[PAL_PREFILLED].fill,
			palette[PAL_PREFILLED].ink, pt,
			palette[PAL_PREFILLED].legend);
	if (sheaves)
		fprintf(out, "</TR><TR><TD><FONT POINT-SIZE=\"%d\">m0 s0 "
			"&#8230; sheaf slot<BR/>p1 p2 &#8230; list order</FONT>"
			"</TD></TR></TABLE>>];\n", pt);
	else
		fprintf(out, "</TR><TR><TD><FONT POINT-SIZE=\"8\">c1 c2 "
			"&#8230; p1 p2 &#8230;<BR/>list order</FONT></TD>"
			"</TR></TABLE>>];\n");
}

/* The SLAB_* flags by name (slub.h), unknown bits in hex. */
static void write_flags(FILE *out, unsigned long flags)
{
	static const struct {
		unsigned long bit;
		const char *name;
	} names[] = {
		{ SLAB_DEBUG_FREE, "DEBUG_FREE" },
		{ SLAB_RED_ZONE, "RED_ZONE" },
		{ SLAB_POISON, "POISON" },
		{ SLAB_HWCACHE_ALIGN, "HWCACHE_ALIGN" },
		{ SLAB_CACHE_DMA, "CACHE_DMA" },
		{ SLAB_STORE_USER, "STORE_USER" },
		{ SLAB_RECLAIM_ACCOUNT, "RECLAIM_ACCOUNT" },
		{ SLAB_PANIC, "PANIC" },
		{ SLAB_DESTROY_BY_RCU, "DESTROY_BY_RCU" },
		{ SLAB_MEM_SPREAD, "MEM_SPREAD" },
		{ SLAB_TRACE, "TRACE" },
		{ SLAB_DEBUG_OBJECTS, "DEBUG_OBJECTS" },
		{ SLAB_NOLEAKTRACE, "NOLEAKTRACE" },
		{ SLAB_NOTRACK, "NOTRACK" },
		{ SLAB_FAILSLAB, "FAILSLAB" },
		{ __CMPXCHG_DOUBLE, "__CMPXCHG_DOUBLE" },
		{ __OBJECT_POISON, "__OBJECT_POISON" },
	};
	unsigned long rest = flags;
	size_t i;
	int n = 0;

	fputs("<TR><TD ALIGN=\"LEFT\">flags</TD><TD COLSPAN=\"3\" "
	      "ALIGN=\"LEFT\" BALIGN=\"LEFT\">", out);
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (!(flags & names[i].bit) || !(rest & names[i].bit))
			continue;
		rest &= ~names[i].bit;
		fprintf(out, "%s%s", n ? (n % 2 ? " | " : " |<BR/>") : "",
			names[i].name);
		n++;
	}
	if (rest)
		fprintf(out, "%s0x%lx", n ? " | " : "", rest);
	fputs("</TD></TR>\n", out);
}

/* A kmem_cache record; the overview of slab_caches adds a count of slabs
 * instead of the cpu_slab and node[] pointers. */
/* Two "field | value" pairs to a row of a kmem_cache record. */
#define CELL	"<TD ALIGN=\"LEFT\">%s</TD><TD ALIGN=\"LEFT\">"

static void write_cache(FILE *out, int ci, const struct slub_snap_cache *c,
			bool overview)
{
	int i;

	fprintf(out, "c%d [label=<<TABLE BORDER=\"0\" CELLBORDER=\"1\" "
		"CELLSPACING=\"0\" CELLPADDING=\"2\">\n", ci);
	if (overview) {
		fprintf(out, "<TR><TD BGCOLOR=\"" COL_HEADER "\" PORT=\"list\">"
			"kmem_cache <B>");
		dot_put_html(out, c->name);
		fputs("</B></TD></TR>\n", out);
	} else {
		fprintf(out, "<TR><TD COLSPAN=\"4\" BGCOLOR=\"" COL_HEADER
			"\" PORT=\"list\"><B>struct kmem_cache</B></TD></TR>\n");
	}
	if (!overview) {
		fputs("<TR><TD ALIGN=\"LEFT\">name</TD><TD COLSPAN=\"3\" "
		      "ALIGN=\"LEFT\"><B>", out);
		dot_put_html(out, c->name);
		fputs("</B></TD></TR>\n", out);
	}
	if (!overview && c->nr_aliases > 0 && c->aliases) {
		fputs("<TR><TD ALIGN=\"LEFT\">aliases</TD><TD COLSPAN=\"3\" "
		      "ALIGN=\"LEFT\">", out);
		for (i = 0; i < c->nr_aliases; i++) {
			if (i)
				fputs(", ", out);
			dot_put_html(out, c->aliases[i]);
		}
		fputs("</TD></TR>\n", out);
	}
	if (overview) {		/* the fields that tell caches apart */
		unsigned long inuse = 0, objects = 0;

		for (i = 0; i < c->nr_slabs; i++) {
			inuse += c->slabs[i].inuse;
			objects += c->slabs[i].objects;
		}
		fprintf(out, "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">"
			"size %u, object_size %u<BR/>order %u, %u objects<BR/>"
			"%d slab%s, %lu/%lu in use</TD></TR>\n</TABLE>>];\n",
			c->size, c->object_size, c->order, c->objects,
			c->nr_slabs, c->nr_slabs == 1 ? "" : "s", inuse,
			objects);
		return;
	}
	fprintf(out, "<TR>" CELL "%u</TD>" CELL "%u</TD></TR>\n",
		"size", c->size, "object_size", c->object_size);
	fprintf(out, "<TR>" CELL "%u</TD>" CELL "%u</TD></TR>\n",
		"align", c->align, "offset", c->offset);
	fprintf(out, "<TR>" CELL "%lu</TD>" CELL "%u</TD></TR>\n",
		"min_partial", c->min_partial, "cpu_partial", c->cpu_partial);
	fprintf(out, "<TR>" CELL "%d</TD><TD ALIGN=\"LEFT\">oo</TD>"
		"<TD ALIGN=\"LEFT\">order %u, %u objects</TD></TR>\n",
		"refcount", c->refcount, c->order, c->objects);
	if (c->flags)
		write_flags(out, c->flags);
	if (c->sheaf_capacity)
		fprintf(out, "<TR><TD ALIGN=\"LEFT\">sheaf_capacity</TD><TD "
			"ALIGN=\"LEFT\" COLSPAN=\"3\">%u</TD></TR>\n",
			c->sheaf_capacity);
	fprintf(out, "<TR><TD ALIGN=\"LEFT\">%s</TD><TD PORT=\"cpu\">"
		"&#8226;</TD><TD ALIGN=\"LEFT\">node[]</TD><TD "
		"PORT=\"nodes\">&#8226;</TD></TR>\n", c->sheaf_capacity ?
		"cpu_sheaves" : "cpu_slab");
	fputs("</TABLE>>];\n", out);
}

/* A CPU of a sheaf cache: its slub_percpu_sheaves. */
static void write_pcs(FILE *out, int ci, const struct slub_snap_cache *c,
		      int cpu, bool current)
{
	const struct slub_snap_cpu *cc = &c->cpu[cpu];

	fprintf(out, "c%d_cpu%d [label=<<TABLE BORDER=\"0\" CELLBORDER=\"1\" "
		"CELLSPACING=\"0\" CELLPADDING=\"2\"%s>\n", ci, cpu,
		current ? " COLOR=\"#b2182b\"" : "");
	fprintf(out, "<TR><TD COLSPAN=\"2\" BGCOLOR=\"" COL_HEADER
		"\" PORT=\"hd\"><B>slub_percpu_sheaves</B><BR/>cpu %d%s</TD>"
		"</TR>\n", cpu, current ? ", running" : "");
	row(out, "main", "main", "%d of %u", cc->main_size, c->sheaf_capacity);
	if (cc->spare_size >= 0)
		row(out, "spare", "spare", "%d of %u", cc->spare_size,
		    c->sheaf_capacity);
	else
		row(out, "spare", "spare", "NULL");
	fputs("</TABLE>>];\n", out);
}

/* A sheaf's row of slots, the first n filled and numbered; ends its table. */
static void slot_cells(FILE *out, const struct slub_snap_cache *c,
		       const struct palette_entry *e, int cap, int n)
{
	int i;

	for (i = 0; i < cap; i++) {
		if (i < n)
			fprintf(out, "<TD PORT=\"k%d\" BGCOLOR=\"#%06x\" "
				"WIDTH=\"17\" HEIGHT=\"9\"><FONT FACE=\"" MONO
				"\" COLOR=\"#%06x\" POINT-SIZE=\"%d\">%d</FONT>"
				"</TD>", i, e->fill, e->ink, small_pt(c), i);
		else
			fprintf(out, "<TD PORT=\"k%d\" WIDTH=\"17\" "
				"HEIGHT=\"9\"> </TD>", i);
	}
	if (cap <= 0)
		fputs("<TD> </TD>", out);
	fputs("</TR></TABLE>>];\n", out);
}

/*
 * A sheaf: its slots in a row, those of objects[0 .. size) filled and
 * numbered, with an edge from each to its object's cell (or to the
 * ellipsis of a slab not drawn whole); drawn[] says which slabs are.
 */
static void write_sheaf(FILE *out, int ci, const struct slub_snap_cache *c,
			int cpu, bool spare, const unsigned char *drawn)
{
	const struct slub_snap_cpu *cc = &c->cpu[cpu];
	const struct slub_snap_ref *ref = spare ? cc->spare : cc->main;
	int n = spare ? cc->spare_size : cc->main_size, i;
	int cap = (int)c->sheaf_capacity;
	const struct palette_entry *e = &palette[PAL_SHEAF];
	const char *which = spare ? "spare" : "main";

	if (n < 0)
		return;
	/* in the column of the slabs, which the records then hang over */
	fprintf(out, "c%d_cpu%d_%s [group=slabs, label=<<TABLE BORDER=\"0\" "
		"CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"1\">\n"
		"<TR><TD COLSPAN=\"%d\" BGCOLOR=\"" COL_HEADER "\" PORT=\"hd\">"
		"<B>%s sheaf</B> size %d</TD></TR>\n<TR>", ci, cpu, which,
		cap > 0 ? cap : 1, which, n);
	slot_cells(out, c, e, cap, n);
	fprintf(out, "c%d_cpu%d:%s -> c%d_cpu%d_%s:hd [color=\"" COL_LIST_EDGE
		"\"];\n", ci, cpu, which, ci, cpu, which);
	for (i = 0; ref && i < n; i++) {
		const struct slub_snap_slab *sl;

		if (!valid_slab(c, ref[i].slab) || !drawn[ref[i].slab])
			continue;
		sl = &c->slabs[ref[i].slab];
		if (!valid_obj(sl, ref[i].obj))
			continue;
		fprintf(out, "c%d_cpu%d_%s:k%d:s -> c%d_s%d:", ci, cpu, which,
			i, ci, ref[i].slab);
		if ((unsigned int)ref[i].obj < shown(sl))
			fprintf(out, "o%d:n", ref[i].obj);
		else
			fputs("more:n", out);
		fprintf(out, " [color=\"#%06x\", constraint=false, "
			"arrowsize=0.4];\n", PALETTE_SHEAF_LINE);
	}
}

/*
 * A prefilled sheaf a caller holds, as write_sheaf() draws a CPU's: its
 * slots in a row, objects[0 .. size) filled in the prefilled colour and
 * numbered, an edge from each to its object's cell. Under the records,
 * the first hung from the first CPU's, each other under the one before,
 * so that they sit above the slabs in a column and keep the figure
 * narrow.
 */
static void write_held(FILE *out, int ci, const struct slub_snap_cache *c,
		       int h, const unsigned char *drawn,
		       const struct held_names *nm)
{
	const struct slub_snap_prefilled *p = &c->prefilled[h];
	const struct palette_entry *e = &palette[PAL_PREFILLED];
	int cap = (int)p->capacity, i;
	char nb[24];

	fprintf(out, "c%d_held%d [label=<<TABLE BORDER=\"0\" "
		"CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"1\">\n"
		"<TR><TD COLSPAN=\"%d\" BGCOLOR=\"" COL_HEADER "\" PORT=\"hd\">"
		"<B>prefilled sheaf</B> ", ci, h, cap > 0 ? cap : 1);
	dot_put_html(out, held_name(nm, c, h, nb, sizeof(nb)));
	fprintf(out, ", size %d</TD></TR>\n<TR>", p->size);
	slot_cells(out, c, e, cap, p->size);
	if (h)
		fprintf(out, "c%d_held%d -> c%d_held%d [style=invis];\n", ci,
			h - 1, ci, h);
	else
		fprintf(out, "c%d_cpu0 -> c%d_held0 [style=invis];\n", ci, ci);
	for (i = 0; p->objects && i < p->size; i++) {
		const struct slub_snap_ref *ref = &p->objects[i];
		const struct slub_snap_slab *sl;

		if (!valid_slab(c, ref->slab) || !drawn[ref->slab])
			continue;
		sl = &c->slabs[ref->slab];
		if (!valid_obj(sl, ref->obj))
			continue;
		fprintf(out, "c%d_held%d:k%d:s -> c%d_s%d:", ci, h, i, ci,
			ref->slab);
		if ((unsigned int)ref->obj < shown(sl))
			fprintf(out, "o%d:n", ref->obj);
		else
			fputs("more:n", out);
		fprintf(out, " [color=\"#%06x\", constraint=false, "
			"arrowsize=0.4];\n", PALETTE_SHEAF_LINE);
	}
}

/*
 * A node's barn: two stacks, full sheaves and empty ones, as many places
 * as the barn's limits, filled from the bottom.
 */
static void write_barn(FILE *out, int ci, const struct slub_snap_cache *c,
		       int n)
{
	const struct slub_snap_node *nd = &c->node[n];
	int rows = nd->barn_max_full > nd->barn_max_empty ?
		   nd->barn_max_full : nd->barn_max_empty, i;

	fprintf(out, "c%d_node%d_barn [label=<<TABLE BORDER=\"0\" "
		"CELLBORDER=\"1\" CELLSPACING=\"1\" CELLPADDING=\"1\">\n"
		"<TR><TD COLSPAN=\"2\" BGCOLOR=\"" COL_HEADER "\" PORT=\"hd\">"
		"<B>barn</B> node %d</TD></TR>\n<TR><TD BORDER=\"0\"><FONT "
		"POINT-SIZE=\"%d\">full %d/%d</FONT></TD><TD BORDER=\"0\">"
		"<FONT POINT-SIZE=\"%d\">empty %d/%d</FONT></TD></TR>\n", ci, n,
		n, small_pt(c), nd->barn_full, nd->barn_max_full, small_pt(c),
		nd->barn_empty, nd->barn_max_empty);
	/* a sheaf in its colour; a place for one as a pale outline */
	for (i = rows - 1; i >= 0; i--)
		fprintf(out, "<TR><TD HEIGHT=\"4\" WIDTH=\"44\" %s=\"#%06x\">"
			"</TD><TD HEIGHT=\"4\" WIDTH=\"44\" %s=\"#%06x\"></TD>"
			"</TR>\n", i < nd->barn_full ? "BGCOLOR" : "COLOR",
			i < nd->barn_full ? palette[PAL_BARN].fill :
			COL_PLACE, i < nd->barn_empty ? "BGCOLOR" : "COLOR",
			i < nd->barn_empty ? COL_EMPTY_SHEAF : COL_PLACE);
	fputs("</TABLE>>];\n", out);
	fprintf(out, "c%d_node%d:barn -> c%d_node%d_barn:hd [color=\""
		COL_LIST_EDGE "\"];\n", ci, n, ci, n);
}

static void write_cpu(FILE *out, int ci, const struct slub_snap_cache *c,
		      int cpu, bool current)
{
	const struct slub_snap_cpu *cc = &c->cpu[cpu];

	if (c->sheaf_capacity) {
		write_pcs(out, ci, c, cpu, current);
		return;
	}

	fprintf(out, "c%d_cpu%d [label=<<TABLE BORDER=\"0\" CELLBORDER=\"1\" "
		"CELLSPACING=\"0\" CELLPADDING=\"2\"%s>\n", ci, cpu,
		current ? " COLOR=\"#b2182b\"" : "");
	fprintf(out, "<TR><TD COLSPAN=\"2\" BGCOLOR=\"" COL_HEADER
		"\" PORT=\"hd\"><B>kmem_cache_cpu</B><BR/>cpu %d%s</TD></TR>\n",
		cpu, current ? ", running" : "");
	row(out, NULL, "tid", "%lu", cc->tid);
	if (valid_slab(c, cc->slab))
		row(out, "page", "page", "pfn 0x%lx", c->slabs[cc->slab].pfn);
	else
		row(out, "page", "page", "NULL");
	if (cc->freelist >= 0)
		row(out, "fl", "freelist", "object %d", cc->freelist);
	else
		row(out, "fl", "freelist", "NULL");
	row(out, "partial", "partial", "%s", cc->nr_partial > 0 ?
	    "&#8226;" : "NULL");
	fputs("</TABLE>>];\n", out);
}

static void write_node(FILE *out, int ci, const struct slub_snap_cache *c,
		       int n)
{
	const struct slub_snap_node *nd = &c->node[n];

	fprintf(out, "c%d_node%d [label=<<TABLE BORDER=\"0\" CELLBORDER=\"1\" "
		"CELLSPACING=\"0\" CELLPADDING=\"2\">\n", ci, n);
	fprintf(out, "<TR><TD COLSPAN=\"2\" BGCOLOR=\"" COL_HEADER
		"\" PORT=\"hd\"><B>kmem_cache_node</B><BR/>node %d</TD></TR>\n",
		n);
	row(out, NULL, "nr_partial", "%lu", nd->nr_partial);
	row(out, "partial", "partial", "%s", nd->nr_partial > 0 ?
	    "&#8226;" : "(empty)");
	if (nd->nr_full > 0)
		row(out, "full", "full", "%d slabs", nd->nr_full);
	if (c->sheaf_capacity)
		row(out, "barn", "barn", "&#8226;");
	fputs("</TABLE>>];\n", out);
}

/*
 * The place of every object on a freelist that starts at first, from 1
 * (0: not on it), in pos[]; a cycle (a corrupted list) stops the walk.
 */
static void list_order(const struct slub_snap_slab *sl, int first, int *pos)
{
	int i, n = 0;

	if (!sl->obj)
		return;
	for (i = first; valid_obj(sl, i) && !pos[i]; i = sl->obj[i].next)
		pos[i] = ++n;
}

/*
 * A slab is a block of object cells, SNAPSHOT_DOT_ROW to a row (half as
 * many in a cache with sheaves, whose figure is wider), under a
 * strip that names it (pfn in hex, as slubviz shows it). As in slubviz the
 * free cells are numbered in list order: c1, c2 ... along the CPU's
 * freelist (cpu_free is its head, or -1), p1, p2 ... along the slab's own.
 */
/*
 * The sheaf slots of slab k's objects, as slubviz tags them: slot m of a
 * main sheaf is m<m>, of a spare s<m>, after the CPU's number when there
 * are several (1m2); in spos[] as m + 1, or -(m + 1), the CPU in scpu[].
 */
static void sheaf_order(const struct slub_snapshot *snap,
			const struct slub_snap_cache *c, int k,
			const struct slub_snap_slab *sl, int *spos, int *scpu)
{
	int cpu, spare, i, n;

	for (cpu = 0; c->sheaf_capacity && cpu < snap->nr_cpus; cpu++) {
		for (spare = 0; spare < 2; spare++) {
			const struct slub_snap_cpu *cc = &c->cpu[cpu];
			const struct slub_snap_ref *ref = spare ? cc->spare :
							  cc->main;

			n = spare ? cc->spare_size : cc->main_size;
			for (i = 0; ref && i < n; i++)
				if (ref[i].slab == k &&
				    valid_obj(sl, ref[i].obj)) {
					spos[ref[i].obj] = spare ? -(i + 1) :
							   i + 1;
					scpu[ref[i].obj] = cpu;
				}
		}
	}
}

/* The held-sheaf slot of each object of slab k: hpos[] = slot + 1, and
 * the sheaf in hsh[]. */
static void held_order(const struct slub_snap_cache *c, int k,
		       const struct slub_snap_slab *sl, int *hpos, int *hsh)
{
	int h, i;

	for (h = 0; h < c->nr_prefilled; h++) {
		const struct slub_snap_prefilled *p = &c->prefilled[h];

		for (i = 0; p->objects && i < p->size; i++)
			if (p->objects[i].slab == k &&
			    valid_obj(sl, p->objects[i].obj)) {
				hpos[p->objects[i].obj] = i + 1;
				hsh[p->objects[i].obj] = h;
			}
	}
}

static void write_slab(FILE *out, const struct slub_snapshot *snap, int ci,
		       const struct slub_snap_cache *c, int k, int cpu_free,
		       const struct held_names *nm)
{
	const struct slub_snap_slab *sl = &c->slabs[k];
	unsigned int i, n = shown(sl), allocated = 0, nfree = 0, cols, row_len;
	int *cpos = calloc(sl->objects + 1, sizeof(int));
	int *ppos = calloc(sl->objects + 1, sizeof(int));
	int *spos = calloc(sl->objects + 1, sizeof(int));
	int *scpu = calloc(sl->objects + 1, sizeof(int));
	int *hpos = calloc(sl->objects + 1, sizeof(int));
	int *hsh = calloc(sl->objects + 1, sizeof(int));

	if (cpos && ppos && spos && scpu && hpos && hsh) {
		list_order(sl, cpu_free, cpos);
		list_order(sl, sl->freelist, ppos);
		sheaf_order(snap, c, k, sl, spos, scpu);
		held_order(c, k, sl, hpos, hsh);
	} else {
		free(spos);
		spos = NULL;
		free(hpos);
		hpos = NULL;
	}
	/* a sheaf cache's figure has its sheaves beside the slabs: narrower
	 * slabs */
	row_len = c->sheaf_capacity ? SNAPSHOT_DOT_ROW / 2 : SNAPSHOT_DOT_ROW;
	cols = n < row_len ? (n ? n : 1) : row_len;
	fprintf(out, "c%d_s%d [group=slabs, label=<<TABLE BORDER=\"0\" "
		"CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"1\">\n",
		ci, k);
	fprintf(out, "<TR><TD COLSPAN=\"%u\" BGCOLOR=\"" COL_HEADER
		"\" PORT=\"hd\" ALIGN=\"LEFT\" BALIGN=\"LEFT\"><B>page</B> "
		"pfn 0x%lx, order %d, inuse %u/%u<BR/>%s",
		cols + (n < sl->objects), sl->pfn, sl->order, sl->inuse,
		sl->objects, sl->frozen ? "frozen, " : "");
	fputs(where_name(sl->where), out);
	if (sl->where == SLUB_SLAB_CPU || sl->where == SLUB_SLAB_CPU_PARTIAL)
		fprintf(out, ", cpu %d", sl->owner);
	if (sl->where == SLUB_SLAB_CPU_PARTIAL && sl->pages > 0)
		fprintf(out, "; pages %d, pobjects %d", sl->pages,
			sl->pobjects);
	if (valid_obj(sl, sl->freelist))
		fprintf(out, "; freelist: %d", sl->freelist);
	else
		fputs("; freelist NULL", out);
	fputs("</TD></TR>\n", out);
	for (i = 0; i < sl->objects && sl->obj; i++)
		if (sl->obj[i].state != SLUB_OBJ_ALLOCATED)
			break;
	if (sl->obj && i == sl->objects && n == sl->objects) {
		/* A full slab: one bar, as slubviz draws a slab zoomed out. */
		const struct palette_entry *e = obj_paint(SLUB_OBJ_ALLOCATED);

		fprintf(out, "<TR><TD PORT=\"o0\" COLSPAN=\"%u\" BGCOLOR="
			"\"#%06x\"><FONT COLOR=\"#%06x\">all %u objects "
			"allocated</FONT></TD></TR>\n</TABLE>>];\n", cols,
			e->fill, e->ink, sl->objects);
		free(cpos);
		free(ppos);
		free(spos);
		free(scpu);
		free(hpos);
		free(hsh);
		return;
	}
	for (i = 0; i < n; i++) {
		const struct palette_entry *e =
			obj_paint(sl->obj ? sl->obj[i].state :
				  SLUB_OBJ_ALLOCATED);
		char tag[64] = "", nb[24];

		if (hpos && hpos[i])
			snprintf(tag, sizeof(tag), "%.40s:%d",
				 held_name(nm, c, hsh[i], nb, sizeof(nb)),
				 hpos[i] - 1);
		else if (cpos && cpos[i])
			snprintf(tag, sizeof(tag), "c%d", cpos[i]);
		else if (ppos && ppos[i])
			snprintf(tag, sizeof(tag), "p%d", ppos[i]);
		else if (spos && spos[i] && snap->nr_cpus > 1)
			snprintf(tag, sizeof(tag), "%d%c%d", scpu[i],
				 spos[i] > 0 ? 'm' : 's', abs(spos[i]) - 1);
		else if (spos && spos[i])
			snprintf(tag, sizeof(tag), "%c%d", spos[i] > 0 ? 'm' :
				 's', abs(spos[i]) - 1);
		if (i % cols == 0)
			fputs("<TR>", out);
		fprintf(out, "<TD PORT=\"o%u\" BGCOLOR=\"#%06x\" "
			"WIDTH=\"17\" HEIGHT=\"9\">", i, e->fill);
		if (*tag) {
			fprintf(out, "<FONT FACE=\"" MONO "\" COLOR=\"#%06x\" "
				"POINT-SIZE=\"%d\">", e->ink, small_pt(c));
			dot_put_html(out, tag);
			fputs("</FONT>", out);
		}
		fputs("</TD>", out);
		if (i % cols == cols - 1 || i + 1 == n) {
			if (i + 1 == n && n < sl->objects) {
				for (i = n; i < sl->objects; i++) {
					if (sl->obj && sl->obj[i].state !=
					    SLUB_OBJ_ALLOCATED)
						nfree++;
					else
						allocated++;
				}
				fprintf(out, "<TD PORT=\"more\"><FONT "
					"POINT-SIZE=\"%d\">&#8230; %u more: "
					"%u allocated, %u free</FONT></TD>",
					small_pt(c), sl->objects - n,
					allocated, nfree);
				i = n - 1;
			}
			fputs("</TR>\n", out);
		}
	}
	if (n == 0)
		fputs("<TR><TD PORT=\"more\"> </TD></TR>\n", out);
	fputs("</TABLE>>];\n", out);
	free(cpos);
	free(ppos);
	free(spos);
	free(scpu);
	free(hpos);
	free(hsh);
}

/* What write_cache_state() draws of one cache. */
struct cache_draw {
	FILE *out;
	int ci;
	const struct slub_snap_cache *c;
	unsigned char *drawn;	/* per slab: 1 if drawn */
	unsigned char *placed;	/* per slab: 1 once in col[] */
	int nr_more;		/* "... more slabs" nodes written */
	int *col, nr_col;	/* the column, top down: slab k, or -1 - m
				 * for the m-th "more" node */
};

/* Append slab k to the column, once, if it is drawn. */
static void place(struct cache_draw *d, int k)
{
	if (!valid_slab(d->c, k) || !d->drawn[k] || d->placed[k])
		return;
	d->placed[k] = 1;
	d->col[d->nr_col++] = k;
}

static void put_col_node(FILE *out, const struct cache_draw *d, int k)
{
	if (k == INT_MIN)
		fprintf(out, "c%d_full", d->ci);
	else if (k >= 0)
		fprintf(out, "c%d_s%d", d->ci, k);
	else
		fprintf(out, "c%d_more%d", d->ci, -1 - k);
}

/* An ellipsis node for nr slabs left out, below slab prev (or alone). */
static void write_more(struct cache_draw *d, int prev, int nr,
		       const char *what)
{
	fprintf(d->out, "c%d_more%d [label=<<TABLE BORDER=\"0\" "
		"CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"3\" "
		"STYLE=\"dashed\"><TR><TD>&#8230; %d more %s</TD></TR>"
		"</TABLE>>];\n", d->ci, d->nr_more, nr, what);
	if (prev >= 0)
		fprintf(d->out, "c%d_s%d:hd:s -> c%d_more%d:n [color=\""
			COL_LIST_EDGE "\", style=dashed];\n", d->ci, prev,
			d->ci, d->nr_more);
	d->col[d->nr_col++] = -1 - d->nr_more;
	d->nr_more++;
}

/*
 * Edges along a list of slabs, from (from, port); at most
 * SNAPSHOT_DOT_MAX_SLABS of them are drawn, the rest are counted in an
 * ellipsis node.
 */
static void write_slab_list(struct cache_draw *d, const char *from,
			    const char *port, const int *list, int nr,
			    const char *label)
{
	int i, shown = 0, prev = -1;

	if (!list || nr <= 0)
		return;
	for (i = 0; i < nr; i++) {
		if (!valid_slab(d->c, list[i]))
			continue;
		if (shown == SNAPSHOT_DOT_MAX_SLABS)
			break;
		shown++;
		place(d, list[i]);
		if (prev < 0)
			fprintf(d->out, "%s:%s -> c%d_s%d:hd [color=\""
				COL_LIST_EDGE "\", label=\"%s\"];\n",
				from, port, d->ci, list[i], label);
		else	/*
			 * dot puts the tail of a flat edge above its head;
			 * a flat edge takes an xlabel, a label can make the
			 * router lose the edge
			 */
			fprintf(d->out, "c%d_s%d:s -> c%d_s%d:n "
				"[color=\"" COL_LIST_EDGE "\", "
				"xlabel=\"%s\"];\n",
				d->ci, prev, d->ci, list[i], label);
		prev = list[i];
	}
	if (i < nr)
		write_more(d, prev, nr - i, "slabs on this list");
}

/* Mark slab k as on a list, and as drawn if it is among the first. */
static void mark(const struct slub_snap_cache *c, unsigned char *listed,
		 unsigned char *drawn, int k, int pos)
{
	if (!valid_slab(c, k))
		return;
	listed[k] = 1;
	if (pos < SNAPSHOT_DOT_MAX_SLABS)
		drawn[k] = 1;
}

/*
 * Choose the slabs to draw (see write_cache_state()); returns how many
 * slabs on no list are left out.
 */
static int choose_slabs(const struct slub_snapshot *snap,
			struct cache_draw *d)
{
	const struct slub_snap_cache *c = d->c;
	unsigned char *listed = calloc(c->nr_slabs ? c->nr_slabs : 1, 1);
	int cpu, n, k, i, other = 0, left = 0;

	if (!listed) {		/* draw them all */
		memset(d->drawn, 1, c->nr_slabs);
		return 0;
	}
	for (cpu = 0; cpu < snap->nr_cpus; cpu++) {
		const struct slub_snap_cpu *cc = &c->cpu[cpu];

		mark(c, listed, d->drawn, cc->slab, 0);
		for (i = 0; cc->partial && i < cc->nr_partial; i++)
			mark(c, listed, d->drawn, cc->partial[i], i);
	}
	for (n = 0; n < snap->nr_nodes; n++) {
		const struct slub_snap_node *nd = &c->node[n];

		for (i = 0; nd->partial && i < (int)nd->nr_partial; i++)
			mark(c, listed, d->drawn, nd->partial[i], i);
		for (i = 0; nd->full && i < nd->nr_full; i++)
			mark(c, listed, d->drawn, nd->full[i], i);
	}
	for (k = 0; k < c->nr_slabs; k++) {
		if (listed[k])
			continue;
		if (other++ < SNAPSHOT_DOT_MAX_UNLISTED)
			d->drawn[k] = 1;
		else
			left++;
	}
	free(listed);
	return left;
}

/* Every object of the slab allocated (not in a sheaf, not free)? */
static bool all_allocated(const struct slub_snap_slab *sl)
{
	unsigned int i;

	if (sl->inuse != sl->objects)
		return false;
	for (i = 0; sl->obj && i < sl->objects; i++)
		if (sl->obj[i].state != SLUB_OBJ_ALLOCATED)
			return false;
	return true;
}

/* The head of the CPU freelist that threads slab k, or -1. */
static int cpu_freelist_of(const struct slub_snapshot *snap,
			   const struct slub_snap_cache *c, int k)
{
	int cpu;

	for (cpu = 0; cpu < snap->nr_cpus; cpu++)
		if (c->cpu[cpu].slab == k)
			return c->cpu[cpu].freelist;
	return -1;
}

/*
 * The sheaves and barns between the records and the slabs: the main
 * sheaves and the barns on one rank under the records, the spares on the
 * next, the column of slabs below them.
 */
static void write_sheaf_ranks(FILE *out, const struct slub_snapshot *snap,
			      int ci, const struct cache_draw *d)
{
	const struct slub_snap_cache *c = d->c;
	int cpu, n;

	fputs("{rank=same;", out);
	for (cpu = 0; cpu < snap->nr_cpus; cpu++)
		fprintf(out, " c%d_cpu%d_main;", ci, cpu);
	for (n = 0; n < snap->nr_nodes; n++)
		fprintf(out, " c%d_node%d_barn;", ci, n);
	fputs("}\n", out);
	for (cpu = 0; cpu < snap->nr_cpus; cpu++) {
		const char *below = c->cpu[cpu].spare_size >= 0 ? "spare" :
				    "main";

		if (c->cpu[cpu].spare_size >= 0)
			fprintf(out, "c%d_cpu%d_main -> c%d_cpu%d_spare "
				"[style=invis];\n", ci, cpu, ci, cpu);
		if (d->nr_col > 0) {
			fprintf(out, "c%d_cpu%d_%s -> ", ci, cpu, below);
			put_col_node(out, d, d->col[0]);
			fputs(" [style=invis];\n", out);
		}
	}
	for (n = 0; n < snap->nr_nodes && d->nr_col > 0; n++) {
		fprintf(out, "c%d_node%d_barn -> ", ci, n);
		put_col_node(out, d, d->col[0]);
		fputs(" [style=invis];\n", out);
	}
}

/*
 * The per-CPU and per-node records of a cache and its slabs: every cpu
 * slab, the first SNAPSHOT_DOT_MAX_SLABS slabs of each list and of the
 * slabs on no list; the rest are counted in "... more" nodes.
 */
static void write_cache_state(FILE *out, const struct slub_snapshot *snap,
			      int ci, const struct slub_snap_cache *c,
			      const struct held_names *nm)
{
	struct cache_draw d = { .out = out, .ci = ci, .c = c };
	char from[48];
	int cpu, n, k, nr_unlisted = 0, nr_full = 0, *full = NULL;

	d.drawn = calloc(c->nr_slabs + 1, 1);
	d.placed = calloc(c->nr_slabs + 1, 1);
	d.col = calloc(c->nr_slabs + snap->nr_cpus + 2 * snap->nr_nodes + 2,
		       sizeof(*d.col));
	if (!d.drawn || !d.placed || !d.col)
		goto out;
	for (cpu = 0; cpu < snap->nr_cpus; cpu++) {
		write_cpu(out, ci, c, cpu, cpu == snap->current_cpu);
		fprintf(out, "c%d:cpu -> c%d_cpu%d:hd [color=\"" COL_LIST_EDGE
			"\", label=\"cpu %d\"];\n", ci, ci, cpu, cpu);
	}
	for (n = 0; n < snap->nr_nodes; n++) {
		write_node(out, ci, c, n);
		fprintf(out, "c%d:nodes -> c%d_node%d:hd [color=\""
			COL_LIST_EDGE "\", label=\"node %d\"];\n",
			ci, ci, n, n);
	}
	nr_unlisted = choose_slabs(snap, &d);
	full = calloc(c->nr_slabs + 1, sizeof(*full));
	for (k = 0; full && k < c->nr_slabs; k++) {
		/* a full slab on no list has nothing to show but its pfn */
		if (d.drawn[k] && c->slabs[k].where == SLUB_SLAB_UNLISTED &&
		    all_allocated(&c->slabs[k])) {
			d.drawn[k] = 0;
			full[nr_full++] = k;
		}
	}
	for (k = 0; k < c->nr_slabs; k++) {
		if (!d.drawn[k])
			continue;
		write_slab(out, snap, ci, c, k, cpu_freelist_of(snap, c, k),
			   nm);
	}
	/* the slabs the sheaves point into first, right under them */
	for (cpu = 0; c->sheaf_capacity && cpu < snap->nr_cpus; cpu++) {
		const struct slub_snap_cpu *cc = &c->cpu[cpu];

		for (k = 0; cc->main && k < cc->main_size; k++)
			place(&d, cc->main[k].slab);
		for (k = 0; cc->spare && k < cc->spare_size; k++)
			place(&d, cc->spare[k].slab);
	}
	for (cpu = 0; cpu < snap->nr_cpus; cpu++) {
		const struct slub_snap_cpu *cc = &c->cpu[cpu];

		snprintf(from, sizeof(from), "c%d_cpu%d", ci, cpu);
		place(&d, cc->slab);
		if (valid_slab(c, cc->slab)) {
			fprintf(out, "%s:page -> c%d_s%d:hd [color=\""
				COL_LIST_EDGE "\"];\n", from, ci, cc->slab);
			/*
			 * No arrow for c->freelist: its head is the cell
			 * numbered c1, and an arrow into a row of cells
			 * would swing out past the side of the figure.
			 */
		}
		write_slab_list(&d, from, "partial", cc->partial,
				cc->nr_partial, "next");
	}
	for (n = 0; n < snap->nr_nodes; n++) {
		const struct slub_snap_node *nd = &c->node[n];

		snprintf(from, sizeof(from), "c%d_node%d", ci, n);
		write_slab_list(&d, from, "partial", nd->partial,
				(int)nd->nr_partial, "lru");
		write_slab_list(&d, from, "full", nd->full, nd->nr_full,
				"lru");
	}
	for (k = 0; k < c->nr_slabs; k++)	/* the slabs on no list */
		place(&d, k);
	for (cpu = 0; c->sheaf_capacity && cpu < snap->nr_cpus; cpu++) {
		write_sheaf(out, ci, c, cpu, false, d.drawn);
		write_sheaf(out, ci, c, cpu, true, d.drawn);
	}
	for (n = 0; c->sheaf_capacity && n < snap->nr_nodes; n++)
		write_barn(out, ci, c, n);
	for (k = 0; snap->nr_cpus > 0 && k < c->nr_prefilled; k++)
		write_held(out, ci, c, k, d.drawn, nm);
	if (nr_full) {
		const struct palette_entry *e = obj_paint(SLUB_OBJ_ALLOCATED);

		fprintf(out, "c%d_full [group=slabs, label=<<TABLE BORDER=\"0\" "
			"CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"3\">"
			"<TR><TD BGCOLOR=\"" COL_HEADER "\" ALIGN=\"LEFT\">"
			"%d full slab%s on no list, every object allocated:"
			"</TD></TR><TR><TD BGCOLOR=\"#%06x\" BALIGN=\"LEFT\">"
			"<FONT COLOR=\"#%06x\">", ci, nr_full,
			nr_full == 1 ? "" : "s", e->fill, e->ink);
		for (k = 0; k < nr_full; k++)
			fprintf(out, "%spfn 0x%lx", k ? (k % 4 ? ", " : ",<BR/>") :
				"", c->slabs[full[k]].pfn);
		fputs("</FONT></TD></TR></TABLE>>];\n", out);
		d.col[d.nr_col++] = INT_MIN;	/* the full node */
	}
	if (nr_unlisted)
		write_more(&d, -1, nr_unlisted, "slabs on no list");
	/*
	 * All slabs in one column, top down, in a fixed order: each CPU's
	 * slab and partial chain, then each node's lists, then the rest.
	 * Invisible edges put each on a rank of its own.
	 */
	/* The slabs under the records, in the column of the cache record. */
	if (d.nr_col > 0 && !c->sheaf_capacity) {
		fprintf(out, "c%d [group=slabs];\n", ci);
		for (cpu = 0; cpu < snap->nr_cpus; cpu++) {
			fprintf(out, "c%d_cpu%d -> ", ci, cpu);
			put_col_node(out, &d, d.col[0]);
			fputs(" [style=invis];\n", out);
		}
		for (n = 0; n < snap->nr_nodes; n++) {
			fprintf(out, "c%d_node%d -> ", ci, n);
			put_col_node(out, &d, d.col[0]);
			fputs(" [style=invis];\n", out);
		}
	}
	fputs("{rank=same;", out);
	for (cpu = 0; cpu < snap->nr_cpus; cpu++)
		fprintf(out, " c%d_cpu%d;", ci, cpu);
	for (n = 0; n < snap->nr_nodes; n++)
		fprintf(out, " c%d_node%d;", ci, n);
	fputs("}\n", out);
	if (c->sheaf_capacity)
		write_sheaf_ranks(out, snap, ci, &d);
	for (k = 0; k + 1 < d.nr_col; k++) {
		put_col_node(out, &d, d.col[k]);
		fputs(" -> ", out);
		put_col_node(out, &d, d.col[k + 1]);
		fputs(" [style=invis];\n", out);
	}
out:
	free(full);
	free(d.drawn);
	free(d.placed);
	free(d.col);
}

static bool cache_matches(const struct slub_snap_cache *c, const char *name)
{
	int i;

	if (c->name && !strcmp(c->name, name))
		return true;
	for (i = 0; i < c->nr_aliases && c->aliases; i++)
		if (c->aliases[i] && !strcmp(c->aliases[i], name))
			return true;
	return false;
}

static bool cache_sane(const struct slub_snapshot *snap,
		       const struct slub_snap_cache *c)
{
	if (c->nr_slabs < 0 || (c->nr_slabs > 0 && !c->slabs))
		return false;
	if (snap->nr_cpus > 0 && !c->cpu)
		return false;
	if (snap->nr_nodes > 0 && !c->node)
		return false;
	if (c->nr_prefilled < 0 || (c->nr_prefilled > 0 && !c->prefilled))
		return false;
	return true;
}

static void write_header(FILE *out, bool legend,
			 const struct slub_snap_cache *c)
{
	fprintf(out, "digraph slub {\n"
	      "graph [rankdir=%s, newrank=true, nodesep=0.06, ranksep=0.15, ",
	      legend ? "TB" : "LR");
	fputs(
	      "fontname=\"" FONT "\", fontsize=10];\n"
	      "node [shape=plaintext, fontname=\"" FONT "\", fontsize=10];\n"
	      "edge [fontname=\"" FONT "\", fontsize=10, arrowsize=0.6];\n",
	      out);
	if (legend)
		write_legend(out, c);
	else
		fputs("slab_caches [label=<<TABLE BORDER=\"0\" CELLBORDER=\"1\" "
		      "CELLSPACING=\"0\" CELLPADDING=\"3\"><TR><TD BGCOLOR=\""
		      COL_HEADER "\"><B>slab_caches</B></TD></TR></TABLE>>];\n",
		      out);
}

/*
 * The overview: every cache on slab_caches, in list order, as
 * SNAPSHOT_DOT_OVERVIEW_COLS columns of short records, so that the figure
 * fits the width of a portrait page. Inside a
 * column the list runs downwards (flat edges); from the foot of one column
 * it goes to the head of the next, which an invisible edge from the head of
 * the column before holds level with it.
 */
static void write_overview(FILE *out, const struct slub_snapshot *snap)
{
	int ci, rows = 1, prev = -1;

	while (rows * SNAPSHOT_DOT_OVERVIEW_COLS < snap->nr_caches)
		rows++;
	write_header(out, false, NULL);
	for (ci = 0; ci < snap->nr_caches; ci++) {
		write_cache(out, ci, &snap->caches[ci], true);
		if (prev < 0)
			fprintf(out, "slab_caches -> c%d:list [color=\""
				COL_LIST_EDGE "\", xlabel=\"list\"];\n", ci);
		else if (ci % rows)
			fprintf(out, "c%d -> c%d [color=\"" COL_LIST_EDGE
				"\", xlabel=\"list\"];\n", prev, ci);
		else	/* a new column, its head level with the first */
			fprintf(out, "c%d -> c%d:list [color=\"" COL_LIST_EDGE
				"\", constraint=false, weight=0];\n"
				"c%d -> c%d [style=invis, weight=20];\n",
				prev, ci, ci - rows, ci);
		prev = ci;
	}
	for (ci = 0; ci < snap->nr_caches; ci++) {
		if (ci % rows == 0)
			fputs(ci ? "{rank=same;" : "{rank=same; slab_caches;",
			      out);
		fprintf(out, " c%d;", ci);
		if (ci % rows == rows - 1 || ci == snap->nr_caches - 1)
			fputs("}\n", out);
	}
}

int slub_snapshot_write_dot(FILE *out, const struct slub_snapshot *snap,
			    const char *cache)
{
	return slub_snapshot_write_dot_named(out, snap, cache, NULL, NULL);
}

int slub_snapshot_write_dot_named(FILE *out, const struct slub_snapshot *snap,
				  const char *cache,
				  const char *(*name)(void *arg,
						      unsigned int id),
				  void *arg)
{
	struct held_names nm = { name, arg };
	int ci, found = -1;

	if (!out || !snap || snap->nr_caches < 0 ||
	    (snap->nr_caches > 0 && !snap->caches))
		return -1;
	for (ci = 0; ci < snap->nr_caches; ci++) {
		const struct slub_snap_cache *c = &snap->caches[ci];

		if (c->nr_slabs < 0 || (c->nr_slabs > 0 && !c->slabs))
			return -1;
		if (cache && found < 0 && cache_matches(c, cache))
			found = ci;
	}
	if (!cache) {
		write_overview(out, snap);
	} else {
		const struct slub_snap_cache *c;

		if (found < 0 || !cache_sane(snap, &snap->caches[found]))
			return -1;
		c = &snap->caches[found];
		write_header(out, true, &snap->caches[found]);
		write_cache(out, found, c, false);
		write_cache_state(out, snap, found, c, &nm);
		/* The list head and the legend level with the record. */
		fprintf(out, "legend:sc:e -> c%d:list:w [color=\"" COL_LIST_EDGE
			"\", xlabel=\"list\"];\n"
			"{rank=same; legend; c%d;}\n", found, found);
	}
	fputs("}\n", out);
	if (fflush(out) || ferror(out))
		return -1;
	return 0;
}
