/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The palette of every drawing of the allocator's state: the book's
 * figures (snapshot_dot.c) and slubviz paint an object's state, and the
 * parts a debug cache adds to an object, with these colours and name them
 * with these words, so that a reader learns one legend.
 *
 * Each part has a fill, the ink of any text drawn on the fill, and the
 * words of its legend. The free states have a line colour as well, for
 * the freelist arcs drawn between objects.
 *
 * The colours come from the colour-blind-safe schemes of Paul Tol and of
 * Okabe and Ito, chosen so that each pair stays apart for readers with
 * any of the three kinds of colour blindness: simulated with the model of
 * Machado, Oliveira and Fernandes (2009) for protanopia, deuteranopia and
 * tritanopia, every two fills differ by a CIEDE2000 colour difference of
 * at least 11 (the three states of an object by at least 43); the ink on
 * every fill has a contrast ratio of at least 4.5:1, WCAG's AA level for
 * text. tests/check_palette.c measures both.
 *
 * The two states of an object in a sheaf cache (in a CPU's sheaf, in a
 * node's barn) have fills of their own: the sheaf's an aqua brighter than
 * the cpu freelist's cyan (both are free objects a CPU holds, and they
 * never meet in one cache), the barn's a periwinkle between that cyan and
 * the page freelist's indigo (a node's objects, held in sheaves). They
 * differ from every other fill by at least 11, and from the states they
 * share a cache with (allocated, page freelist, each other) by at least
 * 23.
 *
 * An object in a prefilled sheaf (one a caller holds, in either design)
 * is free but spoken for: a dark brown, with light ink, the one region
 * the fills above leave at least 23 from every object state (allocated,
 * both freelists, sheaf, barn) and 11 from every other fill.
 */
#ifndef SLUB_PALETTE_H
#define SLUB_PALETTE_H

/* Colours as 0xRRGGBB. */
#define PALETTE_ALLOCATED	0xd55e00	/* vermillion */
#define PALETTE_CPU_FREE	0x33bbee	/* cyan */
#define PALETTE_PAGE_FREE	0x332288	/* indigo */
#define PALETTE_RED_ZONE	0x882255	/* wine */
#define PALETTE_FREE_POINTER	0xeedd88	/* light yellow */
#define PALETTE_POISON		0xaa4499	/* purple */
#define PALETTE_TRACK		0x009e73	/* bluish green */
#define PALETTE_PADDING		0xdddddd	/* pale grey */
#define PALETTE_CPU_LINE	0x0077bb	/* arcs of a CPU freelist */
#define PALETTE_PAGE_LINE	0x332288	/* arcs of page->freelist */
#define PALETTE_SHEAF		0x00eeff	/* aqua */
#define PALETTE_BARN		0x8877ff	/* periwinkle */
#define PALETTE_SHEAF_LINE	0x00707a	/* a sheaf slot to its object */
#define PALETTE_PREFILLED	0x442200	/* dark brown */
#define PALETTE_INK_DARK	0x000000
#define PALETTE_INK_LIGHT	0xffffff

/* The legend's words. */
#define PALETTE_WORD_ALLOCATED		"allocated"
#define PALETTE_WORD_CPU_FREE		"free: cpu freelist"
#define PALETTE_WORD_PAGE_FREE		"free: page freelist"
#define PALETTE_WORD_RED_ZONE		"red zone"
#define PALETTE_WORD_FREE_POINTER	"free pointer"
#define PALETTE_WORD_POISON		"poison"
#define PALETTE_WORD_TRACK		"track"
#define PALETTE_WORD_PADDING		"padding"
#define PALETTE_WORD_SHEAF		"free: in a sheaf"
#define PALETTE_WORD_BARN		"free: in the barn"
#define PALETTE_WORD_PREFILLED		"free: in a prefilled sheaf"

/* A colour as the initializer of a { r, g, b, a } structure (SDL_Color). */
#define PALETTE_RGBA(c)	\
	{ ((c) >> 16) & 0xff, ((c) >> 8) & 0xff, (c) & 0xff, 0xff }

enum palette_part {
	PAL_ALLOCATED,		/* the object states (enum slub_obj_state) */
	PAL_CPU_FREE,
	PAL_PAGE_FREE,
	PAL_RED_ZONE,		/* the parts slub_debug adds */
	PAL_FREE_POINTER,
	PAL_POISON,
	PAL_TRACK,
	PAL_PADDING,
	PAL_SHEAF,		/* the states of a sheaf cache's free objects */
	PAL_BARN,
	PAL_PREFILLED,		/* in a sheaf a caller holds, either design */
	NR_PAL_PARTS
};

struct palette_entry {
	unsigned int fill;	/* 0xRRGGBB */
	unsigned int ink;	/* text drawn on the fill */
	const char *legend;	/* the legend's words */
};

extern const struct palette_entry palette[NR_PAL_PARTS];

/* The part that paints an object in state (enum slub_obj_state). */
enum palette_part palette_state(int state);

#endif
