// SPDX-License-Identifier: GPL-2.0-only
/*
 * The lanes of the main area: each is a band across it, alternately
 * tinted, with its header box in the column at the left (kmem_cache_cpu,
 * kmem_cache_node, a list) and the arrows from the box's fields to the
 * slabs: c->page, c->freelist, c->partial and the node's lists.  The
 * boxes are drawn at a fixed size in screen pixels, so that their titles
 * and fields stay readable at every zoom.  Also the cache's name above
 * the lanes.
 */
#include <string.h>
#include "viz.h"
#include "viz_int.h"
#include "draw_int.h"

/* ----------------------------------------------------------- lane boxes */

static void box_frame(struct dctx *d, const SDL_Rect *r, bool focus)
{
	viz_set_color(d->r, C(BOX));
	SDL_RenderFillRect(d->r, r);
	viz_set_color(d->r, focus ? C(ACCENT) : C(BORDER));
	SDL_RenderDrawRect(d->r, r);
	if (focus)
		SDL_RenderDrawRect(d->r, &(SDL_Rect){ r->x + 1, r->y + 1,
				   r->w - 2, r->h - 2 });
}

static const char *const lane_meaning[] = {
	[VIZ_LANE_CPU] = "struct kmem_cache_cpu: this CPU's slab (c->page), "
		"its lockless freelist and its chain of frozen partial slabs",
	[VIZ_LANE_NODE] = "struct kmem_cache_node: the node's partial slabs, "
		"under n->list_lock",
	[VIZ_LANE_FULL] = "n->full: full slabs, kept on a list only for "
		"debug caches (SLAB_STORE_USER) so that validate finds them",
	[VIZ_LANE_UNLISTED] = "Full slabs are on no list: SLUB forgets a "
		"full slab until a free makes it partial again",
	[VIZ_LANE_HELD] = "Sheaves from kmem_cache_prefill_sheaf(), held by "
		"their callers until kmem_cache_return_sheaf(): the kernel "
		"keeps no list of them, the observation layer does",
};

/*
 * Line k of a lane box (0: the title): the first of up to three forms,
 * separated by '|', that fits the box, else the last one cut.  Sets the
 * tooltip when the pointer is on it.
 */
static void field(struct dctx *d, const SDL_Rect *box, int k,
		  const char *forms, const char *tip)
{
	enum viz_face face = k ? VIZ_MONO : VIZ_BOLD;
	int px = k ? VIZ_FIELD_PX : VIZ_HEAD_PX, w = box->w - 12;
	int y = box->y + VIZ_HEAD_TOP + VIZ_HEAD_LINE * k;
	SDL_Rect line = { box->x, y, box->w, VIZ_HEAD_LINE };
	char form[96];
	const char *p = forms;
	size_t n;

	for (;;) {
		n = strcspn(p, "|");
		snprintf(form, sizeof(form), "%.*s", (int)n, p);
		if (!p[n] || viz_text_width(d->v->text, face, px, form) <= w)
			break;
		p += n + 1;
	}
	viz_label(d, k ? VIZ_LABEL_FIELD : VIZ_LABEL_LANE, face, px,
		  k ? C(TEXT) : C(TITLE), box->x + 7, y, w, &d->reg.heads,
		  form);
	if (tip && viz_hover(d, &line))
		viz_tip(d, 2, "%s", tip);
}

/*
 * Line k of a box differs from the state before the step (or the step
 * compared with): an amber band behind it, as behind a changed counter.
 */
static void mark_line(struct dctx *d, const SDL_Rect *box, int k, bool on)
{
	if (!on)
		return;
	viz_set_color(d->r, C(CHANGED));
	SDL_RenderFillRect(d->r, &(SDL_Rect){ box->x + 2, box->y +
			   VIZ_HEAD_TOP + VIZ_HEAD_LINE * k - 1, box->w - 4,
			   VIZ_HEAD_LINE });
}

static long pfn_of(const struct slub_snap_cache *c, int si)
{
	return si >= 0 && si < c->nr_slabs ? c->slabs[si].pfn : -1;
}

static unsigned int inuse_of(const struct slub_snap_cache *c, int si)
{
	return si >= 0 && si < c->nr_slabs ? c->slabs[si].inuse : 0;
}

/* The previous state of CPU cpu's kmem_cache_cpu, or NULL. */
static const struct slub_snap_cpu *prev_cpu(const struct dctx *d, int cpu)
{
	if (!d->prev_cache || !d->f || !d->f->prev ||
	    cpu >= d->f->prev->nr_cpus)
		return NULL;
	return &d->prev_cache->cpu[cpu];
}

