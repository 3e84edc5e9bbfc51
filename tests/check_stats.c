// SPDX-License-Identifier: GPL-2.0-only
/*
 * What Linux 3.18 counts and exports. Every stat_item is counted by at
 * least one of the scenarios below the way 3.18 counts it; the expected
 * totals were traced by hand through slab_alloc_node(), __slab_alloc(),
 * __slab_free(), put_cpu_partial(), unfreeze_partials(),
 * get_partial_node(), deactivate_slab(), allocate_slab() and
 * note_cmpxchg_failure() of 3.18 (each case says how), and are read back
 * from the exported sysfs tree (slub_sysfs_write(), the files of
 * `build/slub run --sysfs`), whose every counter must also equal
 * slab_attr_show(). Then the call sites (alloc_calls, free_calls), the
 * failslab fault injection and a boot that cannot succeed.
 */
#include <errno.h>
#include <ftw.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "scenario.h"
#include "slub_test.h"
#include "sysfs_tree.h"

/* ------------------------------------------------------------ counters */

struct stat_case {
	const char *name;
	const char *text;	/* the scenario; its cache is "c" */
	unsigned long allocs;	/* kmem_cache_alloc calls on c, by hand */
	unsigned long want[NR_SLUB_STAT_ITEMS];
};

#define HEAD "config cpus 2 nomerge\ncache c size 64\ncpu 0\n"
#define HEADS "config cpus 2 nomerge sheaves 4\ncache c size 64\ncpu 0\n"

static char drain_text[4096];

