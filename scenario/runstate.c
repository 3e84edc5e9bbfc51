// SPDX-License-Identifier: GPL-2.0-only
/*
 * What a run keeps beside the allocator: its variables (a hash table by
 * name), the index from an object's address back to the variable that
 * holds it, the caches and memory cgroups the scenario named, and the
 * three ways a statement speaks: a runtime error (which stops the run), a
 * failed expect (which does not), and the scenario's own output.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "scn_int.h"

/* ------------------------------------------------------------ variables */

static unsigned long hash_str(const char *s)
{
	unsigned long h = 5381;

	while (*s)
		h = h * 33 + (unsigned char)*s++;
	return h;
}

static unsigned long hash_ptr(const void *p)
{
	uint64_t x = (uint64_t)(uintptr_t)p;

	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	return (unsigned long)x;
}

static void grow_vtab(struct scn_run *run)
{
	size_t nb = run->vbuckets ? 2 * run->vbuckets : 64, i;
	struct var **t = scn_xrealloc(NULL, nb * sizeof(*t));

	memset(t, 0, nb * sizeof(*t));
	for (i = 0; i < run->vbuckets; i++) {
		struct var *v = run->vtab[i], *n;

		for (; v; v = n) {
			n = v->next;
			v->next = t[hash_str(v->name) % nb];
			t[hash_str(v->name) % nb] = v;
		}
	}
	free(run->vtab);
	run->vtab = t;
	run->vbuckets = nb;
}

struct var *scn_find_var(const struct scn_run *run, const char *name)
{
	struct var *v;

	if (!run->vbuckets)
		return NULL;
	for (v = run->vtab[hash_str(name) % run->vbuckets]; v; v = v->next)
		if (!strcmp(v->name, name))
			return v;
	return NULL;
}

struct var *scn_get_var(struct scn_run *run, const char *name)
{
	struct var *v = scn_find_var(run, name);
	unsigned long b;

	if (v)
		return v;
	if (run->nvars >= run->vbuckets)
		grow_vtab(run);
	v = scn_xrealloc(NULL, sizeof(*v));
	memset(v, 0, sizeof(*v));
	v->name = scn_xstrdup(name);
	b = hash_str(name) % run->vbuckets;
	v->next = run->vtab[b];
	run->vtab[b] = v;
	run->nvars++;
	return v;
}

static void grow_ptab(struct scn_run *run)
{
	size_t nb = run->pbuckets ? 2 * run->pbuckets : 64, i;
	struct pent **t = scn_xrealloc(NULL, nb * sizeof(*t));
	struct pent *e, *n, **tail;

	memset(t, 0, nb * sizeof(*t));
	/* Keep each chain's newest-first order: append in order. */
	for (i = 0; i < run->pbuckets; i++) {
		for (e = run->ptab[i]; e; e = n) {
			n = e->next;
			tail = &t[hash_ptr(e->ptr) % nb];
			while (*tail)
				tail = &(*tail)->next;
			e->next = NULL;
			*tail = e;
		}
	}
	free(run->ptab);
	run->ptab = t;
	run->pbuckets = nb;
}

/* Record an allocation's result in v: a NULL result counts, as a failure. */
void scn_allocated(struct scn_run *run, struct var *v, struct scache *c,
		   bool kmalloced)
{
	v->cache = c;
	v->kmalloced = kmalloced;
	v->live = v->ptr != NULL;
	run->null_allocs += !v->ptr;
	v->ever = true;
	scn_remember_ptr(run, v);
}

void scn_remember_ptr(struct scn_run *run, struct var *v)
{
	struct pent *e;
	unsigned long b;

	if (!v->ptr)
		return;
	if (run->nptrs >= run->pbuckets)
		grow_ptab(run);
	e = scn_xrealloc(NULL, sizeof(*e));
	e->ptr = v->ptr;
	e->v = v;
	b = hash_ptr(v->ptr) % run->pbuckets;
	e->next = run->ptab[b];
	run->ptab[b] = e;
	run->nptrs++;
}

