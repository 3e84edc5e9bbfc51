// SPDX-License-Identifier: GPL-2.0-only
/*
 * bench.c - one allocator under test, measured on the benchmark's workloads.
 *
 * The same source is compiled once per allocator; exactly one of these
 * selects the allocator and makes its calls direct (no function pointers,
 * no wrapper), so every allocator is called the way a user would call it:
 *
 *   BENCH_MALLOC	malloc()/free(); the peer (glibc, jemalloc, mimalloc,
 *			tcmalloc) is whichever library the binary was linked
 *			with, and the binary reports which one provides malloc
 *   BENCH_SLUB_CACHE	kmem_cache_alloc()/kmem_cache_free()
 *   BENCH_SLUB_KMALLOC	kmalloc()/kfree()
 *   BENCH_IDEAL	an intrusive single-threaded freelist whose pop and
 *			push are out-of-line function calls: the floor
 *
 * Usage: bench-NAME [-s] [-r REPS] WORKLOAD...
 *   WORKLOAD is one of lifo, lifo64, batch, remote, mixed, mem.
 *   -s runs tiny iteration counts (the smoke test), -r overrides the
 *   number of timed repetitions (each workload runs one untimed warm-up
 *   repetition first).
 *
 * Output, one fact per line, read by bench-run:
 *   alloc NAME
 *   malloc PATH			(the object that provides malloc)
 *   result KEY MEDIAN MIN MAX REPS	(ns per operation, or a ratio)
 *   stat KEY ATTR VALUE		(SLUB counters after a workload)
 *   info KEY VALUE			(a plain fact: the RSS test's KiB)
 *   skip WORKLOAD REASON
 * Allocator memory never holds the harness's own arrays: those come from
 * mmap, so they neither disturb the peers nor count as their memory.
 */
#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#if defined(BENCH_SLUB_CACHE) || defined(BENCH_SLUB_KMALLOC)
#define BENCH_SLUB 1
#include "slub.h"
#endif

#if defined(BENCH_MALLOC) + defined(BENCH_SLUB_CACHE) + \
	defined(BENCH_SLUB_KMALLOC) + defined(BENCH_IDEAL) != 1
#error "define one of BENCH_{MALLOC,SLUB_CACHE,SLUB_KMALLOC,IDEAL}"
#endif

#ifndef BENCH_NAME
#define BENCH_NAME "unnamed"
#endif

#define MAX_REPS	64

/* The timed loops stay functions of their own, for profilers. */
#define noinline	__attribute__((noinline))
#define __maybe_unused	__attribute__((unused))

/* Iteration counts: full run and smoke test. */
struct counts {
	unsigned long lifo;	/* alloc/free pairs per repetition */
	unsigned long batch;	/* live objects in the batch test */
	unsigned long remote;	/* objects through the ring per repetition */
	unsigned long mixed;	/* free+alloc operations per repetition */
	unsigned long mem;	/* live 64-byte objects for the RSS test */
	int reps;		/* timed repetitions */
};

static const struct counts full_counts = {
	.lifo = 10000000, .batch = 1000000, .remote = 500000,
	.mixed = 5000000, .mem = 1000000, .reps = 3,
};

static const struct counts smoke_counts = {
	.lifo = 10000, .batch = 10000, .remote = 10000,
	.mixed = 10000, .mem = 10000, .reps = 2,
};

static struct counts cnt;

static void die(const char *what)
{
	fprintf(stderr, "bench-%s: %s: %s\n", BENCH_NAME, what,
		errno ? strerror(errno) : "failed");
	exit(1);
}

/*
 * Single-threaded tests time the thread's CPU time: on a shared machine,
 * the slices other processes take do not count against the allocator
 * (on a quiet one it equals the elapsed time). Page faults count: the
 * kernel's time on the thread's behalf is part of it. The two-thread
 * test must time elapsed time, wall_ns().
 */
static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static double wall_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

/* Harness memory: straight from mmap, never from the allocator under test. */
static void *map(size_t bytes)
{
	void *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);

	if (p == MAP_FAILED)
		die("mmap");
	return p;
}

static void unmap(void *p, size_t bytes)
{
	munmap(p, bytes);
}

/* Keep the compiler from deleting a malloc/free pair it can see through. */
static inline void escape(void *p)
{
	asm volatile("" : : "r"(p) : "memory");
}

/* A user touches what it allocates: one word, as cheap as a touch gets. */
static inline void touch(void *p, unsigned long v)
{
	*(volatile unsigned long *)p = v;
	escape(p);
}

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;

