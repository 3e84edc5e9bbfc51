// SPDX-License-Identifier: GPL-2.0-only
/*
 * cache_scratch.c - passive false sharing, after the cache-scratch test of
 * the Hoard allocator (Berger et al., ASPLOS 2000).
 *
 * The main thread allocates one small block per thread, one after the
 * other, so that several of them may share a cache line, and hands one to
 * each thread. Each thread frees its block and then, ITERATIONS times,
 * allocates a block of the same size, writes every byte of it REPEAT
 * times, and frees it. An allocator that gives a thread back the block it
 * freed, or another block on a line that other threads write, makes the
 * CPUs pass that line back and forth: the writes that should stay in each
 * CPU's cache become misses. The work is fixed; the figure of merit is the
 * wall time.
 *
 * Usage: cache_scratch [THREADS [ITERATIONS [REPEAT [SIZE]]]]
 *	defaults 2 100000 200 8
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static int iterations = 100000, repeat = 200;
static size_t size = 8;

static void *thread_main(void *arg)
{
	volatile char *p = arg;
	int i, j;
	size_t k;

	free((void *)p);
	for (i = 0; i < iterations; i++) {
		p = malloc(size);
		if (!p) {
			perror("malloc");
			exit(1);
		}
		for (j = 0; j < repeat; j++)
			for (k = 0; k < size; k++)
				p[k] = (char)(p[k] + 1);
		free((void *)p);
	}
	return NULL;
}

int main(int argc, char **argv)
{
	int threads = argc > 1 ? atoi(argv[1]) : 2, t;
	pthread_t *tid;
	void **blocks;

	if (argc > 2)
		iterations = atoi(argv[2]);
	if (argc > 3)
		repeat = atoi(argv[3]);
	if (argc > 4)
		size = strtoul(argv[4], NULL, 10);
	if (threads < 1 || iterations < 1 || repeat < 1 || size < 1) {
		fprintf(stderr, "usage: cache_scratch [THREADS [ITERATIONS "
			"[REPEAT [SIZE]]]]\n");
		return 2;
	}
	tid = calloc(threads, sizeof(*tid));
	blocks = calloc(threads, sizeof(*blocks));
	for (t = 0; t < threads; t++)
		blocks[t] = malloc(size);
	for (t = 0; t < threads; t++)
		pthread_create(&tid[t], NULL, thread_main, blocks[t]);
	for (t = 0; t < threads; t++)
		pthread_join(tid[t], NULL);
	free(blocks);
	free(tid);
	printf("cache_scratch: %d threads, %d iterations\n", threads,
	       iterations);
	return 0;
}
