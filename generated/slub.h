#line 13897 "slub.nw"
/* SPDX-License-Identifier: GPL-2.0-only */
/* Tangled from slub.nw by notangle: do not edit, edit slub.nw. */
#ifndef SLUB_H
#define SLUB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Allocation flags gfp_t */
#line 13944 "slub.nw"
typedef unsigned int gfp_t;

#define __GFP_DMA		0x01u
#define __GFP_HIGHMEM		0x02u
#define __GFP_DMA32		0x04u
#define __GFP_MOVABLE		0x08u
#define __GFP_WAIT		0x10u
#define __GFP_HIGH		0x20u
#define __GFP_IO		0x40u
#define __GFP_FS		0x80u
#define __GFP_COLD		0x100u
#define __GFP_NOWARN		0x200u
#define __GFP_REPEAT		0x400u
#define __GFP_NOFAIL		0x800u
#define __GFP_NORETRY		0x1000u
#define __GFP_MEMALLOC		0x2000u
#define __GFP_COMP		0x4000u
#define __GFP_ZERO		0x8000u
#define __GFP_NOMEMALLOC	0x10000u
#define __GFP_HARDWALL		0x20000u
#define __GFP_THISNODE		0x40000u
#define __GFP_RECLAIMABLE	0x80000u
#define __GFP_NOTRACK		0x200000u

#define GFP_NOWAIT		(GFP_ATOMIC & ~__GFP_HIGH)
#define GFP_ATOMIC		(__GFP_HIGH)
#define GFP_NOIO		(__GFP_WAIT)
#define GFP_NOFS		(__GFP_WAIT | __GFP_IO)
#define GFP_KERNEL		(__GFP_WAIT | __GFP_IO | __GFP_FS)

#define NUMA_NO_NODE		(-1)
/* Cache creation flags SLAB_* */
#line 13990 "slub.nw"
#define SLAB_DEBUG_FREE		0x00000100UL
#define SLAB_CONSISTENCY_CHECKS	SLAB_DEBUG_FREE
#define SLAB_RED_ZONE		0x00000400UL
#define SLAB_POISON		0x00000800UL
#define SLAB_HWCACHE_ALIGN	0x00002000UL
#define SLAB_CACHE_DMA		0x00004000UL
#define SLAB_STORE_USER		0x00010000UL
#define SLAB_RECLAIM_ACCOUNT	0x00020000UL
#define SLAB_PANIC		0x00040000UL
#define SLAB_DESTROY_BY_RCU	0x00080000UL
#define SLAB_MEM_SPREAD		0x00100000UL
#define SLAB_TRACE		0x00200000UL
#define SLAB_DEBUG_OBJECTS	0x00400000UL
#define SLAB_NOLEAKTRACE	0x00800000UL
#define SLAB_NOTRACK		0x01000000UL
#define SLAB_FAILSLAB		0x02000000UL

#define __CMPXCHG_DOUBLE	0x40000000UL
#define __OBJECT_POISON		0x80000000UL
/* The kernel's allocator interface */
#line 14043 "slub.nw"
struct kmem_cache;

struct kmem_cache *kmem_cache_create(const char *name, size_t size,
				     size_t align, unsigned long flags,
				     void (*ctor)(void *));
void kmem_cache_destroy(struct kmem_cache *s);
int kmem_cache_shrink(struct kmem_cache *s);
const char *kmem_cache_name(const struct kmem_cache *s);
unsigned int kmem_cache_size(const struct kmem_cache *s);

void *kmem_cache_alloc(struct kmem_cache *s, gfp_t gfpflags);
void *kmem_cache_alloc_node(struct kmem_cache *s, gfp_t gfpflags, int node);
void *kmem_cache_zalloc(struct kmem_cache *s, gfp_t gfpflags);
void kmem_cache_free(struct kmem_cache *s, void *x);
int kmem_cache_alloc_bulk(struct kmem_cache *s, gfp_t flags, size_t size,
			  void **p);
void kmem_cache_free_bulk(struct kmem_cache *s, size_t size, void **p);

