/* SPDX-License-Identifier: GPL-2.0-only */
/* Shared by the visualizer's test files. */
#ifndef SLUBVIZ_TEST_H
#define SLUBVIZ_TEST_H

#include <stdbool.h>
#include "viz.h"

void check(bool ok, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The rendering tests of test_render.c (in-process, headless). */
void test_render(void);
/* A sheaf cache's sheaves and barns (test_sheaves.c). */
void test_sheaves(void);
/* The steps, the trail, compare, --step and sessions (test_steps.c). */
void test_steps(const char *tmpdir, bool units_only);

/*
 * The drawing set-up of the in-process tests (test_rig.c): a headless
 * canvas the size of the default window, its view and layout,
 * the labels drawn (probe), and what is shown: a hand-built snapshot
 * (synth) or a scenario's player at a step.
 */
#define VIZ_TEST_W	1400
#define VIZ_TEST_H	900

struct scenario;

struct rig {
	struct viz_canvas cv;
	struct viz_view v;
	struct viz_layout l;
	struct viz_probe probe;
	struct slub_snapshot *synth;
	struct scenario *sc;
	struct viz_player *p;
	const struct slub_snapshot *snap;
};

/* The canvas and the view, nothing shown yet, no fit asked; 0 or -1. */
int rig_open(struct rig *g);
/* A hand-built snapshot of slabs slabs (viz_synth_snapshot), fitted. */
int rig_synth(struct rig *g, int slabs, unsigned long flags);
/* A scenario's player at its start. */
int rig_load(struct rig *g, const char *path);
/* A scenario run to step n (-1: the end), its cache followed, fitted. */
int rig_scenario(struct rig *g, const char *path, int n);
/* Draws what is shown at the view's zoom and pan. */
void rig_draw(struct rig *g);
/* Goes to step n of the player and draws it, fitted unless the view was
 * moved by hand. */
void rig_step(struct rig *g, int n);
void rig_close(struct rig *g);
/* The first label of kind drawn whose text starts with prefix, or NULL. */
const struct viz_label *rig_label(const struct rig *g, int kind,
				  const char *prefix);

#endif
