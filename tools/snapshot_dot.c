// SPDX-License-Identifier: GPL-2.0-only
/*
 * snapshot_dot.c: a state snapshot as a graphviz digraph (see snapshot_dot.h).
 *
 * The drawing of one cache runs left to right: the slab_caches list head,
 * the kmem_cache record, its kmem_cache_cpu and kmem_cache_node records, and
 * then the slabs, all in one column, so that a long list grows downwards
 * and a figure stays about as wide as a page. The overview of all caches is
 * the kmem_cache records alone, in columns.
 *
 * Node names: c<i> is cache i, c<i>_cpu<j>, c<i>_node<n> its per-CPU and
 * per-node records, c<i>_s<k> its slab k. Ports: o<i> is object i of a
 * slab, "more" the ellipsis cell of an abbreviated slab, "fl" the slab's
 * freelist cell.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "slub.h"
#include "palette.h"
#include "snapshot_dot.h"

/* The objects' colours are the palette's (palette.h); these are the
 * records' and the lists'. */
#define COL_HEADER	"#e8e8e8"
#define COL_LIST_EDGE	"#555555"

#define FONT		"DejaVu Sans"
#define MONO		"DejaVu Sans Mono"

/* Write s with the characters that HTML-like labels reserve escaped. */
static void put_html(FILE *out, const char *s)
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

/* How many object cells a slab shows. */
static unsigned int shown(const struct slub_snap_slab *sl)
{
	if (sl->objects > SNAPSHOT_DOT_MAX_OBJS)
		return SNAPSHOT_DOT_SHOW_OBJS;
	return sl->objects;
}

/* The port an edge to object i of sl ends at. */
static void put_obj_port(FILE *out, const struct slub_snap_slab *sl, int i)
{
	if ((unsigned int)i < shown(sl))
		fprintf(out, "o%d", i);
	else
		fputs("more", out);
}

static void write_legend(FILE *out)
{
	static const enum palette_part states[] = {
		PAL_ALLOCATED, PAL_CPU_FREE, PAL_PAGE_FREE,
	};
	size_t i;

	fprintf(out, "legend [label=<<TABLE BORDER=\"0\" CELLBORDER=\"1\" "
		"CELLSPACING=\"0\" CELLPADDING=\"3\">\n");
	for (i = 0; i < sizeof(states) / sizeof(states[0]); i++) {
		const struct palette_entry *e = &palette[states[i]];

		fprintf(out, "<TR><TD BGCOLOR=\"#%06x\"><FONT COLOR=\"#%06x\">"
			"%s</FONT></TD></TR>\n", e->fill, e->ink, e->legend);
	}
	fprintf(out, "<TR><TD><FONT POINT-SIZE=\"8\">"
		"dashed arc: a run of objects<BR/>"
		"in address order, up or down</FONT></TD></TR>\n"
		"</TABLE>>];\n");
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

	fputs("<TR><TD ALIGN=\"LEFT\">flags</TD><TD ALIGN=\"LEFT\" "
	      "BALIGN=\"LEFT\">", out);
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
static void write_cache(FILE *out, int ci, const struct slub_snap_cache *c,
			bool overview)
{
	int i;

	fprintf(out, "c%d [label=<<TABLE BORDER=\"0\" CELLBORDER=\"1\" "
		"CELLSPACING=\"0\" CELLPADDING=\"3\">\n", ci);
	fprintf(out, "<TR><TD COLSPAN=\"2\" BGCOLOR=\"" COL_HEADER
		"\" PORT=\"list\"><B>struct kmem_cache</B></TD></TR>\n");
	fputs("<TR><TD ALIGN=\"LEFT\">name</TD><TD ALIGN=\"LEFT\"><B>", out);
	put_html(out, c->name);
	fputs("</B></TD></TR>\n", out);
	if (c->nr_aliases > 0 && c->aliases) {
		fputs("<TR><TD ALIGN=\"LEFT\">aliases</TD><TD ALIGN=\"LEFT\">",
		      out);
		for (i = 0; i < c->nr_aliases; i++) {
			if (i)
				fputs(", ", out);
			put_html(out, c->aliases[i]);
		}
		fputs("</TD></TR>\n", out);
	}
	row(out, NULL, "size", "%u", c->size);
	row(out, NULL, "object_size", "%u", c->object_size);
	row(out, NULL, "align", "%u", c->align);
	row(out, NULL, "offset", "%u", c->offset);
	row(out, NULL, "oo", "order %u, %u objects", c->order, c->objects);
	row(out, NULL, "min_partial", "%lu", c->min_partial);
	row(out, NULL, "cpu_partial", "%u", c->cpu_partial);
	row(out, NULL, "refcount", "%d", c->refcount);
	if (c->flags)
		write_flags(out, c->flags);
	if (overview) {
		unsigned long inuse = 0, objects = 0;

		for (i = 0; i < c->nr_slabs; i++) {
			inuse += c->slabs[i].inuse;
			objects += c->slabs[i].objects;
		}
		row(out, NULL, "slabs", "%d, %lu/%lu objects in use",
		    c->nr_slabs, inuse, objects);
	} else {
		row(out, "cpu", "cpu_slab", "&#8226;");
		row(out, "nodes", "node[]", "&#8226;");
	}
	fputs("</TABLE>>];\n", out);
}

static void write_cpu(FILE *out, int ci, const struct slub_snap_cache *c,
		      int cpu, bool current)
{
	const struct slub_snap_cpu *cc = &c->cpu[cpu];

	fprintf(out, "c%d_cpu%d [label=<<TABLE BORDER=\"0\" CELLBORDER=\"1\" "
		"CELLSPACING=\"0\" CELLPADDING=\"3\"%s>\n", ci, cpu,
		current ? " COLOR=\"#b2182b\"" : "");
	fprintf(out, "<TR><TD COLSPAN=\"2\" BGCOLOR=\"" COL_HEADER
		"\" PORT=\"hd\"><B>kmem_cache_cpu</B> (cpu %d%s)</TD></TR>\n",
		cpu, current ? ", running" : "");
	row(out, NULL, "tid", "%lu", cc->tid);
	if (valid_slab(c, cc->slab))
		row(out, "page", "page", "pfn %ld", c->slabs[cc->slab].pfn);
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
		"CELLSPACING=\"0\" CELLPADDING=\"3\">\n", ci, n);
	fprintf(out, "<TR><TD COLSPAN=\"2\" BGCOLOR=\"" COL_HEADER
		"\" PORT=\"hd\"><B>kmem_cache_node</B> (node %d)</TD></TR>\n",
		n);
	row(out, NULL, "nr_partial", "%lu", nd->nr_partial);
	row(out, "partial", "partial", "%s", nd->nr_partial > 0 ?
	    "&#8226;" : "(empty)");
	if (nd->nr_full > 0)
		row(out, "full", "full", "%d slabs", nd->nr_full);
	fputs("</TABLE>>];\n", out);
}