static const struct slub_snap_node *prev_node(const struct dctx *d, int n)
{
	if (!d->prev_cache || !d->f || !d->f->prev ||
	    n >= d->f->prev->nr_nodes)
		return NULL;
	return &d->prev_cache->node[n];
}

static void arrow_to_block(struct dctx *d, int ax, int ay, int si)
{
	SDL_Rect b;

	if (si < 0 || si >= d->cache->nr_slabs)
		return;
	viz_block_rect(d, si, &b);
	viz_elbow(d, ax, ay, b.x - 1, b.y + viz_clampi(b.h / 2, 1, 7), C(ARROW));
}

/* From a box field to the top of an object cell, above its row. */
static void arrow_to_cell(struct dctx *d, int ax, int ay, int si, int obj)
{
	SDL_Color c = C(FROZEN);
	int xm, ym, cx;
	SDL_Rect b, r;

	if (si < 0 || si >= d->cache->nr_slabs || obj < 0 ||
	    obj >= (int)d->cache->slabs[si].objects)
		return;
	viz_block_rect(d, si, &b);
	if (d->l->bars) {
		arrow_to_block(d, ax, ay, si);
		return;
	}
	viz_cell_rect(d, si, obj, &r);
	xm = ax + (b.x - ax) / 3;
	ym = r.y - (d->l->gap + 1) / 2 - 1;
	cx = r.x + r.w / 2;
	viz_set_color(d->r, c);
	SDL_RenderFillRect(d->r, &(SDL_Rect){ ax - 2, ay - 2, 5, 5 });
	SDL_RenderDrawLine(d->r, ax, ay, xm, ay);
	SDL_RenderDrawLine(d->r, xm, ay, xm, ym);
	SDL_RenderDrawLine(d->r, xm, ym, cx, ym);
	viz_arrow(d->r, cx, ym, cx, r.y, c, 4);
}

/* Where the arrow of line k of a box leaves from: the right edge. */
static void anchor(const SDL_Rect *box, int k, int *ax, int *ay)
{
	*ax = box->x + box->w;
	*ay = box->y + VIZ_HEAD_TOP + VIZ_HEAD_LINE * k + VIZ_HEAD_LINE / 2;
}

static const struct slub_snap_slab *cpu_slab(const struct dctx *d,
					     const struct slub_snap_cpu *cc)
{
	if (cc->slab >= 0 && cc->slab < d->cache->nr_slabs)
		return &d->cache->slabs[cc->slab];
	return NULL;
}

static const struct slub_snap_slab *partial_head(const struct dctx *d,
						 const struct slub_snap_cpu *cc)
{
	if (cc->nr_partial > 0 && cc->partial[0] >= 0 &&
	    cc->partial[0] < d->cache->nr_slabs)
		return &d->cache->slabs[cc->partial[0]];
	return NULL;
}

/* From a box field to a sheaf's or a barn's block. */
static void arrow_to_rect(struct dctx *d, int ax, int ay, const SDL_Rect *b)
{
	viz_elbow(d, ax, ay, b->x - 1, b->y + viz_clampi(b->h / 2, 1, 7),
		  C(SHEAF_LINE));
}

static void sheaf_cpu_arrows(struct dctx *d, const struct viz_lane *ln,
			     const SDL_Rect *r)
{
	SDL_Rect b;
	int ax, ay, k;

	for (k = 0; k < 2; k++) {
		anchor(r, 1 + k, &ax, &ay);
		if (viz_layout_sheaf(d->l, d->v, 2 * ln->id + k, &b))
			arrow_to_rect(d, ax, ay, &b);
	}
}

static void cpu_arrows(struct dctx *d, const struct viz_lane *ln,
		       const SDL_Rect *r)
{
	const struct slub_snap_cpu *cc = &d->cache->cpu[ln->id];
	int ax, ay;

	if (d->l->sheaves) {
		sheaf_cpu_arrows(d, ln, r);
		return;
	}
	anchor(r, 2, &ax, &ay);
	arrow_to_block(d, ax, ay, cc->slab);
	anchor(r, 3, &ax, &ay);
	arrow_to_cell(d, ax, ay, cc->slab, cc->freelist);
	anchor(r, 4, &ax, &ay);
	if (partial_head(d, cc))
		arrow_to_block(d, ax, ay, cc->partial[0]);
	viz_list_arrows(d, cc->partial, cc->nr_partial);
}

/*
 * A CPU of a sheaf cache: its struct slub_percpu_sheaves, main and spare.
 * (The cache's kmem_cache_cpu stays, for the counters only.)
 */
