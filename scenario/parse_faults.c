// SPDX-License-Identifier: GPL-2.0-only
/*
 * The fault-injection statements: failslab's boot option in config, and
 * the failslab statement that writes the kernel's debugfs attributes at
 * run time. Each value is checked as the kernel reads it, and a wrong
 * one is an error at its column.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "parse_int.h"

/*
 * failslab's boot option, as the kernel's failslab= reads it: four
 * decimal numbers, "interval,probability,space,times"; the first two
 * unsigned, the last two ints (times -1: no limit).
 */
bool scn_valid_failslab_boot(struct parser *p, const struct tok *t)
{
	static const char *const what[4] = {
		"an interval", "a probability", "a space", "a times count"
	};
	const char *s = t->s;
	int i;

	for (i = 0; i < 4; i++) {
		const char *start = s;
		char *end;
		long long v;

		errno = 0;
		v = strtoll(s, &end, 10);
		if (end == s || errno || (i < 2 && (v < 0 || *s == '-')) ||
		    v < INT_MIN || (i >= 2 && v > INT_MAX) ||
		    (i < 2 && (unsigned long long)v > ULONG_MAX) ||
		    (i < 3 ? *end != ',' : *end != '\0'))
			return perr(p, t->col + (int)(start - t->s), "expected "
				    "%s in failslab's interval,probability,"
				    "space,times, found '%.40s'", what[i], t->s);
		s = end + 1;
	}
	return true;
}

static bool valid_failslab_value(struct parser *p, const char *attr,
				 const struct tok *v)
{
	bool is_switch = !strcmp(attr, "ignore-gfp-wait") ||
			 !strcmp(attr, "cache-filter");
	bool is_signed = !strcmp(attr, "times") || !strcmp(attr, "space");
	char *end;
	long long n;

	if (is_switch) {
		if (strlen(v->s) == 1 && strchr("01yYnN", v->s[0]))
			return true;
		return perr(p, v->col, "expected 0 or 1 (or y or n) for %s, "
			    "found '%.40s'", attr, v->s);
	}
	errno = 0;
	n = strtoll(v->s, &end, 10);
	if (end == v->s || *end || errno ||
	    (is_signed ? n < INT_MIN || n > INT_MAX :
			 n < 0 || v->s[0] == '-' || n > LONG_MAX))
		return perr(p, v->col, "expected %s for %s, found '%.40s'",
			    is_signed ? "a whole number (-1: no limit)" :
			    "a number from 0 up", attr, v->s);
	return true;
}

/*
 * failslab ATTR VALUE [ATTR VALUE ...]: the debugfs files of the kernel's
 * failslab (slub_failslab_attr_name()), written at run time. A number
 * for probability, interval, times and space; 0/1, y/n or Y/N for
 * ignore-gfp-wait and cache-filter.
 */
bool scn_parse_failslab(struct parser *p, struct stmt *st)
{
	struct tok *t, *v;
	const char *name;
	int i;

	if (!peek(p))
		return perr(p, end_col(p), "expected a failslab attribute");
	while ((t = next(p))) {
		for (i = 0; (name = slub_failslab_attr_name(i)); i++)
			if (is_word(t, name))
				break;
		if (!name)
			return perr(p, t->col, "unknown failslab attribute "
				    "'%.40s' (expected probability, interval, "
				    "times, space, ignore-gfp-wait or "
				    "cache-filter)", t->s);
		if (!(v = need(p, "a value")) ||
		    !valid_failslab_value(p, name, v))
			return false;
		add_attr(st, t);
		st->vals = scn_xrealloc(st->vals, (size_t)st->nattrs *
				    sizeof(*st->vals));
		st->val_cols = scn_xrealloc(st->val_cols, (size_t)st->nattrs *
					sizeof(*st->val_cols));
		st->vals[st->nattrs - 1] = scn_xstrdup(v->s);
		st->val_cols[st->nattrs - 1] = v->col;
	}
	return true;
}
