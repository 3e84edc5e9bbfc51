/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * slubviz: draws the allocator's state from snapshots and events only.
 *
 * The drawing code never looks at allocator internals: everything it
 * shows comes from a struct slub_snapshot (slub_snapshot_take()) and the
 * struct slub_event records an observer collected during a step.  That
 * keeps viz_draw() testable with hand-built snapshots.
 */
#ifndef SLUBVIZ_H
#define SLUBVIZ_H

#include <stdbool.h>
#include <stdio.h>
#include <SDL.h>
#include <SDL_ttf.h>
#include "slub.h"

#define VIZ_FONT_DIR	"/usr/share/fonts/truetype/dejavu/"
#define VIZ_FONT_SANS	VIZ_FONT_DIR "DejaVuSans.ttf"
#define VIZ_FONT_BOLD	VIZ_FONT_DIR "DejaVuSans-Bold.ttf"
#define VIZ_FONT_MONO	VIZ_FONT_DIR "DejaVuSansMono.ttf"

/* ---------------------------------------------------------------- text */

enum viz_face { VIZ_SANS, VIZ_BOLD, VIZ_MONO, VIZ_NR_FACES };

struct viz_text;	/* fonts and a cache of rendered strings */

struct viz_text *viz_text_new(SDL_Renderer *r);
void viz_text_free(struct viz_text *t);
/* Draws s at (x, y); returns its width.  px is the font size in pixels. */
int viz_text_draw(struct viz_text *t, enum viz_face face, int px,
		  SDL_Color c, int x, int y, const char *s);
int viz_text_width(struct viz_text *t, enum viz_face face, int px,
		   const char *s);
int viz_textf(struct viz_text *t, enum viz_face face, int px, SDL_Color c,
	      int x, int y, const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));
/* Drops strings not drawn for a while; call once per frame. */
void viz_text_frame_end(struct viz_text *t);
int viz_text_cached(const struct viz_text *t);

/* ---------------------------------------------------------------- frame */

/*
 * One event of a step: the event log's record (scenario/eventlog.h), with
 * every string whole and none NULL.
 */
#include "eventlog.h"
#define viz_event	scn_event
#define VIZ_EV_OUTPUT	SCN_EV_OUTPUT	/* a line the scenario printed */

/* What the panels show besides the snapshot. */
struct viz_frame {
	const char *title;	/* scenario file */
	int step, nsteps;	/* steps executed, steps in the scenario */
	int line;		/* source line of the last step, 0 at start */
	const char *stmt;	/* its text */
	const char *output;	/* output of the step (echo, notes), or "" */
	const char *caption;	/* the text of the last echo, or "" */
	const char *error;	/* error line, or NULL */
	const struct viz_event *ev;
	int nev;		/* events kept */
	int nev_total;		/* events reported (more when too many) */
	const struct slub_snapshot *prev;	/* before the step, or NULL */
	const char *status;	/* right part of the bottom bar, or NULL */
	/* The scenario variable holding an object address, or NULL. */
	const char *(*var_name)(void *arg, unsigned long addr);
	void *var_arg;
};

/* ---------------------------------------------------------------- view */

struct viz_layout;

struct viz_pick {
	int cache;		/* cache index, -1 when nothing is picked */
	int slab;		/* slab index */
	int obj;		/* object index or -1 for the slab itself */
};

struct viz_view {
	int w, h;		/* output size in pixels */
	double zoom;		/* world to screen scale of the main area */
	double pan_x, pan_y;	/* world point at the main area's corner */
	char cache[64];		/* cache shown in detail, "": any */
	int focus_cpu;		/* -1: all CPUs */
	bool help;		/* help overlay */
	bool follow;		/* detail cache follows the events */
	bool picked;		/* the inspector is open on ... */
	long pick_pfn;		/* ... this slab of the detail cache */
	int pick_obj;		/* ... and this object, or -1 */
	double anim;		/* 0..1 animation progress, 1: none */
	const struct viz_layout *from;	/* layout of frame->prev */
	const char *kind;	/* chosen event kind, for the status line */
	struct viz_text *text;
	/* Filled in by viz_draw(). */
	int drawn_cells;
	void *scratch;		/* drawing buffers kept between frames */
};

