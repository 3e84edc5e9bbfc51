// SPDX-License-Identifier: GPL-2.0-only
/*
 * The lexer: one line of a scenario into tokens. A token is a word (a run
 * of bytes without blanks, '#' or '"') or a "quoted string" with its
 * escapes resolved; '#' outside a string starts a comment. Control bytes
 * other than tab are errors, so no scenario can smuggle a NUL or an escape
 * sequence into a message. The parser (parser.c) reads the tokens.
 */
#include <stdlib.h>
#include <string.h>

#include "scn_int.h"

void scn_clear_toks(struct parser *p)
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
		p->toks = scn_xrealloc(p->toks, (size_t)p->captok * sizeof(*t));
	}
	t = &p->toks[p->ntok++];
	memset(t, 0, sizeof(*t));
	t->start = start;
	t->col = start + 1;
	return t;
}

/* An error at column col of the current line; returns false. */
static bool lex_error(struct parser *p, int col, const char *what,
		      unsigned char c)
{
	scn_set_error(p->err, p->file, p->line, col, what, c);
	return false;
}

static bool bad_byte(unsigned char c)
{
	return (c < 0x20 && c != '\t') || c == 0x7f;
}

/* Lex a "quoted string" starting at offset i; returns the offset after. */
static int lex_string(struct parser *p, int i, bool *ok)
{
	struct tok *t = push_tok(p, i);
	char *buf = scn_xrealloc(NULL, (size_t)p->len + 1);
	int n = 0, j = i + 1;

	while (j < p->len && p->text[j] != '"') {
		unsigned char c = p->text[j];

		if (c == '\\' && j + 1 < p->len)
			c = p->text[++j];
		if (bad_byte(c)) {
			free(buf);
			*ok = lex_error(p, j + 1,
					"invalid byte 0x%02x in string", c);
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
		*ok = lex_error(p, i + 1, "unterminated string", 0);
		return j;
	}
	t->end = j + 1;
	return j + 1;
}

/* Split the current line into tokens; '#' outside a string ends it. */
bool scn_lex_line(struct parser *p)
{
	bool ok = true;
	int i = 0;

	scn_clear_toks(p);
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
			return lex_error(p, i + 1, "invalid byte 0x%02x", c);
		} else {
			for (j = i; j < p->len; j++) {
				c = p->text[j];
				if (c == ' ' || c == '\t' || c == '#' ||
				    c == '"' || bad_byte(c))
					break;
			}
			push_tok(p, i)->end = j;
			p->toks[p->ntok - 1].s =
				scn_xstrndup(p->text + i, (size_t)(j - i));
			i = j;
		}
	}
	return ok;
}
