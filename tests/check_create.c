// SPDX-License-Identifier: GPL-2.0-only
/*
 * The book's part on kmem_cache_create() and everything it calls. Every
 * expected number is computed here from the kernel's formulas (see
 * t_kernel_geometry() in test_util.c) or written down from them by hand.
 */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "slub_test.h"

static void ctor_nop(void *p)
{
	(void)p;
}

/* ------------------------------------------------------------ sanity check */

START_TEST(test_sanity_null_name)
{
	ck_assert_ptr_null(kmem_cache_create(NULL, 64, 0, 0, NULL));
	ck_assert_ptr_null(kmem_cache_create(NULL, 64, 0, SLAB_POISON, NULL));
}
END_TEST

START_TEST(test_sanity_too_small)
{
	struct kmem_cache *s;
	size_t size;

	for (size = 0; size < sizeof(void *); size++)
		ck_assert_msg(!kmem_cache_create("tiny", size, 0, 0, NULL),
			      "a %zu-byte cache was created", size);
	/* sizeof(void *) itself passes the check */
	s = kmem_cache_create("tiny", sizeof(void *), 0, 0, NULL);
	ck_assert_ptr_nonnull(s);
	kmem_cache_destroy(s);
}
END_TEST

START_TEST(test_sanity_too_big)
{
	/* size > KMALLOC_MAX_SIZE fails kmem_cache_sanity_check() */
	ck_assert_ptr_null(kmem_cache_create("big", T_KMALLOC_MAX_SIZE + 1, 0,
					     0, NULL));
	ck_assert_ptr_null(kmem_cache_create("big", SIZE_MAX, 0, 0, NULL));
	ck_assert_ptr_null(kmem_cache_create("big", SIZE_MAX / 2, 0, 0, NULL));
	/*
	 * Sizes the check lets through but no order below MAX_ORDER holds:
	 * calculate_order() returns -ENOSYS, kmem_cache_open() fails.
	 */
	ck_assert_ptr_null(kmem_cache_create("big", T_KMALLOC_MAX_SIZE, 0, 0,
					     NULL));
	ck_assert_ptr_null(kmem_cache_create("big",
					     (T_PAGE_SIZE << (T_MAX_ORDER - 1)) + 1,
					     0, 0, NULL));
}
END_TEST

START_TEST(test_largest_cache)
{
	unsigned long size = T_PAGE_SIZE << (T_MAX_ORDER - 1);	/* 4 MiB */
	struct kmem_cache *s;
	struct t_geom g;
	void *p;

	ck_assert(t_kernel_geometry(size, 0, 0, false, 2, 0, &g));
	ck_assert_int_eq(g.order, 10);
	ck_assert_int_eq(g.objects, 1);
	s = kmem_cache_create("huge", size, 0, 0, NULL);
	ck_assert_ptr_nonnull(s);
	ck_assert_int_eq(t_attr_long(s, "order"), 10);
	ck_assert_int_eq(t_attr_long(s, "objs_per_slab"), 1);
	ck_assert_int_eq(t_attr_long(s, "min_partial"), 10);
	ck_assert_int_eq(t_attr_long(s, "cpu_partial"), 2);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	ck_assert_ptr_nonnull(p);
	memset(p, 0x5c, size);
	kmem_cache_free(s, p);
	t_shrink_destroy(s);
}
END_TEST

START_TEST(test_sanity_duplicate)
{
	struct kmem_cache *s, *t;

	s = kmem_cache_create("dup", 100, 0, 0, NULL);
	ck_assert_ptr_nonnull(s);
	ck_assert_ptr_null(kmem_cache_create("dup", 100, 0, 0, NULL));
	ck_assert_ptr_null(kmem_cache_create("dup", 3000, 0, SLAB_POISON,
					     NULL));
	/* the kmalloc caches' names are taken too */
	ck_assert_ptr_null(kmem_cache_create("kmalloc-64", 64, 0, 0, NULL));
	ck_assert_ptr_null(kmem_cache_create("kmalloc-192", 1000, 0, 0, NULL));
	kmem_cache_destroy(s);
	/* once destroyed, the name is free again */
	t = kmem_cache_create("dup", 100, 0, 0, NULL);
	ck_assert_ptr_nonnull(t);
	ck_assert_str_eq(kmem_cache_name(t), "dup");
	kmem_cache_destroy(t);
}
END_TEST

START_TEST(test_sanity_space_warns)
{
	struct kmem_cache *s;

	s = kmem_cache_create("has a space", 100, 0, 0, NULL);
	ck_assert_ptr_nonnull(s);
	ck_assert_str_eq(kmem_cache_name(s), "has a space");
	kmem_cache_destroy(s);
}
END_TEST

struct create_args {
	const char *name;
	size_t size;
	unsigned long flags;
};

static void do_create(void *arg)
{
	struct create_args *a = arg;
	struct kmem_cache *s;

	s = kmem_cache_create(a->name, a->size, 0, a->flags, NULL);
	fprintf(stderr, "\nreturned %s\n", s ? "a cache" : "NULL");
}

START_TEST(test_panic_aborts)
{
	struct create_args a = { "panic-test", T_KMALLOC_MAX_SIZE + 1,
				 SLAB_PANIC };
	struct t_captured c;

	t_run_captured(do_create, &a, &c);
	ck_assert_msg(WIFSIGNALED(c.status) && WTERMSIG(c.status) == SIGABRT,
		      "SLAB_PANIC create did not abort (status %#x): %s",
		      c.status, c.out);
	ck_assert_msg(strstr(c.out, "kmem_cache_create: Failed to create "
				    "slab 'panic-test'. Error -22"),
		      "no panic message in: %s", c.out);
	ck_assert_msg(!strstr(c.out, "returned"), "create returned: %s",
		      c.out);
}
END_TEST

