// SPDX-License-Identifier: GPL-2.0-only
/*
 * test_sheaves: the drawing of a sheaf cache's sheaves and barns, on the
 * shipped sheaf scenarios, in-process and headless.
 *
 *  - at every step, each CPU's main and spare sheaf has as many slots in
 *    the colour of "free: in a sheaf" as the snapshot's size, the rest in
 *    the empty slot's colour, and each barn as many full sheaves in the
 *    barn's colour as the snapshot counts;
 *  - at a zoom of bars a sheaf is one bar filled in the proportion of its
 *    size, and two sheaves of the same size are the same pixels;
 *  - stepping back over a barn put and forward again gives the same
 *    picture, which differs from the one before the put;
 *  - a slot's tooltip names its object, the object's names its slot, a
 *    click on a slot picks its object, and the header boxes and counters
 *    show the sheaves' fields and counters;
 *  - in both designs, at every step of the prefill scenario, each
 *    prefilled sheaf a caller holds has as many slots in the colour of
 *    "free: in a prefilled sheaf" as the snapshot's size, the rest empty,
 *    and is labelled with the scenario's name for it; so many objects'
 *    cells have that colour too.
 */
#include <stdlib.h>
#include <string.h>
#include "viz.h"
#include "viz_int.h"
#include "scenario.h"
#include "test_viz.h"

#define W	VIZ_TEST_W
#define H	VIZ_TEST_H
#define SCN_BARN	"viz/scenarios/22-sheaves-barn.scn"
#define SCN_PREFILL	"viz/scenarios/27-sheaves-prefill.scn"

static const char *const sheaf_scenarios[] = {
	"viz/scenarios/20-sheaves-first-alloc.scn",
	"viz/scenarios/21-sheaves-spare.scn",
	SCN_BARN,
	"viz/scenarios/24-sheaves-flush-barn-full.scn",
	"viz/scenarios/25-sheaves-remote-free.scn",
};

static unsigned int pix(const struct rig *g, int x, int y)
{
	return viz_canvas_pixel(&g->cv, x, y) & 0xffffff;
}

static unsigned int rgb(enum viz_color c)
{
	SDL_Color k = viz_colors[c];

	return (unsigned int)k.r << 16 | k.g << 8 | k.b;
}

static const struct slub_snap_cache *shown(const struct rig *g)
{
	return g->l.cache >= 0 ? &g->snap->caches[g->l.cache] : NULL;
}

/*
 * Slots of sheaf k painted filled and empty: most of a slot's pixels in
 * the one colour or the other (its number and the arrows of other
 * sheaves cross some).
 */
static void count_slots(const struct rig *g, int k, int *filled, int *empty)
{
	SDL_Rect r;
	int i, x, y, cap = (int)shown(g)->sheaf_capacity, f, e;
	unsigned int c;

	*filled = *empty = 0;
	for (i = 0; i < cap; i++) {
		if (!viz_layout_slot(&g->l, &g->v, k, i, &r))
			continue;
		for (f = e = 0, y = 0; y < r.h; y++)
			for (x = 0; x < r.w; x++) {
				c = pix(g, r.x + x, r.y + y);
				f += c == rgb(VIZ_C_SHEAF);
				e += c == rgb(VIZ_C_SLOT);
			}
		*filled += 2 * f > r.w * r.h;
		*empty += 2 * e > r.w * r.h;
	}
}

/* Full sheaves painted in node's barn: the barn's bars in its colour. */
static int count_barn(const struct rig *g, int node)
{
	const struct viz_slab_box *b = &g->l.barn[node];
	int ox, oy, i, n = 0;

	viz_layout_origin(&g->l, &g->v, &ox, &oy);
	for (i = 0; i < b->rows; i++) {
		int y = oy + b->cells_y + b->cells_h - i * g->l.barn_pitch - 1;
		int x, in = 0;

		/* most of the bar: arrows to the objects may cross it */
		for (x = 0; x < g->l.stack_w; x++)
			in += pix(g, ox + b->cells_x + x, y) == rgb(VIZ_C_BARN);
		n += 2 * in > g->l.stack_w;
	}
	return n;
}

