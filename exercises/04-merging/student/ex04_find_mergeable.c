/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Exercise 04: cache merging. Book: "find_mergeable(): a cache to
 * share" (sec:find-mergeable) and "__kmem_cache_alias()" (sec:alias).
 *
 * Contract. Return an existing cache that can host a new cache of (size,
 * align, flags, name, ctor), or NULL. Afterwards:
 *  - nothing merges when merging is off, for flags that forbid it, or
 *    with a constructor;
 *  - the request is compared in the shape its own cache would have
 *    (size, alignment and flags as cache creation would set them);
 *  - a host is itself mergeable, at least as large, agrees on the flags
 *    that must match, keeps the new cache's alignment and wastes less
 *    than a word per object;
 *  - among the hosts, the first one on the cache list wins.
 *
 * Generated from slub.nw <<Search [[slab_caches]] for a cache to merge with: [[find_mergeable]]>>
 * by exercises/scripts/skeleton.sh.
 */
#ifndef EXERCISE_TODO
#define EXERCISE_TODO(what)						\
	do {								\
		fprintf(stderr, "exercise: %s is not written yet\n", what); \
		abort();						\
	} while (0)
#endif
static struct kmem_cache *find_mergeable(size_t size, size_t align,
					 unsigned long flags, const char *name,
					 void (*ctor)(void *))
{
	(void)size;
	(void)align;
	(void)flags;
	(void)name;
	(void)ctor;
	EXERCISE_TODO("find_mergeable");
}
