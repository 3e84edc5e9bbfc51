#line 329 "slub.nw"
/* SPDX-License-Identifier: GPL-2.0-only */
/* Tangled from slub.nw by notangle: do not edit, edit slub.nw. */
#ifndef SLUB_INTERNAL_H
#define SLUB_INTERNAL_H
/* System headers */
#line 391 "slub.nw"
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <sched.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
/* System headers */
#line 5788 "slub.nw"
#include <sys/rseq.h>
/* System headers */
#line 6777 "slub.nw"
#include <sys/syscall.h>
#include <time.h>
#include <unwind.h>
/* System headers */
#line 7638 "slub.nw"
#include <dlfcn.h>
/* System headers */
#line 9861 "slub.nw"
#include <sys/sysinfo.h>
#line 334 "slub.nw"
#include "slub.h"

/* Define the kernel's small macros: likely, min, ALIGN and their kin */
#line 994 "slub.nw"
#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)
#define min(a, b)	({ typeof(a) _a = (a); typeof(b) _b = (b); \
			   _a < _b ? _a : _b; })
#define max(a, b)	({ typeof(a) _a = (a); typeof(b) _b = (b); \
			   _a > _b ? _a : _b; })
#define clamp(v, lo, hi) min(max(v, lo), hi)
#define ALIGN(x, a)	(((x) + (a) - 1) & ~((typeof(x))(a) - 1))
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#define container_of(p, type, member) \
	((type *)((char *)(p) - offsetof(type, member)))
#define READ_ONCE(x)	__atomic_load_n(&(x), __ATOMIC_RELAXED)
#define WRITE_ONCE(x, v) __atomic_store_n(&(x), (v), __ATOMIC_RELAXED)

typedef uint8_t u8;

static inline int fls(unsigned long x)
{
	return x ? (int)(sizeof(x) * 8) - __builtin_clzl(x) : 0;
}

static inline int ilog2(unsigned long x)
{
	return fls(x) - 1;
}

static inline unsigned long roundup_pow_of_two(unsigned long x)
{
	return x <= 1 ? 1 : 1UL << fls(x - 1);
}

static inline bool is_power_of_2(unsigned long x)
{
	return x && !(x & (x - 1));
}
/* Find the structure a list link is in, and walk a list: list_for_each_entry */
#line 1037 "slub.nw"
struct list_head {
	struct list_head *next, *prev;
};

#define LIST_HEAD_INIT(name) { &(name), &(name) }
#define list_entry(p, type, member) container_of(p, type, member)
#define list_first_entry(h, type, member) list_entry((h)->next, type, member)
#define list_for_each_entry(pos, head, member)				\
	for (pos = list_entry((head)->next, typeof(*pos), member);	\
	     &pos->member != (head);					\
	     pos = list_entry(pos->member.next, typeof(*pos), member))
#define list_for_each_entry_safe(pos, n, head, member)			\
	for (pos = list_entry((head)->next, typeof(*pos), member),	\
	     n = list_entry(pos->member.next, typeof(*pos), member);	\
	     &pos->member != (head);					\
	     pos = n, n = list_entry(n->member.next, typeof(*n), member))
/* Start a list and link an entry in: list_add and list_add_tail */
#line 1059 "slub.nw"
static inline void INIT_LIST_HEAD(struct list_head *h)
{
	h->next = h;
	h->prev = h;
}

static inline void __list_link(struct list_head *n, struct list_head *prev,
			       struct list_head *next)
{
	next->prev = n;
	n->next = next;
	n->prev = prev;
	prev->next = n;
}

static inline void list_add(struct list_head *n, struct list_head *head)
{
	__list_link(n, head, head->next);
}

static inline void list_add_tail(struct list_head *n, struct list_head *head)
{
	__list_link(n, head->prev, head);
}
/* Unlink an entry, test a list for emptiness, move an entry: list_del */
#line 1089 "slub.nw"
static inline void list_del(struct list_head *e)
{
	e->next->prev = e->prev;
	e->prev->next = e->next;
	e->next = e->prev = NULL;
}

