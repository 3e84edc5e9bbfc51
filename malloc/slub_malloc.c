// SPDX-License-Identifier: GPL-2.0-only
/*
 * slub_malloc.c - the C library's allocation interface on SLUB, built
 * into build/libslub-malloc.so for LD_PRELOAD:
 *
 *	LD_PRELOAD=build/libslub-malloc.so prog
 *	SLUB_DEBUG=FZPU LD_PRELOAD=build/libslub-malloc.so prog
 *
 * Every function maps onto the kernel's interface (slub.nw, section
 * "Running real programs on SLUB"): sizes up to the largest kmalloc
 * cache go to kmalloc, larger ones to the page allocator as kmalloc_large
 * does, and what no block of the page allocator holds to vmalloc, which
 * maps it from the operating system. The allocator starts itself on the
 * first call, with the options of the environment (SLUB_DEBUG,
 * SLUB_ARENA), and makes itself safe across fork(). It calls no C library
 * allocator, so there is nothing to guard against re-entry.
 *
 * Semantics follow glibc 2.36, which this library replaces: 16-byte
 * alignment, malloc(0) a unique pointer, free(NULL) nothing,
 * realloc(p, 0) frees p and returns NULL, ENOMEM on failure, EINVAL for
 * an alignment that is not a power of two.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#pragma GCC visibility push(hidden)
#include "slub.h"
#pragma GCC visibility pop

#define EXPORT		__attribute__((visibility("default")))
#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)
#define CALLER		((unsigned long)__builtin_return_address(0))

#define MALLOC_ALIGN	KMALLOC_MIN_SIZE	/* 16 in this build */
#define PAGE_BYTES	4096UL
#define MAX_BLOCK	(PAGE_BYTES << 10)	/* the largest buddy block */
#define GFP		(GFP_KERNEL | __GFP_NOWARN)

_Static_assert(KMALLOC_MIN_SIZE == 16, "built without CONFIG_SLUB_MALLOC");

/*
 * The allocator never calls back into these functions. A test build
 * (-DSLUB_MALLOC_CHECK_REENTRY) proves it: each function counts itself
 * in and out, and an entry while another is still running on the same
 * thread ends the process with a message. It is a check, not a guard:
 * the normal build has none.
 */
#ifdef SLUB_MALLOC_CHECK_REENTRY
#include <stdlib.h>
#include <unistd.h>
static __thread int depth;

static int reentry_enter(const char *fn)
{
	static const char msg[] = "libslub-malloc: re-entered from within "
				  "the allocator: ";

	if (depth++) {
		if (write(2, msg, sizeof(msg) - 1) > 0 &&
		    write(2, fn, strlen(fn)) > 0)
			(void)!write(2, "\n", 1);
		abort();
	}
	return 0;
}

static void reentry_leave(int *unused)
{
	(void)unused;
	depth--;
}

#define NO_REENTRY \
	int no_reentry __attribute__((cleanup(reentry_leave), unused)) = \
		reentry_enter(__func__)
#else
#define NO_REENTRY do { } while (0)
#endif

/* Memory for size bytes, aligned to 16, or NULL with errno set. */
static inline void *slub_alloc(size_t size, unsigned long caller)
{
	void *p;

	if (likely(size <= KMALLOC_MAX_CACHE_SIZE))
		p = __kmalloc_track_caller(size ? size : 1, GFP, caller);
	else
		p = kvmalloc(size, GFP);
	if (unlikely(!p))
		errno = ENOMEM;
	return p;
}

/* The bytes the caller may use at p (0 for NULL). */
static size_t usable_size(const void *p)
{
	size_t n;

	if (!p)
		return 0;
	n = ksize(p);
	return n ? n : vmalloc_size(p);
}

/*
 * An alignment above 16: a kmalloc of the power of two that covers both
 * size and alignment is aligned to that power (the kmalloc caches of this
 * build are, even when debugged, and a buddy block of order k is aligned
 * to 2^k pages); what no buddy block holds is mapped aligned.
 */
static void *slub_alloc_aligned(size_t align, size_t size,
				unsigned long caller)
{
	size_t n = size > align ? size : align;
	void *p = NULL;

	if (align <= MALLOC_ALIGN)
		return slub_alloc(size, caller);
	if (n <= MAX_BLOCK) {
		n = (size_t)1 << (64 - __builtin_clzl(n - 1));
		p = __kmalloc_track_caller(n, GFP, caller);
	}
	if (!p && n > PAGE_BYTES)
		p = vmalloc_align(size ? size : 1, align);
	if (unlikely(!p))
		errno = ENOMEM;
	return p;
}

