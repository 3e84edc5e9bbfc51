// SPDX-License-Identifier: GPL-2.0-only
/*
 * The multi-threaded stress test: real-thread CPU model, 4
 * threads on 2 CPUs, several caches and kmalloc sizes. Every object is
 * stamped with a unique id when allocated and handed to another thread
 * through a queue, which verifies and frees it, so most frees are remote.
 * A set of live addresses proves no object is handed out twice; counting
 * proves none is lost; at the end every cache is shrunk and destroyed and
 * the surviving caches hold exactly the objects they held at the start.
 *
 * Built twice: into the Check runner (stress_run() from check_stress.c)
 * and, with -DSTRESS_MAIN, as build/tests/stress for `make test-tsan'.
 */
#include <pthread.h>
#include <sched.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "slub.h"

#include "stress.h"

#define MAX_THREADS	16
#define QCAP		2048
#define NR_CACHES	3
#define LIVE_BUCKETS	4096
#define LIVE_LOCKS	64
#define MAGIC		0x51ab51abu
#define DEBUG_FLAGS	(SLAB_DEBUG_FREE | SLAB_RED_ZONE | SLAB_POISON | \
			 SLAB_STORE_USER)

struct hdr {
	uint64_t id;
	uint32_t size;
	uint32_t magic;
};

struct item {
	void *p;
	uint32_t size;
	int kind;	/* cache index, or -1 for kmalloc */
};

struct queue {
	pthread_mutex_t lock;
	struct item buf[QCAP];
	unsigned int head, n;
};

struct live_node {
	uintptr_t addr;
	uint64_t id;
	struct live_node *next;
};

struct stress {
	const struct stress_opts *o;
	struct kmem_cache *cache[NR_CACHES];
	size_t cache_size[NR_CACHES];
	struct queue q[MAX_THREADS];
	pthread_mutex_t live_lock[LIVE_LOCKS];
	struct live_node *live[LIVE_BUCKETS];
	atomic_ulong next_id;
	atomic_ulong allocs, frees, remote_frees, slab_frees, cache_frees;
	atomic_ulong cache_allocs[NR_CACHES];
	atomic_ulong errors;
	atomic_int producing;
	struct mem_cgroup *memcg[2];	/* with o->memcg: worker i runs in i % 2 */
	pthread_mutex_t err_lock;
	char err[512];
};

static const size_t kmalloc_sizes[] = { 16, 24, 64, 100, 192, 500, 2048,
					5000, 8192, 12000 };
#define NR_KSIZES (sizeof(kmalloc_sizes) / sizeof(kmalloc_sizes[0]))