static uint64_t rng_next(void)	/* splitmix64: fixed seed, same sequence */
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static void report(const char *key, const double *v, int n)
{
	double s[MAX_REPS];
	double med;

	memcpy(s, v, n * sizeof(*s));
	qsort(s, n, sizeof(*s), cmp_double);
	med = n & 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
	printf("result %s %.4f %.4f %.4f %d\n", key, med, s[0], s[n - 1], n);
	fflush(stdout);
}

static __maybe_unused void skip(const char *w, const char *why)
{
	printf("skip %s %s\n", w, why);
}

/* ------------------------------------------------------------ allocators */
/*
 * A context per object size: the cache for kmem_cache_alloc, the freelist
 * for the ideal allocator, just the size for malloc and kmalloc.
 */
struct ctx {
	size_t size;
#ifdef BENCH_SLUB_CACHE
	struct kmem_cache *s;
#endif
#ifdef BENCH_IDEAL
	struct ideal_list *l;
#endif
};

#ifdef BENCH_IDEAL
/*
 * The ideal: a LIFO list threaded through the free objects themselves,
 * carved once from one mapping large enough for the largest live set.
 * noipa keeps gcc from inlining the calls or exploiting their bodies
 * across the call, so each is a real call like a library's.
 */
struct ideal_obj {
	struct ideal_obj *next;
};

struct ideal_list {
	struct ideal_obj *head;
};

__attribute__((noipa)) void *ideal_pop(struct ideal_list *l)
{
	struct ideal_obj *o = l->head;

	l->head = o->next;
	return o;
}

__attribute__((noipa)) void ideal_push(struct ideal_list *l, void *p)
{
	struct ideal_obj *o = p;

	o->next = l->head;
	l->head = o;
}

static void ideal_setup(struct ctx *c, size_t size, unsigned long nr)
{
	char *base = map(size * nr);
	unsigned long i;

	c->l = map(sizeof(*c->l));
	for (i = nr; i-- > 0;)
		ideal_push(c->l, base + i * size);
}
#endif

static void ctx_setup(struct ctx *c, size_t size, unsigned long nr)
{
	c->size = size;
#ifdef BENCH_SLUB_CACHE
	char name[32];

	snprintf(name, sizeof(name), "bench-%zu", size);
	c->s = kmem_cache_create(name, size, 0, 0, NULL);
	if (!c->s)
		die("kmem_cache_create");
#endif
#ifdef BENCH_IDEAL
	ideal_setup(c, size, nr);
#else
	(void)nr;
#endif
}

static inline void *b_alloc(struct ctx *c)
{
#if defined(BENCH_MALLOC)
	return malloc(c->size);
#elif defined(BENCH_SLUB_CACHE)
	return kmem_cache_alloc(c->s, GFP_KERNEL);
#elif defined(BENCH_SLUB_KMALLOC)
	return kmalloc(c->size, GFP_KERNEL);
#else
	return ideal_pop(c->l);
#endif
}

static inline void b_free(struct ctx *c, void *p)
{
#if defined(BENCH_MALLOC)
	(void)c;
	free(p);
#elif defined(BENCH_SLUB_CACHE)
	kmem_cache_free(c->s, p);
#elif defined(BENCH_SLUB_KMALLOC)
	(void)c;
	kfree(p);
#else
	ideal_push(c->l, p);
#endif
}

/* Variable sizes: only the general-purpose interfaces have them. */
#if defined(BENCH_MALLOC) || defined(BENCH_SLUB_KMALLOC)
#define HAVE_SIZED 1
static inline void *b_alloc_size(size_t size)
{
#ifdef BENCH_MALLOC
	return malloc(size);
#else
	return kmalloc(size, GFP_KERNEL);
#endif
}

static inline void b_free_any(void *p)
{
#ifdef BENCH_MALLOC
	free(p);
#else
	kfree(p);
#endif
}
#endif

#ifdef BENCH_SLUB
/* Print the first number of a counter attribute ("total C0=n C1=m"). */
static void slub_stat(const char *key, struct ctx *c, const char *attr)
{
	char buf[SLAB_ATTR_BUFSIZE];
	struct kmem_cache *s;
	ssize_t n;

#ifdef BENCH_SLUB_CACHE
	s = c->s;
#else
	char name[32];

	snprintf(name, sizeof(name), "kmalloc-%zu", c->size);
	s = slub_find_cache(name);
	if (!s)
		return;
#endif
	n = slab_attr_show(s, attr, buf);
	if (n <= 0)
		return;
	printf("stat %s %s %lu\n", key, attr, strtoul(buf, NULL, 10));
}