START_TEST(test_panic_duplicate_aborts)
{
	struct create_args a = { "kmalloc-96", 96, SLAB_PANIC };
	struct t_captured c;

	t_run_captured(do_create, &a, &c);
	ck_assert_msg(WIFSIGNALED(c.status) && WTERMSIG(c.status) == SIGABRT,
		      "status %#x: %s", c.status, c.out);
	ck_assert_msg(strstr(c.out, "kmem_cache_create: Failed to create "
				    "slab 'kmalloc-96'. Error -22"),
		      "no panic message in: %s", c.out);
}
END_TEST

START_TEST(test_failure_warns)
{
	struct create_args a = { "warn-test", 2, 0 };
	struct t_captured c;

	t_run_captured(do_create, &a, &c);
	ck_assert_msg(WIFEXITED(c.status) && WEXITSTATUS(c.status) == 0,
		      "status %#x: %s", c.status, c.out);
	ck_assert_msg(strstr(c.out, "returned NULL"), "%s", c.out);
	ck_assert_msg(strstr(c.out, "kmem_cache_create(warn-test) failed "
				    "with error -22"),
		      "no warning in: %s", c.out);
}
END_TEST

START_TEST(test_panic_success_returns)
{
	struct kmem_cache *s;

	s = kmem_cache_create("panic-ok", 100, 0, SLAB_PANIC, NULL);
	ck_assert_ptr_nonnull(s);
	kmem_cache_destroy(s);
}
END_TEST

START_TEST(test_create_mask)
{
	struct kmem_cache *s;
	struct slub_snapshot *snap;
	const struct slub_snap_cache *c;
	unsigned long junk = SLAB_MEM_SPREAD | 0x1UL | 0x8UL;

	/* SLAB_RECLAIM_ACCOUNT keeps it from merging into kmalloc-128 */
	s = kmem_cache_create("masked", 104, 0, SLAB_HWCACHE_ALIGN |
			      SLAB_RECLAIM_ACCOUNT | junk, NULL);
	ck_assert_ptr_nonnull(s);
	ck_assert_str_eq(kmem_cache_name(s), "masked");
	snap = slub_snapshot_take();
	c = t_snap_cache(snap, s);
	ck_assert_msg(!(c->flags & junk), "flags %#lx keep bits outside "
		      "CACHE_CREATE_MASK", c->flags);
	ck_assert(c->flags & SLAB_HWCACHE_ALIGN);
	ck_assert(c->flags & SLAB_RECLAIM_ACCOUNT);
	slub_snapshot_free(snap);
	kmem_cache_destroy(s);
}
END_TEST

/* ------------------------------------------------------------ merging */

static int snap_refcount(struct kmem_cache *s)
{
	struct slub_snapshot *snap = slub_snapshot_take();
	int r = t_snap_cache(snap, s)->refcount;

	slub_snapshot_free(snap);
	return r;
}

static bool snap_has_alias(struct kmem_cache *s, const char *alias)
{
	struct slub_snapshot *snap = slub_snapshot_take();
	const struct slub_snap_cache *c = t_snap_cache(snap, s);
	bool found = false;
	int i;

	for (i = 0; i < c->nr_aliases; i++)
		found |= !strcmp(c->aliases[i], alias);
	slub_snapshot_free(snap);
	return found;
}

START_TEST(test_merge_same)
{
	struct kmem_cache *a, *b;
	char buf[SLAB_ATTR_BUFSIZE];

	/* 40 bytes: no kmalloc cache is within a word of it */
	a = kmem_cache_create("m-one", 40, 0, 0, NULL);
	ck_assert_ptr_nonnull(a);
	ck_assert_str_eq(kmem_cache_name(a), "m-one");
	ck_assert_str_eq(t_attr(a, "aliases", buf), "0\n");
	b = kmem_cache_create("m-two", 40, 0, 0, NULL);
	ck_assert_ptr_eq(a, b);
	ck_assert_str_eq(kmem_cache_name(b), "m-one");
	/* aliases_show() prints s->refcount - 1 */
	ck_assert_str_eq(t_attr(a, "aliases", buf), "1\n");
	ck_assert_int_eq(snap_refcount(a), 2);
	ck_assert(snap_has_alias(a, "m-two"));
	ck_assert_ptr_eq(slub_find_cache("m-one"), a);

	/* destroying an alias only drops the reference */
	kmem_cache_destroy(b);
	ck_assert_str_eq(t_attr(a, "aliases", buf), "0\n");
	ck_assert_int_eq(snap_refcount(a), 1);
	ck_assert_ptr_eq(slub_find_cache("m-one"), a);
	kmem_cache_destroy(a);
	ck_assert_ptr_null(slub_find_cache("m-one"));
}
END_TEST

START_TEST(test_merge_grows_object_size)
{
	struct kmem_cache *a, *b, *c;
	struct slub_snapshot *snap;

	a = kmem_cache_create("g-44", 44, 0, 0, NULL);
	ck_assert_ptr_nonnull(a);
	ck_assert_int_eq(t_attr_long(a, "object_size"), 44);
	ck_assert_int_eq(t_attr_long(a, "slab_size"), 48);
	b = kmem_cache_create("g-48", 48, 0, 0, NULL);
	ck_assert_ptr_eq(a, b);
	/* s->object_size = max(s->object_size, size) */
	ck_assert_int_eq(t_attr_long(a, "object_size"), 48);
	ck_assert_int_eq(t_attr_long(a, "slab_size"), 48);
	/* a smaller request merges and changes nothing */
	c = kmem_cache_create("g-41", 41, 0, 0, NULL);
	ck_assert_ptr_eq(a, c);
	ck_assert_int_eq(t_attr_long(a, "object_size"), 48);
	ck_assert_int_eq(t_attr_long(a, "aliases"), 2);
	snap = slub_snapshot_take();
	ck_assert_int_eq(t_snap_cache(snap, a)->inuse, 48);
	ck_assert_int_eq(t_snap_cache(snap, a)->refcount, 3);
	slub_snapshot_free(snap);
	kmem_cache_destroy(c);
	kmem_cache_destroy(b);
	/* the object size stays grown: kzalloc must clear all of it */
	ck_assert_int_eq(t_attr_long(a, "object_size"), 48);
	kmem_cache_destroy(a);
}
END_TEST

