// SPDX-License-Identifier: GPL-2.0-only
/*
 * test_rig: the drawing set-up the in-process tests share (test_viz.h): a
 * headless canvas of VIZ_TEST_W x VIZ_TEST_H with a view and a layout,
 * the labels drawn kept, showing a hand-built snapshot or a scenario at a
 * step.
 */
#include <stdlib.h>
#include <string.h>
#include "viz.h"
#include "viz_int.h"
#include "scenario.h"
#include "test_viz.h"

int rig_open(struct rig *g)
{
	memset(g, 0, sizeof(*g));
	g->l.cache = -1;
	if (viz_canvas_open(&g->cv, VIZ_TEST_W, VIZ_TEST_H))
		return -1;
	viz_view_init(&g->v, VIZ_TEST_W, VIZ_TEST_H, g->cv.text);
	g->v.probe = &g->probe;
	return 0;
}

int rig_synth(struct rig *g, int slabs, unsigned long flags)
{
	if (rig_open(g))
		return -1;
	g->v.need_fit = true;
	g->snap = g->synth = viz_synth_snapshot(slabs, 64, 64, flags);
	return g->snap ? 0 : -1;
}

int rig_load(struct rig *g, const char *path)
{
	struct scn_error err;

	if (rig_open(g))
		return -1;
	g->sc = scn_parse_file(path, &err);
	if (!g->sc)
		return -1;
	g->p = viz_player_new(g->sc);
	return g->p ? 0 : -1;
}

int rig_scenario(struct rig *g, const char *path, int n)
{
	if (rig_load(g, path))
		return -1;
	g->v.need_fit = true;
	viz_player_goto(g->p, n < 0 ? viz_player_nsteps(g->p) : n);
	viz_follow(&g->v, g->p);
	g->snap = viz_player_snapshot(g->p);
	return g->snap ? 0 : -1;
}

void rig_draw(struct rig *g)
{
	struct viz_frame f;

	if (g->p) {
		viz_player_frame(g->p, &f);
		viz_draw(g->cv.r, g->snap, &f, &g->v, &g->l);
	} else {
		viz_draw(g->cv.r, g->snap, NULL, &g->v, &g->l);
	}
	SDL_RenderFlush(g->cv.r);
}

void rig_step(struct rig *g, int n)
{
	viz_player_goto(g->p, n);
	g->snap = viz_player_snapshot(g->p);
	if (!g->v.user_moved)
		g->v.need_fit = true;
	rig_draw(g);
}

void rig_close(struct rig *g)
{
	viz_view_release(&g->v);
	viz_layout_free(&g->l);
	viz_canvas_close(&g->cv);
	viz_synth_free(g->synth);
	viz_player_free(g->p);
	scn_free(g->sc);
	free(g->probe.lab);
}

const struct viz_label *rig_label(const struct rig *g, int kind,
				  const char *prefix)
{
	int i;

	for (i = 0; i < g->probe.n; i++)
		if (g->probe.lab[i].kind == kind &&
		    !strncmp(g->probe.lab[i].s, prefix, strlen(prefix)))
			return &g->probe.lab[i];
	return NULL;
}
