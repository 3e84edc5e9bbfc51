// SPDX-License-Identifier: GPL-2.0-only
/* whose_malloc.c - print the file of the shared object whose malloc this
 * process calls: make bench-apps checks that each LD_PRELOAD took. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
	Dl_info info;
	void *p = malloc(1);

	if (!dladdr((void *)malloc, &info) || !info.dli_fname)
		return 1;
	printf("%s\n", info.dli_fname);
	free(p);
	return 0;
}
