// SPDX-License-Identifier: GPL-2.0-only
/*
 * What the grader tells a student when a test fails, by default:
 *
 *   - a scenario test stops at its first failed expect and says what
 *     was expected, what happened and the scenario line;
 *   - an inject or migrate block that never ran names the call the
 *     allocator never made: slub_point(SLUB_POINT_...);
 *   - a test that runs past its time limit names the last event the
 *     allocator reported (from the event log) and, in a scenario, the
 *     statement that was running.
 *
 * The grader's runner (grade.c) arms the alarm in each test's child
 * process with ex_watch_alarm(); the helpers record into a log that
 * ex_watch() names.
 */
#include <ctype.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "feedback.h"
#include "grade.h"

/* A step may keep this many events; past it only the last is kept. */
#define EX_EVENT_LIMIT 100000

static struct scn_log *watched;
static const struct scenario *watched_sc;

void ex_watch(struct scn_log *log, const struct scenario *sc)
{
	watched = log;
	watched_sc = sc;
	if (log)
		scn_log_set_limit(log, EX_EVENT_LIMIT);
}

/*
 * SIGALRM in the test's process: say where it was and stop. The log is
 * not touched by anything else now (the simulated CPUs are one thread),
 * and formatting goes into a buffer on the stack.
 */
static void on_alarm(int sig)
{
	const struct scn_event *e = watched ? scn_log_last(watched) : NULL;
	char ev[300] = "", where[300] = "", buf[700];
	int n;

	(void)sig;
	if (e) {
		scn_event_format(e, SCN_EVENT_SHORT, ev, sizeof(ev));
		if (watched_sc && e->step > 0 &&
		    e->step <= scn_nsteps(watched_sc))
			snprintf(where, sizeof(where), "; it was running "
				 "scenario line %d: %s",
				 scn_step_line(watched_sc, e->step - 1),
				 scn_step_text(watched_sc, e->step - 1));
		n = snprintf(buf, sizeof(buf), "\nEXTIMEOUT: the last allocator "
			     "event was \"%s\" (%ld events in this step)%s\n",
			     ev, scn_log_reported(watched), where);
	} else {
		n = snprintf(buf, sizeof(buf), "\nEXTIMEOUT: the allocator "
			     "reported no event before it%s\n", where);
	}
	if (n > (int)sizeof(buf))
		n = sizeof(buf);
	if (write(2, buf, n) < 0)
		_exit(3);
	_exit(3);
}

void ex_watch_alarm(int seconds)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	sigaction(SIGALRM, &sa, NULL);
	alarm(seconds);
}

/* ------------------------------------------------------------ scenarios */

