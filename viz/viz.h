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
/*
 * Draws s cut to max_w pixels: when it is wider, as much of it as fits
 * followed by an ellipsis ("\u2026").  Returns the width drawn.  The cut
 * is remembered with the string, so drawing it again costs no measuring.
 */
int viz_text_fit(struct viz_text *t, enum viz_face face, int px,
		 SDL_Color c, int x, int y, int max_w, const char *s);
/* The text viz_text_fit() draws for s in max_w pixels (NULL: none). */
const char *viz_text_fitted(struct viz_text *t, enum viz_face face, int px,
			    int max_w, const char *s);
int viz_text_height(struct viz_text *t, enum viz_face face, int px);
/* Drops strings not drawn for a while; call once per frame. */
void viz_text_frame_end(struct viz_text *t);
int viz_text_cached(const struct viz_text *t);
/* Tests: called before every string is drawn, with where it goes. */
typedef void viz_text_audit_fn(void *arg, enum viz_face face, int px,
			       SDL_Color c, const SDL_Rect *r, const char *s);
void viz_text_set_audit(struct viz_text *t, viz_text_audit_fn *fn,
			void *arg);

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
	int step, nsteps;	/* statement shown (1-based; 0: the start),
				   statements in the scenario */
	int first;		/* first statement of the step (folding) */
	const char *folded;	/* statements first .. step - 1, or "" */
	int expects;		/* expect statements in the step */
	int expect_fails;	/* expects that failed in it */
	bool compare;		/* f->prev is the state at step compare_step,
				   not the one before this step */
	int compare_step;
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
	/* The scenario's name of prefilled sheaf id, or NULL (var_arg). */
	const char *(*sheaf_name)(void *arg, unsigned int id);
	void *var_arg;
};

/* ---------------------------------------------------------------- view */

struct viz_layout;
struct viz_probe;

struct viz_pick {
	int cache;		/* cache index, -1 when nothing is picked */
	int slab;		/* slab index */
	int obj;		/* object index or -1 for the slab itself */
};

#define VIZ_TIP_MAX	512

struct viz_view {
	int w, h;		/* output size in pixels */
	double zoom;		/* cell scale: a cell is 16 * zoom pixels */
	double pan_x, pan_y;	/* layout pixel at the slab area's corner */
	int cols;		/* slabs per lane row; 0: as many as fit */
	bool user_moved;	/* zoomed or panned by hand since the fit */
	bool need_fit;		/* fit before the next frame */
	char cache[64];		/* cache shown in detail, "": any */
	int focus_cpu;		/* -1: all CPUs */
	bool help;		/* help overlay */
	bool follow;		/* detail cache follows the events */
	bool picked;		/* the inspector is open on ... */
	long pick_pfn;		/* ... this slab of the detail cache */
	int pick_obj;		/* ... and this object, or -1 */
	int mouse_x, mouse_y;	/* the pointer, for the tooltip; -1: none */
	double anim;		/* 0..1 animation progress, 1: none */
	const struct viz_layout *from;	/* layout of frame->prev */
	const char *kind;	/* chosen event kind, for the status line */
	struct viz_text *text;
	struct viz_probe *probe;	/* tests: records the labels drawn */
	/* Filled in by viz_draw(). */
	int drawn_cells;	/* objects drawn, as cells or in bars */
	char tip[VIZ_TIP_MAX];	/* the tooltip drawn, lines split by \n */
	void *scratch;		/* drawing buffers kept between frames */
};

/* Frees what viz_draw() keeps in the view between frames. */
void viz_view_release(struct viz_view *v);

/*
 * Screen regions.  The panels narrow with the window and the left one
 * folds away below VIZ_FOLD_W; the main area holds the cache title, the
 * lane headers (a column fixed in screen space) and the slab area, which
 * zooms and pans.
 */
#define VIZ_FOLD_W	860
struct viz_regions {
	SDL_Rect top, left, right, bottom;	/* left.w == 0: folded */
	SDL_Rect main;		/* between the panels */
	SDL_Rect title;		/* the cache shown, top of main */
	SDL_Rect heads;		/* lane header column */
	SDL_Rect slabs;		/* the zoomed and panned slab area */
};

void viz_regions(const struct viz_view *v, struct viz_regions *r);
void viz_main_area(const struct viz_view *v, SDL_Rect *r);

/* --------------------------------------------------------------- layout */

