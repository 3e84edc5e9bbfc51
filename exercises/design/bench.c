// SPDX-License-Identifier: GPL-2.0-only
/*
 * The design exercise's throughput: design_kmem_cache_free_bulk() against
 * the book's kmem_cache_free_bulk() (one kmem_cache_free() per object),
 * timed alternately in the same run on batches of 256 objects of 64
 * bytes (four slabs), so that the ratio does not depend on the machine.
 * Prints "ratio R" (reference time / your time: above 1 is faster) and
 * the performance points. Takes about a second.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "slub.h"

void design_kmem_cache_free_bulk(struct kmem_cache *s, size_t size,
				 void **p);

#define BATCH 256
#define ROUNDS 31
#define REPS 200

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double timed(struct kmem_cache *s, bool design)
{
	void *p[BATCH];
	double t = 0, t0;
	int r;

	for (r = 0; r < REPS; r++) {
		if (kmem_cache_alloc_bulk(s, GFP_KERNEL, BATCH, p) != BATCH) {
			fprintf(stderr, "bench: allocation failed\n");
			exit(2);
		}
		t0 = now();
		if (design)
			design_kmem_cache_free_bulk(s, BATCH, p);
		else
			kmem_cache_free_bulk(s, BATCH, p);
		t += now() - t0;
	}
	return t;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

int main(void)
{
	struct slub_config cfg = {
		.nr_cpus = 2, .simulated = true, .nomerge = true,
		.slub_debug = "-", .sheaves = SLUB_NO_SHEAVES,
	};
	double ref[ROUNDS], mine[ROUNDS], ratio;
	struct kmem_cache *s;
	int i, pts;

	if (slub_init(&cfg) || !(s = kmem_cache_create("bench", 64, 0, 0,
						       NULL))) {
		fprintf(stderr, "bench: the allocator does not start\n");
		return 2;
	}
	for (i = 0; i < ROUNDS; i++) {
		ref[i] = timed(s, false);
		mine[i] = timed(s, true);
	}
	qsort(ref, ROUNDS, sizeof(*ref), cmp);
	qsort(mine, ROUNDS, sizeof(*mine), cmp);
	ratio = ref[ROUNDS / 2] / mine[ROUNDS / 2];
	pts = ratio >= 2.0 ? 4 : ratio >= 1.5 ? 3 : ratio >= 1.2 ? 2 :
	      ratio >= 1.0 ? 1 : 0;
	printf("  throughput: %.1f ns per object (the book's loop: %.1f ns), "
	       "ratio %.2f\n", mine[ROUNDS / 2] / (REPS * BATCH) * 1e9,
	       ref[ROUNDS / 2] / (REPS * BATCH) * 1e9, ratio);
	printf("  performance %d/4 (1: as fast as the loop, 2: x1.2, 3: x1.5, "
	       "4: x2)\n", pts);
	printf("Performance: %d/4\n", pts);
	kmem_cache_destroy(s);
	slub_shutdown();
	return 0;
}