static void slub_stats(const char *key, struct ctx *c)
{
	static const char *const attrs[] = {
		"alloc_fastpath", "alloc_slowpath", "free_fastpath",
		"free_slowpath", "sheaf_refill", "sheaf_flush", "barn_get",
		"barn_put",
	};
	unsigned int i;

	for (i = 0; i < sizeof(attrs) / sizeof(attrs[0]); i++)
		slub_stat(key, c, attrs[i]);
}
#else
static void slub_stats(const char *key, struct ctx *c)
{
	(void)key;
	(void)c;
}
#endif

/* ------------------------------------------------------------ 1. LIFO */
static noinline double lifo_once(struct ctx *c, unsigned long n)
{
	double t0 = now_ns();
	unsigned long i;

	for (i = 0; i < n; i++) {
		void *p = b_alloc(c);

		touch(p, i);
		b_free(c, p);
	}
	return (now_ns() - t0) / n;
}

static void run_lifo(size_t size)
{
	double v[MAX_REPS];
	char key[32];
	struct ctx c;
	int r;

	ctx_setup(&c, size, 64);
	lifo_once(&c, cnt.lifo / 10 + 1);	/* warm-up */
	for (r = 0; r < cnt.reps; r++)
		v[r] = lifo_once(&c, cnt.lifo);
	snprintf(key, sizeof(key), "lifo%zu", size);
	report(key, v, cnt.reps);
	slub_stats(key, &c);
}

/* ------------------------------------------------------------ 2. batch */
/*
 * Allocate N objects, then free them all: in allocation order (FIFO) in
 * one series of repetitions, in a random order fixed by the seed in the
 * next. Each series starts with an untimed warm-up cycle, so every timed
 * allocation phase meets the heap that its own kind of free left behind:
 * after random frees, a freelist allocator hands objects out in random
 * order, and that cost belongs to the random case. The free order is laid
 * out in an array before the clock starts, so the harness itself reads
 * sequentially in both cases and only the allocator meets the randomness.
 */
static noinline void batch_once(struct ctx *c, void **obj, void **order,
				const uint32_t *perm, unsigned long n,
				double *alloc, double *free)
{
	unsigned long i;
	double t0, t1;

	t0 = now_ns();
	for (i = 0; i < n; i++) {
		obj[i] = b_alloc(c);
		touch(obj[i], i);
	}
	*alloc = (now_ns() - t0) / n;
	for (i = 0; i < n; i++)
		order[i] = obj[perm ? perm[i] : i];
	t1 = now_ns();
	for (i = 0; i < n; i++)
		b_free(c, order[i]);
	*free = (now_ns() - t1) / n;
}

static void batch_series(struct ctx *c, void **obj, void **order,
			 const uint32_t *perm, const char *key)
{
	double a[MAX_REPS], f[MAX_REPS], sum[MAX_REPS];
	unsigned long n = cnt.batch;
	char k[48];
	int r;

	batch_once(c, obj, order, perm, n, &a[0], &f[0]);	/* warm-up */
	for (r = 0; r < cnt.reps; r++) {
		batch_once(c, obj, order, perm, n, &a[r], &f[r]);
		sum[r] = a[r] + f[r];
	}
	report(key, sum, cnt.reps);
	snprintf(k, sizeof(k), "%s_alloc", key);
	report(k, a, cnt.reps);
	snprintf(k, sizeof(k), "%s_free", key);
	report(k, f, cnt.reps);
	slub_stats(key, c);
}

static void run_batch(void)
{
	unsigned long n = cnt.batch, i;
	void **obj, **order;
	uint32_t *perm;
	struct ctx c;

	ctx_setup(&c, 64, n);
	obj = map(n * sizeof(*obj));
	order = map(n * sizeof(*order));
	perm = map(n * sizeof(*perm));
	for (i = 0; i < n; i++)
		perm[i] = i;
	for (i = n - 1; i > 0; i--) {
		unsigned long j = rng_next() % (i + 1);
		uint32_t t = perm[i];

		perm[i] = perm[j];
		perm[j] = t;
	}

	batch_series(&c, obj, order, NULL, "batch_fifo");
	batch_series(&c, obj, order, perm, "batch_rand");
	unmap(obj, n * sizeof(*obj));
	unmap(order, n * sizeof(*order));
	unmap(perm, n * sizeof(*perm));
}

