// SPDX-License-Identifier: GPL-2.0-only
/*
 * xmalloc.c - producers and consumers, after the xmalloc test of Lever and
 * Boreham ("malloc() Performance in a Multithreaded Linux Environment",
 * USENIX 2000), as allocator benchmarks run it.
 *
 * PAIRS producer threads allocate blocks of random sizes (16 to 256 bytes,
 * one in 64 up to 4 KiB), write them, and pass them in batches of 64 to
 * consumer threads through a shared queue; the consumers check and free
 * them. Every block is therefore freed by a thread that did not allocate
 * it, all the time: the pattern that makes per-thread caches send memory
 * home. The work is fixed (BLOCKS blocks per producer); the figure of merit
 * is the wall time.
 *
 * Usage: xmalloc [PAIRS [BLOCKS]]	defaults 2 4000000
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BATCH	64
#define QUEUE	256	/* batches the queue holds */

struct batch {
	void *blocks[BATCH];
	int n;
};

static struct batch *queue[QUEUE];
static int head, tail, count, producers_left;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t not_empty = PTHREAD_COND_INITIALIZER;
static pthread_cond_t not_full = PTHREAD_COND_INITIALIZER;
static long blocks_per_producer = 4000000;
static unsigned long long damaged;

static void put(struct batch *b)
{
	pthread_mutex_lock(&lock);
	while (count == QUEUE)
		pthread_cond_wait(&not_full, &lock);
	queue[tail] = b;
	tail = (tail + 1) % QUEUE;
	count++;
	pthread_cond_signal(&not_empty);
	pthread_mutex_unlock(&lock);
}

/* NULL when the queue is empty and every producer has finished. */
static struct batch *get(void)
{
	struct batch *b = NULL;

	pthread_mutex_lock(&lock);
	while (count == 0 && producers_left)
		pthread_cond_wait(&not_empty, &lock);
	if (count) {
		b = queue[head];
		head = (head + 1) % QUEUE;
		count--;
		pthread_cond_signal(&not_full);
	}
	pthread_mutex_unlock(&lock);
	return b;
}

static void *producer(void *arg)
{
	unsigned seed = (unsigned)(uintptr_t)arg;
	struct batch *b = NULL;
	long i;

	for (i = 0; i < blocks_per_producer; i++) {
		size_t size = 16 + rand_r(&seed) % 241;
		unsigned char *p;

		if (rand_r(&seed) % 64 == 0)
			size = 16 + rand_r(&seed) % 4081;
		if (!b) {
			b = malloc(sizeof(*b));
			b->n = 0;
		}
		p = malloc(size);
		if (!p || !b) {
			perror("malloc");
			exit(1);
		}
		p[0] = (unsigned char)size;
		p[size - 1] = (unsigned char)(size >> 4);
		memcpy(p + 1, &size, sizeof(size));	/* size >= 16 */
		b->blocks[b->n++] = p;
		if (b->n == BATCH) {
			put(b);
			b = NULL;
		}
	}
	if (b)
		put(b);
	pthread_mutex_lock(&lock);
	producers_left--;
	pthread_cond_broadcast(&not_empty);
	pthread_mutex_unlock(&lock);
	return NULL;
}

static void *consumer(void *arg)
{
	unsigned long long bad = 0;
	struct batch *b;
	int i;

	(void)arg;
	while ((b = get())) {
		for (i = 0; i < b->n; i++) {
			unsigned char *p = b->blocks[i];
			size_t size;

			memcpy(&size, p + 1, sizeof(size));
			if (p[0] != (unsigned char)size ||
			    p[size - 1] != (unsigned char)(size >> 4))
				bad++;
			free(p);
		}
		free(b);
	}
	__atomic_add_fetch(&damaged, bad, __ATOMIC_RELAXED);
	return NULL;
}

int main(int argc, char **argv)
{
	int pairs = argc > 1 ? atoi(argv[1]) : 2, i;
	pthread_t *t;

	if (argc > 2)
		blocks_per_producer = atol(argv[2]);
	if (pairs < 1 || blocks_per_producer < 1) {
		fprintf(stderr, "usage: xmalloc [PAIRS [BLOCKS]]\n");
		return 2;
	}
	producers_left = pairs;
	t = calloc(2 * pairs, sizeof(*t));
	for (i = 0; i < pairs; i++) {
		pthread_create(&t[i], NULL, producer, (void *)(uintptr_t)(i + 1));
		pthread_create(&t[pairs + i], NULL, consumer, NULL);
	}
	for (i = 0; i < 2 * pairs; i++)
		pthread_join(t[i], NULL);
	free(t);
	printf("xmalloc: %d producers, %d consumers, %ld blocks each, "
	       "%llu damaged\n", pairs, pairs, blocks_per_producer, damaged);
	return damaged != 0;
}