static inline bool list_empty(const struct list_head *h)
{
	return h->next == h;
}

static inline void list_move(struct list_head *e, struct list_head *head)
{
	list_del(e);
	list_add(e, head);
}
/* Stand in for the kernel's locks with POSIX mutexes */
#line 1122 "slub.nw"
typedef pthread_mutex_t spinlock_t;

static inline void spin_lock_init(spinlock_t *l)
{
	pthread_mutexattr_t attr;

	pthread_mutexattr_init(&attr);
	pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_ADAPTIVE_NP);
	pthread_mutex_init(l, &attr);
	pthread_mutexattr_destroy(&attr);
}

#define spin_lock(l)		pthread_mutex_lock(l)
#define spin_unlock(l)		pthread_mutex_unlock(l)
#define spin_trylock(l)		(pthread_mutex_trylock(l) == 0)
#define mutex_lock(l)		pthread_mutex_lock(l)
#define mutex_unlock(l)		pthread_mutex_unlock(l)
/* Print the kernel's way, and name the caller */
#line 1146 "slub.nw"
#define pr_err(...)	fprintf(stderr, __VA_ARGS__)
#define pr_warn(...)	fprintf(stderr, __VA_ARGS__)
#define pr_info(...)	fprintf(stderr, __VA_ARGS__)
#define _RET_IP_	((unsigned long)__builtin_return_address(0))
/* Encode an error number in a pointer: ERR_PTR */
#line 1327 "slub.nw"
#define MAX_ERRNO	4095
#define IS_ERR(p)	((unsigned long)(p) >= (unsigned long)-MAX_ERRNO)
#define PTR_ERR(p)	((int)(long)(p))
#define ERR_PTR(e)	((void *)(long)(e))

static void __attribute__((noreturn, unused, format(printf, 1, 2)))
panic(const char *fmt, ...)
{
	va_list ap;

	fputs("Kernel panic - not syncing: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fflush(stderr);
	abort();
}
/* Format into a bounded buffer: scnprintf */
#line 1351 "slub.nw"
static inline int __attribute__((format(printf, 3, 4)))
scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (!size)
		return 0;
	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	if (n < 0)
		return 0;
	return (size_t)n >= size ? (int)size - 1 : n;
}
/* Move a whole list onto another: list_splice */
#line 4616 "slub.nw"
static inline void list_splice(struct list_head *list, struct list_head *at)
{
	struct list_head *first = list->next, *last = list->prev;
	struct list_head *next = at->next;

	if (list_empty(list))
		return;
	first->prev = at;
	at->next = first;
	last->next = next;
	next->prev = last;
}
/* Set, clear and test bits in a bitmap */
#line 7548 "slub.nw"
#define BITS_PER_LONG		(8 * sizeof(long))
#define BITS_TO_LONGS(n)	(((n) + BITS_PER_LONG - 1) / BITS_PER_LONG)

static inline void set_bit(int nr, unsigned long *map)
{
	map[nr / BITS_PER_LONG] |= 1UL << (nr % BITS_PER_LONG);
}

static inline bool test_bit(int nr, const unsigned long *map)
{
	return map[nr / BITS_PER_LONG] & (1UL << (nr % BITS_PER_LONG));
}

