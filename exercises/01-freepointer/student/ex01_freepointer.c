/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Exercise 01: free pointers (book: "Free pointers").
 *
 * Write get_freepointer(), get_freepointer_safe() and set_freepointer().
 * A free object holds the address of the next free object at s->offset
 * bytes from its start. Every stored value goes through
 * freelist_ptr(s, ptr, addr) (already written, just above this file in
 * the allocator), where addr is the address of the slot itself: with
 * freelist hardening it XORs the pointer with a secret and with addr,
 * so reading must decode with the same addr that writing used.
 * get_freepointer_safe() reads like get_freepointer(), but through a
 * volatile pointer: the object may belong to another thread by now.
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