/* ------------------------------------------------------------ 3. remote */
/*
 * A producer thread allocates and hands each object through a
 * single-producer single-consumer ring to a consumer thread, which frees
 * it: every free is remote. The two threads are pinned to different CPUs
 * when there are two. The same threads also run the ring alone, passing
 * a dummy pointer and neither allocating nor freeing: that floor is
 * measured in alternation with the real run, because this machine's
 * cross-CPU handoff changes speed for minutes at a time, and the
 * difference of each pair is reported as the allocator's share.
 * A third mode passes objects from a fixed pool that the producer writes
 * and the consumer writes again, as a free writes its free pointer: the
 * cache line of every object crosses between the CPUs, the least any
 * remote free can cost (reported as a detail, not subtracted).
 */
#define RING_SIZE	1024
#define RING_BATCH	8	/* slots per cache line: publish per line */
#define POOL_SIZE	(2 * RING_SIZE)	/* at most RING_SIZE in flight */

struct ring {
	_Alignas(64) atomic_ulong head;	/* next slot to consume */
	_Alignas(64) atomic_ulong tail;	/* next slot to fill */
	_Alignas(64) void *slot[RING_SIZE];
};

struct remote {
	struct ring *ring;
	struct ctx c;
	pthread_barrier_t start, done;
	char *pool;		/* RM_OBJECT's objects */
	unsigned long n;
	enum { RM_RING, RM_OBJECT, RM_ALLOC } mode;
	bool quit;
	double t0, t1;
};

/* Spin, but give the CPU away when someone else's work shares it. */
static void cpu_relax(unsigned int *spins)
{
	if (++*spins % 1024 == 0)
		sched_yield();
	else
		__builtin_ia32_pause();
}

static void pin(int cpu)
{
	cpu_set_t set;

	if (sysconf(_SC_NPROCESSORS_ONLN) < 2)
		return;
	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	pthread_setaffinity_np(pthread_self(), sizeof(set), &set);
}

static void *producer(void *arg)
{
	struct remote *rm = arg;
	struct ring *ring = rm->ring;
	unsigned long tail = 0, head = 0, i;
	static unsigned long dummy;
	unsigned int spins = 0;

	pin(0);
	for (;;) {
		pthread_barrier_wait(&rm->start);
		if (rm->quit)
			return NULL;
		tail = atomic_load_explicit(&ring->tail, memory_order_relaxed);
		rm->t0 = wall_ns();
		for (i = 0; i < rm->n; i++) {
			void *p = &dummy;

			if (rm->mode == RM_ALLOC) {
				p = b_alloc(&rm->c);
				touch(p, i);
			} else if (rm->mode == RM_OBJECT) {
				p = rm->pool + (i % POOL_SIZE) * 64;
				touch(p, i);
			}
			while (tail - head == RING_SIZE) {
				head = atomic_load_explicit(&ring->head,
						memory_order_acquire);
				if (tail - head == RING_SIZE)
					cpu_relax(&spins);
			}
			ring->slot[tail++ % RING_SIZE] = p;
			if (tail % RING_BATCH == 0 || i == rm->n - 1)
				atomic_store_explicit(&ring->tail, tail,
						      memory_order_release);
		}
		pthread_barrier_wait(&rm->done);
	}
}

static void *consumer(void *arg)
{
	struct remote *rm = arg;
	struct ring *ring = rm->ring;
	unsigned long head, tail = 0, i;
	unsigned int spins = 0;

	pin(1);
	for (;;) {
		pthread_barrier_wait(&rm->start);
		if (rm->quit)
			return NULL;
		head = atomic_load_explicit(&ring->head, memory_order_relaxed);
		for (i = 0; i < rm->n; i++) {
			void *p;

			while (head == tail) {
				tail = atomic_load_explicit(&ring->tail,
						memory_order_acquire);
				if (head == tail)
					cpu_relax(&spins);
			}
			p = ring->slot[head++ % RING_SIZE];
			if (head % RING_BATCH == 0 || i == rm->n - 1)
				atomic_store_explicit(&ring->head, head,
						      memory_order_release);
			if (rm->mode == RM_ALLOC)
				b_free(&rm->c, p);
			else if (rm->mode == RM_OBJECT)
				touch(p, i);
		}
		rm->t1 = wall_ns();
		pthread_barrier_wait(&rm->done);
	}
}

