// SPDX-License-Identifier: GPL-2.0-only
/*
 * The sheaf design exercise's throughput: a refill and a flush of a sheaf
 * of 64 objects of 64 bytes, the student's against the book's
 * (refill_sheaf(), sheaf_flush()), timed alternately in the same run, so
 * that the ratio does not depend on the machine. Prints "ratio R" (the
 * book's time / yours: 1 is as fast as the book) and the points.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "sheaf_api.h"

#define ROUNDS 31
#define REPS 400

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double timed(struct kmem_cache *s, struct slab_sheaf *sh, bool mine)
{
	double t0 = now();
	int r;

	for (r = 0; r < REPS; r++) {
		if (mine) {
			design_refill(s, sh);
			design_flush(s, sh);
		} else {
			book_refill(s, sh);
			book_flush(s, sh);
		}
	}
	return now() - t0;
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
		.slub_debug = "-", .sheaves = 64,
	};
	double ref[ROUNDS], mine[ROUNDS], ratio;
	struct kmem_cache *s;
	struct slab_sheaf *sh;
	int i, pts;

	if (slub_init(&cfg) || !(s = kmem_cache_create("bench", 64, 0, 0,
						       NULL)) ||
	    !(sh = design_sheaf_new(s))) {
		fprintf(stderr, "bench: the allocator does not start\n");
		return 2;
	}
	for (i = 0; i < ROUNDS; i++) {
		ref[i] = timed(s, sh, false);
		mine[i] = timed(s, sh, true);
	}
	qsort(ref, ROUNDS, sizeof(*ref), cmp);
	qsort(mine, ROUNDS, sizeof(*mine), cmp);
	ratio = ref[ROUNDS / 2] / mine[ROUNDS / 2];
	pts = ratio >= 1.0 ? 4 : ratio >= 0.85 ? 3 : ratio >= 0.7 ? 2 :
	      ratio >= 0.5 ? 1 : 0;
	printf("  throughput: %.1f ns per object (the book's: %.1f ns), "
	       "ratio %.2f\n", mine[ROUNDS / 2] / (REPS * 64) * 1e9,
	       ref[ROUNDS / 2] / (REPS * 64) * 1e9, ratio);
	printf("  performance %d/4 (1: half the book's speed, 2: x0.7, "
	       "3: x0.85, 4: as fast)\n", pts);
	printf("Performance: %d/4\n", pts);
	design_sheaf_free(s, sh);
	kmem_cache_destroy(s);
	slub_shutdown();
	return 0;
}
