/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Exercise 01: free pointers. Book: "Free pointers" (sec:free-pointers).
 *
 * Contract. Three accessors of the link that a free object keeps to the
 * next free object of its list. Afterwards:
 *  - reading an object's link gives exactly the pointer last written to
 *    it, whatever cache layout (the link sits s->offset bytes into the
 *    object: at its start, or after it for caches that need the object's
 *    bytes while it is free);
 *  - the link is stored encoded when freelist hardening is on, and the
 *    encoding depends on where the link is stored: the same address must
 *    decode what it encoded;
 *  - the "safe" reader gives the same value but tolerates an object that
 *    another CPU may be reusing right now (the fast path reads ahead).
 * Invariant kept by every caller: a freelist ends in NULL and visits each
 * free object of its slab once.
 *
 * Generated from slub.nw <<Read and write the free pointer of an object>>
 * by exercises/scripts/skeleton.sh.
 */
#ifndef EXERCISE_TODO
#define EXERCISE_TODO(what)						\
	do {								\
		fprintf(stderr, "exercise: %s is not written yet\n", what); \
		abort();						\
	} while (0)
#endif
static inline void *get_freepointer(struct kmem_cache *s, void *object)
{
	(void)s;
	(void)object;
	EXERCISE_TODO("get_freepointer");
}

static __attribute__((no_sanitize("thread"))) void *
get_freepointer_safe(struct kmem_cache *s, void *object)
{
	(void)s;
	(void)object;
	EXERCISE_TODO("get_freepointer_safe");
}

static inline void set_freepointer(struct kmem_cache *s, void *object,
				   void *fp)
{
	(void)s;
	(void)object;
	(void)fp;
	EXERCISE_TODO("set_freepointer");
}
