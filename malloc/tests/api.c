// SPDX-License-Identifier: GPL-2.0-only
/*
 * api.c - the C allocation interface keeps its documented contract
 * (glibc manual, POSIX): alignment, errno, zero sizes, overflow, realloc
 * keeping the contents, sizes from a byte to beyond the page allocator.
 * It runs on whatever malloc the process has; test-malloc.sh runs it on
 * glibc (which proves the test) and on SLUB by LD_PRELOAD, and it prints
 * which library provides malloc so that the script can check.
 *
 * Usage: api [-a]	(-a: only what a small arena must still do)
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dlfcn.h>
#include <errno.h>
#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int failures, checks;
static int on_glibc;		/* the process's malloc is the C library's */

#define CHECK(cond, ...) do {						\
	checks++;							\
	if (!(cond)) {							\
		failures++;						\
		fprintf(stderr, "api.c:%d: %s: ", __LINE__, #cond);	\
		fprintf(stderr, __VA_ARGS__);				\
		fputc('\n', stderr);					\
	}								\
} while (0)

/* A value the compiler cannot see through: it would warn about the
 * impossible sizes and the pointer kept after a failed realloc. */
static size_t opaque(size_t x)
{
	__asm__ volatile("" : "+r" (x));
	return x;
}

static int aligned(const void *p, size_t a)
{
	return ((uintptr_t)p & (a - 1)) == 0;
}

static void fill(unsigned char *p, size_t n, unsigned seed)
{
	size_t i;

	for (i = 0; i < n; i++)
		p[i] = (unsigned char)(i * 31 + seed);
}

static int filled(const unsigned char *p, size_t n, unsigned seed)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] != (unsigned char)(i * 31 + seed))
			return 0;
	return 1;
}

/* Every size class and the large ones: alignment, usable size, contents. */
static void test_malloc_sizes(void)
{
	static const size_t sizes[] = {
		1, 7, 8, 9, 15, 16, 17, 24, 31, 32, 33, 48, 63, 64, 65, 80,
		96, 97, 127, 128, 129, 160, 192, 193, 255, 256, 257, 511, 512,
		1000, 1024, 2047, 2048, 3000, 4096, 4097, 8191, 8192, 8193,
		12288, 65536, 100000, 1 << 20, (1 << 20) + 1, 3 << 20,
		4 << 20, (4 << 20) + 1, 9 << 20, 64 << 20,
	};
	void *p[sizeof(sizes) / sizeof(sizes[0])];
	size_t i;

	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		p[i] = malloc(sizes[i]);
		CHECK(p[i], "malloc(%zu) failed", sizes[i]);
		if (!p[i])
			continue;
		CHECK(aligned(p[i], 16), "malloc(%zu) = %p", sizes[i], p[i]);
		CHECK(malloc_usable_size(p[i]) >= sizes[i],
		      "usable %zu < %zu", malloc_usable_size(p[i]), sizes[i]);
		fill(p[i], sizes[i], (unsigned)i);
	}
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		if (!p[i])
			continue;
		CHECK(filled(p[i], sizes[i], (unsigned)i),
		      "malloc(%zu): contents changed", sizes[i]);
		free(p[i]);
	}
}

/* malloc(0) is a unique, freeable pointer; free(NULL) does nothing. */
static void test_zero(void)
{
	void *a = malloc(0), *b = malloc(0), *c;
	int e;

	CHECK(a && b && a != b, "malloc(0): %p %p", a, b);
	free(a);
	free(b);
	free(NULL);
	c = calloc(0, 5);
	CHECK(c != NULL, "calloc(0, 5) = NULL");
	free(c);
	a = malloc(10);
	errno = 0;
	c = realloc(a, 0);	/* glibc frees and returns NULL */
	e = errno;
	CHECK(c == NULL, "realloc(p, 0) = %p", c);
	CHECK(e == 0, "realloc(p, 0): errno %d", e);
	c = realloc(NULL, 40);
	CHECK(c && aligned(c, 16), "realloc(NULL, 40) = %p", c);
	free(c);
}