/* Frees what viz_draw() keeps in the view between frames. */
void viz_view_release(struct viz_view *v);

/* Screen regions. */
void viz_main_area(const struct viz_view *v, SDL_Rect *r);

/* --------------------------------------------------------------- layout */

struct viz_slab_box {
	int x, y, w, h;		/* world coordinates of the block */
	int cells_x, cells_y;	/* first cell */
	int per_row;
};

struct viz_lane {
	int x, y, w, h;		/* the owner box (cpu, node, list) */
	int kind;		/* enum viz_lane_kind */
	int id;			/* cpu or node */
	int first_y, end_y;	/* world extent of the lane */
};

enum viz_lane_kind { VIZ_LANE_CPU, VIZ_LANE_NODE, VIZ_LANE_FULL,
		     VIZ_LANE_UNLISTED };

struct viz_layout {
	int cache;		/* cache index laid out, or -1 */
	int cell, cell_w, gap;	/* cell height, width, spacing (world) */
	int nr_slabs;
	struct viz_slab_box *slab;	/* per slab of the cache */
	int nr_lanes;
	struct viz_lane *lane;
	int world_w, world_h;
};

/* Lays out cache v->cache (or the chosen one) of snap in world units. */
void viz_layout_build(struct viz_layout *l, const struct slub_snapshot *snap,
		      const struct viz_view *v);
void viz_layout_free(struct viz_layout *l);
/* Screen rectangle of object obj of slab slab; false if off the layout. */
bool viz_layout_object(const struct viz_layout *l, const struct viz_view *v,
		       int slab, int obj, SDL_Rect *out);
bool viz_layout_slab(const struct viz_layout *l, const struct viz_view *v,
		     int slab, SDL_Rect *out);
/* What is under screen point (x, y). */
struct viz_pick viz_layout_hit(const struct viz_layout *l,
			       const struct slub_snapshot *snap,
			       const struct viz_view *v, int x, int y);
/* Sets zoom and pan so that the whole layout fits the main area. */
void viz_view_fit(struct viz_view *v, const struct viz_layout *l);
void viz_view_to_screen(const struct viz_view *v, double wx, double wy,
			int *sx, int *sy);
void viz_view_to_world(const struct viz_view *v, int sx, int sy,
		       double *wx, double *wy);
/* The cache to show in detail: v->cache if found, else a user cache. */
int viz_pick_cache(const struct slub_snapshot *snap, const struct viz_view *v);

/* ---------------------------------------------------------------- draw */

enum viz_color {
	VIZ_C_BG, VIZ_C_PANEL, VIZ_C_BOX, VIZ_C_BORDER, VIZ_C_TEXT,
	VIZ_C_DIM, VIZ_C_TITLE, VIZ_C_ACCENT, VIZ_C_ALLOC, VIZ_C_CPU_FREE,
	VIZ_C_PAGE_FREE, VIZ_C_REDZONE, VIZ_C_POISON, VIZ_C_TRACK,
	VIZ_C_FREEPTR, VIZ_C_PAD, VIZ_C_ARROW, VIZ_C_CHANGED, VIZ_C_ERROR,
	VIZ_C_FROZEN, VIZ_C_STAT, VIZ_C_SLAB_BG, VIZ_NR_COLORS
};

extern const SDL_Color viz_colors[VIZ_NR_COLORS];

/* Draws one whole frame.  frame may be NULL. */
void viz_draw(SDL_Renderer *r, const struct slub_snapshot *snap,
	      const struct viz_frame *frame, struct viz_view *v,
	      struct viz_layout *l);

