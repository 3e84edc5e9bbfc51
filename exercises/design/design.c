// SPDX-License-Identifier: GPL-2.0-only
/*
 * The design exercise's allocator: the book's slub.c with the student's
 * free_bulk.c compiled at its end (found with -iquote), so that the
 * student's code sees the allocator's static functions, and exported as
 * design_kmem_cache_free_bulk().
 */
#include "slub.c"
#include "free_bulk.c"

void design_kmem_cache_free_bulk(struct kmem_cache *s, size_t size,
				 void **p);

void design_kmem_cache_free_bulk(struct kmem_cache *s, size_t size, void **p)
{
	design_free_bulk(s, size, p);
}
