// SPDX-License-Identifier: GPL-2.0-only
/*
 * The exercise grader's runner: each test of ex_suite runs in a child
 * process with its output captured and a timeout, so that a crash or an
 * endless loop in the student's code costs that test's points and
 * nothing else.
 *
 *   exNN-test [--json FILE] [--timeout SECONDS] [--list] [--quiet] [TEST...]
 *
 * Output: a header, one line per test with its points, "Score: N/M" and,
 * as the last line, "N passed, N failed". The exit status is 0 when every
 * test passed, 1 otherwise.
 */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "feedback.h"
#include "grade.h"

/* ------------------------------------------------------------ failing */
void ex_fail(const char *file, int line, const char *fmt, ...)
{
	const char *base = strrchr(file, '/');
	char msg[1024], *p;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	fflush(stdout);
	fprintf(stderr, "\nEXFAIL: ");
	if (line > 0)
		fprintf(stderr, "%s:%d: ", base ? base + 1 : file, line);
	else if (*file)
		fprintf(stderr, "%s: ", base ? base + 1 : file);
	/* a message of several lines: "EX| " marks the ones after the first */
	for (p = msg; *p; p++) {
		fputc(*p, stderr);
		if (*p == '\n')
			fputs("EX| ", stderr);
	}
	fprintf(stderr, "\n");
	fflush(stderr);
	_exit(1);
}

/* ------------------------------------------------------------ helpers */
/* What the student's allocator reports, recorded by the event log. */
static struct scn_log *events;

/*
 * An exercise is about the design its configuration names: one that
 * leaves sheaves at 0 is about the 3.18 cpu slab, whatever $SLUB_SHEAVES
 * says, since its expected counts and lists are that design's.
 */
void ex_start_cfg(const struct slub_config *cfg)
{
	struct slub_config pinned = *cfg;
	int err;

	if (!pinned.sheaves)
		pinned.sheaves = SLUB_NO_SHEAVES;
	cfg = &pinned;
	if (!events)
		events = scn_log_new(NULL, SCN_LOG_EVENTS);
	EX_CHECK(events, "out of memory for the event log");
	ex_watch(events, NULL);
	scn_log_attach(events);	/* a boot that never ends has events too */
	err = slub_init(cfg);
	EX_CHECK(err == 0, "slub_init() failed: %d", err);
	scn_log_attach(events);
	ex_reports_reset();
}

void ex_start(int nr_cpus, bool nomerge)
{
	struct slub_config cfg = {
		.nr_cpus = nr_cpus,
		.simulated = true,
		.nomerge = nomerge,
		.slub_debug = "-",
	};

	ex_start_cfg(&cfg);
}

void ex_stop(void)
{
	scn_log_detach(events);
	slub_shutdown();
}

struct kmem_cache *ex_cache(const char *name, size_t size, size_t align,
			    unsigned long flags, void (*ctor)(void *))
{
	struct kmem_cache *s = kmem_cache_create(name, size, align, flags,
						 ctor);

	EX_CHECK(s, "kmem_cache_create(\"%s\", %zu, %zu, %#lx) failed", name,
		 size, align, flags);
	return s;
}

void *ex_alloc(struct kmem_cache *s)
{
	void *p = kmem_cache_alloc(s, GFP_KERNEL);

	EX_CHECK(p, "kmem_cache_alloc(%s) returned NULL", kmem_cache_name(s));
	return p;
}

const char *ex_attr_text(struct kmem_cache *s, const char *attr, char *buf)
{
	ssize_t n = slab_attr_show(s, attr, buf);

	EX_CHECK(n >= 0, "slab_attr_show(%s, \"%s\") failed", kmem_cache_name(s),
		 attr);
	buf[n] = 0;
	if (n && buf[n - 1] == '\n')
		buf[n - 1] = 0;
	return buf;
}

long ex_attr(struct kmem_cache *s, const char *attr)
{
	char buf[SLAB_ATTR_BUFSIZE];

	return strtol(ex_attr_text(s, attr, buf), NULL, 0);
}

long ex_stat(struct kmem_cache *s, const char *item)
{
	return ex_attr(s, item);
}

static struct slub_snapshot *snap;

const struct slub_snap_cache *ex_snap(const char *cache)
{
	const struct slub_snap_cache *c;

	if (snap)
		slub_snapshot_free(snap);
	snap = slub_snapshot_take();
	EX_CHECK(snap, "slub_snapshot_take() failed");
	c = slub_snapshot_cache(snap, cache);
	EX_CHECK(c, "no cache \"%s\" in the snapshot", cache);
	return c;
}

const struct slub_snap_slab *ex_snap_slab_of(const struct slub_snap_cache *c,
					     const void *p)
{
	unsigned long a = (unsigned long)p;
	int i;

	for (i = 0; i < c->nr_slabs; i++) {
		const struct slub_snap_slab *sl = &c->slabs[i];

		if (a >= sl->addr && a < sl->addr + (4096UL << sl->order))
			return sl;
	}
	return NULL;
}