#ifdef CONFIG_SLUB_MALLOC
#define ARCH_DMA_MINALIGN	16	/* the C library's: alignof(max_align_t) */
#endif
#if defined(ARCH_DMA_MINALIGN) && ARCH_DMA_MINALIGN > 8
#define KMALLOC_MIN_SIZE	ARCH_DMA_MINALIGN
#define KMALLOC_SHIFT_LOW	__builtin_ctz(ARCH_DMA_MINALIGN)
#else
#define KMALLOC_SHIFT_LOW	3
#define KMALLOC_MIN_SIZE	(1UL << KMALLOC_SHIFT_LOW)
#endif
#define KMALLOC_SHIFT_HIGH	13	/* PAGE_SHIFT + 1 */
#define KMALLOC_SHIFT_MAX	23	/* MAX_ORDER + PAGE_SHIFT */
#define KMALLOC_MAX_CACHE_SIZE	(1UL << KMALLOC_SHIFT_HIGH)
#define KMALLOC_MAX_SIZE	(1UL << KMALLOC_SHIFT_MAX)

void *kmalloc(size_t size, gfp_t flags);
void *kmalloc_node(size_t size, gfp_t flags, int node);
void *kzalloc(size_t size, gfp_t flags);
void kfree(const void *x);
size_t ksize(const void *objp);
void *__kmalloc_track_caller(size_t size, gfp_t flags, unsigned long caller);
void __kfree_track_caller(const void *x, unsigned long caller);

void *vmalloc(size_t size);
void *vmalloc_align(size_t size, size_t align);
void vfree(const void *addr);
bool is_vmalloc_addr(const void *addr);
size_t vmalloc_size(const void *addr);
void *vrealloc(const void *addr, size_t size);
void *kvmalloc(size_t size, gfp_t flags);
void kvfree(const void *addr);
void __kvfree_track_caller(const void *addr, unsigned long caller);
/* The sheaves interface */
#line 11860 "slub.nw"
#define SLUB_NO_SHEAVES	(~0u)	/* slub_config.sheaves: none, whatever the environment says */

struct kmem_cache_args {
	unsigned int align;
	void (*ctor)(void *);
	unsigned int sheaf_capacity;	/* 0: the allocator's default */
};

struct slab_sheaf;

struct kmem_cache *kmem_cache_create_args(const char *name,
		unsigned int object_size, struct kmem_cache_args *args,
		unsigned long flags);
struct slab_sheaf *kmem_cache_prefill_sheaf(struct kmem_cache *s,
					    gfp_t gfp, unsigned int size);
void *kmem_cache_alloc_from_sheaf(struct kmem_cache *s, gfp_t gfp,
				  struct slab_sheaf *sheaf);
void kmem_cache_return_sheaf(struct kmem_cache *s, gfp_t gfp,
			     struct slab_sheaf *sheaf);
