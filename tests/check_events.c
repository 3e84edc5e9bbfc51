// SPDX-License-Identifier: GPL-2.0-only
/*
 * The event stream and the observer's contract (slub.nw, "Events" in the
 * interface): every counted step is one SLUB_EV_STAT event in the words of
 * its counter, the section comes from the generated table, the strings
 * live as long as the call, and an observer that calls the allocator is
 * stopped.
 */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "slub_test.h"

struct seen {
	int stat[NR_SLUB_STAT_ITEMS];
	int steps, bad;
	char why[256];
	const void *fast_object;
	long fast_pfn;
	bool slow_step;
};

static void note_bad(struct seen *s, const char *why, const struct slub_event *ev)
{
	if (!s->bad++)
		snprintf(s->why, sizeof(s->why), "%s: %s %s", why,
			 ev->func ? ev->func : "(null)",
			 ev->what ? ev->what : "(null)");
}

static void record(const struct slub_event *ev, void *arg)
{
	struct seen *s = arg;
	const char *sect = slub_func_section(ev->func);

	if (!ev->func || !ev->what || !sect || !ev->section ||
	    strcmp(sect, ev->section))
		note_bad(s, "no function, words or generated section", ev);
	if (ev->type == SLUB_EV_STAT) {
		const char *words = slub_stat_words(ev->stat);

		if (!words || strncmp(ev->what, words, strlen(words)))
			note_bad(s, "a counter's event is not in its words", ev);
		s->stat[ev->stat]++;
		if (ev->stat == ALLOC_FASTPATH) {
			s->fast_object = ev->object;
			s->fast_pfn = ev->pfn;
		}
	} else if (ev->type == SLUB_EV_STEP) {
		s->steps++;
		if (!strcmp(ev->func, "__slab_alloc") && ev->object &&
		    ev->pfn >= 0)
			s->slow_step = true;
	}
}

START_TEST(test_events_are_the_counting_sites)
{
	struct kmem_cache *s = kmem_cache_create("ev", 64, 0, 0, NULL);
	unsigned long fast = t_stat(s, "alloc_fastpath");
	unsigned long ffast = t_stat(s, "free_fastpath");
	struct seen seen = { .fast_pfn = -1 };
	void *a, *b;

	ck_assert_ptr_nonnull(s);
	slub_set_observer(record, &seen);
	a = kmem_cache_alloc(s, GFP_KERNEL);	/* slow path: a new slab */
	b = kmem_cache_alloc(s, GFP_KERNEL);	/* fast path */
	kmem_cache_free(s, b);
	kmem_cache_free(s, a);
	slub_set_observer(NULL, NULL);
	ck_assert_msg(!seen.bad, "%d bad events, the first: %s", seen.bad,
		      seen.why);
	ck_assert_int_eq(seen.stat[ALLOC_FASTPATH],
			 (int)(t_stat(s, "alloc_fastpath") - fast));
	ck_assert_int_eq(seen.stat[FREE_FASTPATH],
			 (int)(t_stat(s, "free_fastpath") - ffast));
	ck_assert_int_eq(seen.stat[ALLOC_SLAB], 1);
	ck_assert_ptr_eq(seen.fast_object, b);
	ck_assert_msg(seen.fast_pfn >= 0, "the fast path names no slab");
	ck_assert_msg(seen.slow_step, "no __slab_alloc step with its object");
	t_shrink_destroy(s);
}
END_TEST

START_TEST(test_section_table)
{
	const char *t = slub_func_section_title("kmem_cache_create");

	/* the two functions are defined in the same section */
	ck_assert_ptr_nonnull(slub_func_section("slab_alloc_node"));
	ck_assert_str_eq(slub_func_section("slab_alloc_node"),
			 slub_func_section("slab_alloc"));
	ck_assert_ptr_nonnull(t);
	ck_assert_msg(strstr(t, "kmem_cache_create"), "title: %s", t);
	ck_assert_ptr_null(slub_func_section("no_such_function"));
	ck_assert_ptr_null(slub_func_section(NULL));
	ck_assert_ptr_null(slub_stat_words(NR_SLUB_STAT_ITEMS));
}
END_TEST

static struct kmem_cache *reenter_cache;

static void reenter(const struct slub_event *ev, void *arg)
{
	(void)ev;
	(void)arg;
	kmem_cache_alloc(reenter_cache, GFP_KERNEL);
}

static void alloc_with_bad_observer(void *arg)
{
	(void)arg;
	reenter_cache = kmem_cache_create("reenter", 64, 0, 0, NULL);
	slub_set_observer(reenter, NULL);
	kmem_cache_alloc(reenter_cache, GFP_KERNEL);
	fprintf(stderr, "returned\n");
}

START_TEST(test_observer_may_not_call_the_allocator)
{
	struct t_captured c;

	t_run_captured(alloc_with_bad_observer, NULL, &c);
	ck_assert_msg(WIFSIGNALED(c.status) && WTERMSIG(c.status) == SIGABRT,
		      "status %#x: %s", c.status, c.out);
	ck_assert_msg(strstr(c.out, "called from an event observer"),
		      "no message in: %s", c.out);
	ck_assert_msg(!strstr(c.out, "returned"), "the call returned: %s",
		      c.out);
}
END_TEST

Suite *events_suite(void)
{
	Suite *s = suite_create("events");
	TCase *tc = tcase_create("events");

	tcase_add_checked_fixture(tc, t_setup_nomerge, t_teardown);
	tcase_add_test(tc, test_events_are_the_counting_sites);
	tcase_add_test(tc, test_section_table);
	tcase_add_test(tc, test_observer_may_not_call_the_allocator);
	suite_add_tcase(s, tc);
	return s;
}
