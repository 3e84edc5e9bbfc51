/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the files of the parser share: the error report that names the
 * line and column, the walk over a line's tokens, and the statement
 * kinds parsed outside parser.c (the fault-injection statements of
 * parse_faults.c, the sheaf statements of parse_sheaf.c).
 */
#ifndef SCN_PARSE_INT_H
#define SCN_PARSE_INT_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "scn_int.h"

static inline bool perr(struct parser *p, int col, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static inline bool perr(struct parser *p, int col, const char *fmt, ...)
{
	char msg[sizeof(p->err->msg)];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	scn_set_error(p->err, p->file, p->line, col, "%s", msg);
	return false;
}

static inline struct tok *peek(struct parser *p)
{
	return p->pos < p->ntok ? &p->toks[p->pos] : NULL;
}

static inline struct tok *next(struct parser *p)
{
	return p->pos < p->ntok ? &p->toks[p->pos++] : NULL;
}

/* Column just past the last token: where a missing operand belongs. */
static inline int end_col(struct parser *p)
{
	return p->ntok ? p->toks[p->ntok - 1].end + 1 : 1;
}

static inline struct tok *need(struct parser *p, const char *what)
{
	struct tok *t = next(p);

	if (!t)
		perr(p, end_col(p), "expected %s", what);
	return t;
}

static inline bool is_word(const struct tok *t, const char *w)
{
	return t && !t->quoted && !strcmp(t->s, w);
}

static inline void add_attr(struct stmt *st, const struct tok *t)
{
	st->attrs = scn_xrealloc(st->attrs, (size_t)(st->nattrs + 1) *
				 sizeof(*st->attrs));
	st->attr_cols = scn_xrealloc(st->attr_cols, (size_t)(st->nattrs + 1) *
				     sizeof(*st->attr_cols));
	st->attrs[st->nattrs] = scn_xstrdup(t->s);
	st->attr_cols[st->nattrs++] = t->col;
}

/* parser.c's operand parsers, for the files beside it. */
bool scn_next_num(struct parser *p, bool suffix, unsigned long long min,
		  unsigned long long max, const char *what,
		  unsigned long long *out, int *col);
bool scn_parse_cache(struct parser *p, struct stmt *st);

/* parse_sheaf.c: design marks and the prefill API's statements. */
bool scn_parse_design_mark(struct parser *p, struct tok *kw,
			   enum scn_design_mark *mark);
bool scn_loose_design_mark(struct parser *p);
bool scn_parse_prefill(struct parser *p, struct stmt *st);
bool scn_parse_sheaf_alloc(struct parser *p, struct stmt *st);
bool scn_parse_return(struct parser *p, struct stmt *st);
bool scn_parse_expect_sheaf(struct parser *p, struct stmt *st);
bool scn_parse_show_sheaf(struct parser *p, struct stmt *st);

bool scn_valid_failslab_boot(struct parser *p, const struct tok *t);
bool scn_parse_failslab(struct parser *p, struct stmt *st);

#endif /* SCN_PARSE_INT_H */