#define noinline __attribute__((noinline))
#define prefetchw(x) __builtin_prefetch((x), 1)
#define __maybe_unused __attribute__((unused))
#define VM_BUG_ON(c) do { if (unlikely(c)) slub_bug_on(#c, __FILE__, __LINE__); } while (0)
#define WARN_ON(c) ({						\
	bool _c = (c);							\
	if (unlikely(_c))						\
		pr_warn("WARNING: %s at %s:%d\n", #c, __FILE__, __LINE__); \
	_c;								\
})
/* Constants of the simulated machine */
#line 1161 "slub.nw"
#define PAGE_SHIFT		12
#define PAGE_SIZE		(1UL << PAGE_SHIFT)
#define PAGE_MASK		(~(PAGE_SIZE - 1))
#define MAX_ORDER		11
#define PAGE_ALLOC_COSTLY_ORDER	3
#define L1_CACHE_BYTES		64
#if defined(ARCH_DMA_MINALIGN) && ARCH_DMA_MINALIGN > 8
#define ARCH_KMALLOC_MINALIGN	ARCH_DMA_MINALIGN
#else
#define ARCH_KMALLOC_MINALIGN	__alignof__(unsigned long long)
#endif
#define ARCH_SLAB_MINALIGN	__alignof__(unsigned long long)
#ifdef CONFIG_SLUB_MALLOC
#define KMALLOC_NATURAL_ALIGN	1
#else
#define KMALLOC_NATURAL_ALIGN	0
#endif
#define NR_CPUS			64
#define MAX_NUMNODES		8
#define KMALLOC_MAX_ORDER	(KMALLOC_SHIFT_MAX - PAGE_SHIFT)
/* Definition of struct page */
#line 602 "slub.nw"
struct kmem_cache;

struct page {
	unsigned long flags;		/* PG_* bits */
	unsigned long private;		/* buddy order of a free block */
	/* Second double word, changed together by cmpxchg_double_slab */
	void *freelist;			/* first free object */
	union {
		unsigned long counters;
		struct {
			unsigned inuse:16;
			unsigned objects:15;
			unsigned frozen:1;
		};
	};
	union {
		struct list_head lru;	/* node partial/full list, buddy */
		struct {		/* cpu partial chain */
			struct page *next;
			int pages;	/* slabs in the rest of the chain */
			int pobjects;	/* approximate free objects */
		};
	};
	union {
		struct kmem_cache *slab_cache;	/* slab: its cache */
		struct page *first_page;	/* tail page: the head */
	};
	int order;			/* compound order of a head page */
} __attribute__((aligned(16)));
/* Definition of struct page */
#line 645 "slub.nw"
enum pageflags {
	PG_slab,
	PG_head,
	PG_tail,
	PG_buddy,
	PG_active,
	PG_large_kmalloc,
	PG_rcu_free,
};

