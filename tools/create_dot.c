// SPDX-License-Identifier: GPL-2.0-only
/*
 * create_dot.c: what kmem_cache_create() decides, drawn as graphviz
 * digraphs (see create_dot.h). The fonts, the record style and the colours
 * are those of snapshot_dot.c and palette.h, so that the figures of the
 * book's part on creation read like those of the other parts. No text is
 * smaller than 8 points; every drawing is narrower than a portrait page.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "slub.h"
#include "palette.h"
#include "create_dot.h"
#include "snapshot_dot.h"

#define COL_HEADER	"#e8e8e8"
#define COL_LIST_EDGE	"#555555"
#define FONT		"DejaVu Sans"
#define MONO		"DejaVu Sans Mono"

/* Write s escaped for an HTML-like label; NULL writes nothing. */
static void put_html(FILE *out, const char *s)
{
	if (s)
		dot_put_html(out, s);
}

static void write_header(FILE *out, const char *name)
{
	fprintf(out, "digraph %s {\n"
		"graph [rankdir=TB, nodesep=0.3, ranksep=0.3, fontname=\""
		FONT "\", fontsize=10];\n"
		"node [shape=plaintext, fontname=\"" FONT "\", fontsize=10];\n"
		"edge [fontname=\"" FONT "\", fontsize=10, arrowsize=0.6];\n",
		name);
}

static int finish(FILE *out)
{
	fputs("}\n", out);
	if (fflush(out) || ferror(out))
		return -1;
	return 0;
}

/* ------------------------------------------------------------ layout */

/* One part of an object: bytes [start, end), painted as part. */
struct part {
	unsigned int start, end;
	enum palette_part paint;
	char what[96];		/* after the legend word */
	char from[64];		/* the field that says where it starts */
};

/*
 * The parts in the order calculate_sizes() lays them out: the object;
 * the red zone (or the rounding to a word) up to inuse; the free pointer
 * at offset when it is not inside the object; two tracks with
 * SLAB_STORE_USER; the padding up to size (with SLAB_RED_ZONE it begins
 * with one more word, then the alignment). Where each begins is what
 * get_track() and check_pad_bytes() compute.
 */
static int layout_parts(const struct slub_snap_cache *c, struct part *p)
{
	bool poison = c->flags & __OBJECT_POISON;
	unsigned int at, n = 0;

	p[n] = (struct part){ 0, c->object_size,
			      poison ? PAL_POISON : PAL_ALLOCATED, "", "" };
	if (poison)
		snprintf(p[n].what, sizeof(p[n].what),
			 "when free: 0x6b, the last byte 0xa5");
	if (!c->offset)
		snprintf(p[n].what + strlen(p[n].what),
			 sizeof(p[n].what) - strlen(p[n].what),
			 "%sthe free pointer is its first word when free",
			 poison ? "<BR/>" : "");
	n++;
	if (c->inuse > c->object_size) {
		bool rz = c->flags & SLAB_RED_ZONE;

		p[n] = (struct part){ c->object_size, c->inuse,
				      rz ? PAL_RED_ZONE : PAL_PADDING, "", "" };
		snprintf(p[n].what, sizeof(p[n].what), "%s", rz ?
			 "0xbb free, 0xcc in use" : "rounding up to a word");
		snprintf(p[n].from, sizeof(p[n].from), "object_size");
		n++;
	}
	at = c->inuse;
	if (c->offset) {
		if (c->offset != c->inuse)
			return -1;
		p[n] = (struct part){ at, at + (unsigned int)sizeof(void *),
				      PAL_FREE_POINTER, "the next free object",
				      "inuse = offset" };
		at = p[n++].end;
	}
	if (c->flags & SLAB_STORE_USER) {
		p[n] = (struct part){ at, at + c->track_size, PAL_TRACK,
				      "TRACK_ALLOC: who allocated it",
				      "" };
		snprintf(p[n].from, sizeof(p[n].from), "%s",
			 c->offset ? "offset + 8" : "inuse");
		at = p[n++].end;
		p[n] = (struct part){ at, at + c->track_size, PAL_TRACK,
				      "TRACK_FREE: who freed it last", "" };
		at = p[n++].end;
	}
	if (at > c->size)
		return -1;
	if (at < c->size) {
		p[n] = (struct part){ at, c->size, PAL_PADDING, "", "" };
		snprintf(p[n].what, sizeof(p[n].what), "0x5a%s",
			 c->flags & SLAB_RED_ZONE ?
			 ": a red zone word, then the alignment" :
			 ": up to the alignment");
		n++;
	}
	return (int)n;
}

