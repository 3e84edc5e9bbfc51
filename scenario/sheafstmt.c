// SPDX-License-Identifier: GPL-2.0-only
/*
 * The statements of today's prefill API: prefill SHEAF from CACHE N
 * (kmem_cache_prefill_sheaf), alloc VAR from sheaf SHEAF
 * (kmem_cache_alloc_from_sheaf), return SHEAF (kmem_cache_return_sheaf)
 * and expect sheaf SHEAF size N (kmem_cache_sheaf_size). A named sheaf is
 * prefilled, failed (the prefill returned NULL) or returned; using one in
 * the wrong state is a runtime error that names the line where it got
 * there, as a variable's misuse is.
 */
#include <stdlib.h>
#include <string.h>

#include "scn_int.h"

static struct ssheaf *find_sheaf(const struct scn_run *run, const char *name)
{
	int i;

	for (i = 0; i < run->nsheafv; i++)
		if (!strcmp(run->sheafv[i].name, name))
			return &run->sheafv[i];
	return NULL;
}

static struct ssheaf *get_sheaf(struct scn_run *run, const char *name)
{
	struct ssheaf *sh = find_sheaf(run, name);

	if (sh)
		return sh;
	run->sheafv = scn_xrealloc(run->sheafv, (size_t)(run->nsheafv + 1) *
				   sizeof(*run->sheafv));
	sh = &run->sheafv[run->nsheafv++];
	memset(sh, 0, sizeof(*sh));
	sh->name = scn_xstrdup(name);
	sh->state = SHEAF_RETURNED;
	return sh;
}

/* The sheaf a statement names, prefilled: else a runtime error, NULL. */
static struct ssheaf *live_sheaf(struct scn_run *run, const struct stmt *st)
{
	struct ssheaf *sh = find_sheaf(run, st->sheaf);

	if (!sh) {
		scn_rerr(run, st, st->sheaf_col, "unknown sheaf %.60s (never "
			 "prefilled)", st->sheaf);
		return NULL;
	}
	if (sh->state == SHEAF_FAILED) {
		scn_rerr(run, st, st->sheaf_col, "sheaf %.60s is NULL (its "
			 "prefill at line %d failed)", st->sheaf, sh->line);
		return NULL;
	}
	if (sh->state == SHEAF_RETURNED) {
		scn_rerr(run, st, st->sheaf_col, "sheaf %.60s was returned at "
			 "line %d (prefill it again first)", st->sheaf,
			 sh->line);
		return NULL;
	}
	return sh;
}

static bool exec_prefill(struct scn_run *run, const struct stmt *st)
{
	struct ssheaf *sh = get_sheaf(run, st->sheaf);
	struct scache *c = scn_own_cache(run, st->cache);
	struct kmem_cache *s;

	if (sh->state == SHEAF_PREFILLED)
		return scn_rerr(run, st, st->sheaf_col, "sheaf %.60s is still "
				"prefilled (line %d): return it first",
				sh->name, sh->line);
	if (!c) {
		s = scn_lookup_cache(run, st);
		if (!s)
			return false;
		c = scn_used_cache(run, st->cache, s);
	}
	sh->sheaf = kmem_cache_prefill_sheaf(c->s, GFP_KERNEL,
					     (unsigned int)st->num);
	sh->cache = c;
	sh->asked = (unsigned int)st->num;
	sh->line = st->line;
	sh->state = sh->sheaf ? SHEAF_PREFILLED : SHEAF_FAILED;
	sh->id = slub_sheaf_id(sh->sheaf);
	return true;
}

/* One element of alloc VAR from sheaf SHEAF (exec_op walks the range). */
bool scn_sheaf_alloc_one(struct scn_run *run, const struct stmt *st,
			 const char *name)
{
	struct ssheaf *sh = live_sheaf(run, st);
	struct var *v;

	if (!sh)
		return false;
	v = scn_get_var(run, name);
	if (v->live)
		return scn_rerr(run, st, st->var.col, "%.60s still holds a "
				"live object (free it first)", v->name);
	if (!kmem_cache_sheaf_size(sh->sheaf))
		return scn_rerr(run, st, st->sheaf_col, "sheaf %.60s is empty: "
				"the prefill at line %d asked for %u objects "
				"and all are taken (ask for more)", sh->name,
				sh->line, sh->asked);
	v->ptr = kmem_cache_alloc_from_sheaf(sh->cache->s, GFP_KERNEL |
					     (st->zero ? __GFP_ZERO : 0),
					     sh->sheaf);
	scn_allocated(run, v, sh->cache, false);
	return true;
}

static bool exec_return(struct scn_run *run, const struct stmt *st)
{
	struct ssheaf *sh = live_sheaf(run, st);

	if (!sh)
		return false;
	kmem_cache_return_sheaf(sh->cache->s, GFP_KERNEL, sh->sheaf);
	sh->sheaf = NULL;
	sh->state = SHEAF_RETURNED;
	sh->line = st->line;
	return true;
}