START_TEST(test_merge_size_window)
{
	struct kmem_cache *a, *b;

	a = kmem_cache_create("w-48", 48, 0, 0, NULL);
	ck_assert_ptr_nonnull(a);
	/* s->size - size >= sizeof(void *): a 40-byte cache gets its own */
	b = kmem_cache_create("w-40", 40, 0, 0, NULL);
	ck_assert_ptr_nonnull(b);
	ck_assert_ptr_ne(a, b);
	ck_assert_str_eq(kmem_cache_name(b), "w-40");
	kmem_cache_destroy(b);
	/* size > s->size: a bigger cache does not fit into a smaller one */
	b = kmem_cache_create("w-56", 56, 0, 0, NULL);
	ck_assert_ptr_ne(a, b);
	kmem_cache_destroy(b);
	kmem_cache_destroy(a);
}
END_TEST

START_TEST(test_merge_into_kmalloc)
{
	struct kmem_cache *k64 = slub_find_cache("kmalloc-64"), *s, *h;
	struct kmem_cache *k32 = slub_find_cache("kmalloc-32");
	char buf[SLAB_ATTR_BUFSIZE];

	ck_assert_ptr_nonnull(k64);
	ck_assert_ptr_nonnull(k32);
	ck_assert_str_eq(t_attr(k64, "aliases", buf), "0\n");
	s = kmem_cache_create("my-64", 64, 0, 0, NULL);
	ck_assert_ptr_eq(s, k64);
	ck_assert_str_eq(t_attr(k64, "aliases", buf), "1\n");
	/* 40 bytes hardware-aligned is a 64-byte object aligned to 64 */
	h = kmem_cache_create("my-hw-40", 40, 0, SLAB_HWCACHE_ALIGN, NULL);
	ck_assert_ptr_eq(h, k64);
	ck_assert_str_eq(t_attr(k64, "aliases", buf), "2\n");
	kmem_cache_destroy(h);
	kmem_cache_destroy(s);
	ck_assert_str_eq(t_attr(k64, "aliases", buf), "0\n");
	ck_assert_str_eq(kmem_cache_name(k64), "kmalloc-64");

	/* alignment 16 on 32 bytes: (32 & ~15) == 32, so kmalloc-32 fits */
	s = kmem_cache_create("my-32a16", 32, 16, 0, NULL);
	ck_assert_ptr_eq(s, k32);
	kmem_cache_destroy(s);
}
END_TEST

START_TEST(test_merge_alias_name_reusable)
{
	struct kmem_cache *a, *b, *c;

	/*
	 * kmem_cache_sanity_check() compares s->name of the caches on
	 * slab_caches; an alias's name is only a sysfs link, which
	 * sysfs_slab_alias() replaces.
	 */
	a = kmem_cache_create("r-first", 40, 0, 0, NULL);
	b = kmem_cache_create("r-alias", 40, 0, 0, NULL);
	ck_assert_ptr_eq(a, b);
	c = kmem_cache_create("r-alias", 40, 0, 0, NULL);
	ck_assert_ptr_eq(a, c);
	ck_assert_int_eq(t_attr_long(a, "aliases"), 2);
	kmem_cache_destroy(c);
	kmem_cache_destroy(b);
	kmem_cache_destroy(a);
}
END_TEST

START_TEST(test_merge_ctor_prevents)
{
	struct kmem_cache *a, *b, *c;

	a = kmem_cache_create("c-ctor", 40, 0, 0, ctor_nop);
	ck_assert_ptr_nonnull(a);
	/* a cache with a ctor is unmergeable */
	b = kmem_cache_create("c-plain", 40, 0, 0, NULL);
	ck_assert_ptr_nonnull(b);
	ck_assert_ptr_ne(a, b);
	/* a request with a ctor never merges */
	c = kmem_cache_create("c-ctor2", 40, 0, 0, ctor_nop);
	ck_assert_ptr_nonnull(c);
	ck_assert_ptr_ne(c, a);
	ck_assert_ptr_ne(c, b);
	ck_assert_int_eq(t_attr_long(a, "aliases"), 0);
	ck_assert_int_eq(t_attr_long(b, "aliases"), 0);
	kmem_cache_destroy(c);
	kmem_cache_destroy(b);
	kmem_cache_destroy(a);
}
END_TEST

static const unsigned long never_merge[] = {
	SLAB_RED_ZONE, SLAB_POISON, SLAB_STORE_USER, SLAB_TRACE,
	SLAB_DESTROY_BY_RCU,
};

START_TEST(test_merge_never_merge_flags)
{
	unsigned long f = never_merge[_i];
	struct kmem_cache *plain, *x, *y;

	plain = kmem_cache_create("nm-plain", 40, 0, 0, NULL);
	ck_assert_ptr_nonnull(plain);
	/* a request with the flag does not merge into a plain cache */
	x = kmem_cache_create("nm-flag", 40, 0, f, NULL);
	ck_assert_ptr_nonnull(x);
	ck_assert_ptr_ne(x, plain);
	/* nor does anything merge into the cache that has the flag */
	kmem_cache_destroy(plain);
	y = kmem_cache_create("nm-after", 40, 0, 0, NULL);
	ck_assert_ptr_nonnull(y);
	ck_assert_ptr_ne(y, x);
	ck_assert_str_eq(kmem_cache_name(y), "nm-after");
	/* two requests with the same flag do not merge either */
	plain = kmem_cache_create("nm-flag2", 40, 0, f, NULL);
	ck_assert_ptr_ne(plain, x);
	kmem_cache_destroy(plain);
	kmem_cache_destroy(y);
	kmem_cache_destroy(x);
}
END_TEST