void ex_check_invariants(void)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	int n;

	EX_CHECK(f, "open_memstream failed");
	n = slub_check_invariants(f);
	fclose(f);
	if (n) {
		char *nl = strchr(buf, '\n');

		if (nl)
			*nl = 0;
		ex_fail(__FILE__, __LINE__, "%d invariant violation(s): %s", n,
			buf);
	}
	free(buf);
}

/* Events of type whose text contains what (NULL: any). */
static int count_events(int type, const char *what)
{
	const struct scn_event *ev = scn_log_events(events);
	int i, n = 0;

	for (i = 0; i < scn_log_count(events); i++)
		if (ev[i].type == type && (!what || strstr(ev[i].what, what)))
			n++;
	return n;
}

int ex_reports(void)
{
	return count_events(SLUB_EV_REPORT, NULL);
}

bool ex_report_seen(const char *text)
{
	return count_events(SLUB_EV_REPORT, text) > 0;
}

void ex_reports_reset(void)
{
	if (events)
		scn_log_clear(events);
}

int ex_steps_seen(const char *what)
{
	return count_events(SLUB_EV_STEP, what);
}

int ex_stat_seen(int item, const void *object)
{
	const struct scn_event *ev;
	int i, n = 0;

	if (!events)
		return 0;
	ev = scn_log_events(events);
	for (i = 0; i < scn_log_count(events); i++)
		if (ev[i].type == SLUB_EV_STAT && ev[i].stat == item &&
		    (!object || ev[i].object == (unsigned long)object))
			n++;
	return n;
}

/* ------------------------------------------------------------ runner */
struct result {
	bool passed;
	char msg[1024];
	double secs;
};

/* What the child's output says of a failure: the EXFAIL message with
 * its "EX| " lines, else the EXTIMEOUT line, else the last non-empty
 * line. */
static void explain(FILE *log, char *out, size_t len)
{
	char line[512], last[512] = "";
	bool in_fail = false;
	size_t n;

	rewind(log);
	*out = 0;
	while (fgets(line, sizeof(line), log)) {
		line[strcspn(line, "\n")] = 0;
		n = strlen(out);
		if (in_fail && !strncmp(line, "EX| ", 4)) {
			snprintf(out + n, len - n, "\n      %s", line + 4);
			continue;
		}
		if (in_fail)
			return;
		if (!strncmp(line, "EXFAIL: ", 8)) {
			snprintf(out, len, "%s", line + 8);
			in_fail = true;
		} else if (!strncmp(line, "EXTIMEOUT: ", 11)) {
			snprintf(out, len, "%s", line + 11);
			return;
		} else if (*line) {
			snprintf(last, sizeof(last), "%s", line);
		}
	}
	if (!in_fail)
		snprintf(out, len, "%s", last);
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void run_one(const struct ex_test *t, int timeout, struct result *r)
{
	FILE *log = tmpfile();
	double t0 = now();
	int status = 0;
	char why[900];
	pid_t pid;

	memset(r, 0, sizeof(*r));
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0) {
		snprintf(r->msg, sizeof(r->msg), "fork failed: %s",
			 strerror(errno));
		return;
	}
	if (pid == 0) {
		if (log) {
			dup2(fileno(log), 1);
			dup2(fileno(log), 2);
		}
		setvbuf(stdout, NULL, _IONBF, 0);
		ex_watch_alarm(timeout);
		t->fn();
		fflush(NULL);
		_exit(0);
	}
	for (;;) {
		pid_t w = waitpid(pid, &status, WNOHANG);

		if (w == pid)
			break;
		if (w < 0 && errno != EINTR) {
			status = -1;
			break;
		}
		if (now() - t0 > timeout + 2) {
			kill(pid, SIGKILL);
			waitpid(pid, &status, 0);
			break;
		}
		usleep(2000);
	}
	r->secs = now() - t0;
	why[0] = 0;
	if (log) {
		explain(log, why, sizeof(why));
		if (getenv("EX_VERBOSE")) {
			char line[512];

			rewind(log);
			while (fgets(line, sizeof(line), log))
				printf("    | %s", line);
		}
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
		r->passed = true;
	} else if (WIFEXITED(status) && WEXITSTATUS(status) == 3) {
		snprintf(r->msg, sizeof(r->msg), "ran past its %d s limit "
			 "(an endless loop?): %s", timeout, why);
	} else if (WIFEXITED(status)) {
		snprintf(r->msg, sizeof(r->msg), "%s", *why ? why :
			 "failed (exit status without a message)");
	} else if (WIFSIGNALED(status) &&
		   (WTERMSIG(status) == SIGALRM || WTERMSIG(status) == SIGKILL)) {
		snprintf(r->msg, sizeof(r->msg),
			 "ran past its %d s limit (an endless loop?) and did "
			 "not stop%s%s", timeout, *why ? "; its last words: " :
			 "", why);
	} else if (WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT &&
		   !strncmp(why, "exercise: ", 10)) {
		snprintf(r->msg, sizeof(r->msg), "%s", why + 10);
	} else if (WIFSIGNALED(status)) {
		snprintf(r->msg, sizeof(r->msg), "crashed (%s)%s%s",
			 strsignal(WTERMSIG(status)), *why ? ": " : "", why);
	} else {
		snprintf(r->msg, sizeof(r->msg), "could not be run");
	}
	if (log)
		fclose(log);
}

