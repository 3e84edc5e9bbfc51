// SPDX-License-Identifier: GPL-2.0-only
/*
 * Exercise 02: alignment and layout. The expected geometry comes from
 * this file's own model of Linux 3.18's calculate_alignment() and
 * calculate_sizes() on x86-64 (8-byte words, 64-byte cache lines,
 * struct track of 152 bytes with CONFIG_STACKTRACE), compared with the
 * sysfs attributes and the snapshot of each cache.
 */
#include <stdio.h>

#include "grade.h"

#define WORD		8UL
#define LINE		64UL
#define TRACK		152UL
#define ALIGN_UP(x, a)	(((x) + (a) - 1) / (a) * (a))

static unsigned long model_align(unsigned long flags, unsigned long align,
				 unsigned long size)
{
	if (flags & SLAB_HWCACHE_ALIGN) {
		unsigned long ralign = LINE;

		while (size <= ralign / 2)
			ralign /= 2;
		if (ralign > align)
			align = ralign;
	}
	if (align < WORD)
		align = WORD;
	return ALIGN_UP(align, WORD);
}

struct layout {
	unsigned long size, inuse, offset, align;
	bool poison;
};

static struct layout model(unsigned long objsize, unsigned long align,
			   unsigned long flags, bool ctor)
{
	struct layout l = { 0 };
	unsigned long size = ALIGN_UP(objsize, WORD);

	l.align = model_align(flags, align, objsize);
	l.poison = (flags & SLAB_POISON) && !(flags & SLAB_DESTROY_BY_RCU) &&
		   !ctor;
	if ((flags & SLAB_RED_ZONE) && size == objsize)
		size += WORD;
	l.inuse = size;
	if ((flags & (SLAB_DESTROY_BY_RCU | SLAB_POISON)) || ctor) {
		l.offset = size;
		size += WORD;
	}
	if (flags & SLAB_STORE_USER)
		size += 2 * TRACK;
	if (flags & SLAB_RED_ZONE)
		size += WORD;
	l.size = ALIGN_UP(size, l.align);
	return l;
}

static void ctor(void *p)
{
	(void)p;
}

static void check_one(unsigned long objsize, unsigned long align,
		      unsigned long flags, bool with_ctor)
{
	struct layout l = model(objsize, align, flags, with_ctor);
	const struct slub_snap_cache *c;
	struct kmem_cache *s;
	long per;
	void *p;
	char name[64];

	snprintf(name, sizeof(name), "t-%lu-%lu-%lx%s", objsize, align, flags,
		 with_ctor ? "-ctor" : "");
	s = ex_cache(name, objsize, align, flags, with_ctor ? ctor : NULL);
	c = ex_snap(name);
	EX_CHECK(c->align == l.align,
		 "%s: align %u, expected %lu", name, c->align, l.align);
	EX_CHECK(c->size == l.size && ex_attr(s, "slab_size") == (long)l.size,
		 "%s: size %u, expected %lu", name, c->size, l.size);
	EX_CHECK(c->inuse == l.inuse, "%s: inuse %u, expected %lu", name,
		 c->inuse, l.inuse);
	EX_CHECK(c->offset == l.offset, "%s: offset %u, expected %lu", name,
		 c->offset, l.offset);
	EX_CHECK(!!(c->flags & __OBJECT_POISON) == l.poison,
		 "%s: __OBJECT_POISON is %s, expected %s", name,
		 (c->flags & __OBJECT_POISON) ? "set" : "clear",
		 l.poison ? "set" : "clear");
	per = ex_attr(s, "objs_per_slab");
	EX_CHECK(per == (long)((4096UL << c->order) / l.size),
		 "%s: objs_per_slab %ld does not match order %u and size %lu",
		 name, per, c->order, l.size);
	p = ex_alloc(s);
	EX_CHECK((unsigned long)p % l.align == 0, "%s: object %p not aligned",
		 name, p);
	kmem_cache_free(s, p);
	kmem_cache_destroy(s);
}