START_TEST(test_merge_same_flags)
{
	struct kmem_cache *r1, *plain, *r2;

	/* SLUB_MERGE_SAME: SLAB_RECLAIM_ACCOUNT must match */
	r1 = kmem_cache_create("ms-r1", 40, 0, SLAB_RECLAIM_ACCOUNT, NULL);
	plain = kmem_cache_create("ms-plain", 40, 0, 0, NULL);
	ck_assert_ptr_ne(r1, plain);
	r2 = kmem_cache_create("ms-r2", 40, 0, SLAB_RECLAIM_ACCOUNT, NULL);
	ck_assert_ptr_eq(r1, r2);
	ck_assert_int_eq(t_attr_long(r1, "reclaim_account"), 1);
	ck_assert_int_eq(t_attr_long(plain, "reclaim_account"), 0);
	kmem_cache_destroy(r2);
	kmem_cache_destroy(plain);
	kmem_cache_destroy(r1);
}
END_TEST

START_TEST(test_merge_nomerge_config)
{
	struct kmem_cache *a, *b, *k;

	a = kmem_cache_create("nomerge-a", 40, 0, 0, NULL);
	b = kmem_cache_create("nomerge-b", 40, 0, 0, NULL);
	ck_assert_ptr_nonnull(a);
	ck_assert_ptr_nonnull(b);
	ck_assert_ptr_ne(a, b);
	k = kmem_cache_create("nomerge-64", 64, 0, 0, NULL);
	ck_assert_ptr_ne(k, slub_find_cache("kmalloc-64"));
	ck_assert_str_eq(kmem_cache_name(k), "nomerge-64");
	kmem_cache_destroy(k);
	kmem_cache_destroy(b);
	kmem_cache_destroy(a);
}
END_TEST

START_TEST(test_sysfs_names)
{
	struct kmem_cache *a, *r, *d;
	char buf[256];

	/* create_unique_id(): ':' [d][a][F][t] '-' "%07d" of s->size */
	a = kmem_cache_create("id-40", 40, 0, 0, NULL);
	ck_assert_str_eq(slub_sysfs_name(a, buf, sizeof(buf)), ":t-0000040");
	r = kmem_cache_create("id-40r", 40, 0, SLAB_RECLAIM_ACCOUNT, NULL);
	ck_assert_str_eq(slub_sysfs_name(r, buf, sizeof(buf)), ":at-0000040");
	kmem_cache_destroy(r);
	r = kmem_cache_create("id-40n", 40, 0, SLAB_NOTRACK, NULL);
	ck_assert_str_eq(slub_sysfs_name(r, buf, sizeof(buf)), ":0000040");
	kmem_cache_destroy(r);
	/* an unmergeable cache keeps its own name */
	d = kmem_cache_create("id-poison", 40, 0, SLAB_POISON, NULL);
	ck_assert_str_eq(slub_sysfs_name(d, buf, sizeof(buf)), "id-poison");
	kmem_cache_destroy(d);
	ck_assert_str_eq(slub_sysfs_name(slub_find_cache("kmalloc-192"), buf,
					 sizeof(buf)), ":t-0000192");
	kmem_cache_destroy(a);
}
END_TEST

/* ------------------------------------------------------------ geometry */

START_TEST(test_geometry_anchors)
{
	struct kmem_cache *s;
	char buf[SLAB_ATTR_BUFSIZE];

	/* Known anchors, as Linux prints them with two CPUs. */
	s = kmem_cache_create("anchor-64", 64, 0, 0, NULL);
	ck_assert_str_eq(t_attr(s, "slab_size", buf), "64\n");
	ck_assert_str_eq(t_attr(s, "order", buf), "0\n");
	ck_assert_str_eq(t_attr(s, "objs_per_slab", buf), "64\n");
	ck_assert_str_eq(t_attr(s, "min_partial", buf), "5\n");
	ck_assert_str_eq(t_attr(s, "cpu_partial", buf), "30\n");
	ck_assert_str_eq(t_attr(s, "align", buf), "8\n");
	ck_assert_str_eq(t_attr(s, "object_size", buf), "64\n");
	ck_assert_str_eq(t_attr(s, "reserved", buf), "0\n");
	ck_assert_str_eq(t_attr(s, "ctor", buf), "");
	kmem_cache_destroy(s);

	s = kmem_cache_create("anchor-192", 192, 64, 0, NULL);
	ck_assert_str_eq(t_attr(s, "slab_size", buf), "192\n");
	ck_assert_str_eq(t_attr(s, "objs_per_slab", buf), "21\n");
	ck_assert_str_eq(t_attr(s, "order", buf), "0\n");
	ck_assert_str_eq(t_attr(s, "align", buf), "64\n");
	kmem_cache_destroy(s);

	s = kmem_cache_create("anchor-4096", 4096, 0, 0, NULL);
	ck_assert_str_eq(t_attr(s, "order", buf), "3\n");
	ck_assert_str_eq(t_attr(s, "objs_per_slab", buf), "8\n");
	ck_assert_str_eq(t_attr(s, "cpu_partial", buf), "2\n");
	ck_assert_str_eq(t_attr(s, "min_partial", buf), "6\n");
	kmem_cache_destroy(s);

	/*
	 * Worked by hand: 24 bytes with red zone, poison and user tracking.
	 * ALIGN(24, 8) == 24 so a red-zone word follows (inuse 32); poison
	 * moves the free pointer to 32 (40); two 152-byte tracks (344); the
	 * trailing red-zone word (352). 12 objects need 4224 bytes: order 1,
	 * 8192 % 352 = 96 <= 8192 / 16, 23 objects. A debug cache has no cpu
	 * partial list.
	 */
	s = kmem_cache_create("anchor-dbg", 24, 0,
			      SLAB_RED_ZONE | SLAB_POISON | SLAB_STORE_USER,
			      NULL);
	ck_assert_int_eq(T_TRACK_SIZE, 152);
	ck_assert_str_eq(t_attr(s, "slab_size", buf), "352\n");
	ck_assert_str_eq(t_attr(s, "objs_per_slab", buf), "23\n");
	ck_assert_str_eq(t_attr(s, "order", buf), "1\n");
	ck_assert_str_eq(t_attr(s, "cpu_partial", buf), "0\n");
	ck_assert_str_eq(t_attr(s, "min_partial", buf), "5\n");
	ck_assert_str_eq(t_attr(s, "red_zone", buf), "1\n");
	ck_assert_str_eq(t_attr(s, "poison", buf), "1\n");
	ck_assert_str_eq(t_attr(s, "store_user", buf), "1\n");
	kmem_cache_destroy(s);

	/* 8192 bytes: min_objects shrinks to order_objects(3) = 4 */
	s = kmem_cache_create("anchor-8192", 8192, 0, 0, NULL);
	ck_assert_str_eq(t_attr(s, "order", buf), "3\n");
	ck_assert_str_eq(t_attr(s, "objs_per_slab", buf), "4\n");
	kmem_cache_destroy(s);
}
END_TEST