/*
 * A slab is one row of cells: its struct page fields, the page freelist
 * head, then the objects. Keeping everything on one row leaves the space
 * above the row to the page freelist and the space below it to the CPU
 * freelist, which dot draws as arcs between the object cells.
 */
static void write_slab(FILE *out, int ci, int k,
		       const struct slub_snap_slab *sl)
{
	unsigned int i, n = shown(sl), allocated = 0, free = 0;

	fprintf(out, "c%d_s%d [label=<<TABLE BORDER=\"0\" CELLBORDER=\"1\" "
		"CELLSPACING=\"0\" CELLPADDING=\"2\"><TR>\n", ci, k);
	fprintf(out, "<TD BGCOLOR=\"" COL_HEADER "\" PORT=\"hd\" "
		"ALIGN=\"LEFT\" BALIGN=\"LEFT\"><B>page</B> pfn %ld"
		"<BR/>order %d, inuse %u/%u<BR/>%s",
		sl->pfn, sl->order, sl->inuse, sl->objects,
		sl->frozen ? "frozen, " : "");
	fputs(where_name(sl->where), out);
	if (sl->where == SLUB_SLAB_CPU || sl->where == SLUB_SLAB_CPU_PARTIAL)
		fprintf(out, ", cpu %d", sl->owner);
	if (sl->where == SLUB_SLAB_CPU_PARTIAL && sl->pages > 0)
		fprintf(out, "<BR/>pages %d, pobjects %d", sl->pages,
			sl->pobjects);
	fputs("</TD>\n", out);
	fprintf(out, "<TD PORT=\"fl\" BGCOLOR=\"" COL_HEADER
		"\"><FONT POINT-SIZE=\"8\">freelist%s</FONT></TD>",
		valid_obj(sl, sl->freelist) ? "" : "<BR/>NULL");
	for (i = 0; i < n; i++) {
		const struct palette_entry *e =
			obj_paint(sl->obj ? sl->obj[i].state :
				  SLUB_OBJ_ALLOCATED);

		fprintf(out, "<TD PORT=\"o%u\" BGCOLOR=\"#%06x\" "
			"WIDTH=\"18\"><FONT FACE=\"" MONO "\" COLOR=\"#%06x\" "
			"POINT-SIZE=\"8\">%u</FONT></TD>",
			i, e->fill, e->ink, i);
	}
	if (n < sl->objects) {
		for (i = n; i < sl->objects; i++) {
			if (sl->obj && sl->obj[i].state != SLUB_OBJ_ALLOCATED)
				free++;
			else
				allocated++;
		}
		fprintf(out, "<TD PORT=\"more\"><FONT POINT-SIZE=\"8\">"
			"&#8230; %u more<BR/>%u allocated<BR/>%u free"
			"</FONT></TD>",
			sl->objects - n, allocated, free);
	}
	fputs("\n</TR></TABLE>>];\n", out);
}