static const unsigned long sizes[] = {
	8, 9, 12, 16, 20, 24, 30, 32, 33, 60, 64, 65, 100, 128, 200, 256,
	500, 1000, 3000, 4096, 5000
};
#define NSIZES (sizeof(sizes) / sizeof(sizes[0]))

static void test_align_hwcache(void)
{
	unsigned int i;

	ex_start(2, true);
	for (i = 0; i < NSIZES; i++)
		check_one(sizes[i], 0, SLAB_HWCACHE_ALIGN, false);
	check_one(20, 128, SLAB_HWCACHE_ALIGN, false);
	ex_stop();
}

static void test_align_min(void)
{
	static const unsigned long aligns[] = { 0, 1, 2, 4, 8, 12, 16, 64, 256 };
	unsigned int i;

	ex_start(2, true);
	for (i = 0; i < sizeof(aligns) / sizeof(aligns[0]); i++) {
		check_one(24, aligns[i], 0, false);
		check_one(100, aligns[i], 0, false);
	}
	ex_stop();
}

static void test_sizes_plain(void)
{
	unsigned int i;

	ex_start(2, true);
	for (i = 0; i < NSIZES; i++)
		check_one(sizes[i], 0, 0, false);
	ex_stop();
}

static void test_sizes_ctor_rcu(void)
{
	unsigned int i;

	ex_start(2, true);
	for (i = 0; i < NSIZES; i++) {
		check_one(sizes[i], 0, 0, true);
		check_one(sizes[i], 0, SLAB_DESTROY_BY_RCU, false);
	}
	ex_stop();
}

static void test_sizes_debug(void)
{
	static const unsigned long flags[] = {
		SLAB_RED_ZONE, SLAB_POISON, SLAB_STORE_USER,
		SLAB_RED_ZONE | SLAB_POISON,
		SLAB_RED_ZONE | SLAB_POISON | SLAB_STORE_USER,
		SLAB_POISON | SLAB_DESTROY_BY_RCU,
	};
	unsigned int i, j;

	ex_start(2, true);
	for (i = 0; i < sizeof(flags) / sizeof(flags[0]); i++)
		for (j = 0; j < NSIZES; j++)
			check_one(sizes[j], 0, flags[i], false);
	check_one(24, 0, SLAB_POISON, true);
	check_one(40, 64, SLAB_RED_ZONE | SLAB_STORE_USER, false);
	ex_stop();
}

static void test_kmalloc_caches(void)
{
	static const char *const names[] = {
		"kmalloc-8", "kmalloc-64", "kmalloc-96", "kmalloc-192",
		"kmalloc-1024", "kmalloc-8192",
	};
	unsigned int i;

	ex_start(2, false);
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		const struct slub_snap_cache *c = ex_snap(names[i]);
		struct layout l = model(c->object_size, 0, 0, false);

		EX_CHECK(c->size == l.size && c->inuse == l.inuse &&
			 c->offset == 0,
			 "%s: size %u inuse %u offset %u, expected %lu %lu 0",
			 names[i], c->size, c->inuse, c->offset, l.size,
			 l.inuse);
	}
	ex_stop();
}

EX_SUITE("02", "alignment and object layout",
	{ "align_hwcache", 2, test_align_hwcache,
	  "SLAB_HWCACHE_ALIGN halves the line while the object fits" },
	{ "align_min", 1, test_align_min,
	  "alignment at least a word; larger requests kept" },
	{ "sizes_plain", 2, test_sizes_plain,
	  "plain caches: size, inuse, offset 0" },
	{ "sizes_ctor_rcu", 2, test_sizes_ctor_rcu,
	  "constructor and RCU caches keep the free pointer after the object" },
	{ "sizes_debug", 3, test_sizes_debug,
	  "red zone, poison and user tracking metadata" },
	{ "kmalloc_caches", 1, test_kmalloc_caches,
	  "the kmalloc caches are laid out the same way" });