unsigned int kmem_cache_sheaf_size(struct slab_sheaf *sheaf);
unsigned int kmem_cache_sheaf_capacity(const struct kmem_cache *s);
/* The per-cache statistics enum stat_item */
#line 14104 "slub.nw"
enum stat_item {
	ALLOC_FASTPATH,		/* Allocation from cpu slab */
	ALLOC_SLOWPATH,		/* Allocation by getting a new cpu slab */
	FREE_FASTPATH,		/* Free to cpu slab */
	FREE_SLOWPATH,		/* Freeing not to cpu slab */
	FREE_FROZEN,		/* Freeing to frozen slab */
	FREE_ADD_PARTIAL,	/* Freeing moves slab to partial list */
	FREE_REMOVE_PARTIAL,	/* Freeing removes last object */
	ALLOC_FROM_PARTIAL,	/* Cpu slab acquired from node partial list */
	ALLOC_SLAB,		/* Cpu slab acquired from page allocator */
	ALLOC_REFILL,		/* Refill cpu slab from slab freelist */
	ALLOC_NODE_MISMATCH,	/* Switching cpu slab */
	FREE_SLAB,		/* Slab freed to the page allocator */
	CPUSLAB_FLUSH,		/* Abandoning of the cpu slab */
	DEACTIVATE_FULL,	/* Cpu slab was full when deactivated */
	DEACTIVATE_EMPTY,	/* Cpu slab was empty when deactivated */
	DEACTIVATE_TO_HEAD,	/* Cpu slab was moved to the head of partials */
	DEACTIVATE_TO_TAIL,	/* Cpu slab was moved to the tail of partials */
	DEACTIVATE_REMOTE_FREES, /* Slab contained remotely freed objects */
	DEACTIVATE_BYPASS,	/* Implicit deactivation */
	ORDER_FALLBACK,		/* Number of times fallback was necessary */
	CMPXCHG_DOUBLE_CPU_FAIL, /* Failure of this_cpu_cmpxchg_double */
	CMPXCHG_DOUBLE_FAIL,	/* Number of times that cmpxchg double did not match */
	CPU_PARTIAL_ALLOC,	/* Used cpu partial on alloc */
	CPU_PARTIAL_FREE,	/* Refill cpu partial on free */
	CPU_PARTIAL_NODE,	/* Refill cpu partial from node partial */
	CPU_PARTIAL_DRAIN,	/* Drain cpu partial to node partial */

/* The statistics of the sheaves and barns */
#line 13708 "slub.nw"
SHEAF_FLUSH,		/* one object a sheaf handed back to its slab */
SHEAF_REFILL,		/* one object a sheaf took from the slabs */
SHEAF_ALLOC,		/* a new, empty sheaf was kmalloc'ed */
SHEAF_FREE,		/* an empty sheaf was kfree'd */
BARN_GET,		/* a CPU took a full sheaf from its node's barn */
BARN_GET_FAIL,		/* a CPU found no full sheaf in the barn */
BARN_PUT,		/* a CPU left a full sheaf in the barn */
BARN_PUT_FAIL,		/* the barn, at its limit, refused a full sheaf */
SHEAF_PREFILL_FAST,	/* a prefill was served by the CPU's spare */
SHEAF_PREFILL_SLOW,	/* a prefill had no spare: barn or new sheaf */
SHEAF_PREFILL_OVERSIZE,	/* a prefill above the capacity: a sheaf of its size */
SHEAF_RETURN_FAST,	/* a returned sheaf became the CPU's spare */
SHEAF_RETURN_SLOW,	/* the CPU had a spare: barn, or flush and free */
#line 14132 "slub.nw"
	NR_SLUB_STAT_ITEMS
};

const char *slub_stat_name(int item);
/* The sysfs attribute interface */
#line 14152 "slub.nw"
#define SLAB_ATTR_BUFSIZE	4096

ssize_t slab_attr_show(struct kmem_cache *s, const char *attr, char *buf);
ssize_t slab_attr_store(struct kmem_cache *s, const char *attr,
			const char *buf, size_t len);
const char *slub_attr_name(int i);
bool slub_attr_writable(const char *attr);
struct kmem_cache *slub_find_cache(const char *name);
const char *slub_sysfs_name(struct kmem_cache *s, char *buf, size_t len);
/* The call-site interface */
#line 14182 "slub.nw"
typedef size_t (*slub_symbolizer_fn)(unsigned long addr, char *buf,
				     size_t len, void *arg);

void slub_set_call_site(unsigned long site);
void slub_set_symbolizer(slub_symbolizer_fn fn, void *arg);
/* The configuration interface */
#line 14212 "slub.nw"
struct slub_config {
	int nr_cpus;		/* 0: the online CPUs */
	int nr_nodes;		/* 0: one node */
	size_t arena_bytes;	/* 0: $SLUB_ARENA, or RAM + swap */
	bool simulated;		/* simulated CPUs instead of real threads */
	bool nomerge;		/* the slub_nomerge boot option */
	int max_order;		/* 0: slub_max_order = 3 */
	int min_objects;	/* 0: computed from nr_cpus */
	const char *slub_debug;	/* slub_debug= option; NULL: $SLUB_DEBUG */
	bool freelist_hardened;	/* CONFIG_SLAB_FREELIST_HARDENED */
	bool freelist_random;	/* CONFIG_SLAB_FREELIST_RANDOM */
	bool no_rseq;		/* real threads: the kernel's cmpxchg fast path */
	unsigned int sheaves;	/* sheaf capacity; 0: $SLUB_SHEAVES, or none */
	unsigned long seed;	/* random seed; 0: fixed default */
	const char *failslab;	/* failslab= "interval,probability,space,times" */
};

