// SPDX-License-Identifier: GPL-2.0-only
/*
 * The scenario language: parser and interpreter. The grammar is documented
 * in scenario.h. A scenario is parsed once into an array of statements (the
 * steps) and can then be run any number of times; a run owns the variables
 * and the caches it created, and drives the allocator only through slub.h.
 */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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

/* ------------------------------------------------------------ errors */

static void set_error(struct scn_error *err, const char *file, int line,
		      int col, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

static void set_error(struct scn_error *err, const char *file, int line,
		      int col, const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return;
	snprintf(err->file, sizeof(err->file), "%s", file ? file : "?");
	err->line = line;
	err->col = col;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
}

const char *scn_error_format(const struct scn_error *err, char *buf,
			     size_t len)
{
	if (!buf || !len)
		return "";
	if (err->line <= 0)	/* about the whole file (cannot open ...) */
		snprintf(buf, len, "%s: error: %s", err->file, err->msg);
	else
		snprintf(buf, len, "%s:%d:%d: error: %s", err->file,
			 err->line, err->col, err->msg);
	return buf;
}

/* ------------------------------------------------------------ flags */

static const struct {
	const char *name;
	unsigned long flag;
} scn_flags[] = {
	{ "hwcache_align",	SLAB_HWCACHE_ALIGN },
	{ "red_zone",		SLAB_RED_ZONE },
	{ "poison",		SLAB_POISON },
	{ "store_user",		SLAB_STORE_USER },
	{ "debug_free",		SLAB_DEBUG_FREE },
	{ "consistency_checks",	SLAB_CONSISTENCY_CHECKS },
	{ "trace",		SLAB_TRACE },
	{ "panic",		SLAB_PANIC },
	{ "destroy_by_rcu",	SLAB_DESTROY_BY_RCU },
	{ "reclaim_account",	SLAB_RECLAIM_ACCOUNT },
	{ "cache_dma",		SLAB_CACHE_DMA },
	{ "notrack",		SLAB_NOTRACK },
};

#define NR_SCN_FLAGS	(int)(sizeof(scn_flags) / sizeof(scn_flags[0]))

bool scn_flag_from_name(const char *name, unsigned long *flag)
{
	int i;

	for (i = 0; i < NR_SCN_FLAGS; i++) {
		if (!strcmp(name, scn_flags[i].name)) {
			*flag = scn_flags[i].flag;
			return true;
		}
	}
	return false;
}

const char *scn_flag_name(int i)
{
	return i >= 0 && i < NR_SCN_FLAGS ? scn_flags[i].name : NULL;
}

/* ------------------------------------------------------------ statements */

enum stmt_kind {
	ST_CACHE, ST_CPU, ST_ALLOC, ST_FREE, ST_KMALLOC, ST_KFREE,
	ST_SHRINK, ST_DESTROY, ST_FLUSH, ST_VALIDATE, ST_SET, ST_FAIL,
	ST_INJECT, ST_MIGRATE, ST_EXPECT_NUM, ST_EXPECT_TEXT,
	ST_EXPECT_NULL, ST_EXPECT_NONNULL, ST_EXPECT_PAGES,
	ST_EXPECT_INVARIANTS, ST_EXPECT_DISTINCT, ST_ECHO, ST_SHOW,
	ST_MEMCG, ST_ENTER, ST_DESTROY_MEMCG, ST_EXPECT_MEMCG,
};

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
	char **attrs;		/* ATTR operands (set, expect, show) */
	int *attr_cols;
	int nattrs;
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
};

struct scenario {
	char *file;
	struct slub_config cfg;
	bool has_config;
	int config_line, config_col;
	char *debug;
	struct stmt *steps;
	int nsteps;
};

static void free_stmts(struct stmt *st, int n)
{
	int i, j;

	for (i = 0; i < n; i++) {
		free(st[i].text);
		free(st[i].var.name);
		for (j = 0; j < st[i].nmore; j++)
			free(st[i].more[j].name);
		free(st[i].more);
		free(st[i].cache);
		for (j = 0; j < st[i].nattrs; j++)
			free(st[i].attrs[j]);
		free(st[i].attrs);
		free(st[i].attr_cols);
		free(st[i].str);
		free_stmts(st[i].body, st[i].nbody);
	}
	free(st);
}

void scn_free(struct scenario *sc)
{
	if (!sc)
		return;
	free_stmts(sc->steps, sc->nsteps);
	free(sc->debug);
	free(sc->file);
	free(sc);
}

int scn_nsteps(const struct scenario *sc)
{
	return sc ? sc->nsteps : 0;
}

int scn_step_line(const struct scenario *sc, int step)
{
	if (!sc || step < 0 || step >= sc->nsteps)
		return 0;
	return sc->steps[step].line;
}

const char *scn_step_text(const struct scenario *sc, int step)
{
	if (!sc || step < 0 || step >= sc->nsteps)
		return NULL;
	return sc->steps[step].text;
}

const char *scn_file(const struct scenario *sc)
{
	return sc ? sc->file : NULL;
}

/* ------------------------------------------------------------ memory */

static void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (!q) {
		fprintf(stderr, "scenario: out of memory\n");
		abort();
	}
	return q;
}