static void stress_fail(struct stress *st, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void stress_fail(struct stress *st, const char *fmt, ...)
{
	va_list ap;

	pthread_mutex_lock(&st->err_lock);
	if (!st->err[0]) {
		va_start(ap, fmt);
		vsnprintf(st->err, sizeof(st->err), fmt, ap);
		va_end(ap);
	}
	pthread_mutex_unlock(&st->err_lock);
	atomic_fetch_add(&st->errors, 1);
}

static unsigned int bucket(uintptr_t a)
{
	return (a >> 4) * 2654435761u % LIVE_BUCKETS;
}

static void live_insert(struct stress *st, void *p, uint64_t id)
{
	uintptr_t a = (uintptr_t)p;
	unsigned int b = bucket(a);
	struct live_node *n, *x;

	n = malloc(sizeof(*n));
	n->addr = a;
	n->id = id;
	pthread_mutex_lock(&st->live_lock[b % LIVE_LOCKS]);
	for (x = st->live[b]; x; x = x->next)
		if (x->addr == a)
			break;
	if (!x) {
		n->next = st->live[b];
		st->live[b] = n;
	}
	pthread_mutex_unlock(&st->live_lock[b % LIVE_LOCKS]);
	if (x) {
		stress_fail(st, "object %p handed out twice (ids %llu and %llu)", p,
		     (unsigned long long)x->id, (unsigned long long)id);
		free(n);
	}
}

static void live_remove(struct stress *st, void *p, uint64_t id)
{
	uintptr_t a = (uintptr_t)p;
	unsigned int b = bucket(a);
	struct live_node **pp, *x = NULL;

	pthread_mutex_lock(&st->live_lock[b % LIVE_LOCKS]);
	for (pp = &st->live[b]; *pp; pp = &(*pp)->next)
		if ((*pp)->addr == a) {
			x = *pp;
			*pp = x->next;
			break;
		}
	pthread_mutex_unlock(&st->live_lock[b % LIVE_LOCKS]);
	if (!x)
		stress_fail(st, "freeing %p (id %llu) which is not live", p,
		     (unsigned long long)id);
	else if (x->id != id)
		stress_fail(st, "object %p has id %llu, the live set says %llu", p,
		     (unsigned long long)id, (unsigned long long)x->id);
	free(x);
}

static unsigned char pat(uint64_t id, size_t i)
{
	return (unsigned char)(id * 0x9e37u + i);
}

static void stamp(void *p, uint32_t size, uint64_t id)
{
	struct hdr *h = p;
	unsigned char *b = p;
	size_t i;

	h->id = id;
	h->size = size;
	h->magic = MAGIC;
	for (i = sizeof(*h); i < size; i++)
		b[i] = pat(id, i);
}

static uint64_t check_stamp(struct stress *st, const struct item *it)
{
	const struct hdr *h = it->p;
	const unsigned char *b = it->p;
	size_t i;

	if (h->magic != MAGIC || h->size != it->size) {
		stress_fail(st, "object %p (%u bytes): header overwritten (magic %#x "
		     "size %u)", it->p, it->size, h->magic, h->size);
		return h->id;
	}
	for (i = sizeof(*h); i < it->size; i++)
		if (b[i] != pat(h->id, i)) {
			stress_fail(st, "object %p id %llu: byte %zu overwritten",
			     it->p, (unsigned long long)h->id, i);
			break;
		}
	return h->id;
}

static uint64_t rnd(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

static bool produce(struct stress *st, uint64_t *seed, struct item *it)
{
	unsigned int k = rnd(seed) % (NR_CACHES + NR_KSIZES);
	uint64_t id;

	if (k < NR_CACHES) {
		it->kind = k;
		it->size = st->cache_size[k];
		it->p = kmem_cache_alloc(st->cache[k], GFP_KERNEL);
	} else {
		it->kind = -1;
		it->size = kmalloc_sizes[k - NR_CACHES];
		it->p = kmalloc(it->size, GFP_KERNEL);
	}
	if (!it->p) {
		stress_fail(st, "allocation of %u bytes (kind %d) returned NULL",
		     it->size, it->kind);
		return false;
	}
	id = atomic_fetch_add(&st->next_id, 1);
	live_insert(st, it->p, id);
	stamp(it->p, it->size, id);
	atomic_fetch_add(&st->allocs, 1);
	if (it->kind >= 0)
		atomic_fetch_add(&st->cache_allocs[it->kind], 1);
	return true;
}

static void consume(struct stress *st, const struct item *it, bool remote)
{
	uint64_t id = check_stamp(st, it);

	live_remove(st, it->p, id);
	if (it->kind >= 0)
		kmem_cache_free(st->cache[it->kind], it->p);
	else
		kfree(it->p);
	atomic_fetch_add(&st->frees, 1);
	if (it->kind >= 0 || it->size <= KMALLOC_MAX_CACHE_SIZE)
		atomic_fetch_add(&st->slab_frees, 1);
	if (it->kind >= 0)
		atomic_fetch_add(&st->cache_frees, 1);
	if (remote)
		atomic_fetch_add(&st->remote_frees, 1);
}

static bool q_push(struct queue *q, const struct item *it)
{
	bool ok;

	pthread_mutex_lock(&q->lock);
	ok = q->n < QCAP;
	if (ok) {
		q->buf[(q->head + q->n) % QCAP] = *it;
		q->n++;
	}
	pthread_mutex_unlock(&q->lock);
	return ok;
}

static bool q_pop(struct queue *q, struct item *it)
{
	bool ok;

	pthread_mutex_lock(&q->lock);
	ok = q->n > 0;
	if (ok) {
		*it = q->buf[q->head];
		q->head = (q->head + 1) % QCAP;
		q->n--;
	}
	pthread_mutex_unlock(&q->lock);
	return ok;
}

struct worker {
	struct stress *st;
	int id;
};

static void *work(void *arg)
{
	struct worker *w = arg;
	struct stress *st = w->st;
	int nthreads = st->o->threads;
	uint64_t seed = (st->o->seed + 1) * 0x9e3779b97f4a7c15ULL + w->id + 1;
	struct item it;
	long i;
	int j;

	if (st->o->memcg)
		slub_memcg_enter(st->memcg[w->id % 2]);
	for (i = 0; i < st->o->ops_per_thread && !atomic_load(&st->errors);
	     i++) {
		if (produce(st, &seed, &it)) {
			int to = nthreads == 1 ? 0 :
				 (w->id + 1 + rnd(&seed) % (nthreads - 1)) %
				 nthreads;

			/* a full queue: free it here (a local free) */
			if (nthreads == 1 || !q_push(&st->q[to], &it))
				consume(st, &it, false);
		}
		/* free what others handed us, at a rate that keeps up */
		for (j = 0; j < 2 && q_pop(&st->q[w->id], &it); j++)
			consume(st, &it, true);
	}
	atomic_fetch_sub(&st->producing, 1);
	/* drain until every producer is done and our queue is empty */
	for (;;) {
		if (q_pop(&st->q[w->id], &it)) {
			consume(st, &it, true);
			continue;
		}
		if (!atomic_load(&st->producing) && !q_pop(&st->q[w->id], &it))
			break;
		sched_yield();
	}
	return NULL;
}

/*
 * With o->admin, what an administrator does to a busy system: shrink the
 * caches (which flushes every CPU's slabs, the remote ones included) and,
 * for debugged caches, validate them, over and over while the workers run.
 */
static void *admin(void *arg)
{
	struct stress *st = arg;
	int k;

	while (atomic_load(&st->producing) > 0) {
		for (k = 0; k < NR_CACHES; k++) {
			kmem_cache_shrink(st->cache[k]);
			if (st->o->debug)
				slab_attr_store(st->cache[k], "validate", "1",
						1);
			sched_yield();
		}
	}
	return NULL;
}

/*
 * Every free of a slab object counts exactly one of free_fastpath and
 * free_slowpath; with real threads sharing CPUs, a counter that lost an
 * update shows up as a difference here.
 */
static void stat_totals(unsigned long *sum, const char *prefix)
{
	struct slub_snapshot *snap = slub_snapshot_take();
	int i, si;

	memset(sum, 0, NR_SLUB_STAT_ITEMS * sizeof(*sum));
	if (!snap)
		return;
	for (i = 0; i < snap->nr_caches; i++)
		for (si = 0; si < NR_SLUB_STAT_ITEMS; si++)
			if (!prefix || !strncmp(snap->caches[i].name, prefix,
						strlen(prefix)))
				sum[si] += snap->caches[i].stat[si];
	slub_snapshot_free(snap);
}

/* With an observer attached every count is also an event. */
static atomic_ulong stat_events[NR_SLUB_STAT_ITEMS], report_events;

static void count_stat_events(const struct slub_event *ev, void *arg)
{
	(void)arg;
	if (ev->type == SLUB_EV_STAT && ev->stat >= 0 &&
	    ev->stat < NR_SLUB_STAT_ITEMS)
		atomic_fetch_add(&stat_events[ev->stat], 1);
	if (ev->type == SLUB_EV_REPORT)
		atomic_fetch_add(&report_events, 1);
}

/*
 * The administrator's shrinks allocate and free kmalloc objects of their
 * own, so with o->admin (and no merging) only the test caches and their
 * memory-cgroup children are counted, against kmem_cache_free calls.
 */
static const char *counted_caches(const struct stress *st)
{
	return st->o->admin ? "stress-" : NULL;
}

static unsigned long counted_frees(struct stress *st)
{
	return st->o->admin ? atomic_load(&st->cache_frees) :
			      atomic_load(&st->slab_frees);
}

static int check_counts(struct stress *st, const unsigned long *before,
			const unsigned long *before_all, char *why,
			size_t why_len)
{
	unsigned long after[NR_SLUB_STAT_ITEMS], frees, allocs = 0, counted;
	int si, k;

	/*
	 * Every kmem_cache_alloc() counts exactly one of alloc_fastpath and
	 * alloc_slowpath, whichever door it took (the restartable-sequence
	 * front door or slab_alloc_node()): 3.18's count, with no update
	 * lost. The test caches that no existing cache absorbed (their name
	 * is still theirs) start from zero and only the test allocates from
	 * them and their memory-cgroup children.
	 */
	for (k = 0; k < NR_CACHES; k++)
		if (!strncmp(kmem_cache_name(st->cache[k]), "stress-", 7))
			allocs += atomic_load(&st->cache_allocs[k]);
	stat_totals(after, "stress-");
	counted = after[ALLOC_FASTPATH] + after[ALLOC_SLOWPATH];
	if (counted != allocs) {
		snprintf(why, why_len, "%lu allocations from the test caches "
			 "but alloc_fastpath + alloc_slowpath count %lu",
			 allocs, counted);
		return -1;
	}
	stat_totals(after, counted_caches(st));
	frees = after[FREE_FASTPATH] - before[FREE_FASTPATH] +
		after[FREE_SLOWPATH] - before[FREE_SLOWPATH];
	if (frees != counted_frees(st)) {
		snprintf(why, why_len, "%lu frees but free_fastpath + "
			 "free_slowpath grew by %lu", counted_frees(st), frees);
		return -1;
	}
	stat_totals(after, NULL);
	before = before_all;
	if (st->o->observe && atomic_load(&report_events)) {
		snprintf(why, why_len, "%lu debugging reports on correct use",
			 atomic_load(&report_events));
		return -1;
	}
	for (si = 0; si < NR_SLUB_STAT_ITEMS && st->o->observe; si++)
		if (after[si] - before[si] != atomic_load(&stat_events[si])) {
			snprintf(why, why_len, "%s grew by %lu but the "
				 "observer saw %lu events",
				 slub_stat_name(si), after[si] - before[si],
				 atomic_load(&stat_events[si]));
			return -1;
		}
	return 0;
}

/* allocated objects and alias links per cache, from a snapshot */
/*
 * With sheaves, a CPU's spare sheaf and the barns' sheaves are kmalloc
 * objects that the allocator keeps for itself between operations, as
 * the kernel does: count them, so that the kmalloc balance below can
 * allow for the ones the run left behind (a shrink frees them, but
 * freeing them fills other caches' sheaves in turn).
 */
static long held_sheaves;

static long count_held_sheaves(const struct slub_snapshot *snap)
{
	long n = 0;
	int i, j;

	for (i = 0; i < snap->nr_caches; i++) {
		const struct slub_snap_cache *c = &snap->caches[i];

		for (j = 0; c->sheaf_capacity && j < snap->nr_cpus; j++)
			n += c->cpu[j].spare_size >= 0;
		for (j = 0; c->sheaf_capacity && j < snap->nr_nodes; j++)
			n += c->node[j].barn_full + c->node[j].barn_empty;
	}
	return n;
}

static int count_objects(char ***names, unsigned long **counts,
			 int **aliases)
{
	struct slub_snapshot *snap = slub_snapshot_take();
	int i, j, n;
	unsigned int k;

	if (!snap)
		return -1;
	n = snap->nr_caches;
	*names = calloc(n, sizeof(**names));
	*counts = calloc(n, sizeof(**counts));
	*aliases = calloc(n, sizeof(**aliases));
	for (i = 0; i < n; i++) {
		const struct slub_snap_cache *c = &snap->caches[i];

		(*names)[i] = strdup(c->name);
		(*aliases)[i] = c->nr_aliases;
		for (j = 0; j < c->nr_slabs; j++)
			for (k = 0; k < c->slabs[j].objects; k++)
				(*counts)[i] += c->slabs[j].obj[k].state ==
						SLUB_OBJ_ALLOCATED;
	}
	held_sheaves = count_held_sheaves(snap);
	slub_snapshot_free(snap);
	return n;
}

int stress_run(const struct stress_opts *o, char *why, size_t why_len)
{
	static const char *const names[NR_CACHES] = {
		"stress-32", "stress-200", "stress-1000"
	};
	static const size_t sizes[NR_CACHES] = { 32, 200, 1000 };
	static const unsigned long flags[NR_CACHES] = {
		0, SLAB_HWCACHE_ALIGN, 0
	};
	struct stress *st = calloc(1, sizeof(*st));
	struct worker w[MAX_THREADS];
	pthread_t tid[MAX_THREADS], admin_tid;
	struct slub_page_stats ps;
	char **bnames = NULL, **enames = NULL;
	unsigned long *bcounts = NULL, *ecounts = NULL;
	int *baliases = NULL, *ealiases = NULL;
	long kmalloc_delta = 0, links = 0, held_before;
	unsigned long counted[NR_SLUB_STAT_ITEMS];
	unsigned long counted_all[NR_SLUB_STAT_ITEMS];
	int i, j, nb, ne, rc = 0;

	why[0] = 0;
	if (o->threads < 1 || o->threads > MAX_THREADS) {
		snprintf(why, why_len, "bad thread count %d", o->threads);
		free(st);
		return -1;
	}
	st->o = o;
	pthread_mutex_init(&st->err_lock, NULL);
	for (i = 0; i < LIVE_LOCKS; i++)
		pthread_mutex_init(&st->live_lock[i], NULL);
	for (i = 0; i < o->threads; i++)
		pthread_mutex_init(&st->q[i].lock, NULL);

	if (slub_init(&(struct slub_config){
			.simulated = false, .nr_cpus = 2,
			.freelist_hardened = o->hardened,
			.freelist_random = o->hardened, .seed = o->seed,
			.nomerge = o->admin })) {
		snprintf(why, why_len, "slub_init failed");
		free(st);
		return -1;
	}
	nb = count_objects(&bnames, &bcounts, &baliases);
	held_before = held_sheaves;
	for (i = 0; i < NR_CACHES; i++) {
		st->cache[i] = kmem_cache_create(names[i], sizes[i], 0,
						 flags[i] | (o->debug ? DEBUG_FLAGS : 0),
						 NULL);
		st->cache_size[i] = sizes[i];
		if (!st->cache[i]) {
			snprintf(why, why_len, "creating %s failed", names[i]);
			slub_shutdown();
			free(st);
			return -1;
		}
	}

	stat_totals(counted, counted_caches(st));
	stat_totals(counted_all, NULL);
	if (o->observe) {
		for (i = 0; i < NR_SLUB_STAT_ITEMS; i++)
			atomic_store(&stat_events[i], 0);
		atomic_store(&report_events, 0);
		slub_set_observer(count_stat_events, NULL);
	}
	for (i = 0; i < 2 && o->memcg; i++) {
		st->memcg[i] = slub_memcg_create(i ? "stress-b" : "stress-a", 0);
		if (!st->memcg[i]) {
			snprintf(why, why_len, "creating a memory cgroup failed");
			rc = -1;
		}
	}
	atomic_store(&st->producing, rc ? 0 : o->threads);
	for (i = 0; i < o->threads && !rc; i++) {
		w[i].st = st;
		w[i].id = i;
		pthread_create(&tid[i], NULL, work, &w[i]);
	}
	if (o->admin && !rc)
		pthread_create(&admin_tid, NULL, admin, st);
	for (i = 0; i < o->threads && !rc; i++)
		pthread_join(tid[i], NULL);
	if (o->admin && !rc)
		pthread_join(admin_tid, NULL);

	if (atomic_load(&st->errors)) {
		snprintf(why, why_len, "%s", st->err);
		rc = -1;
	} else if (atomic_load(&st->allocs) != atomic_load(&st->frees)) {
		snprintf(why, why_len, "%lu allocations but %lu frees",
			 atomic_load(&st->allocs), atomic_load(&st->frees));
		rc = -1;
	}
	if (!rc)
		rc = check_counts(st, counted, counted_all, why, why_len);
	if (o->observe)
		slub_set_observer(NULL, NULL);
	if (o->memcg && o->verbose)
		fprintf(stderr, "stress: memory cgroups hold %zu and %zu bytes "
			"of slabs before they are destroyed\n",
			slub_memcg_usage(st->memcg[0]),
			slub_memcg_usage(st->memcg[1]));
	/* every object is back: the cgroups and their child caches can go */
	for (i = 0; i < 2; i++)
		if (st->memcg[i] && slub_memcg_destroy(st->memcg[i]) && !rc) {
			snprintf(why, why_len, "destroying a memory cgroup "
				 "failed: its child caches hold objects");
			rc = -1;
		}
	for (i = 0; i < LIVE_BUCKETS && !rc; i++)
		if (st->live[i]) {
			snprintf(why, why_len, "object %p still live (lost)",
				 (void *)st->live[i]->addr);
			rc = -1;
		}

	for (i = 0; i < NR_CACHES; i++) {
		if (kmem_cache_shrink(st->cache[i]) && !rc) {
			snprintf(why, why_len, "shrink of %s failed", names[i]);
			rc = -1;
		}
		kmem_cache_destroy(st->cache[i]);
	}
	if (!rc && slub_check_invariants(stderr)) {
		snprintf(why, why_len, "invariants broken after the run");
		rc = -1;
	}
	slub_page_stats(&ps);
	if (!rc && ps.large_pages) {
		snprintf(why, why_len, "%lu large kmalloc pages left",
			 ps.large_pages);
		rc = -1;
	}
	/*
	 * Merged caches leave their alias's sysfs link behind, as in the
	 * kernel: two kmalloc objects each (the link and its name). Every
	 * other object must be back.
	 */
	ne = count_objects(&enames, &ecounts, &ealiases);
	for (i = 0; i < ne && !rc; i++) {
		for (j = 0; j < nb; j++)
			if (!strcmp(enames[i], bnames[j]))
				break;
		if (j == nb) {
			snprintf(why, why_len, "cache %s survived destroy",
				 enames[i]);
			rc = -1;
			break;
		}
		links += ealiases[i] - baliases[j];
		if (!strncmp(enames[i], "kmalloc-", 8)) {
			kmalloc_delta += (long)ecounts[i] - (long)bcounts[j];
		} else if (ecounts[i] != bcounts[j]) {
			snprintf(why, why_len, "cache %s holds %lu objects, "
				 "%lu before the run", enames[i], ecounts[i],
				 bcounts[j]);
			rc = -1;
		}
	}
	if (!rc && kmalloc_delta != 2 * links + held_sheaves - held_before) {
		snprintf(why, why_len, "the kmalloc caches hold %ld more "
			 "objects than before the run, with %ld new alias "
			 "links (2 objects each) and %ld more sheaves held",
			 kmalloc_delta, links, held_sheaves - held_before);
		rc = -1;
	}
	if (o->verbose || rc)
		fprintf(stderr, "stress: %d threads, %lu objects allocated, "
			"%lu freed, %lu by another thread%s%s\n", o->threads,
			atomic_load(&st->allocs), atomic_load(&st->frees),
			atomic_load(&st->remote_frees), rc ? ": " : "",
			rc ? why : "");
	for (i = 0; i < nb; i++)
		free(bnames[i]);
	for (i = 0; i < ne; i++)
		free(enames[i]);
	free(bnames);
	free(bcounts);
	free(enames);
	free(ecounts);
	free(baliases);
	free(ealiases);
	slub_shutdown();
	for (i = 0; i < LIVE_LOCKS; i++)
		pthread_mutex_destroy(&st->live_lock[i]);
	free(st);
	return rc;
}

#ifdef STRESS_MAIN
int main(int argc, char **argv)
{
	struct stress_opts o = { .threads = 4, .ops_per_thread = 100000,
				 .seed = 1, .verbose = true };
	char why[512];
	int i, rc;

	if (argc > 1)
		o.ops_per_thread = strtol(argv[1], NULL, 0);
	if (argc > 2)
		o.threads = strtol(argv[2], NULL, 0);
	if (argc > 3)
		o.seed = strtoul(argv[3], NULL, 0);
	for (i = 4; i < argc; i++) {
		o.observe |= !strcmp(argv[i], "observe");
		o.debug |= !strcmp(argv[i], "debug");
		o.hardened |= !strcmp(argv[i], "hardened");
		o.memcg |= !strcmp(argv[i], "memcg");
		o.admin |= !strcmp(argv[i], "admin");
	}
	unsetenv("SLUB_DEBUG");
	rc = stress_run(&o, why, sizeof(why));
	printf("stress: %s\n", rc ? why : "passed: no object handed out "
	       "twice, none lost, every page back");
	return rc ? 1 : 0;
}
#endif