static void test_slots_match_snapshot(void)
{
	int s, n, k, bad = 0, steps = 0, slots = 0, barns = 0;

	for (s = 0; s < (int)(sizeof(sheaf_scenarios) /
			      sizeof(sheaf_scenarios[0])); s++) {
		struct rig g;

		if (rig_load(&g, sheaf_scenarios[s])) {
			check(false, "%s opens", sheaf_scenarios[s]);
			rig_close(&g);
			continue;
		}
		for (n = 0; n <= viz_player_nsteps(g.p); n++) {
			const struct slub_snap_cache *c;

			rig_step(&g, n);
			c = shown(&g);
			if (!c || !c->sheaf_capacity || g.l.bars)
				continue;
			steps++;
			for (k = 0; k < g.l.nr_sheaves; k++) {
				const struct slub_snap_cpu *cc = &c->cpu[k / 2];
				int size = k % 2 ? cc->spare_size :
						   cc->main_size;
				int filled, empty;

				if (size < 0)
					continue;
				count_slots(&g, k, &filled, &empty);
				slots += filled;
				if (filled == size && filled + empty ==
				    (int)c->sheaf_capacity)
					continue;
				if (bad++ < 4)
					printf("  %s step %d: CPU %d %s sheaf: "
					       "%d filled, %d empty drawn; size "
					       "%d\n", sheaf_scenarios[s], n,
					       k / 2, k % 2 ? "spare" : "main",
					       filled, empty, size);
			}
			for (k = 0; k < g.l.nr_barns; k++) {
				int full = count_barn(&g, k);

				barns += full;
				if (full != c->node[k].barn_full && bad++ < 4)
					printf("  %s step %d: barn %d: %d full "
					       "drawn, %d in the snapshot\n",
					       sheaf_scenarios[s], n, k, full,
					       c->node[k].barn_full);
			}
		}
		rig_close(&g);
	}
	check(!bad && steps > 60 && slots > 100 && barns > 10,
	      "every sheaf drawn has as many filled slots as its size, every "
	      "barn as many full sheaves as it holds (%d steps, %d filled "
	      "slots, %d barn sheaves; %d wrong)", steps, slots, barns, bad);
}

/* Slots of held sheaf h painted filled and empty, as count_slots. */
static void count_held_slots(const struct rig *g, int h, int *filled,
			     int *empty)
{
	const struct slub_snap_prefilled *p = &shown(g)->prefilled[h];
	SDL_Rect r;
	int i, x, y, f, e;
	unsigned int c;

	*filled = *empty = 0;
	for (i = 0; i < (int)p->capacity; i++) {
		if (!viz_layout_held_slot(&g->l, &g->v, h, i, &r))
			continue;
		for (f = e = 0, y = 0; y < r.h; y++)
			for (x = 0; x < r.w; x++) {
				c = pix(g, r.x + x, r.y + y);
				f += c == rgb(VIZ_C_PREFILLED);
				e += c == rgb(VIZ_C_SLOT);
			}
		*filled += 2 * f > r.w * r.h;
		*empty += 2 * e > r.w * r.h;
	}
}

/* Object cells of the shown cache whose object part has the prefilled
 * colour. */
static int count_held_cells(const struct rig *g)
{
	const struct slub_snap_cache *c = shown(g);
	int si, i, x, y, f, n = 0;
	SDL_Rect r;

	for (si = 0; si < c->nr_slabs; si++)
		for (i = 0; i < (int)c->slabs[si].objects; i++) {
			if (!viz_layout_object(&g->l, &g->v, si, i, &r))
				continue;
			for (f = 0, y = 0; y < r.h; y++)
				for (x = 0; x < r.w; x++)
					f += pix(g, r.x + x, r.y + y) ==
					     rgb(VIZ_C_PREFILLED);
			/* a debug cell gives most of its width to metadata */
			n += 5 * f > r.w * r.h;
		}
	return n;
}

/* Labels of held sheaves named by the scenario ("sheaf s  1/4"). */
static int named_labels(const struct rig *g)
{
	int i, n = 0;

	for (i = 0; i < g->probe.n; i++)
		n += g->probe.lab[i].kind == VIZ_LABEL_SLAB &&
		     !strncmp(g->probe.lab[i].s, "sheaf ", 6) &&
		     g->probe.lab[i].s[6] != '#';
	return n;
}

