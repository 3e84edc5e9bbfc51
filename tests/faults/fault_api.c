// SPDX-License-Identifier: GPL-2.0-only
/*
 * Fault injection through the C API.
 *
 *   fault_api [-v]
 *
 * 1. A workload (create caches with and without debugging, constructor,
 *    RCU and merging; alloc, bulk alloc, zalloc, kmalloc of every size
 *    class and of large sizes; frees on another simulated CPU; shrink;
 *    destroy) runs once clean and then once with the N-th page
 *    allocation failing, for every N the run reaches. Each run is a child
 *    process. In each: an operation returns NULL (kmem_cache_create: fails)
 *    only in the operation where the injected failure fired, every other
 *    operation succeeds, the objects keep their contents, the invariants
 *    hold (after the operation that met the fault, at each phase and at
 *    the end), and after destroying everything and shrinking every cache
 *    the pages and objects are back to the post-boot baseline.
 * 2. Exhaustion: one injected failure never fails a slab allocation,
 *    because allocate_slab() retries at the cache's minimum order. To reach
 *    the NULL return of kmem_cache_alloc() the arena is filled with large
 *    kmallocs; then allocations from a new slab fail cleanly, and after
 *    the filler is freed everything works again and nothing leaks.
 * 3. SLAB_PANIC: a creation that fails (by an injected failure, and by an
 *    invalid size) aborts with the kernel's message; checked in a child's
 *    exit signal and stderr.
 *
 * The last line: "fault_api: F faults injected, X failures".
 */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "slub.h"
#include "fault_util.h"

#define ARENA		(16UL << 20)
#define PROBE_BYTES	(4 * 4096)
#define NR_CACHES	5
#define PER_CACHE	150
#define MAX_OBJS	2048
#define CTOR_BYTE	0x3c

struct result {
	bool done, fired;
	int problems;
	int nulls;		/* operations that returned NULL */
	int fault_op;		/* operation where a page allocation failed */
	unsigned long allocs, failures;
	char why[600];
};

struct obj {
	unsigned char *p;
	size_t len;
	int cache;		/* -1: kmalloc */
	uint32_t id;
};

struct ctx {
	struct result *r;
	long nth;
	int op;			/* operations so far */
	bool knob_pending;	/* armed and not yet seen to fire */
	bool fault_seen;
	struct kmem_cache *c[NR_CACHES];
	size_t csize[NR_CACHES];
	bool cctor[NR_CACHES];
	struct obj o[MAX_OBJS];
	int n;
	uint32_t next_id;
};

static bool verbose;

