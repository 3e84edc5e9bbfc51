// SPDX-License-Identifier: GPL-2.0-only
/*
 * Exercise 11: the bug hunt. The tests check the behaviour the planted
 * bug breaks; they say what goes wrong, not where the bug is.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grade.h"

static void test_drain(void)
{
	int fails = ex_scenario("drain.scn",
		"config cpus 2 nomerge\n"
		"cache c size 64\n"
		"set c cpu_partial 2\n"
		"cpu 0\n"
		"alloc a[0..63] from c\n"
		"alloc b[0..63] from c\n"
		"alloc d[0..63] from c\n"
		"alloc e[0..63] from c\n"
		"alloc f from c\n"
		"free a[0]\n"
		"free b[0]\n"
		"free d[0]\n"
		"expect c slabs_cpu_partial \"3(3) C0=3(3)\"\n"
		"free e[0]\n"
		"expect c cpu_partial_drain 1\n"
		"expect c partial 3\n"
		"expect c slabs_cpu_partial \"1(1) C0=1(1)\"\n"
		"expect invariants\n");

	EX_CHECK(fails == 0, "%d expect statement(s) failed (see above)", fails);
}

/*
 * 40 full slabs, one object freed from each on CPU 0: the chain grows to
 * 31 free objects, the 32nd slab drains it, 9 slabs remain on the chain.
 * Then CPU 0 uses its chain up, slab by slab.
 */
static void test_chain_bounded(void)
{
	size_t len = 8192, n = 0;
	char *text = malloc(len);
	int i, fails;

	EX_CHECK(text, "out of memory");
	n += snprintf(text + n, len - n,
		      "config cpus 2 nomerge\ncache c size 64\ncpu 0\n"
		      "alloc a[0..2559] from c\nalloc x from c\n");
	for (i = 0; i < 40; i++)
		n += snprintf(text + n, len - n, "free a[%d]\n", 64 * i);
	n += snprintf(text + n, len - n,
		      "expect c cpu_partial_free 40\n"
		      "expect c cpu_partial_drain 1\n"
		      "expect c partial 31\n"
		      "expect c slabs_cpu_partial \"9(9) C0=9(9)\"\n"
		      "expect invariants\n"
		      "alloc y[0..71] from c\n"
		      "expect c cpu_partial_alloc 9\n"
		      "expect c alloc_slab 41\n"
		      "expect invariants\n");
	fails = ex_scenario("chain.scn", text);
	free(text);
	EX_CHECK(fails == 0, "%d expect statement(s) failed (see above)", fails);
}

EX_SUITE("11", "bug hunt",
	{ "drain", 5, test_drain,
	  "the cpu partial chain drains when it is over cpu_partial" },
	{ "chain_bounded", 5, test_chain_bounded,
	  "the chain stays bounded and is used up slab by slab" });