static double remote_once(struct remote *rm, int mode, unsigned long n)
{
	rm->mode = mode;
	rm->n = n;
	pthread_barrier_wait(&rm->start);
	pthread_barrier_wait(&rm->done);
	return (rm->t1 - rm->t0) / n;
}

static void run_remote(void)
{
	double fl[MAX_REPS], ob[MAX_REPS], al[MAX_REPS], diff[MAX_REPS];
	pthread_t pt, ct;
	struct remote rm;
	int r;

#ifdef BENCH_IDEAL
	skip("remote", "single-threaded by design");
	return;
#endif
	memset(&rm, 0, sizeof(rm));
	rm.ring = map(sizeof(*rm.ring));
	rm.pool = map(POOL_SIZE * 64);
	ctx_setup(&rm.c, 64, 0);
	pthread_barrier_init(&rm.start, NULL, 3);
	pthread_barrier_init(&rm.done, NULL, 3);
	if (pthread_create(&pt, NULL, producer, &rm) ||
	    pthread_create(&ct, NULL, consumer, &rm))
		die("pthread_create");

	remote_once(&rm, RM_RING, cnt.remote / 4 + 1);	/* warm-up */
	remote_once(&rm, RM_ALLOC, cnt.remote / 4 + 1);
	for (r = 0; r < cnt.reps; r++) {
		fl[r] = remote_once(&rm, RM_RING, cnt.remote);
		ob[r] = remote_once(&rm, RM_OBJECT, cnt.remote);
		al[r] = remote_once(&rm, RM_ALLOC, cnt.remote);
		diff[r] = al[r] - fl[r];
	}
	rm.quit = true;
	pthread_barrier_wait(&rm.start);
	pthread_join(pt, NULL);
	pthread_join(ct, NULL);
	pthread_barrier_destroy(&rm.start);
	pthread_barrier_destroy(&rm.done);
	report("remote", al, cnt.reps);
	report("remote_floor", fl, cnt.reps);
	report("remote_above", diff, cnt.reps);
	report("remote_object", ob, cnt.reps);
	slub_stats("remote", &rm.c);
	unmap(rm.ring, sizeof(*rm.ring));
	unmap(rm.pool, POOL_SIZE * 64);
}

/* ------------------------------------------------------------ 4. mixed */
/*
 * Mixed sizes: a window of live objects; each operation frees a randomly
 * chosen one and allocates a replacement whose size is drawn from a fixed
 * distribution, weighted towards the small sizes that dominate kmalloc
 * traffic. Sizes and slots are drawn before the clock starts.
 */
#ifdef HAVE_SIZED
#define MIX_WINDOW	1024
#define MIX_SEQ		65536

static const struct {
	unsigned short size, weight;
} mix_dist[] = {
	{ 8, 4 }, { 16, 10 }, { 24, 10 }, { 32, 15 }, { 48, 10 },
	{ 64, 15 }, { 96, 8 }, { 128, 8 }, { 192, 5 }, { 256, 5 },
	{ 384, 3 }, { 512, 3 }, { 1024, 2 }, { 2048, 1 }, { 4096, 1 },
};

struct mix_op {
	uint32_t slot, size;
};

static noinline double mixed_once(void **win, const struct mix_op *seq,
				  unsigned long n)
{
	double t0 = now_ns();
	unsigned long i;

	for (i = 0; i < n; i++) {
		const struct mix_op *op = &seq[i % MIX_SEQ];
		void *p;

		b_free_any(win[op->slot]);
		p = b_alloc_size(op->size);
		touch(p, i);
		win[op->slot] = p;
	}
	return (now_ns() - t0) / n;
}

static void run_mixed(void)
{
	unsigned int total = 0, i, k;
	double v[MAX_REPS];
	struct mix_op *seq;
	void **win;
	int r;

	for (k = 0; k < sizeof(mix_dist) / sizeof(mix_dist[0]); k++)
		total += mix_dist[k].weight;
	seq = map(MIX_SEQ * sizeof(*seq));
	for (i = 0; i < MIX_SEQ; i++) {
		unsigned int w = rng_next() % total;

		for (k = 0; w >= mix_dist[k].weight; k++)
			w -= mix_dist[k].weight;
		seq[i].size = mix_dist[k].size;
		seq[i].slot = rng_next() % MIX_WINDOW;
	}
	win = map(MIX_WINDOW * sizeof(*win));
	for (i = 0; i < MIX_WINDOW; i++) {
		win[i] = b_alloc_size(seq[i].size);
		touch(win[i], i);
	}

	mixed_once(win, seq, cnt.mixed / 10 + 1);	/* warm-up */
	for (r = 0; r < cnt.reps; r++)
		v[r] = mixed_once(win, seq, cnt.mixed);
	report("mixed", v, cnt.reps);
	for (i = 0; i < MIX_WINDOW; i++)
		b_free_any(win[i]);
	unmap(win, MIX_WINDOW * sizeof(*win));
	unmap(seq, MIX_SEQ * sizeof(*seq));
}
#endif