#define PAGE_FLAG_FUNCS(uname, lname)					\
static inline bool Page##uname(const struct page *p)			\
{ return READ_ONCE(p->flags) & (1UL << PG_##lname); }			\
static inline void __SetPage##uname(struct page *p)			\
{ __atomic_fetch_or(&p->flags, 1UL << PG_##lname, __ATOMIC_RELAXED); } \
static inline void __ClearPage##uname(struct page *p)			\
{ __atomic_fetch_and(&p->flags, ~(1UL << PG_##lname), __ATOMIC_RELAXED); }

PAGE_FLAG_FUNCS(Slab, slab)
PAGE_FLAG_FUNCS(Head, head)
PAGE_FLAG_FUNCS(Tail, tail)
PAGE_FLAG_FUNCS(Buddy, buddy)
PAGE_FLAG_FUNCS(SlabPfmemalloc, active)
PAGE_FLAG_FUNCS(LargeKmalloc, large_kmalloc)
PAGE_FLAG_FUNCS(RcuFree, rcu_free)
/* Definition of struct page */
#line 5943 "slub.nw"
#define PG_locked	(PG_rcu_free + 1)
/* Define a cache: struct kmem_cache and its packed order */
#line 496 "slub.nw"
struct kmem_cache_order_objects {
	unsigned long x;
};

struct kobject_standin {
	char name[64];		/* directory name under /sys/kernel/slab */
	bool added;		/* sysfs_slab_add() ran */
};

struct kmem_cache {
	struct kmem_cache_cpu *cpu_slab;	/* per-CPU part */
	unsigned long flags;

/* Fields the sheaves add to struct kmem_cache */
#line 11838 "slub.nw"
unsigned int sheaf_capacity;	/* 0: the cpu slab of 3.18 */
struct slub_percpu_sheaves *cpu_sheaves;
#line 509 "slub.nw"
	unsigned long min_partial;
	int size;		/* object size including metadata */
	int object_size;	/* object size without metadata */
	int offset;		/* free pointer offset */
	int cpu_partial;	/* free objects kept on cpu partial chains */
	struct kmem_cache_order_objects oo;
	struct kmem_cache_order_objects max;
	struct kmem_cache_order_objects min;
	gfp_t allocflags;	/* gfp flags for every slab allocation */
	int refcount;		/* merged users */
	void (*ctor)(void *);
	int inuse;		/* offset to metadata */
	int align;
	int reserved;		/* bytes reserved at the end of a slab */
	const char *name;
	struct list_head list;	/* on slab_caches */
	struct kobject_standin kobj;
	struct memcg_cache_params *memcg_params;
	int max_attr_size;	/* largest attribute value ever stored */
	int remote_node_defrag_ratio;

/* Fields this port adds to struct kmem_cache */
#line 539 "slub.nw"
struct slub_alias *aliases;	/* names merged into this cache */
unsigned long random;		/* per-cache secret (freelist hardening) */
#line 530 "slub.nw"
	struct kmem_cache_node *node[MAX_NUMNODES];	/* must be last */
};
/* Define the list of a cache's other names: struct slub_alias */
#line 544 "slub.nw"
struct slub_alias {
	struct slub_alias *next;
	char *name;
};
/* Define a cache as one CPU sees it: struct kmem_cache_cpu */
#line 569 "slub.nw"
struct kmem_cache_cpu {
	void **freelist;	/* next available object */
	unsigned long tid;	/* globally unique transaction id */
	struct page *page;	/* the slab from which we are allocating */
	struct page *partial;	/* partially allocated frozen slabs */

/* Fields this port adds to struct kmem_cache_cpu */
#line 6025 "slub.nw"
spinlock_t lock;	/* stands in for local_irq_save() */
int cpu;		/* the CPU this structure belongs to */
#line 575 "slub.nw"
	unsigned stat[NR_SLUB_STAT_ITEMS];
} __attribute__((aligned(L1_CACHE_BYTES)));
/* Define a cache on one memory node: struct kmem_cache_node */
#line 685 "slub.nw"
struct kmem_cache_node {
	spinlock_t list_lock;
	unsigned long nr_partial;
	struct list_head partial;
	long nr_slabs;			/* atomic */
	long total_objects;		/* atomic */
	struct list_head full;
	struct node_barn *barn;		/* full and empty sheaves */
};
/* Define the state of a walk up the call stack */
#line 6860 "slub.nw"
struct stack_walk {
	unsigned long *addrs;	/* TRACK_ADDRS_COUNT slots */
	int skip, n;
};
/* Group the cache flags by what they do */
#line 910 "slub.nw"
#define SLAB_DEBUG_FLAGS (SLAB_RED_ZONE | SLAB_POISON | SLAB_STORE_USER | \
			  SLAB_TRACE | SLAB_DEBUG_FREE)
#define SLAB_CORE_FLAGS (SLAB_HWCACHE_ALIGN | SLAB_CACHE_DMA | SLAB_PANIC | \
			 SLAB_DESTROY_BY_RCU | SLAB_DEBUG_OBJECTS)
#define SLAB_CACHE_FLAGS (SLAB_NOLEAKTRACE | SLAB_RECLAIM_ACCOUNT | \
			  SLAB_NOTRACK)
#define CACHE_CREATE_MASK (SLAB_CORE_FLAGS | SLAB_DEBUG_FLAGS | \
			   SLAB_CACHE_FLAGS)

#define DEBUG_DEFAULT_FLAGS (SLAB_DEBUG_FREE | SLAB_RED_ZONE | \
			     SLAB_POISON | SLAB_STORE_USER)
#define DEBUG_METADATA_FLAGS (SLAB_RED_ZONE | SLAB_POISON | SLAB_STORE_USER)
#define SLUB_NEVER_MERGE (SLAB_RED_ZONE | SLAB_POISON | SLAB_STORE_USER | \
			  SLAB_TRACE | SLAB_DESTROY_BY_RCU | \
			  SLAB_NOLEAKTRACE | SLAB_FAILSLAB)
#define SLUB_MERGE_SAME (SLAB_DEBUG_FREE | SLAB_RECLAIM_ACCOUNT | \
			 SLAB_CACHE_DMA | SLAB_NOTRACK)
