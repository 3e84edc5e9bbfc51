/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Shared helpers of the Check suites: fixtures that start and stop the
 * allocator and prove that a test left nothing behind, readers for the
 * sysfs-style attributes, snapshot look-ups, and an independent model of
 * the Linux 3.18 geometry formulas (calculate_alignment, calculate_sizes,
 * calculate_order, set_min_partial, the cpu_partial rule).
 */
#ifndef SLUB_TEST_H
#define SLUB_TEST_H

#include <check.h>
#include <stdbool.h>
#include <stddef.h>

#include "slub.h"

/* The kernel's constants on x86-64, as the tests assume them. */
#define T_PAGE_SHIFT		12
#define T_PAGE_SIZE		(1UL << T_PAGE_SHIFT)
#define T_MAX_ORDER		11
#define T_MAX_OBJS_PER_PAGE	32767
#define T_CACHE_LINE		64
#define T_ARCH_SLAB_MINALIGN	8
#define T_MIN_PARTIAL		5
#define T_MAX_PARTIAL		10
/* include/linux/slab.h of 3.18, CONFIG_SLUB: MAX_ORDER + PAGE_SHIFT */
#define T_KMALLOC_SHIFT_MAX	(T_MAX_ORDER + T_PAGE_SHIFT)
#define T_KMALLOC_MAX_SIZE	(1UL << T_KMALLOC_SHIFT_MAX)
#define T_KMALLOC_MAX_CACHE_SIZE (2 * T_PAGE_SIZE)
#define T_ZERO_SIZE_PTR		((void *)16)

/*
 * struct track of 3.18 with CONFIG_STACKTRACE (as distribution kernels
 * build it, and as this port defines it): { unsigned long addr; unsigned
 * long addrs[TRACK_ADDRS_COUNT = 16]; int cpu; int pid; unsigned long
 * when; }, 152 bytes on x86-64. Without CONFIG_STACKTRACE it is 24 bytes:
 * build with -DT_TRACK_SIZE=24 for such a port.
 */
#ifndef T_TRACK_SIZE
#define T_TRACK_SIZE		(8 + 16 * 8 + 4 + 4 + 8)
#endif
/* need_reserve_slab_rcu: sizeof(page->lru) < sizeof(struct rcu_head) */
#ifndef T_RCU_RESERVED
#define T_RCU_RESERVED		0
#endif

#define T_DEBUG_FLAGS	(SLAB_RED_ZONE | SLAB_POISON | SLAB_STORE_USER | \
			 SLAB_TRACE | SLAB_DEBUG_FREE)

/* ------------------------------------------------------------ fixtures */
/*
 * Every fixture starts the allocator with simulated CPUs and records, per
 * cache, how many objects are allocated; the teardown checks the
 * invariants, that every cache the test created is gone, that every
 * surviving cache holds exactly the objects it held at the start, that no
 * large kmalloc pages are left and that the slab pages add up to the
 * slabs of the surviving caches. Then slub_shutdown().
 */
void t_start(const struct slub_config *cfg);
void t_finish(void);

void t_setup(void);		/* simulated, 2 CPUs */
void t_setup_nomerge(void);	/* ... and slub_nomerge */
void t_setup_1cpu(void);	/* simulated, 1 CPU */
void t_teardown(void);

/* ------------------------------------------------------------ readers */
/* slab_attr_show() into buf (SLAB_ATTR_BUFSIZE), asserting success. */
const char *t_attr(struct kmem_cache *s, const char *attr, char *buf);
long t_attr_long(struct kmem_cache *s, const char *attr);
/* A statistics file: the total, and one CPU's " Cn=" term (0 if absent). */
unsigned long t_stat(struct kmem_cache *s, const char *item);
unsigned long t_stat_cpu(struct kmem_cache *s, const char *item, int cpu);
/* Assert the exact text of a stat file's line, without its newline. */
void t_stat_text(struct kmem_cache *s, const char *item, const char *text);

/*
 * Run fn(arg) in a child process with its stderr captured: for the paths
 * that print a kernel message or do not return (SLAB_PANIC).
 */
struct t_captured {
	int status;
	char out[8192];
};
void t_run_captured(void (*fn)(void *), void *arg, struct t_captured *c);

/* ------------------------------------------------------------ snapshots */
int t_snap_slab_of(const struct slub_snap_cache *c, const void *p);
int t_snap_obj_index(const struct slub_snap_cache *c, int slab, const void *p);
unsigned long t_snap_allocated(const struct slub_snap_cache *c);
int t_snap_count_where(const struct slub_snap_cache *c,
		       enum slub_slab_where where);
/* The snapshot entry of the cache s (by the name s carries). */
const struct slub_snap_cache *t_snap_cache(const struct slub_snapshot *snap,
					   struct kmem_cache *s);

/* Free nothing, shrink, assert the cache holds no slab, destroy it. */
void t_shrink_destroy(struct kmem_cache *s);

/* ------------------------------------------------------------ kernel model */
struct t_geom {
	unsigned int object_size, size, align, offset, inuse, reserved;
	int order, objects, min_order, min_objects;
	unsigned long min_partial;
	unsigned int cpu_partial;
	unsigned long flags;	/* after calculate_sizes: __OBJECT_POISON */
};

int t_fls(unsigned long x);
int t_get_order(unsigned long size);
unsigned long t_calculate_alignment(unsigned long flags, unsigned long align,
				    unsigned long size);
/*
 * kmem_cache_open() for a cache created by kmem_cache_create(name, size,
 * align, flags, ctor) on a machine with nr_cpus CPUs: returns false when the
 * kernel fails the creation (no order fits), true and the layout otherwise.
 */
bool t_kernel_geometry(unsigned long size, unsigned long align,
		       unsigned long flags, bool ctor, int nr_cpus,
		       int max_order, struct t_geom *g);
/* The kmalloc class serving a request of size bytes (0 < size <= 8192). */
unsigned int t_kmalloc_class(size_t size);

/* ------------------------------------------------------------ suites */
Suite *create_suite(void);
Suite *alloc_suite(void);
Suite *random_suite(void);
Suite *scenario_suite(void);
Suite *stress_suite(void);
Suite *events_suite(void);
Suite *debug_suite(void);
Suite *stats_suite(void);
Suite *eventlog_suite(void);
Suite *palette_suite(void);
Suite *sheaves_suite(void);

#include "stress.h"

#endif