const char *scn_run_var_name(const struct scn_run *run, const void *obj)
{
	struct pent *e;

	if (!run || !obj || !run->pbuckets)
		return NULL;
	for (e = run->ptab[hash_ptr(obj) % run->pbuckets]; e; e = e->next)
		if (e->ptr == obj && e->v->ptr == obj)
			return e->v->name;
	return NULL;
}

/* Call fn for VAR, VAR[I] or every element of VAR[A..B]. */
bool scn_for_each_elem(struct scn_run *run, const struct stmt *st,
		       elem_fn fn)
{
	const struct varref *v = &st->var;
	size_t len = strlen(v->name) + 24;	/* "[" index "]" */
	char *name;
	bool ok = true;
	long i;

	if (v->lo < 0)
		return fn(run, st, v->name);
	name = scn_xrealloc(NULL, len);
	for (i = v->lo; ok && i <= v->hi; i++) {
		snprintf(name, len, "%s[%ld]", v->name, i);
		ok = fn(run, st, name);
	}
	free(name);
	return ok;
}

/* The checks free and kfree share: the variable holds a live object. */
struct var *scn_live_var(struct scn_run *run, const struct stmt *st,
			 const char *name, bool null_ok)
{
	struct var *v = scn_find_var(run, name);

	if (!v || !v->ever) {
		scn_rerr(run, st, st->var.col, "unknown variable %.60s (never "
			 "allocated)", name);
		return NULL;
	}
	if (!v->ptr && null_ok)
		return v;
	if (!v->ptr) {
		scn_rerr(run, st, st->var.col, "%.60s is NULL (its allocation "
			 "failed)", name);
		return NULL;
	}
	if (!v->live) {
		scn_rerr(run, st, st->var.col, v->cache && v->cache->gone ?
			 "%.60s went away with its destroyed cache" :
			 "%.60s was already freed", name);
		return NULL;
	}
	return v;
}

/* ------------------------------------------------------------ run errors */

bool scn_rerr(struct scn_run *run, const struct stmt *st, int col,
	      const char *fmt, ...)
{
	char msg[sizeof(run->saved.msg)];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	scn_set_error(run->err, run->sc->file, st->line, col ? col : st->col,
		      "%s", msg);
	return false;
}

void scn_expect_failed(struct scn_run *run, const struct stmt *st,
		       int col, const char *fmt, ...)
{
	va_list ap;

	run->expect_failures++;
	if (!run->diag)
		return;
	if (run->out)
		fflush(run->out);
	fprintf(run->diag, "%s:%d:%d: expect failed: ", run->sc->file,
		st->line, col ? col : st->col);
	va_start(ap, fmt);
	vfprintf(run->diag, fmt, ap);
	va_end(ap);
	fputc('\n', run->diag);
	fflush(run->diag);
}

void scn_say(struct scn_run *run, const char *fmt, ...)
{
	va_list ap;

	if (!run->out)
		return;
	va_start(ap, fmt);
	vfprintf(run->out, fmt, ap);
	va_end(ap);
	fflush(run->out);
}

/* ------------------------------------------------------------ caches */

struct scache *scn_add_cache(struct scn_run *run, const char *name,
			     struct kmem_cache *s, bool created)
{
	struct scache *c = scn_xrealloc(NULL, sizeof(*c));

	memset(c, 0, sizeof(*c));
	c->name = scn_xstrdup(name);
	c->s = s;
	c->created = created;
	run->caches = scn_xrealloc(run->caches, (size_t)(run->ncaches + 1) *
				   sizeof(*run->caches));
	run->caches[run->ncaches++] = c;
	return c;
}

/* A cache used by name but not created by the scenario. */
struct scache *scn_used_cache(struct scn_run *run, const char *name,
			      struct kmem_cache *s)
{
	int i;

	for (i = 0; i < run->ncaches; i++) {
		struct scache *c = run->caches[i];

		if (!c->created && c->s == s && !strcmp(c->name, name))
			return c;
	}
	return scn_add_cache(run, name, s, false);
}