int slub_init(const struct slub_config *cfg);
void slub_shutdown(void);
bool slub_running(void);
int slub_nr_cpus(void);
int slub_nr_nodes(void);
int slub_check_invariants(FILE *out);
/* The failslab interface */
#line 7970 "slub.nw"
ssize_t slub_failslab_show(const char *attr, char *buf);
ssize_t slub_failslab_store(const char *attr, const char *buf, size_t len);
const char *slub_failslab_attr_name(int i);
/* The simulated page allocator's interface */
#line 14245 "slub.nw"
struct slub_page_stats {
	unsigned long total_pages;	/* pages in the arena */
	unsigned long free_pages;	/* pages on the buddy free lists */
	unsigned long slab_pages;	/* pages in slabs now */
	unsigned long large_pages;	/* pages of large kmallocs now */
	unsigned long allocs;		/* successful alloc_pages calls */
	unsigned long frees;		/* __free_pages calls */
	unsigned long failures;		/* failed alloc_pages calls */
};

void slub_page_stats(struct slub_page_stats *st);
void slub_fail_page_alloc(unsigned long nth);
/* The memory cgroup interface */
#line 14269 "slub.nw"
struct mem_cgroup;

struct mem_cgroup *slub_memcg_create(const char *name, size_t limit);
int slub_memcg_destroy(struct mem_cgroup *memcg);
void slub_memcg_enter(struct mem_cgroup *memcg);
struct mem_cgroup *slub_memcg_current(void);
size_t slub_memcg_usage(const struct mem_cgroup *memcg);
/* The simulated CPU interface */
#line 14288 "slub.nw"
enum slub_point {
	SLUB_POINT_ALLOC_AFTER_TID,	/* slab_alloc_node read tid and c */
	SLUB_POINT_ALLOC_BEFORE_CMPXCHG, /* ... and freelist, next object */
	SLUB_POINT_FREE_AFTER_TID,	/* slab_free read tid and c */
	SLUB_POINT_FREE_BEFORE_CMPXCHG,	/* ... and linked the object */
	SLUB_POINT_SLOWPATH_ENTRY,	/* __slab_alloc before the irq save */
	SLUB_POINT_SHEAF_ALLOC,		/* slab_alloc_sheaves, no CPU chosen */
	SLUB_POINT_SHEAF_FREE,		/* slab_free_sheaves, no CPU chosen */
	NR_SLUB_POINTS
};

typedef void (*slub_point_fn)(enum slub_point point, void *arg);

int slub_sim_set_cpu(int cpu);
int slub_sim_cpu(void);
void slub_sim_set_point_hook(slub_point_fn fn, void *arg);
const char *slub_point_name(enum slub_point point);
/* The event interface */
#line 14348 "slub.nw"
enum slub_event_type {
	SLUB_EV_STEP,		/* a step no counter counts */
	SLUB_EV_STAT,		/* a stat_item counter was incremented */
	SLUB_EV_REPORT,		/* a debugging report (slab_bug) */
};

struct slub_event {
	enum slub_event_type type;
	const char *func;	/* kernel function name */
	const char *what;	/* what happened, one line */
	const char *section;	/* book section that defines func */
	const char *cache;	/* cache name or NULL */
	int cpu;		/* CPU doing the step */
	int stat;		/* enum stat_item for SLUB_EV_STAT, else -1 */
	const void *object;	/* object concerned or NULL */
	long pfn;		/* first page frame of the slab, or -1 */
};

/* Called during the step; see the contract above. */
typedef void (*slub_observer_fn)(const struct slub_event *ev, void *arg);

void slub_set_observer(slub_observer_fn fn, void *arg);
const char *slub_stat_words(int item);
const char *slub_func_section(const char *func);
const char *slub_func_section_title(const char *func);
/* The snapshot interface */
#line 13397 "slub.nw"
struct slub_snap_ref {
	int slab;		/* index in slabs[], or -1 */
	int obj;		/* object index in the slab, or -1 */
};

struct slub_snap_prefilled {
	unsigned int id;	/* its prefill's number: 1, 2, ... since boot */
	int size;		/* objects */
	unsigned int capacity;	/* slots */
	struct slub_snap_ref *objects;	/* size entries, slot order */
};

unsigned int slub_sheaf_id(const struct slab_sheaf *sheaf);
/* The snapshot interface */
#line 14387 "slub.nw"
enum slub_obj_state {
	SLUB_OBJ_ALLOCATED,	/* handed out */
	SLUB_OBJ_CPU_FREE,	/* free, on the owning CPU's freelist */
	SLUB_OBJ_PAGE_FREE,	/* free, on the slab's own freelist */
	SLUB_OBJ_SHEAF,		/* free, in a CPU's main or spare sheaf */
	SLUB_OBJ_BARN,		/* free, in a full sheaf of a barn */
	SLUB_OBJ_PREFILLED,	/* free, in a prefilled sheaf a caller holds */
};