static void problem(struct ctx *x, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void problem(struct ctx *x, const char *fmt, ...)
{
	struct result *r = x->r;
	va_list ap;
	int len;

	if (r->problems++)
		return;
	len = snprintf(r->why, sizeof(r->why), "op %d: ", x->op);
	va_start(ap, fmt);
	vsnprintf(r->why + len, sizeof(r->why) - len, fmt, ap);
	va_end(ap);
}

static unsigned long page_failures(void)
{
	struct slub_page_stats st;

	slub_page_stats(&st);
	return st.failures;
}

static void ctor(void *p)
{
	memset(p, CTOR_BYTE, 16);
}

static unsigned char pat(uint32_t id, size_t i)
{
	return (unsigned char)(id * 37u + i * 11u + 5);
}

static void check_invariants(struct ctx *x, const char *where)
{
	int bad = slub_check_invariants(stderr);

	if (bad)
		problem(x, "%d invariant violations (%s)", bad, where);
}

/*
 * Every operation goes through begin/end: end() decides whether a NULL
 * result was legitimate. It was if a page allocation failed during the
 * operation, or (for a cache creation, whose per-CPU area fails without
 * counting a page failure) if the injected failure was still pending.
 */
struct opstate {
	unsigned long fails;
	bool pending;
};

static struct opstate begin(struct ctx *x)
{
	struct opstate s = { page_failures(), x->knob_pending };

	x->op++;
	return s;
}

static void end(struct ctx *x, struct opstate s, bool ok, bool is_create,
		const char *what)
{
	bool failed_page = page_failures() != s.fails;

	if (failed_page || (!ok && is_create && s.pending)) {
		if (x->r->fault_op < 0)
			x->r->fault_op = x->op;
		x->knob_pending = false;
		x->fault_seen = true;
		check_invariants(x, "after the fault");
	}
	if (ok)
		return;
	x->r->nulls++;
	if (!failed_page && !(is_create && s.pending))
		problem(x, "%s failed without a failed page allocation", what);
}

static void add(struct ctx *x, void *p, size_t len, int cache, bool zero)
{
	struct obj *o;
	size_t i;

	if (x->n >= MAX_OBJS) {
		problem(x, "too many objects");
		return;
	}
	if ((uintptr_t)p % 8)
		problem(x, "object %p misaligned", p);
	if (zero)
		for (i = 0; i < len; i++)
			if (((unsigned char *)p)[i]) {
				problem(x, "zeroed object %p: byte %zu is %#x",
					p, i, ((unsigned char *)p)[i]);
				break;
			}
	if (cache >= 0 && x->cctor[cache] && !zero)
		for (i = 0; i < 16 && i < len; i++)
			if (((unsigned char *)p)[i] != CTOR_BYTE) {
				problem(x, "object %p not constructed", p);
				break;
			}
	o = &x->o[x->n++];
	o->p = p;
	o->len = len;
	o->cache = cache;
	o->id = x->next_id++;
	for (i = 0; i < len; i++)
		o->p[i] = pat(o->id, i);
}

/* Check and forget object k; returns its pointer. */
static void *take(struct ctx *x, int k)
{
	struct obj o = x->o[k];
	size_t i;

	for (i = 0; i < o.len; i++)
		if (o.p[i] != pat(o.id, i)) {
			problem(x, "object %p (%zu bytes) byte %zu changed",
				(void *)o.p, o.len, i);
			break;
		}
	if (o.cache >= 0 && x->cctor[o.cache])
		memset(o.p, CTOR_BYTE, 16);
	x->o[k] = x->o[--x->n];
	return o.p;
}

static void do_create(struct ctx *x, int k, const char *name, size_t size,
		      size_t align, unsigned long flags, bool with_ctor)
{
	struct opstate s = begin(x);

	x->c[k] = kmem_cache_create(name, size, align, flags,
				    with_ctor ? ctor : NULL);
	x->csize[k] = size;
	x->cctor[k] = with_ctor;
	end(x, s, x->c[k] != NULL, true, "kmem_cache_create");
}

static void do_alloc(struct ctx *x, int k, bool zero)
{
	struct opstate s;
	void *p;

	if (!x->c[k])
		return;
	s = begin(x);
	p = zero ? kmem_cache_zalloc(x->c[k], GFP_KERNEL) :
		   kmem_cache_alloc(x->c[k], GFP_KERNEL);
	end(x, s, p != NULL, false, "kmem_cache_alloc");
	if (p)
		add(x, p, x->csize[k], k, zero);
}

static void do_bulk(struct ctx *x, int k, size_t n)
{
	void *p[32];
	struct opstate s;
	size_t i;
	int got;

	if (!x->c[k])
		return;
	s = begin(x);
	got = kmem_cache_alloc_bulk(x->c[k], GFP_KERNEL, n, p);
	end(x, s, got != 0, false, "kmem_cache_alloc_bulk");
	if (got && (size_t)got != n)
		problem(x, "kmem_cache_alloc_bulk returned %d of %zu", got, n);
	for (i = 0; got && i < n; i++)
		add(x, p[i], x->csize[k], k, false);
}

/*
 * The prefill API: reserve n objects, take every one (which cannot fail
 * once the prefill succeeded), give the sheaf back.
 */
static void do_prefill(struct ctx *x, int k, unsigned int n)
{
	struct slab_sheaf *sh;
	struct opstate s;
	unsigned int i;

	if (!x->c[k])
		return;
	s = begin(x);
	sh = kmem_cache_prefill_sheaf(x->c[k], GFP_KERNEL, n);
	end(x, s, sh != NULL, false, "kmem_cache_prefill_sheaf");
	if (!sh)
		return;
	if (kmem_cache_sheaf_size(sh) < n)
		problem(x, "a prefilled sheaf holds %u of %u objects",
			kmem_cache_sheaf_size(sh), n);
	for (i = 0; i < n; i++) {
		void *p = kmem_cache_alloc_from_sheaf(x->c[k], GFP_KERNEL, sh);

		if (!p) {
			problem(x, "object %u of a prefilled sheaf is NULL", i);
			break;
		}
		add(x, p, x->csize[k], k, false);
	}
	x->op++;
	kmem_cache_return_sheaf(x->c[k], GFP_KERNEL, sh);
}

static void do_kmalloc(struct ctx *x, size_t size, bool zero)
{
	struct opstate s = begin(x);
	void *p = zero ? kzalloc(size, GFP_KERNEL) : kmalloc(size, GFP_KERNEL);

	end(x, s, p != NULL, false, "kmalloc");
	if (p) {
		if (ksize(p) < size)
			problem(x, "ksize %zu < %zu", ksize(p), size);
		add(x, p, size, -1, zero);
	}
}

/* Free every object of cache k (-1: kmalloc), the odd ones on CPU 1. */
static void free_all_of(struct ctx *x, int k, int every)
{
	int i;

	for (i = x->n - 1; i >= 0; i--) {
		int cache = x->o[i].cache;
		void *p;

		if (cache != k || (every > 1 && i % every))
			continue;
		slub_sim_set_cpu(i & 1);
		p = take(x, i);
		x->op++;
		if (cache < 0)
			kfree(p);
		else
			kmem_cache_free(x->c[cache], p);
	}
	slub_sim_set_cpu(0);
}

static void do_shrink(struct ctx *x, int k)
{
	if (!x->c[k])
		return;
	x->op++;
	kmem_cache_shrink(x->c[k]);
}

static void do_destroy(struct ctx *x, int k)
{
	if (!x->c[k])
		return;
	x->op++;
	kmem_cache_destroy(x->c[k]);
	x->c[k] = NULL;
}

static void workload(struct ctx *x)
{
	static const size_t kmalloc_sizes[] = {
		1, 8, 16, 24, 32, 64, 72, 96, 128, 160, 192, 256, 500, 512,
		1000, 1024, 2048, 3000, 4096, 8192, 8193, 16384, 40000,
		100000, 1 << 20, 4 << 20,
	};
	int i, k;

	do_create(x, 0, "fa-64", 64, 0, 0, false);	/* merges */
	do_create(x, 1, "fa-ctor", 200, 0, SLAB_HWCACHE_ALIGN, true);
	do_create(x, 2, "fa-debug-rcu", 1000, 0, SLAB_DESTROY_BY_RCU |
		  SLAB_RED_ZONE | SLAB_POISON | SLAB_STORE_USER, false);
	do_create(x, 3, "fa-big", 5000, 64, SLAB_DEBUG_FREE, false);
	do_create(x, 4, "fa-small", 8, 0, SLAB_RECLAIM_ACCOUNT, true);
	check_invariants(x, "after creation");

	for (i = 0; i < PER_CACHE; i++) {
		slub_sim_set_cpu(i % 3 == 0);
		for (k = 0; k < NR_CACHES; k++)
			do_alloc(x, k, i % 7 == 3 && !x->cctor[k]);
	}
	for (k = 0; k < NR_CACHES; k++)
		do_bulk(x, k, 20);
	for (k = 0; k < NR_CACHES; k++)
		do_prefill(x, k, 5 + 7 * (unsigned int)k);
	do_prefill(x, 0, 200);		/* above any sheaf's capacity */
	slub_sim_set_cpu(0);
	check_invariants(x, "after the allocations");

	for (i = 0; i < (int)(sizeof(kmalloc_sizes) /
			      sizeof(kmalloc_sizes[0])); i++) {
		slub_sim_set_cpu(i & 1);
		do_kmalloc(x, kmalloc_sizes[i], i % 3 == 0);
		do_kmalloc(x, kmalloc_sizes[i], false);
	}
	slub_sim_set_cpu(0);
	check_invariants(x, "after kmalloc");

	/* Free half of everything, on both CPUs; shrink. */
	for (k = -1; k < NR_CACHES; k++)
		free_all_of(x, k, 2);
	for (k = 0; k < NR_CACHES; k++)
		do_shrink(x, k);
	check_invariants(x, "after half the frees and shrink");

	/* Allocate again into the partial slabs, then free everything. */
	for (i = 0; i < PER_CACHE / 2; i++)
		for (k = 0; k < NR_CACHES; k++)
			do_alloc(x, k, false);
	for (k = -1; k < NR_CACHES; k++)
		free_all_of(x, k, 1);
	for (k = 0; k < NR_CACHES; k++) {
		do_shrink(x, k);
		do_destroy(x, k);
	}
	/* A cache created and destroyed at once, after everything. */
	do_create(x, 0, "fa-late", 300, 0, 0, false);
	do_alloc(x, 0, false);
	free_all_of(x, 0, 1);
	do_destroy(x, 0);
	check_invariants(x, "at the end");
}

static void run_workload(long nth, struct result *r)
{
	static struct ctx ctx;
	struct slub_config cfg = {
		.simulated = true, .nr_cpus = 2, .arena_bytes = ARENA,
		.slub_debug = "-",
	};
	struct slub_page_stats st0, st1;
	struct rel_usage base, endu;
	struct ctx *x = &ctx;

	memset(x, 0, sizeof(*x));
	memset(r, 0, sizeof(*r));
	r->fault_op = -1;
	x->r = r;
	x->nth = nth;
	if (slub_init(&cfg)) {
		problem(x, "slub_init failed");
		return;
	}
	rel_usage(&base);
	slub_page_stats(&st0);
	if (nth > 0) {
		slub_fail_page_alloc((unsigned long)nth);
		x->knob_pending = true;
	}
	workload(x);
	slub_page_stats(&st1);
	r->allocs = st1.allocs - st0.allocs;
	r->failures = st1.failures - st0.failures;
	if (nth > 0) {
		void *p = kmalloc(PROBE_BYTES, GFP_KERNEL);

		r->fired = p != NULL;
		kfree(p);
		slub_fail_page_alloc(0);
	}
	rel_usage(&endu);
	if (rel_usage_check(&base, &endu, stderr))
		problem(x, "leak after destroying everything");
	check_invariants(x, "after shrinking everything");
	slub_shutdown();
}

typedef void (*child_fn)(long arg, struct result *r);

/* Run fn in a child; false if it crashed. */
static bool in_child(child_fn fn, long arg, struct result *r)
{
	int fd[2], status;
	pid_t pid;

	fflush(NULL);
	if (pipe(fd) || (pid = fork()) < 0) {
		perror("fault_api: pipe/fork");
		exit(2);
	}
	if (!pid) {
		close(fd[0]);
		fn(arg, r);
		r->done = true;
		if (write(fd[1], r, sizeof(*r)) != (ssize_t)sizeof(*r))
			_exit(3);
		/*
		 * LeakSanitizer checks the clean run, the first faults and
		 * every run in which an operation returned NULL.
		 */
		if (arg <= 4 || r->nulls || r->problems)
			exit(0);
		_exit(0);
	}
	close(fd[1]);
	if (!rel_reap(fd[0], pid, r, sizeof(*r), &status) || !r->done) {
		memset(r, 0, sizeof(*r));
		r->problems = 1;
		rel_death(status, r->why, sizeof(r->why));
		return false;
	}
	if (rel_failed_after(status, r->why, sizeof(r->why)))
		r->problems++;
	return true;
}

static long total_faults, total_failures;

static void test_workload(void)
{
	struct result clean, r;
	long n, bound, faults = 0, fails = 0, nulls = 0;

	in_child(run_workload, 0, &clean);
	if (clean.problems || clean.nulls) {
		printf("FAIL workload: the clean run: %s (%d NULL results)\n",
		       clean.why, clean.nulls);
		total_failures++;
		return;
	}
	bound = (long)(clean.allocs + clean.failures) + 16;
	for (n = 1; n <= bound + 1; n++) {
		bool alive = in_child(run_workload, n, &r);

		if (alive && !r.fired && !r.problems)
			break;
		faults++;
		nulls += r.nulls > 0;
		if (r.problems) {
			fails++;
			printf("FAIL workload: fault at page allocation %ld: "
			       "%s\n", n, r.why);
		}
		if (verbose)
			printf("  N=%ld fault at op %d, %d NULL results\n", n,
			       r.fault_op, r.nulls);
	}
	if (n > bound + 1) {
		printf("FAIL workload: the fault still fired at allocation "
		       "%ld\n", n - 1);
		fails++;
	}
	printf("%s workload: %ld faults injected (clean run: %lu page "
	       "allocations), %ld failures; %ld runs had an operation "
	       "return NULL, the others recovered (order fallback)\n",
	       fails ? "FAIL" : "ok", faults, clean.allocs, fails, nulls);
	total_faults += faults;
	total_failures += fails;
}

/* ------------------------------------------------------------ exhaustion */

static void run_exhaustion(long variant, struct result *r)
{
	static const unsigned long flags[] = {
		0, SLAB_RED_ZONE | SLAB_POISON | SLAB_STORE_USER,
		SLAB_DESTROY_BY_RCU, SLAB_HWCACHE_ALIGN,
	};
	struct slub_config cfg = {
		.simulated = true, .nr_cpus = 2, .arena_bytes = 16UL << 20,
		.slub_debug = "-", .nomerge = true,
	};
	static void *fill[8192];
	static struct ctx ctx;
	struct ctx *x = &ctx;
	struct rel_usage base, endu;
	struct kmem_cache *s;
	int nfill = 0, order, i, got = 0;
	void *p;

	memset(x, 0, sizeof(*x));
	memset(r, 0, sizeof(*r));
	x->r = r;
	if (slub_init(&cfg)) {
		problem(x, "slub_init failed");
		return;
	}
	rel_usage(&base);
	s = kmem_cache_create("ex", 700, 0, flags[variant], NULL);
	if (!s) {
		problem(x, "kmem_cache_create failed");
		goto out;
	}
	/* Fill the arena, largest blocks first. */
	for (order = 10; order >= 0; order--)
		while (nfill < 8192 &&
		       (p = kmalloc(4096UL << order, GFP_KERNEL | __GFP_NOWARN)))
			fill[nfill++] = p;
	if (nfill >= 8192)
		problem(x, "the arena did not fill up");
	/* A new slab is needed at once: it cannot be had. */
	p = kmem_cache_alloc(s, GFP_KERNEL);
	if (p) {
		problem(x, "kmem_cache_alloc succeeded in a full arena");
		kmem_cache_free(s, p);
	}
	r->nulls++;
	check_invariants(x, "after the failed allocation");
	/* kmalloc may use free objects of existing slabs; never crash. */
	for (i = 0; i < 64; i++) {
		void *q = kmalloc(8 << (i % 11), GFP_KERNEL);

		kfree(q);
	}
	check_invariants(x, "after kmalloc in a full arena");
	while (nfill)
		kfree(fill[--nfill]);
	/* Memory is back: the cache works again. */
	for (i = 0; i < 100; i++) {
		fill[i] = kmem_cache_alloc(s, GFP_KERNEL);
		got += fill[i] != NULL;
	}
	if (got != 100)
		problem(x, "only %d of 100 allocations after the arena was "
			"freed", got);
	for (i = 0; i < 100; i++)
		if (fill[i])
			kmem_cache_free(s, fill[i]);
	kmem_cache_destroy(s);
	check_invariants(x, "at the end");
out:
	rel_usage(&endu);
	if (rel_usage_check(&base, &endu, stderr))
		problem(x, "leak after the exhaustion test");
	slub_shutdown();
}

static void test_exhaustion(void)
{
	static const char *const names[] = {
		"plain", "red_zone+poison+store_user", "destroy_by_rcu",
		"hwcache_align",
	};
	long v;

	for (v = 0; v < 4; v++) {
		struct result r;

		in_child(run_exhaustion, v, &r);
		if (r.problems) {
			printf("FAIL exhaustion (%s): %s\n", names[v], r.why);
			total_failures++;
		} else {
			printf("ok exhaustion (%s): a full arena fails the "
			       "allocation cleanly, then recovers\n", names[v]);
		}
	}
}

/* ------------------------------------------------------------ SLAB_PANIC */

/* Try creating a cache with the nth allocation failing: 1 if it failed. */
static void try_create(long nth, struct result *r)
{
	struct slub_config cfg = {
		.simulated = true, .nr_cpus = 2, .arena_bytes = 16UL << 20,
		.slub_debug = "-", .nomerge = true,
	};
	struct kmem_cache *s;

	memset(r, 0, sizeof(*r));
	slub_init(&cfg);
	slub_fail_page_alloc((unsigned long)nth);
	s = kmem_cache_create("panic-test", 100, 0, 0, NULL);
	r->nulls = !s;
	slub_shutdown();
}

/*
 * Create with SLAB_PANIC in a child whose stderr goes to a pipe; nth > 0:
 * with that failure injected, nth == 0: with an invalid size.
 */
static void check_panic(long nth)
{
	struct slub_config cfg = {
		.simulated = true, .nr_cpus = 2, .arena_bytes = 16UL << 20,
		.slub_debug = "-", .nomerge = true,
	};
	char buf[4096] = "";
	const char *want;
	int fd[2], status;
	size_t len = 0;
	ssize_t n;
	pid_t pid;

	fflush(NULL);
	if (pipe(fd) || (pid = fork()) < 0) {
		perror("fault_api: pipe/fork");
		exit(2);
	}
	if (!pid) {
		close(fd[0]);
		dup2(fd[1], 2);
		slub_init(&cfg);
		if (nth > 0)
			slub_fail_page_alloc((unsigned long)nth);
		kmem_cache_create("panic-test", nth > 0 ? 100 : 4, 0,
				  SLAB_PANIC, NULL);
		fprintf(stderr, "kmem_cache_create returned\n");
		_exit(0);
	}
	close(fd[1]);
	while (len < sizeof(buf) - 1 &&
	       (n = read(fd[0], buf + len, sizeof(buf) - 1 - len)) > 0)
		len += (size_t)n;
	buf[len] = '\0';
	close(fd[0]);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	want = strstr(buf, "kmem_cache_create: Failed to create slab "
		      "'panic-test'") ? "Failed to create slab" :
	       strstr(buf, "Cannot create slab panic-test") ?
	       "Cannot create slab" : NULL;
	if (WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT && want &&
	    strstr(buf, "Kernel panic - not syncing: ")) {
		printf("ok SLAB_PANIC (%s): the child aborted with \"%s\"\n",
		       nth > 0 ? "injected failure" : "invalid size", want);
		return;
	}
	printf("FAIL SLAB_PANIC (%s): status %#x (%s), stderr: %.300s\n",
	       nth > 0 ? "injected failure" : "invalid size", status,
	       WIFSIGNALED(status) ? strsignal(WTERMSIG(status)) : "exited",
	       buf);
	total_failures++;
}

static void test_panic(void)
{
	struct result r;
	long n;

	check_panic(0);
	for (n = 1; n <= 32; n++) {
		in_child(try_create, n, &r);
		if (r.nulls)
			break;
	}
	if (n > 32) {
		printf("FAIL SLAB_PANIC: no injected failure makes "
		       "kmem_cache_create fail\n");
		total_failures++;
		return;
	}
	total_faults++;
	check_panic(n);
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "-v"))
		verbose = true;
	setvbuf(stdout, NULL, _IOLBF, 0);
	test_workload();
	test_exhaustion();
	test_panic();
	printf("fault_api: %ld faults injected, %ld failures\n", total_faults,
	       total_failures);
	return total_failures ? 1 : 0;
}