/* The scenario's own cache of that name, newest first. */
struct scache *scn_own_cache(struct scn_run *run, const char *name)
{
	int i;

	for (i = run->ncaches - 1; i >= 0; i--) {
		struct scache *c = run->caches[i];

		if (c->created && !c->destroyed && !strcmp(c->name, name))
			return c;
	}
	return NULL;
}

struct kmem_cache *scn_lookup_cache(struct scn_run *run,
				    const struct stmt *st)
{
	struct scache *c = scn_own_cache(run, st->cache);
	struct kmem_cache *s;

	if (c)
		return c->s;
	s = slub_find_cache(st->cache);
	if (!s)
		scn_rerr(run, st, st->cache_col, "no cache named '%.60s'",
			 st->cache);
	return s;
}

struct kmem_cache *scn_run_cache(const struct scn_run *run, int i,
				 const char **name)
{
	int k;

	if (!run)
		return NULL;
	for (k = 0; k < run->ncaches; k++) {
		struct scache *c = run->caches[k];

		if (c->destroyed)
			continue;
		if (i-- == 0) {
			if (name)
				*name = c->name;
			return c->s;
		}
	}
	return NULL;
}

/* The kmalloc cache serving size bytes (kmalloc_index), or NULL. */
struct scache *scn_kmalloc_cache(struct scn_run *run, size_t size)
{
	char name[32];
	size_t cls = 8;
	struct kmem_cache *s;

	if (!size || size > 8192)
		return NULL;
	if (size > 64 && size <= 96)
		cls = 96;
	else if (size > 128 && size <= 192)
		cls = 192;
	else
		while (cls < size)
			cls <<= 1;
	snprintf(name, sizeof(name), "kmalloc-%zu", cls);
	s = slub_find_cache(name);
	return s ? scn_used_cache(run, name, s) : NULL;
}

/* ------------------------------------------------------------ memcg */

/* The live memory cgroup of that name, or NULL. */
struct smemcg *scn_find_memcg(struct scn_run *run, const char *name)
{
	int i;

	for (i = 0; i < run->nmemcgs; i++)
		if (run->memcgs[i].memcg && !strcmp(run->memcgs[i].name, name))
			return &run->memcgs[i];
	return NULL;
}

struct smemcg *scn_need_memcg(struct scn_run *run, const struct stmt *st)
{
	struct smemcg *m = scn_find_memcg(run, st->cache);

	if (!m)
		scn_rerr(run, st, st->cache_col, "no memory cgroup named "
			 "'%.60s' (create it with 'memcg %.60s')", st->cache,
			 st->cache);
	return m;
}

/* ------------------------------------------------------------ teardown */

/* Free every object a variable still holds: the next run starts clean. */
void scn_free_live_vars(struct scn_run *run)
{
	size_t i;

	for (i = 0; i < run->vbuckets; i++) {
		struct var *v;

		for (v = run->vtab[i]; v; v = v->next) {
			if (!v->live)
				continue;
			if (v->kmalloced)
				kfree(v->ptr);
			else
				kmem_cache_free(v->cache->s, v->ptr);
			v->live = false;
		}
	}
}

void scn_free_tables(struct scn_run *run)
{
	size_t i;
	int k;

	for (i = 0; i < run->vbuckets; i++) {
		struct var *v, *n;

		for (v = run->vtab[i]; v; v = n) {
			n = v->next;
			free(v->name);
			free(v);
		}
	}
	for (i = 0; i < run->pbuckets; i++) {
		struct pent *e, *n;

		for (e = run->ptab[i]; e; e = n) {
			n = e->next;
			free(e);
		}
	}
	for (k = 0; k < run->ncaches; k++) {
		free(run->caches[k]->name);
		free(run->caches[k]);
	}
	for (k = 0; k < run->nmemcgs; k++)
		free(run->memcgs[k].name);
	free(run->memcgs);
	scn_free_sheaves(run);
	free(run->vtab);
	free(run->ptab);
	free(run->caches);
}