/* ------------------------------------------------------------ 5. memory */
static long rss_pages(void)
{
	long size, resident;
	FILE *f = fopen("/proc/self/statm", "r");

	if (!f)
		die("/proc/self/statm");
	if (fscanf(f, "%ld %ld", &size, &resident) != 2)
		die("/proc/self/statm");
	fclose(f);
	return resident;
}

/*
 * Resident memory grown by N live 64-byte objects over the N * 64 bytes
 * requested. Run it in a fresh process: what an allocator kept from an
 * earlier test would hide its cost. Every object is touched, as a user
 * would, so that untouched pages of a large reservation do not flatter
 * anyone.
 */
static void run_mem(void)
{
	unsigned long n = cnt.mem, i;
	long before, after;
	double ratio;
	struct ctx c;
	void **obj;

#ifdef BENCH_IDEAL
	skip("mem", "carves a fixed mapping, nothing to measure");
	return;
#endif
	ctx_setup(&c, 64, n);
	obj = map(n * sizeof(*obj));
	before = rss_pages();
	for (i = 0; i < n; i++) {
		obj[i] = b_alloc(&c);
		touch(obj[i], i);
	}
	after = rss_pages();
	ratio = (double)(after - before) * sysconf(_SC_PAGESIZE) / (n * 64.0);
	report("mem", &ratio, 1);
	printf("info mem_before_kib %ld\n",
	       before * sysconf(_SC_PAGESIZE) / 1024);
	printf("info mem_grown_kib %ld\n",
	       (after - before) * sysconf(_SC_PAGESIZE) / 1024);
	for (i = 0; i < n; i++)
		b_free(&c, obj[i]);
	unmap(obj, n * sizeof(*obj));
}

/* ------------------------------------------------------------ main */
static void say_malloc(void)
{
	void *m = dlsym(RTLD_DEFAULT, "malloc");
	Dl_info di;

	if (m && dladdr(m, &di) && di.dli_fname)
		printf("malloc %s\n", di.dli_fname);
	else
		printf("malloc unknown\n");
}

int main(int argc, char **argv)
{
	int opt, i;

	cnt = full_counts;
	while ((opt = getopt(argc, argv, "sr:")) != -1) {
		switch (opt) {
		case 's':
			cnt = smoke_counts;
			break;
		case 'r':
			cnt.reps = atoi(optarg);
			break;
		default:
			fprintf(stderr,
				"usage: %s [-s] [-r REPS] lifo|lifo64|batch|remote|mixed|mem...\n",
				argv[0]);
			return 2;
		}
	}
	if (cnt.reps < 1 || cnt.reps > MAX_REPS)
		cnt.reps = full_counts.reps;

#ifdef BENCH_SLUB
	{
		struct slub_config cfg = { .simulated = false };

		if (slub_init(&cfg))
			die("slub_init");
	}
#endif
	printf("alloc %s\n", BENCH_NAME);
	say_malloc();
	fflush(stdout);

	for (i = optind; i < argc; i++) {
		const char *w = argv[i];

		if (!strcmp(w, "lifo")) {
			run_lifo(64);
			run_lifo(256);
			run_lifo(1024);
		} else if (!strcmp(w, "lifo64")) {
			run_lifo(64);
		} else if (!strcmp(w, "batch")) {
			run_batch();
		} else if (!strcmp(w, "remote")) {
			run_remote();
		} else if (!strcmp(w, "mixed")) {
#ifdef HAVE_SIZED
			run_mixed();
#else
			skip(w, "fixed-size interface");
#endif
		} else if (!strcmp(w, "mem")) {
			run_mem();
		} else {
			fprintf(stderr, "bench-%s: unknown workload %s\n",
				BENCH_NAME, w);
			return 2;
		}
		fflush(stdout);
	}
	return 0;
}