static void test_held_sheaves_match_snapshot(void)
{
	int design, n, h, bad = 0, steps = 0, slots = 0, cells = 0;

	for (design = 0; design < 2; design++) {
		struct rig g;

		/* design 0: the 3.18 cpu slab, every prefill oversize */
		scn_set_design(design ? SCN_DESIGN_OWN : 0);
		if (rig_load(&g, SCN_PREFILL)) {
			check(false, "%s opens", SCN_PREFILL);
			rig_close(&g);
			continue;
		}
		for (n = 0; n <= viz_player_nsteps(g.p); n++) {
			const struct slub_snap_cache *c;
			int held = 0, drawn;

			rig_step(&g, n);
			c = shown(&g);
			if (!c || g.l.bars || !c->nr_prefilled)
				continue;
			steps++;
			for (h = 0; h < c->nr_prefilled; h++) {
				const struct slub_snap_prefilled *p =
					&c->prefilled[h];
				int filled, empty;

				held += p->size;
				count_held_slots(&g, h, &filled, &empty);
				slots += filled;
				if (filled == p->size && filled + empty ==
				    (int)p->capacity)
					continue;
				if (bad++ < 4)
					printf("  design %d step %d: held sheaf "
					       "%d: %d filled, %d empty drawn; "
					       "size %d of %u\n", design, n, h,
					       filled, empty, p->size,
					       p->capacity);
			}
			drawn = count_held_cells(&g);
			cells += drawn;
			if (drawn != held && bad++ < 4)
				printf("  design %d step %d: %d cells drawn as "
				       "in a prefilled sheaf, %d held\n",
				       design, n, drawn, held);
			if (named_labels(&g) != c->nr_prefilled && bad++ < 4)
				printf("  design %d step %d: %d held sheaves "
				       "labelled with their names, %d held\n",
				       design, n, named_labels(&g),
				       c->nr_prefilled);
		}
		rig_close(&g);
	}
	scn_set_design(SCN_DESIGN_OWN);
	check(!bad && steps > 20 && slots > 40 && cells == slots,
	      "every prefilled sheaf drawn has as many filled slots as its "
	      "size, its objects' cells that colour and its name, in both "
	      "designs (%d steps, %d filled slots, %d cells, %d wrong)",
	      steps, slots, cells, bad);
}

/* Bars: a sheaf's bar is filled in the proportion size / capacity. */
static void test_sheaf_bars(void)
{
	const struct slub_snap_cache *c;
	const struct viz_slab_box *m, *sp;
	int ox, oy, x, filled = 0, want, same = 1, y;
	struct rig g;

	if (rig_load(&g, SCN_BARN))
		return;
	g.v.zoom = 0.25;
	g.v.user_moved = true;
	rig_step(&g, 4);		/* CPU 0: main and spare both full */
	c = shown(&g);
	m = &g.l.sheaf[0];
	sp = &g.l.sheaf[1];
	viz_layout_origin(&g.l, &g.v, &ox, &oy);
	y = oy + m->cells_y + m->cells_h / 2;
	for (x = 0; x < m->cells_w; x++)
		filled += pix(&g, ox + m->cells_x + x, y) == rgb(VIZ_C_SHEAF);
	want = m->cells_w * c->cpu[0].main_size / (int)c->sheaf_capacity;
	for (y = 0; y < m->cells_h; y++)
		for (x = 0; x < m->cells_w; x++)
			same &= pix(&g, ox + m->cells_x + x, oy + m->cells_y +
				    y) == pix(&g, ox + sp->cells_x + x,
					      oy + sp->cells_y + y);
	check(g.l.bars && filled == want && want > 0 &&
	      c->cpu[0].spare_size == c->cpu[0].main_size && same,
	      "at zoom 0.25 a sheaf is one bar, %d of %d pixels filled (%d "
	      "wanted), and two full sheaves are the same pixels", filled,
	      m->cells_w, want);
	rig_close(&g);
}

static unsigned long frame_hash(const struct rig *g)
{
	unsigned long h = 1469598103934665603UL;
	int x, y;

	for (y = 0; y < H; y += 2)
		for (x = 0; x < W; x += 2)
			h = (h ^ pix(g, x, y)) * 1099511628211UL;
	return h;
}

/* The step of the barn scenario whose statement put sheaves in the barn. */
static int barn_put_step(struct rig *g)
{
	int n, before = 0;

	for (n = 1; n <= viz_player_nsteps(g->p); n++) {
		const struct slub_snap_cache *c;

		viz_player_goto(g->p, n);
		c = viz_player_snapshot(g->p) ?
		    slub_snapshot_cache(viz_player_snapshot(g->p), "c") : NULL;
		if (c && c->node[0].barn_full > before)
			return n;
		before = c ? c->node[0].barn_full : 0;
	}
	return -1;
}