/* Set the limits of partial lists, packed orders and objects per slab */
#line 936 "slub.nw"
#define MIN_PARTIAL		5
#define MAX_PARTIAL		10
#define OO_SHIFT		16
#define OO_MASK			((1 << OO_SHIFT) - 1)
#define MAX_OBJS_PER_PAGE	32767
#define ZERO_SIZE_PTR		((void *)16)
#define ZERO_OR_NULL_PTR(x)	((unsigned long)(x) <= (unsigned long)ZERO_SIZE_PTR)
/* Declare what the allocator and the observation layer share */
#line 10148 "slub.nw"
#define SLUB_SHARED	__attribute__((visibility("hidden")))

SLUB_SHARED extern slub_observer_fn slub_observer;
SLUB_SHARED extern void *slub_observer_arg;
SLUB_SHARED extern struct list_head slab_caches;
SLUB_SHARED extern int nr_cpu_ids, nr_node_ids;
SLUB_SHARED extern bool slub_simulated, cpu_rseq;
SLUB_SHARED extern int sim_cpu;
SLUB_SHARED extern char *arena;
SLUB_SHARED extern size_t arena_bytes;
SLUB_SHARED extern struct page *mem_map;
SLUB_SHARED extern unsigned long *alloc_map, pages_per_node, nr_pages;
SLUB_SHARED void slab_mutex_lock(void);
SLUB_SHARED void slab_mutex_unlock(void);
SLUB_SHARED unsigned long next_allocated_block(unsigned long pfn);
SLUB_SHARED bool is_root_cache(struct kmem_cache *s);
SLUB_SHARED void *slub_freepointer(struct kmem_cache *s, void *object);
SLUB_SHARED unsigned int slub_track_size(void);
SLUB_SHARED void slub_sheaf_held(struct slab_sheaf *sheaf);
SLUB_SHARED void slub_sheaf_released(struct slab_sheaf *sheaf);
SLUB_SHARED void slub_sheaves_forget(void);
/* Convert between pages, frame numbers and addresses: virt_to_page */
#line 5064 "slub.nw"
static inline long page_to_pfn(const struct page *page)
{
	return page ? (long)(page - mem_map) : -1;
}

static inline struct page *pfn_to_page(unsigned long pfn)
{
	return mem_map + pfn;
}

static inline void *page_address(const struct page *page)
{
	return arena + ((unsigned long)(page - mem_map) << PAGE_SHIFT);
}

static inline struct page *virt_to_page(const void *x)
{
	return pfn_to_page(((const char *)x - arena) >> PAGE_SHIFT);
}
/* Find a block's head page, its order and its node: virt_to_head_page */
#line 5091 "slub.nw"
static inline struct page *compound_head(struct page *page)
{
	return unlikely(PageTail(page)) ? page->first_page : page;
}

static inline struct page *virt_to_head_page(const void *x)
{
	return compound_head(virt_to_page(x));
}

static inline struct page *slub_virt_to_head_page_checked(const void *x)
{
	if (!arena || (const char *)x < arena ||
	    (const char *)x >= arena + arena_bytes)
		return NULL;
	return virt_to_head_page(x);
}

static inline int compound_order(const struct page *page)
{
	return PageHead(page) ? page->order : 0;
}

static inline int page_to_nid(const struct page *page)
{
	if (nr_node_ids == 1)	/* spares every free a 64-bit division */
		return 0;
	return (page - mem_map) / pages_per_node;
}
/* Walk the allocated blocks */
#line 5413 "slub.nw"
#define for_each_allocated_block(pfn)					\
	for ((pfn) = next_allocated_block(0); (pfn) < nr_pages;		\
	     (pfn) = next_allocated_block((pfn) + 1))
