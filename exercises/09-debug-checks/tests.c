// SPDX-License-Identifier: GPL-2.0-only
/*
 * Exercise 09: check_object() and check_valid_pointer(). A cache with
 * red zones, poisoning, user tracking and consistency checks (slub_debug
 * FZPU) of 24-byte objects: object 0..23, red zone 24..31 (inuse 32),
 * free pointer at 32. The tests corrupt one thing at a time and expect
 * the kernel's report (seen as a SLUB_EV_REPORT event), and no report
 * at all for correct use.
 */
#include <string.h>

#include "grade.h"

#define FZPU (SLAB_RED_ZONE | SLAB_POISON | SLAB_STORE_USER | SLAB_DEBUG_FREE)

static struct kmem_cache *setup(void)
{
	struct kmem_cache *s;
	const struct slub_snap_cache *c;

	ex_start(2, true);
	s = ex_cache("dbg", 24, 0, FZPU, NULL);
	c = ex_snap("dbg");
	EX_CHECK(c->inuse == 32 && c->offset == 32,
		 "layout: inuse %u offset %u, expected 32 32", c->inuse,
		 c->offset);
	return s;
}

static void validate(struct kmem_cache *s)
{
	slab_attr_store(s, "validate", "1", 1);
}

static void test_clean(void)
{
	struct kmem_cache *s = setup();
	void *p[300];
	int i;

	for (i = 0; i < 300; i++) {
		p[i] = ex_alloc(s);
		memset(p[i], i, 24);
	}
	for (i = 0; i < 300; i += 2)
		kmem_cache_free(s, p[i]);
	validate(s);
	for (i = 0; i < 300; i += 2)
		p[i] = ex_alloc(s);
	for (i = 0; i < 300; i++)
		kmem_cache_free(s, p[i]);
	validate(s);
	EX_CHECK(ex_reports() == 0, "correct use reported a bug: %d report(s)",
		 ex_reports());
	ex_check_invariants();
	ex_stop();
}

static void redzone(int byte)
{
	struct kmem_cache *s = setup();
	unsigned char *p = ex_alloc(s), *q = ex_alloc(s);

	p[byte] = 0;
	kmem_cache_free(s, q);
	EX_CHECK(ex_reports() == 0, "a bug reported before the overrun was "
		 "checked");
	kmem_cache_free(s, p);
	EX_CHECK(ex_report_seen("Redzone overwritten"),
		 "writing byte %d of a 24-byte object (red zone 24..31) must "
		 "be reported as \"Redzone overwritten\"", byte);
	ex_stop();
}

static void test_redzone_first(void)
{
	redzone(24);
}

static void test_redzone_last(void)
{
	redzone(31);
}

static void poison(int byte)
{
	struct kmem_cache *s = setup();
	unsigned char *p = ex_alloc(s), *q = ex_alloc(s);

	kmem_cache_free(s, p);
	kmem_cache_free(s, q);
	validate(s);
	EX_CHECK(ex_reports() == 0, "a bug reported before the object was "
		 "touched");
	p[byte] = 0x42;		/* use after free */
	validate(s);
	EX_CHECK(ex_report_seen("Poison overwritten"),
		 "writing byte %d of a free object must be reported as "
		 "\"Poison overwritten\"", byte);
	ex_stop();
}

static void test_poison(void)
{
	poison(5);
}

static void test_poison_end(void)
{
	poison(23);
}

static void test_padding(void)
{
	struct kmem_cache *s = setup();
	const struct slub_snap_cache *c = ex_snap("dbg");
	unsigned char *p = ex_alloc(s);

	EX_CHECK(c->size > 32 + 8 + 2 * 152, "no padding in this layout");
	p[c->size - 1] = 0;
	kmem_cache_free(s, p);
	EX_CHECK(ex_report_seen("Object padding overwritten"),
		 "the padding after the metadata must be checked");
	ex_stop();
}

static void freepointer(unsigned long delta)
{
	struct kmem_cache *s = setup();
	unsigned char *p = ex_alloc(s), *q = ex_alloc(s), *r;
	unsigned long size = ex_snap("dbg")->size;
	int i;

	kmem_cache_free(s, p);
	kmem_cache_free(s, q);
	/* q's link points to p: make it point elsewhere */
	*(unsigned long *)(q + 32) += delta;
	validate(s);
	EX_CHECK(ex_report_seen("corrupt"),
		 "a free pointer %ld bytes off an object must be reported "
		 "as corrupt", (long)delta);
	for (i = 0; i < 200; i++) {
		const struct slub_snap_slab *sl;

		r = kmem_cache_alloc(s, GFP_KERNEL);
		EX_CHECK(r, "allocation failed after the repair");
		sl = ex_snap_slab_of(ex_snap("dbg"), r);
		EX_CHECK(sl && ((unsigned long)r - sl->addr) % size == 0,
			 "a misaligned object was handed out after the repair");
	}
	ex_stop();
}

static void test_freepointer_misaligned(void)
{
	freepointer(8);
}

static void test_freepointer_outside(void)
{
	freepointer(1UL << 30);
}

/* Freeing a pointer into the middle of an object is refused. */
static void test_free_misaligned(void)
{
	struct kmem_cache *s = setup();
	unsigned char *p = ex_alloc(s);

	kmem_cache_free(s, p + 8);
	EX_CHECK(ex_report_seen("Invalid object pointer"),
		 "freeing object + 8 must be reported as an invalid object "
		 "pointer");
	ex_reports_reset();
	kmem_cache_free(s, p);
	EX_CHECK(ex_reports() == 0, "the real free reported a bug");
	ex_stop();
}

EX_SUITE("09", "debug checks: check_object",
	{ "clean", 2, test_clean, "correct use reports nothing" },
	{ "redzone_first", 2, test_redzone_first,
	  "a write just past the object is caught" },
	{ "redzone_last", 2, test_redzone_last,
	  "the whole red zone is checked, up to inuse" },
	{ "poison", 2, test_poison, "a write into a free object is caught" },
	{ "poison_end", 1, test_poison_end,
	  "the end marker of the poison is checked" },
	{ "padding", 1, test_padding, "the padding is checked" },
	{ "freepointer_misaligned", 1, test_freepointer_misaligned,
	  "a free pointer into the middle of an object is corrupt" },
	{ "free_misaligned", 1, test_free_misaligned,
	  "a pointer into an object is not a valid object pointer" },
	{ "freepointer_outside", 1, test_freepointer_outside,
	  "a free pointer outside the slab is corrupt" });
