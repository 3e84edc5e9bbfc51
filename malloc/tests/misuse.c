// SPDX-License-Identifier: GPL-2.0-only
/*
 * misuse.c - a program with a memory bug, for slub_debug to catch:
 *	misuse double-free	frees the same block twice
 *	misuse overflow		writes past the end of a block
 *	misuse use-after-free	writes into a block after freeing it
 * Run on libslub-malloc.so with SLUB_DEBUG=FZPU, each is reported as the
 * kernel would report it (a BUG line naming the cache) and repaired, and
 * the program carries on to print "survived". test-malloc.sh checks both.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A value the compiler cannot see through, so that it compiles the bug
 * as written instead of warning about it or optimising it away. */
static size_t opaque(size_t x)
{
	__asm__ volatile("" : "+r" (x));
	return x;
}

int main(int argc, char **argv)
{
	const char *bug = argc > 1 ? argv[1] : "";
	size_t kept;		/* the block's address, kept past its free */
	char *p, *q[64];
	int i;

	if (!strcmp(bug, "double-free")) {
		p = malloc(40);
		memset(p, 1, 40);
		kept = (size_t)p;
		free(p);
		free((void *)opaque(kept));
	} else if (!strcmp(bug, "overflow")) {
		p = malloc(32);
		/* 4 bytes too many, through a pointer the compiler cannot
		 * follow, or it would drop the stores as dead before free() */
		memset((char *)opaque((size_t)p), 2, 36);
		free(p);
	} else if (!strcmp(bug, "use-after-free")) {
		p = malloc(200);
		kept = (size_t)p;
		free(p);
		((char *)opaque(kept))[17] = 3;
		for (i = 0; i < 64; i++)	/* one of them is p again */
			q[i] = malloc(200);
		for (i = 0; i < 64; i++)
			free(q[i]);
	} else {
		fprintf(stderr, "usage: misuse double-free|overflow|"
			"use-after-free\n");
		return 2;
	}
	puts("survived");
	return 0;
}