static void test_step_back_barn_put(void)
{
	unsigned long at, again, before;
	struct rig g;
	int k;

	if (rig_load(&g, SCN_BARN))
		return;
	k = barn_put_step(&g);
	g.v.user_moved = false;
	rig_step(&g, k);
	at = frame_hash(&g);
	rig_step(&g, k - 1);
	before = frame_hash(&g);
	rig_step(&g, k);
	again = frame_hash(&g);
	check(k > 0 && at == again && at != before, "stepping back over the "
	      "barn put (step %d) and forward again draws the same picture, "
	      "not the one before", k);
	rig_close(&g);
}

static void test_sheaf_tips_and_fields(void)
{
	char slot_tip[VIZ_TIP_MAX], obj_tip[VIZ_TIP_MAX], barn_tip[VIZ_TIP_MAX];
	char lines[64][VIZ_LINE_MAX];
	const struct slub_snap_cache *c;
	const struct slub_snap_ref *ref;
	struct viz_pick p;
	struct rig g;
	SDL_Rect r;
	int n, i, barn_line = 0;

	if (rig_load(&g, SCN_BARN))
		return;
	rig_step(&g, 4);
	c = shown(&g);
	ref = viz_sheaf_refs(c, 0, false, &n);
	viz_layout_slot(&g.l, &g.v, 0, n - 1, &r);
	g.v.mouse_x = r.x + r.w / 2;
	g.v.mouse_y = r.y + r.h / 2;
	p = viz_layout_hit(&g.l, g.snap, &g.v, g.v.mouse_x, g.v.mouse_y);
	rig_step(&g, 4);
	memcpy(slot_tip, g.v.tip, sizeof(slot_tip));
	viz_layout_object(&g.l, &g.v, ref[n - 1].slab, ref[n - 1].obj, &r);
	g.v.mouse_x = r.x + r.w / 2;
	g.v.mouse_y = r.y + r.h / 2;
	rig_step(&g, 4);
	memcpy(obj_tip, g.v.tip, sizeof(obj_tip));
	viz_layout_barn(&g.l, &g.v, 0, &r);
	g.v.mouse_x = r.x + r.w / 2;
	g.v.mouse_y = r.y + r.h / 2;
	rig_step(&g, 4);
	memcpy(barn_tip, g.v.tip, sizeof(barn_tip));
	check(strstr(slot_tip, "main sheaf, slot 3 of 4") &&
	      strstr(slot_tip, "the next allocation") &&
	      strstr(obj_tip, "in CPU 0's main sheaf, slot 3") &&
	      strstr(barn_tip, "4 full sheaves (16 objects)"),
	      "tooltips: slot '%.60s', object '%.90s', barn '%.60s'",
	      slot_tip, obj_tip, barn_tip);
	check(p.slab == ref[n - 1].slab && p.obj == ref[n - 1].obj,
	      "a click on a slot picks its object (slab %d obj %d, want %d "
	      "%d)", p.slab, p.obj, ref[n - 1].slab, ref[n - 1].obj);
	check(rig_label(&g, VIZ_LABEL_FIELD, "main     4/4") &&
	      rig_label(&g, VIZ_LABEL_FIELD, "spare    4/4") &&
	      rig_label(&g, VIZ_LABEL_FIELD, "barn full  4/10") &&
	      rig_label(&g, VIZ_LABEL_SLAB, "main sheaf  4/4") &&
	      rig_label(&g, VIZ_LABEL_SLAB, "barn full 4/10") &&
	      rig_label(&g, VIZ_LABEL_CELL, "0m3") &&
	      rig_label(&g, VIZ_LABEL_CELL, "0s0"),
	      "the boxes, sheaves, barn and object cells are labelled");
	n = viz_inspect_lines(g.snap, &p, lines, 64);
	for (i = 0; i < n && !strstr(lines[i], "main sheaf, slot 3"); i++)
		;
	check(i < n, "the inspector of a slot's object names its sheaf and "
	      "slot");
	n = viz_counter_lines(g.snap, g.l.cache, -1, lines, 64);
	for (i = 0; i < n; i++)
		barn_line |= !strncmp(lines[i], "barn_put", 8) &&
			     strstr(lines[i], " 4 ") != NULL;
	check(barn_line, "the counters panel shows barn_put 4");
	rig_close(&g);
}