/*
 * The layout is in pixels at the view's zoom ("layout pixels"); the slab
 * area shows it shifted by the pan.  Every size inside a slab block is an
 * integer computed from the zoom alone, so equal slabs are drawn as equal
 * rectangles wherever they are.
 */
struct viz_slab_box {
	int x, y, w, h;		/* the block */
	int cells_x, cells_y;	/* first cell */
	int cells_w, cells_h;	/* the cells, or the bar */
	int per_row, rows;
};

struct viz_lane {
	int kind;		/* enum viz_lane_kind */
	int id;			/* cpu or node */
	int y, h;		/* the lane's band */
	int head_h;		/* height of its header box (screen pixels) */
};

enum viz_lane_kind { VIZ_LANE_CPU, VIZ_LANE_NODE, VIZ_LANE_FULL,
		     VIZ_LANE_UNLISTED, VIZ_LANE_HELD };

/* Below this cell size (pixels) a slab is drawn as one bar. */
#define VIZ_LOD_CELL	5

struct viz_layout {
	int cache;		/* cache index laid out, or -1 */
	double zoom;		/* the zoom it was built for */
	int cols;		/* slabs per lane row */
	int cell_w, cell_h, gap;	/* object cells (pixels) */
	int pitch_x, pitch_y;	/* cell to cell */
	int pad, label_h;	/* block padding, label strip height */
	bool bars;		/* level of detail: a bar per slab */
	bool wide;		/* debug cells: wider, fewer per row */
	int nr_slabs;
	struct viz_slab_box *slab;	/* per slab of the cache */
	int nr_lanes;
	struct viz_lane *lane;
	int content_w, content_h;	/* extent of the lanes' contents */
	struct viz_regions reg;	/* screen regions it was built for */
	/*
	 * A sheaf cache: in each CPU's lane its main and spare sheaf as
	 * blocks of capacity slots (sheaf[2 * cpu], sheaf[2 * cpu + 1]), in
	 * each node's lane its barn (barn[node]) as two stacks, full and
	 * empty sheaves, each sheaf a bar stack_w by barn_slot_h.  A box
	 * with per_row 0 is not drawn (no sheaves, no spare).
	 */
	bool sheaves;
	int nr_sheaves, nr_barns;
	struct viz_slab_box *sheaf;
	struct viz_slab_box *barn;
	int stack_w, stack_gap, barn_slot_h, barn_pitch;
	/*
	 * The prefilled sheaves callers hold, in either design: a lane of
	 * their own, last, with a block of capacity slots per sheaf
	 * (held[i] for the snapshot's prefilled[i]).
	 */
	int nr_held;
	struct viz_slab_box *held;
};

/* The box of held sheaf i, and the screen rectangle of its slot slot. */
bool viz_layout_held(const struct viz_layout *l, const struct viz_view *v,
		     int i, SDL_Rect *out);
bool viz_layout_held_slot(const struct viz_layout *l,
			  const struct viz_view *v, int i, int slot,
			  SDL_Rect *out);
/* The held sheaf (and slot, or -1: the box) under (x, y), or false. */
bool viz_layout_hit_held(const struct viz_layout *l,
			 const struct viz_view *v, int x, int y, int *sheaf,
			 int *slot);
/* Where object obj of slab si is in a held sheaf: its slot, or -1. */
int viz_held_slot(const struct slub_snap_cache *c, int si, int obj,
		  int *sheaf);

/* The box of sheaf k (2 * cpu, + 1 for the spare) or of a node's barn. */
bool viz_layout_sheaf(const struct viz_layout *l, const struct viz_view *v,
		      int k, SDL_Rect *out);
bool viz_layout_barn(const struct viz_layout *l, const struct viz_view *v,
		     int node, SDL_Rect *out);
/* Screen rectangle of slot slot of sheaf k. */
bool viz_layout_slot(const struct viz_layout *l, const struct viz_view *v,
		     int k, int slot, SDL_Rect *out);
/*
 * What sheaf part is under (x, y): *sheaf (2 * cpu + spare) and *slot (or
 * -1: the box), or *barn (a node).  False when none is.
 */
bool viz_layout_hit_sheaf(const struct viz_layout *l,
			  const struct slub_snapshot *snap,
			  const struct viz_view *v, int x, int y,
			  int *sheaf, int *slot, int *barn);
/* The sheaf entries of CPU cpu (spare: its spare sheaf), or NULL. */
const struct slub_snap_ref *viz_sheaf_refs(const struct slub_snap_cache *c,
					   int cpu, bool spare, int *n);