int slub_layout_write_dot(FILE *out, const struct slub_snap_cache *c)
{
	struct part p[8];
	/* points per byte: the object's height, at most about 400 points */
	double scale = c->size > 800 ? 400.0 / c->size : 0.5;
	int i, n;

	if (!out || !c || c->size == 0 || c->object_size > c->inuse ||
	    c->inuse > c->size)
		return -1;
	n = layout_parts(c, p);
	if (n < 0)
		return -1;
	write_header(out, "layout");
	fputs("obj [label=<<TABLE BORDER=\"0\" CELLBORDER=\"1\" "
	      "CELLSPACING=\"0\" CELLPADDING=\"4\">\n", out);
	fputs("<TR><TD COLSPAN=\"3\" BGCOLOR=\"" COL_HEADER "\"><B>"
	      "one object of ", out);
	put_html(out, c->name);
	fprintf(out, "</B>: size %u bytes</TD></TR>\n", c->size);
	fputs("<TR><TD>bytes</TD><TD>part</TD><TD>starts at</TD></TR>\n",
	      out);
	for (i = 0; i < n; i++) {
		const struct palette_entry *e = &palette[p[i].paint];
		unsigned int h = (unsigned int)((p[i].end - p[i].start) * scale);

		fprintf(out, "<TR><TD ALIGN=\"RIGHT\"><FONT FACE=\"" MONO
			"\">%u&#8211;%u</FONT></TD>", p[i].start,
			p[i].end - 1);
		fprintf(out, "<TD BGCOLOR=\"#%06x\" HEIGHT=\"%u\" WIDTH=\"220\" "
			"BALIGN=\"LEFT\" ALIGN=\"LEFT\"><FONT COLOR=\"#%06x\">"
			"<B>%s</B> (%u bytes)%s%s</FONT></TD>",
			e->fill, h < 20 ? 20 : h, e->ink,
			i == 0 ? "object" : e->legend,
			p[i].end - p[i].start, *p[i].what ? "<BR/>" : "",
			p[i].what);
		fprintf(out, "<TD ALIGN=\"LEFT\">%s%s<FONT FACE=\"" MONO
			"\">%u</FONT></TD></TR>\n", p[i].from,
			*p[i].from ? " = " : "", p[i].start);
	}
	fprintf(out, "<TR><TD ALIGN=\"RIGHT\"><FONT FACE=\"" MONO "\">%u"
		"</FONT></TD><TD ALIGN=\"LEFT\">the next object</TD>"
		"<TD ALIGN=\"LEFT\">size = <FONT FACE=\"" MONO "\">%u</FONT>"
		"</TD></TR>\n", c->size, c->size);
	fputs("</TABLE>>];\n", out);
	return finish(out);
}

/* ------------------------------------------------------------ alias */

static void name_node(FILE *out, int i, const char *name)
{
	fprintf(out, "n%d [label=<<TABLE BORDER=\"0\" CELLBORDER=\"1\" "
		"CELLSPACING=\"0\" CELLPADDING=\"3\"><TR><TD BGCOLOR=\""
		COL_HEADER "\">kmem_cache_create(<B>&quot;", i);
	put_html(out, name);
	fputs("&quot;</B>, ...)</TD></TR></TABLE>>];\n", out);
}