static const unsigned long geo_sizes[] = {
	8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192,
	24, 40, 96, 192, 200, 1000, 3000,
	12, 20, 100, 1001, 5000, 6000, 16384, 65536,
};
#define NR_GEO_SIZES (int)(sizeof(geo_sizes) / sizeof(geo_sizes[0]))

static const unsigned long geo_aligns[] = { 0, 8, 64 };

static const struct {
	unsigned long flags;
	bool ctor;
	const char *tag;
} geo_flags[] = {
	{ 0, false, "none" },
	{ SLAB_HWCACHE_ALIGN, false, "hw" },
	{ SLAB_DESTROY_BY_RCU, false, "rcu" },
	{ SLAB_RED_ZONE, false, "rz" },
	{ SLAB_POISON, false, "poison" },
	{ SLAB_STORE_USER, false, "user" },
	{ 0, true, "ctor" },
	{ SLAB_HWCACHE_ALIGN | SLAB_DESTROY_BY_RCU, false, "hw-rcu" },
	{ SLAB_RED_ZONE | SLAB_POISON, false, "rz-poison" },
	{ SLAB_RED_ZONE | SLAB_STORE_USER, false, "rz-user" },
	{ SLAB_POISON | SLAB_STORE_USER, false, "poison-user" },
	{ SLAB_RED_ZONE | SLAB_POISON | SLAB_STORE_USER, false, "debug" },
	{ SLAB_RED_ZONE | SLAB_POISON | SLAB_STORE_USER | SLAB_HWCACHE_ALIGN,
	  false, "debug-hw" },
	{ SLAB_POISON, true, "poison-ctor" },
	{ SLAB_RED_ZONE, true, "rz-ctor" },
	{ SLAB_DESTROY_BY_RCU | SLAB_RED_ZONE | SLAB_STORE_USER, false,
	  "rcu-rz-user" },
	{ SLAB_DESTROY_BY_RCU | SLAB_POISON | SLAB_HWCACHE_ALIGN, true,
	  "rcu-poison-hw-ctor" },
	{ SLAB_TRACE, false, "trace" },
	{ SLAB_RECLAIM_ACCOUNT | SLAB_HWCACHE_ALIGN, false, "reclaim-hw" },
};
#define NR_GEO_FLAGS (int)(sizeof(geo_flags) / sizeof(geo_flags[0]))

static void expect_attr(struct kmem_cache *s, const char *attr, long want,
			const char *what)
{
	long got = t_attr_long(s, attr);

	ck_assert_msg(got == want, "%s: %s is %ld, the kernel computes %ld",
		      what, attr, got, want);
}

static void check_geometry(unsigned long size, unsigned long align, int fi)
{
	unsigned long flags = geo_flags[fi].flags;
	bool ctor = geo_flags[fi].ctor;
	struct slub_snapshot *snap;
	const struct slub_snap_cache *c;
	struct kmem_cache *s;
	char name[96];
	struct t_geom g;
	void **objs;
	int i, sl;

	snprintf(name, sizeof(name), "geo-%lu-a%lu-%s", size, align,
		 geo_flags[fi].tag);
	ck_assert(t_kernel_geometry(size, align, flags, ctor, 2, 0, &g));
	s = kmem_cache_create(name, size, align, flags,
			      ctor ? ctor_nop : NULL);
	ck_assert_msg(s != NULL, "%s: creation failed", name);

	expect_attr(s, "slab_size", g.size, name);
	expect_attr(s, "object_size", g.object_size, name);
	ck_assert_uint_eq(kmem_cache_size(s), g.object_size);
	ck_assert_str_eq(kmem_cache_name(s), name);
	expect_attr(s, "align", g.align, name);
	expect_attr(s, "objs_per_slab", g.objects, name);
	expect_attr(s, "order", g.order, name);
	expect_attr(s, "min_partial", g.min_partial, name);
	expect_attr(s, "cpu_partial", g.cpu_partial, name);
	expect_attr(s, "reserved", g.reserved, name);
	expect_attr(s, "hwcache_align", !!(flags & SLAB_HWCACHE_ALIGN), name);
	expect_attr(s, "destroy_by_rcu", !!(flags & SLAB_DESTROY_BY_RCU), name);
	expect_attr(s, "red_zone", !!(flags & SLAB_RED_ZONE), name);
	expect_attr(s, "poison", !!(flags & SLAB_POISON), name);
	expect_attr(s, "store_user", !!(flags & SLAB_STORE_USER), name);
	expect_attr(s, "trace", !!(flags & SLAB_TRACE), name);
	expect_attr(s, "sanity_checks", 0, name);
	expect_attr(s, "aliases", 0, name);
	expect_attr(s, "slabs", 0, name);

	snap = slub_snapshot_take();
	c = t_snap_cache(snap, s);
	ck_assert_msg(c->offset == g.offset, "%s: offset %u, kernel %u", name,
		      c->offset, g.offset);
	ck_assert_msg(c->inuse == g.inuse, "%s: inuse %u, kernel %u", name,
		      c->inuse, g.inuse);
	ck_assert_msg(c->min_order == (unsigned int)g.min_order &&
		      c->min_objects == (unsigned int)g.min_objects,
		      "%s: s->min is order %u/%u objects, kernel %d/%d", name,
		      c->min_order, c->min_objects, g.min_order,
		      g.min_objects);
	ck_assert_msg(!!(c->flags & __OBJECT_POISON) ==
		      !!(g.flags & __OBJECT_POISON),
		      "%s: __OBJECT_POISON is %d", name,
		      !!(c->flags & __OBJECT_POISON));
	ck_assert_int_eq(c->has_ctor, ctor);
	slub_snapshot_free(snap);

	/* SLAB_TRACE prints every allocation; its layout is checked above. */
	if (flags & SLAB_TRACE) {
		kmem_cache_destroy(s);
		return;
	}
	/* The slabs really are of that order and hold that many objects. */
	objs = calloc(g.objects + 1, sizeof(*objs));
	for (i = 0; i < g.objects + 1; i++) {
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		ck_assert_msg(objs[i] != NULL, "%s: allocation %d failed",
			      name, i);
		ck_assert_msg((unsigned long)objs[i] % g.align == 0,
			      "%s: object %p not aligned to %u", name,
			      objs[i], g.align);
	}
	snap = slub_snapshot_take();
	c = t_snap_cache(snap, s);
	ck_assert_int_eq(c->nr_slabs, 2);
	sl = t_snap_slab_of(c, objs[0]);
	ck_assert_int_ge(sl, 0);
	ck_assert_int_eq(c->slabs[sl].order, g.order);
	ck_assert_int_eq(c->slabs[sl].objects, g.objects);
	ck_assert_int_eq(c->slabs[sl].inuse, g.objects);
	slub_snapshot_free(snap);
	expect_attr(s, "slabs", 2, name);
	expect_attr(s, "total_objects", 2L * g.objects, name);
	for (i = 0; i < g.objects + 1; i++)
		kmem_cache_free(s, objs[i]);
	free(objs);
	t_shrink_destroy(s);
}