/*
 * Where object obj of slab si is in a sheaf: returns the slot, with the
 * CPU and which sheaf, or -1 when it is in none.
 */
int viz_sheaf_slot(const struct slub_snap_cache *c, int nr_cpus, int si,
		   int obj, int *cpu, bool *spare);
/* The tag of an object in a sheaf: m3, s0, or with several CPUs 1m3. */
void viz_sheaf_tag(char *buf, size_t len, int nr_cpus, int cpu, bool spare,
		   int slot);

/* Lays out cache v->cache (or the chosen one) of snap at v->zoom. */
void viz_layout_build(struct viz_layout *l, const struct slub_snapshot *snap,
		      const struct viz_view *v);
void viz_layout_free(struct viz_layout *l);
/* Screen rectangle of object obj of slab slab; false if off the layout. */
bool viz_layout_object(const struct viz_layout *l, const struct viz_view *v,
		       int slab, int obj, SDL_Rect *out);
bool viz_layout_slab(const struct viz_layout *l, const struct viz_view *v,
		     int slab, SDL_Rect *out);
/* Screen rectangle of a lane's header box (it stays in the column). */
bool viz_layout_head(const struct viz_layout *l, const struct viz_view *v,
		     int lane, SDL_Rect *out);
/* The bar of a slab drawn as one (level of detail), or its cells area. */
void viz_layout_cells_area(const struct viz_layout *l,
			   const struct viz_view *v, int slab, SDL_Rect *out);
/* What is under screen point (x, y). */
struct viz_pick viz_layout_hit(const struct viz_layout *l,
			       const struct slub_snapshot *snap,
			       const struct viz_view *v, int x, int y);
/* Chooses zoom, slabs per row and pan so that the whole cache fits. */
void viz_view_fit(struct viz_view *v, const struct slub_snapshot *snap);
/* Fits when v->need_fit is set; then builds l for the frame. */
void viz_view_prepare(struct viz_view *v, struct viz_layout *l,
		      const struct slub_snapshot *snap);
/* A new window size: re-fits unless the view was zoomed or panned. */
void viz_view_resize(struct viz_view *v, int w, int h);
/*
 * Zooms by factor keeping what is under screen point (x, y) there (the
 * wheel); viz_view_zoom_content() zooms about the top left corner of the
 * slabs in view (the keys), where the lanes and their lists begin.  Both
 * mark the view as moved by hand.
 */
void viz_view_zoom(struct viz_view *v, const struct slub_snapshot *snap,
		   double factor, int x, int y);
void viz_view_zoom_content(struct viz_view *v,
			   const struct slub_snapshot *snap, double factor);
void viz_view_pan(struct viz_view *v, double dx, double dy);
/* The cache to show in detail: v->cache if found, else a user cache. */
int viz_pick_cache(const struct slub_snapshot *snap, const struct viz_view *v);

/* Labels drawn, kept for the tests (v->probe). */
enum viz_label_kind { VIZ_LABEL_LANE, VIZ_LABEL_FIELD, VIZ_LABEL_SLAB,
		      VIZ_LABEL_CELL, VIZ_LABEL_PANEL };

struct viz_label {
	int kind;		/* enum viz_label_kind */
	int face, px;
	SDL_Rect r;		/* where it was drawn */
	SDL_Rect clip;		/* the region it belongs to */
	SDL_Color fg;
	char s[80];		/* the text drawn (after any ellipsis) */
	char full[80];		/* the text asked for */
};

struct viz_probe {
	struct viz_label *lab;
	int n, cap;
};

/* ---------------------------------------------------------------- draw */

enum viz_color {
	/*
	 * Object-state fills: what a byte of a slab holds.  They are defined
	 * together in one table (draw.c) so that one palette can replace
	 * them.
	 */
	VIZ_C_ALLOC, VIZ_C_CPU_FREE, VIZ_C_PAGE_FREE, VIZ_C_REDZONE,
	VIZ_C_POISON, VIZ_C_TRACK, VIZ_C_FREEPTR, VIZ_C_PAD,
	VIZ_C_SHEAF, VIZ_C_BARN, VIZ_C_PREFILLED,
	/* The interface: backgrounds, text, lines and marks. */
	VIZ_C_BG, VIZ_C_LANE_ALT, VIZ_C_PANEL, VIZ_C_BOX, VIZ_C_BORDER,
	VIZ_C_TEXT, VIZ_C_DIM, VIZ_C_TITLE, VIZ_C_ACCENT, VIZ_C_ACCENT_TEXT,
	VIZ_C_ARROW, VIZ_C_CHANGED, VIZ_C_ERROR, VIZ_C_FROZEN, VIZ_C_STAT,
	VIZ_C_SLAB_BG, VIZ_C_TIP_BG, VIZ_C_TOP_TEXT, VIZ_C_TOP_DIM,
	VIZ_C_TOP_HI, VIZ_C_INK_DARK, VIZ_C_INK_LIGHT,
	VIZ_C_SLOT, VIZ_C_SHEAF_LINE,	/* an empty sheaf slot, slot arrows */
	VIZ_NR_COLORS
};

