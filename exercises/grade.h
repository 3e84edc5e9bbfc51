/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The exercise grader's test interface. Each exercise's tests.c defines
 * ex_suite: a list of tests with their points. grade.c runs each test in
 * its own process with a timeout and prints one line per test, the score
 * and the summary line.
 *
 * A test passes when its function returns; EX_CHECK() ends the test as
 * failed with a message; a crash (signal) or a timeout is a failure too.
 * Tests use only the public interface: slub.h and scenario.h (with the
 * event log, eventlog.h, that records what the allocator reports).
 */
#ifndef EX_GRADE_H
#define EX_GRADE_H

#include <stdbool.h>
#include <stdio.h>

#include "scenario.h"
#include "eventlog.h"
#include "slub.h"

struct ex_test {
	const char *name;
	int points;
	void (*fn)(void);
	const char *what;	/* one line: what the test checks */
};

struct ex_suite {
	const char *id;		/* "05" */
	const char *title;
	const struct ex_test *tests;
	int ntests;
};

extern const struct ex_suite ex_suite;

#define EX_SUITE(ID, TITLE, ...)					\
	static const struct ex_test ex_tests_[] = { __VA_ARGS__ };	\
	const struct ex_suite ex_suite = {				\
		ID, TITLE, ex_tests_,					\
		sizeof(ex_tests_) / sizeof(ex_tests_[0])		\
	}

__attribute__((noreturn, format(printf, 3, 4)))
void ex_fail(const char *file, int line, const char *fmt, ...);

#define EX_CHECK(cond, ...)						\
	do {								\
		if (!(cond))						\
			ex_fail(__FILE__, __LINE__, __VA_ARGS__);	\
	} while (0)

/* ---------------------------------------------------------- helpers */
/* slub_init() with simulated CPUs; fails the test if it does not start. */
void ex_start(int nr_cpus, bool nomerge);
void ex_start_cfg(const struct slub_config *cfg);
void ex_stop(void);		/* slub_shutdown() */

/* A cache; fails the test if kmem_cache_create() returns NULL. */
struct kmem_cache *ex_cache(const char *name, size_t size, size_t align,
			    unsigned long flags, void (*ctor)(void *));
void *ex_alloc(struct kmem_cache *s);	/* fails the test on NULL */

/* The first number of an attribute (slab_attr_show), or its text. */
long ex_attr(struct kmem_cache *s, const char *attr);
const char *ex_attr_text(struct kmem_cache *s, const char *attr, char *buf);
/* A statistics counter's total, by its sysfs name ("alloc_fastpath"). */
long ex_stat(struct kmem_cache *s, const char *item);

/* A snapshot's view of a cache (by name); the snapshot stays valid until
 * the next ex_snap() call. */
const struct slub_snap_cache *ex_snap(const char *cache);
/* The slab of the snapshot holding address p, or NULL. */
const struct slub_snap_slab *ex_snap_slab_of(const struct slub_snap_cache *c,
					     const void *p);

/* slub_check_invariants(): fails the test with the first report line. */
void ex_check_invariants(void);

/* Debugging reports (SLUB_EV_REPORT events) seen since ex_start, and
 * whether one of them mentions text. */
int ex_reports(void);
bool ex_report_seen(const char *text);
void ex_reports_reset(void);
/* The number of SLUB_EV_STEP events whose text contains what. */
int ex_steps_seen(const char *what);
/* The number of times counter item (enum stat_item) was counted for
 * object (NULL: for any object or none) since ex_start. */
int ex_stat_seen(int item, const void *object);

/*
 * Run a scenario given as text; returns the number of failed expects, or
 * fails the test if it cannot be parsed or run. The scenario's output is
 * discarded; its diagnostics go to stderr (shown when the test fails).
 */
int ex_scenario(const char *name, const char *text);

#endif
