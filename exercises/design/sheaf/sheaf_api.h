/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the sheaf design exercise's tests and benchmark see of the
 * allocator (design.c): detached sheaves of a cache with sheaves, the
 * student's refill and flush, and the book's, for the comparison.
 */
#ifndef DESIGN_SHEAF_API_H
#define DESIGN_SHEAF_API_H

#include <stdbool.h>
#include "slub.h"

struct slab_sheaf *design_sheaf_new(struct kmem_cache *s);	/* empty */
void design_sheaf_free(struct kmem_cache *s, struct slab_sheaf *sheaf);
unsigned int design_sheaf_size(const struct slab_sheaf *sheaf);
void *design_sheaf_object(const struct slab_sheaf *sheaf, unsigned int i);
bool design_sheaf_put(struct slab_sheaf *sheaf, void *object);
unsigned int design_refill(struct kmem_cache *s, struct slab_sheaf *sheaf);
void design_flush(struct kmem_cache *s, struct slab_sheaf *sheaf);
unsigned int book_refill(struct kmem_cache *s, struct slab_sheaf *sheaf);
void book_flush(struct kmem_cache *s, struct slab_sheaf *sheaf);

#endif