#define VIZ_NR_FILLS	(VIZ_C_PREFILLED + 1)

extern const SDL_Color viz_colors[VIZ_NR_COLORS];

/* Draws one whole frame.  frame may be NULL. */
void viz_draw(SDL_Renderer *r, const struct slub_snapshot *snap,
	      const struct viz_frame *frame, struct viz_view *v,
	      struct viz_layout *l);

/* Colour of an object cell's object part (one of VIZ_C_ALLOC ...). */
enum viz_color viz_obj_color(const struct slub_snap_object *o);
/* Ink for text on a background: the dark or the light one, whichever
 * contrasts more; *chip is set when neither reaches 4.5:1 (WCAG AA) and
 * the text needs a backing of the other. */
SDL_Color viz_ink_on(SDL_Color bg, bool *chip);
/* WCAG 2 contrast ratio of two sRGB colours (1 to 21). */
double viz_contrast(SDL_Color a, SDL_Color b);

/* ---------------------------------------------------------------- panels */

#define VIZ_LINE_MAX	96

/* The counters of c's design: 26 without sheaves, all with them. */
int viz_nr_counters(const struct slub_snap_cache *c);
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
/*
 * The step's functions as callers and callees ("2.1 slab_alloc_node >
 * 2.1.1 __slab_alloc > [...]"), nested by the allocator's call graph, not
 * by the order of the events; ends with an ellipsis when len cuts it.
 */
void viz_trail(const struct viz_frame *f, char *buf, size_t len);
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
/* The statement shown: pos, or pos + 1 when that statement failed. */
int viz_player_shown(const struct viz_player *p);
/*
 * The next and previous step as the window goes: statements that change
 * no state (viz_step_is_quiet()) are folded into the next one unless
 * every statement is a step (viz_player_set_every()).
 */
int viz_player_next(struct viz_player *p);
int viz_player_prev(struct viz_player *p);
void viz_player_set_every(struct viz_player *p, bool every);
bool viz_player_every(const struct viz_player *p);
bool viz_step_is_quiet(const char *stmt);
/*
 * Compare: every frame marks what differs from the state at step (-1:
 * the step shown), until viz_player_unmark().  0, or -1 (no memory, or
 * step beyond the scenario).  viz_player_marked(): that step, or -1.
 */
int viz_player_mark(struct viz_player *p, int step);
void viz_player_unmark(struct viz_player *p);
int viz_player_marked(const struct viz_player *p);
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
	int step;		/* --step N: open at step N, or -1 */
	int steps_from, steps_to;	/* --steps A-B (headless), or -1 */
	int compare;		/* --compare A: mark differences, or -1 */
	bool every;		/* --every: every statement is a step */
	const char *session;	/* --session FILE */
	const struct viz_session *view;	/* the loaded session, or NULL */
};

/* ---------------------------------------------------------------- session */

#define VIZ_SESSION_MIN_ZOOM	0.02
#define VIZ_SESSION_MAX_ZOOM	6.0

struct viz_session {
	char scenario[1024];
	int step;		/* -1: not given */
	int compare;		/* -1: none */
	int every, follow;	/* 0 or 1 */
	int focus_cpu;
	char cache[64];
	bool fit;		/* zoom fit, or zoom, pan and cols */
	double zoom, pan_x, pan_y;
	int cols;
};

/* 0, or -1 with "FILE:LINE: error: ..." in err. */
int viz_session_load(const char *path, struct viz_session *s, char *err,
		     size_t len);
int viz_session_save(const char *path, const struct viz_session *s);
void viz_session_from_view(struct viz_session *s, const struct viz_view *v);
void viz_session_to_view(const struct viz_session *s, struct viz_view *v);

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
