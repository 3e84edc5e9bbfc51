// SPDX-License-Identifier: GPL-2.0-only
/*
 * fork_threads.c - fork() while other threads allocate: three threads
 * allocate and free blocks of random sizes (resting a moment every few
 * hundred, so that the forking thread gets the CPU on a small machine)
 * while the main thread forks again and again; every child allocates, checks and frees a
 * few hundred blocks, forks a grandchild that does the same, and exits.
 * A lock of the allocator held by another thread at the moment of the
 * fork would make a child wait forever: each child has a deadline, and a
 * child that misses it or fails counts as a failure.
 *
 * With "batch" the threads allocate runs of 96 blocks of one size and
 * then free them all: with per-CPU sheaves (SLUB_SHEAVES) every run
 * empties and refills the sheaves through the node's barn, so a fork
 * often finds a sheaf or barn lock held by another thread.
 *
 * Usage: fork_threads [FORKS [batch]]	(default 100, random sizes)
 */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile int stop;
static int batch;		/* runs of one size instead of random blocks */

static void *batch_worker(void *arg)
{
	unsigned seed = (unsigned)(unsigned long)arg;
	void *p[96];
	unsigned i, n = 0;

	while (!stop) {
		size_t size = 16u << (n++ % 5);	/* 16 .. 256 bytes */

		for (i = 0; i < 96; i++)
			p[i] = malloc(size + rand_r(&seed) % 8);
		for (i = 0; i < 96; i++)
			free(p[i]);
	}
	return NULL;
}

static void *worker(void *arg)
{
	unsigned seed = (unsigned)(unsigned long)arg;
	const struct timespec rest = { 0, 100000 };
	void *p[64] = { 0 };
	unsigned i, n = 0;

	while (!stop) {
		if (++n % 256 == 0)
			nanosleep(&rest, NULL);
		i = rand_r(&seed) % 64;
		free(p[i]);
		p[i] = malloc(rand_r(&seed) % 5000 + (rand_r(&seed) % 50 ? 0 :
						      100000));
	}
	for (i = 0; i < 64; i++)
		free(p[i]);
	return NULL;
}

/* What a child does: allocate, fill, check, free; 0 when all was well. */
static int child_work(int salt)
{
	unsigned char *q[300];
	int i, j, bad = 0;

	for (i = 0; i < 300; i++) {
		q[i] = malloc((size_t)i * 37 + 1);
		if (!q[i])
			return 1;
		memset(q[i], (i + salt) & 0xff, (size_t)i * 37 + 1);
	}
	for (i = 0; i < 300; i++) {
		for (j = 0; j < i * 37 + 1; j++)
			if (q[i][j] != ((i + salt) & 0xff))
				bad = 1;
		free(q[i]);
	}
	return bad;
}

static int wait_ok(pid_t pid)
{
	int status;

	if (waitpid(pid, &status, 0) != pid)
		return 0;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

int main(int argc, char **argv)
{
	int forks = argc > 1 ? atoi(argv[1]) : 100, k, failed = 0;
	pthread_t t[3];
	long i;

	batch = argc > 2 && !strcmp(argv[2], "batch");
	for (i = 0; i < 3; i++)
		pthread_create(&t[i], NULL, batch ? batch_worker : worker,
			       (void *)(i + 1));
	for (k = 0; k < forks; k++) {
		pid_t pid = fork();

		if (pid < 0) {
			perror("fork");
			return 1;
		}
		if (pid == 0) {
			pid_t g;

			alarm(30);	/* a deadlock ends here */
			if (child_work(k))
				_exit(1);
			g = fork();
			if (g == 0)
				_exit(child_work(k + 1));
			_exit(g < 0 || !wait_ok(g));
		}
		if (!wait_ok(pid))
			failed++;
	}
	stop = 1;
	for (i = 0; i < 3; i++)
		pthread_join(t[i], NULL);
	printf("fork_threads: %d forks, %d failed\n", forks, failed);
	return failed != 0;
}