/* Sizes nobody can have fail with ENOMEM; the old block survives. */
static void test_failures(void)
{
	uintptr_t kept;
	void *p, *q;

	errno = 0;
	p = malloc(opaque(SIZE_MAX - 4096));
	CHECK(!p && errno == ENOMEM, "malloc(huge) = %p, errno %d", p, errno);
	errno = 0;
	p = calloc(opaque(SIZE_MAX / 2), 3);
	CHECK(!p && errno == ENOMEM, "calloc overflow = %p, errno %d", p,
	      errno);
	errno = 0;
	p = calloc(opaque((size_t)1 << 33), opaque((size_t)1 << 33));
	CHECK(!p && errno == ENOMEM, "calloc 2^66 = %p, errno %d", p, errno);
	p = malloc(100);
	fill(p, 100, 3);
	kept = (uintptr_t)p;	/* survives the failed reallocs */
	errno = 0;
	q = realloc(p, opaque(SIZE_MAX - 4096));
	p = (void *)opaque(kept);
	CHECK(!q && errno == ENOMEM, "realloc(huge) = %p, errno %d", q,
	      errno);
	CHECK(filled(p, 100, 3), "realloc failure changed the block");
	errno = 0;
	q = reallocarray(p, opaque(SIZE_MAX / 4), 8);
	p = (void *)opaque(kept);
	CHECK(!q && errno == ENOMEM, "reallocarray overflow = %p, errno %d",
	      q, errno);
	q = reallocarray(p, 10, 20);
	CHECK(q && filled(q, 100, 3), "reallocarray(p, 10, 20) = %p", q);
	free(q);
	errno = 0;
	p = pvalloc(opaque(SIZE_MAX - 10));
	CHECK(!p && errno == ENOMEM, "pvalloc(huge) = %p, errno %d", p,
	      errno);
}

/* calloc zeroes, also memory that was used and freed before. */
static void test_calloc(void)
{
	static const size_t sizes[] = { 1, 24, 100, 4096, 9000, 300000,
					5 << 20 };
	size_t i, j;

	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		unsigned char *p = malloc(sizes[i]), *q;

		memset(p, 0xee, sizes[i]);
		free(p);
		q = calloc(1, sizes[i]);
		CHECK(q, "calloc(1, %zu) failed", sizes[i]);
		for (j = 0; q && j < sizes[i]; j++)
			if (q[j]) {
				CHECK(0, "calloc(%zu): byte %zu is %#x",
				      sizes[i], j, q[j]);
				break;
			}
		free(q);
	}
}

/* realloc keeps the contents up to the smaller size, across classes,
 * from slabs to pages to mappings and back. */
static void test_realloc(void)
{
	static const size_t steps[] = { 5, 16, 17, 100, 1000, 5000, 9000,
					70000, 2 << 20, 6 << 20, 40 << 20,
					7 << 20, 3 << 20, 300, 20, 1 };
	unsigned char *p = NULL;
	size_t i, have = 0;

	for (i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		size_t keep = have < steps[i] ? have : steps[i];
		unsigned char *q = realloc(p, steps[i]);

		CHECK(q, "realloc to %zu failed", steps[i]);
		if (!q)
			break;
		CHECK(aligned(q, 16), "realloc(%zu) = %p", steps[i], q);
		CHECK(filled(q, keep, 7), "realloc to %zu lost data", steps[i]);
		fill(q, steps[i], 7);
		p = q;
		have = steps[i];
	}
	free(p);
}

/* The aligned family: every power of two from 8 to 8 MiB, sizes around
 * it; the errors each function documents. */