/* Tell which CPU runs and find its per-CPU structure */
#line 5792 "slub.nw"
static inline int raw_cpu_id(void)
{
	int cpu;

	if (likely(__rseq_size > 0)) {
		struct rseq *rs = (struct rseq *)
			((char *)__builtin_thread_pointer() + __rseq_offset);

		cpu = (int)READ_ONCE(rs->cpu_id);
	} else {
		cpu = sched_getcpu();
	}
	if (unlikely(cpu < 0))
		cpu = 0;
	if (unlikely(cpu >= nr_cpu_ids))
		cpu %= nr_cpu_ids;
	return cpu;
}

static inline int smp_processor_id(void)
{
	if (slub_simulated)
		return sim_cpu;
	return raw_cpu_id();
}

#define per_cpu_ptr(base, cpu)	(&(base)[cpu])
#define this_cpu_ptr(base)	per_cpu_ptr(base, smp_processor_id())
#define raw_cpu_ptr(base)	this_cpu_ptr(base)

static inline int cpu_to_node(int cpu)
{
	return cpu * nr_node_ids / nr_cpu_ids;
}

static inline int numa_mem_id(void)
{
	return cpu_to_node(smp_processor_id());
}

static inline struct kmem_cache_node *get_node(struct kmem_cache *s,
					       int node)
{
	return s->node[node];
}
/* The busy bit of the tid */
#line 6030 "slub.nw"
#define TID_BUSY	(1UL << 63)
/* Read the order and the object count of a packed pair */
#line 2127 "slub.nw"
static inline int oo_order(struct kmem_cache_order_objects x)
{
	return x.x >> OO_SHIFT;
}

static inline int oo_objects(struct kmem_cache_order_objects x)
{
	return x.x & OO_MASK;
}
/* Choose whether the counters are compiled in: CONFIG_SLUB_STATS */
#line 10780 "slub.nw"
#ifndef SLUB_NO_STATS
#define CONFIG_SLUB_STATS 1
#define slub_stats_enabled()	true
#else
#define slub_stats_enabled()	false
#endif
/* Count and report when observed, and cost nothing otherwise: stat and slub_step */
#line 10717 "slub.nw"
#pragma GCC diagnostic ignored "-Wformat-zero-length"
#ifdef SLUB_NO_EVENTS
#define slub_observed()	false
#define slub_event(type, s, si, object, page, ...)			\
	do {								\
		if (0)							\
			slub_no_event("" __VA_ARGS__);			\
	} while (0)
static inline void __attribute__((format(printf, 1, 2)))
slub_no_event(const char *fmt, ...)
{
	(void)fmt;
}
#else
#define slub_observed()	unlikely(slub_observer != NULL)
#define slub_event(type, s, si, object, page, ...)			\
	do {								\
		if (slub_observed())					\
			__slub_event(type, s, __func__, si, object, page, \
				     "" __VA_ARGS__);			\
	} while (0)
SLUB_SHARED void __slub_event(enum slub_event_type type,
			      const struct kmem_cache *s, const char *func,
			      int si, const void *object, struct page *page,
			      const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));
#endif
#define stat_at(s, si, object, page, ...)				\
	do {								\
		__stat(s, si);						\
		slub_event(SLUB_EV_STAT, s, si, object, page, __VA_ARGS__); \
	} while (0)
#define stat(s, si)		stat_at(s, si, NULL, NULL)
#define slub_step(s, object, page, ...)					\
	slub_event(SLUB_EV_STEP, s, -1, object, page, __VA_ARGS__)
#define slub_report(s, object, page, ...)				\
	slub_event(SLUB_EV_REPORT, s, -1, object, page, __VA_ARGS__)
/* Count from inside a restartable sequence: rseq_stat */
#line 10819 "slub.nw"
#define rseq_stat_at(s, si, object, page, observed)			\
	do {								\
		if (slub_stats_enabled())				\
			cpu_rseq_inc(s, si);				\
		if (observed)						\
			slub_event(SLUB_EV_STAT, s, si, object, page);	\
	} while (0)