static bool exec_expect_sheaf(struct scn_run *run, const struct stmt *st)
{
	struct ssheaf *sh = find_sheaf(run, st->sheaf);
	unsigned int size;

	if (!sh)
		return scn_rerr(run, st, st->sheaf_col, "unknown sheaf %.60s "
				"(never prefilled)", st->sheaf);
	if (st->sheaf_test != SHEAF_TEST_SIZE) {
		bool null = sh->state == SHEAF_FAILED;

		if (sh->state == SHEAF_RETURNED)
			return scn_rerr(run, st, st->sheaf_col, "sheaf %.60s "
					"was returned at line %d", sh->name,
					sh->line);
		if (null != (st->sheaf_test == SHEAF_TEST_NULL))
			scn_expect_failed(run, st, st->sheaf_col, "sheaf %.60s "
					  "is %s", sh->name,
					  null ? "NULL" : "not NULL");
		return true;
	}
	if (!live_sheaf(run, st))
		return false;
	size = kmem_cache_sheaf_size(sh->sheaf);
	if (size != st->num)
		scn_expect_failed(run, st, st->num_col, "sheaf %.60s holds %u "
				  "objects, expected %llu", sh->name, size,
				  st->num);
	return true;
}

/*
 * show sheaf SHEAF: the sheaf as a snapshot has it, e.g. "sheaf s: 1 of
 * 4 slots, cache c, prefill 2: [0] r (slab 0x3c07 object 5)"; each slot
 * names the variable that last held its object, if any.
 */
static bool exec_show_sheaf(struct scn_run *run, const struct stmt *st)
{
	struct ssheaf *sh = live_sheaf(run, st);
	const struct slub_snap_prefilled *p = NULL;
	const struct slub_snap_cache *c;
	struct slub_snapshot *snap;
	int i;

	if (!sh)
		return false;
	snap = slub_snapshot_take();
	c = snap ? slub_snapshot_cache(snap, kmem_cache_name(sh->cache->s)) :
		   NULL;
	for (i = 0; c && i < c->nr_prefilled; i++)
		if (c->prefilled[i].id == sh->id)
			p = &c->prefilled[i];
	if (!p) {
		slub_snapshot_free(snap);
		return scn_rerr(run, st, st->sheaf_col, "sheaf %.60s is not in "
				"the snapshot (out of memory?)", sh->name);
	}
	scn_say(run, "sheaf %s: %d of %u slots, cache %s, prefill %u%s",
		sh->name, p->size, p->capacity, sh->cache->name, p->id,
		p->size ? ":" : "");
	for (i = 0; i < p->size; i++) {
		const struct slub_snap_ref *r = &p->objects[i];
		const struct slub_snap_slab *sl;
		const char *var;

		if (r->slab < 0 || r->slab >= c->nr_slabs) {
			scn_say(run, " [%d] (not in a slab of the cache)", i);
			continue;
		}
		sl = &c->slabs[r->slab];
		var = scn_run_var_name(run, (const void *)(sl->addr +
				       (unsigned long)r->obj * c->size));
		scn_say(run, " [%d]%s%s (slab %#lx object %d)", i,
			var ? " " : "", var ? var : "", sl->pfn, r->obj);
	}
	scn_say(run, "\n");
	slub_snapshot_free(snap);
	return true;
}

bool scn_exec_sheaf(struct scn_run *run, const struct stmt *st)
{
	switch (st->kind) {
	case ST_SHOW_SHEAF:
		return exec_show_sheaf(run, st);
	case ST_PREFILL:
		return exec_prefill(run, st);
	case ST_RETURN:
		return exec_return(run, st);
	case ST_EXPECT_SHEAF:
		return exec_expect_sheaf(run, st);
	default:
		return scn_rerr(run, st, st->col, "internal error: statement "
				"kind %d", (int)st->kind);
	}
}

const char *scn_run_sheaf_name(const struct scn_run *run, unsigned int id)
{
	int i;

	for (i = 0; run && id && i < run->nsheafv; i++)
		if (run->sheafv[i].state == SHEAF_PREFILLED &&
		    run->sheafv[i].id == id)
			return run->sheafv[i].name;
	return NULL;
}

const struct ssheaf *scn_prefilled_sheaf(const struct scn_run *run,
					 const struct scache *c)
{
	int i;

	for (i = 0; i < run->nsheafv; i++)
		if (run->sheafv[i].state == SHEAF_PREFILLED &&
		    run->sheafv[i].cache == c)
			return &run->sheafv[i];
	return NULL;
}

void scn_return_sheaves(struct scn_run *run)
{
	int i;

	for (i = 0; i < run->nsheafv; i++) {
		struct ssheaf *sh = &run->sheafv[i];

		if (sh->state != SHEAF_PREFILLED)
			continue;
		kmem_cache_return_sheaf(sh->cache->s, GFP_KERNEL, sh->sheaf);
		sh->sheaf = NULL;
		sh->state = SHEAF_RETURNED;
	}
}

void scn_free_sheaves(struct scn_run *run)
{
	int i;

	for (i = 0; i < run->nsheafv; i++)
		free(run->sheafv[i].name);
	free(run->sheafv);
	run->sheafv = NULL;
	run->nsheafv = 0;
}