static const struct stat_case stat_cases[] = {
	{
		/*
		 * No cpu slab: __slab_alloc() goes straight to new_slab, a
		 * new slab from the page allocator (ALLOC_SLAB); the caller
		 * counts ALLOC_SLOWPATH when __slab_alloc() returns.
		 */
		"first allocation", HEAD "alloc a from c\n", 1,
		{ [ALLOC_SLOWPATH] = 1, [ALLOC_SLAB] = 1 },
	},
	{
		/*
		 * 64 objects per slab: the first allocation as above, 63 off
		 * the cpu freelist; the 65th finds it empty, get_freelist()
		 * finds the slab's freelist empty too and unfreezes the full
		 * slab (DEACTIVATE_BYPASS), a second new slab.
		 */
		"65th allocation", HEAD "alloc x[0..64] from c\n", 65,
		{ [ALLOC_FASTPATH] = 63, [ALLOC_SLOWPATH] = 2,
		  [ALLOC_SLAB] = 2, [DEACTIVATE_BYPASS] = 1 },
	},
	{
		/*
		 * a: a slab on node 0. b wants node 1: node_match() fails in
		 * the fast path and again in __slab_alloc()
		 * (ALLOC_NODE_MISMATCH); deactivate_slab() gives the slab
		 * its 63 free objects back, one in use, no remote frees: the
		 * head of node 0's partial list (DEACTIVATE_TO_HEAD). Then a
		 * new slab on node 1.
		 */
		"node mismatch",
		"config cpus 2 nodes 2 nomerge\ncache c size 64\ncpu 0\n"
		"alloc a from c node 0\nalloc b from c node 1\n", 2,
		{ [ALLOC_SLOWPATH] = 2, [ALLOC_SLAB] = 2,
		  [ALLOC_NODE_MISMATCH] = 1, [DEACTIVATE_TO_HEAD] = 1 },
	},
	{
		/*
		 * A debugged cache keeps no cpu slab: every allocation is a
		 * slow path. The first takes a new slab, the next two the
		 * partial slab back (ALLOC_FROM_PARTIAL; no cpu partial
		 * list: get_partial_node() stops at one); each ends in
		 * deactivate_slab() to the head of the partial list. The
		 * free (free_debug_processing(), then a slab still partial)
		 * counts FREE_SLOWPATH only.
		 */
		"debug cache",
		"config cpus 2 nomerge\ncache c size 64 flags store_user\n"
		"cpu 0\nalloc x[0..2] from c\ncpu 1\nfree x[1]\n", 3,
		{ [ALLOC_SLOWPATH] = 3, [ALLOC_SLAB] = 1,
		  [ALLOC_FROM_PARTIAL] = 2, [DEACTIVATE_TO_HEAD] = 3,
		  [FREE_SLOWPATH] = 1 },
	},
	{
		/*
		 * CPU 1 frees into CPU 0's frozen cpu slab: __slab_free(),
		 * FREE_FROZEN. CPU 0 uses up its 61 free objects; the next
		 * allocation refills from the slab's freelist (the remote
		 * object: ALLOC_REFILL). A second remote free, then the
		 * flush finds it on the slab's freelist
		 * (DEACTIVATE_REMOTE_FREES), so the slab goes to the tail
		 * of the partial list (DEACTIVATE_TO_TAIL); CPUSLAB_FLUSH.
		 */
		"remote free",
		HEAD "alloc x[0..2] from c\ncpu 1\nfree x[1]\ncpu 0\n"
		"alloc y[0..60] from c\nalloc z from c\ncpu 1\nfree x[0]\n"
		"flush c\n", 65,
		{ [ALLOC_FASTPATH] = 63, [ALLOC_SLOWPATH] = 2,
		  [ALLOC_SLAB] = 1, [ALLOC_REFILL] = 1,
		  [FREE_SLOWPATH] = 2, [FREE_FROZEN] = 2,
		  [CPUSLAB_FLUSH] = 1, [DEACTIVATE_REMOTE_FREES] = 1,
		  [DEACTIVATE_TO_TAIL] = 1 },
	},
	{
		/*
		 * 33 slabs (33 slow paths, 32 bypasses). The first objects
		 * of slabs 0..30 freeze their slabs onto CPU 0's partial
		 * chain (CPU_PARTIAL_FREE); the 32nd finds the chain over
		 * cpu_partial = 30 objects and drains it first
		 * (CPU_PARTIAL_DRAIN): 31 slabs to the node list
		 * (FREE_ADD_PARTIAL). y: the cpu slab is exhausted
		 * (DEACTIVATE_BYPASS), slab 31 comes off the chain
		 * (CPU_PARTIAL_ALLOC) and its one free object is taken
		 * (ALLOC_REFILL). z: exhausted again, no chain:
		 * get_partial_node() makes the first node slab the cpu slab
		 * (ALLOC_FROM_PARTIAL) and chains 15 more (CPU_PARTIAL_NODE)
		 * until more than cpu_partial / 2 objects are at hand.
		 */
		"cpu partial drain", drain_text, 2114,
		{ [ALLOC_FASTPATH] = 2079, [ALLOC_SLOWPATH] = 35,
		  [ALLOC_SLAB] = 33, [DEACTIVATE_BYPASS] = 34,
		  [FREE_SLOWPATH] = 32, [CPU_PARTIAL_FREE] = 32,
		  [CPU_PARTIAL_DRAIN] = 1, [FREE_ADD_PARTIAL] = 31,
		  [CPU_PARTIAL_ALLOC] = 1, [ALLOC_REFILL] = 1,
		  [ALLOC_FROM_PARTIAL] = 1, [CPU_PARTIAL_NODE] = 15 },
	},
	{
		/*
		 * A free into the cpu slab is a fast path, and so is the
		 * allocation that takes the object back. The flush finds
		 * the slab fully used (DEACTIVATE_FULL; on no list). The
		 * first free into it freezes it onto the chain, the other
		 * 63 find it frozen; shrink's flush unfreezes the empty slab
		 * to the node list (FREE_ADD_PARTIAL: fewer than
		 * min_partial slabs there), and __kmem_cache_shrink()
		 * discards it without a count.
		 */
		"fast free, full and shrink",
		HEAD "alloc x[0..63] from c\nfree x[63]\nalloc y from c\n"
		"flush c\nfree x[0..62]\nfree y\nshrink c\n", 65,
		{ [ALLOC_FASTPATH] = 64, [ALLOC_SLOWPATH] = 1,
		  [ALLOC_SLAB] = 1, [FREE_FASTPATH] = 1,
		  [FREE_SLOWPATH] = 64, [CPU_PARTIAL_FREE] = 1,
		  [FREE_FROZEN] = 63, [CPUSLAB_FLUSH] = 1,
		  [DEACTIVATE_FULL] = 1, [FREE_ADD_PARTIAL] = 1 },
	},
	{
		/*
		 * 8 slabs on CPU 0. CPU 1 frees one object of slabs 0..5:
		 * six slabs on its chain. The flush deactivates CPU 0's full
		 * slab (DEACTIVATE_FULL) and unfreezes CPU 1's chain: six
		 * slabs on the node list. CPU 0 empties slab 7 (the first
		 * free freezes it, 63 FREE_FROZEN); the next flush
		 * unfreezes it empty while the node holds 6 > min_partial
		 * = 5 slabs: discarded (DEACTIVATE_EMPTY, FREE_SLAB). Then
		 * slab 0 empties on the node list with 6 > 5 slabs there:
		 * FREE_REMOVE_PARTIAL and FREE_SLAB.
		 */
		"empty slabs",
		HEAD "alloc x[0..511] from c\ncpu 1\nfree x[0]\nfree x[64]\n"
		"free x[128]\nfree x[192]\nfree x[256]\nfree x[320]\n"
		"flush c\ncpu 0\nfree x[448..511]\nflush c\nfree x[1..63]\n",
		512,
		{ [ALLOC_FASTPATH] = 504, [ALLOC_SLOWPATH] = 8,
		  [ALLOC_SLAB] = 8, [DEACTIVATE_BYPASS] = 7,
		  [FREE_SLOWPATH] = 133, [CPU_PARTIAL_FREE] = 7,
		  [CPUSLAB_FLUSH] = 1, [DEACTIVATE_FULL] = 1,
		  [FREE_ADD_PARTIAL] = 6, [FREE_FROZEN] = 63,
		  [DEACTIVATE_EMPTY] = 1, [FREE_SLAB] = 2,
		  [FREE_REMOVE_PARTIAL] = 1 },
	},
	{
		/*
		 * 1024-byte objects: order 2, 16 per slab; s->min is order
		 * 0, 4 per slab. The order-2 page allocation fails, the
		 * fallback to order 0 succeeds (ORDER_FALLBACK); three fast
		 * paths use it up, the fifth takes a normal slab.
		 */
		"order fallback",
		"config cpus 2 nomerge\ncache c size 1024\ncpu 0\n"
		"fail_page_alloc 1\nalloc x[0..4] from c\n", 5,
		{ [ALLOC_FASTPATH] = 3, [ALLOC_SLOWPATH] = 2,
		  [ALLOC_SLAB] = 2, [ORDER_FALLBACK] = 1,
		  [DEACTIVATE_BYPASS] = 1 },
	},
	{
		/*
		 * d's fast path is preempted between reading the freelist
		 * and its compare-and-swap; b takes the same object. d's
		 * compare-and-swap fails (CMPXCHG_DOUBLE_CPU_FAIL) and the
		 * fast path is redone. CMPXCHG_DOUBLE_FAIL, a failed
		 * compare-and-swap on a slab's own freelist, needs two CPUs
		 * inside __slab_free() or get_freelist() at once, which no
		 * point of the simulated CPUs can stage: every case expects
		 * it 0, as 3.18 would count it for these runs.
		 */
		"preempted fast path",
		HEAD "alloc a from c\ninject alloc.before_cmpxchg\n"
		"alloc b from c\nend\nalloc d from c\n", 3,
		{ [ALLOC_FASTPATH] = 2, [ALLOC_SLOWPATH] = 1,
		  [ALLOC_SLAB] = 1, [CMPXCHG_DOUBLE_CPU_FAIL] = 1 },
	},
	{
		/*
		 * Sheaves of 4: creation allocates each CPU's empty main
		 * sheaf (SHEAF_ALLOC 2). The first allocation finds it
		 * empty, no spare and no full sheaf in the barn
		 * (BARN_GET_FAIL), and refills it from a new slab
		 * (ALLOC_SLAB, SHEAF_REFILL 4); it takes the last object
		 * (ALLOC_FASTPATH: from the CPU's sheaves).
		 */
		"sheaves: first allocation", HEADS "alloc a from c\n", 1,
		{ [ALLOC_FASTPATH] = 1, [ALLOC_SLAB] = 1,
		  [SHEAF_REFILL] = 4, [BARN_GET_FAIL] = 1,
		  [SHEAF_ALLOC] = 2 },
	},
	{
		/*
		 * 64 allocations: 16 refills of 4, each after a
		 * BARN_GET_FAIL; one slab. 64 frees: the 5th makes the full
		 * main sheaf the spare (a new empty main: SHEAF_ALLOC); the
		 * 9th, 13th ... 45th find main and spare full and the barn
		 * with no empty sheaf: a new one, the full one to the barn
		 * (SHEAF_ALLOC, BARN_PUT, 10 times). The barn now holds its
		 * limit of 10 full sheaves: the 49th, 53rd, 57th and 61st
		 * are refused (BARN_PUT_FAIL) and flush main to the slab
		 * (SHEAF_FLUSH 16; the first makes the full slab partial:
		 * FREE_ADD_PARTIAL). 12 allocations: 4 from main, 4 from
		 * the swapped-in spare, then the barn trades a full sheaf
		 * for the empty one (BARN_GET). The shrink flushes the 9
		 * full sheaves left in the barn (SHEAF_FLUSH 36) and frees
		 * them, the spare and the barn's empty sheaf (SHEAF_FREE 11).
		 */
		"sheaves: barn put, flush, get, shrink",
		HEADS "alloc x[0..63] from c\nfree x[0..63]\n"
		"alloc y[0..11] from c\nshrink c\n", 76,
		{ [ALLOC_FASTPATH] = 76, [ALLOC_SLAB] = 1,
		  [FREE_FASTPATH] = 64, [FREE_ADD_PARTIAL] = 1,
		  [SHEAF_FLUSH] = 52, [SHEAF_REFILL] = 64,
		  [SHEAF_ALLOC] = 13, [SHEAF_FREE] = 11, [BARN_GET] = 1,
		  [BARN_GET_FAIL] = 16, [BARN_PUT] = 10,
		  [BARN_PUT_FAIL] = 4 },
	},
};

