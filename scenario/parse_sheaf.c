// SPDX-License-Identifier: GPL-2.0-only
/*
 * The statements of today's prefill API (prefill, alloc ... from sheaf,
 * return, expect sheaf) and the design marks of expect[3.18] and
 * expect[sheaves]. A SHEAF is named as a variable is: an identifier, in
 * a namespace of its own.
 */
#include <ctype.h>
#include <limits.h>
#include <string.h>

#include "parse_int.h"

/*
 * "expect[3.18]" or "free[sheaves]" as one word: the mark is cut off the
 * keyword (kw->s becomes "expect") and stored in *mark. Any statement
 * but config and end may carry one; in the other design it is a step
 * that does nothing (an inject block with it never arms).
 */
bool scn_parse_design_mark(struct parser *p, struct tok *kw,
			   enum scn_design_mark *mark)
{
	char *br = kw->quoted ? NULL : strchr(kw->s, '[');

	*mark = DESIGN_ANY;
	if (!br)
		return true;
	if (br == kw->s)
		return perr(p, kw->col, "a design mark goes right after a "
			    "statement's keyword, as in expect[3.18] or "
			    "expect[sheaves]");
	if (!strcmp(br, "[3.18]"))
		*mark = DESIGN_CPU_SLAB;
	else if (!strcmp(br, "[sheaves]"))
		*mark = DESIGN_SHEAVES;
	else
		return perr(p, kw->col + (int)(br - kw->s), "unknown design "
			    "'%.40s' (expected [3.18] or [sheaves])", br);
	*br = '\0';
	if (!strcmp(kw->s, "config") || !strcmp(kw->s, "end"))
		return perr(p, kw->col, "'%s' takes no design mark (a design "
			    "mark selects a step)", kw->s);
	return true;
}

/* A design mark written apart from its keyword: "expect [3.18] ...". */
bool scn_loose_design_mark(struct parser *p)
{
	struct tok *t = peek(p);

	if (t && !t->quoted && t->s[0] == '[')
		return perr(p, t->col, "write the design mark without a "
			    "space: expect%.40s", t->s);
	return true;
}

static bool parse_sheaf_name(struct parser *p, struct stmt *st)
{
	struct tok *t = need(p, "a sheaf name");
	size_t i, n;

	if (!t)
		return false;
	n = strlen(t->s);
	for (i = 0; i < n; i++)
		if (!(isalnum((unsigned char)t->s[i]) || t->s[i] == '_'))
			break;
	if (t->quoted || !n || i < n || isdigit((unsigned char)t->s[0]))
		return perr(p, t->col, "expected a sheaf name (an identifier), "
			    "found '%.40s'", t->s);
	st->sheaf = scn_xstrdup(t->s);
	st->sheaf_col = t->col;
	return true;
}

/* prefill SHEAF from CACHE N: kmem_cache_prefill_sheaf(CACHE, N). */
bool scn_parse_prefill(struct parser *p, struct stmt *st)
{
	struct tok *t;

	if (!parse_sheaf_name(p, st))
		return false;
	t = need(p, "'from'");
	if (!t)
		return false;
	if (!is_word(t, "from"))
		return perr(p, t->col, "expected 'from', found '%.40s'", t->s);
	if (!scn_parse_cache(p, st) ||
	    !scn_next_num(p, false, 1, SCN_MAX_SHEAVES, "a number of objects",
			  &st->num, &st->num_col))
		return false;
	t = peek(p);
	if (t)
		return perr(p, t->col, "unexpected '%.40s'", t->s);
	return true;
}

/* alloc VAR from sheaf SHEAF [zero]: the part after 'sheaf'. */
bool scn_parse_sheaf_alloc(struct parser *p, struct stmt *st)
{
	struct tok *t;

	st->kind = ST_SHEAF_ALLOC;
	if (!parse_sheaf_name(p, st))
		return false;
	while ((t = next(p))) {
		if (!is_word(t, "zero"))
			return perr(p, t->col, "unexpected '%.40s' (expected "
				    "zero; an object from a sheaf comes from "
				    "the node the sheaf was filled on)", t->s);
		st->zero = true;
	}
	return true;
}

/* return SHEAF: kmem_cache_return_sheaf(). */
bool scn_parse_return(struct parser *p, struct stmt *st)
{
	struct tok *t;

	if (!parse_sheaf_name(p, st))
		return false;
	t = peek(p);
	if (t)
		return perr(p, t->col, "unexpected '%.40s'", t->s);
	return true;
}

/* expect sheaf SHEAF size N | null | nonnull, after 'sheaf'. */
/* show sheaf SHEAF: the part after 'sheaf'. */
bool scn_parse_show_sheaf(struct parser *p, struct stmt *st)
{
	st->kind = ST_SHOW_SHEAF;
	return parse_sheaf_name(p, st);
}

bool scn_parse_expect_sheaf(struct parser *p, struct stmt *st)
{
	struct tok *t;

	st->kind = ST_EXPECT_SHEAF;
	if (!parse_sheaf_name(p, st))
		return false;
	t = need(p, "size, null or nonnull");
	if (!t)
		return false;
	if (is_word(t, "null")) {
		st->sheaf_test = SHEAF_TEST_NULL;
	} else if (is_word(t, "nonnull")) {
		st->sheaf_test = SHEAF_TEST_NONNULL;
	} else if (is_word(t, "size")) {
		st->sheaf_test = SHEAF_TEST_SIZE;
		if (!scn_next_num(p, false, 0, UINT_MAX, "a number of objects",
				  &st->num, &st->num_col))
			return false;
	} else {
		return perr(p, t->col, "expected size, null or nonnull, found "
			    "'%.40s'", t->s);
	}
	t = peek(p);
	if (t)
		return perr(p, t->col, "unexpected '%.40s'", t->s);
	return true;
}
