/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Exercise 02: the layout of an object (book: "calculate_sizes(): the
 * layout of an object").
 *
 * From s->object_size, s->flags, s->ctor, s->align and s->reserved set
 * s->flags' __OBJECT_POISON bit, s->inuse, s->offset, s->size, then pick the
 * order (forced_order if >= 0, else calculate_order(size, s->reserved);
 * fail if negative) and record it: s->allocflags (__GFP_COMP for order > 0,
 * __GFP_DMA, __GFP_RECLAIMABLE), s->oo = oo_make(order, size, reserved),
 * s->min = oo_make(get_order(size), ...), s->max = s->oo if it holds more
 * objects. Return nonzero when a slab holds at least one object.
 * Layout: object rounded to a word; with SLAB_RED_ZONE and no room left by
 * rounding, one word of red zone; inuse ends here; the free pointer after
 * it for RCU, poison or a constructor (else offset 0); two struct track
 * with SLAB_STORE_USER; one more word with SLAB_RED_ZONE; then round up
 * to s->align.
 *
 * Generated from slub.nw <<Lay out an object and its metadata: [[calculate_sizes]]>>
 * by exercises/scripts/skeleton.sh.
 */
#ifndef EXERCISE_TODO
#define EXERCISE_TODO(what)						\
	do {								\
		fprintf(stderr, "exercise: %s is not written yet\n", what); \
		abort();						\
	} while (0)
#endif
static int calculate_sizes(struct kmem_cache *s, int forced_order)
{
	(void)s;
	(void)forced_order;
	EXERCISE_TODO("calculate_sizes");
}
