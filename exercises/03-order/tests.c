// SPDX-License-Identifier: GPL-2.0-only
/*
 * Exercise 03: slab orders. The expected order of each cache comes from
 * this file's own model of Linux 3.18's slab_order() and
 * calculate_order() (PAGE_SIZE 4096, slub_max_order 3 unless
 * configured, MAX_ORDER 11), compared with the attributes "order" and
 * "objs_per_slab".
 */
#include <stdio.h>

#include "grade.h"

#define PAGE	4096L

static int fls_(unsigned long x)
{
	return x ? 64 - __builtin_clzl(x) : 0;
}

static long objs(int order, long size)
{
	return (PAGE << order) / size;
}

static int model_slab_order(long size, int min_objects, int max_order,
			    int fract)
{
	int order = fls_(min_objects * size - 1) - 12;

	if (order < 0)
		order = 0;
	if (objs(0, size) > 32767)
		return fls_((size * 32767 - 1) >> 12) - 1;
	for (; order <= max_order; order++) {
		long slab = PAGE << order;

		if (slab < min_objects * size)
			continue;
		if (slab % size <= slab / fract)
			break;
	}
	return order;
}

static int model_order(long size, int nr_cpus, int max_order, int min_objs)
{
	int min_objects = min_objs ? min_objs : 4 * (fls_(nr_cpus) + 1);
	int order, fract;

	if (min_objects > objs(max_order, size))
		min_objects = objs(max_order, size);
	for (; min_objects > 1; min_objects--)
		for (fract = 16; fract >= 4; fract /= 2) {
			order = model_slab_order(size, min_objects, max_order,
						 fract);
			if (order <= max_order)
				return order;
		}
	order = model_slab_order(size, 1, max_order, 1);
	if (order <= max_order)
		return order;
	return model_slab_order(size, 1, 11, 1);
}

static int nchecked;

static void check_size(long size, int nr_cpus, int max_order, int min_objs)
{
	int order = model_order(size, nr_cpus, max_order, min_objs);
	struct kmem_cache *s;
	char name[32];
	long o, n;

	snprintf(name, sizeof(name), "t%ld", size);
	s = ex_cache(name, size, 8, 0, NULL);
	o = ex_attr(s, "order");
	n = ex_attr(s, "objs_per_slab");
	EX_CHECK(o == order && n == objs(order, size),
		 "%ld-byte objects (%d CPUs, max_order %d, min_objects %d): "
		 "order %ld with %ld objects, expected order %d with %ld",
		 size, nr_cpus, max_order, min_objs, o, n, order,
		 objs(order, size));
	kmem_cache_destroy(s);
	nchecked++;
}

static void sweep(int nr_cpus, int max_order, int min_objs, long step)
{
	struct slub_config cfg = {
		.nr_cpus = nr_cpus, .simulated = true, .nomerge = true,
		.slub_debug = "-", .max_order = max_order,
		.min_objects = min_objs,
	};
	long size;

	ex_start_cfg(&cfg);
	for (size = 8; size <= 8192; size += step)
		check_size(size, nr_cpus, max_order ? max_order : 3, min_objs);
	ex_stop();
}

static void test_orders_2cpus(void)
{
	sweep(2, 0, 0, 8);
}

static void test_orders_cpus(void)
{
	sweep(1, 0, 0, 24);
	sweep(4, 0, 0, 24);
	sweep(8, 0, 0, 40);
}

static void test_max_order(void)
{
	sweep(2, 1, 0, 24);
	sweep(2, 5, 0, 40);
}

static void test_min_objects(void)
{
	sweep(2, 0, 30, 24);
	sweep(2, 0, 4, 40);
}

static void test_large(void)
{
	static const long sizes[] = { 10000, 16384, 20000, 32768, 40000,
				      100000, 300000 };
	unsigned int i;

	ex_start(2, true);
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++)
		check_size(sizes[i], 2, 3, 0);
	ex_stop();
}

static void test_kmalloc(void)
{
	char name[32];
	int i;

	ex_start(2, false);
	for (i = 3; i <= 13; i++) {
		struct kmem_cache *s;
		int order = model_order(1L << i, 2, 3, 0);

		snprintf(name, sizeof(name), "kmalloc-%d", 1 << i);
		s = slub_find_cache(name);
		EX_CHECK(s, "no cache %s", name);
		EX_CHECK(ex_attr(s, "order") == order,
			 "%s: order %ld, expected %d", name,
			 ex_attr(s, "order"), order);
	}
	ex_stop();
}

EX_SUITE("03", "slab order",
	{ "orders_2cpus", 3, test_orders_2cpus,
	  "every size from 8 to 8192 bytes on 2 CPUs" },
	{ "orders_cpus", 2, test_orders_cpus,
	  "min_objects grows with the number of CPUs" },
	{ "max_order", 2, test_max_order, "slub_max_order 1 and 5" },
	{ "min_objects", 1, test_min_objects, "slub_min_objects 30 and 4" },
	{ "large", 1, test_large,
	  "objects too large for slub_max_order" },
	{ "kmalloc", 1, test_kmalloc, "the kmalloc caches" });