START_TEST(test_geometry)
{
	unsigned long size = geo_sizes[_i];
	unsigned int a;
	int f;

	for (a = 0; a < sizeof(geo_aligns) / sizeof(geo_aligns[0]); a++)
		for (f = 0; f < NR_GEO_FLAGS; f++)
			check_geometry(size, geo_aligns[a], f);
}
END_TEST

START_TEST(test_geometry_cpus)
{
	/* min_objects = 4 * (fls(nr_cpus) + 1): 8 with one CPU */
	struct kmem_cache *s;
	struct t_geom g;
	static const unsigned long sizes[] = { 64, 700, 1000, 2100, 3000,
					       4096, 5000 };
	unsigned int i;

	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		char name[32];

		snprintf(name, sizeof(name), "cpu1-%lu", sizes[i]);
		ck_assert(t_kernel_geometry(sizes[i], 0, SLAB_POISON, false, 1,
					    0, &g));
		s = kmem_cache_create(name, sizes[i], 0, SLAB_POISON, NULL);
		ck_assert_ptr_nonnull(s);
		expect_attr(s, "order", g.order, name);
		expect_attr(s, "objs_per_slab", g.objects, name);
		kmem_cache_destroy(s);
	}
}
END_TEST

/* ------------------------------------------------------------ fault injection */

START_TEST(test_create_page_failures)
{
	struct kmem_cache *kept[400];
	int nkept = 0, injected = 0, failed = 0, i, n;
	struct slub_page_stats before, after;

	/*
	 * Create caches until creation has needed new memory several times;
	 * for each creation walk n = 1, 2, ... failing the n-th allocation
	 * inside it, until the injection is no longer reached. The knob also
	 * fails the per-cpu allocation (alloc_kmem_cache_cpus), which is not
	 * an alloc_pages call and so not in page_stats.failures: a creation
	 * returning NULL counts as reached too, and must then succeed again
	 * without an injection.
	 */
	for (i = 0; i < 300 && failed < 12; i++) {
		char name[32];
		struct kmem_cache *s;
		size_t size = 64 + 8 * (i % 50);
		unsigned long flags = i % 3 ? 0 : SLAB_STORE_USER;

		snprintf(name, sizeof(name), "inj-%d", i);
		for (n = 1; ; n++) {
			ck_assert_int_lt(n, 50);
			slub_page_stats(&before);
			slub_fail_page_alloc(n);
			s = kmem_cache_create(name, size, 0, flags, NULL);
			slub_page_stats(&after);
			slub_fail_page_alloc(0);
			ck_assert_int_eq(slub_check_invariants(stderr), 0);
			if (s && after.failures == before.failures)
				break;		/* not reached: done */
			injected++;
			if (s) {
				/* absorbed (e.g. order fallback): keep going */
				kmem_cache_destroy(s);
				continue;
			}
			failed++;
			ck_assert_ptr_null(slub_find_cache(name));
		}
		ck_assert_int_lt(nkept, 400);
		kept[nkept++] = s;
	}
	ck_assert_msg(injected > 0 && failed > 0,
		      "no creation needed memory (%d caches)", nkept);
	fprintf(stderr, "create_page_failures: %d caches, %d faults "
		"injected, %d creations failed cleanly\n", nkept, injected,
		failed);
	while (nkept)
		kmem_cache_destroy(kept[--nkept]);
	/* the teardown proves nothing leaked */
}
END_TEST

struct inj_args {
	int n;
};

static void do_create_panic_injected(void *arg)
{
	struct inj_args *a = arg;
	struct kmem_cache *s;
	char name[32];
	int i;

	/* fill the metadata caches' slabs, then fail the next page */
	for (i = 0; i < 1000; i++) {
		struct slub_page_stats before, after;

		snprintf(name, sizeof(name), "pan-%d", i);
		slub_page_stats(&before);
		slub_fail_page_alloc(a->n);
		s = kmem_cache_create(name, 200, 0, SLAB_PANIC, NULL);
		slub_page_stats(&after);
		slub_fail_page_alloc(0);
		(void)s;
		if (after.failures != before.failures)
			break;
	}
	fprintf(stderr, "\nreturned from create %d\n", i);
}

