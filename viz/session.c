// SPDX-License-Identifier: GPL-2.0-only
/*
 * A session: where a reader was (scenario, step, the step compared with)
 * and how the picture looked (cache, CPU focus, zoom and pan), saved by
 * the o key and reopened with --session FILE.  The file is text, one
 * field a line, '#' starts a comment:
 *
 *   slubviz-session 1
 *   scenario viz/scenarios/tour.scn
 *   step 12
 *   every 0            1: every statement is a step (no folding)
 *   compare 9          or -1: no comparison
 *   cache "kmalloc-64" or "" (the cache of the events)
 *   follow 1
 *   focus -1           or a CPU
 *   zoom fit           or: zoom 0.75, pan X Y (layout pixels) and
 *                      cols N (slabs per lane row)
 *
 * Errors name the file and line: "FILE:LINE: error: ...".
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "viz.h"

#define SESSION_MAGIC	"slubviz-session 1"

static void session_defaults(struct viz_session *s)
{
	memset(s, 0, sizeof(*s));
	s->step = -1;
	s->compare = -1;
	s->focus_cpu = -1;
	s->follow = true;
	s->fit = true;
}

static int fail(char *err, size_t len, const char *path, int line,
		const char *fmt, const char *arg)
{
	char msg[300];

	snprintf(msg, sizeof(msg), fmt, arg);
	if (line)
		snprintf(err, len, "%s:%d: error: %s", path, line, msg);
	else
		snprintf(err, len, "%s: error: %s", path, msg);
	return -1;
}

static bool int_of(const char *s, long lo, long hi, int *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < lo || v > hi)
		return false;
	*out = (int)v;
	return true;
}

static bool num_of(const char *s, double lo, double hi, double *out)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (errno || end == s || *end || !isfinite(v) || v < lo || v > hi)
		return false;
	*out = v;
	return true;
}

/* A "quoted" value without escapes, or a bare word. */
static bool text_of(const char *s, char *out, size_t len)
{
	size_t n = strlen(s);

	if (n >= 2 && s[0] == '"' && s[n - 1] == '"') {
		s++;
		n -= 2;
	} else if (strchr(s, '"') || strchr(s, ' ')) {
		return false;
	}
	if (n >= len || memchr(s, '"', n))
		return false;
	memcpy(out, s, n);
	out[n] = 0;
	return true;
}

static int field(struct viz_session *s, const char *key, char *val,
		 const char *path, int line, char *err, size_t len)
{
	char *y;

	if (!strcmp(key, "scenario")) {
		if (!*val || strlen(val) >= sizeof(s->scenario))
			return fail(err, len, path, line, "scenario: expected "
				    "a file name%s", "");
		strcpy(s->scenario, val);
	} else if (!strcmp(key, "step")) {
		if (!int_of(val, 0, 100000000, &s->step))
			return fail(err, len, path, line, "step: expected a "
				    "number from 0, not '%s'", val);
	} else if (!strcmp(key, "compare")) {
		if (!int_of(val, -1, 100000000, &s->compare))
			return fail(err, len, path, line, "compare: expected "
				    "a step number or -1, not '%s'", val);
	} else if (!strcmp(key, "every") || !strcmp(key, "follow")) {
		int b;

		if (!int_of(val, 0, 1, &b))
			return fail(err, len, path, line, "expected 0 or 1, "
				    "not '%s'", val);
		*(key[0] == 'e' ? &s->every : &s->follow) = b;
	} else if (!strcmp(key, "focus")) {
		if (!int_of(val, -1, 4095, &s->focus_cpu))
			return fail(err, len, path, line, "focus: expected a "
				    "CPU or -1, not '%s'", val);
	} else if (!strcmp(key, "cache")) {
		if (!text_of(val, s->cache, sizeof(s->cache)))
			return fail(err, len, path, line, "cache: expected a "
				    "cache name in quotes, not '%s'", val);
	} else if (!strcmp(key, "zoom")) {
		s->fit = !strcmp(val, "fit");
		if (!s->fit && !num_of(val, VIZ_SESSION_MIN_ZOOM,
				       VIZ_SESSION_MAX_ZOOM, &s->zoom))
			return fail(err, len, path, line, "zoom: expected "
				    "'fit' or a number from 0.02 to 6, not "
				    "'%s'", val);
	} else if (!strcmp(key, "cols")) {
		if (!int_of(val, 0, 100000, &s->cols))
			return fail(err, len, path, line, "cols: expected a "
				    "number from 0, not '%s'", val);
	} else if (!strcmp(key, "pan")) {
		y = strchr(val, ' ');
		if (y)
			*y++ = 0;
		if (!y || !num_of(val, -1e7, 1e7, &s->pan_x) ||
		    !num_of(y, -1e7, 1e7, &s->pan_y))
			return fail(err, len, path, line, "pan: expected two "
				    "numbers, X and Y%s", "");
	} else {
		return fail(err, len, path, line, "unknown field '%s': "
			    "expected scenario, step, every, compare, cache, "
			    "follow, focus, zoom, pan or cols", key);
	}
	return 0;
}

