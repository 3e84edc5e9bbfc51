/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the files of the scenario engine share, and nothing outside it
 * sees: the limits of the language, the parsed statements, the lexer's
 * tokens and the parser's state, a run's tables, and the functions one
 * file of the engine calls in another. The public interface is
 * scenario.h.
 */
#ifndef SLUB_SCN_INT_H
#define SLUB_SCN_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "scenario.h"

#define SCN_MAX_FILE	(64u << 20)	/* larger files are refused */
#define SCN_MAX_RANGE	1000000L	/* elements in one VAR[A..B] */
#define SCN_MAX_INDEX	1000000000L
#define SCN_MAX_SIZE	(1ULL << 32)	/* object and kmalloc sizes */
#define SCN_MAX_CPUS	4096
#define SCN_MAX_NODES	1024
#define SCN_DEFAULT_CPUS 2
#define SCN_DEFAULT_ARENA (64UL << 20)	/* starts faster than 1 GiB */
#define SCN_MAX_MEMCG_NAME 64		/* struct mem_cgroup's name[] */

/* ------------------------------------------------------------ statements */

enum stmt_kind {
	ST_CACHE, ST_CPU, ST_ALLOC, ST_FREE, ST_KMALLOC, ST_KFREE,
	ST_SHRINK, ST_DESTROY, ST_FLUSH, ST_VALIDATE, ST_SET, ST_FAIL,
	ST_INJECT, ST_MIGRATE, ST_EXPECT_NUM, ST_EXPECT_TEXT,
	ST_EXPECT_NULL, ST_EXPECT_NONNULL, ST_EXPECT_PAGES,
	ST_EXPECT_INVARIANTS, ST_EXPECT_DISTINCT, ST_ECHO, ST_SHOW,
	ST_MEMCG, ST_ENTER, ST_DESTROY_MEMCG, ST_EXPECT_MEMCG, ST_FAILSLAB,
	ST_PREFILL, ST_SHEAF_ALLOC, ST_RETURN, ST_EXPECT_SHEAF, ST_SHOW_SHEAF,
};

/* The design an expect is for: expect, expect[3.18], expect[sheaves]. */
enum scn_design_mark { DESIGN_ANY, DESIGN_CPU_SLAB, DESIGN_SHEAVES };

/* What expect sheaf SHEAF ... tests. */
enum sheaf_test { SHEAF_TEST_SIZE, SHEAF_TEST_NULL, SHEAF_TEST_NONNULL };

/* A variable operand: x, x[3] or x[0..63]. */
struct varref {
	char *name;
	long lo, hi;		/* -1, -1 for a plain name */
	int col;
};

struct stmt {
	enum stmt_kind kind;
	int line, col;		/* of the keyword */
	char *text;		/* the statement as written */
	struct varref var;
	struct varref *more;	/* expect distinct: the other operands */
	int nmore;
	char *cache;		/* CACHE operand (or new cache's name) */
	int cache_col;
	char **attrs;		/* ATTR operands (set, expect, show, failslab) */
	int *attr_cols;
	int nattrs;
	char **vals;		/* failslab: the value of each ATTR */
	int *val_cols;
	char *str;		/* echo text, expected text, set value */
	unsigned long long num;	/* size, N, expected number */
	int num_col;
	unsigned long align, flags;
	bool ctor, zero;
	bool busy;		/* destroy_memcg ... busy: -EBUSY expected */
	long node;		/* NUMA_NO_NODE unless given */
	int node_col;
	enum slub_point point;
	struct stmt *body;	/* inject block */
	int nbody;
	enum scn_design_mark design;	/* the design it runs in */
	char *sheaf;		/* SHEAF operand (prefill, from sheaf, ...) */
	int sheaf_col;
	enum sheaf_test sheaf_test;	/* expect sheaf: what it tests */
};

struct scenario {
	char *file;
	struct slub_config cfg;
	bool has_config;
	int config_line, config_col;
	char *debug;
	char *failslab;		/* config failslab I,P,S,T */
	int failslab_col;
	struct stmt *steps;
	int nsteps;
};

/* ------------------------------------------------------------ parsing */

struct tok {
	char *s;		/* the word, or the string without quotes */
	int col;		/* 1-based column of its first byte */
	int start, end;		/* byte offsets in the line */
	bool quoted;
};

struct parser {
	const char *file;
	struct scn_error *err;
	struct scenario *sc;
	int line;
	const char *text;	/* the current line */
	int len;
	struct tok *toks;
	int ntok, captok;
	int pos;		/* next token */
	struct stmt *block;	/* the open inject block, or NULL */
	bool seen_stmt;		/* a statement other than config */
};

/* ------------------------------------------------------------ runs */

struct dcollect;		/* expect distinct's pointers (expect.c) */

struct scache {
	char *name;		/* the scenario's name for it */
	struct kmem_cache *s;
	bool created;		/* by a cache statement (else kmalloc) */
	bool destroyed;		/* destroy ran (may have been refused) */
	bool gone;		/* the allocator freed it */
};

/* A named sheaf of the prefill API (prefill, alloc from sheaf, return). */
struct ssheaf {
	char *name;
	struct slab_sheaf *sheaf;	/* NULL unless prefilled */
	struct scache *cache;
	int line;		/* of the last prefill or return */
	unsigned int asked;	/* the size the last prefill asked for */
	unsigned int id;	/* slub_sheaf_id() while prefilled */
	enum { SHEAF_PREFILLED, SHEAF_FAILED, SHEAF_RETURNED } state;
};