static void sheaf_cpu_box(struct dctx *d, const struct viz_lane *ln,
			  const SDL_Rect *r)
{
	const struct slub_snap_cpu *cc = &d->cache->cpu[ln->id];
	const struct slub_snap_cpu *pc = prev_cpu(d, ln->id);
	bool running = d->snap->current_cpu == ln->id;
	unsigned int cap = d->cache->sheaf_capacity;
	char buf[200];

	box_frame(d, r, d->v->focus_cpu == ln->id || running);
	if (pc) {
		mark_line(d, r, 1, pc->main_size != cc->main_size);
		mark_line(d, r, 2, pc->spare_size != cc->spare_size);
	}
	snprintf(buf, sizeof(buf), "CPU %d  slub_percpu_sheaves%s|CPU %d  "
		 "sheaves%s|CPU %d", ln->id, running ? "  running" : "",
		 ln->id, running ? "  running" : "", ln->id);
	field(d, r, 0, buf, "struct slub_percpu_sheaves: this CPU's main "
	      "and spare sheaf of the cache, under the CPU's lock");
	snprintf(buf, sizeof(buf), "main     %d/%u objects|main %d/%u",
		 cc->main_size, cap, cc->main_size, cap);
	field(d, r, 1, buf, "pcs->main: the sheaf this CPU allocates from "
	      "(objects[size - 1]) and frees into (objects[size]); never "
	      "NULL");
	if (cc->spare_size >= 0)
		snprintf(buf, sizeof(buf), "spare    %d/%u objects|"
			 "spare %d/%u", cc->spare_size, cap, cc->spare_size,
			 cap);
	else
		snprintf(buf, sizeof(buf), "spare    NULL");
	field(d, r, 2, buf, "pcs->spare: an empty or a full sheaf, swapped "
	      "with main when main runs empty (alloc) or full (free)");
}

static void cpu_box(struct dctx *d, const struct viz_lane *ln,
		    const SDL_Rect *r)
{
	const struct slub_snap_cpu *cc = &d->cache->cpu[ln->id];
	const struct slub_snap_slab *ps = partial_head(d, cc);
	const struct slub_snap_slab *cs = cpu_slab(d, cc);
	bool running = d->snap->current_cpu == ln->id;
	char buf[200];

	const struct slub_snap_cpu *pc = prev_cpu(d, ln->id);
	const struct slub_snap_cache *p = d->prev_cache;

	box_frame(d, r, d->v->focus_cpu == ln->id || running);
	if (pc) {
		mark_line(d, r, 1, pc->tid != cc->tid);
		mark_line(d, r, 2, pfn_of(p, pc->slab) !=
			  pfn_of(d->cache, cc->slab) || inuse_of(p, pc->slab)
			  != inuse_of(d->cache, cc->slab));
		mark_line(d, r, 3, pc->freelist != cc->freelist ||
			  pfn_of(p, pc->slab) != pfn_of(d->cache, cc->slab));
		mark_line(d, r, 4, pc->nr_partial != cc->nr_partial ||
			  (cc->nr_partial && pfn_of(p, pc->partial[0]) !=
			   pfn_of(d->cache, cc->partial[0])));
	}
	if (running)
		snprintf(buf, sizeof(buf), "CPU %d  kmem_cache_cpu  running|"
			 "CPU %d  running|CPU %d", ln->id, ln->id, ln->id);
	else
		snprintf(buf, sizeof(buf), "CPU %d  kmem_cache_cpu|CPU %d",
			 ln->id, ln->id);
	field(d, r, 0, buf, lane_meaning[VIZ_LANE_CPU]);
	snprintf(buf, sizeof(buf), "tid      %lu", cc->tid);
	field(d, r, 1, buf, "c->tid: transaction id, advanced by every "
	      "fast-path allocation and free on this CPU, so that a "
	      "cmpxchg_double racing with another one fails");
	if (cs) {
		const char *m = viz_inuse_differs(cs, viz_count_states(cs)) ? "*" : "";

		snprintf(buf, sizeof(buf), "page     pfn %#lx  inuse %u/%u%s|"
			 "page %#lx  inuse %u/%u%s|page %#lx %u/%u%s",
			 cs->pfn, cs->inuse, cs->objects, m, cs->pfn, cs->inuse,
			 cs->objects, m, cs->pfn, cs->inuse, cs->objects, m);
	} else {
		snprintf(buf, sizeof(buf), "page     NULL");
	}
	field(d, r, 2, buf, "c->page: the cpu slab, frozen.  * its inuse "
	      "counts every object the CPU took, those free on c->freelist "
	      "too (page->inuse = page->objects when the freelist moved)");
	if (cc->freelist >= 0)
		snprintf(buf, sizeof(buf), "freelist object %d (c1)|freelist "
			 "obj %d (c1)", cc->freelist, cc->freelist);
	else
		snprintf(buf, sizeof(buf), "freelist NULL");
	field(d, r, 3, buf, "c->freelist: the next object this CPU hands "
	      "out (c1, then c2 ...); the fast path pops it without a lock");
	if (ps)
		snprintf(buf, sizeof(buf), "partial  %d pages, %d objs|"
			 "partial %d pg, %d obj", ps->pages, ps->pobjects,
			 ps->pages, ps->pobjects);
	else
		snprintf(buf, sizeof(buf), "partial  NULL");
	field(d, r, 4, buf, "c->partial: frozen partial slabs this CPU "
	      "keeps; the head's pages and pobjects count the chain");
}