static char *xstrndup(const char *s, size_t n)
{
	char *p = xrealloc(NULL, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

static char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

/* Append one zeroed statement to *v (length *n) and return it. */
static struct stmt *push_stmt(struct stmt **v, int *n)
{
	struct stmt *st;

	*v = xrealloc(*v, (size_t)(*n + 1) * sizeof(**v));
	st = &(*v)[(*n)++];
	memset(st, 0, sizeof(*st));
	st->node = NUMA_NO_NODE;
	return st;
}

/* ------------------------------------------------------------ lexer */

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

static bool perr(struct parser *p, int col, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static bool perr(struct parser *p, int col, const char *fmt, ...)
{
	char msg[sizeof(p->err->msg)];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	set_error(p->err, p->file, p->line, col, "%s", msg);
	return false;
}

static void clear_toks(struct parser *p)
{
	int i;

	for (i = 0; i < p->ntok; i++)
		free(p->toks[i].s);
	p->ntok = 0;
	p->pos = 0;
}

static struct tok *push_tok(struct parser *p, int start)
{
	struct tok *t;

	if (p->ntok == p->captok) {
		p->captok = p->captok ? 2 * p->captok : 16;
		p->toks = xrealloc(p->toks, (size_t)p->captok * sizeof(*t));
	}
	t = &p->toks[p->ntok++];
	memset(t, 0, sizeof(*t));
	t->start = start;
	t->col = start + 1;
	return t;
}

static bool bad_byte(unsigned char c)
{
	return (c < 0x20 && c != '\t') || c == 0x7f;
}

/* Lex a "quoted string" starting at offset i; returns the offset after. */
static int lex_string(struct parser *p, int i, bool *ok)
{
	struct tok *t = push_tok(p, i);
	char *buf = xrealloc(NULL, (size_t)p->len + 1);
	int n = 0, j = i + 1;

	while (j < p->len && p->text[j] != '"') {
		unsigned char c = p->text[j];

		if (c == '\\' && j + 1 < p->len)
			c = p->text[++j];
		if (bad_byte(c)) {
			free(buf);
			*ok = perr(p, j + 1, "invalid byte 0x%02x in string",
				   c);
			return j;
		}
		if (p->text[j - 1] == '\\' && j - 1 > i)
			c = c == 'n' ? '\n' : c == 't' ? '\t' : c;
		buf[n++] = c;
		j++;
	}
	buf[n] = '\0';
	t->s = buf;
	t->quoted = true;
	if (j >= p->len) {
		*ok = perr(p, i + 1, "unterminated string");
		return j;
	}
	t->end = j + 1;
	return j + 1;
}

/* Split the current line into tokens; '#' outside a string ends it. */
static bool lex_line(struct parser *p)
{
	bool ok = true;
	int i = 0;

	clear_toks(p);
	while (ok && i < p->len) {
		unsigned char c = p->text[i];
		int j;

		if (c == ' ' || c == '\t') {
			i++;
		} else if (c == '#') {
			break;
		} else if (c == '"') {
			i = lex_string(p, i, &ok);
		} else if (bad_byte(c)) {
			return perr(p, i + 1, "invalid byte 0x%02x", c);
		} else {
			for (j = i; j < p->len; j++) {
				c = p->text[j];
				if (c == ' ' || c == '\t' || c == '#' ||
				    c == '"' || bad_byte(c))
					break;
			}
			push_tok(p, i)->end = j;
			p->toks[p->ntok - 1].s = xstrndup(p->text + i,
							  (size_t)(j - i));
			i = j;
		}
	}
	return ok;
}

/* ------------------------------------------------------------ parser */

static struct tok *peek(struct parser *p)
{
	return p->pos < p->ntok ? &p->toks[p->pos] : NULL;
}

static struct tok *next(struct parser *p)
{
	return p->pos < p->ntok ? &p->toks[p->pos++] : NULL;
}

/* Column just past the last token: where a missing operand belongs. */
static int end_col(struct parser *p)
{
	return p->ntok ? p->toks[p->ntok - 1].end + 1 : 1;
}

static struct tok *need(struct parser *p, const char *what)
{
	struct tok *t = next(p);

	if (!t)
		perr(p, end_col(p), "expected %s", what);
	return t;
}

static bool is_word(const struct tok *t, const char *w)
{
	return t && !t->quoted && !strcmp(t->s, w);
}

static bool expect_word(struct parser *p, const char *w)
{
	struct tok *t = next(p);

	if (!t)
		return perr(p, end_col(p), "expected '%s'", w);
	if (!is_word(t, w))
		return perr(p, t->col, "expected '%s', found '%.40s'", w,
			    t->s);
	return true;
}

static bool at_end(struct parser *p)
{
	struct tok *t = peek(p);

	if (t)
		return perr(p, t->col, "unexpected '%.40s'", t->s);
	return true;
}

/*
 * Parse an unsigned number: decimal or 0x hex, with a K, M or G suffix
 * (powers of 1024) when suffix is set. Rejects overflow and values
 * outside [min, max].
 */
static bool parse_num(struct parser *p, const struct tok *t, bool suffix,
		      unsigned long long min, unsigned long long max,
		      const char *what, unsigned long long *out)
{
	const char *s = t->s;
	unsigned long long v;
	char *end;
	int shift = 0;

	if (t->quoted || !isdigit((unsigned char)s[0]))
		return perr(p, t->col, "expected %s, found '%.40s'", what, s);
	errno = 0;
	v = strtoull(s, &end, 0);
	if (suffix && *end && !end[1]) {
		shift = strchr("kK", *end) ? 10 : strchr("mM", *end) ? 20 :
			strchr("gG", *end) ? 30 : 0;
		end += shift ? 1 : 0;
	}
	if (*end)
		return perr(p, t->col, "expected %s, found '%.40s'", what, s);
	if (errno == ERANGE || (shift && v > (ULLONG_MAX >> shift)))
		return perr(p, t->col, "number too large: %.40s", s);
	v <<= shift;
	if (v < min || v > max)
		return perr(p, t->col, "%s out of range: %.40s (%llu..%llu)",
			    what, s, min, max);
	*out = v;
	return true;
}

static bool next_num(struct parser *p, bool suffix, unsigned long long min,
		     unsigned long long max, const char *what,
		     unsigned long long *out, int *col)
{
	struct tok *t = need(p, what);

	if (!t)
		return false;
	if (col)
		*col = t->col;
	return parse_num(p, t, suffix, min, max, what, out);
}

static bool valid_ident(const char *s, size_t n)
{
	size_t i;

	if (!n || !(isalpha((unsigned char)s[0]) || s[0] == '_'))
		return false;
	for (i = 1; i < n; i++)
		if (!(isalnum((unsigned char)s[i]) || s[i] == '_'))
			return false;
	return true;
}

/* A plain decimal index inside VAR[...]. */
static bool parse_index(struct parser *p, const char *s, size_t n, int col,
			long *out)
{
	long v = 0;
	size_t i;

	if (!n)
		return perr(p, col, "expected an index");
	for (i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return perr(p, col, "expected an index, found '%.*s'",
				    (int)(n > 40 ? 40 : n), s);
		v = v * 10 + (s[i] - '0');
		if (v > SCN_MAX_INDEX)
			return perr(p, col, "index too large (at most %ld)",
				    SCN_MAX_INDEX);
	}
	*out = v;
	return true;
}

/* VAR, VAR[I] or (with range) VAR[A..B]. */
static bool parse_var(struct parser *p, struct varref *v, bool range)
{
	struct tok *t = need(p, "a variable");
	const char *s, *br, *dots;
	size_t len;

	if (!t)
		return false;
	s = t->s;
	len = strlen(s);
	v->col = t->col;
	v->lo = v->hi = -1;
	br = strchr(s, '[');
	if (t->quoted || !valid_ident(s, br ? (size_t)(br - s) : len))
		return perr(p, t->col, "expected a variable name, found "
			    "'%.40s'", s);
	v->name = xstrndup(s, br ? (size_t)(br - s) : len);
	if (!br)
		return true;
	if (s[len - 1] != ']')
		return perr(p, t->col, "expected ']' at the end of '%.40s'", s);
	br++;
	dots = strstr(br, "..");
	if (!dots) {
		if (!parse_index(p, br, (size_t)(s + len - 1 - br),
				 t->col + (int)(br - s), &v->lo))
			return false;
		v->hi = v->lo;
		return true;
	}
	if (!range)
		return perr(p, t->col, "a range is not allowed here");
	if (!parse_index(p, br, (size_t)(dots - br), t->col + (int)(br - s),
			 &v->lo) ||
	    !parse_index(p, dots + 2, (size_t)(s + len - 3 - dots),
			 t->col + (int)(dots + 2 - s), &v->hi))
		return false;
	if (v->hi < v->lo)
		return perr(p, t->col, "empty range %ld..%ld", v->lo, v->hi);
	if (v->hi - v->lo >= SCN_MAX_RANGE)
		return perr(p, t->col, "range too large (at most %ld elements)",
			    SCN_MAX_RANGE);
	return true;
}

static bool valid_cache_name(const char *s)
{
	for (; *s; s++)
		if (!isgraph((unsigned char)*s))
			return false;
	return true;
}

static bool parse_cache(struct parser *p, struct stmt *st)
{
	struct tok *t = need(p, "a cache name");

	if (!t)
		return false;
	if (!t->quoted && !valid_cache_name(t->s))
		return perr(p, t->col, "invalid cache name '%.40s'", t->s);
	st->cache = xstrdup(t->s);
	st->cache_col = t->col;
	return true;
}

static void add_attr(struct stmt *st, const struct tok *t)
{
	st->attrs = xrealloc(st->attrs, (size_t)(st->nattrs + 1) *
			     sizeof(*st->attrs));
	st->attr_cols = xrealloc(st->attr_cols, (size_t)(st->nattrs + 1) *
				 sizeof(*st->attr_cols));
	st->attrs[st->nattrs] = xstrdup(t->s);
	st->attr_cols[st->nattrs++] = t->col;
}

static bool parse_attr(struct parser *p, struct stmt *st)
{
	struct tok *t = need(p, "an attribute name");

	if (!t)
		return false;
	if (t->quoted || !valid_ident(t->s, strlen(t->s)))
		return perr(p, t->col, "expected an attribute name, found "
			    "'%.40s'", t->s);
	add_attr(st, t);
	return true;
}

static bool parse_flags(struct parser *p, const struct tok *t,
			unsigned long *flags)
{
	const char *s = t->s;

	while (*s) {
		size_t n = strcspn(s, ",");
		char name[32];
		unsigned long f;

		if (n && n < sizeof(name)) {
			memcpy(name, s, n);
			name[n] = '\0';
			if (scn_flag_from_name(name, &f)) {
				*flags |= f;
				s += n + (s[n] == ',');
				continue;
			}
		}
		return perr(p, t->col + (int)(s - t->s),
			    "unknown flag '%.*s'", (int)(n > 40 ? 40 : n), s);
	}
	return true;
}

/* cache NAME size N [align N] [flags f1,f2,...] [ctor] */
static bool parse_cache_stmt(struct parser *p, struct stmt *st)
{
	struct tok *t;

	if (!parse_cache(p, st) || !expect_word(p, "size") ||
	    !next_num(p, true, 0, SCN_MAX_SIZE, "a size", &st->num,
		      &st->num_col))
		return false;
	while ((t = next(p))) {
		unsigned long long v;

		if (is_word(t, "align")) {
			if (!next_num(p, true, 0, 4096, "an alignment", &v,
				      NULL))
				return false;
			if (v & (v - 1))
				return perr(p, p->toks[p->pos - 1].col,
					    "alignment must be a power of 2");
			st->align = v;
		} else if (is_word(t, "flags")) {
			t = need(p, "a list of flags");
			if (!t || !parse_flags(p, t, &st->flags))
				return false;
		} else if (is_word(t, "ctor")) {
			st->ctor = true;
		} else {
			return perr(p, t->col, "unexpected '%.40s' (expected "
				    "align, flags or ctor)", t->s);
		}
	}
	return true;
}

/* [node N] [zero] in any order. */
static bool parse_alloc_opts(struct parser *p, struct stmt *st)
{
	struct tok *t;

	while ((t = next(p))) {
		unsigned long long v;

		if (is_word(t, "zero")) {
			st->zero = true;
		} else if (is_word(t, "node")) {
			if (!next_num(p, false, 0, SCN_MAX_NODES - 1, "a node",
				      &v, &st->node_col))
				return false;
			st->node = (long)v;
		} else {
			return perr(p, t->col, "unexpected '%.40s' (expected "
				    "node or zero)", t->s);
		}
	}
	return true;
}

static bool parse_point(struct parser *p, struct stmt *st)
{
	struct tok *t = need(p, "a point");
	int i;

	if (!t)
		return false;
	for (i = 0; i < NR_SLUB_POINTS; i++) {
		const char *name = slub_point_name((enum slub_point)i);

		if (name && !t->quoted && !strcmp(t->s, name)) {
			st->point = (enum slub_point)i;
			return true;
		}
	}
	return perr(p, t->col, "unknown point '%.40s' (expected "
		    "alloc.after_tid, alloc.before_cmpxchg, free.after_tid, "
		    "free.before_cmpxchg or slowpath.entry)", t->s);
}

/* A memory cgroup's NAME: a word or a quoted string, not "root". */
static bool parse_memcg_name(struct parser *p, struct stmt *st)
{
	struct tok *t = need(p, "a memory cgroup name");

	if (!t)
		return false;
	if (!t->quoted && !valid_cache_name(t->s))
		return perr(p, t->col, "invalid memory cgroup name '%.40s'",
			    t->s);
	if (is_word(t, "root"))
		return perr(p, t->col, "'root' is the root cgroup; it cannot "
			    "be created, destroyed or measured");
	if (strchr(t->s, '/'))
		return perr(p, t->col, "a memory cgroup name cannot hold '/'");
	if (!*t->s || strlen(t->s) >= SCN_MAX_MEMCG_NAME)
		return perr(p, t->col, "memory cgroup name must have 1..%d "
			    "bytes", SCN_MAX_MEMCG_NAME - 1);
	st->cache = xstrdup(t->s);
	st->cache_col = t->col;
	return true;
}

/* memcg NAME [limit SIZE] */
static bool parse_memcg_stmt(struct parser *p, struct stmt *st)
{
	struct tok *t;

	if (!parse_memcg_name(p, st))
		return false;
	while ((t = next(p))) {
		if (!is_word(t, "limit"))
			return perr(p, t->col, "unexpected '%.40s' (expected "
				    "limit)", t->s);
		if (!next_num(p, true, 1, ULLONG_MAX, "a limit in bytes",
			      &st->num, &st->num_col))
			return false;
	}
	return true;
}

/* enter NAME | enter root */
static bool parse_enter(struct parser *p, struct stmt *st)
{
	struct tok *t = peek(p);

	if (is_word(t, "root")) {
		next(p);
		st->cache = NULL;
		st->cache_col = t->col;
		return at_end(p);
	}
	return parse_memcg_name(p, st) && at_end(p);
}

/* destroy_memcg NAME [busy] */
static bool parse_destroy_memcg(struct parser *p, struct stmt *st)
{
	struct tok *t;

	if (!parse_memcg_name(p, st))
		return false;
	t = next(p);
	if (t && !is_word(t, "busy"))
		return perr(p, t->col, "unexpected '%.40s' (expected busy)",
			    t->s);
	st->busy = t != NULL;
	return at_end(p);
}

/* expect ... in its five forms, told apart by their operand count. */
static bool parse_expect(struct parser *p, struct stmt *st)
{
	int n = p->ntok - p->pos;
	struct tok *a = peek(p), *b;

	if (n >= 2 && is_word(a, "distinct") &&
	    !is_word(&p->toks[p->pos + 1], "null") &&
	    !is_word(&p->toks[p->pos + 1], "nonnull")) {
		st->kind = ST_EXPECT_DISTINCT;
		next(p);
		if (!parse_var(p, &st->var, true))
			return false;
		while (peek(p)) {
			st->more = xrealloc(st->more, (size_t)(st->nmore + 1) *
					    sizeof(*st->more));
			memset(&st->more[st->nmore], 0, sizeof(*st->more));
			if (!parse_var(p, &st->more[st->nmore++], true))
				return false;
		}
		return true;
	}
	if (n >= 3 && is_word(a, "memcg") &&
	    is_word(&p->toks[p->pos + 2], "usage")) {
		st->kind = ST_EXPECT_MEMCG;
		next(p);
		return parse_memcg_name(p, st) && expect_word(p, "usage") &&
		       next_num(p, true, 0, ULLONG_MAX, "a byte count",
				&st->num, &st->num_col);
	}
	if (n == 1 && is_word(a, "invariants")) {
		st->kind = ST_EXPECT_INVARIANTS;
		return expect_word(p, "invariants");
	}
	if (n == 2 && is_word(a, "pages_in_use")) {
		st->kind = ST_EXPECT_PAGES;
		next(p);
		return next_num(p, true, 0, ULLONG_MAX, "a number", &st->num,
				&st->num_col);
	}
	if (n == 2) {
		b = &p->toks[p->pos + 1];
		if (!is_word(b, "null") && !is_word(b, "nonnull"))
			return perr(p, b->col, "expected null or nonnull, "
				    "found '%.40s'", b->s);
		st->kind = is_word(b, "null") ? ST_EXPECT_NULL :
			   ST_EXPECT_NONNULL;
		if (!parse_var(p, &st->var, true))
			return false;
		next(p);
		return true;
	}
	if (n != 3)
		return perr(p, a ? a->col : end_col(p), "expected 'expect "
			    "CACHE ATTR VALUE', 'expect VAR null|nonnull', "
			    "'expect pages_in_use N', 'expect invariants', "
			    "'expect distinct VAR...' or 'expect memcg NAME "
			    "usage N'");
	if (!parse_cache(p, st) || !parse_attr(p, st))
		return false;
	b = next(p);
	if (b->quoted) {
		st->kind = ST_EXPECT_TEXT;
		st->str = xstrdup(b->s);
		st->num_col = b->col;
		return true;
	}
	st->kind = ST_EXPECT_NUM;
	st->num_col = b->col;
	return parse_num(p, b, false, 0, ULLONG_MAX, "a number or a "
			 "\"quoted text\"", &st->num);
}

/* echo TEXT: the rest of the line as written, or one quoted string. */
static bool parse_echo(struct parser *p, struct stmt *st)
{
	struct tok *first = peek(p), *last = &p->toks[p->ntok - 1];

	if (!first)
		st->str = xstrdup("");
	else if (p->ntok - p->pos == 1 && first->quoted)
		st->str = xstrdup(first->s);
	else
		st->str = xstrndup(p->text + first->start,
				   (size_t)(last->end - first->start));
	p->pos = p->ntok;
	return true;
}

static bool parse_config(struct parser *p)
{
	struct slub_config *cfg = &p->sc->cfg;
	unsigned long long v;
	struct tok *t;

	if (p->seen_stmt || p->block)
		return perr(p, p->toks[0].col, "config must come before any "
			    "other statement");
	if (p->sc->has_config)
		return perr(p, p->toks[0].col, "a second config statement");
	p->sc->has_config = true;
	p->sc->config_line = p->line;
	p->sc->config_col = p->toks[0].col;
	while ((t = next(p))) {
		if (is_word(t, "nomerge")) {
			cfg->nomerge = true;
			continue;
		}
		if (is_word(t, "debug")) {
			if (!(t = need(p, "a slub_debug string")))
				return false;
			free(p->sc->debug);
			p->sc->debug = xstrdup(t->s);
			continue;
		}
		if (is_word(t, "cpus")) {
			if (!next_num(p, false, 1, SCN_MAX_CPUS, "a CPU count",
				      &v, NULL))
				return false;
			cfg->nr_cpus = (int)v;
		} else if (is_word(t, "nodes")) {
			if (!next_num(p, false, 1, SCN_MAX_NODES,
				      "a node count", &v, NULL))
				return false;
			cfg->nr_nodes = (int)v;
		} else if (is_word(t, "arena")) {
			if (!next_num(p, true, 1, 1ULL << 40, "an arena size",
				      &v, NULL))
				return false;
			cfg->arena_bytes = (size_t)v;
		} else if (is_word(t, "max_order")) {
			if (!next_num(p, false, 0, 10, "an order", &v, NULL))
				return false;
			cfg->max_order = (int)v;
		} else if (is_word(t, "min_objects")) {
			if (!next_num(p, false, 1, 65535, "an object count",
				      &v, NULL))
				return false;
			cfg->min_objects = (int)v;
		} else {
			return perr(p, t->col, "unknown config option '%.40s' "
				    "(expected cpus, nodes, arena, max_order, "
				    "min_objects, nomerge or debug)", t->s);
		}
	}
	return true;
}

static const struct {
	const char *word;
	enum stmt_kind kind;
	bool in_block;		/* allowed inside an inject block */
} keywords[] = {
	{ "cache",		ST_CACHE,	false },
	{ "cpu",		ST_CPU,		false },
	{ "alloc",		ST_ALLOC,	true },
	{ "free",		ST_FREE,	true },
	{ "kmalloc",		ST_KMALLOC,	true },
	{ "kfree",		ST_KFREE,	true },
	{ "shrink",		ST_SHRINK,	true },
	{ "destroy",		ST_DESTROY,	false },
	{ "flush",		ST_FLUSH,	true },
	{ "validate",		ST_VALIDATE,	true },
	{ "set",		ST_SET,		true },
	{ "fail_page_alloc",	ST_FAIL,	true },
	{ "inject",		ST_INJECT,	false },
	{ "migrate",		ST_MIGRATE,	false },
	{ "expect",		ST_EXPECT_NUM,	true },
	{ "echo",		ST_ECHO,	true },
	{ "show",		ST_SHOW,	true },
	{ "memcg",		ST_MEMCG,	false },
	{ "enter",		ST_ENTER,	false },
	{ "destroy_memcg",	ST_DESTROY_MEMCG, false },
};

#define NR_KEYWORDS	(int)(sizeof(keywords) / sizeof(keywords[0]))

static bool parse_operands(struct parser *p, struct stmt *st)
{
	unsigned long long v;
	struct tok *t;

	switch (st->kind) {
	case ST_CACHE:
		return parse_cache_stmt(p, st);
	case ST_CPU:
		return next_num(p, false, 0, SCN_MAX_CPUS - 1, "a CPU number",
				&st->num, &st->num_col) && at_end(p);
	case ST_ALLOC:
		return parse_var(p, &st->var, true) &&
		       expect_word(p, "from") && parse_cache(p, st) &&
		       parse_alloc_opts(p, st);
	case ST_KMALLOC:
		return parse_var(p, &st->var, true) &&
		       next_num(p, true, 0, SCN_MAX_SIZE, "a size", &st->num,
				&st->num_col) &&
		       parse_alloc_opts(p, st);
	case ST_FREE:
	case ST_KFREE:
		return parse_var(p, &st->var, true) && at_end(p);
	case ST_SHRINK:
	case ST_DESTROY:
	case ST_FLUSH:
	case ST_VALIDATE:
		return parse_cache(p, st) && at_end(p);
	case ST_SET:
		if (!parse_cache(p, st) || !parse_attr(p, st) ||
		    !(t = need(p, "a value")))
			return false;
		st->str = xstrdup(t->s);
		return at_end(p);
	case ST_FAIL:
		return next_num(p, false, 0, ULONG_MAX, "a count", &st->num,
				&st->num_col) && at_end(p);
	case ST_INJECT:
		return parse_point(p, st) && at_end(p);
	case ST_MIGRATE:
		return parse_point(p, st) && expect_word(p, "cpu") &&
		       next_num(p, false, 0, SCN_MAX_CPUS - 1, "a CPU number",
				&v, &st->num_col) &&
		       (st->num = v, at_end(p));
	case ST_EXPECT_NUM:
		return parse_expect(p, st) && at_end(p);
	case ST_ECHO:
		return parse_echo(p, st);
	case ST_MEMCG:
		return parse_memcg_stmt(p, st);
	case ST_ENTER:
		return parse_enter(p, st);
	case ST_DESTROY_MEMCG:
		return parse_destroy_memcg(p, st);
	case ST_SHOW:
		if (!parse_cache(p, st) || !parse_attr(p, st))
			return false;
		while (peek(p))
			if (!parse_attr(p, st))
				return false;
		return true;
	default:
		return perr(p, st->col, "internal error: statement kind %d",
			    (int)st->kind);
	}
}

static char *stmt_text(struct parser *p)
{
	int a = p->toks[0].start, b = p->toks[p->ntok - 1].end;

	return xstrndup(p->text + a, (size_t)(b - a));
}

static bool parse_stmt(struct parser *p)
{
	struct tok *kw = next(p);
	struct stmt *st;
	int i;

	if (is_word(kw, "config"))
		return parse_config(p);
	if (is_word(kw, "end")) {
		if (!p->block)
			return perr(p, kw->col, "'end' without 'inject'");
		p->block = NULL;
		return at_end(p);
	}
	for (i = 0; i < NR_KEYWORDS; i++)
		if (is_word(kw, keywords[i].word))
			break;
	if (i == NR_KEYWORDS)
		return perr(p, kw->col, "unknown statement '%.40s'", kw->s);
	if (p->block && !keywords[i].in_block)
		return perr(p, kw->col, "'%s' is not allowed inside an inject "
			    "block", keywords[i].word);
	p->seen_stmt = true;
	if (p->block)
		st = push_stmt(&p->block->body, &p->block->nbody);
	else
		st = push_stmt(&p->sc->steps, &p->sc->nsteps);
	st->kind = keywords[i].kind;
	st->line = p->line;
	st->col = kw->col;
	st->text = stmt_text(p);
	if (!parse_operands(p, st))
		return false;
	if (st->kind == ST_INJECT)
		p->block = st;
	return true;
}

static bool parse_lines(struct parser *p, const char *text, size_t len)
{
	size_t off = 0;
	int open_line = 0;

	while (off < len) {
		const char *nl = memchr(text + off, '\n', len - off);
		size_t n = nl ? (size_t)(nl - (text + off)) : len - off;

		p->line++;
		if (n > INT_MAX / 2)
			return perr(p, 1, "line too long");
		p->text = text + off;
		p->len = (int)n;
		if (p->len && p->text[p->len - 1] == '\r')
			p->len--;
		off += n + 1;
		if (!lex_line(p))
			return false;
		if (!p->ntok)
			continue;
		if (!parse_stmt(p))
			return false;
		if (p->block && !open_line)
			open_line = p->line;
		if (!p->block)
			open_line = 0;
	}
	if (p->block) {
		p->line = open_line;
		return perr(p, p->block->col, "inject block has no 'end'");
	}
	return true;
}

struct scenario *scn_parse_string(const char *name, const char *text,
				  struct scn_error *err)
{
	struct parser p = { .file = name ? name : "<string>", .err = err };
	bool ok;

	p.sc = xrealloc(NULL, sizeof(*p.sc));
	memset(p.sc, 0, sizeof(*p.sc));
	p.sc->file = xstrdup(p.file);
	p.file = p.sc->file;
	ok = parse_lines(&p, text ? text : "", text ? strlen(text) : 0);
	clear_toks(&p);
	free(p.toks);
	if (!ok) {
		scn_free(p.sc);
		return NULL;
	}
	return p.sc;
}

/* Like scn_parse_string, but the text may hold NUL bytes (an error). */
static struct scenario *parse_buffer(const char *name, const char *buf,
				     size_t len, struct scn_error *err)
{
	const char *nul = memchr(buf, '\0', len);
	int line = 1, col = 1;
	const char *q;

	if (!nul)
		return scn_parse_string(name, buf, err);
	for (q = buf; q < nul; q++, col++) {
		if (*q == '\n') {
			line++;
			col = 0;
		}
	}
	set_error(err, name, line, col, "invalid byte 0x00");
	return NULL;
}

struct scenario *scn_parse_file(const char *path, struct scn_error *err)
{
	struct scenario *sc = NULL;
	size_t len = 0, cap = 0, n;
	char *buf = NULL;
	FILE *f;

	f = fopen(path, "rb");
	if (!f) {
		set_error(err, path, 0, 0, "cannot open: %s", strerror(errno));
		return NULL;
	}
	do {
		if (len + 4096 + 1 > cap) {
			cap = cap ? 2 * cap : 8192;
			buf = xrealloc(buf, cap);
		}
		n = fread(buf + len, 1, cap - len - 1, f);
		len += n;
	} while (n && len <= SCN_MAX_FILE);
	if (ferror(f))
		set_error(err, path, 0, 0, "read error: %s", strerror(errno));
	else if (len > SCN_MAX_FILE)
		set_error(err, path, 0, 0, "file too large (more than %u "
			  "bytes)", SCN_MAX_FILE);
	else {
		buf[len] = '\0';
		sc = parse_buffer(path, buf, len, err);
	}
	fclose(f);
	free(buf);
	return sc;
}

/* ------------------------------------------------------------ run state */

struct scache {
	char *name;		/* the scenario's name for it */
	struct kmem_cache *s;
	bool created;		/* by a cache statement (else kmalloc) */
	bool destroyed;		/* destroy ran (may have been refused) */
	bool gone;		/* the allocator freed it */
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
};

static struct scn_run *active_run;

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
	struct var **t = xrealloc(NULL, nb * sizeof(*t));

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

static struct var *find_var(const struct scn_run *run, const char *name)
{
	struct var *v;

	if (!run->vbuckets)
		return NULL;
	for (v = run->vtab[hash_str(name) % run->vbuckets]; v; v = v->next)
		if (!strcmp(v->name, name))
			return v;
	return NULL;
}

static struct var *get_var(struct scn_run *run, const char *name)
{
	struct var *v = find_var(run, name);
	unsigned long b;

	if (v)
		return v;
	if (run->nvars >= run->vbuckets)
		grow_vtab(run);
	v = xrealloc(NULL, sizeof(*v));
	memset(v, 0, sizeof(*v));
	v->name = xstrdup(name);
	b = hash_str(name) % run->vbuckets;
	v->next = run->vtab[b];
	run->vtab[b] = v;
	run->nvars++;
	return v;
}

static void grow_ptab(struct scn_run *run)
{
	size_t nb = run->pbuckets ? 2 * run->pbuckets : 64, i;
	struct pent **t = xrealloc(NULL, nb * sizeof(*t));
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

static void remember_ptr(struct scn_run *run, struct var *v)
{
	struct pent *e;
	unsigned long b;

	if (!v->ptr)
		return;
	if (run->nptrs >= run->pbuckets)
		grow_ptab(run);
	e = xrealloc(NULL, sizeof(*e));
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

/* ------------------------------------------------------------ run errors */

static bool rerr(struct scn_run *run, const struct stmt *st, int col,
		 const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static bool rerr(struct scn_run *run, const struct stmt *st, int col,
		 const char *fmt, ...)
{
	char msg[sizeof(run->saved.msg)];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	set_error(run->err, run->sc->file, st->line, col ? col : st->col,
		  "%s", msg);
	return false;
}

static void expect_failed(struct scn_run *run, const struct stmt *st,
			  int col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void expect_failed(struct scn_run *run, const struct stmt *st,
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

static void say(struct scn_run *run, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void say(struct scn_run *run, const char *fmt, ...)
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

static struct scache *add_cache(struct scn_run *run, const char *name,
				struct kmem_cache *s, bool created)
{
	struct scache *c = xrealloc(NULL, sizeof(*c));

	memset(c, 0, sizeof(*c));
	c->name = xstrdup(name);
	c->s = s;
	c->created = created;
	run->caches = xrealloc(run->caches, (size_t)(run->ncaches + 1) *
			       sizeof(*run->caches));
	run->caches[run->ncaches++] = c;
	return c;
}

/* A cache used by name but not created by the scenario. */
static struct scache *used_cache(struct scn_run *run, const char *name,
				 struct kmem_cache *s)
{
	int i;

	for (i = 0; i < run->ncaches; i++) {
		struct scache *c = run->caches[i];

		if (!c->created && c->s == s && !strcmp(c->name, name))
			return c;
	}
	return add_cache(run, name, s, false);
}

/* The scenario's own cache of that name, newest first. */
static struct scache *own_cache(struct scn_run *run, const char *name)
{
	int i;

	for (i = run->ncaches - 1; i >= 0; i--) {
		struct scache *c = run->caches[i];

		if (c->created && !c->destroyed && !strcmp(c->name, name))
			return c;
	}
	return NULL;
}

static struct kmem_cache *lookup_cache(struct scn_run *run,
				       const struct stmt *st)
{
	struct scache *c = own_cache(run, st->cache);
	struct kmem_cache *s;

	if (c)
		return c->s;
	s = slub_find_cache(st->cache);
	if (!s)
		rerr(run, st, st->cache_col, "no cache named '%.60s'",
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

static void scn_ctor(void *obj)
{
	(void)obj;	/* a constructor that does nothing, for layout */
}

/*
 * SLAB_PANIC changes nothing but what a failure does: the kernel panics.
 * A scenario must not bring the program down, so the flag is withheld
 * and the panic reported as the scenario's error.
 */
static bool exec_cache(struct scn_run *run, const struct stmt *st)
{
	struct kmem_cache *s;

	s = kmem_cache_create(st->cache, (size_t)st->num, st->align,
			      st->flags & ~SLAB_PANIC,
			      st->ctor ? scn_ctor : NULL);
	if (!s && (st->flags & SLAB_PANIC))
		return rerr(run, st, st->cache_col, "kmem_cache_create(\"%.60s"
			    "\", %llu) failed: with SLAB_PANIC the kernel "
			    "panics here", st->cache, st->num);
	if (!s)
		return rerr(run, st, st->cache_col, "kmem_cache_create(\"%.60s"
			    "\", %llu) failed", st->cache, st->num);
	add_cache(run, st->cache, s, true);
	return true;
}

/*
 * destroy: the kernel refuses to free a cache that still has objects (it
 * reports them and keeps the cache). Afterwards the cache is looked up by
 * its own name: if the allocator still knows it, the variables allocated
 * from it stay usable; if not, they are gone with it.
 */
static bool exec_destroy(struct scn_run *run, const struct stmt *st)
{
	struct scache *c = own_cache(run, st->cache);
	char *real;
	size_t i;

	if (!c)
		return rerr(run, st, st->cache_col, "'%.60s' is not a cache "
			    "this scenario created (or it was destroyed)",
			    st->cache);
	real = xstrdup(kmem_cache_name(c->s));
	kmem_cache_destroy(c->s);
	c->destroyed = true;
	c->gone = slub_find_cache(real) != c->s;
	free(real);
	if (!c->gone)
		return true;
	for (i = 0; i < run->vbuckets; i++) {
		struct var *v;

		for (v = run->vtab[i]; v; v = v->next)
			if (v->cache == c)
				v->live = false;
	}
	return true;
}

/* The kmalloc cache serving size bytes (kmalloc_index), or NULL. */
static struct scache *kmalloc_cache(struct scn_run *run, size_t size)
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
	return s ? used_cache(run, name, s) : NULL;
}

/* ------------------------------------------------------------ variables */

typedef bool (*elem_fn)(struct scn_run *run, const struct stmt *st,
			const char *name);

/* Call fn for VAR, VAR[I] or every element of VAR[A..B]. */
static bool for_each_elem(struct scn_run *run, const struct stmt *st,
			  elem_fn fn)
{
	const struct varref *v = &st->var;
	size_t len = strlen(v->name) + 24;	/* "[" index "]" */
	char *name;
	bool ok = true;
	long i;

	if (v->lo < 0)
		return fn(run, st, v->name);
	name = xrealloc(NULL, len);
	for (i = v->lo; ok && i <= v->hi; i++) {
		snprintf(name, len, "%s[%ld]", v->name, i);
		ok = fn(run, st, name);
	}
	free(name);
	return ok;
}

static bool check_free_slot(struct scn_run *run, const struct stmt *st,
			    struct var *v)
{
	if (v->live)
		return rerr(run, st, st->var.col, "%.60s still holds a live "
			    "object (free it first)", v->name);
	return true;
}

static gfp_t stmt_gfp(const struct stmt *st)
{
	return GFP_KERNEL | (st->zero ? __GFP_ZERO : 0);
}

static bool alloc_one(struct scn_run *run, const struct stmt *st,
		      const char *name)
{
	struct var *v = get_var(run, name);
	struct scache *c = own_cache(run, st->cache);
	struct kmem_cache *s;

	if (!check_free_slot(run, st, v))
		return false;
	if (!c) {
		s = lookup_cache(run, st);
		if (!s)
			return false;
		c = used_cache(run, st->cache, s);
	}
	if (st->node != NUMA_NO_NODE)
		v->ptr = kmem_cache_alloc_node(c->s, stmt_gfp(st),
					       (int)st->node);
	else
		v->ptr = kmem_cache_alloc(c->s, stmt_gfp(st));
	v->cache = c;
	v->kmalloced = false;
	v->live = v->ptr != NULL;
	v->ever = true;
	remember_ptr(run, v);
	return true;
}

static bool kmalloc_one(struct scn_run *run, const struct stmt *st,
			const char *name)
{
	struct var *v = get_var(run, name);
	size_t size = (size_t)st->num;

	if (!check_free_slot(run, st, v))
		return false;
	if (st->node != NUMA_NO_NODE)
		v->ptr = kmalloc_node(size, stmt_gfp(st), (int)st->node);
	else
		v->ptr = kmalloc(size, stmt_gfp(st));
	v->cache = NULL;
	v->kmalloced = true;
	v->live = v->ptr != NULL;
	v->ever = true;
	if (v->live)
		kmalloc_cache(run, size);
	remember_ptr(run, v);
	return true;
}

/* The checks free and kfree share: the variable holds a live object. */
static struct var *live_var(struct scn_run *run, const struct stmt *st,
			    const char *name, bool null_ok)
{
	struct var *v = find_var(run, name);

	if (!v || !v->ever) {
		rerr(run, st, st->var.col, "unknown variable %.60s (never "
		     "allocated)", name);
		return NULL;
	}
	if (!v->ptr && null_ok)
		return v;
	if (!v->ptr) {
		rerr(run, st, st->var.col, "%.60s is NULL (its allocation "
		     "failed)", name);
		return NULL;
	}
	if (!v->live) {
		rerr(run, st, st->var.col, v->cache && v->cache->gone ?
		     "%.60s went away with its destroyed cache" :
		     "%.60s was already freed", name);
		return NULL;
	}
	return v;
}

static bool free_one(struct scn_run *run, const struct stmt *st,
		     const char *name)
{
	struct var *v = live_var(run, st, name, false);

	if (!v)
		return false;
	if (v->kmalloced)
		return rerr(run, st, st->var.col, "%.60s came from kmalloc; use "
			    "kfree", name);
	v->live = false;
	kmem_cache_free(v->cache->s, v->ptr);
	return true;
}

static bool kfree_one(struct scn_run *run, const struct stmt *st,
		      const char *name)
{
	struct var *v = live_var(run, st, name, true);

	if (!v)
		return false;
	v->live = false;
	kfree(v->ptr);
	return true;
}

static bool expect_null_one(struct scn_run *run, const struct stmt *st,
			    const char *name)
{
	struct var *v = find_var(run, name);
	bool want_null = st->kind == ST_EXPECT_NULL;

	if (!v || !v->ever)
		return rerr(run, st, st->var.col, "unknown variable %.60s (never "
			    "allocated)", name);
	if ((v->ptr == NULL) != want_null)
		expect_failed(run, st, st->var.col, "%.60s is %s, expected %s",
			      name, v->ptr ? "not NULL" : "NULL",
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
	struct var *v = live_var(run, st, name, false);
	struct dcollect *dcol = run->dcol;

	if (!v)
		return false;
	if (dcol->n == dcol->cap) {
		dcol->cap = dcol->cap ? 2 * dcol->cap : 64;
		dcol->ptrs = xrealloc(dcol->ptrs, dcol->cap *
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
	ok = for_each_elem(run, st, collect_one);
	for (k = 0; ok && k < st->nmore; k++) {
		one.var = st->more[k];
		ok = for_each_elem(run, &one, collect_one);
	}
	run->dcol = NULL;
	if (ok && c.n > 1) {
		qsort(c.ptrs, c.n, sizeof(*c.ptrs), cmp_ptr);
		for (i = 1; i < c.n; i++)
			if (c.ptrs[i].ptr == c.ptrs[i - 1].ptr)
				break;
		if (i < c.n)
			expect_failed(run, st, 0, "%.60s and %s hold the same "
				      "object", c.ptrs[i - 1].name,
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
		return rerr(run, st, st->attr_cols[i], "cannot read attribute "
			    "'%.60s': %s", st->attrs[i], strerror((int)-n));
	if (n >= SLAB_ATTR_BUFSIZE)
		n = SLAB_ATTR_BUFSIZE - 1;
	buf[n] = '\0';
	while (n > 0 && buf[n - 1] == '\n')
		buf[--n] = '\0';
	return true;
}

static bool store_attr(struct scn_run *run, const struct stmt *st,
		       struct kmem_cache *s, const char *attr, const char *val)
{
	ssize_t n = slab_attr_store(s, attr, val, strlen(val));
	int col = st->nattrs ? st->attr_cols[0] : st->col;

	if (n == -ENOENT)
		return rerr(run, st, col, "the allocator has no '%.60s' "
			    "attribute", attr);
	if (n < 0)
		return rerr(run, st, col, "writing '%.40s' to %.60s failed: "
			    "%s", val, attr, strerror((int)-n));
	return true;
}

static bool exec_expect_attr(struct scn_run *run, const struct stmt *st)
{
	char buf[SLAB_ATTR_BUFSIZE];
	struct kmem_cache *s = lookup_cache(run, st);
	unsigned long long v;
	char *end;

	if (!s || !read_attr(run, st, s, 0, buf))
		return false;
	if (st->kind == ST_EXPECT_TEXT) {
		if (strcmp(buf, st->str))
			expect_failed(run, st, st->num_col, "%s %s is \"%.200s"
				      "\", expected \"%.200s\"", st->cache,
				      st->attrs[0], buf, st->str);
		return true;
	}
	errno = 0;
	v = strtoull(buf, &end, 10);
	if (end == buf || errno)
		return rerr(run, st, st->attr_cols[0], "%s %s is \"%.60s\", "
			    "not a number", st->cache, st->attrs[0], buf);
	if (v != st->num)
		expect_failed(run, st, st->num_col, "%s %s is %llu, expected "
			      "%llu", st->cache, st->attrs[0], v, st->num);
	return true;
}

static bool exec_show(struct scn_run *run, const struct stmt *st)
{
	char buf[SLAB_ATTR_BUFSIZE];
	struct kmem_cache *s = lookup_cache(run, st);
	int i;

	if (!s)
		return false;
	for (i = 0; i < st->nattrs; i++) {
		if (!read_attr(run, st, s, i, buf))
			return false;
		say(run, "%s %s %s\n", st->cache, st->attrs[i], buf);
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
		expect_failed(run, st, st->num_col, "pages_in_use is %llu "
			      "(%lu slab, %lu large), expected %llu", used,
			      ps.slab_pages, ps.large_pages, st->num);
	return true;
}

static bool exec_expect_invariants(struct scn_run *run,
				   const struct stmt *st)
{
	int n = slub_check_invariants(run->diag);

	if (n)
		expect_failed(run, st, 0, "slub_check_invariants() reports "
			      "%d problem(s)", n);
	return true;
}

/* ------------------------------------------------------------ memcg */

/* The live memory cgroup of that name, or NULL. */
static struct smemcg *find_memcg(struct scn_run *run, const char *name)
{
	int i;

	for (i = 0; i < run->nmemcgs; i++)
		if (run->memcgs[i].memcg && !strcmp(run->memcgs[i].name, name))
			return &run->memcgs[i];
	return NULL;
}

static struct smemcg *need_memcg(struct scn_run *run, const struct stmt *st)
{
	struct smemcg *m = find_memcg(run, st->cache);

	if (!m)
		rerr(run, st, st->cache_col, "no memory cgroup named '%.60s' "
		     "(create it with 'memcg %.60s')", st->cache, st->cache);
	return m;
}

static bool exec_memcg(struct scn_run *run, const struct stmt *st)
{
	struct mem_cgroup *memcg;

	if (find_memcg(run, st->cache))
		return rerr(run, st, st->cache_col, "memory cgroup '%.60s' "
			    "already exists", st->cache);
	memcg = slub_memcg_create(st->cache, (size_t)st->num);
	if (!memcg)
		return rerr(run, st, st->cache_col, "slub_memcg_create(\"%.60s"
			    "\") failed", st->cache);
	run->memcgs = xrealloc(run->memcgs, (size_t)(run->nmemcgs + 1) *
			       sizeof(*run->memcgs));
	run->memcgs[run->nmemcgs].name = xstrdup(st->cache);
	run->memcgs[run->nmemcgs++].memcg = memcg;
	return true;
}

static bool exec_enter(struct scn_run *run, const struct stmt *st)
{
	struct smemcg *m = NULL;

	if (st->cache && !(m = need_memcg(run, st)))
		return false;
	run->cur_memcg = m ? m->memcg : NULL;
	slub_memcg_enter(run->cur_memcg);
	return true;
}

/*
 * destroy_memcg: slub_memcg_destroy() destroys the cgroup's child caches
 * and the cgroup; a child cache that still holds objects makes it return
 * -EBUSY and leaves the cgroup alive. That is a runtime error, unless
 * the statement says 'busy': then it is what the scenario expects, and a
 * destruction that succeeds is a failed expect.
 */
static bool exec_destroy_memcg(struct scn_run *run, const struct stmt *st)
{
	struct smemcg *m = need_memcg(run, st);
	int ret;

	if (!m)
		return false;
	ret = slub_memcg_destroy(m->memcg);
	if (ret == -EBUSY && st->busy)
		return true;
	if (ret == -EBUSY)
		return rerr(run, st, st->cache_col, "memory cgroup '%.60s' is "
			    "busy: its caches still hold objects (write "
			    "'destroy_memcg %.60s busy' to expect this)",
			    st->cache, st->cache);
	if (ret)
		return rerr(run, st, st->cache_col, "slub_memcg_destroy(%.60s)"
			    " failed: %s", st->cache, strerror(-ret));
	if (run->cur_memcg == m->memcg)
		run->cur_memcg = NULL;
	m->memcg = NULL;
	if (st->busy)
		expect_failed(run, st, st->cache_col, "memory cgroup %.60s was "
			      "destroyed, expected -EBUSY", st->cache);
	return true;
}

static bool exec_expect_memcg(struct scn_run *run, const struct stmt *st)
{
	struct smemcg *m = need_memcg(run, st);
	size_t used;

	if (!m)
		return false;
	used = slub_memcg_usage(m->memcg);
	if (used != st->num)
		expect_failed(run, st, st->num_col, "memcg %s usage is %zu, "
			      "expected %llu", st->cache, used, st->num);
	return true;
}

/* ------------------------------------------------------------ hooks */

static bool exec_stmt(struct scn_run *run, const struct stmt *st);

static void run_block(struct scn_run *run, const struct stmt *st)
{
	struct scn_error *saved = run->err;
	int cpu = slub_sim_cpu(), i;

	say(run, "  >> %s:%d: preempted at %s on cpu %d: running the inject "
	    "block\n", run->sc->file, st->line, slub_point_name(st->point),
	    cpu);
	run->err = &run->hook_err;
	for (i = 0; i < st->nbody; i++) {
		if (!exec_stmt(run, &st->body[i])) {
			run->hook_failed = true;
			break;
		}
	}
	run->err = saved;
	slub_sim_set_cpu(cpu);
	say(run, "  << back in the interrupted operation on cpu %d\n", cpu);
}

/*
 * The allocator calls this at each point. A point armed by an inject or
 * migrate statement fires once, and only while an alloc/free statement of
 * the scenario runs; operations inside the block do not re-trigger it.
 */
static void point_hook(enum slub_point point, void *arg)
{
	struct scn_run *run = arg;
	const struct stmt *st;

	if (!run->hooks_on || run->in_hook || (int)point < 0 ||
	    point >= NR_SLUB_POINTS || !run->armed[point])
		return;
	st = run->armed[point];
	run->armed[point] = NULL;
	run->in_hook = true;
	if (st->kind == ST_MIGRATE) {
		say(run, "  >> %s:%d: migrated at %s from cpu %d to cpu %d\n",
		    run->sc->file, st->line, slub_point_name(point),
		    slub_sim_cpu(), (int)st->num);
		slub_sim_set_cpu((int)st->num);
	} else {
		run_block(run, st);
	}
	run->in_hook = false;
}

static bool exec_arm(struct scn_run *run, const struct stmt *st)
{
	if (run->armed[st->point])
		return rerr(run, st, st->col, "%s is already armed (line %d)",
			    slub_point_name(st->point),
			    run->armed[st->point]->line);
	if (st->kind == ST_MIGRATE && (int)st->num >= slub_nr_cpus())
		return rerr(run, st, st->num_col, "no cpu %llu (the run has "
			    "%d)", st->num, slub_nr_cpus());
	run->armed[st->point] = st;
	return true;
}

/* alloc, free, kmalloc, kfree: the statements a hook may interrupt. */
static bool exec_op(struct scn_run *run, const struct stmt *st, elem_fn fn)
{
	bool outer = !run->in_hook, ok;

	if (st->node != NUMA_NO_NODE && st->node >= slub_nr_nodes())
		return rerr(run, st, st->node_col, "no node %ld (the run has "
			    "%d)", st->node, slub_nr_nodes());
	if (outer) {
		run->hooks_on = true;
		run->hook_failed = false;
	}
	ok = for_each_elem(run, st, fn);
	if (outer) {
		run->hooks_on = false;
		if (ok && run->hook_failed) {
			*run->err = run->hook_err;
			ok = false;
		}
	}
	return ok;
}

/* ------------------------------------------------------------ statements */

static bool exec_cache_op(struct scn_run *run, const struct stmt *st)
{
	struct kmem_cache *s = lookup_cache(run, st);

	if (!s)
		return false;
	switch (st->kind) {
	case ST_SHRINK:
		kmem_cache_shrink(s);
		return true;
	case ST_FLUSH:
		return store_attr(run, st, s, "flush", "1");
	case ST_VALIDATE:
		return store_attr(run, st, s, "validate", "1");
	default:
		return store_attr(run, st, s, st->attrs[0], st->str);
	}
}

static bool exec_cpu(struct scn_run *run, const struct stmt *st)
{
	if ((int)st->num >= slub_nr_cpus() || slub_sim_set_cpu((int)st->num))
		return rerr(run, st, st->num_col, "no cpu %llu (the run has "
			    "%d)", st->num, slub_nr_cpus());
	run->cpu = (int)st->num;
	return true;
}

static bool exec_stmt(struct scn_run *run, const struct stmt *st)
{
	switch (st->kind) {
	case ST_CACHE:
		return exec_cache(run, st);
	case ST_CPU:
		return exec_cpu(run, st);
	case ST_ALLOC:
		return exec_op(run, st, alloc_one);
	case ST_FREE:
		return exec_op(run, st, free_one);
	case ST_KMALLOC:
		return exec_op(run, st, kmalloc_one);
	case ST_KFREE:
		return exec_op(run, st, kfree_one);
	case ST_DESTROY:
		return exec_destroy(run, st);
	case ST_SHRINK:
	case ST_FLUSH:
	case ST_VALIDATE:
	case ST_SET:
		return exec_cache_op(run, st);
	case ST_FAIL:
		slub_fail_page_alloc((unsigned long)st->num);
		return true;
	case ST_INJECT:
	case ST_MIGRATE:
		return exec_arm(run, st);
	case ST_EXPECT_NUM:
	case ST_EXPECT_TEXT:
		return exec_expect_attr(run, st);
	case ST_EXPECT_NULL:
	case ST_EXPECT_NONNULL:
		return for_each_elem(run, st, expect_null_one);
	case ST_EXPECT_PAGES:
		return exec_expect_pages(run, st);
	case ST_EXPECT_INVARIANTS:
		return exec_expect_invariants(run, st);
	case ST_EXPECT_DISTINCT:
		return exec_expect_distinct(run, st);
	case ST_ECHO:
		say(run, "%s\n", st->str);
		return true;
	case ST_SHOW:
		return exec_show(run, st);
	case ST_MEMCG:
		return exec_memcg(run, st);
	case ST_ENTER:
		return exec_enter(run, st);
	case ST_DESTROY_MEMCG:
		return exec_destroy_memcg(run, st);
	case ST_EXPECT_MEMCG:
		return exec_expect_memcg(run, st);
	}
	return rerr(run, st, st->col, "internal error: statement kind %d",
		    (int)st->kind);
}

/* ------------------------------------------------------------ runs */

struct scn_run *scn_run_start(const struct scenario *sc,
			      slub_observer_fn fn, void *arg,
			      struct scn_error *err)
{
	struct slub_config cfg;
	struct scn_run *run;
	int ret;

	if (!sc) {
		set_error(err, "?", 0, 0, "no scenario");
		return NULL;
	}
	if (active_run) {
		set_error(err, sc->file, 0, 0, "another run is active");
		return NULL;
	}
	cfg = sc->cfg;
	cfg.simulated = true;
	cfg.slub_debug = sc->debug;
	if (!cfg.nr_cpus)
		cfg.nr_cpus = SCN_DEFAULT_CPUS;
	if (!cfg.arena_bytes)
		cfg.arena_bytes = SCN_DEFAULT_ARENA;
	ret = slub_init(&cfg);
	if (ret) {
		set_error(err, sc->file, sc->has_config ? sc->config_line : 1,
			  sc->has_config ? sc->config_col : 1,
			  "slub_init failed: %s%s", strerror(ret < 0 ? -ret : ret),
			  ret == -EBUSY ? " (the allocator is already running)" :
			  "");
		return NULL;
	}
	run = xrealloc(NULL, sizeof(*run));
	memset(run, 0, sizeof(*run));
	run->sc = sc;
	run->out = stdout;
	run->diag = stderr;
	slub_sim_set_cpu(0);
	slub_sim_set_point_hook(point_hook, run);
	slub_set_observer(fn, arg);
	active_run = run;
	return run;
}

void scn_run_set_output(struct scn_run *run, FILE *out)
{
	if (run)
		run->out = out;
}

void scn_run_set_diag(struct scn_run *run, FILE *diag)
{
	if (run)
		run->diag = diag;
}

int scn_run_expect_failures(const struct scn_run *run)
{
	return run ? run->expect_failures : 0;
}

int scn_run_pos(const struct scn_run *run)
{
	return run ? run->pos : 0;
}

int scn_run_step(struct scn_run *run, struct scn_error *err)
{
	struct scn_error scratch;
	const struct stmt *st;

	if (!run) {
		set_error(err, "?", 0, 0, "no run");
		return -1;
	}
	if (run->failed) {
		if (err)
			*err = run->saved;
		return -1;
	}
	if (run->pos >= run->sc->nsteps)
		return 0;
	st = &run->sc->steps[run->pos];
	run->err = err ? err : &scratch;
	slub_sim_set_cpu(run->cpu);
	if (!exec_stmt(run, st)) {
		run->failed = true;
		run->saved = *run->err;
		run->err = NULL;
		return -1;
	}
	run->err = NULL;
	run->pos++;
	return 1;
}

int scn_run_all(struct scn_run *run, struct scn_error *err)
{
	int r;

	while ((r = scn_run_step(run, err)) > 0)
		;
	return r;
}

/* Free every object a variable still holds: the next run starts clean. */
static void free_live_vars(struct scn_run *run)
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

static void free_tables(struct scn_run *run)
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
	free(run->vtab);
	free(run->ptab);
	free(run->caches);
}

void scn_run_end(struct scn_run *run)
{
	int k;

	if (!run)
		return;
	slub_set_observer(NULL, NULL);
	slub_sim_set_point_hook(NULL, NULL);
	free_live_vars(run);
	slub_memcg_enter(NULL);
	run->cur_memcg = NULL;
	/* Every object is free now: each cgroup goes with its caches. */
	for (k = 0; k < run->nmemcgs; k++) {
		if (run->memcgs[k].memcg &&
		    !slub_memcg_destroy(run->memcgs[k].memcg))
			run->memcgs[k].memcg = NULL;
	}
	for (k = run->ncaches - 1; k >= 0; k--) {
		struct scache *c = run->caches[k];

		if (c->created && !c->destroyed)
			kmem_cache_destroy(c->s);
	}
	slub_shutdown();
	free_tables(run);
	if (active_run == run)
		active_run = NULL;
	free(run);
}
