// SPDX-License-Identifier: GPL-2.0-only
/*
 * larson.c - a server's allocation pattern, after Larson and Krishnan's
 * benchmark ("Memory allocation for long-running server applications",
 * ISMM 1998), as allocator benchmarks run it.
 *
 * Each of THREADS threads owns an array of SLOTS blocks of random sizes
 * between MIN and MAX bytes. A round replaces randomly chosen blocks, one
 * free and one malloc at a time, OPS times; then the threads pass their
 * arrays on, each to the next, so that every block is freed by a thread
 * that did not allocate it, as a server's worker frees a request another
 * thread built. The work is fixed (ROUNDS rounds), so the figure of merit
 * is the wall time; the result printed is a checksum that the blocks kept
 * their contents.
 *
 * Usage: larson [THREADS [ROUNDS [OPS [SLOTS [MIN MAX]]]]]
 *	defaults 4 60 100000 1000 16 1000
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct block {
	uint32_t size;
	uint32_t stamp;		/* repeated in the last word of the block */
};

static int threads = 4, rounds = 60, ops = 100000, slots = 1000;
static size_t min_size = 16, max_size = 1000;
static struct block ***arrays;	/* arrays[t]: the array thread t holds */
static pthread_barrier_t barrier;
static unsigned long long errors;

static struct block *new_block(unsigned *seed)
{
	size_t size = min_size + rand_r(seed) % (max_size - min_size + 1);
	struct block *b = malloc(size);

	if (!b) {
		perror("malloc");
		exit(1);
	}
	b->size = (uint32_t)size;
	b->stamp = (uint32_t)rand_r(seed);
	memcpy((char *)b + size - 4, &b->stamp, 4);
	return b;
}

static int intact(const struct block *b)
{
	uint32_t last;

	memcpy(&last, (const char *)b + b->size - 4, 4);
	return last == b->stamp;
}

static void *thread_main(void *arg)
{
	long t = (long)arg;
	unsigned seed = (unsigned)t * 7919 + 1;
	unsigned long long bad = 0;
	int r, i;

	for (r = 0; r < rounds; r++) {
		struct block **a = arrays[(t + r) % threads];

		for (i = 0; i < ops; i++) {
			int k = rand_r(&seed) % slots;

			if (!intact(a[k]))
				bad++;
			free(a[k]);
			a[k] = new_block(&seed);
		}
		/* hand the array on: next round it belongs to thread t - 1 */
		pthread_barrier_wait(&barrier);
	}
	__atomic_add_fetch(&errors, bad, __ATOMIC_RELAXED);
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t *tid;
	unsigned seed = 42;
	long t;
	int i;

	if (argc > 1)
		threads = atoi(argv[1]);
	if (argc > 2)
		rounds = atoi(argv[2]);
	if (argc > 3)
		ops = atoi(argv[3]);
	if (argc > 4)
		slots = atoi(argv[4]);
	if (argc > 6) {
		min_size = strtoul(argv[5], NULL, 10);
		max_size = strtoul(argv[6], NULL, 10);
	}
	if (threads < 1 || rounds < 1 || ops < 1 || slots < 1 ||
	    min_size < sizeof(struct block) + 4 || max_size < min_size) {
		fprintf(stderr, "usage: larson [THREADS [ROUNDS [OPS [SLOTS "
			"[MIN MAX]]]]] (MIN >= 12)\n");
		return 2;
	}
	arrays = calloc(threads, sizeof(*arrays));
	tid = calloc(threads, sizeof(*tid));
	for (t = 0; t < threads; t++) {
		arrays[t] = calloc(slots, sizeof(**arrays));
		for (i = 0; i < slots; i++)
			arrays[t][i] = new_block(&seed);
	}
	pthread_barrier_init(&barrier, NULL, threads);
	for (t = 0; t < threads; t++)
		pthread_create(&tid[t], NULL, thread_main, (void *)t);
	for (t = 0; t < threads; t++)
		pthread_join(tid[t], NULL);
	for (t = 0; t < threads; t++) {
		for (i = 0; i < slots; i++) {
			if (!intact(arrays[t][i]))
				errors++;
			free(arrays[t][i]);
		}
		free(arrays[t]);
	}
	free(arrays);
	free(tid);
	printf("larson: %d threads, %d rounds of %d, %llu damaged blocks\n",
	       threads, rounds, ops, errors);
	return errors != 0;
}
