/* SPDX-License-Identifier: GPL-2.0-only */
/* The multi-threaded stress test's entry point (tests/stress.c). */
#ifndef SLUB_STRESS_H
#define SLUB_STRESS_H

#include <stdbool.h>
#include <stddef.h>

struct stress_opts {
	int threads;
	long ops_per_thread;
	unsigned int seed;
	bool verbose;
	bool observe;	/* attach an observer that counts the stat events */
	bool debug;	/* the test caches with slub_debug FZPU */
	bool hardened;	/* hardened and randomised freelists */
	bool memcg;	/* the threads run in two memory cgroups */
	bool admin;	/* a thread shrinks (and validates) all along */
};

/*
 * Starts the allocator in the real-thread CPU model, runs the threads,
 * tears everything down. Returns 0 when no object was handed out twice,
 * none was lost and every cache came back as it was; otherwise -1 with
 * the reason in why.
 */
int stress_run(const struct stress_opts *o, char *why, size_t why_len);

#endif
