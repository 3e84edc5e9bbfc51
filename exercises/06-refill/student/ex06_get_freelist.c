/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Exercise 06: refilling the CPU (book: "__slab_alloc()").
 *
 * get_freelist(): take the whole freelist of the cpu slab page (objects
 * other CPUs freed into it) in one __cmpxchg_double_slab(s, page,
 * old_freelist, old_counters, NULL, new_counters, "get_freelist"), retried
 * until it succeeds: all objects become in use (inuse = objects) and the
 * slab stays frozen only if there was a freelist. Return the freelist
 * taken (NULL if there was none). struct page new; new.counters = ...
 * gives access to the inuse, objects and frozen bit-fields.
 *
 * Generated from slub.nw <<Take all objects of the cpu slab's own freelist: [[get_freelist]]>>
 * by exercises/scripts/skeleton.sh.
 */
#ifndef EXERCISE_TODO
#define EXERCISE_TODO(what)						\
	do {								\
		fprintf(stderr, "exercise: %s is not written yet\n", what); \
		abort();						\
	} while (0)
#endif
static inline void *get_freelist(struct kmem_cache *s, struct page *page)
{
	(void)s;
	(void)page;
	EXERCISE_TODO("get_freelist");
}
