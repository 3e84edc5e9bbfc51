// SPDX-License-Identifier: GPL-2.0-only
/*
 * The palette's table (palette.h): each part's fill, its ink (black or
 * white, whichever palette.h's contrast promise holds for), its legend.
 */
#include "slub.h"
#include "palette.h"

const struct palette_entry palette[NR_PAL_PARTS] = {
	[PAL_ALLOCATED] = { PALETTE_ALLOCATED, PALETTE_INK_DARK,
			    PALETTE_WORD_ALLOCATED },
	[PAL_CPU_FREE] = { PALETTE_CPU_FREE, PALETTE_INK_DARK,
			   PALETTE_WORD_CPU_FREE },
	[PAL_PAGE_FREE] = { PALETTE_PAGE_FREE, PALETTE_INK_LIGHT,
			    PALETTE_WORD_PAGE_FREE },
	[PAL_RED_ZONE] = { PALETTE_RED_ZONE, PALETTE_INK_LIGHT,
			   PALETTE_WORD_RED_ZONE },
	[PAL_FREE_POINTER] = { PALETTE_FREE_POINTER, PALETTE_INK_DARK,
			       PALETTE_WORD_FREE_POINTER },
	[PAL_POISON] = { PALETTE_POISON, PALETTE_INK_LIGHT,
			 PALETTE_WORD_POISON },
	[PAL_TRACK] = { PALETTE_TRACK, PALETTE_INK_DARK, PALETTE_WORD_TRACK },
	[PAL_PADDING] = { PALETTE_PADDING, PALETTE_INK_DARK,
			  PALETTE_WORD_PADDING },
	[PAL_SHEAF] = { PALETTE_SHEAF, PALETTE_INK_DARK, PALETTE_WORD_SHEAF },
	[PAL_BARN] = { PALETTE_BARN, PALETTE_INK_DARK, PALETTE_WORD_BARN },
	[PAL_PREFILLED] = { PALETTE_PREFILLED, PALETTE_INK_LIGHT,
			    PALETTE_WORD_PREFILLED },
};

enum palette_part palette_state(int state)
{
	switch (state) {
	case SLUB_OBJ_CPU_FREE:
		return PAL_CPU_FREE;
	case SLUB_OBJ_PAGE_FREE:
		return PAL_PAGE_FREE;
	case SLUB_OBJ_SHEAF:
		return PAL_SHEAF;
	case SLUB_OBJ_BARN:
		return PAL_BARN;
	case SLUB_OBJ_PREFILLED:
		return PAL_PREFILLED;
	default:
		return PAL_ALLOCATED;
	}
}