START_TEST(test_create_page_failure_panics)
{
	struct inj_args a = { 1 };
	struct t_captured c;

	t_run_captured(do_create_panic_injected, &a, &c);
	/*
	 * A page failure inside a SLAB_PANIC creation either makes
	 * kmem_cache_open() panic ("Cannot create slab ...") or
	 * kmem_cache_create() panic ("... Failed to create slab ..."),
	 * unless the order fallback absorbed it and the create returned.
	 */
	if (WIFEXITED(c.status)) {
		ck_assert_msg(strstr(c.out, "returned from create"), "%s",
			      c.out);
		return;
	}
	ck_assert_msg(WIFSIGNALED(c.status) && WTERMSIG(c.status) == SIGABRT,
		      "status %#x: %s", c.status, c.out);
	ck_assert_msg(strstr(c.out, "Cannot create slab pan-") ||
		      strstr(c.out, "kmem_cache_create: Failed to create slab "
			     "'pan-"), "no panic message: %s", c.out);
}
END_TEST

/* ------------------------------------------------------------ slub_debug= */

static void setup_debug_foo(void)
{
	t_start(&(struct slub_config){ .simulated = true, .nr_cpus = 2,
				       .nomerge = true, .slub_debug = "ZU,foo",
				       .arena_bytes = 128UL << 20 });
}

static void setup_debug_all(void)
{
	t_start(&(struct slub_config){ .simulated = true, .nr_cpus = 2,
				       .slub_debug = "P",
				       .arena_bytes = 128UL << 20 });
}

START_TEST(test_slub_debug_named)
{
	struct kmem_cache *foo, *foobar, *bar;
	struct t_geom g;

	/*
	 * kmem_cache_flags(): slub_debug=ZU,foo adds red zoning and user
	 * tracking to the caches whose name starts with "foo".
	 */
	foo = kmem_cache_create("foo", 64, 0, 0, NULL);
	foobar = kmem_cache_create("foobar", 64, 0, 0, NULL);
	bar = kmem_cache_create("bar", 64, 0, 0, NULL);
	ck_assert_int_eq(t_attr_long(foo, "red_zone"), 1);
	ck_assert_int_eq(t_attr_long(foo, "store_user"), 1);
	ck_assert_int_eq(t_attr_long(foobar, "red_zone"), 1);
	ck_assert_int_eq(t_attr_long(bar, "red_zone"), 0);
	ck_assert_int_eq(t_attr_long(bar, "store_user"), 0);
	ck_assert_int_eq(t_attr_long(slub_find_cache("kmalloc-64"),
				     "red_zone"), 0);
	ck_assert(t_kernel_geometry(64, 0, SLAB_RED_ZONE | SLAB_STORE_USER,
				    false, 2, 0, &g));
	ck_assert_int_eq(t_attr_long(foo, "slab_size"), g.size);
	ck_assert_int_eq(t_attr_long(foo, "objs_per_slab"), g.objects);
	ck_assert_int_eq(t_attr_long(foo, "cpu_partial"), 0);
	ck_assert_int_eq(t_attr_long(bar, "slab_size"), 64);
	kmem_cache_destroy(bar);
	kmem_cache_destroy(foobar);
	kmem_cache_destroy(foo);
}
END_TEST

START_TEST(test_slub_debug_all)
{
	struct kmem_cache *k = slub_find_cache("kmalloc-64"), *s;
	unsigned char *p;
	int i;

	/* slub_debug=P with no name: every cache, the kmalloc ones too */
	ck_assert_int_eq(t_attr_long(k, "poison"), 1);
	ck_assert_int_eq(t_attr_long(k, "slab_size"), 72);
	s = kmem_cache_create("any", 40, 0, 0, NULL);
	ck_assert_int_eq(t_attr_long(s, "poison"), 1);
	p = kmalloc(64, GFP_KERNEL);
	memset(p, 0, 64);
	kfree(p);
	for (i = 0; i < 63; i++)
		ck_assert_msg(p[i] == 0x6b, "byte %d: %#x", i, p[i]);
	ck_assert_int_eq(p[63], 0xa5);
	kmem_cache_destroy(s);
}
END_TEST

/*
 * setup_slub_debug() of 3.18, option by option: which flags a cache
 * without its own debugging gets, and disable_higher_order_debug. Each
 * case boots, creates "foo" and "bar" (64 bytes), reads the debug
 * attributes of foo, bar, kmalloc-64 and kmalloc-4096.
 */
#define DF	(SLAB_DEBUG_FREE | SLAB_RED_ZONE | SLAB_POISON | SLAB_STORE_USER)
static const struct {
	const char *opt;
	unsigned long foo, bar, k64, k4096;
} debug_opts[] = {
	/* the bare option: full debugging (DEBUG_DEFAULT_FLAGS) */
	{ "", DF, DF, DF, DF },
	/* a comma first: full debugging of the listed caches */
	{ ",foo", DF, 0, 0, 0 },
	/*
	 * O first: full debugging and disable_higher_order_debug. A cache
	 * whose metadata raises its minimum order loses the metadata, keeps
	 * F: kmalloc-4096 (a 4096-byte slot without, over a page with).
	 * Nothing after the
	 * O is read: ",foo" does not limit it.
	 */
	{ "O", DF, DF, DF, SLAB_DEBUG_FREE },
	{ "o,foo", DF, DF, DF, SLAB_DEBUG_FREE },
	/* O or - later on: unknown letters, skipped */
	{ "FO", SLAB_DEBUG_FREE, SLAB_DEBUG_FREE, SLAB_DEBUG_FREE,
	  SLAB_DEBUG_FREE },
	{ "Z-", SLAB_RED_ZONE, SLAB_RED_ZONE, SLAB_RED_ZONE, SLAB_RED_ZONE },
	/* - first: off, whatever follows */
	{ "-", 0, 0, 0, 0 },
	{ "-FZ,foo", 0, 0, 0, 0 },
	{ "U,foo", SLAB_STORE_USER, 0, 0, 0 },
};

static unsigned long debug_flags_of(struct kmem_cache *s)
{
	return (t_attr_long(s, "sanity_checks") ? SLAB_DEBUG_FREE : 0) |
	       (t_attr_long(s, "red_zone") ? SLAB_RED_ZONE : 0) |
	       (t_attr_long(s, "poison") ? SLAB_POISON : 0) |
	       (t_attr_long(s, "store_user") ? SLAB_STORE_USER : 0);
}