struct smemcg {
	char *name;
	struct mem_cgroup *memcg;	/* NULL once destroyed */
};

struct var {
	char *name;		/* "x" or "x[3]" */
	void *ptr;
	struct scache *cache;	/* kmem_cache_alloc'ed from, or NULL */
	bool live;		/* allocated and not yet freed */
	bool kmalloced;
	bool ever;		/* ever allocated */
	struct var *next;	/* hash chain by name */
};

struct pent {			/* pointer -> variable, newest first */
	const void *ptr;
	struct var *v;
	struct pent *next;
};

struct scn_run {
	const struct scenario *sc;
	int pos;		/* steps executed */
	int cpu;		/* CPU of the last cpu statement */
	FILE *out, *diag;
	int expect_failures;
	bool failed;		/* a runtime error stopped the run */
	struct scn_error saved;
	struct scache **caches;	/* in order of first use */
	int ncaches;
	struct var **vtab;	/* hash by name */
	size_t vbuckets, nvars;
	struct pent **ptab;	/* hash by pointer */
	size_t pbuckets, nptrs;
	const struct stmt *armed[NR_SLUB_POINTS];
	bool hooks_on;		/* inside an alloc/free statement */
	bool in_hook;
	bool hook_failed;
	struct scn_error hook_err;
	struct scn_error *err;	/* of the step being executed */
	struct dcollect *dcol;	/* expect distinct's pointers */
	struct smemcg *memcgs;	/* the memory cgroups it created */
	int nmemcgs;
	struct mem_cgroup *cur_memcg;	/* entered, or NULL (root) */
	unsigned long site;	/* the call site the allocator records */
	unsigned long null_allocs;	/* allocations that returned NULL */
	unsigned int sheaves;	/* the design: sheaf capacity, 0: cpu slab */
	struct ssheaf *sheafv;	/* the named sheaves */
	int nsheafv;
};

typedef bool (*elem_fn)(struct scn_run *run, const struct stmt *st,
			const char *name);

/* ------------------------------------------------------------ scenario.c */

void scn_set_error(struct scn_error *err, const char *file, int line,
		   int col, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
/* Allocation that cannot fail: out of memory ends the program. */
void *scn_xrealloc(void *p, size_t n);
char *scn_xstrndup(const char *s, size_t n);
char *scn_xstrdup(const char *s);
/* Append one zeroed statement to *v (length *n) and return it. */
struct stmt *scn_push_stmt(struct stmt **v, int *n);

/* ------------------------------------------------------------ lexer.c */

/* Split p's current line into p->toks; false (and p->err set) on error. */
bool scn_lex_line(struct parser *p);
void scn_clear_toks(struct parser *p);

/* ------------------------------------------------------------ parser.c */

/* Parse text (len bytes) into p->sc; false (and p->err set) on error. */
bool scn_parse_lines(struct parser *p, const char *text, size_t len);

/* ------------------------------------------------------------ runstate.c */

struct var *scn_find_var(const struct scn_run *run, const char *name);
struct var *scn_get_var(struct scn_run *run, const char *name);
void scn_remember_ptr(struct scn_run *run, struct var *v);
void scn_allocated(struct scn_run *run, struct var *v, struct scache *c,
		   bool kmalloced);
bool scn_for_each_elem(struct scn_run *run, const struct stmt *st,
		       elem_fn fn);
struct var *scn_live_var(struct scn_run *run, const struct stmt *st,
			 const char *name, bool null_ok);

/* A runtime error at st (column col, 0: the statement's): returns false. */
bool scn_rerr(struct scn_run *run, const struct stmt *st, int col,
	      const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void scn_expect_failed(struct scn_run *run, const struct stmt *st, int col,
		       const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void scn_say(struct scn_run *run, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

struct scache *scn_add_cache(struct scn_run *run, const char *name,
			     struct kmem_cache *s, bool created);
struct scache *scn_used_cache(struct scn_run *run, const char *name,
			      struct kmem_cache *s);
struct scache *scn_own_cache(struct scn_run *run, const char *name);
struct kmem_cache *scn_lookup_cache(struct scn_run *run,
				    const struct stmt *st);
struct scache *scn_kmalloc_cache(struct scn_run *run, size_t size);

struct smemcg *scn_find_memcg(struct scn_run *run, const char *name);
struct smemcg *scn_need_memcg(struct scn_run *run, const struct stmt *st);

void scn_free_live_vars(struct scn_run *run);
void scn_free_tables(struct scn_run *run);

/* ------------------------------------------------------------ sheafstmt.c */

/* Execute prefill, return and expect sheaf. */
bool scn_exec_sheaf(struct scn_run *run, const struct stmt *st);
/* One element of alloc VAR from sheaf SHEAF (an elem_fn). */
bool scn_sheaf_alloc_one(struct scn_run *run, const struct stmt *st,
			 const char *name);
/* The prefilled sheaf of cache c, if any: destroy refuses the cache. */
const struct ssheaf *scn_prefilled_sheaf(const struct scn_run *run,
					 const struct scache *c);
/* Return every sheaf still prefilled (at the run's end). */
void scn_return_sheaves(struct scn_run *run);
void scn_free_sheaves(struct scn_run *run);

/* ------------------------------------------------------------ expect.c */

/* Execute an expect or show statement. */
bool scn_exec_expect(struct scn_run *run, const struct stmt *st);

#endif