static void node_box(struct dctx *d, const struct viz_lane *ln,
		     const SDL_Rect *r)
{
	const struct slub_snap_node *nd = &d->cache->node[ln->id];
	const struct slub_snap_node *pn = prev_node(d, ln->id);
	char buf[80];

	box_frame(d, r, false);
	if (pn) {
		mark_line(d, r, 1, pn->nr_partial != nd->nr_partial);
		mark_line(d, r, 2, pn->nr_partial != nd->nr_partial ||
			  (nd->nr_partial && pfn_of(d->prev_cache,
			   pn->partial[0]) != pfn_of(d->cache,
						     nd->partial[0])));
	}
	snprintf(buf, sizeof(buf), "node %d  kmem_cache_node|node %d",
		 ln->id, ln->id);
	field(d, r, 0, buf, lane_meaning[VIZ_LANE_NODE]);
	snprintf(buf, sizeof(buf), "nr_partial %lu", nd->nr_partial);
	field(d, r, 1, buf, "n->nr_partial: slabs on this node's partial "
	      "list; SLUB keeps at least min_partial of them");
	field(d, r, 2, nd->nr_partial ? "partial" : "partial (empty)",
	      "n->partial: partly used slabs, not frozen; a CPU takes them "
	      "under n->list_lock");
	if (!d->l->sheaves)
		return;
	if (pn) {
		mark_line(d, r, 3, pn->barn_full != nd->barn_full);
		mark_line(d, r, 4, pn->barn_empty != nd->barn_empty);
	}
	snprintf(buf, sizeof(buf), "barn full  %d/%d|full %d/%d",
		 nd->barn_full, nd->barn_max_full, nd->barn_full,
		 nd->barn_max_full);
	field(d, r, 3, buf, "n->barn: full sheaves a CPU may take instead "
	      "of refilling from the slabs (BARN_GET), at most "
	      "MAX_FULL_SHEAVES");
	snprintf(buf, sizeof(buf), "barn empty %d/%d|empty %d/%d",
		 nd->barn_empty, nd->barn_max_empty, nd->barn_empty,
		 nd->barn_max_empty);
	field(d, r, 4, buf, "n->barn: empty sheaves a CPU takes when its "
	      "main and spare are full, at most MAX_EMPTY_SHEAVES");
}

static void list_box(struct dctx *d, const struct viz_lane *ln,
		     const SDL_Rect *r)
{
	const struct slub_snap_node *nd = &d->cache->node[ln->id];
	char buf[80];
	int n = 0, i;

	box_frame(d, r, false);
	if (ln->kind == VIZ_LANE_HELD) {
		for (i = 0; i < d->cache->nr_prefilled; i++)
			n += d->cache->prefilled[i].size;
		field(d, r, 0, "prefilled sheaves",
		      lane_meaning[VIZ_LANE_HELD]);
		snprintf(buf, sizeof(buf), "held %d  objects %d|%d held, %d",
			 d->cache->nr_prefilled, n, d->cache->nr_prefilled, n);
		field(d, r, 1, buf, lane_meaning[VIZ_LANE_HELD]);
		return;
	}
	if (ln->kind == VIZ_LANE_FULL) {
		snprintf(buf, sizeof(buf), "node %d full list", ln->id);
		field(d, r, 0, buf, lane_meaning[VIZ_LANE_FULL]);
		mark_line(d, r, 1, prev_node(d, ln->id) &&
			  prev_node(d, ln->id)->nr_full != nd->nr_full);
		snprintf(buf, sizeof(buf), "full     %d slabs", nd->nr_full);
		field(d, r, 1, buf, lane_meaning[VIZ_LANE_FULL]);
		return;
	}
	for (i = 0; i < d->cache->nr_slabs; i++)
		n += d->cache->slabs[i].where == SLUB_SLAB_UNLISTED;
	field(d, r, 0, "full slabs", lane_meaning[VIZ_LANE_UNLISTED]);
	snprintf(buf, sizeof(buf), "on no list: %d", n);
	field(d, r, 1, buf, lane_meaning[VIZ_LANE_UNLISTED]);
}