EXPORT void *malloc(size_t size)
{
	NO_REENTRY;
	return slub_alloc(size, CALLER);
}

EXPORT void free(void *p)
{
	NO_REENTRY;
	if (likely(p))
		__kvfree_track_caller(p, CALLER);
}

EXPORT void *calloc(size_t nmemb, size_t size)
{
	NO_REENTRY;
	size_t n;
	void *p;

	if (unlikely(__builtin_mul_overflow(nmemb, size, &n))) {
		errno = ENOMEM;
		return NULL;
	}
	p = slub_alloc(n, CALLER);
	/* fresh mappings are zero already */
	if (likely(p) && (n <= KMALLOC_MAX_CACHE_SIZE || !is_vmalloc_addr(p)))
		memset(p, 0, n);
	return p;
}

/*
 * Growing or shrinking by less than half stays in place when the object
 * has room, as krealloc does; a mapped area is remapped; anything else is
 * a new object and a copy. The old object survives a failure.
 */
static void *slub_realloc(void *p, size_t size, unsigned long caller)
{
	size_t old;
	void *q;

	if (!p)
		return slub_alloc(size, caller);
	if (!size) {
		__kvfree_track_caller(p, caller);
		return NULL;
	}
	if (unlikely(is_vmalloc_addr(p))) {
		q = vrealloc(p, size);
		if (!q)
			errno = ENOMEM;
		return q;
	}
	old = ksize(p);
	if (!old) {
		/* not ours: let kfree report it, and fail */
		__kvfree_track_caller(p, caller);
		errno = EINVAL;
		return NULL;
	}
	if (size <= old && size > old / 2)
		return p;
	q = slub_alloc(size, caller);
	if (q) {
		memcpy(q, p, size < old ? size : old);
		__kvfree_track_caller(p, caller);
	}
	return q;
}

EXPORT void *realloc(void *p, size_t size)
{
	NO_REENTRY;
	return slub_realloc(p, size, CALLER);
}

EXPORT void *reallocarray(void *p, size_t nmemb, size_t size)
{
	NO_REENTRY;
	size_t n;

	if (unlikely(__builtin_mul_overflow(nmemb, size, &n))) {
		errno = ENOMEM;
		return NULL;
	}
	return slub_realloc(p, n, CALLER);
}

EXPORT int posix_memalign(void **memptr, size_t align, size_t size)
{
	NO_REENTRY;
	int saved = errno;
	void *p;

	if (align < sizeof(void *) || (align & (align - 1)))
		return EINVAL;
	p = slub_alloc_aligned(align, size, CALLER);
	errno = saved;		/* the result is the error, not errno */
	if (!p)
		return ENOMEM;
	*memptr = p;
	return 0;
}

EXPORT void *aligned_alloc(size_t align, size_t size)
{
	NO_REENTRY;
	if (!align || (align & (align - 1))) {
		errno = EINVAL;
		return NULL;
	}
	return slub_alloc_aligned(align, size, CALLER);
}

/* glibc's memalign rounds an alignment that is not a power of two up. */
static void *slub_memalign(size_t align, size_t size, unsigned long caller)
{
	if (align > SIZE_MAX / 2 + 1) {
		errno = EINVAL;
		return NULL;
	}
	if (align & (align - 1))
		align = (size_t)1 << (64 - __builtin_clzl(align));
	return slub_alloc_aligned(align, size, caller);
}

EXPORT void *memalign(size_t align, size_t size)
{
	NO_REENTRY;
	return slub_memalign(align, size, CALLER);
}

EXPORT void *valloc(size_t size)
{
	NO_REENTRY;
	return slub_memalign(PAGE_BYTES, size, CALLER);
}

EXPORT void *pvalloc(size_t size)
{
	NO_REENTRY;
	if (size > SIZE_MAX - PAGE_BYTES) {
		errno = ENOMEM;
		return NULL;
	}
	return slub_memalign(PAGE_BYTES, (size + PAGE_BYTES - 1) &
			     ~(PAGE_BYTES - 1), CALLER);
}

EXPORT size_t malloc_usable_size(void *p)
{
	NO_REENTRY;
	return usable_size(p);
}