/* The sheaf functions nest by their call graph, like the others. */
static void test_sheaf_trail(void)
{
	/* The order of the reports of a first allocation with sheaves. */
	static const char *const order[] = {
		"__pcs_replace_empty_main", "refill_objects",
		"take_new_slab_objects", "refill_sheaf", "alloc_from_pcs",
	};
	struct viz_event ev[5];
	struct viz_frame f = { .ev = ev, .nev = 5 };
	char buf[512];
	const char *a, *b, *c, *e;
	int i;

	for (i = 0; i < 5; i++)
		ev[i] = (struct viz_event){ .type = SLUB_EV_STAT,
			.func = order[i],
			.section = slub_func_section(order[i]) };
	viz_trail(&f, buf, sizeof(buf));
	a = strstr(buf, "alloc_from_pcs >");
	b = strstr(buf, "__pcs_replace_empty_main >");
	c = strstr(buf, "refill_sheaf >");
	e = strstr(buf, "refill_objects > ");
	check(a && b && c && e && a < b && b < c && c < e &&
	      strstr(e, "take_new_slab_objects") && !strstr(buf, "\xc2\xb7"),
	      "the trail of a refill nests the sheaf functions as they call "
	      "each other: '%s'", buf);
}

/*
 * The arrows of CPU 0's slots go round the other CPUs' sheaves: with only
 * CPU 0's arrows drawn (CPU 0 in focus) every other CPU's sheaf box is
 * the same pixels as with no arrows at all (a CPU that does not exist in
 * focus).
 */
static void test_arrows_clear_other_sheaves(void)
{
	int s, n, k, x, y, steps = 0, drawn = 0, bad = 0;
	unsigned int *ref;

	ref = malloc(sizeof(*ref) * W * H);
	for (s = 0; ref && s < (int)(sizeof(sheaf_scenarios) /
				     sizeof(sheaf_scenarios[0])); s++) {
		struct rig g;

		if (rig_load(&g, sheaf_scenarios[s])) {
			rig_close(&g);
			continue;
		}
		for (n = 0; n <= viz_player_nsteps(g.p); n++) {
			const struct slub_snap_cache *c;
			bool differ = false;
			SDL_Rect r;

			g.v.focus_cpu = 64;
			rig_step(&g, n);
			c = shown(&g);
			if (!c || !c->sheaf_capacity || g.l.bars ||
			    g.snap->nr_cpus < 2 || c->cpu[0].main_size <= 0)
				continue;
			for (y = 0; y < H; y++)
				for (x = 0; x < W; x++)
					ref[y * W + x] = pix(&g, x, y);
			g.v.focus_cpu = 0;
			rig_step(&g, n);
			steps++;
			for (y = 0; y < H && !differ; y++)
				for (x = 0; x < W && !differ; x++)
					differ = ref[y * W + x] != pix(&g, x, y);
			drawn += differ;
			for (k = 2; k < g.l.nr_sheaves; k++) {
				int diff = 0;

				if (!viz_layout_sheaf(&g.l, &g.v, k, &r))
					continue;
				for (y = r.y; y < r.y + r.h; y++)
					for (x = r.x; x < r.x + r.w; x++)
						diff += x >= 0 && y >= 0 &&
							x < W && y < H &&
							ref[y * W + x] !=
							pix(&g, x, y);
				if (diff && bad++ < 4)
					printf("  %s step %d: %d pixels of CPU "
					       "%d's %s sheaf changed by CPU 0's "
					       "arrows\n", sheaf_scenarios[s], n,
					       diff, k / 2, k % 2 ? "spare" :
					       "main");
			}
		}
		rig_close(&g);
	}
	free(ref);
	check(ref && !bad && steps > 20 && drawn == steps,
	      "CPU 0's slot arrows cross no other CPU's sheaf (%d steps with "
	      "CPU 0's sheaf filled, %d with its arrows drawn; %d crossings)",
	      steps, drawn, bad);
}

void test_sheaves(void)
{
	test_sheaf_trail();
	test_slots_match_snapshot();
	test_sheaf_bars();
	test_step_back_barn_put();
	test_sheaf_tips_and_fields();
	test_arrows_clear_other_sheaves();
	test_held_sheaves_match_snapshot();
}