int slub_alias_write_dot(FILE *out, const struct slub_snap_cache *c,
			 const char *sysfs_dir)
{
	int i;

	if (!out || !c || !c->name || !sysfs_dir ||
	    (c->nr_aliases > 0 && !c->aliases))
		return -1;
	write_header(out, "alias");
	name_node(out, 0, c->name);
	for (i = 0; i < c->nr_aliases; i++)
		name_node(out, i + 1, c->aliases[i]);
	fputs("{rank=same;", out);
	for (i = 0; i <= c->nr_aliases; i++)
		fprintf(out, " n%d;", i);
	fputs("}\n", out);

	fputs("cache [label=<<TABLE BORDER=\"0\" CELLBORDER=\"1\" "
	      "CELLSPACING=\"0\" CELLPADDING=\"3\">\n<TR><TD COLSPAN=\"2\" "
	      "BGCOLOR=\"" COL_HEADER "\" PORT=\"top\"><B>struct kmem_cache"
	      "</B></TD></TR>\n<TR><TD ALIGN=\"LEFT\">name</TD>"
	      "<TD ALIGN=\"LEFT\"><B>", out);
	put_html(out, c->name);
	fputs("</B></TD></TR>\n<TR><TD ALIGN=\"LEFT\">aliases</TD>"
	      "<TD ALIGN=\"LEFT\">", out);
	for (i = 0; i < c->nr_aliases; i++) {
		fputs(i ? ", " : "", out);
		put_html(out, c->aliases[i]);
	}
	fprintf(out, "%s</TD></TR>\n<TR><TD ALIGN=\"LEFT\">refcount</TD>"
		"<TD ALIGN=\"LEFT\"><B>%d</B></TD></TR>\n"
		"<TR><TD ALIGN=\"LEFT\">object_size</TD><TD ALIGN=\"LEFT\">%u"
		"</TD></TR>\n<TR><TD ALIGN=\"LEFT\">size</TD><TD ALIGN="
		"\"LEFT\">%u</TD></TR>\n<TR><TD ALIGN=\"LEFT\">kobj</TD>"
		"<TD PORT=\"kobj\">&#8226;</TD></TR>\n</TABLE>>];\n",
		c->nr_aliases ? "" : "(none)", c->refcount, c->object_size,
		c->size);
	for (i = 0; i <= c->nr_aliases; i++)
		fprintf(out, "n%d -> cache:top [color=\"" COL_LIST_EDGE
			"\", xlabel=\"returns\"];\n", i);

	fputs("sysfs [label=<<TABLE BORDER=\"0\" CELLBORDER=\"1\" "
	      "CELLSPACING=\"0\" CELLPADDING=\"3\">\n<TR><TD BGCOLOR=\""
	      COL_HEADER "\"><FONT FACE=\"" MONO "\">/sys/kernel/slab/"
	      "</FONT></TD></TR>\n<TR><TD ALIGN=\"LEFT\" PORT=\"dir\">"
	      "<FONT FACE=\"" MONO "\"><B>", out);
	put_html(out, sysfs_dir);
	fputs("/</B></FONT> (directory)</TD></TR>\n", out);
	for (i = 0; i <= c->nr_aliases; i++) {
		const char *name = i ? c->aliases[i - 1] : c->name;

		if (!strcmp(name, sysfs_dir))
			continue;
		fputs("<TR><TD ALIGN=\"LEFT\"><FONT FACE=\"" MONO "\">", out);
		put_html(out, name);
		fputs(" -&gt; ", out);
		put_html(out, sysfs_dir);
		fputs("</FONT> (link)</TD></TR>\n", out);
	}
	fputs("</TABLE>>];\n"
	      "cache:kobj -> sysfs:dir [style=dashed, color=\"" COL_LIST_EDGE
	      "\", xlabel=\"kobj\"];\n", out);
	return finish(out);
}

/* ------------------------------------------------------------ orders */

int slub_orders_write_dot(FILE *out, const struct slub_orders_row *rows,
			  int nrows, int norders)
{
	int r, o;

	if (!out || !rows || nrows < 1 || norders < 1 ||
	    norders > SLUB_ORDERS_MAX)
		return -1;
	write_header(out, "orders");
	fputs("orders [label=<<TABLE BORDER=\"0\" CELLBORDER=\"1\" "
	      "CELLSPACING=\"0\" CELLPADDING=\"4\">\n<TR><TD BGCOLOR=\""
	      COL_HEADER "\">object_size<BR/>(size)</TD>", out);
	for (o = 0; o < norders; o++)
		fprintf(out, "<TD BGCOLOR=\"" COL_HEADER "\">order %d<BR/>"
			"(%d page%s)</TD>", o, 1 << o, o ? "s" : "");
	fputs("</TR>\n", out);
	for (r = 0; r < nrows; r++) {
		const struct slub_orders_row *w = &rows[r];

		fprintf(out, "<TR><TD ALIGN=\"RIGHT\"><B>%u</B><BR/>(%u)</TD>",
			w->object_size, w->size);
		for (o = 0; o < norders; o++) {
			bool chosen = o == w->chosen;

			if (!w->objects[o]) {
				fputs("<TD>does not fit</TD>", out);
				continue;
			}
			fprintf(out, "<TD ALIGN=\"RIGHT\"%s>%s%u objects<BR/>"
				"%u bytes left%s</TD>",
				chosen ? " BORDER=\"3\" BGCOLOR=\"" COL_HEADER
				"\"" : "", chosen ? "<B>chosen: " : "",
				w->objects[o], w->leftover[o],
				chosen ? "</B>" : "");
		}
		fputs("</TR>\n", out);
	}
	fputs("</TABLE>>];\n", out);
	return finish(out);
}