/* Line n (1-based) of text, without indentation, into buf. */
static const char *text_line(const char *text, int n, char *buf, size_t len)
{
	const char *p = text, *end;

	while (--n > 0 && p && *p) {
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	if (!p || !*p)
		return "";
	while (*p == ' ' || *p == '\t')
		p++;
	end = strchr(p, '\n');
	snprintf(buf, len, "%.*s", (int)(end ? end - p : (long)strlen(p)), p);
	return buf;
}

/* "alloc.before_cmpxchg" -> "SLUB_POINT_ALLOC_BEFORE_CMPXCHG" */
static void point_macro(const char *point, char *buf, size_t len)
{
	size_t i = snprintf(buf, len, "SLUB_POINT_");

	for (; *point && i + 1 < len; point++)
		buf[i++] = *point == '.' ? '_' : toupper((unsigned char)*point);
	buf[i] = 0;
}

/*
 * An inject or migrate statement whose block never ran although the
 * run went past the operation that should have reached its point: the
 * allocator never called slub_point() there. out holds the notes of the
 * injections that fired ("  >> NAME:LINE: preempted at ...").
 */
static bool missing_point(const char *name, const char *text,
			  const char *out, int upto, char *msg, size_t len)
{
	char line[256], pat[300], macro[64], point[64];
	int n;

	for (n = 1; n < upto; n++) {
		text_line(text, n, line, sizeof(line));
		if (sscanf(line, "inject %63s", point) != 1 &&
		    sscanf(line, "migrate %63s", point) != 1)
			continue;
		snprintf(pat, sizeof(pat), ">> %s:%d: ", name, n);
		if (out && strstr(out, pat))
			continue;
		point_macro(point, macro, sizeof(macro));
		snprintf(msg, len, "line %d \"%s\": the block never ran: "
			 "no operation after it reached %s, where the allocator "
			 "calls slub_point(%s).\nIs that call missing from your "
			 "code, or did the operation take another path?", n,
			 line, point, macro);
		return true;
	}
	return false;
}

/* The first failed expect in diag: its line number and message. */
static bool first_failure(const char *diag, int *line, char *msg,
			  size_t len)
{
	const char *p = diag ? strstr(diag, ": expect failed: ") : NULL;
	const char *bol, *end;

	if (!p)
		return false;
	for (bol = p; bol > diag && bol[-1] != '\n'; bol--)
		;
	/* NAME:LINE:COL: expect failed: ... */
	{
		const char *c = strchr(bol, ':');

		*line = c ? atoi(c + 1) : 0;
	}
	p += strlen(": expect failed: ");
	end = strchr(p, '\n');
	snprintf(msg, len, "%.*s", (int)(end ? end - p : (long)strlen(p)), p);
	/* the invariant checker's report comes before the expect line
	 * (and before it nothing else): quote its first line */
	if (strstr(msg, "slub_check_invariants") && bol > diag) {
		size_t n = strlen(msg);

		end = strchr(diag, '\n');
		snprintf(msg + n, len - n, ": %.*s",
			 (int)(end ? end - diag : (long)strlen(diag)), diag);
	}
	return true;
}

/*
 * With EX_SCN_DIR set (the students' make grade sets it), a failed
 * scenario is written there under its name, and msg gets the command
 * that opens the visualizer on it at the step of the failed line.
 */
static void replay(const char *name, const char *text,
		   const struct scenario *sc, int fline, char *msg, size_t len)
{
	const char *dir = getenv("EX_SCN_DIR");
	char path[512];
	size_t n = strlen(msg);
	int k, step = 0;
	FILE *f;

	if (!dir || !*dir || strchr(name, '/'))
		return;
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	if (!f)
		return;
	fputs(text, f);
	if (fclose(f))
		return;
	for (k = 0; k < scn_nsteps(sc); k++)
		if (scn_step_line(sc, k) <= fline)
			step = k + 1;
	if (step)
		snprintf(msg + n, len - n, "\nwatch it: make ex-viz EX=%s "
			 "SCENARIO=%s VIZ_ARGS=\"--step %d\"", ex_suite.id, path,
			 step);
	else
		snprintf(msg + n, len - n, "\nwatch it: make ex-viz EX=%s "
			 "SCENARIO=%s", ex_suite.id, path);
}

__attribute__((noreturn))
static void scenario_fail(const char *name, const char *text,
			  const struct scenario *sc, int fline,
			  const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	replay(name, text, sc, fline, msg, sizeof(msg));
	ex_fail(name, 0, "%s", msg);
}

static char *take(FILE **f, char **buf)
{
	if (*f) {
		fclose(*f);
		*f = NULL;
	}
	return *buf;
}

int ex_scenario(const char *name, const char *text)
{
	struct scn_error err = { 0 };
	char msg[1024], what[600], line[256];
	struct scenario *sc = scn_parse_string(name, text, &err);
	char *out = NULL, *diag = NULL;
	size_t outlen = 0, diaglen = 0;
	FILE *outf, *diagf;
	struct scn_log *log;
	struct scn_run *run;
	int fails, r, upto, fline;

	EX_CHECK(sc, "scenario: %s", scn_error_format(&err, msg, sizeof(msg)));
	log = scn_log_new(sc, SCN_LOG_EVENTS);
	EX_CHECK(log, "out of memory for the event log");
	ex_watch(log, sc);
	if (scn_log_start(log, &err))
		ex_fail(__FILE__, __LINE__, "scenario: %s",
			scn_error_format(&err, msg, sizeof(msg)));
	run = scn_log_run(log);
	outf = open_memstream(&out, &outlen);
	diagf = open_memstream(&diag, &diaglen);
	EX_CHECK(outf && diagf, "out of memory");
	scn_run_set_output(run, outf);
	scn_run_set_diag(run, diagf);
	do
		r = scn_log_step(log, &err);
	while (r > 0);
	fails = scn_run_expect_failures(run);
	fflush(outf);
	fflush(diagf);
	upto = r < 0 ? err.line : 1 << 30;
	if (r < 0 || fails) {
		/* The cause first: an injection that never ran explains
		 * the failures after it. */
		if (first_failure(diag, &fline, what, sizeof(what)) &&
		    fline < upto)
			upto = fline;
		if (missing_point(name, text, out, upto, msg, sizeof(msg)))
			scenario_fail(name, text, sc, upto, "%s", msg);
	}
	if (r < 0) {
		if (fails && first_failure(diag, &fline, what, sizeof(what)))
			scenario_fail(name, text, sc, fline,
				      "line %d \"%s\" failed:\n%s", fline,
				      text_line(text, fline, line, sizeof(line)),
				      what);
		scenario_fail(name, text, sc, err.line,
			      "line %d \"%s\" stopped the scenario:\n%s",
			      err.line,
			      text_line(text, err.line, line, sizeof(line)),
			      err.msg);
	}
	if (fails && first_failure(diag, &fline, what, sizeof(what)))
		scenario_fail(name, text, sc, fline,
			      "line %d \"%s\" failed:\n%s%s", fline,
			      text_line(text, fline, line, sizeof(line)), what,
			      fails > 1 ? " (and more expects after it failed)" :
			      "");
	ex_watch(NULL, NULL);
	scn_log_free(log);
	free(take(&outf, &out));
	free(take(&diagf, &diag));
	scn_free(sc);
	return fails;
}
