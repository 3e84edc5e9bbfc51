// SPDX-License-Identifier: GPL-2.0-only
/*
 * The statements that look without touching: expect in its seven forms
 * and show. A failed expect is reported (scn_expect_failed) and the run
 * goes on; only an expect that cannot be evaluated at all (an unknown
 * variable, an attribute that is not a number) is a runtime error.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "scn_int.h"

static bool expect_null_one(struct scn_run *run, const struct stmt *st,
			    const char *name)
{
	struct var *v = scn_find_var(run, name);
	bool want_null = st->kind == ST_EXPECT_NULL;

	if (!v || !v->ever)
		return scn_rerr(run, st, st->var.col, "unknown variable %.60s "
				"(never allocated)", name);
	if ((v->ptr == NULL) != want_null)
		scn_expect_failed(run, st, st->var.col, "%.60s is %s, "
				  "expected %s", name,
				  v->ptr ? "not NULL" : "NULL",
				  want_null ? "NULL" : "not NULL");
	return true;
}

/* expect distinct: collect the pointers of every element, then sort. */
struct dvar {
	const void *ptr;
	const char *name;
};

struct dcollect {
	struct dvar *ptrs;
	size_t n, cap;
};

static bool collect_one(struct scn_run *run, const struct stmt *st,
			const char *name)
{
	struct var *v = scn_live_var(run, st, name, false);
	struct dcollect *dcol = run->dcol;

	if (!v)
		return false;
	if (dcol->n == dcol->cap) {
		dcol->cap = dcol->cap ? 2 * dcol->cap : 64;
		dcol->ptrs = scn_xrealloc(dcol->ptrs, dcol->cap *
					  sizeof(*dcol->ptrs));
	}
	dcol->ptrs[dcol->n].ptr = v->ptr;
	dcol->ptrs[dcol->n++].name = v->name;
	return true;
}

static int cmp_ptr(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)((const struct dvar *)a)->ptr;
	uintptr_t y = (uintptr_t)((const struct dvar *)b)->ptr;

	return x < y ? -1 : x > y;
}

static bool exec_expect_distinct(struct scn_run *run, const struct stmt *st)
{
	struct dcollect c = { 0 };
	struct stmt one = *st;
	bool ok = true;
	size_t i;
	int k;

	run->dcol = &c;
	ok = scn_for_each_elem(run, st, collect_one);
	for (k = 0; ok && k < st->nmore; k++) {
		one.var = st->more[k];
		ok = scn_for_each_elem(run, &one, collect_one);
	}
	run->dcol = NULL;
	if (ok && c.n > 1) {
		qsort(c.ptrs, c.n, sizeof(*c.ptrs), cmp_ptr);
		for (i = 1; i < c.n; i++)
			if (c.ptrs[i].ptr == c.ptrs[i - 1].ptr)
				break;
		if (i < c.n)
			scn_expect_failed(run, st, 0, "%.60s and %s hold the "
					  "same object", c.ptrs[i - 1].name,
					  c.ptrs[i].name);
	}
	free(c.ptrs);
	return ok;
}

/* ------------------------------------------------------------ attributes */

/* Read an attribute without its trailing newline into buf. */
static bool read_attr(struct scn_run *run, const struct stmt *st,
		      struct kmem_cache *s, int i, char *buf)
{
	ssize_t n = slab_attr_show(s, st->attrs[i], buf);

	if (n < 0)
		return scn_rerr(run, st, st->attr_cols[i], "cannot read "
				"attribute '%.60s': %s", st->attrs[i],
				strerror((int)-n));
	if (n >= SLAB_ATTR_BUFSIZE)
		n = SLAB_ATTR_BUFSIZE - 1;
	buf[n] = '\0';
	while (n > 0 && buf[n - 1] == '\n')
		buf[--n] = '\0';
	return true;
}

static bool exec_expect_attr(struct scn_run *run, const struct stmt *st)
{
	char buf[SLAB_ATTR_BUFSIZE];
	struct kmem_cache *s = scn_lookup_cache(run, st);
	unsigned long long v;
	char *end;

	if (!s || !read_attr(run, st, s, 0, buf))
		return false;
	if (st->kind == ST_EXPECT_TEXT) {
		if (strcmp(buf, st->str))
			scn_expect_failed(run, st, st->num_col, "%s %s is "
					  "\"%.200s\", expected \"%.200s\"",
					  st->cache, st->attrs[0], buf,
					  st->str);
		return true;
	}
	errno = 0;
	v = strtoull(buf, &end, 10);
	if (end == buf || errno)
		return scn_rerr(run, st, st->attr_cols[0], "%s %s is "
				"\"%.60s\", not a number", st->cache,
				st->attrs[0], buf);
	if (v != st->num)
		scn_expect_failed(run, st, st->num_col, "%s %s is %llu, "
				  "expected %llu", st->cache, st->attrs[0], v,
				  st->num);
	return true;
}

static bool exec_show(struct scn_run *run, const struct stmt *st)
{
	char buf[SLAB_ATTR_BUFSIZE];
	struct kmem_cache *s = scn_lookup_cache(run, st);
	int i;

	if (!s)
		return false;
	for (i = 0; i < st->nattrs; i++) {
		if (!read_attr(run, st, s, i, buf))
			return false;
		scn_say(run, "%s %s %s\n", st->cache, st->attrs[i], buf);
	}
	return true;
}

static bool exec_expect_pages(struct scn_run *run, const struct stmt *st)
{
	struct slub_page_stats ps;
	unsigned long long used;

	slub_page_stats(&ps);
	used = (unsigned long long)ps.slab_pages + ps.large_pages;
	if (used != st->num)
		scn_expect_failed(run, st, st->num_col, "pages_in_use is %llu "
				  "(%lu slab, %lu large), expected %llu", used,
				  ps.slab_pages, ps.large_pages, st->num);
	return true;
}

static bool exec_expect_invariants(struct scn_run *run,
				   const struct stmt *st)
{
	int n = slub_check_invariants(run->diag);

	if (n)
		scn_expect_failed(run, st, 0, "slub_check_invariants() reports "
				  "%d problem(s)", n);
	return true;
}

static bool exec_expect_memcg(struct scn_run *run, const struct stmt *st)
{
	struct smemcg *m = scn_need_memcg(run, st);
	size_t used;

	if (!m)
		return false;
	used = slub_memcg_usage(m->memcg);
	if (used != st->num)
		scn_expect_failed(run, st, st->num_col, "memcg %s usage is "
				  "%zu, expected %llu", st->cache, used,
				  st->num);
	return true;
}

bool scn_exec_expect(struct scn_run *run, const struct stmt *st)
{
	switch (st->kind) {
	case ST_EXPECT_NUM:
	case ST_EXPECT_TEXT:
		return exec_expect_attr(run, st);
	case ST_EXPECT_NULL:
	case ST_EXPECT_NONNULL:
		return scn_for_each_elem(run, st, expect_null_one);
	case ST_EXPECT_PAGES:
		return exec_expect_pages(run, st);
	case ST_EXPECT_INVARIANTS:
		return exec_expect_invariants(run, st);
	case ST_EXPECT_DISTINCT:
		return exec_expect_distinct(run, st);
	case ST_EXPECT_MEMCG:
		return exec_expect_memcg(run, st);
	case ST_SHOW:
		return exec_show(run, st);
	default:
		return scn_rerr(run, st, st->col, "internal error: statement "
				"kind %d is not a check", (int)st->kind);
	}
}
