// SPDX-License-Identifier: GPL-2.0-only
/*
 * The event log (scenario/eventlog.h): it keeps every string whole, keeps
 * the allocator's events and the scenario's output in the order they
 * happened, names objects by slot and variable, replays a run to the same
 * events, formats the CLI's trace line, and records outside a scenario.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eventlog.h"
#include "slub_test.h"

/* Longer than any fixed buffer a view ever used for these strings. */
#define LONG_CACHE "a_cache_with_a_name_much_longer_than_thirty_two_bytes_" \
		   "so_that_a_fixed_buffer_would_have_cut_it"
#define LONG_LINE  "This echo line is longer than the one hundred and " \
		   "twelve bytes a fixed buffer once kept of a message; " \
		   "the event log must keep all of it, to the very last " \
		   "word of it: END"

static const char scenario_text[] =
	"config cpus 2 nomerge\n"
	"cache \"" LONG_CACHE "\" size 64\n"	/* step 1 */
	"echo " LONG_LINE "\n"			/* 2 */
	"alloc x from \"" LONG_CACHE "\"\n"	/* 3 */
	"inject alloc.after_tid\n"		/* 4 */
	"  echo inside the block\n"
	"  alloc y from \"" LONG_CACHE "\"\n"
	"end\n"
	"alloc z from \"" LONG_CACHE "\"\n"	/* 5: the block runs */
	"alloc w[0..99] from \"" LONG_CACHE "\"\n"	/* 6 */
	"free x\n";				/* 7 */

static struct scenario *sc;
static struct scn_log *log_;

static void open_log(unsigned int flags)
{
	struct scn_error err = { 0 };
	char msg[1024];

	sc = scn_parse_string("eventlog.scn", scenario_text, &err);
	ck_assert_msg(sc, "%s", scn_error_format(&err, msg, sizeof(msg)));
	log_ = scn_log_new(sc, flags);
	ck_assert_ptr_nonnull(log_);
	ck_assert_msg(!scn_log_start(log_, &err), "%s",
		      scn_error_format(&err, msg, sizeof(msg)));
}

static void close_log(void)
{
	scn_log_free(log_);
	scn_free(sc);
	log_ = NULL;
	sc = NULL;
}

static void go(int n)
{
	struct scn_error err = { 0 };
	char msg[1024];

	ck_assert_msg(!scn_log_goto(log_, n, &err), "%s",
		      scn_error_format(&err, msg, sizeof(msg)));
	ck_assert_int_eq(scn_log_pos(log_), n);
}

/* Index of the first event of type whose what starts with text, or -1. */
static int find(int type, const char *text)
{
	const struct scn_event *ev = scn_log_events(log_);
	int i;

	for (i = 0; i < scn_log_count(log_); i++)
		if (ev[i].type == type &&
		    (!text || !strncmp(ev[i].what, text, strlen(text))))
			return i;
	return -1;
}

START_TEST(test_whole_strings)
{
	const struct scn_event *ev;
	int i, named = 0;

	open_log(SCN_LOG_EVENTS | SCN_LOG_OUTPUT);
	go(1);
	ev = scn_log_events(log_);
	ck_assert_int_gt(scn_log_count(log_), 0);
	for (i = 0; i < scn_log_count(log_); i++) {
		ck_assert_ptr_nonnull(ev[i].func);
		ck_assert_ptr_nonnull(ev[i].what);
		ck_assert_ptr_nonnull(ev[i].section);
		ck_assert_ptr_nonnull(ev[i].cache);
		named += !strcmp(ev[i].cache, LONG_CACHE);
	}
	ck_assert_int_gt(named, 0);
	ck_assert_str_eq(scn_log_last_cache(log_), LONG_CACHE);
	go(2);
	i = find(SCN_EV_OUTPUT, NULL);
	ck_assert_int_ge(i, 0);
	ck_assert_str_eq(scn_log_events(log_)[i].what, LONG_LINE);
	ck_assert_str_eq(scn_log_output(log_, 1), LONG_LINE "\n");
	close_log();
}
END_TEST

