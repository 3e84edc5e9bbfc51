// SPDX-License-Identifier: GPL-2.0-only
/*
 * The sheaf design exercise's allocator: the book's slub.c with the
 * student's sheaf.c compiled at its end (found with -iquote). The book's
 * own refill and flush, and the helpers that do their batching, are not
 * the student's to call: a call names an undeclared function and the
 * compiler says which. The grader and the benchmark reach both designs
 * through the functions below.
 */
#include "slub.c"

#define refill_sheaf(...)		not_yours_to_call_refill_sheaf
#define refill_objects(...)		not_yours_to_call_refill_objects
#define take_objects(...)		not_yours_to_call_take_objects
#define take_new_slab_objects(...) \
	not_yours_to_call_take_new_slab_objects
#define sheaf_flush(...)		not_yours_to_call_sheaf_flush
#define slab_free_chain(...)		not_yours_to_call_slab_free_chain
#include "sheaf.c"
#undef refill_sheaf
#undef refill_objects
#undef take_objects
#undef take_new_slab_objects
#undef sheaf_flush
#undef slab_free_chain

#include "sheaf_api.h"

struct slab_sheaf *design_sheaf_new(struct kmem_cache *s)
{
	return alloc_empty_sheaf(s, s->sheaf_capacity, GFP_KERNEL);
}

void design_sheaf_free(struct kmem_cache *s, struct slab_sheaf *sheaf)
{
	free_empty_sheaf(s, sheaf);
}

unsigned int design_sheaf_size(const struct slab_sheaf *sheaf)
{
	return sheaf->size;
}

void *design_sheaf_object(const struct slab_sheaf *sheaf, unsigned int i)
{
	return i < sheaf->size ? sheaf->objects[i] : NULL;
}

bool design_sheaf_put(struct slab_sheaf *sheaf, void *object)
{
	if (sheaf->size == sheaf->capacity)
		return false;
	sheaf->objects[sheaf->size++] = object;
	return true;
}

unsigned int design_refill(struct kmem_cache *s, struct slab_sheaf *sheaf)
{
	return design_sheaf_refill(s, sheaf, GFP_KERNEL);
}

void design_flush(struct kmem_cache *s, struct slab_sheaf *sheaf)
{
	design_sheaf_flush(s, sheaf);
}

unsigned int book_refill(struct kmem_cache *s, struct slab_sheaf *sheaf)
{
	return refill_sheaf(s, sheaf, GFP_KERNEL);
}

void book_flush(struct kmem_cache *s, struct slab_sheaf *sheaf)
{
	sheaf_flush(s, sheaf);
}