static void test_aligned(void)
{
	size_t a, s;
	void *p;
	int r;

	for (a = 8; a <= (8 << 20); a <<= 1) {
		static const size_t sizes[] = { 1, 24, 100, 5000, 70000,
						5 << 20 };
		size_t i;

		for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
			s = sizes[i];
			p = NULL;
			r = posix_memalign(&p, a, s);
			CHECK(r == 0 && aligned(p, a),
			      "posix_memalign(%zu, %zu) = %d, %p", a, s, r, p);
			if (p) {
				fill(p, s, 1);
				CHECK(malloc_usable_size(p) >= s,
				      "usable %zu", malloc_usable_size(p));
				free(p);
			}
			p = aligned_alloc(a, s);
			CHECK(p && aligned(p, a), "aligned_alloc(%zu, %zu) = %p",
			      a, s, p);
			free(p);
			p = memalign(a, s);
			CHECK(p && aligned(p, a), "memalign(%zu, %zu) = %p", a,
			      s, p);
			free(p);
		}
	}
	p = (void *)1;
	CHECK(posix_memalign(&p, 24, 10) == EINVAL && p == (void *)1,
	      "posix_memalign(24) must be EINVAL and leave *memptr");
	CHECK(posix_memalign(&p, 4, 10) == EINVAL,
	      "posix_memalign(4) must be EINVAL");
	r = posix_memalign(&p, 64, 0);
	CHECK(r == 0, "posix_memalign(64, 0) = %d", r);
	if (!r)
		free(p);
	/* C17 7.22.3.1 and POSIX: an alignment the implementation does not
	 * support fails, with EINVAL; glibc checks only from 2.38 on */
	errno = 0;
	p = aligned_alloc(24, 100);
	CHECK((!p && errno == EINVAL) || (on_glibc && p),
	      "aligned_alloc(24) = %p, errno %d", p, errno);
	free(p);
	p = memalign(48, 100);	/* rounded up to 64 */
	CHECK(p && aligned(p, 64), "memalign(48) = %p", p);
	free(p);
	p = valloc(100);
	CHECK(p && aligned(p, 4096), "valloc = %p", p);
	free(p);
	p = pvalloc(5000);
	CHECK(p && aligned(p, 4096) && malloc_usable_size(p) >= 8192,
	      "pvalloc(5000) = %p, usable %zu", p,
	      p ? malloc_usable_size(p) : 0);
	free(p);
	p = pvalloc(0);
	CHECK(p != NULL, "pvalloc(0) = NULL");
	free(p);
	CHECK(malloc_usable_size(NULL) == 0, "malloc_usable_size(NULL)");
}

/* A few hundred thousand objects of mixed sizes, freed in another order:
 * every block keeps its contents while the others come and go. */
static void test_churn(void)
{
	enum { N = 20000 };
	static unsigned char *p[N];
	static size_t n[N];
	unsigned s = 12345;
	int i, round;

	for (round = 0; round < 10; round++) {
		for (i = 0; i < N; i++) {
			int k = rand_r(&s) % N;

			if (p[k]) {
				CHECK(filled(p[k], n[k], (unsigned)k),
				      "block %d (%zu bytes) changed", k, n[k]);
				free(p[k]);
			}
			n[k] = (size_t)(rand_r(&s) % 4 ? rand_r(&s) % 600 :
					rand_r(&s) % 40000);
			p[k] = malloc(n[k]);
			fill(p[k], n[k], (unsigned)k);
		}
	}
	for (i = 0; i < N; i++)
		free(p[i]);
}

/* More memory in blocks of up to 4 MiB than a small arena holds: what the
 * page allocator cannot give comes from the operating system. */
static void test_beyond_arena(void)
{
	enum { N = 24 };
	unsigned char *p[N];
	int i;

	for (i = 0; i < N; i++) {
		size_t n = (size_t)3 << 20;

		p[i] = malloc(n);
		CHECK(p[i], "block %d of 3 MiB failed", i);
		if (p[i])
			fill(p[i], n, (unsigned)i);
	}
	for (i = 0; i < N; i++) {
		if (!p[i])
			continue;
		CHECK(filled(p[i], (size_t)3 << 20, (unsigned)i),
		      "block %d of 3 MiB changed", i);
		free(p[i]);
	}
}

int main(int argc, char **argv)
{
	Dl_info info;
	const char *from = "?";

	if (dladdr((void *)malloc, &info) && info.dli_fname)
		from = info.dli_fname;
	on_glibc = strstr(from, "/libc.so") != NULL;
	if (argc > 1 && !strcmp(argv[1], "-a")) {
		/* a small arena: what must still work */
		test_zero();
		test_beyond_arena();
	} else {
		test_malloc_sizes();
		test_zero();
		test_failures();
		test_calloc();
		test_realloc();
		test_aligned();
		test_churn();
		test_beyond_arena();
	}
	printf("malloc from %s\n", from);
	printf("api: %d checks, %d failures\n", checks, failures);
	return failures != 0;
}