int viz_session_load(const char *path, struct viz_session *s, char *err,
		     size_t len)
{
	char buf[1200];
	int line = 0;
	FILE *f;

	session_defaults(s);
	f = fopen(path, "r");
	if (!f)
		return fail(err, len, path, 0, "cannot read the session: %s",
			    strerror(errno));
	while (fgets(buf, sizeof(buf), f)) {
		char *key = buf, *val;
		size_t n = strlen(buf);

		line++;
		if (n && buf[n - 1] != '\n' && !feof(f)) {
			fclose(f);
			return fail(err, len, path, line, "line too long%s",
				    "");
		}
		while (n && (buf[n - 1] == '\n' || buf[n - 1] == ' ' ||
			     buf[n - 1] == '\r'))
			buf[--n] = 0;
		while (*key == ' ' || *key == '\t')
			key++;
		if (line == 1) {
			if (strcmp(key, SESSION_MAGIC)) {
				fclose(f);
				return fail(err, len, path, line, "not a "
					    "slubviz session: expected '%s' "
					    "as the first line",
					    SESSION_MAGIC);
			}
			continue;
		}
		if (!*key || *key == '#')
			continue;
		val = key + strcspn(key, " \t");
		if (*val)
			*val++ = 0;
		while (*val == ' ' || *val == '\t')
			val++;
		if (field(s, key, val, path, line, err, len)) {
			fclose(f);
			return -1;
		}
	}
	fclose(f);
	if (!line)
		return fail(err, len, path, 0, "empty file: expected '%s' as "
			    "the first line", SESSION_MAGIC);
	if (!s->scenario[0])
		return fail(err, len, path, 0, "no 'scenario' line: which "
			    "scenario the session is of%s", "");
	return 0;
}

int viz_session_save(const char *path, const struct viz_session *s)
{
	FILE *f = fopen(path, "w");

	if (!f)
		return -1;
	fprintf(f, SESSION_MAGIC "\n# slubviz --session %s\n", path);
	fprintf(f, "scenario %s\nstep %d\nevery %d\ncompare %d\n",
		s->scenario, s->step, s->every, s->compare);
	fprintf(f, "cache \"%s\"\nfollow %d\nfocus %d\n", s->cache,
		s->follow, s->focus_cpu);
	if (s->fit)
		fprintf(f, "zoom fit\n");
	else
		fprintf(f, "zoom %.17g\npan %.17g %.17g\ncols %d\n", s->zoom,
			s->pan_x, s->pan_y, s->cols);
	return fclose(f) ? -1 : 0;
}

/* The view's part of a session, to and from a view. */
void viz_session_from_view(struct viz_session *s, const struct viz_view *v)
{
	snprintf(s->cache, sizeof(s->cache), "%s", v->cache);
	s->follow = v->follow;
	s->focus_cpu = v->focus_cpu;
	s->fit = !v->user_moved;
	s->zoom = v->zoom;
	s->pan_x = v->pan_x;
	s->pan_y = v->pan_y;
	s->cols = v->cols;
}

void viz_session_to_view(const struct viz_session *s, struct viz_view *v)
{
	snprintf(v->cache, sizeof(v->cache), "%s", s->cache);
	v->follow = s->follow;
	v->focus_cpu = s->focus_cpu;
	v->user_moved = !s->fit;
	v->need_fit = s->fit;
	if (!s->fit) {
		v->zoom = s->zoom;
		v->pan_x = s->pan_x;
		v->pan_y = s->pan_y;
		v->cols = s->cols;
	}
}