static void freelist_edge(FILE *out, int ci, int k,
			  const struct slub_snap_slab *sl, int a, int b,
			  const char *side, unsigned int colour, bool run)
{
	fprintf(out, "c%d_s%d:", ci, k);
	put_obj_port(out, sl, a);
	fprintf(out, ":%s -> c%d_s%d:", side, ci, k);
	put_obj_port(out, sl, b);
	fprintf(out, ":%s [color=\"#%06x\"%s];\n", side, colour,
		run ? ", style=dashed" : "");
}

/*
 * Draw a freelist that starts at object first of slab k as edges from
 * (from, port) and then object to object in list order. A run of three or
 * more objects in address order, up or down (a new slab's list, a list
 * merged back by unfreezing), is one dashed arc from its first to its last
 * object. Objects hidden by abbreviation collapse into
 * the ellipsis cell; a cycle (a corrupted list) stops the walk.
 */
static void write_freelist(FILE *out, int ci, int k,
			   const struct slub_snap_slab *sl, const char *from,
			   const char *port, int first, unsigned int colour,
			   const char *side)
{
	unsigned char *seen;
	int *seq, n = 0, t, u, i;
	char self[48];

	if (!valid_obj(sl, first) || !sl->obj)
		return;
	seen = calloc(sl->objects, 1);
	seq = calloc(sl->objects, sizeof(*seq));
	if (!seen || !seq)
		goto out;
	for (i = first; valid_obj(sl, i) && !seen[i]; i = sl->obj[i].next) {
		seen[i] = 1;
		seq[n++] = i;
	}
	snprintf(self, sizeof(self), "c%d_s%d", ci, k);
	fprintf(out, "%s:%s%s%s -> c%d_s%d:", from, port,
		strcmp(from, self) ? "" : ":", strcmp(from, self) ? "" : side,
		ci, k);
	put_obj_port(out, sl, first);
	fprintf(out, ":%s [color=\"#%06x\", penwidth=1.3];\n", side,
		colour);
	for (t = 0; t + 1 < n; t = u) {
		bool hidden = (unsigned int)seq[t] >= shown(sl);
		int dir = seq[t + 1] - seq[t];

		for (u = t; u + 1 < n && (dir == 1 || dir == -1) &&
		     seq[u + 1] == seq[u] + dir &&
		     (unsigned int)seq[u + 1] < shown(sl) && !hidden; u++)
			;
		if (u - t >= 2) {
			freelist_edge(out, ci, k, sl, seq[t], seq[u], side,
				      colour, true);
			continue;
		}
		u = t + 1;
		if (hidden && (unsigned int)seq[u] >= shown(sl))
			continue;	/* within the ellipsis cell */
		freelist_edge(out, ci, k, sl, seq[t], seq[u], side, colour,
			      false);
	}
out:
	free(seen);
	free(seq);
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
	if (k >= 0)
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
			fprintf(d->out, "c%d_s%d:hd:s -> c%d_s%d:hd:n "
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

/*
 * The per-CPU and per-node records of a cache and its slabs: every cpu
 * slab, the first SNAPSHOT_DOT_MAX_SLABS slabs of each list and of the
 * slabs on no list; the rest are counted in "... more" nodes.
 */
static void write_cache_state(FILE *out, const struct slub_snapshot *snap,
			      int ci, const struct slub_snap_cache *c)
{
	struct cache_draw d = { .out = out, .ci = ci, .c = c };
	char from[48];
	int cpu, n, k, nr_unlisted = 0;

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
	for (k = 0; k < c->nr_slabs; k++) {
		const struct slub_snap_slab *sl = &c->slabs[k];

		if (!d.drawn[k])
			continue;
		write_slab(out, ci, k, sl);
		snprintf(from, sizeof(from), "c%d_s%d", ci, k);
		write_freelist(out, ci, k, sl, from, "fl", sl->freelist,
			       PALETTE_PAGE_LINE, "n");
	}
	for (cpu = 0; cpu < snap->nr_cpus; cpu++) {
		const struct slub_snap_cpu *cc = &c->cpu[cpu];

		snprintf(from, sizeof(from), "c%d_cpu%d", ci, cpu);
		place(&d, cc->slab);
		if (valid_slab(c, cc->slab)) {
			fprintf(out, "%s:page -> c%d_s%d:hd [color=\""
				COL_LIST_EDGE "\"];\n", from, ci, cc->slab);
			write_freelist(out, ci, cc->slab, &c->slabs[cc->slab],
				       from, "fl", cc->freelist,
				       PALETTE_CPU_LINE, "s");
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
	if (nr_unlisted)
		write_more(&d, -1, nr_unlisted, "slabs on no list");
	/*
	 * All slabs in one column, so that long lists grow downwards, in a
	 * fixed order: each CPU's slab and partial chain, then each node's
	 * lists, then the rest. Invisible flat edges fix the order (dot puts
	 * the tail of a flat edge above its head).
	 */
	if (d.nr_col > 0) {
		fputs("{rank=same;", out);
		for (k = 0; k < d.nr_col; k++) {
			fputc(' ', out);
			put_col_node(out, &d, d.col[k]);
			fputc(';', out);
		}
		fputs("}\n", out);
	}
	for (k = 0; k + 1 < d.nr_col; k++) {
		put_col_node(out, &d, d.col[k]);
		fputs(" -> ", out);
		put_col_node(out, &d, d.col[k + 1]);
		fputs(" [style=invis];\n", out);
	}
out:
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
	return true;
}

static void write_header(FILE *out, bool legend)
{
	fputs("digraph slub {\n"
	      "graph [rankdir=LR, newrank=true, nodesep=0.2, ranksep=0.45, "
	      "fontname=\"" FONT "\", fontsize=10];\n"
	      "node [shape=plaintext, fontname=\"" FONT "\", fontsize=10];\n"
	      "edge [fontname=\"" FONT "\", fontsize=8, arrowsize=0.6];\n"
	      "slab_caches [label=<<TABLE BORDER=\"0\" CELLBORDER=\"1\" "
	      "CELLSPACING=\"0\" CELLPADDING=\"3\"><TR><TD BGCOLOR=\""
	      COL_HEADER "\"><B>slab_caches</B></TD></TR></TABLE>>];\n", out);
	if (legend)
		write_legend(out);
}

/*
 * The overview: every cache on slab_caches, in list order, as columns of
 * about sqrt(n) records each, so that the figure is about square. Inside a
 * column the list runs downwards (flat edges); from the foot of one column
 * it goes to the head of the next, which an invisible edge from the head of
 * the column before holds level with it.
 */
static void write_overview(FILE *out, const struct slub_snapshot *snap)
{
	int ci, rows = 1, prev = -1;

	while (rows * rows < snap->nr_caches)
		rows++;
	write_header(out, false);
	for (ci = 0; ci < snap->nr_caches; ci++) {
		write_cache(out, ci, &snap->caches[ci], true);
		if (prev < 0)
			fprintf(out, "slab_caches -> c%d:list [color=\""
				COL_LIST_EDGE "\", label=\"list\"];\n", ci);
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
			fputs("{rank=same;", out);
		fprintf(out, " c%d;", ci);
		if (ci % rows == rows - 1 || ci == snap->nr_caches - 1)
			fputs("}\n", out);
	}
}

int slub_snapshot_write_dot(FILE *out, const struct slub_snapshot *snap,
			    const char *cache)
{
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
		write_header(out, true);
		write_cache(out, found, c, false);
		write_cache_state(out, snap, found, c);
		/*
		 * The legend and the list head above the cache record, in its
		 * column: one column less makes the figure narrower.
		 */
		fprintf(out, "legend -> slab_caches [style=invis];\n"
			"slab_caches -> c%d [color=\"" COL_LIST_EDGE
			"\", xlabel=\"list\"];\n"
			"{rank=same; legend; slab_caches; c%d;}\n",
			found, found);
	}
	fputs("}\n", out);
	if (fflush(out) || ferror(out))
		return -1;
	return 0;
}
