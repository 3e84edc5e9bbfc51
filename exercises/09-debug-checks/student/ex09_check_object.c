/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Exercise 09: checking an object (book: "Checking an object").
 *
 * check_valid_pointer(): true if object is NULL or the start of an object
 * slot of page (page_address(page), page->objects slots of s->size).
 * check_object(): check object against state val (SLUB_RED_ACTIVE or
 * SLUB_RED_INACTIVE). With SLAB_RED_ZONE the bytes from object_size to
 * inuse must be val (check_bytes_and_report(..., "Redzone", ...), return
 * 0 if not); without a red zone but with SLAB_POISON, those bytes must be
 * POISON_INUSE ("Alignment padding", not fatal). With SLAB_POISON: a free
 * object (val != SLUB_RED_ACTIVE) of an __OBJECT_POISON cache holds
 * POISON_FREE in all but its last byte and POISON_END in the last
 * ("Poison"; return 0 if not); then check_pad_bytes(). Last, unless the
 * object is active and its free pointer is inside it (offset 0), its free
 * pointer must be valid: else object_err(s, page, p, "Freepointer
 * corrupt"), cut the list there (set it to NULL) and return 0. Return 1
 * when all is well.
 *
 * Generated from slub.nw <<Check an object's red zone, poison and free pointer: [[check_object]]>>
 * by exercises/scripts/skeleton.sh.
 */
#ifndef EXERCISE_TODO
#define EXERCISE_TODO(what)						\
	do {								\
		fprintf(stderr, "exercise: %s is not written yet\n", what); \
		abort();						\
	} while (0)
#endif
static int check_valid_pointer(struct kmem_cache *s, struct page *page,
			       const void *object)
{
	(void)s;
	(void)page;
	(void)object;
	(void)check_pad_bytes;
	EXERCISE_TODO("check_valid_pointer");
}

static int check_object(struct kmem_cache *s, struct page *page,
			void *object, u8 val)
{
	(void)s;
	(void)page;
	(void)object;
	(void)val;
	(void)check_pad_bytes;
	EXERCISE_TODO("check_object");
}
