/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Exercise 09: checking an object. Book: "Checking an object"
 * (sec:check-object).
 *
 * Contract. check_valid_pointer(): true for NULL or the exact start of
 * an object slot of the slab. check_object(): verify object against the
 * state val (active or inactive) and return 1 if all is well, 0 if the
 * object must not be used. Afterwards every corruption that the cache's
 * debug flags can see has been reported the kernel's way (one report per
 * damaged area, naming it: "Redzone", "Alignment padding", "Poison",
 * "Freepointer corrupt") and the damaged bytes restored, and:
 *  - red zones must hold the red-zone value of the state; without red
 *    zones, the alignment padding must hold the in-use poison (not fatal);
 *  - a poisoned free object must hold the free poison with the end
 *    marker in its last byte; the padding after the metadata is checked;
 *  - a free pointer that is not valid is reported and the freelist is
 *    cut there (the object is not active, or its pointer lies outside it).
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
	EXERCISE_TODO("check_valid_pointer");
}

static int check_object(struct kmem_cache *s, struct page *page,
			void *object, u8 val)
{
	(void)s;
	(void)page;
	(void)object;
	(void)val;
	EXERCISE_TODO("check_object");
}
