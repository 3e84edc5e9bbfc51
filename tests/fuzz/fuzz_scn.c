// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer target for the scenario language: the input bytes
 * are a scenario text. It is parsed with scn_parse_string(); if it
 * parses, it runs step by step (scn_run_start, scn_run_step until the end
 * or the first runtime error, scn_run_end). Parse errors and runtime
 * errors are fine; crashes, sanitizer reports and broken allocator
 * invariants (slub_check_invariants() after every step) are not.
 *
 * With SLUB_SHEAVES=N every scenario runs with per-CPU sheaves of N
 * objects in every cache (scn_set_design), as build/slub run does.
 *
 * The run's arena is clamped (see __wrap_slub_init): a scenario may ask
 * for "config arena 1T", which is legal but would make every execution
 * spend its time booting.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "slub.h"
#include "scenario.h"

#define FUZZ_MAX_INPUT		8192
#define FUZZ_DEFAULT_ARENA	(8UL << 20)
#define FUZZ_MAX_ARENA		(64UL << 20)
#define FUZZ_MAX_STEPS		2000

int __real_slub_init(const struct slub_config *cfg);
int __wrap_slub_init(const struct slub_config *cfg);

/* Every slub_init of the scenario engine passes through here. */
int __wrap_slub_init(const struct slub_config *cfg)
{
	struct slub_config c = *cfg;

	if (!c.arena_bytes || c.arena_bytes > FUZZ_MAX_ARENA)
		c.arena_bytes = FUZZ_DEFAULT_ARENA;
	if (!c.slub_debug)
		c.slub_debug = "-";	/* ignore $SLUB_DEBUG */
	return __real_slub_init(&c);
}

/* A stream for our own reports that survives -close_fd_mask=2. */
static FILE *report;

__attribute__((constructor)) static void open_report(void)
{
	int fd = dup(2);

	report = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (!report)
		report = stderr;
}

static FILE *sink;

static void check(const char *text, int step)
{
	int bad = slub_check_invariants(sink);

	if (!bad)
		return;
	fprintf(report, "fuzz_scn: %d invariant violations after step %d\n",
		bad, step);
	slub_check_invariants(report);
	fprintf(report, "--- scenario ---\n%s\n--- end ---\n", text);
	fflush(report);
	abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct scn_error err;
	struct scenario *sc;
	struct scn_run *run;
	char *text;
	int r, steps = 0;

	if (size > FUZZ_MAX_INPUT)
		return 0;
	if (!sink) {
		char msg[256];
		int n;

		sink = fopen("/dev/null", "w");
		/* SLUB_SHEAVES=N: every scenario in the sheaves design */
		if (scn_design_from_env(&n, msg, sizeof(msg)))
			scn_set_design(n);
	}
	text = malloc(size + 1);
	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';

	memset(&err, 0, sizeof(err));
	sc = scn_parse_string("fuzz.scn", text, &err);
	if (!sc) {
		char buf[1024];

		/* The error must be formattable; its text is not checked. */
		scn_error_format(&err, buf, sizeof(buf));
		free(text);
		return 0;
	}
	run = scn_run_start(sc, NULL, NULL, &err);
	if (run) {
		scn_run_set_output(run, NULL);
		scn_run_set_diag(run, NULL);
		while (steps < FUZZ_MAX_STEPS &&
		       (r = scn_run_step(run, &err)) > 0) {
			steps++;
			check(text, steps);
		}
		scn_run_end(run);
	}
	if (slub_running()) {
		fprintf(report, "fuzz_scn: the allocator still runs after "
			"scn_run_end\n");
		abort();
	}
	scn_free(sc);
	free(text);
	return 0;
}