static void lane_arrows(struct dctx *d, const struct viz_lane *ln,
			const SDL_Rect *r)
{
	const struct slub_snap_node *nd;
	int ax, ay;

	if (ln->kind == VIZ_LANE_CPU) {
		cpu_arrows(d, ln, r);
		return;
	}
	if (ln->kind == VIZ_LANE_UNLISTED || ln->kind == VIZ_LANE_HELD)
		return;
	nd = &d->cache->node[ln->id];
	if (ln->kind == VIZ_LANE_NODE) {
		SDL_Rect b;

		anchor(r, 2, &ax, &ay);
		if (nd->nr_partial)
			arrow_to_block(d, ax, ay, nd->partial[0]);
		viz_list_arrows(d, nd->partial, (int)nd->nr_partial);
		anchor(r, 3, &ax, &ay);
		if (viz_layout_barn(d->l, d->v, ln->id, &b))
			arrow_to_rect(d, ax, ay, &b);
	} else {
		anchor(r, 1, &ax, &ay);
		if (nd->nr_full)
			arrow_to_block(d, ax, ay, nd->full[0]);
		viz_list_arrows(d, nd->full, nd->nr_full);
	}
}

void viz_lane_box(struct dctx *d, int i, bool arrows)
{
	const struct viz_lane *ln = &d->l->lane[i];
	SDL_Rect r;

	viz_layout_head(d->l, d->v, i, &r);
	if (arrows) {
		lane_arrows(d, ln, &r);
		return;
	}
	if (!SDL_HasIntersection(&r, &d->reg.heads))
		return;
	if (ln->kind == VIZ_LANE_CPU && d->l->sheaves)
		sheaf_cpu_box(d, ln, &r);
	else if (ln->kind == VIZ_LANE_CPU)
		cpu_box(d, ln, &r);
	else if (ln->kind == VIZ_LANE_NODE)
		node_box(d, ln, &r);
	else
		list_box(d, ln, &r);
}

/* The lanes as bands across the main area, alternately tinted. */
void viz_lane_band(struct dctx *d, int i)
{
	const struct viz_lane *ln = &d->l->lane[i];
	SDL_Rect r = { d->reg.main.x, d->oy + ln->y, d->reg.main.w, ln->h };
	bool focus = ln->kind == VIZ_LANE_CPU && d->v->focus_cpu == ln->id;

	viz_set_color(d->r, focus ? C(PANEL) : i % 2 ? C(LANE_ALT) : C(BG));
	SDL_RenderFillRect(d->r, &r);
	viz_set_color(d->r, C(PANEL));
	SDL_RenderDrawLine(d->r, r.x, r.y, r.x + r.w - 1, r.y);
}

/* ---------------------------------------------------------------- title */

void viz_cache_title(struct dctx *d)
{
	const struct slub_snap_cache *c = d->cache;
	char buf[200];
	int x = d->reg.title.x + 8, w;
	bool gone = d->v->cache[0] && strcmp(d->v->cache, c->name);

	viz_set_color(d->r, C(BG));
	SDL_RenderFillRect(d->r, &d->reg.title);
	if (gone) {
		snprintf(buf, sizeof(buf), "%s is gone; showing ",
			 d->v->cache);
		x += viz_label(d, VIZ_LABEL_PANEL, VIZ_SANS, 12,
			       C(ACCENT_TEXT), x, d->reg.title.y + 5,
			       d->reg.title.w / 2, &d->reg.title, buf);
	}
	snprintf(buf, sizeof(buf), "cache %s", c->name);
	w = viz_label(d, VIZ_LABEL_PANEL, VIZ_BOLD, 13, C(TITLE), x,
		      d->reg.title.y + 4, d->reg.title.x + d->reg.title.w -
		      x - 8, &d->reg.title, buf);
	snprintf(buf, sizeof(buf), "%u-byte objects, %u per slab (order "
		 "%u), %d slab%s", c->object_size, c->objects, c->order,
		 c->nr_slabs, c->nr_slabs == 1 ? "" : "s");
	x += w + 12;
	if (x < d->reg.title.x + d->reg.title.w - 40)
		viz_label(d, VIZ_LABEL_PANEL, VIZ_SANS, 12, C(TEXT), x,
			  d->reg.title.y + 5, d->reg.title.x +
			  d->reg.title.w - x - 8, &d->reg.title, buf);
}
