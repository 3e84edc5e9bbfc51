// SPDX-License-Identifier: GPL-2.0-only
/*
 * The parser: the tokens of each line (lexer.c) into statements. Every
 * top-level statement becomes one step of the scenario; the statements of
 * an inject block become the body of their inject statement. Each error
 * names the line and the column of the token at fault and says what was
 * expected there.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "scn_int.h"
#include "parse_int.h"

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

/* ------------------------------------------------------------ operands */

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

bool scn_next_num(struct parser *p, bool suffix, unsigned long long min,
		  unsigned long long max, const char *what,
		  unsigned long long *out, int *col)
{
	return next_num(p, suffix, min, max, what, out, col);
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
	v->name = scn_xstrndup(s, br ? (size_t)(br - s) : len);
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
	st->cache = scn_xstrdup(t->s);
	st->cache_col = t->col;
	return true;
}

bool scn_parse_cache(struct parser *p, struct stmt *st)
{
	return parse_cache(p, st);
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

/* ------------------------------------------------------------ statements */

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
		    "free.before_cmpxchg, slowpath.entry, sheaf.alloc or "
		    "sheaf.free)", t->s);
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
	st->cache = scn_xstrdup(t->s);
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

	if (n >= 3 && is_word(a, "sheaf")) {
		next(p);
		return scn_parse_expect_sheaf(p, st);
	}
	if (n >= 2 && is_word(a, "distinct") &&
	    !is_word(&p->toks[p->pos + 1], "null") &&
	    !is_word(&p->toks[p->pos + 1], "nonnull")) {
		st->kind = ST_EXPECT_DISTINCT;
		next(p);
		if (!parse_var(p, &st->var, true))
			return false;
		while (peek(p)) {
			st->more = scn_xrealloc(st->more,
						(size_t)(st->nmore + 1) *
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
			    "'expect distinct VAR...', 'expect memcg NAME "
			    "usage N' or 'expect sheaf SHEAF size N'");
	if (!parse_cache(p, st) || !parse_attr(p, st))
		return false;
	b = next(p);
	if (b->quoted) {
		st->kind = ST_EXPECT_TEXT;
		st->str = scn_xstrdup(b->s);
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
		st->str = scn_xstrdup("");
	else if (p->ntok - p->pos == 1 && first->quoted)
		st->str = scn_xstrdup(first->s);
	else
		st->str = scn_xstrndup(p->text + first->start,
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
			p->sc->debug = scn_xstrdup(t->s);
			continue;
		}
		if (is_word(t, "failslab")) {
			if (!(t = need(p, "failslab's interval,probability,"
				       "space,times")) ||
			    !scn_valid_failslab_boot(p, t))
				return false;
			free(p->sc->failslab);
			p->sc->failslab = scn_xstrdup(t->s);
			p->sc->failslab_col = t->col;
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
		} else if (is_word(t, "sheaves")) {
			if (!next_num(p, false, 0, 1024, "a sheaf capacity",
				      &v, NULL))
				return false;
			cfg->sheaves = v ? (unsigned int)v : SLUB_NO_SHEAVES;
		} else if (is_word(t, "min_objects")) {
			if (!next_num(p, false, 1, 65535, "an object count",
				      &v, NULL))
				return false;
			cfg->min_objects = (int)v;
		} else {
			return perr(p, t->col, "unknown config option '%.40s' "
				    "(expected cpus, nodes, arena, max_order, "
				    "min_objects, nomerge, debug, failslab or "
				    "sheaves)",
				    t->s);
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
	{ "failslab",		ST_FAILSLAB,	true },
	{ "prefill",		ST_PREFILL,	true },
	{ "return",		ST_RETURN,	true },
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
		if (!parse_var(p, &st->var, true) || !expect_word(p, "from"))
			return false;
		if (is_word(peek(p), "sheaf") && p->ntok - p->pos >= 2) {
			next(p);
			return scn_parse_sheaf_alloc(p, st);
		}
		return parse_cache(p, st) && parse_alloc_opts(p, st);
	case ST_PREFILL:
		return scn_parse_prefill(p, st);
	case ST_RETURN:
		return scn_parse_return(p, st);
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
		st->str = scn_xstrdup(t->s);
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
	case ST_FAILSLAB:
		return scn_parse_failslab(p, st);
	case ST_SHOW:
		if (is_word(peek(p), "sheaf") && p->ntok - p->pos == 2) {
			next(p);
			return scn_parse_show_sheaf(p, st);
		}
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

	return scn_xstrndup(p->text + a, (size_t)(b - a));
}

static bool parse_stmt(struct parser *p)
{
	struct tok *kw = next(p);
	enum scn_design_mark mark;
	struct stmt *st;
	int i;

	if (!scn_parse_design_mark(p, kw, &mark) ||
	    (!is_word(kw, "echo") && !scn_loose_design_mark(p)))
		return false;
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
		st = scn_push_stmt(&p->block->body, &p->block->nbody);
	else
		st = scn_push_stmt(&p->sc->steps, &p->sc->nsteps);
	st->kind = keywords[i].kind;
	st->design = mark;
	st->line = p->line;
	st->col = kw->col;
	st->text = stmt_text(p);
	if (!parse_operands(p, st))
		return false;
	if (st->kind == ST_INJECT)
		p->block = st;
	return true;
}

bool scn_parse_lines(struct parser *p, const char *text, size_t len)
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
		if (!scn_lex_line(p))
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