static void json_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fprintf(f, "\\%c", *s);
		else if ((unsigned char)*s < 0x20)
			fprintf(f, "\\u%04x", *s);
		else
			fputc(*s, f);
	}
	fputc('"', f);
}

static void usage(const char *prog)
{
	fprintf(stderr, "usage: %s [--json FILE] [--timeout SECONDS] [--list] "
		"[--quiet] [--label TEXT] [TEST...]\n", prog);
	exit(2);
}

int main(int argc, char **argv)
{
	const char *json = NULL, *label = NULL;
	int timeout = 10, i, j, score = 0, max = 0, passed = 0, failed = 0;
	bool list = false, quiet = false;
	struct result *res;
	bool *sel;
	FILE *jf = NULL;

	unsetenv("SLUB_DEBUG");
	sel = calloc(ex_suite.ntests, sizeof(*sel));
	res = calloc(ex_suite.ntests, sizeof(*res));
	if (!sel || !res)
		return 2;
	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--json") && i + 1 < argc) {
			json = argv[++i];
		} else if (!strcmp(argv[i], "--timeout") && i + 1 < argc) {
			timeout = atoi(argv[++i]);
			if (timeout < 1)
				usage(argv[0]);
		} else if (!strcmp(argv[i], "--label") && i + 1 < argc) {
			label = argv[++i];
		} else if (!strcmp(argv[i], "--list")) {
			list = true;
		} else if (!strcmp(argv[i], "--quiet")) {
			quiet = true;
		} else if (argv[i][0] == '-') {
			usage(argv[0]);
		} else {
			for (j = 0; j < ex_suite.ntests; j++)
				if (!strcmp(argv[i], ex_suite.tests[j].name))
					break;
			if (j == ex_suite.ntests) {
				fprintf(stderr, "%s: no test named %s\n",
					argv[0], argv[i]);
				return 2;
			}
			sel[j] = true;
		}
	}
	for (j = 0; j < ex_suite.ntests; j++)
		if (sel[j])
			break;
	if (j == ex_suite.ntests)
		for (j = 0; j < ex_suite.ntests; j++)
			sel[j] = true;
	if (list) {
		for (j = 0; j < ex_suite.ntests; j++)
			if (sel[j])
				printf("%s %d %s\n", ex_suite.tests[j].name,
				       ex_suite.tests[j].points,
				       ex_suite.tests[j].what);
		return 0;
	}
	printf("== Exercise %s: %s%s%s%s\n", ex_suite.id, ex_suite.title,
	       label ? " [" : "", label ? label : "", label ? "]" : "");
	for (j = 0; j < ex_suite.ntests; j++) {
		const struct ex_test *t = &ex_suite.tests[j];

		if (!sel[j])
			continue;
		run_one(t, timeout, &res[j]);
		max += t->points;
		if (res[j].passed) {
			score += t->points;
			passed++;
		} else {
			failed++;
		}
		if (!quiet || !res[j].passed) {
			printf("  %-28s %2d/%-2d %s", t->name,
			       res[j].passed ? t->points : 0, t->points,
			       res[j].passed ? "ok" : "FAIL");
			if (!res[j].passed)
				printf(": %s", res[j].msg);
			printf("\n");
		}
		fflush(stdout);
	}
	if (json) {
		jf = fopen(json, "w");
		if (!jf) {
			fprintf(stderr, "%s: cannot write %s: %s\n", argv[0],
				json, strerror(errno));
			return 2;
		}
		fprintf(jf, "{\"exercise\": ");
		json_string(jf, ex_suite.id);
		fprintf(jf, ", \"title\": ");
		json_string(jf, ex_suite.title);
		fprintf(jf, ", \"score\": %d, \"max\": %d, \"passed\": %d, "
			"\"failed\": %d, \"build\": \"ok\", \"tests\": [",
			score, max, passed, failed);
		for (i = 0, j = 0; j < ex_suite.ntests; j++) {
			const struct ex_test *t = &ex_suite.tests[j];

			if (!sel[j])
				continue;
			fprintf(jf, "%s\n  {\"name\": ", i++ ? "," : "");
			json_string(jf, t->name);
			fprintf(jf, ", \"points\": %d, \"max\": %d, "
				"\"passed\": %s, \"seconds\": %.3f, "
				"\"message\": ",
				res[j].passed ? t->points : 0, t->points,
				res[j].passed ? "true" : "false", res[j].secs);
			json_string(jf, res[j].msg);
			fprintf(jf, "}");
		}
		fprintf(jf, "\n]}\n");
		fclose(jf);
	}
	printf("Score: %d/%d\n", score, max);
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
