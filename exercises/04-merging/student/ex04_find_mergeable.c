/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Exercise 04: cache merging (book: "__kmem_cache_alias()" and
 * "find_mergeable(): a cache to share").
 *
 * Return a cache on slab_caches that can host a new cache of (size,
 * align, flags, name, ctor), or NULL. No merging at all with slab_nomerge,
 * SLUB_NEVER_MERGE flags or a constructor. Bring the request to the shape
 * its cache would have (size to a word, alignment by
 * calculate_alignment(), size to that alignment, flags through
 * kmem_cache_flags()); then a candidate must not be slab_unmergeable(),
 * must be at least as large, agree on SLUB_MERGE_SAME, have a size that is
 * a multiple of the alignment and waste less than a word per object. The
 * first candidate on the list wins.
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
