/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The grader's feedback (feedback.c): the event log a timeout reports
 * from, and the alarm that reports it. ex_scenario() (grade.h) stops a
 * scenario test at its first failed expect with what was expected, what
 * happened and the scenario line.
 */
#ifndef EX_FEEDBACK_H
#define EX_FEEDBACK_H

#include "eventlog.h"

/* The log (and its scenario, or NULL) whose last event a timeout
 * names; NULL: none. Limits the events a step keeps. */
void ex_watch(struct scn_log *log, const struct scenario *sc);
/* In a test's process: after seconds, print "EXTIMEOUT: <the last
 * event>" to stderr and exit with status 3. */
void ex_watch_alarm(int seconds);

#endif