START_TEST(test_order_and_places)
{
	const struct scn_event *ev;
	int in, block, out, i, y = -1;

	open_log(SCN_LOG_EVENTS | SCN_LOG_OUTPUT | SCN_LOG_PLACE);
	go(3);
	ev = scn_log_events(log_);
	for (i = 0; i < scn_log_count(log_); i++)
		if (ev[i].var && !strcmp(ev[i].var, "x"))
			break;
	ck_assert_msg(i < scn_log_count(log_), "no event names x");
	ck_assert_int_eq(ev[i].slot, 0);
	ck_assert_int_ge(ev[i].pfn, 0);
	ck_assert_int_eq(ev[i].step, 3);
	go(5);		/* alloc z, preempted by the inject block */
	ev = scn_log_events(log_);
	in = find(SCN_EV_OUTPUT, "  >> ");
	block = find(SCN_EV_OUTPUT, "inside the block");
	out = find(SCN_EV_OUTPUT, "  << ");
	ck_assert_int_ge(in, 0);
	ck_assert_int_gt(block, in);
	ck_assert_int_gt(out, block);
	for (i = block; i < out; i++)
		if (ev[i].var && !strcmp(ev[i].var, "y"))
			y = i;
	ck_assert_msg(y > block, "y's allocation is not between the block's "
		      "output lines");
	ck_assert_int_gt(scn_log_count(log_), out + 1);	/* z after it */
	close_log();
}
END_TEST

/* The trace lines of the step recorded last, one string. */
static char *trace_text(void)
{
	const struct scn_event *ev = scn_log_events(log_);
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	int i;

	ck_assert_ptr_nonnull(f);
	for (i = 0; i < scn_log_count(log_); i++)
		scn_event_print(f, &ev[i], SCN_EVENT_TRACE);
	fclose(f);
	return buf;
}

START_TEST(test_replay)
{
	char *first, *again;

	open_log(SCN_LOG_EVENTS | SCN_LOG_OUTPUT | SCN_LOG_PLACE |
		 SCN_LOG_SNAPSHOTS);
	ck_assert_ptr_nonnull(scn_log_snapshot(log_));
	ck_assert_ptr_null(scn_log_prev(log_));
	go(5);
	first = trace_text();
	ck_assert_int_gt(strlen(first), 0);
	ck_assert_ptr_nonnull(scn_log_prev(log_));
	go(2);			/* backwards: a new run, replayed */
	ck_assert_int_eq(find(SCN_EV_OUTPUT, LONG_LINE), 0);
	go(5);
	again = trace_text();
	ck_assert_str_eq(first, again);
	ck_assert_ptr_nonnull(scn_log_snapshot(log_));
	ck_assert_ptr_nonnull(scn_log_prev(log_));
	free(first);
	free(again);
	close_log();
}
END_TEST

START_TEST(test_limit)
{
	open_log(SCN_LOG_EVENTS);
	scn_run_set_output(scn_log_run(log_), NULL);
	scn_log_set_limit(log_, 3);
	go(6);			/* 100 allocations */
	ck_assert_int_eq(scn_log_count(log_), 3);
	ck_assert_int_gt(scn_log_reported(log_), 100);
	ck_assert(scn_log_stat_seen(log_, ALLOC_FASTPATH));
	ck_assert(!scn_log_stat_seen(log_, FREE_FASTPATH));
	close_log();
}
END_TEST