#define rseq_stat(s, si)	rseq_stat_at(s, si, NULL, NULL, true)
/* Catch an observer that calls the allocator: slub_observer_check */
#line 10909 "slub.nw"
#ifdef SLUB_NO_EVENTS
#define slub_observer_check()	do { } while (0)
#else
SLUB_SHARED extern __thread bool slub_in_observer;
SLUB_SHARED void observer_reentered(const char *func)
	__attribute__((noreturn));

#define slub_observer_check()						\
	do {								\
		if (unlikely(slub_in_observer))				\
			observer_reentered(__func__);			\
	} while (0)
#endif
/* Kernel helpers: the sheaves need */
#line 12122 "slub.nw"
typedef struct {
	int locked;
	int cpu;		/* the CPU whose sheaves it protects */
} local_trylock_t;

enum { LOCAL_RSEQ_TAKEN, LOCAL_RSEQ_ELSEWHERE, LOCAL_RSEQ_BUSY };

SLUB_SHARED int local_rseq_trylock(local_trylock_t *l);
SLUB_SHARED void local_rseq_lock(local_trylock_t *l);
SLUB_SHARED void local_rseq_unlocked(void);

static inline void local_trylock_init(local_trylock_t *l, int cpu)
{
	l->locked = 0;
	l->cpu = cpu;
}

static inline bool local_trylock(local_trylock_t *l)
{
	if (cpu_rseq)
		return local_rseq_trylock(l) == LOCAL_RSEQ_TAKEN;
	return !__atomic_exchange_n(&l->locked, 1, __ATOMIC_ACQUIRE);
}

static inline void local_lock(local_trylock_t *l)
{
	if (cpu_rseq) {
		local_rseq_lock(l);
		return;
	}
	while (!local_trylock(l))
		sched_yield();
}

static inline void local_unlock(local_trylock_t *l)
{
	__atomic_store_n(&l->locked, 0, __ATOMIC_RELEASE);
	if (cpu_rseq)
		local_rseq_unlocked();
}
/* Kernel helpers: the sheaves need */
#line 12510 "slub.nw"
#define list_first_entry_or_null(h, type, member)			\
	(list_empty(h) ? NULL : list_first_entry(h, type, member))

static inline void list_del_init(struct list_head *e)
{
	list_del(e);
	INIT_LIST_HEAD(e);
}

#define swap(a, b)							\
	do {								\
		__typeof__(a) __tmp = (a);				\
		(a) = (b);						\
		(b) = __tmp;						\
	} while (0)
/* Definitions of the sheaves and the barn */
#line 11779 "slub.nw"
struct slab_sheaf {
	struct list_head barn_list;	/* in a barn's full or empty list */
	struct kmem_cache *cache;
	unsigned int capacity;		/* slots in objects[] */
	unsigned int size;		/* objects[0..size) are free objects */
	int node;
	unsigned int held_id;		/* teaching only: prefill number, 0 */
	void *objects[];
};
/* Definitions of the sheaves and the barn */
#line 11805 "slub.nw"
struct slub_percpu_sheaves {
	local_trylock_t lock;		/* a real lock here: see below */
	struct slab_sheaf *main;	/* never NULL while the cache has sheaves */
	struct slab_sheaf *spare;	/* empty or full, may be NULL */
	char pad[L1_CACHE_BYTES - sizeof(local_trylock_t) - 2 * sizeof(void *)];
};
/* Definitions of the sheaves and the barn */
#line 11819 "slub.nw"
#define MAX_FULL_SHEAVES	10
#define MAX_EMPTY_SHEAVES	10

struct node_barn {
	spinlock_t lock;
	struct list_head sheaves_full;
	struct list_head sheaves_empty;
	unsigned int nr_full;
	unsigned int nr_empty;
};
/* Definitions of the sheaves and the barn */
#line 11955 "slub.nw"
#define MAX_SHEAF_CAPACITY	1024
#line 351 "slub.nw"
#endif