START_TEST(test_slub_debug_option)
{
	struct kmem_cache *foo, *bar, *k4096;

	t_start(&(struct slub_config){ .simulated = true, .nr_cpus = 2,
				       .nomerge = true,
				       .slub_debug = debug_opts[_i].opt,
				       .arena_bytes = 64UL << 20 });
	foo = kmem_cache_create("foo", 64, 0, 0, NULL);
	bar = kmem_cache_create("bar", 64, 0, 0, NULL);
	k4096 = slub_find_cache("kmalloc-4096");
	ck_assert_msg(debug_flags_of(foo) == debug_opts[_i].foo,
		      "slub_debug=%s: foo %#lx", debug_opts[_i].opt,
		      debug_flags_of(foo));
	ck_assert_msg(debug_flags_of(bar) == debug_opts[_i].bar,
		      "slub_debug=%s: bar %#lx", debug_opts[_i].opt,
		      debug_flags_of(bar));
	ck_assert_msg(debug_flags_of(slub_find_cache("kmalloc-64")) ==
		      debug_opts[_i].k64, "slub_debug=%s: kmalloc-64",
		      debug_opts[_i].opt);
	ck_assert_msg(debug_flags_of(k4096) == debug_opts[_i].k4096,
		      "slub_debug=%s: kmalloc-4096 %#lx", debug_opts[_i].opt,
		      debug_flags_of(k4096));
	/*
	 * Without its metadata kmalloc-4096's object fills its slot again
	 * (with it, the slot was over a page: get_order() 1 against 0).
	 */
	if (debug_opts[_i].k4096 == SLAB_DEBUG_FREE)
		ck_assert_int_eq(t_attr_long(k4096, "slab_size"), 4096);
	else if (debug_opts[_i].k4096 == DF)
		ck_assert_int_gt(t_attr_long(k4096, "slab_size"), 4096);
	kmem_cache_destroy(bar);
	kmem_cache_destroy(foo);
	t_finish();
}
END_TEST

/* aliases is refcount - 1, unclamped: the boot caches keep -1 and show -2 */
START_TEST(test_aliases_of_boot_caches)
{
	char buf[SLAB_ATTR_BUFSIZE];

	ck_assert_str_eq(t_attr(slub_find_cache("kmem_cache"), "aliases", buf),
			 "-2\n");
	ck_assert_str_eq(t_attr(slub_find_cache("kmem_cache_node"), "aliases",
				buf), "-2\n");
	ck_assert_str_eq(t_attr(slub_find_cache("kmalloc-8192"), "aliases",
				buf), "0\n");
}
END_TEST

Suite *create_suite(void)
{
	Suite *s = suite_create("create");
	TCase *tc;

	tc = tcase_create("sanity");
	tcase_add_checked_fixture(tc, t_setup, t_teardown);
	tcase_add_test(tc, test_sanity_null_name);
	tcase_add_test(tc, test_sanity_too_small);
	tcase_add_test(tc, test_sanity_too_big);
	tcase_add_test(tc, test_largest_cache);
	tcase_add_test(tc, test_sanity_duplicate);
	tcase_add_test(tc, test_sanity_space_warns);
	tcase_add_test(tc, test_panic_aborts);
	tcase_add_test(tc, test_panic_duplicate_aborts);
	tcase_add_test(tc, test_failure_warns);
	tcase_add_test(tc, test_panic_success_returns);
	tcase_add_test(tc, test_create_mask);
	suite_add_tcase(s, tc);

	tc = tcase_create("merge");
	tcase_add_checked_fixture(tc, t_setup, t_teardown);
	tcase_add_test(tc, test_merge_same);
	tcase_add_test(tc, test_merge_grows_object_size);
	tcase_add_test(tc, test_merge_size_window);
	tcase_add_test(tc, test_merge_into_kmalloc);
	tcase_add_test(tc, test_merge_alias_name_reusable);
	tcase_add_test(tc, test_merge_ctor_prevents);
	tcase_add_loop_test(tc, test_merge_never_merge_flags, 0,
			    sizeof(never_merge) / sizeof(never_merge[0]));
	tcase_add_test(tc, test_merge_same_flags);
	tcase_add_test(tc, test_sysfs_names);
	tcase_add_test(tc, test_aliases_of_boot_caches);
	suite_add_tcase(s, tc);

	tc = tcase_create("nomerge");
	tcase_add_checked_fixture(tc, t_setup_nomerge, t_teardown);
	tcase_add_test(tc, test_merge_nomerge_config);
	suite_add_tcase(s, tc);

	tc = tcase_create("geometry");
	tcase_add_checked_fixture(tc, t_setup_nomerge, t_teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_geometry_anchors);
	tcase_add_loop_test(tc, test_geometry, 0, NR_GEO_SIZES);
	suite_add_tcase(s, tc);

	tc = tcase_create("geometry-1cpu");
	tcase_add_checked_fixture(tc, t_setup_1cpu, t_teardown);
	tcase_add_test(tc, test_geometry_cpus);
	suite_add_tcase(s, tc);

	tc = tcase_create("slub_debug");
	tcase_add_checked_fixture(tc, setup_debug_foo, t_teardown);
	tcase_add_test(tc, test_slub_debug_named);
	suite_add_tcase(s, tc);

	tc = tcase_create("slub_debug_option");
	tcase_add_loop_test(tc, test_slub_debug_option, 0,
			    sizeof(debug_opts) / sizeof(debug_opts[0]));
	suite_add_tcase(s, tc);

	tc = tcase_create("slub_debug_all");
	tcase_add_checked_fixture(tc, setup_debug_all, t_teardown);
	tcase_add_test(tc, test_slub_debug_all);
	suite_add_tcase(s, tc);

	tc = tcase_create("inject");
	tcase_add_checked_fixture(tc, t_setup_nomerge, t_teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_create_page_failures);
	tcase_add_test(tc, test_create_page_failure_panics);
	suite_add_tcase(s, tc);

	return s;
}