START_TEST(test_format)
{
	/* any text stands in the section column: the layout is tested */
	const struct scn_event ev = {
		.type = SLUB_EV_STAT, .func = "slab_alloc_node", .what = "",
		.section = "sec", .cache = "c", .cpu = 1,
		.stat = ALLOC_FASTPATH, .pfn = 7, .object = 0x1000,
		.step = 4, .slot = 3, .offset = 192, .var = "v[2]",
	};
	const struct scn_event out = {
		.type = SCN_EV_OUTPUT, .func = "", .what = "hello",
		.section = "", .cache = "", .stat = -1, .pfn = -1,
		.slot = -1, .offset = -1,
	};
	const char *trace = "   4 cpu1  sec     slab_alloc_node          "
			    "+1 alloc_fastpath  {c obj 3 pfn 7 = v[2]}";
	struct scn_event words = ev;
	char buf[256], small[8];
	int n;

	n = scn_event_format(&ev, SCN_EVENT_TRACE, buf, sizeof(buf));
	ck_assert_str_eq(buf, trace);
	ck_assert_int_eq(n, (int)strlen(trace));
	/* A short buffer gets a cut, terminated copy and the full length. */
	ck_assert_int_eq(scn_event_format(&ev, SCN_EVENT_TRACE, small,
					  sizeof(small)), n);
	ck_assert_str_eq(small, "   4 cp");
	scn_event_format(&ev, SCN_EVENT_SHORT, buf, sizeof(buf));
	ck_assert_str_eq(buf, "C1 sec slab_alloc_node: +1 alloc_fastpath");
	scn_event_format(&out, SCN_EVENT_TRACE, buf, sizeof(buf));
	ck_assert_str_eq(buf, "hello");
	/* A counter event's words, when they say more than its name. */
	words.what = "took object";
	scn_event_format(&words, SCN_EVENT_SHORT, buf, sizeof(buf));
	ck_assert_str_eq(buf, "C1 sec slab_alloc_node: +1 alloc_fastpath: "
			 "took object");
	words.what = "alloc_fastpath";
	scn_event_format(&words, SCN_EVENT_SHORT, buf, sizeof(buf));
	ck_assert_str_eq(buf, "C1 sec slab_alloc_node: +1 alloc_fastpath");
}
END_TEST

START_TEST(test_attached)
{
	struct slub_config cfg = { .nr_cpus = 2, .simulated = true,
				   .sheaves = SLUB_NO_SHEAVES,	/* 3.18 paths */
				   .nomerge = true, .slub_debug = "-" };
	struct scn_log *log = scn_log_new(NULL, SCN_LOG_EVENTS);
	struct kmem_cache *s;
	const struct scn_event *ev;
	void *p;
	int i;

	ck_assert_ptr_nonnull(log);
	ck_assert_int_eq(slub_init(&cfg), 0);
	scn_log_attach(log);
	s = kmem_cache_create(LONG_CACHE, 64, 0, 0, NULL);
	ck_assert_ptr_nonnull(s);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	ck_assert_ptr_nonnull(p);
	ck_assert_int_gt(scn_log_count(log), 1);
	ev = scn_log_events(log);
	for (i = 0; i < scn_log_count(log); i++)
		ck_assert_int_eq(ev[i].step, 0);
	ck_assert_str_eq(scn_log_last_cache(log), LONG_CACHE);
	scn_log_clear(log);
	ck_assert_int_eq(scn_log_count(log), 0);
	scn_log_detach(log);
	kmem_cache_free(s, p);
	ck_assert_int_eq(scn_log_count(log), 0);	/* detached */
	kmem_cache_destroy(s);
	slub_shutdown();
	scn_log_free(log);
}
END_TEST

Suite *eventlog_suite(void)
{
	Suite *s = suite_create("eventlog");
	TCase *tc = tcase_create("eventlog");

	tcase_add_test(tc, test_whole_strings);
	tcase_add_test(tc, test_order_and_places);
	tcase_add_test(tc, test_replay);
	tcase_add_test(tc, test_limit);
	tcase_add_test(tc, test_format);
	tcase_add_test(tc, test_attached);
	suite_add_tcase(s, tc);
	return s;
}