enum slub_slab_where {
	SLUB_SLAB_CPU,		/* a CPU's current slab */
	SLUB_SLAB_CPU_PARTIAL,	/* on a CPU's partial chain */
	SLUB_SLAB_NODE_PARTIAL,	/* on a node's partial list */
	SLUB_SLAB_NODE_FULL,	/* on a node's full list (debug caches) */
	SLUB_SLAB_UNLISTED,	/* full, on no list */
};

struct slub_snap_object {
	unsigned char state;	/* enum slub_obj_state */
	int next;		/* next object on its freelist, or -1 */
};

struct slub_snap_slab {
	long pfn;		/* first page frame */
	unsigned long addr;	/* address of the first object */
	int order, node;
	unsigned int inuse, objects;
	bool frozen, pfmemalloc;
	enum slub_slab_where where;
	int owner;		/* CPU for SLUB_SLAB_CPU*, node otherwise */
	int pages, pobjects;	/* cpu partial chain head fields */
	int freelist;		/* first object of page->freelist, or -1 */
	struct slub_snap_object *obj;	/* objects[] entries */
};

struct slub_snap_cpu {
	unsigned long tid;
	int slab;		/* index of c->page in slabs[], or -1 */
	int freelist;		/* first object of c->freelist, or -1 */
	int nr_partial;
	int *partial;		/* slab indices along c->partial */
	unsigned long stat[NR_SLUB_STAT_ITEMS];

/* A CPU's sheaves in a snapshot */
#line 13470 "slub.nw"
int main_size, spare_size;	/* objects; spare_size -1: no spare */
struct slub_snap_ref *main;	/* main_size entries, slot order */
struct slub_snap_ref *spare;	/* spare_size entries */
#line 14430 "slub.nw"
};

struct slub_snap_node {
	unsigned long nr_partial;
	int nr_full;
	int *partial;		/* slab indices, list order */
	int *full;

/* A node's barn in a snapshot */
#line 13476 "slub.nw"
int barn_full, barn_empty;	/* sheaves in the barn */
int barn_objects;		/* objects in its full sheaves */
int barn_max_full, barn_max_empty;	/* the barn's limits */
#line 14438 "slub.nw"
};

struct slub_snap_cache {
	char *name;
	int nr_aliases;
	char **aliases;		/* other names merged into this cache */
	unsigned int size, object_size, align, offset, inuse, reserved;
	unsigned int track_size;	/* one struct track (SLAB_STORE_USER: two) */
	unsigned int order, objects, min_order, min_objects;
	unsigned long min_partial;
	unsigned int cpu_partial;
	unsigned long flags;
	int refcount;
	bool has_ctor;
	bool is_root;		/* not a memory-cgroup child cache */
	int nr_slabs;
	struct slub_snap_slab *slabs;
	struct slub_snap_cpu *cpu;	/* nr_cpus entries */
	struct slub_snap_node *node;	/* nr_nodes entries */
	unsigned long stat[NR_SLUB_STAT_ITEMS];	/* summed over CPUs */
	unsigned int sheaf_capacity;	/* 0: the cpu slab of 3.18 */
	int sheaf_conflicts;	/* sheaf objects also free elsewhere */

/* A cache's prefilled sheaves in a snapshot */
#line 13413 "slub.nw"
int nr_prefilled;		/* sheaves callers hold */
struct slub_snap_prefilled *prefilled;	/* in the order of prefill */
#line 14461 "slub.nw"
};

struct slub_snapshot {
	int nr_cpus, nr_nodes;
	int current_cpu;		/* simulated CPU, or -1 */
	struct slub_page_stats pages;
	int nr_caches;
	struct slub_snap_cache *caches;	/* in slab_caches order */
};

struct slub_snapshot *slub_snapshot_take(void);
void slub_snapshot_free(struct slub_snapshot *snap);
const struct slub_snap_cache *slub_snapshot_cache(
	const struct slub_snapshot *snap, const char *name);

#line 13926 "slub.nw"
#ifdef __cplusplus
}
#endif
#endif /* SLUB_H */