#define NR_STAT_CASES	(int)(sizeof(stat_cases) / sizeof(stat_cases[0]))

static void build_drain_text(void)
{
	size_t n;
	int k;

	n = snprintf(drain_text, sizeof(drain_text),
		     HEAD "alloc x[0..2111] from c\n");
	for (k = 0; k < 32; k++)
		n += snprintf(drain_text + n, sizeof(drain_text) - n,
			      "free x[%d]\n", 64 * k);
	snprintf(drain_text + n, sizeof(drain_text) - n,
		 "alloc y from c\nalloc z from c\n");
}

static int rm_entry(const char *path, const struct stat *st, int flag,
		    struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

/* The text of DIR/name, or NULL. */
static char *read_file(const char *dir, const char *name)
{
	char path[1024], *buf = calloc(1, SLAB_ATTR_BUFSIZE + 1);
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "r");
	if (!f || !buf) {
		free(buf);
		if (f)
			fclose(f);
		return NULL;
	}
	buf[fread(buf, 1, SLAB_ATTR_BUFSIZE, f)] = '\0';
	fclose(f);
	return buf;
}

START_TEST(test_stat_items)
{
	const struct stat_case *sc = &stat_cases[_i];
	char tmpl[] = "/tmp/slub-stats-XXXXXX", dir[600], err[256];
	char buf[SLAB_ATTR_BUFSIZE], msg[1024];
	struct scn_error e = { 0 };
	struct kmem_cache *s;
	struct scenario *scn;
	struct scn_run *run;
	int si;

	ck_assert_uint_eq(sc->want[ALLOC_FASTPATH] + sc->want[ALLOC_SLOWPATH],
			  sc->allocs);
	scn = scn_parse_string(sc->name, sc->text, &e);
	ck_assert_msg(scn, "%s", scn_error_format(&e, msg, sizeof(msg)));
	run = scn_run_start(scn, NULL, NULL, &e);
	ck_assert_msg(run, "%s", scn_error_format(&e, msg, sizeof(msg)));
	scn_run_set_output(run, NULL);
	ck_assert_msg(scn_run_all(run, &e) == 0, "%s",
		      scn_error_format(&e, msg, sizeof(msg)));
	ck_assert_int_eq(scn_run_expect_failures(run), 0);

	ck_assert_ptr_nonnull(mkdtemp(tmpl));
	snprintf(dir, sizeof(dir), "%s/slab", tmpl);
	ck_assert_msg(slub_sysfs_write(dir, false, err, sizeof(err)) > 0,
		      "%s", err);
	snprintf(dir, sizeof(dir), "%s/slab/c", tmpl);
	s = slub_find_cache("c");
	ck_assert_ptr_nonnull(s);
	for (si = 0; si < NR_SLUB_STAT_ITEMS; si++) {
		const char *name = slub_stat_name(si);
		char *text = read_file(dir, name);

		ck_assert_msg(text, "%s: no file %s/%s", sc->name, dir, name);
		ck_assert_msg(strtoul(text, NULL, 10) == sc->want[si],
			      "%s: %s is '%.*s', expected %lu", sc->name,
			      name, (int)strcspn(text, "\n"), text,
			      sc->want[si]);
		ck_assert_int_gt(slab_attr_show(s, name, buf), 0);
		ck_assert_str_eq(text, buf);
		free(text);
	}
	nftw(tmpl, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	scn_run_end(run);
	scn_free(scn);
}
END_TEST

/*
 * Every stat_item is counted by some case (CMPXCHG_DOUBLE_FAIL aside; the
 * prefill API has no scenario statement: check_sheaves.c counts its five).
 */
START_TEST(test_every_item_covered)
{
	int si, k;

	for (si = 0; si < NR_SLUB_STAT_ITEMS; si++) {
		bool seen = si == CMPXCHG_DOUBLE_FAIL ||
			    (si >= SHEAF_PREFILL_FAST &&
			     si <= SHEAF_RETURN_SLOW);

		for (k = 0; k < NR_STAT_CASES && !seen; k++)
			seen = stat_cases[k].want[si] != 0;
		ck_assert_msg(seen, "no case counts %s", slub_stat_name(si));
	}
}
END_TEST

/* ------------------------------------------------------------ call sites */

static void setup_store_user(void)
{
	t_start(&(struct slub_config){ .simulated = true, .nr_cpus = 2,
				       .nomerge = true,
				       .arena_bytes = 64UL << 20 });
}

/*
 * Call sites of their own: exported functions (the test is linked with
 * -rdynamic), not inlined, so that each allocation's return address is
 * in them and dladdr() names them.
 */
__attribute__((noinline)) void *t_site_alloc_a(struct kmem_cache *s);
__attribute__((noinline)) void *t_site_alloc_b(struct kmem_cache *s);
__attribute__((noinline)) void t_site_free(struct kmem_cache *s, void *p);

__attribute__((noinline)) void *t_site_alloc_a(struct kmem_cache *s)
{
	void *p = kmem_cache_alloc(s, GFP_KERNEL);

	__asm__ volatile("" ::: "memory");	/* no tail call */
	return p;
}

__attribute__((noinline)) void *t_site_alloc_b(struct kmem_cache *s)
{
	void *p = kmem_cache_alloc(s, GFP_KERNEL);

	__asm__ volatile("" ::: "memory");
	return p;
}

__attribute__((noinline)) void t_site_free(struct kmem_cache *s, void *p)
{
	kmem_cache_free(s, p);
	__asm__ volatile("" ::: "memory");
}

/* Does a line of text match the extended regular expression re? */
static bool has_line(const char *text, const char *re)
{
	regex_t r;
	bool found;

	ck_assert_int_eq(regcomp(&r, re, REG_EXTENDED | REG_NEWLINE |
				 REG_NOSUB), 0);
	found = !regexec(&r, text, 0, NULL, 0);
	regfree(&r);
	return found;
}

static int count_lines(const char *text)
{
	int n = 0;

	for (; *text; text++)
		n += *text == '\n';
	return n;
}

START_TEST(test_calls_enosys)
{
	struct kmem_cache *s = kmem_cache_create("plain", 64, 0, 0, NULL);
	char buf[SLAB_ATTR_BUFSIZE];

	/* 3.18: a cache without SLAB_STORE_USER has no call sites */
	ck_assert_int_eq(slab_attr_show(s, "alloc_calls", buf), -ENOSYS);
	ck_assert_int_eq(slab_attr_show(s, "free_calls", buf), -ENOSYS);
	ck_assert_int_eq(slab_attr_show(slub_find_cache("kmalloc-64"),
					"alloc_calls", buf), -ENOSYS);
	/* read-only: a write is -EIO, as sysfs answers */
	ck_assert_int_eq(slab_attr_store(s, "alloc_calls", "1", 1), -EIO);
	t_shrink_destroy(s);
}
END_TEST

START_TEST(test_calls_sites)
{
	struct kmem_cache *s = kmem_cache_create("tracked", 64, 0,
						 SLAB_STORE_USER, NULL);
	char buf[SLAB_ATTR_BUFSIZE], re[256];
	long pid = syscall(SYS_gettid);
	void *a[3], *b[2];
	int i;

	ck_assert_int_eq(slab_attr_show(s, "alloc_calls", buf), 8);
	ck_assert_str_eq(buf, "No data\n");
	for (i = 0; i < 3; i++)
		a[i] = t_site_alloc_a(s);
	ck_assert_int_eq(slub_sim_set_cpu(1), 0);
	for (i = 0; i < 2; i++)
		b[i] = t_site_alloc_b(s);
	t_site_free(s, b[0]);

	/*
	 * One line per site: the count, the symbol and offset, the ages,
	 * the thread, the CPUs (this machine has two). The objects in use
	 * are a[0..2] and b[1]; b[0] is free and not listed.
	 */
	ck_assert_int_gt(slab_attr_show(s, "alloc_calls", buf), 0);
	snprintf(re, sizeof(re), "^      3 t_site_alloc_a\\+0x[0-9a-f]+ "
		 "age=[0-9]+(/[0-9]+/[0-9]+)? pid=%ld cpus=0$", pid);
	ck_assert_msg(has_line(buf, re), "%s", buf);
	snprintf(re, sizeof(re), "^      1 t_site_alloc_b\\+0x[0-9a-f]+ "
		 "age=[0-9]+ pid=%ld cpus=1$", pid);
	ck_assert_msg(has_line(buf, re), "%s", buf);
	ck_assert_int_eq(count_lines(buf), 2);

	/*
	 * free_calls, as 3.18: the free tracks of the objects in use. None
	 * was freed yet; then b[0]'s object comes back to a[0]'s site and
	 * carries the free of t_site_free.
	 */
	ck_assert_int_gt(slab_attr_show(s, "free_calls", buf), 0);
	ck_assert_msg(has_line(buf, "^      4 <not-available> age=[0-9]+ "
			       "pid=0 cpus=0$"), "%s", buf);
	ck_assert_int_eq(count_lines(buf), 1);
	ck_assert_int_eq(slub_sim_set_cpu(0), 0);
	b[0] = t_site_alloc_a(s);
	ck_assert_int_gt(slab_attr_show(s, "free_calls", buf), 0);
	ck_assert_msg(has_line(buf, "^      4 <not-available> "), "%s", buf);
	snprintf(re, sizeof(re), "^      1 t_site_free\\+0x[0-9a-f]+ "
		 "age=[0-9]+ pid=%ld cpus=1$", pid);
	ck_assert_msg(has_line(buf, re), "%s", buf);
	ck_assert_int_gt(slab_attr_show(s, "alloc_calls", buf), 0);
	ck_assert_msg(has_line(buf, "^      4 t_site_alloc_a\\+0x[0-9a-f]+ "
			       "age=[0-9]+(/[0-9]+/[0-9]+)? pid=[0-9]+ "
			       "cpus=0$"), "%s", buf);

	for (i = 0; i < 3; i++)
		kmem_cache_free(s, a[i]);
	kmem_cache_free(s, b[0]);
	kmem_cache_free(s, b[1]);
	ck_assert_int_eq(slab_attr_show(s, "alloc_calls", buf), 8);
	t_shrink_destroy(s);
}
END_TEST

static size_t name_sites(unsigned long addr, char *buf, size_t len,
			 void *arg)
{
	(void)arg;
	if (addr != 0x1234 && addr != 0x5678)
		return 0;
	return snprintf(buf, len, "site-%lx", addr);
}

START_TEST(test_calls_chosen_site)
{
	struct kmem_cache *s = kmem_cache_create("chosen", 64, 0,
						 SLAB_STORE_USER, NULL);
	char buf[SLAB_ATTR_BUFSIZE];
	void *p, *q;

	/*
	 * A program that allocates for others names the call site itself:
	 * the site is recorded instead of the return address, and the
	 * program's symbolizer names it (an address it does not know falls
	 * through to the symbol table).
	 */
	slub_set_symbolizer(name_sites, NULL);
	slub_set_call_site(0x1234);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	slub_set_call_site(0x5678);
	q = kmem_cache_alloc(s, GFP_KERNEL);
	slub_set_call_site(0);
	ck_assert_int_gt(slab_attr_show(s, "alloc_calls", buf), 0);
	ck_assert_msg(has_line(buf, "^      1 site-1234 age="), "%s", buf);
	ck_assert_msg(has_line(buf, "^      1 site-5678 age="), "%s", buf);
	kmem_cache_free(s, p);
	p = t_site_alloc_a(s);
	ck_assert_int_gt(slab_attr_show(s, "alloc_calls", buf), 0);
	ck_assert_msg(has_line(buf, "^      1 t_site_alloc_a\\+0x"), "%s", buf);
	slub_set_symbolizer(NULL, NULL);
	ck_assert_int_gt(slab_attr_show(s, "alloc_calls", buf), 0);
	ck_assert_msg(has_line(buf, "^      1 0x5678 age="), "%s", buf);
	kmem_cache_free(s, p);
	kmem_cache_free(s, q);
	t_shrink_destroy(s);
}
END_TEST

/* ------------------------------------------------------------ failslab */

static void start_failslab(const char *boot, unsigned long seed)
{
	t_start(&(struct slub_config){ .simulated = true, .nr_cpus = 2,
				       .nomerge = true, .slub_debug = "a,victim",
				       .failslab = boot, .seed = seed,
				       .arena_bytes = 64UL << 20 });
}

static void set_fs(const char *attr, const char *value)
{
	ck_assert_int_eq(slub_failslab_store(attr, value, strlen(value)),
			 (ssize_t)strlen(value));
}

static const char *show_fs(const char *attr)
{
	static char buf[SLAB_ATTR_BUFSIZE];

	ck_assert_int_gt(slub_failslab_show(attr, buf), 0);
	return buf;
}

/* n allocations from s with flags; which failed, as a string of 0/1. */
static void pattern(struct kmem_cache *s, gfp_t flags, int n, char *out)
{
	void *p[256];
	int i;

	ck_assert_int_le(n, 256);
	for (i = 0; i < n; i++) {
		p[i] = kmem_cache_alloc(s, flags);
		out[i] = p[i] ? '0' : '1';
	}
	out[n] = '\0';
	for (i = 0; i < n; i++)
		if (p[i])
			kmem_cache_free(s, p[i]);
}

START_TEST(test_failslab_defaults_off)
{
	struct kmem_cache *v;
	char got[257];

	/*
	 * slub_debug=a marks victim (SLAB_FAILSLAB), and that alone fails
	 * nothing: probability 0. The defaults are the kernel's.
	 */
	start_failslab(NULL, 0);
	v = kmem_cache_create("victim", 64, 0, 0, NULL);
	ck_assert_int_eq(t_attr_long(v, "failslab"), 1);
	ck_assert_str_eq(show_fs("probability"), "0\n");
	ck_assert_str_eq(show_fs("interval"), "1\n");
	ck_assert_str_eq(show_fs("times"), "1\n");
	ck_assert_str_eq(show_fs("space"), "0\n");
	ck_assert_str_eq(show_fs("ignore-gfp-wait"), "Y\n");
	ck_assert_str_eq(show_fs("cache-filter"), "N\n");
	pattern(v, GFP_ATOMIC, 200, got);
	ck_assert_int_eq((int)strspn(got, "0"), 200);
	/* a store lasts until the next slub_init, which resets it */
	set_fs("probability", "100");
	set_fs("times", "-1");
	t_shrink_destroy(v);
	t_finish();
	start_failslab(NULL, 0);
	ck_assert_str_eq(show_fs("probability"), "0\n");
	ck_assert_str_eq(show_fs("times"), "1\n");
	t_finish();
}
END_TEST

START_TEST(test_failslab_attributes)
{
	struct kmem_cache *v, *o;
	char got[257];
	unsigned long before;

	start_failslab(NULL, 0);
	v = kmem_cache_create("victim", 64, 0, 0, NULL);
	o = kmem_cache_create("other", 64, 0, 0, NULL);
	set_fs("probability", "100");
	/* ignore-gfp-wait (on): a call that may sleep is never failed */
	pattern(v, GFP_KERNEL, 20, got);
	ck_assert_str_eq(got, "00000000000000000000");
	/* times 1 (the default): the first eligible call, then no more */
	pattern(v, GFP_ATOMIC, 5, got);
	ck_assert_str_eq(got, "10000");
	ck_assert_str_eq(show_fs("times"), "0\n");
	/* interval 3, two failures: the 3rd and 6th eligible calls */
	set_fs("times", "2");
	set_fs("interval", "3");
	pattern(v, GFP_ATOMIC, 10, got);
	ck_assert_str_eq(got, "0010010000");
	/* space 200 lets 64-byte objects through while it lasts: 3 of them */
	set_fs("interval", "1");
	set_fs("times", "-1");
	set_fs("space", "200");
	pattern(v, GFP_ATOMIC, 5, got);
	ck_assert_str_eq(got, "00011");
	ck_assert_str_eq(show_fs("space"), "8\n");
	/* __GFP_NOFAIL is never failed */
	pattern(v, GFP_ATOMIC | __GFP_NOFAIL, 5, got);
	ck_assert_str_eq(got, "00000");
	/* cache-filter: only the caches slub_debug=a marked */
	pattern(o, GFP_ATOMIC, 3, got);
	ck_assert_str_eq(got, "111");
	set_fs("cache-filter", "1");
	pattern(o, GFP_ATOMIC, 3, got);
	ck_assert_str_eq(got, "000");
	pattern(v, GFP_ATOMIC, 3, got);
	ck_assert_str_eq(got, "111");
	/* the sysfs flag marks a cache, and that is all it does */
	ck_assert_int_eq(slab_attr_store(o, "failslab", "1", 1), 1);
	pattern(o, GFP_ATOMIC, 3, got);
	ck_assert_str_eq(got, "111");
	/* a failed call returns before anything is counted, as 3.18 */
	before = t_stat(v, "alloc_fastpath") + t_stat(v, "alloc_slowpath");
	pattern(v, GFP_ATOMIC, 3, got);
	ck_assert_uint_eq(t_stat(v, "alloc_fastpath") +
			  t_stat(v, "alloc_slowpath"), before);
	/* bad writes */
	ck_assert_int_eq(slub_failslab_store("verbose", "1", 1), -ENOENT);
	ck_assert_int_eq(slub_failslab_store("probability", "-1", 2), -EINVAL);
	ck_assert_int_eq(slub_failslab_store("times", "x", 1), -EINVAL);
	ck_assert_int_eq(slub_failslab_store("cache-filter", "2", 1),
			 -EINVAL);
	set_fs("probability", "0");
	t_shrink_destroy(o);
	t_shrink_destroy(v);
	t_finish();
}
END_TEST

/*
 * Real threads: with restartable sequences kmalloc() and
 * kmem_cache_alloc() have a front door that skips slab_alloc_node() and
 * its hooks; turning the probability on must close it.
 */
START_TEST(test_failslab_real_threads)
{
	struct kmem_cache *v;
	void *p;

	t_start(&(struct slub_config){ .nr_cpus = 2, .nomerge = true,
				       .arena_bytes = 64UL << 20 });
	v = kmem_cache_create("victim", 64, 0, 0, NULL);
	p = kmalloc(64, GFP_KERNEL);
	ck_assert_ptr_nonnull(p);
	kfree(p);
	set_fs("ignore-gfp-wait", "0");
	set_fs("times", "-1");
	set_fs("probability", "100");
	ck_assert_ptr_null(kmalloc(64, GFP_KERNEL));
	ck_assert_ptr_null(kmem_cache_alloc(v, GFP_KERNEL));
	set_fs("probability", "0");
	p = kmem_cache_alloc(v, GFP_KERNEL);
	ck_assert_ptr_nonnull(p);
	kmem_cache_free(v, p);
	p = kmalloc(64, GFP_KERNEL);
	ck_assert_ptr_nonnull(p);
	kfree(p);
	kmem_cache_destroy(v);
	t_finish();
}
END_TEST

/* The failures of 200 draws at 50% under a seed. */
static void draws(unsigned long seed, char *got)
{
	struct kmem_cache *v;

	start_failslab(NULL, seed);
	v = kmem_cache_create("victim", 64, 0, 0, NULL);
	set_fs("cache-filter", "1");
	set_fs("times", "-1");
	set_fs("probability", "50");
	pattern(v, GFP_ATOMIC, 200, got);
	set_fs("probability", "0");
	t_shrink_destroy(v);
	t_finish();
}

START_TEST(test_failslab_seeded)
{
	char a[257], b[257], c[257];
	int fails = 0, i;

	/*
	 * The draws depend on the seed alone: two runs with seed 7 fail the
	 * same calls, a run with seed 8 others, about half of them.
	 */
	draws(7, a);
	draws(7, b);
	draws(8, c);
	ck_assert_str_eq(a, b);
	ck_assert_str_ne(a, c);
	for (i = 0; i < 200; i++)
		fails += a[i] == '1';
	ck_assert_msg(fails > 50 && fails < 150, "%d of 200 failed", fails);
}
END_TEST

START_TEST(test_boot_fails_cleanly)
{
	struct slub_config cfg = { .simulated = true, .nr_cpus = 2,
				   .arena_bytes = 64UL << 20,
				   .failslab = "1,100,0,-1" };

	/*
	 * Every boot allocation that may not sleep fails: the kernel would
	 * panic; slub_init() tears the boot down and says -ENOMEM. Then a
	 * boot with a sane configuration works. A malformed option is
	 * -EINVAL (the kernel would ignore it).
	 */
	ck_assert_int_eq(slub_init(&cfg), -ENOMEM);
	ck_assert(!slub_running());
	cfg.failslab = "1,100,0";
	ck_assert_int_eq(slub_init(&cfg), -EINVAL);
	ck_assert(!slub_running());
	cfg.failslab = "1,100,0,-1,5";
	ck_assert_int_eq(slub_init(&cfg), -EINVAL);
	/* a limited budget can fail one boot allocation, still no panic */
	cfg.failslab = "1,100,0,1";
	ck_assert_int_eq(slub_init(&cfg), -ENOMEM);
	ck_assert(!slub_running());
	cfg.failslab = NULL;
	t_start(&cfg);
	t_finish();
}
END_TEST

/* ------------------------------------------------------------ suite */

Suite *stats_suite(void)
{
	Suite *s = suite_create("stats");
	TCase *tc;

	build_drain_text();
	tc = tcase_create("stat_items");
	tcase_set_timeout(tc, 60);
	tcase_add_loop_test(tc, test_stat_items, 0, NR_STAT_CASES);
	tcase_add_test(tc, test_every_item_covered);
	suite_add_tcase(s, tc);

	tc = tcase_create("call_sites");
	tcase_add_checked_fixture(tc, setup_store_user, t_teardown);
	tcase_add_test(tc, test_calls_enosys);
	tcase_add_test(tc, test_calls_sites);
	tcase_add_test(tc, test_calls_chosen_site);
	suite_add_tcase(s, tc);

	tc = tcase_create("failslab");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_failslab_defaults_off);
	tcase_add_test(tc, test_failslab_attributes);
	tcase_add_test(tc, test_failslab_seeded);
	tcase_add_test(tc, test_failslab_real_threads);
	tcase_add_test(tc, test_boot_fails_cleanly);
	suite_add_tcase(s, tc);
	return s;
}