/* Colour of an object cell's object part (one of VIZ_C_ALLOC ...). */
enum viz_color viz_obj_color(const struct slub_snap_object *o);

/* ---------------------------------------------------------------- panels */

#define VIZ_LINE_MAX	96

/* Lines of the counters panel for cache ci, focus cpu (or -1); count. */
int viz_counter_lines(const struct slub_snapshot *snap, int ci,
		      int focus_cpu, char (*lines)[VIZ_LINE_MAX], int max);
/* Lines of the inspector for a pick. */
int viz_inspect_lines(const struct slub_snapshot *snap,
		      const struct viz_pick *p, char (*lines)[VIZ_LINE_MAX],
		      int max);
/* Lines of the kmem_cache box. */
int viz_cache_lines(const struct slub_snap_cache *c,
		    char (*lines)[VIZ_LINE_MAX], int max);
const char *viz_stat_name(int item);
void viz_event_line(const struct viz_event *e, char *buf, size_t len);

/* ---------------------------------------------------------------- synth */

/* A hand-built snapshot: nr_slabs slabs of objs objects on 2 CPUs. */
struct slub_snapshot *viz_synth_snapshot(int nr_slabs, int objs,
					 unsigned int size,
					 unsigned long flags);
void viz_synth_free(struct slub_snapshot *snap);

/* --------------------------------------------------------------- player */

struct scenario;
struct viz_player;

struct viz_player *viz_player_new(struct scenario *sc);
void viz_player_free(struct viz_player *p);
/* Brings the run to step n (replaying from the start to go back). */
int viz_player_goto(struct viz_player *p, int n);
int viz_player_step(struct viz_player *p);	/* 1 ok, 0 end, -1 error */
int viz_player_pos(const struct viz_player *p);
int viz_player_nsteps(const struct viz_player *p);
const struct slub_snapshot *viz_player_snapshot(const struct viz_player *p);
void viz_player_frame(const struct viz_player *p, struct viz_frame *f);
/* Does the last step contain an event matching kind (see viz_kinds). */
bool viz_player_has_kind(const struct viz_player *p, int kind);
const char *viz_player_error(const struct viz_player *p);
/* Cache named by the last event of the last step, or "". */
const char *viz_player_last_cache(const struct viz_player *p);

/* Event kinds for "jump to the next event of a kind". */
#define VIZ_KIND_SLOWPATH	(-1)
const char *viz_kind_name(int kind);	/* kind: -1 or a stat item */

/* ---------------------------------------------------------------- app */

struct viz_opts {
	const char *scenario;
	const char *out;	/* headless output directory */
	bool headless;
	int frame;		/* --frame N, or -1 */
	int bench;		/* frames for --bench, 0: no bench */
	int w, h;
	bool tour;
	bool quiet;
	const char *keys;	/* --keys: typed into the window, then quit */
};

/* Exit statuses. */
#define VIZ_EXIT_OK		0
#define VIZ_EXIT_FAIL		1
#define VIZ_EXIT_SCENARIO	2	/* malformed scenario or bad usage */

/* Loads a scenario; on error prints the error line and returns NULL. */
struct scenario *viz_load(const char *path, char *err, size_t len);
/* Sets the view's cache to follow the events, fits the zoom if needed. */
void viz_follow(struct viz_view *v, const struct viz_player *p);

int viz_headless(const struct viz_opts *o);
int viz_window(const struct viz_opts *o);
int viz_bench(const struct viz_opts *o);
int viz_save_png(SDL_Surface *s, const char *path);

/* A window-less drawing target. */
struct viz_canvas {
	SDL_Surface *surf;
	SDL_Renderer *r;
	struct viz_text *text;
};

int viz_canvas_open(struct viz_canvas *cv, int w, int h);
void viz_canvas_close(struct viz_canvas *cv);
unsigned int viz_canvas_pixel(const struct viz_canvas *cv, int x, int y);
void viz_view_init(struct viz_view *v, int w, int h, struct viz_text *t);

#endif
