/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The event log: what the allocator reported while a scenario ran, step
 * by step, for the views that show it (the CLI's trace, slubviz, the
 * exercise grader). One module records, replays and formats:
 *
 *   - record: the log is the run's observer. Every event is copied into
 *     the log (strings whole: the allocator's pointers live only during
 *     the callback), together with the lines the scenario printed (echo,
 *     show, the notes of inject and migrate), in the order they happened.
 *     A step's events are kept until the next step starts.
 *   - place: on request each event's object is located: its index in its
 *     slab (from the cache's stride and the slab's address, learned from
 *     a snapshot taken between steps) and the scenario variable holding
 *     it (resolved when the scenario next prints or the step ends, as a
 *     reader of the trace sees it).
 *   - snapshots: on request the log keeps the allocator's state before
 *     and after the last recorded step (slub_snapshot_take()).
 *   - replay: in simulated-CPU mode the allocator is deterministic, so
 *     going back to step n is: end the run, start it again, run n steps.
 *     scn_log_goto() does that, recording only the last step.
 *   - format: an event as the one trace line the CLI prints (step, CPU,
 *     book section, kernel function, what happened, and {cache, object
 *     index, pfn, variable}), or the short line slubviz shows.
 *
 * Without a scenario (scn_log_new(NULL, ...)) the log records whatever the
 * allocator reports between scn_log_attach() and scn_log_detach(), all as
 * one step; the exercise grader watches students' code this way.
 *
 * The log is not thread-safe: it expects the events of one thread at a
 * time, which the allocator's simulated-CPU mode guarantees.
 */
#ifndef SLUB_EVENTLOG_H
#define SLUB_EVENTLOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "slub.h"
#include "scenario.h"

/* An event's type: enum slub_event_type, or a line the scenario printed. */
#define SCN_EV_OUTPUT	(-1)

/*
 * One recorded event. The strings belong to the log and stay valid until
 * the step's events are dropped (the next step, scn_log_clear(), a
 * restart or scn_log_free()); none is NULL: "" stands for what the
 * allocator did not give. An output event has its line in what.
 */
struct scn_event {
	int type;		/* enum slub_event_type or SCN_EV_OUTPUT */
	const char *func;	/* kernel function */
	const char *what;	/* what happened, one line */
	const char *section;	/* book section */
	const char *cache;	/* cache name */
	int cpu;		/* CPU that took the step */
	int stat;		/* enum stat_item of a SLUB_EV_STAT, else -1 */
	long pfn;		/* first page frame of the slab, or -1 */
	unsigned long object;	/* the object's address, or 0 */
	int step;		/* 1-based step number, 0 outside a scenario */
	/* With SCN_LOG_PLACE, once the event is placed: */
	long slot;		/* index of the object in its slab, or -1 */
	long offset;		/* object - slab start in bytes, or -1 */
	const char *var;	/* variable holding the object, or NULL */
};

/* What a log does besides running the scenario (flags of scn_log_new). */
enum {
	SCN_LOG_EVENTS = 1 << 0,	/* record the allocator's events */
	SCN_LOG_OUTPUT = 1 << 1,	/* record the scenario's output */
	SCN_LOG_DIAG = 1 << 2,		/* failed expects into the output */
	SCN_LOG_PLACE = 1 << 3,		/* locate objects: slot, variable */
	SCN_LOG_SNAPSHOTS = 1 << 4,	/* snapshots around the last step */
};

struct scn_log;

/* A log of sc's runs (sc may be NULL: see scn_log_attach); NULL: no memory. */
struct scn_log *scn_log_new(const struct scenario *sc, unsigned int flags);
/* Ends the run if one is active and frees everything. */
void scn_log_free(struct scn_log *log);

/*
 * (Re)start the run at step 0 (scn_run_start, observer and output set as
 * the flags say; without SCN_LOG_OUTPUT the run prints to stdout until
 * the caller sets its output through scn_log_run()). 0, or -1 with err.
 */
int scn_log_start(struct scn_log *log, struct scn_error *err);
/* Execute the next step and record it: 1 done, 0 no more, -1 error. */
int scn_log_step(struct scn_log *log, struct scn_error *err);
/*
 * Bring the run to step n (clamped to 0..steps): forwards by running,
 * backwards (or after an error) by starting again and replaying; only
 * the step that ends at n is recorded. 0, or -1 with err.
 */
int scn_log_goto(struct scn_log *log, int n, struct scn_error *err);
/* End the run (scn_run_end); the recorded events stay. */
void scn_log_end(struct scn_log *log);

int scn_log_pos(const struct scn_log *log);	/* steps executed */
bool scn_log_failed(const struct scn_log *log);	/* a step failed */
struct scn_run *scn_log_run(const struct scn_log *log);	/* or NULL */

/* The events of the last recorded step, in order. */
int scn_log_count(const struct scn_log *log);
const struct scn_event *scn_log_events(const struct scn_log *log);
/* Keep at most max events a step (0: no limit); the rest are counted. */
void scn_log_set_limit(struct scn_log *log, int max);
/* The step's last event, kept or past the limit (then in buffers the
 * next such event overwrites), or NULL: what a run that never ends was
 * doing last. */
const struct scn_event *scn_log_last(const struct scn_log *log);
/* Events reported in the step, kept or not. */
long scn_log_reported(const struct scn_log *log);
/* Did an event of the step, kept or not, count stat item / name func? */
bool scn_log_stat_seen(const struct scn_log *log, int item);
bool scn_log_func_seen(const struct scn_log *log, const char *func);
/* The cache of the step's last event that named one, or "". */
const char *scn_log_last_cache(const struct scn_log *log);

/* What step (0-based) printed in this run, or "" (SCN_LOG_OUTPUT). */
const char *scn_log_output(const struct scn_log *log, int step);

/*
 * The expects that failed in step (0-based) of this run: 0 when none did
 * (also for a statement that checks nothing), -1 when the step has not
 * run since the last start.
 */
int scn_log_expect_failures(const struct scn_log *log, int step);

/* The state after the last step and before the last recorded one, or
 * NULL (SCN_LOG_SNAPSHOTS). */
const struct slub_snapshot *scn_log_snapshot(const struct scn_log *log);
const struct slub_snapshot *scn_log_prev(const struct scn_log *log);

/* Outside a scenario: become the allocator's observer, or stop. */
void scn_log_attach(struct scn_log *log);
void scn_log_detach(struct scn_log *log);
/* Forget the recorded events (the attached log's "step"). */
void scn_log_clear(struct scn_log *log);

/*
 * An event as text, without a newline; returns the length it needs (as
 * snprintf does). TRACE is the CLI's line:
 *    "   9 cpu0  2.1     slab_alloc               fastpath: took object
 *     from cpu freelist  {objs obj 1 pfn 15365 = b[0]}"
 * SHORT is slubviz's: "C0 2.1 slab_alloc: fastpath: took object from cpu
 * freelist". An output event is its line in both.
 */
enum scn_event_style { SCN_EVENT_TRACE, SCN_EVENT_SHORT };
int scn_event_format(const struct scn_event *ev, enum scn_event_style style,
		     char *buf, size_t len);
/* The same, written to f with a newline; the length, or -1. */
int scn_event_print(FILE *f, const struct scn_event *ev,
		    enum scn_event_style style);

#endif
