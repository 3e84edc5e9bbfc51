#line 355 "slub.nw"
/* SPDX-License-Identifier: GPL-2.0-only */
/* Tangled from slub.nw by notangle: do not edit, edit slub.nw. */
#include "slub_internal.h"

/* Global state of the allocator */
#line 453 "slub.nw"
struct list_head slab_caches = LIST_HEAD_INIT(slab_caches);
static pthread_mutex_t slab_mutex = PTHREAD_MUTEX_INITIALIZER;
/* Global state of the allocator */
#line 952 "slub.nw"
enum slab_state {
	DOWN,		/* no slab functionality yet */
	PARTIAL,	/* SLUB: kmem_cache_node available */
	PARTIAL_NODE,	/* SLAB only */
	UP,		/* slab caches usable but not all extras yet */
	FULL		/* everything is working */
};

static enum slab_state slab_state;
static struct kmem_cache *kmem_cache;		/* the cache of caches */
static struct kmem_cache *kmem_cache_node;	/* of kmem_cache_node */
static int slub_min_order;
static int slub_max_order = PAGE_ALLOC_COSTLY_ORDER;
static int slub_min_objects;
static bool slab_nomerge;
int nr_cpu_ids = 1;
int nr_node_ids = 1;
/* Global state of the allocator */
#line 1626 "slub.nw"
struct saved_alias {
	struct kmem_cache *s;
	const char *name;
	struct saved_alias *next;
};

static struct saved_alias *alias_list;
/* Global state of the allocator */
#line 1931 "slub.nw"
struct rcu_head {
	struct rcu_head *next;
	void (*func)(struct rcu_head *head);
};

#define need_reserve_slab_rcu \
	(sizeof(((struct page *)NULL)->lru) < sizeof(struct rcu_head))
/* Global state of the allocator */
#line 4664 "slub.nw"
static struct kmem_cache *kmalloc_caches[KMALLOC_SHIFT_HIGH + 1];

static signed char size_index[24] = {
	3,	/* 8 */
	4,	/* 16 */
	5,	/* 24 */
	5,	/* 32 */
	6,	/* 40 */
	6,	/* 48 */
	6,	/* 56 */
	6,	/* 64 */
	1,	/* 72 */
	1,	/* 80 */
	1,	/* 88 */
	1,	/* 96 */
	7,	/* 104 */
	7,	/* 112 */
	7,	/* 120 */
	7,	/* 128 */
	2,	/* 136 */
	2,	/* 144 */
	2,	/* 152 */
	2,	/* 160 */
	2,	/* 168 */
	2,	/* 176 */
	2,	/* 184 */
	2	/* 192 */
};
/* Global state of the allocator */
#line 5037 "slub.nw"
struct zone {
	spinlock_t lock;
	unsigned long start_pfn, end_pfn;	/* [start, end) */
	unsigned long grow_pfn;			/* [grow, end) is in use */
	unsigned long free_pages;		/* on the free lists */
	unsigned long reserve_pages;		/* for __GFP_MEMALLOC */
	struct list_head free_area[MAX_ORDER];
};

#define MAX_ORDER_NR_PAGES	(1UL << (MAX_ORDER - 1))

char *arena;			/* base of simulated memory */
size_t arena_bytes;
struct page *mem_map;
unsigned long *alloc_map;	/* first frames of allocated blocks */
unsigned long pages_per_node;
unsigned long nr_pages;
static struct zone zones[MAX_NUMNODES];
/* Global state of the allocator */
#line 5486 "slub.nw"
static struct slub_page_stats page_stats;
/* Global state of the allocator */
#line 5580 "slub.nw"
struct vm_struct {
	unsigned long magic;	/* VM_MAGIC ^ addr */
	void *map;		/* the mapping: the header's page, then addr */
	size_t map_bytes;
	size_t size;		/* usable bytes from addr, whole pages */
};

#define VM_MAGIC	0x766d616c6c6f6321UL
#define VMALLOC_MAX	(1UL << 46)
/* Global state of the allocator */
#line 5768 "slub.nw"
bool slub_simulated;		/* simulated CPUs */
int sim_cpu;			/* the simulated CPU running now */
static slub_point_fn point_hook;
static void *point_hook_arg;
static bool in_point_hook;
/* Global state of the allocator */
#line 6161 "slub.nw"
bool cpu_rseq __attribute__((aligned(L1_CACHE_BYTES)));
static struct {
	bool alloc;	/* cpu_rseq, and no fault injection is on */
	bool free;	/* cpu_rseq, and no memory cgroup is active */
} rseq_door __attribute__((aligned(L1_CACHE_BYTES)));
/* Global state of the allocator */
#line 6567 "slub.nw"
#define SLUB_RED_INACTIVE	0xbb
#define SLUB_RED_ACTIVE		0xcc
#define POISON_INUSE		0x5a
#define POISON_FREE		0x6b
#define POISON_END		0xa5
#define TRACK_ADDRS_COUNT	16

struct track {
	unsigned long addr;	/* called from address */
	unsigned long addrs[TRACK_ADDRS_COUNT];	/* stack trace */
	int cpu;		/* was running on cpu */
	int pid;		/* thread id */
	unsigned long when;	/* when (milliseconds since start) */
};

enum track_item { TRACK_ALLOC, TRACK_FREE };

static unsigned long slub_debug;
static char slub_debug_slabs[256];
static int disable_higher_order_debug;
/* Global state of the allocator */
#line 7642 "slub.nw"
static __thread unsigned long call_site;
static slub_symbolizer_fn slub_symbolizer;
static void *slub_symbolizer_arg;

#define KSYM_SYMBOL_LEN	240
/* Global state of the allocator */
#line 7916 "slub.nw"
static unsigned long slub_oom_reports;
/* Global state of the allocator */
#line 7976 "slub.nw"
struct fault_attr {
	unsigned long probability;
	unsigned long interval;
	long times;
	long space;
	unsigned long count;
};

static struct {
	struct fault_attr attr;
	bool ignore_gfp_wait;
	bool cache_filter;
	unsigned long random;
} failslab;
/* Global state of the allocator */
#line 8207 "slub.nw"
struct mem_cgroup {
	char name[64];
	int kmemcg_id;
	int refcount;
	size_t limit;			/* bytes; 0: no limit */
	size_t usage;			/* bytes of slab pages charged */
	struct list_head memcg_slab_caches;
	pthread_mutex_t slab_caches_mutex;
};

struct memcg_cache_params {
	bool is_root_cache;
	struct kmem_cache *cachep;	/* child: the cache itself */
	struct list_head list;		/* on the cgroup's list */
	union {
		struct kmem_cache *memcg_caches[0];	/* root */
		struct {				/* child */
			struct mem_cgroup *memcg;
			struct kmem_cache *root_cache;
		};
	};
};

#define MEMCG_CACHES_MIN_SIZE	4
#define MEMCG_CACHES_MAX_SIZE	64
static int memcg_limited_groups_array_size = MEMCG_CACHES_MIN_SIZE;
static struct mem_cgroup *memcg_by_id[MEMCG_CACHES_MAX_SIZE];
static __thread struct mem_cgroup *current_memcg;
static __thread int memcg_skip_account;
/* Global state of the sheaves */
#line 11888 "slub.nw"
static unsigned int slub_sheaves;	/* the boot option: every cache */
static __thread unsigned int create_sheaf_capacity;
/* Declarations of internal functions */
#line 417 "slub.nw"
struct kmem_cache_cpu;
struct mem_cgroup;
struct memcg_cache_params;
struct slab_attribute;
struct location;
struct loc_track;
#include "slub_protos.h"
/* Start the page allocator: page_alloc_init */
#line 5147 "slub.nw"
static int page_alloc_init(size_t bytes, int nodes)
{
	unsigned long per_node;
	int nid, o;

	nr_pages = bytes >> PAGE_SHIFT;
	nr_pages -= nr_pages % (MAX_ORDER_NR_PAGES * nodes);
	if (!nr_pages)
		return -EINVAL;
	arena_bytes = nr_pages << PAGE_SHIFT;
	if (map_arena())
		return -ENOMEM;
	per_node = nr_pages / nodes;
	pages_per_node = per_node;
	for (nid = 0; nid < nodes; nid++) {
		struct zone *z = &zones[nid];

		spin_lock_init(&z->lock);
		for (o = 0; o < MAX_ORDER; o++)
			INIT_LIST_HEAD(&z->free_area[o]);
		z->start_pfn = nid * per_node;
		z->end_pfn = z->start_pfn + per_node;
		z->grow_pfn = z->end_pfn;
		z->free_pages = 0;
		z->reserve_pages = per_node / 128;
	}
	return 0;
}
/* Reserve the arena aligned to its largest block, and map its page array: map_arena */
#line 5188 "slub.nw"
static void *map_anon(size_t bytes, int prot)
{
	void *p = mmap(NULL, bytes, prot,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);

	return p == MAP_FAILED ? NULL : p;
}

static int map_arena(void)
{
	size_t block = MAX_ORDER_NR_PAGES << PAGE_SHIFT;
	size_t map_bytes = nr_pages * sizeof(struct page);
	char *raw = map_anon(arena_bytes + block, PROT_NONE);
	char *end;

	if (!raw)
		return -ENOMEM;
	arena = (char *)ALIGN((unsigned long)raw, block);
	end = arena + arena_bytes;
	if (arena > raw)
		munmap(raw, arena - raw);
	munmap(end, raw + arena_bytes + block - end);
	mem_map = map_anon(map_bytes, PROT_READ | PROT_WRITE);
	alloc_map = map_anon(BITS_TO_LONGS(nr_pages) * sizeof(long),
			     PROT_READ | PROT_WRITE);
	if (!mem_map || !alloc_map) {
		unmap_arena();
		return -ENOMEM;
	}
	return 0;
}
/* Unmap the arena and its arrays at the end: page_alloc_exit */
#line 5227 "slub.nw"
static void unmap_arena(void)
{
	if (arena)
		munmap(arena, arena_bytes);
	if (mem_map)
		munmap(mem_map, nr_pages * sizeof(struct page));
	if (alloc_map)
		munmap(alloc_map, BITS_TO_LONGS(nr_pages) * sizeof(long));
	arena = NULL;
	mem_map = NULL;
	alloc_map = NULL;
}

static void page_alloc_exit(void)
{
	int nid;

	for (nid = 0; nid < nr_node_ids; nid++)
		pthread_mutex_destroy(&zones[nid].lock);
	unmap_arena();
	nr_pages = 0;
}
/* Put a block on its free list and take it off */
#line 5256 "slub.nw"
static void free_block(struct zone *z, unsigned long pfn, int order)
{
	struct page *page = pfn_to_page(pfn);

	WRITE_ONCE(page->flags, 1UL << PG_buddy);
	page->private = order;
	list_add(&page->lru, &z->free_area[order]);
	z->free_pages += 1UL << order;
}

static struct page *take_block(struct zone *z, int order)
{
	int o;

retry:
	for (o = order; o < MAX_ORDER; o++) {
		struct page *page;
		unsigned long pfn;

		if (list_empty(&z->free_area[o]))
			continue;
		page = list_first_entry(&z->free_area[o], struct page, lru);
		list_del(&page->lru);
		WRITE_ONCE(page->flags, 0);
		z->free_pages -= 1UL << o;
		pfn = page_to_pfn(page);
		while (o > order) {
			o--;
			free_block(z, pfn + (1UL << o), o);
		}
		return page;
	}
	if (zone_grow(z))
		goto retry;
	return NULL;
}
/* Grow a zone by one largest block when its lists run dry */
#line 5304 "slub.nw"
static bool zone_grow(struct zone *z)
{
	unsigned long pfn;

	if (z->grow_pfn == z->start_pfn)
		return false;
	pfn = z->grow_pfn - MAX_ORDER_NR_PAGES;
	if (mprotect(arena + (pfn << PAGE_SHIFT),
		     MAX_ORDER_NR_PAGES << PAGE_SHIFT, PROT_READ | PROT_WRITE))
		return false;
	z->grow_pfn = pfn;
	free_block(z, pfn, MAX_ORDER - 1);
	return true;
}

static inline unsigned long zone_free_pages(const struct zone *z)
{
	return z->free_pages + (z->grow_pfn - z->start_pfn);
}
/* Split a larger block down to the order asked for: __alloc_pages */
#line 5333 "slub.nw"
static struct page *__alloc_pages(int nid, gfp_t gfp, int order)
{
	struct zone *z = &zones[nid];
	struct page *page;
	bool pfmemalloc = false;
	int i;

	if (order >= MAX_ORDER || page_alloc_should_fail())
		goto fail;
	spin_lock(&z->lock);
	if (zone_free_pages(z) < (1UL << order) + z->reserve_pages) {
		if (!(gfp & __GFP_MEMALLOC)) {
			spin_unlock(&z->lock);
			goto fail;
		}
		pfmemalloc = true;
	}
	page = take_block(z, order);
	spin_unlock(&z->lock);
	if (!page)
		goto fail;
	mark_block(page_to_pfn(page), true);

	/* Make the block a compound page of order order */
#line 5367 "slub.nw"
	page->order = order;
	if (order) {
		__SetPageHead(page);
		for (i = 1; i < (1 << order); i++) {
			WRITE_ONCE(page[i].flags, 1UL << PG_tail);
			page[i].first_page = page;
		}
	}
#line 5356 "slub.nw"
	if (pfmemalloc)
		__SetPageSlabPfmemalloc(page);
	__atomic_add_fetch(&page_stats.allocs, 1, __ATOMIC_RELAXED);
	return page;
fail:
	__atomic_add_fetch(&page_stats.failures, 1, __ATOMIC_RELAXED);
	return NULL;
}
/* Mark allocated blocks in a bitmap, and find the next one */
#line 5383 "slub.nw"
static void mark_block(unsigned long pfn, bool allocated)
{
	unsigned long bit = 1UL << (pfn % BITS_PER_LONG);

	if (allocated)
		__atomic_fetch_or(&alloc_map[pfn / BITS_PER_LONG], bit,
				  __ATOMIC_RELAXED);
	else
		__atomic_fetch_and(&alloc_map[pfn / BITS_PER_LONG], ~bit,
				   __ATOMIC_RELAXED);
}

unsigned long next_allocated_block(unsigned long pfn)
{
	while (pfn < nr_pages) {
		unsigned long w = __atomic_load_n(&alloc_map[pfn / BITS_PER_LONG],
						  __ATOMIC_RELAXED);

		w &= ~0UL << (pfn % BITS_PER_LONG);
		if (w)
			return min(pfn - pfn % BITS_PER_LONG +
				   __builtin_ctzl(w), nr_pages);
		pfn = pfn - pfn % BITS_PER_LONG + BITS_PER_LONG;
	}
	return nr_pages;
}

/* Allocate pages on a node, or on any: alloc_pages_node */
#line 5423 "slub.nw"
static struct page *alloc_pages_node(int node, gfp_t gfp, int order)
{
	int start = node == NUMA_NO_NODE ? numa_mem_id() : node;
	int i;

	if (start < 0 || start >= nr_node_ids)
		return NULL;
	for (i = 0; i < nr_node_ids; i++) {
		struct page *page;

		page = __alloc_pages((start + i) % nr_node_ids, gfp, order);
		if (page || (gfp & __GFP_THISNODE) ||
		    page_stats_failed_by_knob())
			return page;
	}
	return NULL;
}
/* Free a block and merge it with its buddies: __free_pages */
#line 5447 "slub.nw"
static void __free_pages(struct page *page, int order)
{
	struct zone *z = &zones[page_to_nid(page)];
	unsigned long pfn = page_to_pfn(page);
	int i;

	for (i = 1; i < (1 << order); i++) {
		WRITE_ONCE(page[i].flags, 0);
		page[i].first_page = NULL;
	}
	WRITE_ONCE(page->flags, 0);
	page->order = 0;
	mark_block(pfn, false);
	__atomic_add_fetch(&page_stats.frees, 1, __ATOMIC_RELAXED);
	spin_lock(&z->lock);
	while (order < MAX_ORDER - 1) {
		unsigned long buddy_pfn = pfn ^ (1UL << order);
		struct page *buddy = pfn_to_page(buddy_pfn);

		if (buddy_pfn < z->start_pfn || buddy_pfn >= z->end_pfn ||
		    !PageBuddy(buddy) || buddy->private != (unsigned long)order)
			break;
		list_del(&buddy->lru);
		WRITE_ONCE(buddy->flags, 0);
		z->free_pages -= 1UL << order;
		pfn &= ~(1UL << order);
		order++;
	}
	free_block(z, pfn, order);
	spin_unlock(&z->lock);
}
/* Fail the nth page allocation on request: slub_fail_page_alloc */
#line 5494 "slub.nw"
static unsigned long fail_nth;
static __thread bool failed_by_knob;

static bool page_alloc_should_fail(void)
{
	unsigned long n = __atomic_load_n(&fail_nth, __ATOMIC_RELAXED);

	failed_by_knob = false;
	if (!n)
		return false;
	if (__atomic_sub_fetch(&fail_nth, 1, __ATOMIC_RELAXED) == 0) {
		failed_by_knob = true;
		return true;
	}
	return false;
}

static bool page_stats_failed_by_knob(void)
{
	return failed_by_knob;
}

void slub_fail_page_alloc(unsigned long nth)
{
	__atomic_store_n(&fail_nth, nth, __ATOMIC_RELAXED);
}
/* Count the pages by kind for the public interface: slub_page_stats */
#line 5527 "slub.nw"
static void slub_page_stats_add_large(long pages)
{
	__atomic_add_fetch(&page_stats.large_pages, pages, __ATOMIC_RELAXED);
}

void slub_page_stats(struct slub_page_stats *st)
{
	unsigned long free = 0, slab = 0, pfn;
	int nid;

	memset(st, 0, sizeof(*st));
	if (!mem_map)
		return;
	for (nid = 0; nid < nr_node_ids; nid++) {
		spin_lock(&zones[nid].lock);
		free += zone_free_pages(&zones[nid]);
		spin_unlock(&zones[nid].lock);
	}
	for_each_allocated_block(pfn)
		if (PageSlab(&mem_map[pfn]))
			slab += 1UL << compound_order(&mem_map[pfn]);
	*st = page_stats;
	st->total_pages = nr_pages;
	st->free_pages = free;
	st->slab_pages = slab;
}
/* Map memory too large for the page allocator: vmalloc */
#line 5592 "slub.nw"
static inline bool in_arena(const void *x)
{
	return (const char *)x >= arena && (const char *)x < arena + arena_bytes;
}

static inline struct vm_struct *vm_area(const void *addr)
{
	return (struct vm_struct *)((char *)addr - sizeof(struct vm_struct));
}

void *vmalloc_align(size_t size, size_t align)
{
	size_t bytes = PAGE_SIZE + ALIGN(size, PAGE_SIZE), lead;
	char *map, *addr;
	struct vm_struct *area;

	if (!size || size > VMALLOC_MAX || !is_power_of_2(align) ||
	    align > VMALLOC_MAX)
		return NULL;
	align = max(align, (size_t)PAGE_SIZE);
	map = mmap(NULL, bytes + align - PAGE_SIZE, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (map == MAP_FAILED)
		return NULL;
	addr = (char *)ALIGN((unsigned long)map + PAGE_SIZE, align);

	/* Unmap what lies before and after the area at addr */
#line 5633 "slub.nw"
	lead = addr - PAGE_SIZE - map;
	if (lead)
		munmap(map, lead);
	if (align - PAGE_SIZE > lead)
		munmap(addr - PAGE_SIZE + bytes, align - PAGE_SIZE - lead);
#line 5618 "slub.nw"
	area = vm_area(addr);
	area->map = addr - PAGE_SIZE;
	area->map_bytes = bytes;
	area->size = bytes - PAGE_SIZE;
	area->magic = VM_MAGIC ^ (unsigned long)addr;
	return addr;
}

void *vmalloc(size_t size)
{
	return vmalloc_align(size, PAGE_SIZE);
}
/* Recognise and free a vmalloc area */
#line 5641 "slub.nw"
bool is_vmalloc_addr(const void *addr)
{
	if (!addr || in_arena(addr) || ((unsigned long)addr & ~PAGE_MASK))
		return false;
	return vm_area(addr)->magic == (VM_MAGIC ^ (unsigned long)addr);
}

size_t vmalloc_size(const void *addr)
{
	return is_vmalloc_addr(addr) ? vm_area(addr)->size : 0;
}

void vfree(const void *addr)
{
	struct vm_struct *area;

	if (!addr)
		return;
	if (!is_vmalloc_addr(addr)) {
		slab_err_pointer(NULL, addr,
				 "vfree of a pointer vmalloc never returned");
		return;
	}
	area = vm_area(addr);
	area->magic = 0;
	munmap(area->map, area->map_bytes);
}
/* Grow or shrink a vmalloc area: vrealloc */
#line 5677 "slub.nw"
void *vrealloc(const void *addr, size_t size)
{
	struct vm_struct *area = vm_area(addr);
	size_t bytes = PAGE_SIZE + ALIGN(size, PAGE_SIZE);
	char *map;

	if (!is_vmalloc_addr(addr) || !size || size > VMALLOC_MAX)
		return NULL;
	map = mremap(area->map, area->map_bytes, bytes, MREMAP_MAYMOVE);
	if (map == MAP_FAILED)
		return NULL;
	area = vm_area(map + PAGE_SIZE);
	area->map = map;
	area->map_bytes = bytes;
	area->size = bytes - PAGE_SIZE;
	area->magic = VM_MAGIC ^ (unsigned long)(map + PAGE_SIZE);
	return map + PAGE_SIZE;
}
/* Compare and swap two adjacent words: cmpxchg_double */
#line 5867 "slub.nw"
static inline bool cmpxchg_double(void *p, unsigned long o1,
				  unsigned long o2, unsigned long n1,
				  unsigned long n2)
{
#if defined(__SANITIZE_THREAD__)
	unsigned __int128 old = ((unsigned __int128)o2 << 64) | o1;
	unsigned __int128 new = ((unsigned __int128)n2 << 64) | n1;

	return __atomic_compare_exchange_n((unsigned __int128 *)p, &old, new,
					   false, __ATOMIC_SEQ_CST,
					   __ATOMIC_SEQ_CST);
#else
	bool ok;

	asm volatile("lock cmpxchg16b %1"
		     : "=@ccz" (ok), "+m" (*(unsigned __int128 *)p),
		       "+a" (o1), "+d" (o2)
		     : "b" (n1), "c" (n2)
		     : "memory");
	return ok;
#endif
}
/* Change a slab's freelist and counters together: cmpxchg_double_slab */
#line 5901 "slub.nw"
static inline void slab_lock(struct page *page)
{
	while (__atomic_fetch_or(&page->flags, 1UL << PG_locked,
				 __ATOMIC_ACQUIRE) & (1UL << PG_locked))
		sched_yield();
}

static inline void slab_unlock(struct page *page)
{
	__atomic_fetch_and(&page->flags, ~(1UL << PG_locked),
			   __ATOMIC_RELEASE);
}

static bool __cmpxchg_double_slab(struct kmem_cache *s, struct page *page,
		void *freelist_old, unsigned long counters_old,
		void *freelist_new, unsigned long counters_new, const char *n)
{
	(void)n;
	if (s->flags & __CMPXCHG_DOUBLE) {
		if (cmpxchg_double(&page->freelist,
				   (unsigned long)freelist_old, counters_old,
				   (unsigned long)freelist_new, counters_new))
			return true;
	} else {
		slab_lock(page);
		if (READ_ONCE(page->freelist) == freelist_old &&
		    READ_ONCE(page->counters) == counters_old) {
			WRITE_ONCE(page->freelist, freelist_new);
			WRITE_ONCE(page->counters, counters_new);
			slab_unlock(page);
			return true;
		}
		slab_unlock(page);
	}
	stat_at(s, CMPXCHG_DOUBLE_FAIL, NULL, page);
	return false;
}

#define cmpxchg_double_slab __cmpxchg_double_slab
/* Compare and swap the CPU's freelist and tid: this_cpu_cmpxchg_double */
#line 5966 "slub.nw"
static inline bool this_cpu_cmpxchg_double(struct kmem_cache *s,
		struct kmem_cache_cpu *c, void *o1, unsigned long o2,
		void *n1, unsigned long n2)
{
	struct kmem_cache_cpu *target = c;

	if (slub_simulated)
		target = per_cpu_ptr(s->cpu_slab, sim_cpu);
	return cmpxchg_double(&target->freelist, (unsigned long)o1, o2,
			      (unsigned long)n1, n2);
}

#line 6035 "slub.nw"
static inline bool cpu_tid_ready(unsigned long tid)
{
	return !(tid & TID_BUSY);
}

/* Claim (set the busy bit) or release (clear it, advance the tid). */
static void cpu_swap_tid(struct kmem_cache_cpu *c, bool claim)
{
	unsigned long tid;
	void *fl;

	do {
		tid = READ_ONCE(c->tid);
		fl = READ_ONCE(c->freelist);
	} while (!cmpxchg_double(&c->freelist, (unsigned long)fl, tid,
				 (unsigned long)fl,
				 claim ? tid | TID_BUSY :
					 next_tid(tid & ~TID_BUSY)));
}

static void cpu_lock(struct kmem_cache_cpu *c)
{
	spin_lock(&c->lock);
	if (slub_simulated)
		return;
	if (cpu_rseq)
		cpu_rseq_claim_remote(c);
	else
		cpu_swap_tid(c, true);
}

static void cpu_unlock(struct kmem_cache_cpu *c)
{
	if (cpu_rseq)
		__atomic_store_n(&c->tid, next_tid(READ_ONCE(c->tid) & ~TID_BUSY),
				 __ATOMIC_RELEASE);
	else if (!slub_simulated)
		cpu_swap_tid(c, false);
	spin_unlock(&c->lock);
	if (cpu_rseq)
		cpu_rseq_unpin();
}

/* Enter and leave a slow path's critical section: local_irq_save */
#line 6083 "slub.nw"
static inline struct kmem_cache_cpu *local_irq_save(struct kmem_cache *s)
{
	struct kmem_cache_cpu *c;

	if (cpu_rseq)
		return cpu_rseq_lock_this_cpu(s);
	c = this_cpu_ptr(s->cpu_slab);
	cpu_lock(c);
	return c;
}

static inline void local_irq_restore(struct kmem_cache *s,
				     struct kmem_cache_cpu *c)
{
	(void)s;
	cpu_unlock(c);
}
/* Decide whether the restartable sequences can be used */
#line 6169 "slub.nw"
static bool cpu_rseq_usable(const struct slub_config *cfg)
{
#if defined(__SANITIZE_THREAD__) || !defined(__x86_64__)
	(void)cfg;
	return false;
#else
	cpu_set_t set;
	long conf = sysconf(_SC_NPROCESSORS_CONF);

	if (cfg->simulated || cfg->no_rseq || cfg->freelist_hardened ||
	    __rseq_size == 0 || conf > nr_cpu_ids ||
	    sched_getaffinity(0, sizeof(set), &set) ||
	    CPU_COUNT(&set) < conf)
		return false;
	return true;
#endif
}
/* Declare the restartable sequence area and the macros of a sequence */
#line 6220 "slub.nw"
#define RSEQ_SIG	0x53053053

#define RSEQ_SEQUENCE_START						\
	"0:\n\t"							\
	".pushsection __rseq_cs, \"aw\"\n\t"				\
	".balign 32\n\t"						\
	"3:\n\t"							\
	".long 0x0, 0x0\n\t"						\
	".quad 1f, (2f - 1f), 4f\n\t"					\
	".popsection\n\t"						\
	"leaq 3b(%%rip), %%rax\n\t"					\
	"movq %%rax, %%fs:%c[cs_off](%[rs])\n\t"			\
	"1:\n\t"							\
	"movl %%fs:%c[cpu_off](%[rs]), %%eax\n\t"

#define RSEQ_SEQUENCE_END(abort_label)					\
	"2:\n\t"							\
	".pushsection __rseq_failure, \"ax\"\n\t"			\
	".byte 0x0f, 0xb9, 0x3d\n\t"					\
	".long 0x53053053\n\t"						\
	"4:\n\t"							\
	"jmp %l[" #abort_label "]\n\t"					\
	".popsection\n\t"

#define RSEQ_SEQUENCE_END_RESTART(on_abort)				\
	"2:\n\t"							\
	".pushsection __rseq_failure, \"ax\"\n\t"			\
	".byte 0x0f, 0xb9, 0x3d\n\t"					\
	".long 0x53053053\n\t"						\
	"4:\n\t"							\
	on_abort							\
	"jmp 0b\n\t"							\
	".popsection\n\t"

#define RSEQ_COMMON_INPUTS						\
	[rs] "r" (__rseq_offset),					\
	[cs_off] "i" (offsetof(struct rseq, rseq_cs)),			\
	[cpu_off] "i" (offsetof(struct rseq, cpu_id)),			\
	[shift] "i" (KCC_SHIFT)

/* Check the offsets the sequences hard-code */
#line 6272 "slub.nw"
#define KCC_FIELD_SIZE(f)	sizeof(((struct kmem_cache_cpu *)0)->f)
_Static_assert(offsetof(struct kmem_cache_cpu, freelist) == 0,
	       "rseq sequences: the freelist is at (%rax)");
_Static_assert(offsetof(struct kmem_cache_cpu, tid) == 8,
	       "rseq sequences: the tid is at 8(%rax)");
_Static_assert(KCC_FIELD_SIZE(tid) == 8 && TID_BUSY == 1UL << 63,
	       "rseq sequences: btq/btsq $63 is the tid's busy bit");
_Static_assert(offsetof(struct kmem_cache_cpu, page) == 16,
	       "rseq free sequence: the cpu slab is at 16(%rax)");
_Static_assert(KCC_FIELD_SIZE(stat[0]) == 4,
	       "rseq count sequence: incl (%rax, si, 4) adds to a 4-byte counter");
#define KCC_SHIFT	8
_Static_assert(sizeof(struct kmem_cache_cpu) == 1UL << KCC_SHIFT,
	       "rseq sequences: shlq $KCC_SHIFT finds a CPU's structure; "
	       "keep its size a power of two");
/* Pop the CPU's first free object in a sequence: cpu_rseq_pop */
#line 6304 "slub.nw"
static __always_inline void *cpu_rseq_pop(struct kmem_cache *s)
{
	void *object, *next;
	unsigned int aborts = 0;

	asm volatile(RSEQ_SEQUENCE_START
		"shlq %[shift], %%rax\n\t"
		"addq %[base], %%rax\n\t"
		"xorl %k[obj], %k[obj]\n\t"
		"btq $63, 8(%%rax)\n\t"
		"jc 2f\n\t"
		"movq (%%rax), %[obj]\n\t"
		"testq %[obj], %[obj]\n\t"
		"jz 2f\n\t"
		"movq (%[obj], %[off]), %[next]\n\t"
		"movq %[next], (%%rax)\n\t"
		RSEQ_SEQUENCE_END_RESTART("incl %[aborts]\n\t")
		: [obj] "=&r" (object), [next] "=&r" (next),
		  [aborts] "+m" (aborts)
		: RSEQ_COMMON_INPUTS, [base] "r" (s->cpu_slab),
		  [off] "r" ((long)s->offset)
		: "rax", "memory", "cc");
	if (unlikely(aborts))
		cpu_rseq_count_aborts(s, aborts);
	if (likely(object))
		prefetch_freepointer(s, next);
	return object;
}
/* Push an object on the CPU's freelist in a sequence: cpu_rseq_push */
#line 6340 "slub.nw"
static __always_inline bool cpu_rseq_push(struct kmem_cache *s,
					  struct page *page, void *object)
{
	unsigned int aborts = 0, done;
	void *head;

	asm volatile(RSEQ_SEQUENCE_START
		"shlq %[shift], %%rax\n\t"
		"addq %[base], %%rax\n\t"
		"xorl %k[done], %k[done]\n\t"
		"btq $63, 8(%%rax)\n\t"
		"jc 2f\n\t"
		"cmpq %[page], 16(%%rax)\n\t"
		"jne 2f\n\t"
		"movq (%%rax), %[head]\n\t"
		"movq %[head], (%[obj], %[off])\n\t"
		"movl $1, %k[done]\n\t"
		"movq %[obj], (%%rax)\n\t"
		RSEQ_SEQUENCE_END_RESTART("incl %[aborts]\n\t")
		: [done] "=&r" (done), [head] "=&r" (head),
		  [aborts] "+m" (aborts)
		: RSEQ_COMMON_INPUTS, [base] "r" (s->cpu_slab),
		  [off] "r" ((long)s->offset), [obj] "r" (object),
		  [page] "r" (page)
		: "rax", "memory", "cc");
	if (unlikely(aborts))
		cpu_rseq_count_aborts(s, aborts);
	return done;
}

static noinline void cpu_rseq_count_aborts(struct kmem_cache *s,
					   unsigned int aborts)
{
	while (aborts--)
		rseq_stat(s, CMPXCHG_DOUBLE_CPU_FAIL);
}
/* Advance the CPU's tid in a sequence: cpu_rseq_inc */
#line 6394 "slub.nw"
static __always_inline void cpu_rseq_inc(const struct kmem_cache *s,
					 enum stat_item si)
{
	asm volatile(RSEQ_SEQUENCE_START
		"shlq %[shift], %%rax\n\t"
		"addq %[base], %%rax\n\t"
		"incl (%%rax, %[si], 4)\n\t"
		RSEQ_SEQUENCE_END_RESTART("")
		:
		: RSEQ_COMMON_INPUTS,
		  [base] "r" ((char *)s->cpu_slab +
			      offsetof(struct kmem_cache_cpu, stat)),
		  [si] "r" ((long)si)
		: "rax", "memory", "cc");
}
/* Mark the CPU's structure busy in a sequence: cpu_rseq_set_busy */
#line 6415 "slub.nw"
static bool cpu_rseq_set_busy(struct kmem_cache_cpu *c)
{
	asm volatile goto(RSEQ_SEQUENCE_START
		"cmpl %%eax, %[cpu]\n\t"
		"jne %l[elsewhere]\n\t"
		"movq 8(%[c]), %%rcx\n\t"
		"btsq $63, %%rcx\n\t"
		"movq %%rcx, 8(%[c])\n\t"
		RSEQ_SEQUENCE_END(elsewhere)
		:
		: RSEQ_COMMON_INPUTS, [c] "r" (c), [cpu] "r" (c->cpu)
		: "rax", "rcx", "memory", "cc"
		: elsewhere);
	return true;
elsewhere:
	return false;
}
/* Lock this CPU's structure, or claim another's, under restartable sequences */
#line 6440 "slub.nw"
static __thread bool rseq_pinned;
static __thread cpu_set_t rseq_saved_mask;

static struct kmem_cache_cpu *cpu_rseq_lock_this_cpu(struct kmem_cache *s)
{
	struct kmem_cache_cpu *c;

	for (;;) {
		c = per_cpu_ptr(s->cpu_slab, raw_cpu_id());
		spin_lock(&c->lock);
		if (cpu_rseq_set_busy(c))
			return c;
		spin_unlock(&c->lock);
	}
}

static void cpu_rseq_claim_remote(struct kmem_cache_cpu *c)
{
	while (!cpu_rseq_set_busy(c))
		cpu_rseq_pin(c->cpu);
}

static void cpu_rseq_pin(int cpu)
{
	cpu_set_t set;

	if (!rseq_pinned &&
	    !sched_getaffinity(0, sizeof(rseq_saved_mask), &rseq_saved_mask))
		rseq_pinned = true;
	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	if (sched_setaffinity(0, sizeof(set), &set))
		panic("SLUB: cannot run on cpu %d to claim it\n", cpu);
}

static void cpu_rseq_unpin(void)
{
	if (unlikely(rseq_pinned)) {
		rseq_pinned = false;
		sched_setaffinity(0, sizeof(rseq_saved_mask), &rseq_saved_mask);
	}
}
/* Check the offsets the sheaf sequences assume */
#line 12258 "slub.nw"
#define SHEAF_FIELD_SIZE(type, f)	sizeof(((type *)0)->f)
#define L1_CACHE_SHIFT			6
_Static_assert(SHEAF_FIELD_SIZE(local_trylock_t, locked) == 4,
	       "rseq sheaf sequences: cmpl/movl on the lock word");
_Static_assert(SHEAF_FIELD_SIZE(struct slab_sheaf, size) == 4 &&
	       SHEAF_FIELD_SIZE(struct slab_sheaf, capacity) == 4,
	       "rseq sheaf sequences: 4-byte size and capacity");
_Static_assert(SHEAF_FIELD_SIZE(struct slab_sheaf, objects[0]) == 8,
	       "rseq sheaf sequences: objects[] scaled by 8");
_Static_assert(offsetof(struct slub_percpu_sheaves, lock) == 0 &&
	       sizeof(struct slub_percpu_sheaves) == 1 << L1_CACHE_SHIFT,
	       "rseq sheaf sequences: shlq finds a CPU's cache line");

#define RSEQ_SHEAF_INPUTS(s)						\
	[pcs_shift] "i" (L1_CACHE_SHIFT),				\
	[pcs] "r" ((s)->cpu_sheaves),					\
	[locked] "i" (offsetof(struct slub_percpu_sheaves, lock.locked)), \
	[main] "i" (offsetof(struct slub_percpu_sheaves, main)),	\
	[sz] "i" (offsetof(struct slab_sheaf, size)),			\
	[cap] "i" (offsetof(struct slab_sheaf, capacity)),		\
	[objs] "i" (offsetof(struct slab_sheaf, objects))
/* Take and put an object in the CPU's main sheaf in a sequence */
#line 12287 "slub.nw"
static __always_inline void *cpu_rseq_sheaf_pop(struct kmem_cache *s)
{
	void *object;

	asm volatile(RSEQ_SEQUENCE_START
		"shlq %[pcs_shift], %%rax\n\t"
		"addq %[pcs], %%rax\n\t"
		"xorl %k[obj], %k[obj]\n\t"
		"cmpl $0, %c[locked](%%rax)\n\t"
		"jne 2f\n\t"
		"movq %c[main](%%rax), %%rcx\n\t"
		"movl %c[sz](%%rcx), %%edx\n\t"
		"testl %%edx, %%edx\n\t"
		"jz 2f\n\t"
		"subl $1, %%edx\n\t"
		"movq %c[objs](%%rcx, %%rdx, 8), %[obj]\n\t"
		"movl %%edx, %c[sz](%%rcx)\n\t"
		RSEQ_SEQUENCE_END_RESTART("")
		: [obj] "=&r" (object)
		: RSEQ_COMMON_INPUTS, RSEQ_SHEAF_INPUTS(s)
		: "rax", "rcx", "rdx", "memory", "cc");
	return object;
}
/* Take and put an object in the CPU's main sheaf in a sequence */
#line 12319 "slub.nw"
static __always_inline bool cpu_rseq_sheaf_push(struct kmem_cache *s,
						void *object)
{
	asm volatile goto(RSEQ_SEQUENCE_START
		"shlq %[pcs_shift], %%rax\n\t"
		"addq %[pcs], %%rax\n\t"
		"cmpl $0, %c[locked](%%rax)\n\t"
		"jne %l[slow]\n\t"
		"movq %c[main](%%rax), %%rcx\n\t"
		"movl %c[sz](%%rcx), %%edx\n\t"
		"cmpl %c[cap](%%rcx), %%edx\n\t"
		"jae %l[slow]\n\t"
		"movq %[obj], %c[objs](%%rcx, %%rdx, 8)\n\t"
		"addl $1, %%edx\n\t"
		"movl %%edx, %c[sz](%%rcx)\n\t"
		RSEQ_SEQUENCE_END_RESTART("")
		:
		: RSEQ_COMMON_INPUTS, RSEQ_SHEAF_INPUTS(s), [obj] "r" (object)
		: "rax", "rcx", "rdx", "memory", "cc"
		: slow);
	return true;
slow:
	return false;
}
/* Take and put an object in the CPU's main sheaf in a sequence */
#line 12350 "slub.nw"
SLUB_SHARED int local_rseq_trylock(local_trylock_t *l)
{
	int r;

	asm volatile(RSEQ_SEQUENCE_START
		"movl %[elsewhere], %k[r]\n\t"
		"cmpl %%eax, %[cpu]\n\t"
		"jne 2f\n\t"
		"movl %[busy], %k[r]\n\t"
		"cmpl $0, (%[l])\n\t"
		"jne 2f\n\t"
		"xorl %k[r], %k[r]\n\t"
		"movl $1, (%[l])\n\t"
		RSEQ_SEQUENCE_END_RESTART("")
		: [r] "=&r" (r)
		: RSEQ_COMMON_INPUTS, [l] "r" (&l->locked), [cpu] "r" (l->cpu),
		  [elsewhere] "i" (LOCAL_RSEQ_ELSEWHERE),
		  [busy] "i" (LOCAL_RSEQ_BUSY)
		: "rax", "memory", "cc");
	return r;
}
/* Take and put an object in the CPU's main sheaf in a sequence */
#line 12379 "slub.nw"
SLUB_SHARED void local_rseq_lock(local_trylock_t *l)
{
	int r;

	while ((r = local_rseq_trylock(l)) != LOCAL_RSEQ_TAKEN) {
		if (r == LOCAL_RSEQ_ELSEWHERE)
			cpu_rseq_pin(l->cpu);
		else
			sched_yield();
	}
}

SLUB_SHARED void local_rseq_unlocked(void)
{
	cpu_rseq_unpin();
}
/* Choose the simulated CPU and the point where an operation is interrupted */
#line 6494 "slub.nw"
static inline void slub_point(enum slub_point p)
{
	if (unlikely(point_hook) && slub_simulated && !in_point_hook) {
		in_point_hook = true;
		point_hook(p, point_hook_arg);
		in_point_hook = false;
	}
}

int slub_sim_set_cpu(int cpu)
{
	if (!slub_simulated || cpu < 0 || cpu >= nr_cpu_ids)
		return -EINVAL;
	sim_cpu = cpu;
	return 0;
}

int slub_sim_cpu(void)
{
	return slub_simulated ? sim_cpu : -1;
}

void slub_sim_set_point_hook(slub_point_fn fn, void *arg)
{
	point_hook = fn;
	point_hook_arg = arg;
}

const char *slub_point_name(enum slub_point point)
{
	static const char *const names[NR_SLUB_POINTS] = {
		"alloc.after_tid", "alloc.before_cmpxchg",
		"free.after_tid", "free.before_cmpxchg", "slowpath.entry",
		"sheaf.alloc", "sheaf.free",
	};

	return (unsigned)point < NR_SLUB_POINTS ? names[point] : NULL;
}
/* Name the stat counters as sysfs does: slub_stat_name */
#line 10566 "slub.nw"
static const char *const stat_names[NR_SLUB_STAT_ITEMS] = {
	"alloc_fastpath", "alloc_slowpath", "free_fastpath", "free_slowpath",
	"free_frozen", "free_add_partial", "free_remove_partial",
	"alloc_from_partial", "alloc_slab", "alloc_refill",
	"alloc_node_mismatch", "free_slab", "cpuslab_flush",
	"deactivate_full", "deactivate_empty", "deactivate_to_head",
	"deactivate_to_tail", "deactivate_remote_frees", "deactivate_bypass",
	"order_fallback", "cmpxchg_double_cpu_fail", "cmpxchg_double_fail",
	"cpu_partial_alloc", "cpu_partial_free", "cpu_partial_node",
	"cpu_partial_drain",

/* The file names of the sheaf counters */
#line 13732 "slub.nw"
"sheaf_flush", "sheaf_refill", "sheaf_alloc", "sheaf_free", "barn_get",
"barn_get_fail", "barn_put", "barn_put_fail", "sheaf_prefill_fast",
"sheaf_prefill_slow", "sheaf_prefill_oversize", "sheaf_return_fast",
"sheaf_return_slow",
#line 10577 "slub.nw"
};

const char *slub_stat_name(int item)
{
	return item >= 0 && item < NR_SLUB_STAT_ITEMS ? stat_names[item] :
							 NULL;
}
/* Count on the running CPU: __stat */
#line 10789 "slub.nw"
static inline void __stat(const struct kmem_cache *s, enum stat_item si)
{
#ifdef CONFIG_SLUB_STATS
	struct kmem_cache_cpu *c;

	if (cpu_rseq) {
		cpu_rseq_inc(s, si);
	} else {
		c = raw_cpu_ptr(s->cpu_slab);
		if (slub_simulated)
			WRITE_ONCE(c->stat[si], READ_ONCE(c->stat[si]) + 1);
		else
			__atomic_add_fetch(&c->stat[si], 1, __ATOMIC_RELAXED);
	}
#else
	(void)s;
	(void)si;
#endif
}
/* Hide, follow and set the free pointer, and walk a slab's objects */
#line 749 "slub.nw"
static bool freelist_hardened;
static bool freelist_random;

static inline void *freelist_ptr(const struct kmem_cache *s, void *ptr,
				 unsigned long ptr_addr)
{
	if (freelist_hardened)
		return (void *)((unsigned long)ptr ^ s->random ^ ptr_addr);
	return ptr;
}

/* Read and write the free pointer of an object */
#line 780 "slub.nw"
static inline void *get_freepointer(struct kmem_cache *s, void *object)
{
	unsigned long addr = (unsigned long)object + s->offset;

	return freelist_ptr(s, *(void **)addr, addr);
}

static __attribute__((no_sanitize("thread"))) void *
get_freepointer_safe(struct kmem_cache *s, void *object)
{
	unsigned long addr = (unsigned long)object + s->offset;

	return freelist_ptr(s, *(void *volatile *)addr, addr);
}

static inline void set_freepointer(struct kmem_cache *s, void *object,
				   void *fp)
{
	unsigned long addr = (unsigned long)object + s->offset;

	*(void **)addr = freelist_ptr(s, fp, addr);
}
#line 761 "slub.nw"
static inline void prefetch_freepointer(const struct kmem_cache *s,
					void *object)
{
	__builtin_prefetch((void *)((unsigned long)object + s->offset));
}

#define for_each_object(__p, __s, __addr, __objects)			\
	for (__p = (__addr); __p < (__addr) + (__objects) * (__s)->size; \
	     __p += (__s)->size)

static inline int slab_index(void *p, struct kmem_cache *s, void *addr)
{
	return ((char *)p - (char *)addr) / s->size;
}
/* Read an object's free pointer for the tests and the tools */
#line 808 "slub.nw"
void *slub_freepointer(struct kmem_cache *s, void *object)
{
	return get_freepointer(s, object);
}
/* Draw the random numbers of the hardened and shuffled freelists */
#line 820 "slub.nw"
static unsigned long slub_rng_state = 0x9e3779b97f4a7c15UL;

static unsigned long slub_random(void)
{
	unsigned long x = __atomic_load_n(&slub_rng_state, __ATOMIC_RELAXED);

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	__atomic_store_n(&slub_rng_state, x, __ATOMIC_RELAXED);
	return x;
}

static unsigned long slub_cache_random(struct kmem_cache *s)
{
	(void)s;
	return freelist_hardened ? slub_random() | 1 : 0;
}
/* Shuffle a new slab's freelist: shuffle_freelist */
#line 861 "slub.nw"
static void shuffle_freelist(struct kmem_cache *s, struct page *page,
			     void *start)
{
	unsigned long n = page->objects, i, j, next, head;
	char *base = start;

	if (!freelist_random || n < 2)
		return;
	for (i = 0; i < n; i++)
		*freelist_slot(s, base, i) = i;
	for (i = n - 1; i > 0; i--) {
		j = slub_random() % i;
		next = *freelist_slot(s, base, i);
		*freelist_slot(s, base, i) = *freelist_slot(s, base, j);
		*freelist_slot(s, base, j) = next;
	}
	head = slub_random() % n;
	for (i = 0; i < n; i++) {
		next = *freelist_slot(s, base, i);
		set_freepointer(s, base + i * s->size,
				next == head ? NULL : base + next * s->size);
	}
	page->freelist = base + head * s->size;
}

static inline unsigned long *freelist_slot(struct kmem_cache *s,
					   char *base, unsigned long i)
{
	return (unsigned long *)(base + i * s->size + s->offset);
}
/* Parse the slub_debug boot option: setup_slub_debug */
#line 6654 "slub.nw"
static void setup_slub_debug(const char *str)
{
	slub_debug = 0;
	slub_debug_slabs[0] = '\0';
	disable_higher_order_debug = 0;
	if (!str)
		return;
	slub_debug = DEBUG_DEFAULT_FLAGS;
	if (*str == '=')
		str++;
	if (!*str)
		return;
	if (*str == ',')
		goto check_slabs;
	if ((*str | 0x20) == 'o') {
		disable_higher_order_debug = 1;
		return;
	}
	slub_debug = 0;
	if (*str == '-')
		return;
	for (; *str && *str != ','; str++) {
		switch (*str | 0x20) {
		case 'f': slub_debug |= SLAB_DEBUG_FREE; break;
		case 'z': slub_debug |= SLAB_RED_ZONE; break;
		case 'p': slub_debug |= SLAB_POISON; break;
		case 'u': slub_debug |= SLAB_STORE_USER; break;
		case 't': slub_debug |= SLAB_TRACE; break;
		case 'a': slub_debug |= SLAB_FAILSLAB; break;
		default:
			pr_err("slub_debug option '%c' unknown. skipped\n",
			       *str);
		}
	}
check_slabs:
	if (*str == ',')
		snprintf(slub_debug_slabs, sizeof(slub_debug_slabs), "%s",
			 str + 1);
}
/* Match a cache name against the option's list: slub_debug_name_matches */
#line 6700 "slub.nw"
static bool slub_debug_name_matches(const char *name)
{
	const char *p = slub_debug_slabs;

	while (*p) {
		size_t len = strcspn(p, ",");

		if (len && !strncmp(name, p, len))
			return true;
		p += len;
		if (*p == ',')
			p++;
	}
	return false;
}
/* Fill an object's red zone and poison, and find its tracks: init_object and get_track */
#line 6726 "slub.nw"
static void init_object(struct kmem_cache *s, void *object, u8 val)
{
	u8 *p = object;

	if (s->flags & __OBJECT_POISON) {
		memset(p, POISON_FREE, s->object_size - 1);
		p[s->object_size - 1] = POISON_END;
	}
	if (s->flags & SLAB_RED_ZONE)
		memset(p + s->object_size, val, s->inuse - s->object_size);
}

static struct track *get_track(struct kmem_cache *s, void *object,
			       enum track_item alloc)
{
	struct track *p;

	if (s->offset)
		p = (void *)((char *)object + s->offset + sizeof(void *));
	else
		p = (void *)((char *)object + s->inuse);
	return p + alloc;
}
/* Tell the observation layer the size of a track: slub_track_size */
#line 6756 "slub.nw"
unsigned int slub_track_size(void)
{
	return sizeof(struct track);
}
/* Record who allocated or freed an object: set_track */
#line 6783 "slub.nw"
static unsigned long jiffies_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000UL + ts.tv_nsec / 1000000;
}

static void set_track(struct kmem_cache *s, void *object,
		      enum track_item alloc, unsigned long addr)
{
	struct track *p = get_track(s, object, alloc);

	memset(p, 0, sizeof(*p));
	if (!addr)
		return;
	save_stack_trace(p->addrs, 4);
	p->addr = unlikely(call_site) ? call_site : addr;
	p->cpu = smp_processor_id();
	p->pid = (int)syscall(SYS_gettid);
	p->when = jiffies_now();
}
/* Save the return addresses of the calling frames: save_stack_trace */
#line 6812 "slub.nw"
/* The unwinder calls this once per frame, innermost first. */
static _Unwind_Reason_Code save_frame(struct _Unwind_Context *ctx, void *arg)
{
	struct stack_walk *w = arg;
	unsigned long ip = _Unwind_GetIP(ctx);

	if (!ip || w->n == TRACK_ADDRS_COUNT)
		return _URC_END_OF_STACK;
	if (w->skip)
		w->skip--;
	else
		w->addrs[w->n++] = ip;
	return _URC_NO_REASON;
}

/* The stack from here outwards, minus the innermost skip frames (this
 * function is the first: it is never inlined, so that skip means the
 * same at every call). */
static noinline void save_stack_trace(unsigned long *addrs, int skip)
{
	struct stack_walk w = { .addrs = addrs, .skip = skip };

	_Unwind_Backtrace(save_frame, &w);
}
/* Prepare a new object's tracks, red zone and poison: setup_object_debug */
#line 6840 "slub.nw"
static void init_tracking(struct kmem_cache *s, void *object)
{
	if (!(s->flags & SLAB_STORE_USER))
		return;
	set_track(s, object, TRACK_FREE, 0UL);
	set_track(s, object, TRACK_ALLOC, 0UL);
}

static void setup_object_debug(struct kmem_cache *s, struct page *page,
			       void *object)
{
	(void)page;
	if (!(s->flags & (SLAB_STORE_USER | SLAB_RED_ZONE | __OBJECT_POISON)))
		return;
	init_object(s, object, SLUB_RED_INACTIVE);
	init_tracking(s, object);
}
/* Report a corrupted slab and count the reports: slab_bug and slab_fix */
#line 6877 "slub.nw"
static unsigned long slub_bug_count;

static const char *slub_rule(char c)
{
	static char eq[78], dash[78];
	char *r = c == '=' ? eq : dash;

	if (!r[0])
		memset(r, c, 77);
	return r;
}

static void __attribute__((format(printf, 2, 3)))
slab_bug(struct kmem_cache *s, const char *fmt, ...)
{
	char buf[200];
	va_list args;

	va_start(args, fmt);
	vsnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	__atomic_add_fetch(&slub_bug_count, 1, __ATOMIC_RELAXED);
	pr_err("%.77s\n", slub_rule('='));
	pr_err("BUG %s (Not tainted): %s\n", s ? s->name : "(none)", buf);
	pr_err("%.77s\n\n", slub_rule('-'));
	slub_report(s, NULL, NULL, "BUG %s: %s", s ? s->name : "(none)", buf);
}

static void __attribute__((format(printf, 2, 3)))
slab_fix(struct kmem_cache *s, const char *fmt, ...)
{
	char buf[200];
	va_list args;

	va_start(args, fmt);
	vsnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	pr_err("FIX %s: %s\n", s->name, buf);
}
/* Print a range of bytes in hex and as text: print_section */
#line 6919 "slub.nw"
static void print_section(const char *text, u8 *addr, unsigned int length)
{
	unsigned int i, j;

	for (i = 0; i < length; i += 16) {
		pr_err("%s%p: ", text, (void *)(addr + i));
		for (j = i; j < i + 16 && j < length; j++)
			pr_err("%02x%s", addr[j], j + 1 < i + 16 ? " " : "");
		pr_err("  ");
		for (j = i; j < i + 16 && j < length; j++)
			pr_err("%c", addr[j] >= 32 && addr[j] < 127 ?
			       addr[j] : '.');
		pr_err("\n");
	}
}
/* Print an object's two tracks and its slab's counters: print_tracking */
#line 6940 "slub.nw"
static void print_track(const char *s, struct track *t)
{
	int i;

	char sym[KSYM_SYMBOL_LEN];

	if (!t->addr)
		return;
	sprint_symbol(sym, t->addr);
	pr_err("INFO: %s in %s age=%lu cpu=%u pid=%d\n", s, sym,
	       jiffies_now() - t->when, t->cpu, t->pid);
	for (i = 0; i < TRACK_ADDRS_COUNT && t->addrs[i]; i++) {
		sprint_symbol(sym, t->addrs[i]);
		pr_err("\t%s\n", sym);
	}
}

static void print_tracking(struct kmem_cache *s, void *object)
{
	if (!(s->flags & SLAB_STORE_USER))
		return;
	print_track("Allocated", get_track(s, object, TRACK_ALLOC));
	print_track("Freed", get_track(s, object, TRACK_FREE));
}

static void print_page_info(struct page *page)
{
	pr_err("INFO: Slab %p objects=%u used=%u fp=%p flags=0x%04lx\n",
	       (void *)page, page->objects, page->inuse, page->freelist,
	       page->flags);
}
/* Print the bytes around an object and its metadata: print_trailer */
#line 6978 "slub.nw"
static void print_trailer(struct kmem_cache *s, struct page *page, u8 *p)
{
	unsigned int off;
	u8 *addr = page_address(page);

	print_tracking(s, p);
	print_page_info(page);
	pr_err("INFO: Object %p @offset=%tu fp=%p\n\n", (void *)p,
	       p - addr, get_freepointer(s, p));
	if (p > addr + 16)
		print_section("Bytes b4 ", p - 16, 16);
	print_section("Object ", p, min(s->object_size, (int)PAGE_SIZE));
	if (s->flags & SLAB_RED_ZONE)
		print_section("Redzone ", p + s->object_size,
			      s->inuse - s->object_size);
	off = s->offset ? s->offset + sizeof(void *) : (unsigned)s->inuse;
	if (s->flags & SLAB_STORE_USER)
		off += 2 * sizeof(struct track);
	if (off != (unsigned int)s->size)
		print_section("Padding ", p + off, s->size - off);
}
/* Report a bad object or a bad slab: object_err and slab_err */
#line 7005 "slub.nw"
static void object_err(struct kmem_cache *s, struct page *page,
		       u8 *object, const char *reason)
{
	slab_bug(s, "%s", reason);
	print_trailer(s, page, object);
}

static void __attribute__((format(printf, 3, 4)))
slab_err(struct kmem_cache *s, struct page *page, const char *fmt, ...)
{
	char buf[100];
	va_list args;

	va_start(args, fmt);
	vsnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	slab_bug(s, "%s", buf);
	print_page_info(page);
}

static void slab_err_pointer(struct kmem_cache *s, const void *x,
			     const char *reason)
{
	slab_bug(s, "%s", reason);
	pr_err("INFO: Pointer %p is not an object of this allocator\n", x);
}
/* Check that bytes hold a pattern, and repair them: check_bytes_and_report */
#line 7043 "slub.nw"
static u8 *memchr_inv(const void *start, int c, size_t bytes)
{
	const u8 *p = start;

	for (; bytes; p++, bytes--)
		if (*p != (u8)c)
			return (u8 *)p;
	return NULL;
}

static void restore_bytes(struct kmem_cache *s, const char *message, u8 data,
			  void *from, void *to)
{
	(void)message;
	slab_fix(s, "Restoring %p-%p=0x%x", from,
		 (void *)((char *)to - 1), data);
	memset(from, data, (char *)to - (char *)from);
}

static int check_bytes_and_report(struct kmem_cache *s, struct page *page,
				  u8 *object, const char *what, u8 *start,
				  unsigned int value, unsigned int bytes)
{
	u8 *fault, *end;

	fault = memchr_inv(start, value, bytes);
	if (!fault)
		return 1;
	end = start + bytes;
	while (end > fault && end[-1] == value)
		end--;
	slab_bug(s, "%s overwritten", what);
	pr_err("INFO: %p-%p. First byte 0x%x instead of 0x%x\n",
	       (void *)fault, (void *)(end - 1), fault[0], value);
	print_trailer(s, page, object);
	restore_bytes(s, what, value, fault, end);
	return 0;
}
/* Check the padding of an object and of a slab: check_pad_bytes and slab_pad_check */
#line 7090 "slub.nw"
static int check_pad_bytes(struct kmem_cache *s, struct page *page, u8 *p)
{
	unsigned long off = s->inuse;

	if (s->offset)
		off += sizeof(void *);
	if (s->flags & SLAB_STORE_USER)
		off += 2 * sizeof(struct track);
	if ((unsigned long)s->size == off)
		return 1;
	return check_bytes_and_report(s, page, p, "Object padding",
				      p + off, POISON_INUSE, s->size - off);
}

static int slab_pad_check(struct kmem_cache *s, struct page *page)
{
	u8 *start, *fault, *end, *pad;
	int length, remainder;

	if (!(s->flags & SLAB_POISON))
		return 1;
	start = page_address(page);
	length = (PAGE_SIZE << compound_order(page)) - s->reserved;
	end = start + length;
	remainder = length % s->size;
	if (!remainder)
		return 1;
	pad = end - remainder;
	fault = memchr_inv(pad, POISON_INUSE, remainder);
	if (!fault)
		return 1;
	while (end > fault && end[-1] == POISON_INUSE)
		end--;
	slab_err(s, page, "Padding overwritten. %p-%p", (void *)fault,
		 (void *)(end - 1));
	print_section("Padding ", end - remainder, remainder);
	restore_bytes(s, "slab padding", POISON_INUSE, end - remainder, end);
	return 0;
}
/* Count the objects a slab can hold: slab_objects */
#line 7145 "slub.nw"
static inline unsigned int slab_objects(const struct page *page)
{
	struct page counts;

	counts.counters = READ_ONCE(page->counters);
	return counts.objects;
}

/* Check an object's red zone, poison and free pointer: check_object */
#line 7157 "slub.nw"
static int check_valid_pointer(struct kmem_cache *s, struct page *page,
			       const void *object)
{
	const char *base, *p = object;

	if (!object)
		return 1;
	base = page_address(page);
	if (p < base || p >= base + slab_objects(page) * s->size ||
	    (p - base) % s->size)
		return 0;
	return 1;
}

static int check_object(struct kmem_cache *s, struct page *page,
			void *object, u8 val)
{
	u8 *p = object;
	u8 *endobject = p + s->object_size;

	if (s->flags & SLAB_RED_ZONE) {
		if (!check_bytes_and_report(s, page, object, "Redzone",
					    endobject, val,
					    s->inuse - s->object_size))
			return 0;
	} else if ((s->flags & SLAB_POISON) && s->object_size < s->inuse) {
		check_bytes_and_report(s, page, p, "Alignment padding",
				       endobject, POISON_INUSE,
				       s->inuse - s->object_size);
	}
	if (s->flags & SLAB_POISON) {
		if (val != SLUB_RED_ACTIVE && (s->flags & __OBJECT_POISON) &&
		    (!check_bytes_and_report(s, page, p, "Poison", p,
					     POISON_FREE, s->object_size - 1) ||
		     !check_bytes_and_report(s, page, p, "Poison",
					     p + s->object_size - 1,
					     POISON_END, 1)))
			return 0;
		check_pad_bytes(s, page, p);
	}
	if (!s->offset && val == SLUB_RED_ACTIVE)
		return 1;
	if (!check_valid_pointer(s, page, get_freepointer(s, p))) {
		object_err(s, page, p, "Freepointer corrupt");
		set_freepointer(s, p, NULL);
		return 0;
	}
	return 1;
}
/* Check a slab's counters against its size: check_slab */
#line 7215 "slub.nw"
static int check_slab(struct kmem_cache *s, struct page *page)
{
	struct page counts;
	int maxobj;

	if (!PageSlab(page)) {
		slab_err(s, page, "Not a valid slab page");
		return 0;
	}
	counts.counters = READ_ONCE(page->counters);
	maxobj = order_objects(compound_order(page), s->size, s->reserved);
	if ((int)counts.objects > maxobj) {
		slab_err(s, page, "objects %u > max %u", counts.objects,
			 maxobj);
		return 0;
	}
	if (counts.inuse > counts.objects) {
		slab_err(s, page, "inuse %u > max %u", counts.inuse,
			 counts.objects);
		return 0;
	}
	slab_pad_check(s, page);
	return 1;
}
/* Walk a slab's freelist looking for an object: on_freelist */
#line 7247 "slub.nw"
static int on_freelist(struct kmem_cache *s, struct page *page, void *search)
{
	int nr = 0;
	void *fp = page->freelist;
	void *object = NULL;
	int max_objects;


	/* Follow the freelist to search, cutting it at a bad pointer */
#line 7267 "slub.nw"
	while (fp && nr <= (int)page->objects) {
		if (fp == search)
			return 1;
		if (!check_valid_pointer(s, page, fp)) {
			if (object) {
				object_err(s, page, object,
					   "Freechain corrupt");
				set_freepointer(s, object, NULL);
			} else {
				slab_err(s, page, "Freepointer corrupt");
				page->freelist = NULL;
				page->inuse = page->objects;
				slab_fix(s, "Freelist cleared");
				return 0;
			}
			break;
		}
		object = fp;
		fp = get_freepointer(s, object);
		nr++;
	}
#line 7255 "slub.nw"

	/* Correct the slab's number of objects from its order */
#line 7295 "slub.nw"
	max_objects = order_objects(compound_order(page), s->size,
				    s->reserved);
	if (max_objects > MAX_OBJS_PER_PAGE)
		max_objects = MAX_OBJS_PER_PAGE;
	if ((int)page->objects != max_objects) {
		slab_err(s, page, "Wrong number of objects. Found %d but should be %d",
			 page->objects, max_objects);
		page->objects = max_objects;
		slab_fix(s, "Number of objects adjusted.");
	}
#line 7256 "slub.nw"

	/* Correct inuse from the length of the freelist */
#line 7310 "slub.nw"
	if ((int)page->inuse != (int)page->objects - nr) {
		slab_err(s, page, "Wrong object count. Counter is %d but counted were %d",
			 page->inuse, page->objects - nr);
		page->inuse = page->objects - nr;
		slab_fix(s, "Object count adjusted.");
	}
#line 7257 "slub.nw"
	return search == NULL;
}
/* Check an object before it is handed out: alloc_debug_processing */
#line 7331 "slub.nw"
static noinline int alloc_debug_processing(struct kmem_cache *s,
					   struct page *page, void *object,
					   unsigned long addr)
{
	if (!check_slab(s, page))
		goto bad;
	if (!check_valid_pointer(s, page, object)) {
		slab_err(s, page, "Freelist Pointer check fails: %p", object);
		goto bad;
	}
	if (!check_object(s, page, object, SLUB_RED_INACTIVE))
		goto bad;
	if (s->flags & SLAB_STORE_USER)
		set_track(s, object, TRACK_ALLOC, addr);
	init_object(s, object, SLUB_RED_ACTIVE);
	return 1;
bad:
	if (PageSlab(page)) {
		slab_fix(s, "Marking all objects used");
		page->inuse = page->objects;
		page->freelist = NULL;
	}
	return 0;
}
/* Check an object before it is freed: free_debug_processing */
#line 7367 "slub.nw"
static struct kmem_cache_node *free_debug_processing(struct kmem_cache *s,
		struct page *page, void *object, unsigned long addr)
{
	struct kmem_cache_node *n = get_node(s, page_to_nid(page));

	spin_lock(&n->list_lock);
	slab_lock(page);
	if (!check_slab(s, page))
		goto fail;
	if (!check_valid_pointer(s, page, object)) {
		slab_err(s, page, "Invalid object pointer %p", object);
		goto fail;
	}
	if (on_freelist(s, page, object)) {
		object_err(s, page, object, "Object already free");
		goto fail;
	}
	if (!check_object(s, page, object, SLUB_RED_ACTIVE))
		goto out;
	if (unlikely(s != page->slab_cache)) {
		if (!PageSlab(page))
			slab_err(s, page, "Attempt to free object(%p) outside of slab",
				 object);
		else
			object_err(s, page, object,
				   "page slab pointer corrupt.");
		goto fail;
	}
	if (s->flags & SLAB_STORE_USER)
		set_track(s, object, TRACK_FREE, addr);
	init_object(s, object, SLUB_RED_INACTIVE);
out:
	slab_unlock(page);
	return n;
fail:
	slab_unlock(page);
	spin_unlock(&n->list_lock);
	slab_fix(s, "Object at %p not freed", object);
	return NULL;
}
/* Print each allocation and free of a traced cache: trace */
#line 7417 "slub.nw"
static void trace(struct kmem_cache *s, struct page *page, void *object,
		  int alloc)
{
	pr_info("TRACE %s %s %p inuse=%d fp=%p\n", s->name,
		alloc ? "alloc" : "free", object, page->inuse,
		page->freelist);
	if (!alloc)
		print_section("Object ", (void *)object,
			      min(s->object_size, 64));
}
/* Check one slab: its counters, its freelist and every object: validate_slab */
#line 7450 "slub.nw"
static int validate_slab(struct kmem_cache *s, struct page *page,
			 unsigned long *map)
{
	void *p, *addr = page_address(page);

	if (!check_slab(s, page) || !on_freelist(s, page, NULL))
		return 0;
	memset(map, 0, BITS_TO_LONGS(page->objects) * sizeof(long));
	for (p = page->freelist; p; p = get_freepointer(s, p))
		set_bit(slab_index(p, s, addr), map);
	for_each_object(p, s, addr, page->objects) {
		u8 val = test_bit(slab_index(p, s, addr), map) ?
			 SLUB_RED_INACTIVE : SLUB_RED_ACTIVE;

		if (!check_object(s, page, p, val))
			break;
	}
	return 1;
}
/* Check the slabs on a node's lists: validate_slab_node */
#line 7476 "slub.nw"
static unsigned long validate_slab_node(struct kmem_cache *s,
		struct kmem_cache_node *n, unsigned long *map)
{
	unsigned long count = 0;
	struct page *page;

	spin_lock(&n->list_lock);
	list_for_each_entry(page, &n->partial, lru) {
		slab_lock(page);
		validate_slab(s, page, map);
		slab_unlock(page);
		count++;
	}
	if (s->flags & SLAB_STORE_USER) {
		list_for_each_entry(page, &n->full, lru) {
			slab_lock(page);
			validate_slab(s, page, map);
			slab_unlock(page);
			count++;
		}
	}
	spin_unlock(&n->list_lock);
	return count;
}
/* Check every object of every slab of a cache: validate_slab_cache */
#line 7507 "slub.nw"
static long validate_slab_cache(struct kmem_cache *s)
{
	unsigned long count = 0;
	unsigned long *map;
	int node;

	map = malloc(BITS_TO_LONGS(oo_objects(s->max)) * sizeof(long));
	if (!map)
		return -ENOMEM;
	flush_all(s);
	for (node = 0; node < nr_node_ids; node++)
		count += validate_slab_node(s, get_node(s, node), map);
	free(map);
	return count;
}
/* Report the objects still in use when a cache is closed: list_slab_objects */
#line 7577 "slub.nw"
static void list_slab_objects(struct kmem_cache *s, struct page *page,
			      const char *text)
{
	void *addr = page_address(page);
	unsigned long *map;
	void *p;

	slab_err(s, page, text, s->name);
	map = calloc(BITS_TO_LONGS(page->objects), sizeof(long));
	if (!map)
		return;
	slab_lock(page);
	for (p = page->freelist; p; p = get_freepointer(s, p))
		set_bit(slab_index(p, s, addr), map);
	for_each_object(p, s, addr, page->objects) {
		if (!test_bit(slab_index(p, s, addr), map)) {
			pr_err("INFO: Object %p @offset=%tu\n", p,
			       (char *)p - (char *)addr);
			print_tracking(s, p);
		}
	}
	slab_unlock(page);
	free(map);
}

static void slub_bug_on(const char *cond, const char *file, int line)
{
	panic("kernel BUG at %s:%d! (%s)\n", file, line, cond);
}
/* Name the call sites of the scenario engine: slub_set_call_site and sprint_symbol */
#line 7650 "slub.nw"
void slub_set_call_site(unsigned long site)
{
	call_site = site;
}

void slub_set_symbolizer(slub_symbolizer_fn fn, void *arg)
{
	slub_symbolizer_arg = arg;
	slub_symbolizer = fn;
}

static size_t sprint_symbol(char *buf, unsigned long addr)
{
	slub_symbolizer_fn fn = slub_symbolizer;
	Dl_info info;
	size_t n;

	if (fn) {
		n = fn(addr, buf, KSYM_SYMBOL_LEN, slub_symbolizer_arg);
		if (n > 0 && n < KSYM_SYMBOL_LEN)
			return n;
	}
	if (dladdr((void *)addr, &info) && info.dli_sname && info.dli_saddr)
		snprintf(buf, KSYM_SYMBOL_LEN, "%s+0x%lx", info.dli_sname,
			 addr - (unsigned long)info.dli_saddr);
	else
		snprintf(buf, KSYM_SYMBOL_LEN, "0x%lx", addr);
	return strlen(buf);
}
/* Define a site and the table of sites: struct location and struct loc_track */
#line 7690 "slub.nw"
struct location {
	unsigned long count;
	unsigned long addr;
	long long sum_time;
	long min_time, max_time;
	long min_pid, max_pid;
	unsigned long cpus[BITS_TO_LONGS(NR_CPUS)];
	unsigned long nodes[BITS_TO_LONGS(MAX_NUMNODES)];
};

struct loc_track {
	unsigned long max;
	unsigned long count;
	struct location *loc;
};
/* Grow the table of sites: alloc_loc_track */
#line 7711 "slub.nw"
static bool alloc_loc_track(struct loc_track *t, unsigned long max)
{
	struct location *l = realloc(t->loc, max * sizeof(*l));

	if (!l)
		return false;
	t->loc = l;
	t->max = max;
	return true;
}
/* Count an object at its site, or insert the site in order: add_location */
#line 7728 "slub.nw"
static bool add_location(struct loc_track *t, const struct track *track)
{
	long age = jiffies_now() - track->when;
	unsigned long lo = 0, hi = t->count, mid;
	int node = page_to_nid(virt_to_page(track));
	struct location *l;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		l = &t->loc[mid];
		if (l->addr == track->addr) {

			/* Count one more object of the site l */
#line 7753 "slub.nw"
			l->count++;
			if (track->when) {
				l->sum_time += age;
				l->min_time = min(l->min_time, age);
				l->max_time = max(l->max_time, age);
				l->min_pid = min(l->min_pid, (long)track->pid);
				l->max_pid = max(l->max_pid, (long)track->pid);
				set_bit(track->cpu, l->cpus);
			}
			set_bit(node, l->nodes);
#line 7740 "slub.nw"
			return true;
		}
		if (l->addr < track->addr)
			lo = mid + 1;
		else
			hi = mid;
	}

	/* Insert a new site at lo */
#line 7766 "slub.nw"
	if (t->count >= t->max && !alloc_loc_track(t, 2 * t->max))
		return false;
	l = &t->loc[lo];
	memmove(l + 1, l, (t->count - lo) * sizeof(*l));
	t->count++;
	memset(l, 0, sizeof(*l));
	l->count = 1;
	l->addr = track->addr;
	l->sum_time = l->min_time = l->max_time = age;
	l->min_pid = l->max_pid = track->pid;
	set_bit(track->cpu, l->cpus);
	set_bit(node, l->nodes);
#line 7748 "slub.nw"
	return true;
}
/* Add every object of a slab to the table of sites: process_slab */
#line 7784 "slub.nw"
static void process_slab(struct loc_track *t, struct kmem_cache *s,
			 struct page *page, enum track_item alloc,
			 unsigned long *map)
{
	void *p, *addr = page_address(page);

	memset(map, 0, BITS_TO_LONGS(page->objects) * sizeof(long));
	for (p = page->freelist; p; p = get_freepointer(s, p))
		set_bit(slab_index(p, s, addr), map);
	for_each_object(p, s, addr, page->objects)
		if (!test_bit(slab_index(p, s, addr), map))
			add_location(t, get_track(s, p, alloc));
}
/* Gather the sites of every slab of a cache: list_locations */
#line 7806 "slub.nw"
static int list_locations(struct kmem_cache *s, char *buf,
			  enum track_item alloc)
{
	struct loc_track t = { 0, 0, NULL };
	unsigned long *map, i;
	int len = 0, node;

	map = malloc(BITS_TO_LONGS(oo_objects(s->max)) * sizeof(long));
	if (!map || !alloc_loc_track(&t, PAGE_SIZE / sizeof(struct location))) {
		free(map);
		return sprintf(buf, "Out of memory\n");
	}
	flush_all(s);
	for (node = 0; node < nr_node_ids; node++) {
		struct kmem_cache_node *n = get_node(s, node);
		struct page *page;

		if (!READ_ONCE(n->nr_slabs))
			continue;
		spin_lock(&n->list_lock);
		list_for_each_entry(page, &n->partial, lru)
			process_slab(&t, s, page, alloc, map);
		list_for_each_entry(page, &n->full, lru)
			process_slab(&t, s, page, alloc, map);
		spin_unlock(&n->list_lock);
	}
	for (i = 0; i < t.count; i++) {
		if (len > SLAB_ATTR_BUFSIZE - KSYM_SYMBOL_LEN - 100)
			break;
		len += print_location(buf + len, SLAB_ATTR_BUFSIZE - len,
				      &t.loc[i]);
	}
	free(t.loc);
	free(map);
	if (!t.count)
		len = sprintf(buf, "No data\n");
	return len;
}
/* Print one line per allocation or free site: print_location */
#line 7851 "slub.nw"
static int print_location(char *buf, size_t room, const struct location *l)
{
	char sym[KSYM_SYMBOL_LEN], list[256];
	int len;

	if (l->addr)
		sprint_symbol(sym, l->addr);
	else
		snprintf(sym, sizeof(sym), "<not-available>");
	len = scnprintf(buf, room, "%7ld %s", l->count, sym);
	if (l->sum_time != l->min_time)
		len += scnprintf(buf + len, room - len, " age=%ld/%ld/%ld",
				 l->min_time, (long)(l->sum_time / l->count),
				 l->max_time);
	else
		len += scnprintf(buf + len, room - len, " age=%ld",
				 l->min_time);
	if (l->min_pid != l->max_pid)
		len += scnprintf(buf + len, room - len, " pid=%ld-%ld",
				 l->min_pid, l->max_pid);
	else
		len += scnprintf(buf + len, room - len, " pid=%ld",
				 l->min_pid);
	if (nr_cpu_ids > 1 && len < (int)room - 60) {
		bitmap_scnlistprintf(list, sizeof(list), l->cpus, nr_cpu_ids);
		len += scnprintf(buf + len, room - len, " cpus=%s", list);
	}
	if (nr_node_ids > 1 && len < (int)room - 60) {
		bitmap_scnlistprintf(list, sizeof(list), l->nodes, nr_node_ids);
		len += scnprintf(buf + len, room - len, " nodes=%s", list);
	}
	return len + scnprintf(buf + len, room - len, "\n");
}
/* Print a set of CPUs or nodes as ranges: bitmap_scnlistprintf */
#line 7891 "slub.nw"
static int bitmap_scnlistprintf(char *buf, size_t room,
				const unsigned long *map, int nbits)
{
	int len = 0, a, b;

	buf[0] = '\0';
	for (a = 0; a < nbits; a = b + 1) {
		while (a < nbits && !test_bit(a, map))
			a++;
		if (a >= nbits)
			break;
		for (b = a; b + 1 < nbits && test_bit(b + 1, map); b++)
			;
		len += scnprintf(buf + len, room - len, "%s%d", len ? "," : "",
				 a);
		if (b > a)
			len += scnprintf(buf + len, room - len, "-%d", b);
	}
	return len;
}
/* Limit the rate of out-of-memory reports: slub_ratelimit */
#line 7920 "slub.nw"
static bool slub_ratelimit(void)
{
	return __atomic_add_fetch(&slub_oom_reports, 1,
				  __ATOMIC_RELAXED) <= 10;
}
/* Decide whether an allocation fails on purpose: should_failslab */
#line 7999 "slub.nw"
static bool should_fail(struct fault_attr *attr, ssize_t size)
{
	unsigned long probability = READ_ONCE(attr->probability);
	unsigned long interval = READ_ONCE(attr->interval);
	long times = __atomic_load_n(&attr->times, __ATOMIC_RELAXED);

	if (!probability || !times)
		return false;
	if (__atomic_load_n(&attr->space, __ATOMIC_RELAXED) > size) {
		__atomic_sub_fetch(&attr->space, size, __ATOMIC_RELAXED);
		return false;
	}
	if (interval > 1 &&
	    __atomic_add_fetch(&attr->count, 1, __ATOMIC_RELAXED) % interval)
		return false;
	if (probability <= failslab_random() % 100)
		return false;
	if (times != -1)
		__atomic_compare_exchange_n(&attr->times, &times, times - 1,
					    false, __ATOMIC_RELAXED,
					    __ATOMIC_RELAXED);
	return true;
}

static bool should_failslab(struct kmem_cache *s, gfp_t gfpflags)
{
	if (gfpflags & __GFP_NOFAIL)
		return false;
	if (READ_ONCE(failslab.ignore_gfp_wait) && (gfpflags & __GFP_WAIT))
		return false;
	if (READ_ONCE(failslab.cache_filter) && !(s->flags & SLAB_FAILSLAB))
		return false;
	return should_fail(&failslab.attr, s->object_size);
}
/* Draw the failslab randomness from the seed: failslab_random */
#line 8040 "slub.nw"
static unsigned long failslab_random(void)
{
	unsigned long z = __atomic_add_fetch(&failslab.random,
					     0x9e3779b97f4a7c15UL,
					     __ATOMIC_RELAXED);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9UL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebUL;
	return z ^ (z >> 31);
}
/* Parse the failslab= boot option: setup_failslab */
#line 8060 "slub.nw"
static int setup_failslab(const char *str, unsigned long seed)
{
	unsigned long interval, probability;
	int space, times, n = 0;

	memset(&failslab, 0, sizeof(failslab));
	failslab.attr.interval = 1;
	failslab.attr.times = 1;
	failslab.ignore_gfp_wait = true;
	failslab.random = seed;
	if (!str)
		return 0;
	if (sscanf(str, "%lu,%lu,%d,%d%n", &interval, &probability, &space,
		   &times, &n) != 4 || str[n]) {
		pr_err("FAULT_INJECTION: failed to parse arguments\n");
		return -EINVAL;
	}
	failslab.attr.interval = interval;
	failslab.attr.probability = probability;
	failslab.attr.space = space;
	failslab.attr.times = times;
	return 0;
}
/* Show the failslab attributes: slub_failslab_show */
#line 8090 "slub.nw"
static const char *const failslab_attrs[] = {
	"probability", "interval", "times", "space", "ignore-gfp-wait",
	"cache-filter", NULL
};

const char *slub_failslab_attr_name(int i)
{
	return i >= 0 && i < (int)ARRAY_SIZE(failslab_attrs) ?
	       failslab_attrs[i] : NULL;
}

ssize_t slub_failslab_show(const char *attr, char *buf)
{
	struct fault_attr *a = &failslab.attr;

	if (!attr)
		return -ENOENT;
	if (!strcmp(attr, "probability"))
		return sprintf(buf, "%lu\n", READ_ONCE(a->probability));
	if (!strcmp(attr, "interval"))
		return sprintf(buf, "%lu\n", READ_ONCE(a->interval));
	if (!strcmp(attr, "times"))
		return sprintf(buf, "%ld\n", READ_ONCE(a->times));
	if (!strcmp(attr, "space"))
		return sprintf(buf, "%ld\n", READ_ONCE(a->space));
	if (!strcmp(attr, "ignore-gfp-wait"))
		return sprintf(buf, "%c\n", failslab.ignore_gfp_wait ? 'Y' : 'N');
	if (!strcmp(attr, "cache-filter"))
		return sprintf(buf, "%c\n", failslab.cache_filter ? 'Y' : 'N');
	return -ENOENT;
}
/* Write a failslab attribute: slub_failslab_store */
#line 8124 "slub.nw"
ssize_t slub_failslab_store(const char *attr, const char *buf, size_t len)
{
	char tmp[32], *end;
	long v;

	if (!attr || !buf || !len || len >= sizeof(tmp))
		return -EINVAL;
	memcpy(tmp, buf, len);
	tmp[len] = '\0';
	if (!strcmp(attr, "ignore-gfp-wait") || !strcmp(attr, "cache-filter")) {
		bool on;

		if (strchr("1yY", tmp[0]))
			on = true;
		else if (strchr("0nN", tmp[0]))
			on = false;
		else
			return -EINVAL;
		if (attr[0] == 'i')
			WRITE_ONCE(failslab.ignore_gfp_wait, on);
		else
			WRITE_ONCE(failslab.cache_filter, on);
		return len;
	}
	errno = 0;
	v = strtol(tmp, &end, 10);
	if (errno || end == tmp || (*end && strcmp(end, "\n")))
		return -EINVAL;

	/* Write v to the numeric failslab attribute attr */
#line 8161 "slub.nw"
	if (!strcmp(attr, "probability") || !strcmp(attr, "interval")) {
		if (v < 0)
			return -EINVAL;
		if (attr[0] == 'p')
			WRITE_ONCE(failslab.attr.probability, (unsigned long)v);
		else
			WRITE_ONCE(failslab.attr.interval, (unsigned long)v);
		rseq_doors_update();
	} else if (!strcmp(attr, "times") || !strcmp(attr, "space")) {
		if (v < INT_MIN || v > INT_MAX)
			return -EINVAL;
		__atomic_store_n(attr[0] == 't' ? &failslab.attr.times :
						  &failslab.attr.space,
				 v, __ATOMIC_RELAXED);
	} else {
		return -ENOENT;
	}
#line 8153 "slub.nw"
	return len;
}
/* Tell whether any cgroup exists yet: memcg_kmem_enabled */
#line 8263 "slub.nw"
static bool memcg_kmem_active;

static inline bool memcg_kmem_enabled(void)
{
	return READ_ONCE(memcg_kmem_active);
}
/* Tell a root cache from its children: is_root_cache and slab_equal_or_root */
#line 8278 "slub.nw"
bool is_root_cache(struct kmem_cache *s)
{
	return !s->memcg_params || s->memcg_params->is_root_cache;
}

static inline bool slab_equal_or_root(struct kmem_cache *s,
				      struct kmem_cache *p)
{
	return p == s || (s->memcg_params && !is_root_cache(s) &&
			  s->memcg_params->root_cache == p);
}
/* Find a root cache's child for a cgroup: cache_from_memcg_idx */
#line 8298 "slub.nw"
static inline struct kmem_cache *cache_from_memcg_idx(struct kmem_cache *s,
						      int idx)
{
	if (!s->memcg_params || !s->memcg_params->is_root_cache ||
	    idx < 0 || idx >= memcg_limited_groups_array_size)
		return NULL;
	return __atomic_load_n(&s->memcg_params->memcg_caches[idx],
			       __ATOMIC_ACQUIRE);
}

#define for_each_memcg_cache_index(_idx) \
	for ((_idx) = 0; (_idx) < memcg_limited_groups_array_size; (_idx)++)

static inline int memcg_cache_id(struct mem_cgroup *memcg)
{
	return memcg ? memcg->kmemcg_id : -1;
}
/* Take and drop a child cache's reference on its cgroup: css_get and css_put */
#line 8322 "slub.nw"
static inline void css_get(struct mem_cgroup *memcg)
{
	__atomic_add_fetch(&memcg->refcount, 1, __ATOMIC_RELAXED);
}

static inline void css_put(struct mem_cgroup *memcg)
{
	__atomic_sub_fetch(&memcg->refcount, 1, __ATOMIC_RELAXED);
}
/* Choose the cgroup's copy of a cache for an allocation: memcg_kmem_get_cache */
#line 8349 "slub.nw"
static noinline struct kmem_cache *
__memcg_kmem_get_cache(struct kmem_cache *s, gfp_t gfp)
{
	struct mem_cgroup *memcg = current_memcg;
	struct kmem_cache *c;

	if (!memcg_kmem_enabled() || memcg_skip_account ||
	    !s->memcg_params || !is_root_cache(s) || (gfp & __GFP_NOFAIL))
		return s;
	c = cache_from_memcg_idx(s, memcg_cache_id(memcg));
	if (c)
		return c;
	c = memcg_create_kmem_cache(memcg, s);
	return c ? c : s;
}

static __always_inline struct kmem_cache *
memcg_kmem_get_cache(struct kmem_cache *s, gfp_t gfp)
{
	if (likely(!current_memcg))
		return s;
	return __memcg_kmem_get_cache(s, gfp);
}
/* Take and release the mutex of slab_caches */
#line 8384 "slub.nw"
void slab_mutex_lock(void)
{
	mutex_lock(&slab_mutex);
	memcg_skip_account++;
}

void slab_mutex_unlock(void)
{
	memcg_skip_account--;
	mutex_unlock(&slab_mutex);
}
/* Create a cgroup's copy of a root cache: memcg_create_kmem_cache */
#line 8404 "slub.nw"
static struct kmem_cache *memcg_create_kmem_cache(struct mem_cgroup *memcg,
						  struct kmem_cache *root)
{
	struct kmem_cache *s;
	char *name;
	int id = memcg_cache_id(memcg);

	memcg_skip_account++;
	slab_mutex_lock();
	s = cache_from_memcg_idx(root, id);
	if (s)
		goto out;
	name = kmalloc(strlen(root->name) + strlen(memcg->name) + 16,
		       GFP_KERNEL);
	if (!name)
		goto out;
	sprintf(name, "%s(%d:%s)", root->name, id, memcg->name);
	s = do_kmem_cache_create(name, root->object_size, root->size,
				 root->align, root->flags & ~SLAB_PANIC,
				 root->ctor, memcg, root);
	if (IS_ERR(s)) {
		kfree(name);
		s = NULL;
	}
out:
	slab_mutex_unlock();
	memcg_skip_account--;
	return s;
}
/* Charge and uncharge a cgroup for a slab's pages: memcg_charge_slab */
#line 8444 "slub.nw"
static int memcg_charge_slab(struct kmem_cache *s, gfp_t gfp, int order)
{
	struct mem_cgroup *memcg;
	size_t bytes = PAGE_SIZE << order, old;

	(void)gfp;
	if (is_root_cache(s))
		return 0;
	memcg = s->memcg_params->memcg;
	old = __atomic_fetch_add(&memcg->usage, bytes, __ATOMIC_RELAXED);
	if (memcg->limit && old + bytes > memcg->limit) {
		__atomic_sub_fetch(&memcg->usage, bytes, __ATOMIC_RELAXED);
		return -ENOMEM;
	}
	return 0;
}

static void memcg_uncharge_slab(struct kmem_cache *s, int order)
{
	if (is_root_cache(s))
		return;
	__atomic_sub_fetch(&s->memcg_params->memcg->usage, PAGE_SIZE << order,
			   __ATOMIC_RELAXED);
}
/* Unregister a child cache and free a root's table: memcg_unregister_cache */
#line 8479 "slub.nw"
static int memcg_cleanup_cache_params(struct kmem_cache *s)
{
	struct kmem_cache *c;
	int i, failed = 0;

	if (!s->memcg_params || !s->memcg_params->is_root_cache)
		return 0;
	for_each_memcg_cache_index(i) {
		c = cache_from_memcg_idx(s, i);
		if (!c)
			continue;
		slab_mutex_unlock();
		kmem_cache_destroy(c);
		slab_mutex_lock();
		if (cache_from_memcg_idx(s, i))
			failed++;
	}
	return failed;
}

static void memcg_unregister_cache(struct kmem_cache *s)
{
	struct kmem_cache *root;
	struct mem_cgroup *memcg;

	if (is_root_cache(s))
		return;
	root = s->memcg_params->root_cache;
	memcg = s->memcg_params->memcg;
	__atomic_store_n(&root->memcg_params->memcg_caches[memcg_cache_id(memcg)],
			 NULL, __ATOMIC_RELEASE);
	mutex_lock(&memcg->slab_caches_mutex);
	list_del(&s->memcg_params->list);
	mutex_unlock(&memcg->slab_caches_mutex);
}
/* Grow every root cache's table of children: memcg_update_cache_size */
#line 8528 "slub.nw"
static int memcg_update_cache_size(struct kmem_cache *s, int num)
{
	struct memcg_cache_params *p, *old = s->memcg_params;
	size_t size = offsetof(struct memcg_cache_params, memcg_caches) +
		      num * sizeof(void *);

	if (!old || !old->is_root_cache)
		return 0;
	p = kzalloc(size, GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	p->is_root_cache = true;
	memcpy(p->memcg_caches, old->memcg_caches,
	       memcg_limited_groups_array_size * sizeof(void *));
	__atomic_store_n(&s->memcg_params, p, __ATOMIC_RELEASE);
	return 0;
}

static int memcg_alloc_id(void)
{
	struct kmem_cache *s;
	int id, num;

	for (id = 0; id < MEMCG_CACHES_MAX_SIZE; id++)
		if (!memcg_by_id[id])
			break;
	if (id == MEMCG_CACHES_MAX_SIZE)
		return -ENOSPC;
	if (id < memcg_limited_groups_array_size)
		return id;
	num = min(memcg_limited_groups_array_size * 2, MEMCG_CACHES_MAX_SIZE);
	list_for_each_entry(s, &slab_caches, list)
		if (memcg_update_cache_size(s, num))
			return -ENOMEM;
	memcg_limited_groups_array_size = num;
	return id;
}
/* Give every root cache a table when the first cgroup is limited: memcg_activate_kmem_caches */
#line 8573 "slub.nw"
static int memcg_activate_kmem_caches(void)
{
	struct kmem_cache *s;

	list_for_each_entry(s, &slab_caches, list) {
		if (s->memcg_params || s == kmem_cache || s == kmem_cache_node)
			continue;
		if (memcg_alloc_cache_params(NULL, s, NULL)) {
			pr_err("memcg: cannot activate kmem accounting\n");
			return -ENOMEM;
		}
	}
	return 0;
}
/* Create a cgroup: slub_memcg_create */
#line 8595 "slub.nw"
struct mem_cgroup *slub_memcg_create(const char *name, size_t limit)
{
	struct mem_cgroup *memcg;
	int id;

	if (!slub_ensure_running() || !name ||
	    strlen(name) >= sizeof(memcg->name))
		return NULL;
	memcg = calloc(1, sizeof(*memcg));
	if (!memcg)
		return NULL;
	slab_mutex_lock();
	id = memcg_alloc_id();
	if (id >= 0)
		memcg_by_id[id] = memcg;
	slab_mutex_unlock();
	if (id < 0) {
		free(memcg);
		return NULL;
	}
	snprintf(memcg->name, sizeof(memcg->name), "%s", name);
	WRITE_ONCE(memcg_kmem_active, true);
	rseq_doors_update();
	memcg->kmemcg_id = id;
	memcg->limit = limit;
	memcg->refcount = 1;
	INIT_LIST_HEAD(&memcg->memcg_slab_caches);
	pthread_mutex_init(&memcg->slab_caches_mutex, NULL);
	return memcg;
}
/* Enter a cgroup and read which one runs and what it uses: slub_memcg_enter */
#line 8634 "slub.nw"
void slub_memcg_enter(struct mem_cgroup *memcg)
{
	current_memcg = memcg;
}

struct mem_cgroup *slub_memcg_current(void)
{
	return current_memcg;
}

size_t slub_memcg_usage(const struct mem_cgroup *memcg)
{
	return __atomic_load_n(&memcg->usage, __ATOMIC_RELAXED);
}
/* Destroy a cgroup and its child caches: slub_memcg_destroy */
#line 8654 "slub.nw"
int slub_memcg_destroy(struct mem_cgroup *memcg)
{
	struct memcg_cache_params *p;
	struct kmem_cache *s, *root;

	if (!memcg)
		return -EINVAL;
	if (current_memcg == memcg)
		current_memcg = NULL;
	for (;;) {
		mutex_lock(&memcg->slab_caches_mutex);
		if (list_empty(&memcg->memcg_slab_caches)) {
			mutex_unlock(&memcg->slab_caches_mutex);
			break;
		}
		p = list_first_entry(&memcg->memcg_slab_caches,
				     struct memcg_cache_params, list);
		s = p->cachep;
		root = p->root_cache;
		mutex_unlock(&memcg->slab_caches_mutex);
		kmem_cache_destroy(s);
		if (cache_from_memcg_idx(root, memcg->kmemcg_id) == s)
			return -EBUSY;
	}
	slab_mutex_lock();
	memcg_by_id[memcg->kmemcg_id] = NULL;
	slab_mutex_unlock();
	pthread_mutex_destroy(&memcg->slab_caches_mutex);
	free(memcg);
	return 0;
}
/* Forget every cgroup at shutdown: memcg_reset */
#line 8690 "slub.nw"
static void memcg_reset(void)
{
	int id;

	for (id = 0; id < MEMCG_CACHES_MAX_SIZE; id++) {
		if (!memcg_by_id[id])
			continue;
		pthread_mutex_destroy(&memcg_by_id[id]->slab_caches_mutex);
		free(memcg_by_id[id]);
		memcg_by_id[id] = NULL;
	}
	memcg_limited_groups_array_size = MEMCG_CACHES_MIN_SIZE;
	current_memcg = NULL;
	memcg_kmem_active = false;
}
/* Create a cache, or share one that fits: kmem_cache_create */
#line 1252 "slub.nw"
struct kmem_cache *kmem_cache_create(const char *name, size_t size,
				     size_t align, unsigned long flags,
				     void (*ctor)(void *))
{
	struct kmem_cache *s;
	char *cache_name;
	int err;

	slub_observer_check();
	if (!slub_ensure_running())
		return NULL;
	slab_mutex_lock();
	err = kmem_cache_sanity_check(name, size);
	if (err)
		goto out_unlock;

	/* Sanitise the caller's flags with CACHE_CREATE_MASK */
#line 1287 "slub.nw"
	flags &= CACHE_CREATE_MASK;
#line 1268 "slub.nw"
	s = __kmem_cache_alias(name, size, align, flags, ctor);
	if (s)
		goto out_unlock;

	/* Build a new cache named by a private copy of name */
#line 1297 "slub.nw"
	cache_name = kstrdup(name, GFP_KERNEL);
	if (!cache_name) {
		err = -ENOMEM;
		goto out_unlock;
	}
	s = do_kmem_cache_create(cache_name, size, size,
				 calculate_alignment(flags, align, size),
				 flags, ctor, NULL, NULL);
	if (IS_ERR(s)) {
		err = PTR_ERR(s);
		kfree(cache_name);
	}
#line 1272 "slub.nw"
out_unlock:
	slab_mutex_unlock();
	if (err) {

		/* Report the failure, or panic if the caller asked */
#line 1315 "slub.nw"
		if (flags & SLAB_PANIC)
			panic("kmem_cache_create: Failed to create slab '%s'. Error %d\n",
			      name, err);
		pr_warn("kmem_cache_create(%s) failed with error %d\n",
			name ? name : "(null)", err);
		slub_report(NULL, NULL, NULL, "kmem_cache_create failed");
#line 1276 "slub.nw"
		return NULL;
	}
	return s;
}
/* Refuse a missing name or an impossible size: kmem_cache_sanity_check */
#line 1406 "slub.nw"
static int kmem_cache_sanity_check(const char *name, size_t size)
{
	struct kmem_cache *s;

	if (!name || size < sizeof(void *) || size > KMALLOC_MAX_SIZE) {
		pr_err("kmem_cache_create(%s) integrity check failed\n",
		       name ? name : "(null)");
		return -EINVAL;
	}
	list_for_each_entry(s, &slab_caches, list) {
		if (s->name && !strcmp(s->name, name)) {
			pr_err("kmem_cache_sanity_check (%s): Cache name already exists.\n",
			       name);
			return -EINVAL;
		}
	}
	if (strchr(name, ' '))
		pr_warn("WARNING: kmem_cache_create(%s): "
			"a space in a cache name confuses parsers\n", name);
	return 0;
}
/* Share an existing cache under another name: __kmem_cache_alias */
#line 1457 "slub.nw"
static struct kmem_cache *__kmem_cache_alias(const char *name, size_t size,
					     size_t align, unsigned long flags,
					     void (*ctor)(void *))
{
	struct kmem_cache *s, *c;
	int i;

	s = find_mergeable(size, align, flags, name, ctor);
	if (!s)
		return NULL;
	s->refcount++;
	s->object_size = max(s->object_size, (int)size);
	s->inuse = max(s->inuse, (int)ALIGN(size, sizeof(void *)));
	for_each_memcg_cache_index(i) {
		c = cache_from_memcg_idx(s, i);
		if (!c)
			continue;
		c->object_size = s->object_size;
		c->inuse = max(c->inuse, (int)ALIGN(size, sizeof(void *)));
	}
	if (sysfs_slab_alias(s, name)) {
		s->refcount--;
		return NULL;
	}
	slub_step(s, NULL, NULL, "'%s' into '%s', refcount %d", name,
		  s->name, s->refcount);
	return s;
}
/* Search slab_caches for a cache to merge with: find_mergeable */
#line 1506 "slub.nw"
static struct kmem_cache *find_mergeable(size_t size, size_t align,
					 unsigned long flags, const char *name,
					 void (*ctor)(void *))
{
	struct kmem_cache *s;

	if (slab_nomerge || (flags & SLUB_NEVER_MERGE) || create_sheaf_capacity)
		return NULL;
	if (ctor)
		return NULL;
	size = ALIGN(size, sizeof(void *));
	align = calculate_alignment(flags, align, size);
	size = ALIGN(size, align);
	flags = kmem_cache_flags(size, flags, name, NULL);

	list_for_each_entry(s, &slab_caches, list) {
		if (slab_unmergeable(s))
			continue;
		if (size > (size_t)s->size)
			continue;
		if ((flags & SLUB_MERGE_SAME) != (s->flags & SLUB_MERGE_SAME))
			continue;
		if ((s->size & ~(align - 1)) != (size_t)s->size)
			continue;
		if (s->size - size >= sizeof(void *))
			continue;
		return s;
	}
	return NULL;
}
/* Tell whether a cache may never be shared: slab_unmergeable */
#line 1544 "slub.nw"
static int slab_unmergeable(struct kmem_cache *s)
{
	if (slab_nomerge || (s->flags & SLUB_NEVER_MERGE))
		return 1;
	if (!is_root_cache(s))
		return 1;
	if (s->ctor)
		return 1;
	if (s->refcount < 0)
		return 1;
	return 0;
}
/* Add the debugging flags of the boot option: kmem_cache_flags */
#line 1570 "slub.nw"
static unsigned long kmem_cache_flags(unsigned long object_size,
				      unsigned long flags, const char *name,
				      void (*ctor)(void *))
{
	(void)object_size;
	(void)ctor;
	if (slub_debug && (!slub_debug_slabs[0] ||
			   (name && slub_debug_name_matches(name))))
		flags |= slub_debug;
	return flags;
}
/* Compute the alignment of a cache: calculate_alignment */
#line 1596 "slub.nw"
static unsigned long calculate_alignment(unsigned long flags,
					 unsigned long align,
					 unsigned long size)
{
	if (flags & SLAB_HWCACHE_ALIGN) {
		unsigned long ralign = L1_CACHE_BYTES;

		while (size <= ralign / 2)
			ralign /= 2;
		align = max(align, ralign);
	}
	if (align < ARCH_SLAB_MINALIGN)
		align = ARCH_SLAB_MINALIGN;
	return ALIGN(align, sizeof(void *));
}
/* Give an alias its sysfs link, now or once sysfs is up: sysfs_slab_alias */
#line 1636 "slub.nw"
static int sysfs_slab_alias(struct kmem_cache *s, const char *name)
{
	struct saved_alias *al;

	if (slab_state == FULL) {
		sysfs_remove_link(name);
		return sysfs_create_link(s, name);
	}
	al = kmalloc(sizeof(struct saved_alias), GFP_KERNEL);
	if (!al)
		return -ENOMEM;
	al->s = s;
	al->name = name;
	al->next = alias_list;
	alias_list = al;
	return 0;
}
/* Make and remove the links of the sysfs view */
#line 1659 "slub.nw"
static int sysfs_create_link(struct kmem_cache *s, const char *name)
{
	struct slub_alias *a = kmalloc(sizeof(*a), GFP_KERNEL);

	if (!a)
		return -ENOMEM;
	a->name = kstrdup(name, GFP_KERNEL);
	if (!a->name) {
		kfree(a);
		return -ENOMEM;
	}
	a->next = s->aliases;
	s->aliases = a;
	return 0;
}

static void sysfs_remove_link(const char *name)
{
	struct kmem_cache *s;
	struct slub_alias **pp, *a;

	list_for_each_entry(s, &slab_caches, list) {
		for (pp = &s->aliases; (a = *pp); pp = &a->next) {
			if (strcmp(a->name, name))
				continue;
			*pp = a->next;
			kfree(a->name);
			kfree(a);
			return;
		}
	}
}
/* Allocate and register a new cache record: do_kmem_cache_create */
#line 1706 "slub.nw"
static struct kmem_cache *
do_kmem_cache_create(char *name, size_t object_size, size_t size,
		     size_t align, unsigned long flags, void (*ctor)(void *),
		     struct mem_cgroup *memcg, struct kmem_cache *root_cache)
{
	struct kmem_cache *s;
	int err = -ENOMEM;

	s = kmem_cache_zalloc(kmem_cache, GFP_KERNEL);
	if (!s)
		goto out;
	s->name = name;
	s->object_size = object_size;
	s->size = size;
	s->align = align;
	s->ctor = ctor;
	err = memcg_alloc_cache_params(memcg, s, root_cache);
	if (err)
		goto out_free_cache;
	err = __kmem_cache_create(s, flags);
	if (err)
		goto out_free_cache;
	s->refcount = 1;
	list_add(&s->list, &slab_caches);
	memcg_register_cache(s);
	slub_step(s, NULL, NULL, "'%s', size %d, %d objects of order %d",
		  name, s->size, oo_objects(s->oo), oo_order(s->oo));
out:
	if (err)
		return ERR_PTR(err);
	return s;
out_free_cache:
	memcg_free_cache_params(s);
	kmem_cache_free(kmem_cache, s);
	goto out;
}
/* Give a root cache its table of memory cgroup children */
#line 1793 "slub.nw"
static int memcg_alloc_cache_params(struct mem_cgroup *memcg,
				    struct kmem_cache *s,
				    struct kmem_cache *root_cache)
{
	size_t size;

	if (slab_state < UP)
		return 0;
	if (!memcg) {
		size = offsetof(struct memcg_cache_params, memcg_caches);
		size += memcg_limited_groups_array_size * sizeof(void *);
	} else {
		size = sizeof(struct memcg_cache_params);
	}
	s->memcg_params = kzalloc(size, GFP_KERNEL);
	if (!s->memcg_params)
		return -ENOMEM;
	if (memcg) {
		s->memcg_params->memcg = memcg;
		s->memcg_params->root_cache = root_cache;
		s->memcg_params->cachep = s;
		INIT_LIST_HEAD(&s->memcg_params->list);
		css_get(memcg);
	} else {
		s->memcg_params->is_root_cache = true;
	}
	return 0;
}

static void memcg_free_cache_params(struct kmem_cache *s)
{
	if (s->memcg_params && !s->memcg_params->is_root_cache)
		css_put(s->memcg_params->memcg);
	kfree(s->memcg_params);
	s->memcg_params = NULL;
}
/* Open a new cache and publish it in sysfs: __kmem_cache_create */
#line 1843 "slub.nw"
static int __kmem_cache_create(struct kmem_cache *s, unsigned long flags)
{
	int err;

	err = kmem_cache_open(s, flags);
	if (err)
		return err;
	if (slab_state <= UP)
		return 0;
	memcg_propagate_slab_attrs(s);
	err = sysfs_slab_add(s);
	if (err)
		kmem_cache_close(s);
	return err;
}
/* Compute a cache's geometry and build its per-CPU and per-node parts: kmem_cache_open */
#line 1892 "slub.nw"
static int kmem_cache_open(struct kmem_cache *s, unsigned long flags)
{
	s->flags = kmem_cache_flags(s->size, flags, s->name, s->ctor);
	s->reserved = 0;
	if (need_reserve_slab_rcu && (s->flags & SLAB_DESTROY_BY_RCU))
		s->reserved = sizeof(struct rcu_head);
	if (!calculate_sizes(s, -1))
		goto error;
	if (disable_higher_order_debug) {
		if (get_order(s->size) > get_order(s->object_size)) {
			s->flags &= ~DEBUG_METADATA_FLAGS;
			s->offset = 0;
			if (!calculate_sizes(s, -1))
				goto error;
		}
	}

	/* Use the double-word compare-and-swap unless the cache is debugged */
#line 1947 "slub.nw"
	if ((s->flags & SLAB_DEBUG_FLAGS) == 0)
		s->flags |= __CMPXCHG_DOUBLE;
#line 1909 "slub.nw"
	set_min_partial(s, ilog2(s->size) / 2);

	/* Choose cpu_partial by object size */
#line 1960 "slub.nw"
	if (!kmem_cache_has_cpu_partial(s))
		s->cpu_partial = 0;
	else if (s->size >= (int)PAGE_SIZE)
		s->cpu_partial = 2;
	else if (s->size >= 1024)
		s->cpu_partial = 6;
	else if (s->size >= 256)
		s->cpu_partial = 13;
	else
		s->cpu_partial = 30;
#line 1911 "slub.nw"
	s->remote_node_defrag_ratio = 1000;
	s->random = slub_cache_random(s);
	if (!init_kmem_cache_nodes(s))
		goto error;
	if (alloc_kmem_cache_cpus(s) && init_cache_sheaves(s))
		return 0;
	free_cache_sheaves(s);
	free_percpu(s);
	free_kmem_cache_nodes(s);
error:
	if (flags & SLAB_PANIC)
		panic("Cannot create slab %s size=%lu realsize=%u "
		      "order=%u offset=%u flags=%lx\n",
		      s->name, (unsigned long)s->size, s->size,
		      oo_order(s->oo), s->offset, flags);
	return -EINVAL;
}
/* Tell whether a cache is debugged or keeps cpu partial slabs */
#line 1973 "slub.nw"
static inline int kmem_cache_debug(struct kmem_cache *s)
{
	return unlikely(s->flags & SLAB_DEBUG_FLAGS);
}

static inline bool kmem_cache_has_cpu_partial(struct kmem_cache *s)
{
	return !kmem_cache_debug(s) && !s->sheaf_capacity;
}
/* Bound the number of empty slabs a node keeps: set_min_partial */
#line 1994 "slub.nw"
static void set_min_partial(struct kmem_cache *s, unsigned long min)
{
	if (min < MIN_PARTIAL)
		min = MIN_PARTIAL;
	else if (min > MAX_PARTIAL)
		min = MAX_PARTIAL;
	s->min_partial = min;
}
/* Lay out an object and its metadata: calculate_sizes */
#line 2033 "slub.nw"
static int calculate_sizes(struct kmem_cache *s, int forced_order)
{
	unsigned long flags = s->flags;
	unsigned long size = s->object_size;
	int order;

	size = ALIGN(size, sizeof(void *));

	/* Decide poisoning and the red zone after the object */
#line 2069 "slub.nw"
	if ((flags & SLAB_POISON) && !(flags & SLAB_DESTROY_BY_RCU) &&
	    !s->ctor)
		s->flags |= __OBJECT_POISON;
	else
		s->flags &= ~__OBJECT_POISON;
	if ((flags & SLAB_RED_ZONE) && size == (unsigned long)s->object_size)
		size += sizeof(void *);
#line 2041 "slub.nw"
	s->inuse = size;
	if ((flags & (SLAB_DESTROY_BY_RCU | SLAB_POISON)) || s->ctor) {
		s->offset = size;
		size += sizeof(void *);
	}
	if (flags & SLAB_STORE_USER)
		size += 2 * sizeof(struct track);
	if (flags & SLAB_RED_ZONE)
		size += sizeof(void *);
	size = ALIGN(size, s->align);
	s->size = size;
	order = forced_order >= 0 ? forced_order :
				    calculate_order(size, s->reserved);
	if (order < 0)
		return 0;

	/* Record the page order and object counts of the cache */
#line 2086 "slub.nw"
	s->allocflags = 0;
	if (order)
		s->allocflags |= __GFP_COMP;
	if (s->flags & SLAB_CACHE_DMA)
		s->allocflags |= __GFP_DMA;
	if (s->flags & SLAB_RECLAIM_ACCOUNT)
		s->allocflags |= __GFP_RECLAIMABLE;
	s->oo = oo_make(order, size, s->reserved);
	s->min = oo_make(get_order(size), size, s->reserved);
	if (oo_objects(s->oo) > oo_objects(s->max))
		s->max = s->oo;
#line 2057 "slub.nw"
	return !!oo_objects(s->oo);
}
/* Pack and unpack an order with its object count */
#line 2100 "slub.nw"
static inline int order_objects(int order, unsigned long size, int reserved)
{
	return ((PAGE_SIZE << order) - reserved) / size;
}

static inline struct kmem_cache_order_objects oo_make(int order,
		unsigned long size, int reserved)
{
	struct kmem_cache_order_objects x = {
		((unsigned long)order << OO_SHIFT) +
			order_objects(order, size, reserved)
	};

	return x;
}

static inline int get_order(unsigned long size)
{
	size = (size - 1) >> PAGE_SHIFT;
	return fls(size);
}
/* Find the smallest good order for a slab: slab_order */
#line 2150 "slub.nw"
static inline int slab_order(int size, int min_objects, int max_order,
			     int fract_leftover, int reserved)
{
	int order;
	int rem;
	int min_order = slub_min_order;

	if (order_objects(min_order, size, reserved) > MAX_OBJS_PER_PAGE)
		return get_order(size * MAX_OBJS_PER_PAGE) - 1;
	for (order = max(min_order, fls(min_objects * size - 1) - PAGE_SHIFT);
	     order <= max_order; order++) {
		unsigned long slab_size = PAGE_SIZE << order;

		if (slab_size < (unsigned long)(min_objects * size + reserved))
			continue;
		rem = (slab_size - reserved) % size;
		if (rem <= (int)(slab_size / fract_leftover))
			break;
	}
	return order;
}
/* Relax the demands until an order fits: calculate_order */
#line 2203 "slub.nw"
static inline int calculate_order(int size, int reserved)
{
	int order, min_objects, fraction, max_objects;

	min_objects = slub_min_objects;
	if (!min_objects)
		min_objects = 4 * (fls(nr_cpu_ids) + 1);
	max_objects = order_objects(slub_max_order, size, reserved);
	min_objects = min(min_objects, max_objects);
	while (min_objects > 1) {
		for (fraction = 16; fraction >= 4; fraction /= 2) {
			order = slab_order(size, min_objects, slub_max_order,
					   fraction, reserved);
			if (order <= slub_max_order)
				return order;
		}
		min_objects--;
	}
	order = slab_order(size, 1, slub_max_order, 1, reserved);
	if (order <= slub_max_order)
		return order;
	order = slab_order(size, 1, MAX_ORDER, 1, reserved);
	if (order < MAX_ORDER)
		return order;
	return -ENOSYS;
}
/* Give a cache one kmem_cache_node per memory node */
#line 2244 "slub.nw"
static int init_kmem_cache_nodes(struct kmem_cache *s)
{
	int node;

	for (node = 0; node < nr_node_ids; node++) {
		struct kmem_cache_node *n;

		if (slab_state == DOWN) {
			if (early_kmem_cache_node_alloc(node))
				return 0;
			continue;
		}
		n = kmem_cache_alloc_node(kmem_cache_node, GFP_KERNEL, node);
		if (!n) {
			free_kmem_cache_nodes(s);
			return 0;
		}
		s->node[node] = n;
		init_kmem_cache_node(n);
	}
	return 1;
}
/* Start a node's lists empty, and free a cache's nodes: free_kmem_cache_nodes */
#line 2274 "slub.nw"
static void init_kmem_cache_node(struct kmem_cache_node *n)
{
	n->nr_partial = 0;
	spin_lock_init(&n->list_lock);
	INIT_LIST_HEAD(&n->partial);
	n->nr_slabs = 0;
	n->total_objects = 0;
	INIT_LIST_HEAD(&n->full);
}

static void free_kmem_cache_nodes(struct kmem_cache *s)
{
	int node;

	for (node = 0; node < nr_node_ids; node++) {
		struct kmem_cache_node *n = s->node[node];

		if (n) {
			pthread_mutex_destroy(&n->list_lock);
			if (slab_state > DOWN)
				kmem_cache_free(kmem_cache_node, n);
		}
		s->node[node] = NULL;
	}
}
/* Give a cache one kmem_cache_cpu per CPU */
#line 2311 "slub.nw"
static int alloc_kmem_cache_cpus(struct kmem_cache *s)
{
	void *p;

	if (slub_fail_percpu())
		return 0;
	p = pcpu_alloc();
	if (!p)
		return 0;
	memset(p, 0, nr_cpu_ids * sizeof(struct kmem_cache_cpu));
	s->cpu_slab = p;
	init_kmem_cache_cpus(s);
	return 1;
}

static void init_kmem_cache_cpus(struct kmem_cache *s)
{
	int cpu;

	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		struct kmem_cache_cpu *c = per_cpu_ptr(s->cpu_slab, cpu);

		c->tid = init_tid(cpu);
		c->cpu = cpu;
		spin_lock_init(&c->lock);
	}
}

static void free_percpu(struct kmem_cache *s)
{
	int cpu;

	if (!s->cpu_slab)
		return;
	for (cpu = 0; cpu < nr_cpu_ids; cpu++)
		pthread_mutex_destroy(&per_cpu_ptr(s->cpu_slab, cpu)->lock);
	pcpu_free(s->cpu_slab);
	s->cpu_slab = NULL;
}
/* Hand out per-CPU units from mapped chunks: pcpu_alloc and pcpu_free */
#line 2366 "slub.nw"
#define PCPU_CHUNK_BYTES	(64UL << 10)

struct pcpu_chunk {
	struct pcpu_chunk *next;
	size_t bytes;
};

static pthread_mutex_t pcpu_lock = PTHREAD_MUTEX_INITIALIZER;
static struct pcpu_chunk *pcpu_chunks;
static void *pcpu_free_units;		/* linked through their first word */
static char *pcpu_next, *pcpu_end;	/* the newest chunk's unused part */

static size_t pcpu_unit_bytes(void)
{
	return ALIGN(nr_cpu_ids * sizeof(struct kmem_cache_cpu),
		     (size_t)L1_CACHE_BYTES);
}

static void *pcpu_alloc(void)
{
	size_t unit = pcpu_unit_bytes();
	void *p;

	mutex_lock(&pcpu_lock);
	p = pcpu_free_units;
	if (p) {
		pcpu_free_units = *(void **)p;
	} else if ((size_t)(pcpu_end - pcpu_next) >= unit ||
		   pcpu_new_chunk(unit)) {
		p = pcpu_next;
		pcpu_next += unit;
	}
	mutex_unlock(&pcpu_lock);
	return p;
}

static void pcpu_free(void *p)
{
	mutex_lock(&pcpu_lock);
	*(void **)p = pcpu_free_units;
	pcpu_free_units = p;
	mutex_unlock(&pcpu_lock);
}
/* Map a new chunk of per-CPU units, and unmap them all at exit */
#line 2419 "slub.nw"
static bool pcpu_new_chunk(size_t unit)
{
	size_t bytes = max(PCPU_CHUNK_BYTES, unit + 2 * L1_CACHE_BYTES);
	struct pcpu_chunk *chunk = map_anon(bytes, PROT_READ | PROT_WRITE);

	if (!chunk)
		return false;
	chunk->bytes = bytes;
	chunk->next = pcpu_chunks;
	pcpu_chunks = chunk;
	pcpu_next = (char *)chunk + 2 * L1_CACHE_BYTES;
	pcpu_end = (char *)chunk + bytes;
	return true;
}

static void pcpu_exit(void)
{
	while (pcpu_chunks) {
		struct pcpu_chunk *chunk = pcpu_chunks;

		pcpu_chunks = chunk->next;
		munmap(chunk, chunk->bytes);
	}
	pcpu_free_units = NULL;
	pcpu_next = pcpu_end = NULL;
}
/* Copy a root cache's tunable sysfs values to a new child: memcg_propagate_slab_attrs */
#line 2460 "slub.nw"
static void memcg_propagate_slab_attrs(struct kmem_cache *s)
{
	struct kmem_cache *root_cache;
	char buf[SLAB_ATTR_BUFSIZE];
	const char *name;
	int i;

	if (is_root_cache(s))
		return;
	root_cache = s->memcg_params->root_cache;
	if (!root_cache->max_attr_size)
		return;
	for (i = 0; (name = slub_attr_name(i)); i++) {
		if (!attr_propagates(name))
			continue;
		if (slab_attr_show(root_cache, name, buf) < 0)
			continue;
		__slab_attr_store(s, name, buf, strlen(buf));
	}
}
/* Give a new cache its sysfs directory: sysfs_slab_add */
#line 2495 "slub.nw"
static int sysfs_slab_add(struct kmem_cache *s)
{
	int unmergeable = slab_unmergeable(s);
	char *name;
	int err = 0;

	if (unmergeable) {
		sysfs_remove_link(s->name);
		snprintf(s->kobj.name, sizeof(s->kobj.name), "%s", s->name);
	} else {
		name = create_unique_id(s);
		if (!name)
			return -ENOMEM;
		snprintf(s->kobj.name, sizeof(s->kobj.name), "%s", name);
		kfree(name);
	}
	s->kobj.added = true;
	if (!unmergeable)
		sysfs_slab_alias(s, s->name);
	slub_step(s, NULL, NULL, "/sys/kernel/slab/%s", s->kobj.name);
	return err;
}
/* Name the directory of a shareable cache by its size and flags: create_unique_id */
#line 2532 "slub.nw"
#define ID_STR_LENGTH 64

static char *create_unique_id(struct kmem_cache *s)
{
	char *name = kmalloc(ID_STR_LENGTH, GFP_KERNEL);
	char *p = name;

	if (!name)
		return NULL;
	*p++ = ':';
	if (s->flags & SLAB_CACHE_DMA)
		*p++ = 'd';
	if (s->flags & SLAB_RECLAIM_ACCOUNT)
		*p++ = 'a';
	if (s->flags & SLAB_DEBUG_FREE)
		*p++ = 'F';
	if (!(s->flags & SLAB_NOTRACK))
		*p++ = 't';
	if (p != name + 1)
		*p++ = '-';
	p += sprintf(p, "%07d", s->size);
	if (!is_root_cache(s))
		p += sprintf(p, "-%08d", memcg_cache_id(s->memcg_params->memcg));
	return name;
}
/* Tear down a cache that holds no objects: kmem_cache_close */
#line 2571 "slub.nw"
static int kmem_cache_close(struct kmem_cache *s)
{
	int node;

	flush_all(s);
	for (node = 0; node < nr_node_ids; node++) {
		struct kmem_cache_node *n = get_node(s, node);

		free_partial(s, n);
		if (n->nr_partial || slabs_node(s, node))
			return 1;
	}
	free_cache_sheaves(s);
	free_percpu(s);
	free_kmem_cache_nodes(s);
	return 0;
}
/* Free a node's empty partial slabs, and refuse to close a node with objects in use */
#line 2601 "slub.nw"
static void free_partial(struct kmem_cache *s, struct kmem_cache_node *n)
{
	struct page *page, *h;

	list_for_each_entry_safe(page, h, &n->partial, lru) {
		if (!page->inuse) {
			__remove_partial(n, page);
			discard_slab(s, page);
		} else {
			list_slab_objects(s, page,
				"Objects remaining in %s on kmem_cache_close()");
		}
	}
}
/* Register a child cache with its cgroup and its root: memcg_register_cache */
#line 2640 "slub.nw"
static void memcg_register_cache(struct kmem_cache *s)
{
	struct kmem_cache *root;
	struct mem_cgroup *memcg;
	int id;

	if (is_root_cache(s))
		return;
	root = s->memcg_params->root_cache;
	memcg = s->memcg_params->memcg;
	id = memcg_cache_id(memcg);
	__atomic_store_n(&root->memcg_params->memcg_caches[id], s,
			 __ATOMIC_RELEASE);
	mutex_lock(&memcg->slab_caches_mutex);
	list_add(&s->memcg_params->list, &memcg->memcg_slab_caches);
	mutex_unlock(&memcg->slab_caches_mutex);
}
/* Destroy a cache when its last user lets go: kmem_cache_destroy */
#line 2672 "slub.nw"
void kmem_cache_destroy(struct kmem_cache *s)
{
	slub_observer_check();
	if (!s)
		return;
	slab_mutex_lock();
	s->refcount--;
	if (s->refcount)
		goto out_unlock;
	if (memcg_cleanup_cache_params(s) != 0) {
		s->refcount++;
		goto out_unlock;
	}
	if (__kmem_cache_shutdown(s) != 0) {
		pr_err("kmem_cache_destroy %s: Slab cache still has objects\n",
		       s->name);
		s->refcount++;
		goto out_unlock;
	}
	list_del(&s->list);
	slab_mutex_unlock();
	if (s->flags & SLAB_DESTROY_BY_RCU)
		rcu_barrier();
	slub_step(s, NULL, NULL, "'%s'", s->name);
	slab_mutex_lock();
	memcg_unregister_cache(s);
	slab_mutex_unlock();
	memcg_free_cache_params(s);
	kfree(s->name);
	kmem_cache_free(kmem_cache, s);
	return;
out_unlock:
	slab_mutex_unlock();
}
/* Shut a cache down and remove its sysfs directory */
#line 2719 "slub.nw"
static int __kmem_cache_shutdown(struct kmem_cache *s)
{
	int rc = kmem_cache_close(s);

	if (!rc)
		sysfs_slab_remove(s);
	return rc;
}

static void sysfs_slab_remove(struct kmem_cache *s)
{
	struct slub_alias *a;

	while ((a = s->aliases)) {
		s->aliases = a->next;
		kfree(a->name);
		kfree(a);
	}
	s->kobj.added = false;
}
/* Allocate a zeroed object: kmem_cache_zalloc */
#line 1774 "slub.nw"
void *kmem_cache_zalloc(struct kmem_cache *s, gfp_t flags)
{
	return kmem_cache_alloc(s, flags | __GFP_ZERO);
}
/* Allocate an object, from any node or from one: kmem_cache_alloc */
#line 2771 "slub.nw"
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t gfpflags)
{
	return slab_alloc(s, gfpflags, _RET_IP_);
}

void *kmem_cache_alloc_node(struct kmem_cache *s, gfp_t gfpflags, int node)
{
	return slab_alloc_node(s, gfpflags, node, _RET_IP_);
}
/* Take the first object of the CPU's freelist, or go the slow way: slab_alloc_node */
#line 2805 "slub.nw"
static noinline void *slab_alloc_node(struct kmem_cache *s,
		gfp_t gfpflags, int node, unsigned long addr)
{
	void **object;
	struct kmem_cache_cpu *c;
	struct page *page;
	unsigned long tid;

	if (slab_pre_alloc_hook(s, gfpflags))
		return NULL;
	s = memcg_kmem_get_cache(s, gfpflags);
	if (s->sheaf_capacity) {
		object = slab_alloc_sheaves(s, gfpflags, node, addr);
		goto out;
	}
	if (cpu_rseq) {
		object = rseq_slab_alloc(s, gfpflags, node, addr, true);
		goto out;
	}
redo:

	/* Read the transaction id and the CPU's kmem_cache_cpu */
#line 2893 "slub.nw"
	c = this_cpu_ptr(s->cpu_slab);
	tid = READ_ONCE(c->tid);
	slub_point(SLUB_POINT_ALLOC_AFTER_TID);
#line 2826 "slub.nw"
	object = READ_ONCE(c->freelist);
	page = READ_ONCE(c->page);
	if (unlikely(!object || !node_match(page, node) ||
		     !cpu_tid_ready(tid))) {
		object = __slab_alloc(s, gfpflags, node, addr, c);
		stat(s, ALLOC_SLOWPATH);
	} else {

		/* Take object off the CPU's freelist, or goto redo */
#line 2912 "slub.nw"
		void *next_object = get_freepointer_safe(s, object);

		slub_point(SLUB_POINT_ALLOC_BEFORE_CMPXCHG);
		if (unlikely(!this_cpu_cmpxchg_double(s, c, object, tid,
						      next_object,
						      next_tid(tid)))) {
			note_cmpxchg_failure("slab_alloc", s, tid);
			goto redo;
		}
		prefetch_freepointer(s, next_object);
		stat_at(s, ALLOC_FASTPATH, object, page);
#line 2834 "slub.nw"
	}
out:
	if (unlikely(gfpflags & __GFP_ZERO) && object)
		memset(object, 0, s->object_size);
	slab_post_alloc_hook(s, gfpflags, object);
	return object;
}

static __always_inline void *slab_alloc(struct kmem_cache *s,
					gfp_t gfpflags, unsigned long addr)
{
	if (rseq_door.alloc && likely(!slab_alloc_hooked(s, gfpflags)))
		return rseq_slab_alloc(s, gfpflags, NUMA_NO_NODE, addr, false);
	return slab_alloc_node(s, gfpflags, NUMA_NO_NODE, addr);
}
/* Take the first object of the CPU's freelist in a restartable sequence */
#line 2954 "slub.nw"
static void rseq_doors_update(void)
{
	WRITE_ONCE(rseq_door.alloc,
		   cpu_rseq && !READ_ONCE(failslab.attr.probability));
	WRITE_ONCE(rseq_door.free, cpu_rseq && !memcg_kmem_enabled());
}

static __always_inline void *rseq_slab_alloc(struct kmem_cache *s,
		gfp_t gfpflags, int node, unsigned long addr, bool observed)
{
	void *object = NULL;

	if (node == NUMA_NO_NODE)
		object = s->sheaf_capacity ? cpu_rseq_sheaf_pop(s) :
					     cpu_rseq_pop(s);
	if (likely(object)) {
		rseq_stat_at(s, ALLOC_FASTPATH, object, NULL, observed);
		return object;
	}
	return rseq_slab_alloc_slow(s, gfpflags, node, addr);
}

static noinline void *rseq_slab_alloc_slow(struct kmem_cache *s,
		gfp_t gfpflags, int node, unsigned long addr)
{
	void *object;

	if (s->sheaf_capacity)
		return slab_alloc_sheaves(s, gfpflags, node, addr);
	object = __slab_alloc(s, gfpflags, node, addr, NULL);
	stat(s, ALLOC_SLOWPATH);
	return object;
}

static __always_inline bool slab_alloc_hooked(const struct kmem_cache *s,
					      gfp_t gfpflags)
{
	return (gfpflags & __GFP_ZERO) || current_memcg || slub_observed() ||
	       (s->flags & SLAB_TRACE);
}
/* Tell whether a slab is on the node asked for: node_match */
#line 3001 "slub.nw"
static inline int node_match(struct page *page, int node)
{
	if (!page || (node != NUMA_NO_NODE && page_to_nid(page) != node))
		return 0;
	return 1;
}
/* Advance, decode and report the transaction ids */
#line 3019 "slub.nw"
#define TID_STEP	roundup_pow_of_two(NR_CPUS)

static inline unsigned long next_tid(unsigned long tid)
{
	return tid + TID_STEP;
}

static inline unsigned int tid_to_cpu(unsigned long tid)
{
	return tid % TID_STEP;
}

static inline unsigned long tid_to_event(unsigned long tid)
{
	return tid / TID_STEP;
}

static inline unsigned int init_tid(int cpu)
{
	return cpu;
}

static void note_cmpxchg_failure(const char *n, struct kmem_cache *s,
				 unsigned long tid)
{
	unsigned long actual = READ_ONCE(this_cpu_ptr(s->cpu_slab)->tid) &
			       ~TID_BUSY;
	bool moved = tid_to_cpu(tid) != tid_to_cpu(actual);

	stat_at(s, CMPXCHG_DOUBLE_CPU_FAIL, NULL, NULL, "%s: due to %s %lu -> %lu",
		n, moved ? "cpu change" : "cpu running other code, event",
		moved ? tid_to_cpu(tid) : tid_to_event(tid),
		moved ? tid_to_cpu(actual) : tid_to_event(actual));
}
/* Run the hooks before and after an allocation */
#line 3068 "slub.nw"
static inline int slab_pre_alloc_hook(struct kmem_cache *s, gfp_t flags)
{
	slub_observer_check();
	return failslab_on() && should_failslab(s, flags);
}

static __always_inline bool failslab_on(void)
{
	return unlikely(READ_ONCE(failslab.attr.probability) != 0);
}

static inline void slab_post_alloc_hook(struct kmem_cache *s, gfp_t flags,
					void *object)
{
	(void)flags;
	if (object && unlikely(s->flags & SLAB_TRACE))
		trace(s, virt_to_head_page(object), object, 1);
}
/* Refill the CPU's freelist, or find the CPU a new slab: __slab_alloc */
#line 3114 "slub.nw"
static void *__slab_alloc(struct kmem_cache *s, gfp_t gfpflags, int node,
			  unsigned long addr, struct kmem_cache_cpu *c)
{
	void *freelist;
	struct page *page;

	slub_point(SLUB_POINT_SLOWPATH_ENTRY);
	c = local_irq_save(s);
	page = c->page;
	if (!page)
		goto new_slab;
redo:

	/* Drop a cpu slab of the wrong node or of the wrong reserve */
#line 3161 "slub.nw"
	if (unlikely(!node_match(page, node))) {
		stat(s, ALLOC_NODE_MISMATCH);
		deactivate_slab(s, page, READ_ONCE(c->freelist));
		WRITE_ONCE(c->page, NULL);
		WRITE_ONCE(c->freelist, NULL);
		goto new_slab;
	}
	if (unlikely(!pfmemalloc_match(page, gfpflags))) {
		deactivate_slab(s, page, READ_ONCE(c->freelist));
		WRITE_ONCE(c->page, NULL);
		WRITE_ONCE(c->freelist, NULL);
		goto new_slab;
	}
#line 3127 "slub.nw"
	freelist = READ_ONCE(c->freelist);
	if (freelist)
		goto load_freelist;
	freelist = get_freelist(s, page);
	if (!freelist) {
		WRITE_ONCE(c->page, NULL);
		stat_at(s, DEACTIVATE_BYPASS, NULL, page);
		goto new_slab;
	}
	stat_at(s, ALLOC_REFILL, freelist, page);
load_freelist:

	/* Hand out the first object of freelist; the rest becomes the CPU's freelist */
#line 3187 "slub.nw"
	VM_BUG_ON(!c->page->frozen);
	page = c->page;
	WRITE_ONCE(c->freelist, get_freepointer(s, freelist));
	WRITE_ONCE(c->tid, next_tid(READ_ONCE(c->tid)));
	local_irq_restore(s, c);
	slub_step(s, freelist, page);
	return freelist;
#line 3139 "slub.nw"
new_slab:

	/* Make the next slab of the cpu partial chain the cpu slab, and goto redo */
#line 3202 "slub.nw"
	if (c->partial) {
		page = c->partial;
		WRITE_ONCE(c->page, page);
		c->partial = page->next;
		stat_at(s, CPU_PARTIAL_ALLOC, NULL, page);
		WRITE_ONCE(c->freelist, NULL);
		goto redo;
	}
#line 3141 "slub.nw"

	/* Get objects from a partial or a new slab, or fail */
#line 3222 "slub.nw"
	freelist = new_slab_objects(s, gfpflags, node, &c);
	if (unlikely(!freelist)) {
		if (!(gfpflags & __GFP_NOWARN))
			slab_out_of_memory(s, gfpflags, node);
		local_irq_restore(s, c);
		return NULL;
	}
	page = c->page;
	if (likely(!kmem_cache_debug(s) && pfmemalloc_match(page, gfpflags)))
		goto load_freelist;
	if (kmem_cache_debug(s) &&
	    !alloc_debug_processing(s, page, freelist, addr))
		goto new_slab;
	deactivate_slab(s, page, get_freepointer(s, freelist));
	WRITE_ONCE(c->page, NULL);
	WRITE_ONCE(c->freelist, NULL);
	local_irq_restore(s, c);
	return freelist;
#line 3142 "slub.nw"
}
/* Keep the emergency reserves for callers that may use them: pfmemalloc_match */
#line 3246 "slub.nw"
static inline bool pfmemalloc_match(struct page *page, gfp_t gfpflags)
{
	if (unlikely(PageSlabPfmemalloc(page)))
		return gfpflags & __GFP_MEMALLOC;
	return true;
}
/* Take all objects of the cpu slab's own freelist: get_freelist */
#line 3266 "slub.nw"
static inline void *get_freelist(struct kmem_cache *s, struct page *page)
{
	struct page new;
	unsigned long counters;
	void *freelist;

	do {
		freelist = READ_ONCE(page->freelist);
		counters = READ_ONCE(page->counters);
		new.counters = counters;
		VM_BUG_ON(!new.frozen);
		new.inuse = new.objects;
		new.frozen = freelist != NULL;
	} while (!__cmpxchg_double_slab(s, page, freelist, counters,
					NULL, new.counters, "get_freelist"));
	return freelist;
}
/* Find the CPU a slab with free objects: new_slab_objects */
#line 3304 "slub.nw"
static inline void *new_slab_objects(struct kmem_cache *s, gfp_t flags,
				     int node, struct kmem_cache_cpu **pc)
{
	void *freelist;
	struct kmem_cache_cpu *c = *pc;
	struct page *page;

	freelist = get_partial(s, flags, node, c);
	if (freelist)
		return freelist;
	page = new_slab(s, flags, node);
	if (!page)
		return NULL;
	if (c->page)
		flush_slab(s, c);
	freelist = page->freelist;
	page->freelist = NULL;
	stat_at(s, ALLOC_SLAB, NULL, page, "order %d, %d objects",
		compound_order(page), page->objects);
	WRITE_ONCE(c->page, page);
	*pc = c;
	return freelist;
}
/* Look for a partial slab on the node asked for, then anywhere: get_partial */
#line 3343 "slub.nw"
static void *get_partial(struct kmem_cache *s, gfp_t flags, int node,
			 struct kmem_cache_cpu *c)
{
	void *object;
	int searchnode = node;

	if (node == NUMA_NO_NODE)
		searchnode = numa_mem_id();
	object = get_partial_node(s, get_node(s, searchnode), c, flags);
	if (object || node != NUMA_NO_NODE)
		return object;
	return get_any_partial(s, flags, c);
}
/* Take partial slabs off one node's list: get_partial_node */
#line 3368 "slub.nw"
static void *get_partial_node(struct kmem_cache *s, struct kmem_cache_node *n,
			      struct kmem_cache_cpu *c, gfp_t flags)
{
	struct page *page, *page2;
	void *object = NULL;
	int available = 0;
	int objects;

	if (!n || !READ_ONCE(n->nr_partial))
		return NULL;
	spin_lock(&n->list_lock);
	list_for_each_entry_safe(page, page2, &n->partial, lru) {
		void *t;

		if (!pfmemalloc_match(page, flags))
			continue;
		t = acquire_slab(s, n, page, object == NULL, &objects);
		if (!t)
			break;
		available += objects;

		/* Install the acquired slab as cpu slab or on the cpu partial chain */
#line 3399 "slub.nw"
		if (!object) {
			WRITE_ONCE(c->page, page);
			stat_at(s, ALLOC_FROM_PARTIAL, NULL, page);
			object = t;
		} else {
			__put_cpu_partial(s, c, page, 0);
			stat_at(s, CPU_PARTIAL_NODE, NULL, page);
		}
#line 3389 "slub.nw"
		if (!kmem_cache_has_cpu_partial(s) ||
		    available > s->cpu_partial / 2)
			break;
	}
	spin_unlock(&n->list_lock);
	return object;
}
/* Freeze a partial slab and take its freelist: acquire_slab */
#line 3417 "slub.nw"
static inline void *acquire_slab(struct kmem_cache *s,
				 struct kmem_cache_node *n, struct page *page,
				 int mode, int *objects)
{
	void *freelist;
	unsigned long counters;
	struct page new;

	freelist = READ_ONCE(page->freelist);
	counters = READ_ONCE(page->counters);
	new.counters = counters;
	*objects = new.objects - new.inuse;
	if (mode) {
		new.inuse = new.objects;
		new.freelist = NULL;
	} else {
		new.freelist = freelist;
	}
	VM_BUG_ON(new.frozen);
	new.frozen = 1;
	if (!__cmpxchg_double_slab(s, page, freelist, counters,
				   new.freelist, new.counters, "acquire_slab"))
		return NULL;
	remove_partial(n, page);
	WARN_ON(!freelist);
	return freelist;
}
/* Look for partial slabs on the other nodes: get_any_partial */
#line 3457 "slub.nw"
static void *get_any_partial(struct kmem_cache *s, gfp_t flags,
			     struct kmem_cache_cpu *c)
{
	int local = numa_mem_id();
	int i;

	if (!s->remote_node_defrag_ratio ||
	    slub_random() % 1024 > (unsigned long)s->remote_node_defrag_ratio)
		return NULL;
	for (i = 1; i < nr_node_ids; i++) {
		struct kmem_cache_node *n = get_node(s, (local + i) % nr_node_ids);
		void *object;

		if (!n || READ_ONCE(n->nr_partial) <= s->min_partial)
			continue;
		object = get_partial_node(s, n, c, flags);
		if (object)
			return object;
	}
	return NULL;
}
/* Allocate a slab's pages, falling back to the smallest order: allocate_slab */
#line 3490 "slub.nw"
static struct page *allocate_slab(struct kmem_cache *s, gfp_t flags,
				  int node)
{
	struct page *page;
	struct kmem_cache_order_objects oo = s->oo;
	gfp_t alloc_gfp;

	flags |= s->allocflags;
	alloc_gfp = (flags | __GFP_NOWARN | __GFP_NORETRY) & ~__GFP_NOFAIL;
	page = alloc_slab_page(s, alloc_gfp, node, oo);
	if (unlikely(!page)) {
		oo = s->min;
		alloc_gfp = flags;
		page = alloc_slab_page(s, alloc_gfp, node, oo);
		if (page)
			stat_at(s, ORDER_FALLBACK, NULL, page);
	}
	if (!page)
		return NULL;
	page->objects = oo_objects(oo);
	return page;
}

static inline struct page *alloc_slab_page(struct kmem_cache *s,
		gfp_t flags, int node, struct kmem_cache_order_objects oo)
{
	struct page *page;
	int order = oo_order(oo);

	flags |= __GFP_NOTRACK;
	if (memcg_charge_slab(s, flags, order))
		return NULL;
	page = alloc_pages_node(node, flags, order);
	if (!page)
		memcg_uncharge_slab(s, order);
	return page;
}
/* Make a new slab and link its free objects: new_slab */
#line 3539 "slub.nw"
static struct page *new_slab(struct kmem_cache *s, gfp_t flags, int node)
{
	struct page *page;
	void *start, *p;
	int idx;

	page = allocate_slab(s, flags, node);
	if (!page)
		return NULL;
	inc_slabs_node(s, page_to_nid(page), page->objects);
	page->slab_cache = s;
	__SetPageSlab(page);
	start = page_address(page);
	if (unlikely(s->flags & SLAB_POISON))
		memset(start, POISON_INUSE, PAGE_SIZE << compound_order(page));
	for (idx = 0, p = start; idx < (int)page->objects; idx++, p += s->size) {
		setup_object(s, page, p);
		set_freepointer(s, p, idx + 1 < (int)page->objects ?
				p + s->size : NULL);
	}
	page->freelist = start;
	shuffle_freelist(s, page, start);
	page->inuse = page->objects;
	page->frozen = 1;
	return page;
}

static void setup_object(struct kmem_cache *s, struct page *page,
			 void *object)
{
	setup_object_debug(s, page, object);
	if (unlikely(s->ctor))
		s->ctor(object);
}
/* Report an allocation that found no memory: slab_out_of_memory */
#line 3581 "slub.nw"
static void slab_out_of_memory(struct kmem_cache *s, gfp_t gfpflags,
			       int nid)
{
	int node;

	if (!slub_ratelimit())
		return;
	pr_warn("SLUB: Unable to allocate memory on node %d (gfp=0x%x)\n",
		nid, gfpflags);
	pr_warn("  cache: %s, object size: %d, buffer size: %d, "
		"default order: %d, min order: %d\n",
		s->name, s->object_size, s->size, oo_order(s->oo),
		oo_order(s->min));
	if (oo_order(s->min) > get_order(s->object_size))
		pr_warn("  %s debugging increased min order, use slub_debug=O to disable.\n",
			s->name);
	for (node = 0; node < nr_node_ids; node++) {
		struct kmem_cache_node *n = get_node(s, node);

		pr_warn("  node %d: slabs: %ld, objs: %ld, free: %ld\n",
			node, READ_ONCE(n->nr_slabs),
			READ_ONCE(n->total_objects),
			count_partial(n, count_free));
	}
	slub_report(s, NULL, NULL, "out of memory");
}
/* Free an object of a cache: kmem_cache_free */
#line 3655 "slub.nw"
void kmem_cache_free(struct kmem_cache *s, void *x)
{
	struct page *page = NULL;

	if (rseq_door.free && likely(!slab_free_hooked(s))) {
		if (s->sheaf_capacity ?
		    likely(nr_node_ids == 1) && likely(cpu_rseq_sheaf_push(s, x)) :
		    likely(cpu_rseq_push(s, page = virt_to_head_page(x), x))) {
			rseq_stat_at(s, FREE_FASTPATH, x, page, false);
			return;
		}
		kmem_cache_free_slow(s, x, _RET_IP_);
		return;
	}
	kmem_cache_free_hooked(s, x, _RET_IP_);
}

static noinline void kmem_cache_free_slow(struct kmem_cache *s, void *x,
					  unsigned long addr)
{
	rseq_slab_free_slow(s, virt_to_head_page(x), x, addr);
}

static noinline void kmem_cache_free_hooked(struct kmem_cache *s, void *x,
					    unsigned long addr)
{
	s = cache_from_obj(s, x);
	if (!s)
		return;
	slab_free(s, virt_to_head_page(x), x, addr);
}
/* Find the cache an object really belongs to: cache_from_obj */
#line 3696 "slub.nw"
static inline struct kmem_cache *cache_from_obj(struct kmem_cache *s,
						void *x)
{
	struct kmem_cache *cachep;
	struct page *page;

	if (!memcg_kmem_enabled() && !unlikely(s->flags & SLAB_DEBUG_FREE))
		return s;
	page = slub_virt_to_head_page_checked(x);
	if (!page || !PageSlab(page)) {
		slab_err_pointer(s, x, "Invalid object pointer");
		return NULL;
	}
	cachep = page->slab_cache;
	if (slab_equal_or_root(cachep, s))
		return cachep;
	pr_err("cache_from_obj: Wrong slab cache. %s but object is from %s\n",
	       s->name, cachep->name);
	slub_report(s, x, page, "Wrong slab cache");
	return NULL;
}
/* Push the object onto the CPU's freelist, or go the slow way: slab_free */
#line 3731 "slub.nw"
static noinline void slab_free(struct kmem_cache *s,
				      struct page *page, void *x,
				      unsigned long addr)
{
	void **object = (void *)x;
	struct kmem_cache_cpu *c;
	unsigned long tid;
	void **freelist;

	slab_free_hook(s, x);
	if (s->sheaf_capacity) {
		slab_free_sheaves(s, page, x, addr);
		return;
	}
	if (cpu_rseq) {
		rseq_slab_free(s, page, x, addr, true);
		return;
	}
redo:
	c = this_cpu_ptr(s->cpu_slab);
	tid = READ_ONCE(c->tid);
	slub_point(SLUB_POINT_FREE_AFTER_TID);
	if (likely(page == READ_ONCE(c->page)) && likely(cpu_tid_ready(tid))) {

		/* Push object on the CPU's freelist, or goto redo */
#line 3768 "slub.nw"
		freelist = READ_ONCE(c->freelist);
		set_freepointer(s, object, freelist);
		slub_point(SLUB_POINT_FREE_BEFORE_CMPXCHG);
		if (unlikely(!this_cpu_cmpxchg_double(s, c, freelist, tid,
						      object, next_tid(tid)))) {
			note_cmpxchg_failure("slab_free", s, tid);
			goto redo;
		}
		stat_at(s, FREE_FASTPATH, object, page);
#line 3755 "slub.nw"
	} else {
		__slab_free(s, page, x, addr);
	}
}
/* Push the object onto the CPU's freelist in a restartable sequence */
#line 3804 "slub.nw"
static __always_inline void rseq_slab_free(struct kmem_cache *s,
		struct page *page, void *x, unsigned long addr, bool observed)
{
	if (s->sheaf_capacity ?
	    likely(nr_node_ids == 1) && likely(cpu_rseq_sheaf_push(s, x)) :
	    likely(cpu_rseq_push(s, page, x))) {
		rseq_stat_at(s, FREE_FASTPATH, x, page, observed);
		return;
	}
	rseq_slab_free_slow(s, page, x, addr);
}

static noinline void rseq_slab_free_slow(struct kmem_cache *s,
		struct page *page, void *x, unsigned long addr)
{
	if (s->sheaf_capacity) {
		slab_free_sheaves(s, page, x, addr);
		return;
	}
	prefetchw((char *)x + s->offset);
	__slab_free(s, page, x, addr);
}

static __always_inline bool slab_free_hooked(const struct kmem_cache *s)
{
	return slub_observed() || (s->flags & (SLAB_DEBUG_FREE | SLAB_TRACE));
}
/* Run the hooks before a free: slab_free_hook */
#line 3838 "slub.nw"
static inline void slab_free_hook(struct kmem_cache *s, void *x)
{
	slub_observer_check();
	if (unlikely(s->flags & SLAB_TRACE))
		trace(s, virt_to_head_page(x), x, 0);
}
/* Free to a slab that is not the CPU's: __slab_free */
#line 3873 "slub.nw"
static void __slab_free(struct kmem_cache *s, struct page *page, void *x,
			unsigned long addr)
{
	void *prior;
	void **object = (void *)x;
	int was_frozen;
	struct page new;
	unsigned long counters;
	struct kmem_cache_node *n = NULL;

	stat_at(s, FREE_SLOWPATH, x, page);
	if (kmem_cache_debug(s) &&
	    !(n = free_debug_processing(s, page, x, addr)))
		return;
	do {

		/* Link object to the slab's freelist and decide the slab's fate */
#line 3940 "slub.nw"
		if (unlikely(n) && !kmem_cache_debug(s)) {
			spin_unlock(&n->list_lock);
			n = NULL;
		}
		prior = READ_ONCE(page->freelist);
		counters = READ_ONCE(page->counters);
		set_freepointer(s, object, prior);
		new.counters = counters;
		was_frozen = new.frozen;
		new.inuse--;
		if ((!new.inuse || !prior) && !was_frozen) {
			if (kmem_cache_has_cpu_partial(s) && !prior) {
				new.frozen = 1;
			} else if (!n) {
				n = get_node(s, page_to_nid(page));
				spin_lock(&n->list_lock);
			}
		}
#line 3889 "slub.nw"
	} while (!cmpxchg_double_slab(s, page, prior, counters, object,
				      new.counters, "__slab_free"));
	if (unlikely(n) && was_frozen) {
		spin_unlock(&n->list_lock);
		n = NULL;
	}
	if (likely(!n)) {

		/* Finish a free that needed no list lock */
#line 3961 "slub.nw"
		if (new.frozen && !was_frozen) {
			put_cpu_partial(s, page, 1);
			stat_at(s, CPU_PARTIAL_FREE, x, page);
		}
		if (was_frozen)
			stat_at(s, FREE_FROZEN, x, page);
#line 3897 "slub.nw"
		return;
	}
	if (unlikely(!new.inuse && n->nr_partial > s->min_partial))
		goto slab_empty;

	/* Put a formerly full slab on the node's partial list */
#line 3973 "slub.nw"
	if (!kmem_cache_has_cpu_partial(s) && unlikely(!prior)) {
		if (kmem_cache_debug(s))
			remove_full(s, n, page);
		add_partial(n, page, DEACTIVATE_TO_TAIL);
		stat_at(s, FREE_ADD_PARTIAL, NULL, page);
	}
#line 3902 "slub.nw"
	spin_unlock(&n->list_lock);
	slub_step(s, x, page);
	return;
slab_empty:

	/* Give an empty slab back to the page allocator */
#line 3982 "slub.nw"
	if (prior) {
		remove_partial(n, page);
		stat_at(s, FREE_REMOVE_PARTIAL, NULL, page);
	} else {
		remove_full(s, n, page);
	}
	spin_unlock(&n->list_lock);
	stat_at(s, FREE_SLAB, NULL, page);
	discard_slab(s, page);
#line 3907 "slub.nw"
}
/* Put a slab on the CPU's partial chain: put_cpu_partial */
#line 4011 "slub.nw"
static void __put_cpu_partial(struct kmem_cache *s, struct kmem_cache_cpu *c,
			      struct page *page, int drain)
{
	struct page *oldpage = c->partial;
	int pages = 0;
	int pobjects = 0;

	if (oldpage) {
		pobjects = oldpage->pobjects;
		pages = oldpage->pages;
		if (drain && pobjects > s->cpu_partial) {
			unfreeze_partials(s, c);
			oldpage = NULL;
			pobjects = 0;
			pages = 0;
			stat(s, CPU_PARTIAL_DRAIN);
		}
	}
	pages++;
	pobjects += page->objects - page->inuse;
	page->pages = pages;
	page->pobjects = pobjects;
	page->next = oldpage;
	c->partial = page;
}

static void put_cpu_partial(struct kmem_cache *s, struct page *page,
			    int drain)
{
	struct kmem_cache_cpu *c = local_irq_save(s);

	__put_cpu_partial(s, c, page, drain);
	local_irq_restore(s, c);
}
/* Move the CPU's partial slabs to their nodes: unfreeze_partials */
#line 4066 "slub.nw"
static void unfreeze_partials(struct kmem_cache *s, struct kmem_cache_cpu *c)
{
	struct kmem_cache_node *n = NULL, *n2 = NULL;
	struct page *page, *discard_page = NULL;

	while ((page = c->partial)) {
		struct page new, old;

		c->partial = page->next;

		/* Hold the list lock of page's node, dropping the one held */
#line 4089 "slub.nw"
		n2 = get_node(s, page_to_nid(page));
		if (n != n2) {
			if (n)
				spin_unlock(&n->list_lock);
			n = n2;
			spin_lock(&n->list_lock);
		}
#line 4076 "slub.nw"

		/* Unfreeze page with a compare-and-swap */
#line 4104 "slub.nw"
		do {
			old.freelist = READ_ONCE(page->freelist);
			old.counters = READ_ONCE(page->counters);
			VM_BUG_ON(!old.frozen);
			new.counters = old.counters;
			new.freelist = old.freelist;
			new.frozen = 0;
		} while (!__cmpxchg_double_slab(s, page, old.freelist,
				old.counters, new.freelist, new.counters,
				"unfreezing slab"));
#line 4077 "slub.nw"

		/* Put page on its node's partial list, or keep it to discard */
#line 4121 "slub.nw"
		if (unlikely(!new.inuse && n->nr_partial > s->min_partial)) {
			page->next = discard_page;
			discard_page = page;
		} else {
			add_partial(n, page, DEACTIVATE_TO_TAIL);
			stat_at(s, FREE_ADD_PARTIAL, NULL, page);
		}
#line 4078 "slub.nw"
	}
	if (n)
		spin_unlock(&n->list_lock);

	/* Discard the empty slabs kept, with no lock held */
#line 4134 "slub.nw"
	while (discard_page) {
		page = discard_page;
		discard_page = discard_page->next;
		stat_at(s, DEACTIVATE_EMPTY, NULL, page);
		discard_slab(s, page);
		stat_at(s, FREE_SLAB, NULL, page);
	}
#line 4082 "slub.nw"
}
/* Put a slab on a node's partial list or take it off: add_partial and remove_partial */
#line 4157 "slub.nw"
static inline void __add_partial(struct kmem_cache_node *n,
				 struct page *page, int tail)
{
	WRITE_ONCE(n->nr_partial, n->nr_partial + 1);
	if (tail == DEACTIVATE_TO_TAIL)
		list_add_tail(&page->lru, &n->partial);
	else
		list_add(&page->lru, &n->partial);
}

static inline void add_partial(struct kmem_cache_node *n, struct page *page,
			       int tail)
{
	__add_partial(n, page, tail);
}

static inline void __remove_partial(struct kmem_cache_node *n,
				    struct page *page)
{
	list_del(&page->lru);
	WRITE_ONCE(n->nr_partial, n->nr_partial - 1);
}

static inline void remove_partial(struct kmem_cache_node *n,
				  struct page *page)
{
	__remove_partial(n, page);
}
/* Put a slab on a node's full list or take it off: add_full and remove_full */
#line 4193 "slub.nw"
static void add_full(struct kmem_cache *s, struct kmem_cache_node *n,
		     struct page *page)
{
	if (!(s->flags & SLAB_STORE_USER))
		return;
	list_add(&page->lru, &n->full);
}

static void remove_full(struct kmem_cache *s, struct kmem_cache_node *n,
			struct page *page)
{
	(void)n;
	if (!(s->flags & SLAB_STORE_USER))
		return;
	list_del(&page->lru);
}
/* Count a node's slabs and objects: inc_slabs_node and dec_slabs_node */
#line 4217 "slub.nw"
static inline void inc_slabs_node(struct kmem_cache *s, int node,
				  int objects)
{
	struct kmem_cache_node *n = get_node(s, node);

	if (likely(n)) {
		__atomic_add_fetch(&n->nr_slabs, 1, __ATOMIC_RELAXED);
		__atomic_add_fetch(&n->total_objects, objects,
				   __ATOMIC_RELAXED);
	}
}

static inline void dec_slabs_node(struct kmem_cache *s, int node,
				  int objects)
{
	struct kmem_cache_node *n = get_node(s, node);

	__atomic_sub_fetch(&n->nr_slabs, 1, __ATOMIC_RELAXED);
	__atomic_sub_fetch(&n->total_objects, objects, __ATOMIC_RELAXED);
}

static inline unsigned long slabs_node(struct kmem_cache *s, int node)
{
	return READ_ONCE(get_node(s, node)->nr_slabs);
}
/* Check a slab one last time and free its pages: __free_slab */
#line 4250 "slub.nw"
static void __free_slab(struct kmem_cache *s, struct page *page)
{
	int order = compound_order(page);

	if (kmem_cache_debug(s)) {
		void *p;

		slab_pad_check(s, page);
		for_each_object(p, s, page_address(page), page->objects)
			check_object(s, page, p, SLUB_RED_INACTIVE);
	}
	__ClearPageSlabPfmemalloc(page);
	__ClearPageRcuFree(page);
	__ClearPageSlab(page);
	page->slab_cache = NULL;
	page->freelist = NULL;
	page->counters = 0;
	__free_pages(page, order);
	memcg_uncharge_slab(s, order);
}
/* Free a slab now or after a grace period, off its node's count: discard_slab */
#line 4278 "slub.nw"
static void free_slab(struct kmem_cache *s, struct page *page)
{
	if (unlikely(s->flags & SLAB_DESTROY_BY_RCU))
		call_rcu_slab(page);
	else
		__free_slab(s, page);
}

static void discard_slab(struct kmem_cache *s, struct page *page)
{
	dec_slabs_node(s, page_to_nid(page), page->objects);
	free_slab(s, page);
}
/* Give back the slabs of an RCU cache after a grace period */
#line 4301 "slub.nw"
static struct rcu_head *rcu_pending;
static pthread_mutex_t rcu_lock = PTHREAD_MUTEX_INITIALIZER;

static void rcu_free_slab(struct rcu_head *h)
{
	struct page *page = container_of((struct list_head *)h, struct page,
					 lru);

	__free_slab(page->slab_cache, page);
}

static void call_rcu_slab(struct page *page)
{
	struct rcu_head *head = (struct rcu_head *)&page->lru;

	__SetPageRcuFree(page);
	head->func = rcu_free_slab;
	mutex_lock(&rcu_lock);
	head->next = rcu_pending;
	rcu_pending = head;
	mutex_unlock(&rcu_lock);
}

static void rcu_barrier(void)
{
	struct rcu_head *h;

	mutex_lock(&rcu_lock);
	h = rcu_pending;
	rcu_pending = NULL;
	mutex_unlock(&rcu_lock);
	while (h) {
		struct rcu_head *next = h->next;

		h->func(h);
		h = next;
	}
}
/* Functions of the sheaves and barns */
#line 11893 "slub.nw"
struct kmem_cache *kmem_cache_create_args(const char *name,
		unsigned int object_size, struct kmem_cache_args *args,
		unsigned long flags)
{
	struct kmem_cache *s;

	if (args->sheaf_capacity > MAX_SHEAF_CAPACITY) {
		pr_warn("kmem_cache_create(%s): sheaf capacity %u above %u\n",
			name ? name : "(null)", args->sheaf_capacity,
			MAX_SHEAF_CAPACITY);
		return NULL;
	}
	create_sheaf_capacity = args->sheaf_capacity;
	s = kmem_cache_create(name, object_size, args->align, flags,
			      args->ctor);
	create_sheaf_capacity = 0;
	return s;
}

unsigned int kmem_cache_sheaf_capacity(const struct kmem_cache *s)
{
	return READ_ONCE(s->sheaf_capacity);
}
/* Functions of the sheaves and barns */
#line 11923 "slub.nw"
static int sheaves_config(struct slub_config *cfg)
{
	const char *v = getenv("SLUB_SHEAVES");
	char *end;
	unsigned long n;

	if (cfg->sheaves == SLUB_NO_SHEAVES) {
		slub_sheaves = 0;
		return 0;
	}
	if (!cfg->sheaves && v && *v) {
		errno = 0;
		n = strtoul(v, &end, 10);
		if (errno || *end || *v < '0' || *v > '9' ||
		    n > MAX_SHEAF_CAPACITY) {
			pr_err("SLUB: SLUB_SHEAVES=%s: expected a sheaf capacity "
			       "from 0 to %u\n", v, MAX_SHEAF_CAPACITY);
			return -EINVAL;
		}
		cfg->sheaves = n;
	}
	if (cfg->sheaves > MAX_SHEAF_CAPACITY) {
		pr_err("SLUB: sheaves %u: expected a sheaf capacity from 0 to "
		       "%u\n", cfg->sheaves, MAX_SHEAF_CAPACITY);
		return -EINVAL;
	}
	slub_sheaves = cfg->sheaves;
	return 0;
}
/* Functions of the sheaves and barns */
#line 11967 "slub.nw"
static unsigned int cache_sheaf_capacity(struct kmem_cache *s)
{
	unsigned int cap = create_sheaf_capacity ? create_sheaf_capacity :
						   slub_sheaves;

	if (kmem_cache_debug(s))
		return 0;
	return cap;
}

static int init_cache_sheaves(struct kmem_cache *s)
{
	unsigned int cap = cache_sheaf_capacity(s);

	if (!cap || slab_state < UP)
		return 1;
	return alloc_cache_sheaves(s, cap);
}

static int bootstrap_cache_sheaves(void)
{
	struct kmem_cache *s;

	list_for_each_entry(s, &slab_caches, list) {
		unsigned int cap = cache_sheaf_capacity(s);

		if (!cap || s->cpu_sheaves)
			continue;
		if (!alloc_cache_sheaves(s, cap))
			return -ENOMEM;
		flush_all(s);
	}
	return 0;
}
/* Functions of the sheaves and barns */
#line 12009 "slub.nw"
static int alloc_cache_sheaves(struct kmem_cache *s, unsigned int cap)
{
	struct slub_percpu_sheaves *pcs;
	int cpu, node;

	pcs = kzalloc(nr_cpu_ids * sizeof(*pcs), GFP_KERNEL);
	if (!pcs)
		return 0;
	s->cpu_sheaves = pcs;
	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		local_trylock_init(&pcs[cpu].lock, cpu);
		pcs[cpu].main = alloc_empty_sheaf(s, cap, GFP_KERNEL);
		if (!pcs[cpu].main)
			goto fail;
	}
	for (node = 0; node < nr_node_ids; node++) {
		struct node_barn *barn = kzalloc(sizeof(*barn), GFP_KERNEL);

		if (!barn)
			goto fail;
		spin_lock_init(&barn->lock);
		INIT_LIST_HEAD(&barn->sheaves_full);
		INIT_LIST_HEAD(&barn->sheaves_empty);
		get_node(s, node)->barn = barn;
	}
	__atomic_store_n(&s->sheaf_capacity, cap, __ATOMIC_RELEASE);
	return 1;
fail:
	free_cache_sheaves(s);
	return 0;
}
/* Functions of the sheaves and barns */
#line 12050 "slub.nw"
static struct slab_sheaf *alloc_empty_sheaf(struct kmem_cache *s,
					    unsigned int capacity, gfp_t gfp)
{
	struct slab_sheaf *sheaf;

	memcg_skip_account++;
	sheaf = kmalloc(sizeof(*sheaf) + capacity * sizeof(void *),
			gfp & ~__GFP_ZERO);
	memcg_skip_account--;
	if (!sheaf)
		return NULL;
	INIT_LIST_HEAD(&sheaf->barn_list);
	sheaf->cache = s;
	sheaf->capacity = capacity;
	sheaf->size = 0;
	sheaf->node = NUMA_NO_NODE;
	sheaf->held_id = 0;
	stat_at(s, SHEAF_ALLOC, NULL, NULL, "capacity %u", capacity);
	return sheaf;
}

static void free_empty_sheaf(struct kmem_cache *s, struct slab_sheaf *sheaf)
{
	kfree(sheaf);
	stat(s, SHEAF_FREE);
}
/* Functions of the sheaves and barns */
#line 12172 "slub.nw"
static inline struct slub_percpu_sheaves *pcs_trylock(struct kmem_cache *s)
{
	struct slub_percpu_sheaves *pcs;
	int r;

	if (cpu_rseq) {
		do {
			pcs = per_cpu_ptr(s->cpu_sheaves, raw_cpu_id());
			r = local_rseq_trylock(&pcs->lock);
		} while (r == LOCAL_RSEQ_ELSEWHERE);
		return r == LOCAL_RSEQ_TAKEN ? pcs : NULL;
	}
	pcs = per_cpu_ptr(s->cpu_sheaves, smp_processor_id());
	if (unlikely(!local_trylock(&pcs->lock)))
		return NULL;
	return pcs;
}

static inline void pcs_unlock(struct slub_percpu_sheaves *pcs)
{
	local_unlock(&pcs->lock);
}
/* Functions of the sheaves and barns */
#line 12422 "slub.nw"
static void *slab_alloc_sheaves(struct kmem_cache *s, gfp_t gfp, int node,
				unsigned long addr)
{
	void *object;

	(void)addr;
	slub_point(SLUB_POINT_SHEAF_ALLOC);
	if (node == NUMA_NO_NODE || node == numa_mem_id()) {
		object = alloc_from_pcs(s, gfp);
		if (likely(object))
			return object;
	}
	object = __slab_alloc_sheaves(s, gfp, node);
	stat_at(s, ALLOC_SLOWPATH, object, NULL);
	return object;
}

static void *alloc_from_pcs(struct kmem_cache *s, gfp_t gfp)
{
	struct slub_percpu_sheaves *pcs;
	struct slab_sheaf *main;
	void *object;

	if (cpu_rseq && (object = cpu_rseq_sheaf_pop(s))) {
		stat_at(s, ALLOC_FASTPATH, object, NULL, "sheaves: the main sheaf's last");
		return object;
	}
	pcs = pcs_trylock(s);
	if (unlikely(!pcs))
		return NULL;
	main = pcs->main;
	if (unlikely(!main->size)) {
		if (!__pcs_replace_empty_main(s, pcs, gfp)) {
			pcs_unlock(pcs);
			return NULL;
		}
		main = pcs->main;
	}
	object = main->objects[--main->size];
	pcs_unlock(pcs);
	stat_at(s, ALLOC_FASTPATH, object, NULL, "sheaves: the main sheaf's last");
	return object;
}
/* Functions of the sheaves and barns */
#line 12476 "slub.nw"
static bool __pcs_replace_empty_main(struct kmem_cache *s,
				     struct slub_percpu_sheaves *pcs,
				     gfp_t gfp)
{
	struct node_barn *barn = get_barn(s);
	struct slab_sheaf *full;

	if (pcs->spare && pcs->spare->size) {
		swap(pcs->main, pcs->spare);
		slub_step(s, NULL, NULL, "the spare sheaf has %u objects",
			  pcs->main->size);
		return true;
	}
	if (!pcs->spare) {
		full = barn_get_full_sheaf(barn);
		if (full) {
			pcs->spare = pcs->main;
			pcs->main = full;
		}
	} else {
		full = barn_replace_empty_sheaf(barn, pcs->main);
		if (full)
			pcs->main = full;
	}
	if (full) {
		stat_at(s, BARN_GET, NULL, NULL, "%u objects", full->size);
		return true;
	}
	stat(s, BARN_GET_FAIL);
	return refill_sheaf(s, pcs->main, gfp) > 0;
}
/* Functions of the sheaves and barns */
#line 12530 "slub.nw"
static inline struct node_barn *get_barn(struct kmem_cache *s)
{
	return get_node(s, numa_mem_id())->barn;
}
/* Functions of the sheaves and barns */
#line 12555 "slub.nw"
static unsigned int refill_objects(struct kmem_cache *s, void **p,
				   gfp_t gfp, unsigned int max, int node)
{
	struct kmem_cache_node *n;
	struct page *page, *t __maybe_unused;
	unsigned int filled = 0;

	if (node == NUMA_NO_NODE)
		node = numa_mem_id();
	n = get_node(s, node);
	if (READ_ONCE(n->nr_partial)) {
		spin_lock(&n->list_lock);
		list_for_each_entry_safe(page, t, &n->partial, lru) {
			filled += take_objects(s, page, p + filled,
					       max - filled);
			if (!READ_ONCE(page->freelist))
				remove_partial(n, page);
			if (filled == max)
				break;
		}
		spin_unlock(&n->list_lock);
	}
	while (filled < max) {
		page = new_slab(s, gfp, node);
		if (!page)
			break;
		stat_at(s, ALLOC_SLAB, NULL, page, "sheaves: for a refill");
		filled += take_new_slab_objects(s, n, page, p + filled,
						max - filled);
	}
	return filled;
}
/* Functions of the sheaves and barns */
#line 12595 "slub.nw"
static unsigned int take_objects(struct kmem_cache *s, struct page *page,
				 void **p, unsigned int max)
{
	void *freelist, *object;
	unsigned long counters;
	struct page new;
	unsigned int k;

	do {
		freelist = __atomic_load_n(&page->freelist, __ATOMIC_ACQUIRE);
		counters = READ_ONCE(page->counters);
		new.counters = counters;
		for (k = 0, object = freelist; object && k < max; k++) {
			p[k] = object;
			object = get_freepointer(s, object);
		}
		new.inuse += k;
	} while (!cmpxchg_double_slab(s, page, freelist, counters, object,
				      new.counters, "take_objects"));
	slub_step(s, NULL, page, "%u objects taken", k);
	return k;
}
/* Functions of the sheaves and barns */
#line 12625 "slub.nw"
static unsigned int take_new_slab_objects(struct kmem_cache *s,
		struct kmem_cache_node *n, struct page *page, void **p,
		unsigned int max)
{
	void *object = page->freelist;
	struct page new;
	unsigned int k;

	for (k = 0; object && k < max; k++) {
		p[k] = object;
		object = get_freepointer(s, object);
	}
	new.counters = page->counters;
	new.inuse = k;
	new.frozen = 0;
	WRITE_ONCE(page->freelist, object);
	WRITE_ONCE(page->counters, new.counters);
	if (object) {
		spin_lock(&n->list_lock);
		add_partial(n, page, DEACTIVATE_TO_HEAD);
		spin_unlock(&n->list_lock);
	}
	slub_step(s, NULL, page, "%u objects taken", k);
	return k;
}
/* Functions of the sheaves and barns */
#line 12658 "slub.nw"
static unsigned int refill_sheaf(struct kmem_cache *s,
				 struct slab_sheaf *sheaf, gfp_t gfp)
{
	unsigned int filled, i;

	filled = refill_objects(s, sheaf->objects + sheaf->size, gfp,
				sheaf->capacity - sheaf->size, NUMA_NO_NODE);
	for (i = 0; i < filled; i++)
		stat_at(s, SHEAF_REFILL, sheaf->objects[sheaf->size + i], NULL);
	sheaf->size += filled;
	return filled;
}

static void *__slab_alloc_sheaves(struct kmem_cache *s, gfp_t gfp, int node)
{
	void *object;

	if (!refill_objects(s, &object, gfp, 1, node))
		return NULL;
	return object;
}
/* Functions of the sheaves and barns */
#line 12695 "slub.nw"
static noinline void slab_free_sheaves(struct kmem_cache *s,
				       struct page *page, void *x,
				       unsigned long addr)
{
	slub_point(SLUB_POINT_SHEAF_FREE);
	if (likely(page_to_nid(page) == numa_mem_id()) &&
	    likely(free_to_pcs(s, x)))
		return;
	__slab_free(s, page, x, addr);
}

static bool free_to_pcs(struct kmem_cache *s, void *object)
{
	struct slub_percpu_sheaves *pcs;
	struct slab_sheaf *main;

	if (cpu_rseq && cpu_rseq_sheaf_push(s, object)) {
		stat_at(s, FREE_FASTPATH, object, NULL, "sheaves: into the main sheaf");
		return true;
	}
	pcs = pcs_trylock(s);
	if (unlikely(!pcs))
		return false;
	main = pcs->main;
	if (unlikely(main->size == main->capacity)) {
		__pcs_replace_full_main(s, pcs);
		main = pcs->main;
	}
	main->objects[main->size++] = object;
	pcs_unlock(pcs);
	stat_at(s, FREE_FASTPATH, object, NULL, "sheaves: into the main sheaf");
	return true;
}
/* Functions of the sheaves and barns */
#line 12751 "slub.nw"
static void __pcs_replace_full_main(struct kmem_cache *s,
				    struct slub_percpu_sheaves *pcs)
{
	struct node_barn *barn = get_barn(s);
	struct slab_sheaf *empty;

	if (pcs->spare && pcs->spare->size < pcs->spare->capacity) {
		swap(pcs->main, pcs->spare);
		slub_step(s, NULL, NULL, "the spare sheaf has room");
		return;
	}
	if (!pcs->spare) {
		empty = barn_get_empty_sheaf(barn);
		if (!empty)
			empty = alloc_empty_sheaf(s, s->sheaf_capacity,
						  GFP_NOWAIT);
		if (empty) {
			pcs->spare = pcs->main;
			pcs->main = empty;
			return;
		}
	} else {
		empty = barn_replace_full_sheaf(barn, pcs->main);
		if (!IS_ERR(empty)) {
			stat(s, BARN_PUT);
			pcs->main = empty;
			return;
		}
		if (PTR_ERR(empty) == -E2BIG)
			stat(s, BARN_PUT_FAIL);
		else if ((empty = alloc_empty_sheaf(s, s->sheaf_capacity,
						    GFP_NOWAIT))) {
			barn_put_full_sheaf(barn, pcs->main);
			stat(s, BARN_PUT);
			pcs->main = empty;
			return;
		}
	}
	sheaf_flush(s, pcs->main);
}
/* Functions of the sheaves and barns */
#line 12822 "slub.nw"
static void sheaf_flush(struct kmem_cache *s, struct slab_sheaf *sheaf)
{
	unsigned int i = 0, n = sheaf->size, j;

	for (j = 0; j < n; j++) {
		prefetchw((char *)sheaf->objects[j] + s->offset);
		prefetchw(virt_to_page(sheaf->objects[j]));
	}
	while (i < n) {
		struct page *page = virt_to_head_page(sheaf->objects[i]);

		stat_at(s, SHEAF_FLUSH, sheaf->objects[i], page);
		for (j = i + 1; j < n &&
		     virt_to_head_page(sheaf->objects[j]) == page; j++) {
			stat_at(s, SHEAF_FLUSH, sheaf->objects[j], page);
			set_freepointer(s, sheaf->objects[j - 1],
					sheaf->objects[j]);
		}
		slab_free_chain(s, page, sheaf->objects[i],
				sheaf->objects[j - 1], j - i);
		i = j;
	}
	sheaf->size = 0;
}
/* Functions of the sheaves and barns */
#line 12858 "slub.nw"
static void slab_free_chain(struct kmem_cache *s, struct page *page,
			    void *head, void *tail, unsigned int cnt)
{
	struct kmem_cache_node *n = NULL;
	unsigned long counters;
	struct page new;
	void *prior;

	do {
		if (n) {
			spin_unlock(&n->list_lock);
			n = NULL;
		}
		prior = READ_ONCE(page->freelist);
		counters = READ_ONCE(page->counters);
		set_freepointer(s, tail, prior);
		new.counters = counters;
		new.inuse -= cnt;
		if (!new.inuse || !prior) {
			n = get_node(s, page_to_nid(page));
			spin_lock(&n->list_lock);
		}
	} while (!cmpxchg_double_slab(s, page, prior, counters, head,
				      new.counters, "slab_free_chain"));
	if (!n)
		return;
	if (!new.inuse && n->nr_partial > s->min_partial) {
		if (prior) {
			remove_partial(n, page);
			stat_at(s, FREE_REMOVE_PARTIAL, NULL, page);
		}
		spin_unlock(&n->list_lock);
		stat_at(s, FREE_SLAB, NULL, page);
		discard_slab(s, page);
		return;
	}
	if (!prior) {
		add_partial(n, page, DEACTIVATE_TO_TAIL);
		stat_at(s, FREE_ADD_PARTIAL, NULL, page);
	}
	spin_unlock(&n->list_lock);
}
/* Functions of the sheaves and barns */
#line 12914 "slub.nw"
static struct slab_sheaf *barn_take(struct node_barn *barn,
				    struct list_head *list,
				    unsigned int *nr)
{
	struct slab_sheaf *sheaf;

	if (!READ_ONCE(*nr))
		return NULL;
	spin_lock(&barn->lock);
	sheaf = list_first_entry_or_null(list, struct slab_sheaf, barn_list);
	if (sheaf) {
		list_del_init(&sheaf->barn_list);
		WRITE_ONCE(*nr, *nr - 1);
	}
	spin_unlock(&barn->lock);
	return sheaf;
}

static struct slab_sheaf *barn_get_full_sheaf(struct node_barn *barn)
{
	return barn_take(barn, &barn->sheaves_full, &barn->nr_full);
}

static struct slab_sheaf *barn_get_empty_sheaf(struct node_barn *barn)
{
	return barn_take(barn, &barn->sheaves_empty, &barn->nr_empty);
}

static void barn_put_full_sheaf(struct node_barn *barn,
				struct slab_sheaf *sheaf)
{
	spin_lock(&barn->lock);
	list_add(&sheaf->barn_list, &barn->sheaves_full);
	WRITE_ONCE(barn->nr_full, barn->nr_full + 1);
	spin_unlock(&barn->lock);
}

static bool barn_put_empty_sheaf(struct node_barn *barn,
				 struct slab_sheaf *sheaf)
{
	bool put = false;

	spin_lock(&barn->lock);
	if (barn->nr_empty < MAX_EMPTY_SHEAVES) {
		list_add(&sheaf->barn_list, &barn->sheaves_empty);
		WRITE_ONCE(barn->nr_empty, barn->nr_empty + 1);
		put = true;
	}
	spin_unlock(&barn->lock);
	return put;
}
/* Functions of the sheaves and barns */
#line 12968 "slub.nw"
static struct slab_sheaf *barn_replace_empty_sheaf(struct node_barn *barn,
						   struct slab_sheaf *empty)
{
	struct slab_sheaf *full = NULL;

	if (!READ_ONCE(barn->nr_full))
		return NULL;
	spin_lock(&barn->lock);
	if (barn->nr_full && barn->nr_empty < MAX_EMPTY_SHEAVES) {
		full = list_first_entry(&barn->sheaves_full,
					struct slab_sheaf, barn_list);
		list_del_init(&full->barn_list);
		list_add(&empty->barn_list, &barn->sheaves_empty);
		WRITE_ONCE(barn->nr_full, barn->nr_full - 1);
		WRITE_ONCE(barn->nr_empty, barn->nr_empty + 1);
	}
	spin_unlock(&barn->lock);
	return full;
}

static struct slab_sheaf *barn_replace_full_sheaf(struct node_barn *barn,
						  struct slab_sheaf *full)
{
	struct slab_sheaf *empty = ERR_PTR(-ENOMEM);

	if (READ_ONCE(barn->nr_full) >= MAX_FULL_SHEAVES)
		return ERR_PTR(-E2BIG);
	spin_lock(&barn->lock);
	if (barn->nr_full >= MAX_FULL_SHEAVES) {
		empty = ERR_PTR(-E2BIG);
	} else if (barn->nr_empty) {
		empty = list_first_entry(&barn->sheaves_empty,
					 struct slab_sheaf, barn_list);
		list_del_init(&empty->barn_list);
		list_add(&full->barn_list, &barn->sheaves_full);
		WRITE_ONCE(barn->nr_empty, barn->nr_empty - 1);
		WRITE_ONCE(barn->nr_full, barn->nr_full + 1);
	}
	spin_unlock(&barn->lock);
	return empty;
}
/* Functions of the sheaves and barns */
#line 13025 "slub.nw"
static void flush_cpu_sheaves(struct kmem_cache *s, int cpu)
{
	struct slub_percpu_sheaves *pcs = per_cpu_ptr(s->cpu_sheaves, cpu);

	local_lock(&pcs->lock);
	sheaf_flush(s, pcs->main);
	if (pcs->spare) {
		sheaf_flush(s, pcs->spare);
		free_empty_sheaf(s, pcs->spare);
		pcs->spare = NULL;
	}
	local_unlock(&pcs->lock);
}

static void barn_shrink(struct kmem_cache *s, struct node_barn *barn)
{
	struct slab_sheaf *sheaf;

	while ((sheaf = barn_get_full_sheaf(barn))) {
		sheaf_flush(s, sheaf);
		free_empty_sheaf(s, sheaf);
	}
	while ((sheaf = barn_get_empty_sheaf(barn)))
		free_empty_sheaf(s, sheaf);
}

static void flush_all_sheaves(struct kmem_cache *s)
{
	int cpu, node;

	if (!s->cpu_sheaves)
		return;
	for (cpu = 0; cpu < nr_cpu_ids; cpu++)
		flush_cpu_sheaves(s, cpu);
	for (node = 0; node < nr_node_ids; node++)
		barn_shrink(s, get_node(s, node)->barn);
}

void slub_cpu_dead(int cpu)
{
	struct kmem_cache *s;

	if (cpu < 0 || cpu >= nr_cpu_ids)
		return;
	slab_mutex_lock();
	list_for_each_entry(s, &slab_caches, list)
		if (s->cpu_sheaves)
			flush_cpu_sheaves(s, cpu);
	slab_mutex_unlock();
}
/* Functions of the sheaves and barns */
#line 13081 "slub.nw"
static void free_cache_sheaves(struct kmem_cache *s)
{
	int cpu, node;

	if (!s->cpu_sheaves)
		return;
	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		struct slub_percpu_sheaves *pcs = per_cpu_ptr(s->cpu_sheaves,
							      cpu);

		if (pcs->main)
			free_empty_sheaf(s, pcs->main);
		if (pcs->spare)
			free_empty_sheaf(s, pcs->spare);
	}
	for (node = 0; node < nr_node_ids; node++) {
		struct kmem_cache_node *n = get_node(s, node);

		if (n && n->barn) {
			barn_shrink(s, n->barn);
			pthread_mutex_destroy(&n->barn->lock);
			kfree(n->barn);
			n->barn = NULL;
		}
	}
	kfree(s->cpu_sheaves);
	s->cpu_sheaves = NULL;
	s->sheaf_capacity = 0;
}
/* Functions of the sheaves and barns */
#line 13144 "slub.nw"
struct slab_sheaf *kmem_cache_prefill_sheaf(struct kmem_cache *s,
					    gfp_t gfp, unsigned int size)
{
	struct slab_sheaf *sheaf = NULL;
	struct slub_percpu_sheaves *pcs;
	unsigned int cap = READ_ONCE(s->sheaf_capacity);
	bool oversize = size > cap || !cap;	/* !cap: no sheaves */

	slub_observer_check();
	if (oversize) {
		if (size > MAX_SHEAF_CAPACITY)
			return NULL;
		stat(s, SHEAF_PREFILL_OVERSIZE);
		cap = size;
	} else if ((pcs = pcs_trylock(s))) {
		if (pcs->spare) {
			sheaf = pcs->spare;
			pcs->spare = NULL;
			stat(s, SHEAF_PREFILL_FAST);
		}
		pcs_unlock(pcs);
	}
	if (!sheaf && !oversize) {
		stat(s, SHEAF_PREFILL_SLOW);
		sheaf = barn_get_full_sheaf(get_barn(s));
		stat(s, sheaf ? BARN_GET : BARN_GET_FAIL);
	}
	if (!sheaf)
		sheaf = alloc_empty_sheaf(s, cap, gfp);
	if (!sheaf)
		return NULL;
	if (sheaf->size < size && kmem_cache_debug(s))
		fill_debug_sheaf(s, sheaf, size, gfp);
	else if (sheaf->size < size && oversize)
		fill_oversize_sheaf(s, sheaf, gfp);
	else if (sheaf->size < size)
		refill_sheaf(s, sheaf, gfp);
	if (sheaf->size < size) {
		kmem_cache_return_sheaf(s, gfp, sheaf);
		return NULL;
	}
	slub_sheaf_held(sheaf);
	return sheaf;
}
/* Functions of the sheaves and barns */
#line 13200 "slub.nw"
static void fill_oversize_sheaf(struct kmem_cache *s,
				struct slab_sheaf *sheaf, gfp_t gfp)
{
	unsigned int i;

	sheaf->size += refill_objects(s, sheaf->objects + sheaf->size, gfp,
				      sheaf->capacity - sheaf->size,
				      NUMA_NO_NODE);
	if (sheaf->size < sheaf->capacity)
		return;		/* the prefill fails; nothing allocated */
	for (i = 0; i < sheaf->size; i++)
		stat_at(s, ALLOC_SLOWPATH, sheaf->objects[i], NULL);
}
/* Functions of the sheaves and barns */
#line 13223 "slub.nw"
static void fill_debug_sheaf(struct kmem_cache *s, struct slab_sheaf *sheaf,
			     unsigned int size, gfp_t gfp)
{
	unsigned int n = size - sheaf->size;

	if (kmem_cache_alloc_bulk(s, gfp & ~__GFP_ZERO, n,
				  sheaf->objects + sheaf->size))
		sheaf->size = size;
}
/* Functions of the sheaves and barns */
#line 13241 "slub.nw"
void kmem_cache_return_sheaf(struct kmem_cache *s, gfp_t gfp,
			     struct slab_sheaf *sheaf)
{
	struct slub_percpu_sheaves *pcs;

	(void)gfp;
	slub_observer_check();
	slub_sheaf_released(sheaf);
	if (sheaf->capacity && sheaf->capacity == s->sheaf_capacity &&
	    (pcs = pcs_trylock(s))) {
		if (!pcs->spare) {
			pcs->spare = sheaf;
			pcs_unlock(pcs);
			stat(s, SHEAF_RETURN_FAST);
			return;
		}
		pcs_unlock(pcs);
		stat(s, SHEAF_RETURN_SLOW);
		if (sheaf->size == sheaf->capacity &&
		    !IS_ERR(barn_put_full_if_room(get_barn(s), sheaf)))
			return;
		if (!sheaf->size && barn_put_empty_sheaf(get_barn(s), sheaf))
			return;
	}
	if (kmem_cache_debug(s)) {
		kmem_cache_free_bulk(s, sheaf->size, sheaf->objects);
		sheaf->size = 0;
	}
	sheaf_flush(s, sheaf);
	free_empty_sheaf(s, sheaf);
}

static void *barn_put_full_if_room(struct node_barn *barn,
				   struct slab_sheaf *sheaf)
{
	void *ret = ERR_PTR(-E2BIG);

	spin_lock(&barn->lock);
	if (barn->nr_full < MAX_FULL_SHEAVES) {
		list_add(&sheaf->barn_list, &barn->sheaves_full);
		WRITE_ONCE(barn->nr_full, barn->nr_full + 1);
		ret = sheaf;
	}
	spin_unlock(&barn->lock);
	return ret;
}
/* Functions of the sheaves and barns */
#line 13300 "slub.nw"
void *kmem_cache_alloc_from_sheaf(struct kmem_cache *s, gfp_t gfp,
				  struct slab_sheaf *sheaf)
{
	void *object;

	slub_observer_check();
	if (!sheaf->size)
		return NULL;
	object = sheaf->objects[--sheaf->size];
	slub_step(s, object, NULL, "slot %u of a prefilled sheaf",
		  sheaf->size);
	if (unlikely(gfp & __GFP_ZERO))
		memset(object, 0, s->object_size);
	return object;
}

unsigned int kmem_cache_sheaf_size(struct slab_sheaf *sheaf)
{
	return sheaf->size;
}
/* Functions of the sheaves and barns */
#line 13337 "slub.nw"
static void sheaves_fork_prepare(void)
{
	struct kmem_cache *s;
	int i;

	list_for_each_entry(s, &slab_caches, list) {
		if (!s->cpu_sheaves)
			continue;
		for (i = 0; i < nr_cpu_ids; i++)
			local_lock(&per_cpu_ptr(s->cpu_sheaves, i)->lock);
		for (i = 0; i < nr_node_ids; i++)
			spin_lock(&get_node(s, i)->barn->lock);
	}
}

static void sheaves_fork_release(bool child)
{
	struct kmem_cache *s;
	int i;

	list_for_each_entry(s, &slab_caches, list) {
		if (!s->cpu_sheaves)
			continue;
		for (i = nr_node_ids - 1; i >= 0; i--) {
			spinlock_t *l = &get_node(s, i)->barn->lock;

			if (child)
				spin_lock_init(l);
			else
				spin_unlock(l);
		}
		for (i = 0; i < nr_cpu_ids; i++) {
			local_trylock_t *l = &per_cpu_ptr(s->cpu_sheaves,
							  i)->lock;

			if (child)
				local_trylock_init(l, i);
			else
				local_unlock(l);
		}
	}
	if (child)
		cpu_rseq_unpin();	/* taking the locks moved the thread */
}
/* Give the cpu slab back to its node: deactivate_slab */
#line 4387 "slub.nw"
static void deactivate_slab(struct kmem_cache *s, struct page *page,
			    void *freelist)
{
	enum slab_modes { M_NONE, M_PARTIAL, M_FULL, M_FREE };
	struct kmem_cache_node *n = get_node(s, page_to_nid(page));
	int lock = 0;
	enum slab_modes l = M_NONE, m = M_NONE;
	void *nextfree;
	int tail = DEACTIVATE_TO_HEAD;
	struct page new, old;

	if (READ_ONCE(page->freelist)) {
		stat_at(s, DEACTIVATE_REMOTE_FREES, NULL, page);
		tail = DEACTIVATE_TO_TAIL;
	}

	/* Move all but one of the CPU's free objects to the frozen slab */
#line 4422 "slub.nw"
	while (freelist && (nextfree = get_freepointer(s, freelist))) {
		void *prior;
		unsigned long counters;

		do {
			prior = READ_ONCE(page->freelist);
			counters = READ_ONCE(page->counters);
			set_freepointer(s, freelist, prior);
			new.counters = counters;
			new.inuse--;
			VM_BUG_ON(!new.frozen);
		} while (!__cmpxchg_double_slab(s, page, prior, counters,
						freelist, new.counters,
						"drain percpu freelist"));
		freelist = nextfree;
	}
#line 4403 "slub.nw"
redo:

	/* Compute the slab's state after the last object returns */
#line 4450 "slub.nw"
	old.freelist = READ_ONCE(page->freelist);
	old.counters = READ_ONCE(page->counters);
	VM_BUG_ON(!old.frozen);
	new.counters = old.counters;
	if (freelist) {
		new.inuse--;
		set_freepointer(s, freelist, old.freelist);
		new.freelist = freelist;
	} else {
		new.freelist = old.freelist;
	}
	new.frozen = 0;
	if (!new.inuse && READ_ONCE(n->nr_partial) > s->min_partial) {
		m = M_FREE;
	} else if (new.freelist) {
		m = M_PARTIAL;
		if (!lock) {
			lock = 1;
			spin_lock(&n->list_lock);
		}
	} else {
		m = M_FULL;
		if (kmem_cache_debug(s) && !lock) {
			lock = 1;
			spin_lock(&n->list_lock);
		}
	}
#line 4405 "slub.nw"

	/* Put the slab on the list of its new state */
#line 4480 "slub.nw"
	if (l != m) {
		if (l == M_PARTIAL)
			remove_partial(n, page);
		else if (l == M_FULL)
			remove_full(s, n, page);
		if (m == M_PARTIAL) {
			add_partial(n, page, tail);
			stat_at(s, tail, NULL, page);
		} else if (m == M_FULL) {
			stat_at(s, DEACTIVATE_FULL, NULL, page);
			add_full(s, n, page);
		}
	}
#line 4406 "slub.nw"
	l = m;
	if (!__cmpxchg_double_slab(s, page, old.freelist, old.counters,
				   new.freelist, new.counters,
				   "unfreezing slab"))
		goto redo;
	if (lock)
		spin_unlock(&n->list_lock);
	if (m == M_FREE) {
		stat_at(s, DEACTIVATE_EMPTY, NULL, page);
		discard_slab(s, page);
		stat_at(s, FREE_SLAB, NULL, page);
	}
}
/* Deactivate the slabs of one CPU or of all: flush_slab and flush_all */
#line 4511 "slub.nw"
static inline void flush_slab(struct kmem_cache *s, struct kmem_cache_cpu *c)
{
	stat_at(s, CPUSLAB_FLUSH, NULL, c->page);
	deactivate_slab(s, c->page, READ_ONCE(c->freelist));
	WRITE_ONCE(c->tid, next_tid(READ_ONCE(c->tid)));
	WRITE_ONCE(c->page, NULL);
	WRITE_ONCE(c->freelist, NULL);
}

static inline void __flush_cpu_slab(struct kmem_cache *s, int cpu)
{
	struct kmem_cache_cpu *c = per_cpu_ptr(s->cpu_slab, cpu);

	if (c->page)
		flush_slab(s, c);
	unfreeze_partials(s, c);
}

static void flush_all(struct kmem_cache *s)
{
	int cpu;

	flush_all_sheaves(s);
	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		struct kmem_cache_cpu *c = per_cpu_ptr(s->cpu_slab, cpu);

		cpu_lock(c);
		if (c->page || c->partial)
			__flush_cpu_slab(s, cpu);
		cpu_unlock(c);
	}
	slub_step(s, NULL, NULL);
}
/* Sort the partial lists and free the empty slabs: kmem_cache_shrink */
#line 4557 "slub.nw"
static int __kmem_cache_shrink(struct kmem_cache *s)
{
	int objects = oo_objects(s->max);
	struct list_head *slabs_by_inuse;
	struct kmem_cache_node *n;
	struct page *page, *t __maybe_unused;
	int node, i;

	slabs_by_inuse = kmalloc(sizeof(struct list_head) * objects,
				 GFP_KERNEL);
	if (!slabs_by_inuse)
		return -ENOMEM;
	flush_all(s);
	for (node = 0; node < nr_node_ids; node++) {
		n = get_node(s, node);
		if (!READ_ONCE(n->nr_partial))
			continue;
		for (i = 0; i < objects; i++)
			INIT_LIST_HEAD(slabs_by_inuse + i);

		/* Sort the node's partial slabs by objects in use */
#line 4604 "slub.nw"
		spin_lock(&n->list_lock);
		list_for_each_entry_safe(page, t, &n->partial, lru) {
			list_move(&page->lru, slabs_by_inuse + page->inuse);
			if (!page->inuse)
				WRITE_ONCE(n->nr_partial, n->nr_partial - 1);
		}
		for (i = objects - 1; i > 0; i--)
			list_splice(slabs_by_inuse + i, n->partial.prev);
		spin_unlock(&n->list_lock);
#line 4577 "slub.nw"
		while (!list_empty(slabs_by_inuse)) {
			page = list_first_entry(slabs_by_inuse, struct page,
						lru);
			list_del(&page->lru);
			discard_slab(s, page);
		}
	}
	kfree(slabs_by_inuse);
	rcu_barrier();
	slub_step(s, NULL, NULL);
	return 0;
}

int kmem_cache_shrink(struct kmem_cache *s)
{
	slub_observer_check();
	return __kmem_cache_shrink(s);
}
/* Choose the general cache for a size: kmalloc_slab */
#line 4706 "slub.nw"
static inline int size_index_elem(size_t bytes)
{
	return (bytes - 1) / 8;
}

static struct kmem_cache *kmalloc_slab(size_t size, gfp_t flags)
{
	int index;

	(void)flags;
	if (unlikely(size > KMALLOC_MAX_SIZE))
		return NULL;
	if (size <= 192) {
		if (!size)
			return ZERO_SIZE_PTR;
		index = size_index[size_index_elem(size)];
	} else {
		index = fls(size - 1);
	}
	return kmalloc_caches[index];
}

static inline int kmalloc_size(int n)
{
	if (n > 2)
		return 1 << n;
	if (n == 1 && KMALLOC_MIN_SIZE <= 32)
		return 96;
	if (n == 2 && KMALLOC_MIN_SIZE <= 64)
		return 192;
	return 0;
}
/* Allocate by size from the general caches: do_kmalloc_node */
#line 4761 "slub.nw"
static __always_inline void *do_kmalloc_node(size_t size, gfp_t flags,
					     int node, unsigned long caller)
{
	struct kmem_cache *s;

	if (unlikely(size > KMALLOC_MAX_CACHE_SIZE)) {
		if (!slub_ensure_running())
			return NULL;
		return kmalloc_large_node(size, flags, node);
	}
	s = kmalloc_slab(size, flags);
	if (unlikely(ZERO_OR_NULL_PTR(s))) {
		if (!s && !slub_running())
			return kmalloc_first(size, flags, node, caller);
		return s;
	}
	if (node == NUMA_NO_NODE)
		return slab_alloc(s, flags, caller);
	return slab_alloc_node(s, flags, node, caller);
}
/* Give the entry points their caller and start the allocator late: kmalloc and kzalloc */
#line 4788 "slub.nw"
void *kmalloc_node(size_t size, gfp_t flags, int node)
{
	return do_kmalloc_node(size, flags, node, _RET_IP_);
}

void *kmalloc(size_t size, gfp_t flags)
{
	return do_kmalloc_node(size, flags, NUMA_NO_NODE, _RET_IP_);
}

void *__kmalloc_track_caller(size_t size, gfp_t flags, unsigned long caller)
{
	return do_kmalloc_node(size, flags, NUMA_NO_NODE, caller);
}

static noinline void *kmalloc_first(size_t size, gfp_t flags, int node,
				    unsigned long caller)
{
	if (!slub_ensure_running())
		return NULL;
	return do_kmalloc_node(size, flags, node, caller);
}

void *kzalloc(size_t size, gfp_t flags)
{
	return kmalloc(size, flags | __GFP_ZERO);
}
/* Allocate a large block straight from the page allocator: kmalloc_large_node */
#line 4822 "slub.nw"
static void *kmalloc_large_node(size_t size, gfp_t flags, int node)
{
	struct page *page;
	unsigned int order = get_order(size);
	void *ret;

	slub_observer_check();
	if (size > KMALLOC_MAX_SIZE || order >= MAX_ORDER)
		return NULL;
	page = alloc_pages_node(node, flags | __GFP_COMP, order);
	if (!page)
		return NULL;
	__SetPageLargeKmalloc(page);
	slub_page_stats_add_large(1L << order);
	ret = page_address(page);
	if (flags & __GFP_ZERO)
		memset(ret, 0, PAGE_SIZE << order);
	slub_step(NULL, ret, page, "%zu bytes, order %u", size, order);
	return ret;
}
/* Free a block from its pointer alone: kfree */
#line 4859 "slub.nw"
static __always_inline void do_kfree(const void *x, unsigned long caller)
{
	struct page *page;
	void *object = (void *)x;

	if (unlikely(ZERO_OR_NULL_PTR(x)))
		return;
	page = slub_virt_to_head_page_checked(x);
	if (unlikely(!page || !PageSlab(page))) {
		kfree_not_slab(page, x);
		return;
	}
	if (cpu_rseq && likely(!slub_observed() &&
			       !(page->slab_cache->flags & SLAB_TRACE))) {
		rseq_slab_free(page->slab_cache, page, object, caller, false);
		return;
	}
	slab_free(page->slab_cache, page, object, caller);
}

void kfree(const void *x)
{
	do_kfree(x, _RET_IP_);
}

static noinline void kfree_not_slab(struct page *page, const void *x)
{
	if (!page) {
		slab_err_pointer(NULL, x, "kfree of a pointer the allocator never returned");
		return;
	}
	if (!PageLargeKmalloc(page) || page_address(page) != x) {
		slab_err_pointer(NULL, x, "kfree of an invalid pointer");
		return;
	}
	slub_observer_check();
	__ClearPageLargeKmalloc(page);
	slub_page_stats_add_large(-(1L << compound_order(page)));
	__free_pages(page, compound_order(page));
}

void __kfree_track_caller(const void *x, unsigned long caller)
{
	do_kfree(x, caller);
}
/* Tell how many bytes a block really holds: ksize */
#line 4907 "slub.nw"
static inline size_t slab_ksize(const struct kmem_cache *s)
{
	if (s->flags & (SLAB_RED_ZONE | SLAB_POISON))
		return s->object_size;
	if (s->flags & (SLAB_DESTROY_BY_RCU | SLAB_STORE_USER))
		return s->inuse;
	return s->size;
}

size_t ksize(const void *object)
{
	struct page *page;

	if (unlikely(object == ZERO_SIZE_PTR) || !object)
		return 0;
	page = slub_virt_to_head_page_checked(object);
	if (!page)
		return 0;
	if (unlikely(!PageSlab(page)))
		return PAGE_SIZE << compound_order(page);
	return slab_ksize(page->slab_cache);
}
/* Allocate and free many objects in one call */
#line 4941 "slub.nw"
int kmem_cache_alloc_bulk(struct kmem_cache *s, gfp_t flags, size_t size,
			  void **p)
{
	size_t i;

	for (i = 0; i < size; i++) {
		p[i] = kmem_cache_alloc(s, flags);
		if (unlikely(!p[i])) {
			kmem_cache_free_bulk(s, i, p);
			return 0;
		}
	}
	return size;
}

void kmem_cache_free_bulk(struct kmem_cache *s, size_t size, void **p)
{
	size_t i;

	for (i = 0; i < size; i++)
		kmem_cache_free(s, p[i]);
}
/* Name a cache, tell its object size, copy a string: kstrdup */
#line 4969 "slub.nw"
const char *kmem_cache_name(const struct kmem_cache *s)
{
	return s->name;
}

unsigned int kmem_cache_size(const struct kmem_cache *s)
{
	return s->object_size;
}

static char *kstrdup(const char *s, gfp_t gfp)
{
	size_t len;
	char *buf;

	if (!s)
		return NULL;
	len = strlen(s) + 1;
	buf = kmalloc(len, gfp);
	if (buf)
		memcpy(buf, s, len);
	return buf;
}
/* Allocate by size with a fallback to vmalloc: kvmalloc and kvfree */
#line 5706 "slub.nw"
void *kvmalloc(size_t size, gfp_t flags)
{
	void *p = NULL;

	if (size <= (PAGE_SIZE << (MAX_ORDER - 1)))
		p = kmalloc(size, size > PAGE_SIZE ?
			    flags | __GFP_NOWARN | __GFP_NORETRY : flags);
	if (p || size <= PAGE_SIZE)
		return p;
	return vmalloc(size);
}

void kvfree(const void *addr)
{
	__kvfree_track_caller(addr, _RET_IP_);
}

void __kvfree_track_caller(const void *addr, unsigned long caller)
{
	if (unlikely(!in_arena(addr)) && is_vmalloc_addr(addr))
		vfree(addr);
	else
		do_kfree(addr, caller);
}
/* Describe an attribute by its name and its handlers: struct slab_attribute */
#line 8757 "slub.nw"
struct slab_attribute {
	const char *name;
	ssize_t (*show)(struct kmem_cache *s, char *buf);
	ssize_t (*store)(struct kmem_cache *s, const char *buf, size_t len);
	int stat;		/* stat_item, or -1 */
	bool action;		/* a write does something; not propagated */
	bool hidden;		/* not a kernel attribute */
};
/* Show the attributes that are one number: SHOW_INT */
#line 8775 "slub.nw"
#define SHOW_INT(_name, expr)						\
static ssize_t _name##_show(struct kmem_cache *s, char *buf)		\
{									\
	return sprintf(buf, "%ld\n", (long)(expr));			\
}

SHOW_INT(slab_size, s->size)
SHOW_INT(align, s->align)
SHOW_INT(object_size, s->object_size)
SHOW_INT(objs_per_slab, oo_objects(s->oo))
SHOW_INT(order, oo_order(s->oo))
SHOW_INT(min_partial, s->min_partial)
SHOW_INT(cpu_partial, s->cpu_partial)
SHOW_INT(aliases, s->refcount - 1)
SHOW_INT(reserved, s->reserved)
SHOW_INT(hwcache_align, !!(s->flags & SLAB_HWCACHE_ALIGN))
SHOW_INT(reclaim_account, !!(s->flags & SLAB_RECLAIM_ACCOUNT))
SHOW_INT(cache_dma, !!(s->flags & SLAB_CACHE_DMA))
SHOW_INT(destroy_by_rcu, !!(s->flags & SLAB_DESTROY_BY_RCU))
SHOW_INT(sanity_checks, !!(s->flags & SLAB_DEBUG_FREE))
SHOW_INT(trace, !!(s->flags & SLAB_TRACE))
SHOW_INT(red_zone, !!(s->flags & SLAB_RED_ZONE))
SHOW_INT(poison, !!(s->flags & SLAB_POISON))
SHOW_INT(store_user, !!(s->flags & SLAB_STORE_USER))
SHOW_INT(failslab, !!(s->flags & SLAB_FAILSLAB))
SHOW_INT(remote_node_defrag_ratio, s->remote_node_defrag_ratio / 10)
/* Show the constructor's name: ctor_show */
#line 8808 "slub.nw"
static ssize_t ctor_show(struct kmem_cache *s, char *buf)
{
	unsigned long fn;
	size_t n;

	if (!s->ctor)
		return 0;
	memcpy(&fn, &s->ctor, sizeof(fn));
	n = sprint_symbol(buf, fn);
	return n + sprintf(buf + n, "\n");
}
/* Count a slab's objects in use, free and in all: count_partial */
#line 8825 "slub.nw"
static int count_inuse(struct page *page)
{
	return page->inuse;
}

static int count_total(struct page *page)
{
	return page->objects;
}

static int count_free(struct page *page)
{
	return page->objects - page->inuse;
}

static unsigned long count_partial(struct kmem_cache_node *n,
				   int (*get_count)(struct page *))
{
	unsigned long x = 0;
	struct page *page;

	spin_lock(&n->list_lock);
	list_for_each_entry(page, &n->partial, lru)
		x += get_count(page);
	spin_unlock(&n->list_lock);
	return x;
}
/* Sum the slabs or objects of a cache by where they are: show_slab_objects */
#line 8863 "slub.nw"
#define SO_ALL		(1 << 0)
#define SO_PARTIAL	(1 << 1)
#define SO_CPU		(1 << 2)
#define SO_OBJECTS	(1 << 3)
#define SO_TOTAL	(1 << 4)

static ssize_t show_slab_objects(struct kmem_cache *s, char *buf,
				 unsigned long flags)
{
	unsigned long total = 0, nodes[MAX_NUMNODES] = { 0 };
	int node, cpu, x;

	if (flags & SO_CPU) {
		for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
			struct kmem_cache_cpu *c = per_cpu_ptr(s->cpu_slab, cpu);
			struct page *page = READ_ONCE(c->page);

			if (!page)
				continue;

			/* Count the CPU's slab and partial chain */
#line 8895 "slub.nw"
			node = page_to_nid(page);
			if (flags & SO_TOTAL)
				x = page->objects;
			else if (flags & SO_OBJECTS)
				x = page->inuse;
			else
				x = 1;
			total += x;
			nodes[node] += x;
			page = READ_ONCE(c->partial);
			if (page && !(flags & (SO_TOTAL | SO_OBJECTS))) {
				node = page_to_nid(page);
				total += page->pages;
				nodes[node] += page->pages;
			}
#line 8883 "slub.nw"
		}
	}

	/* Count the slabs on the nodes */
#line 8913 "slub.nw"
	for (node = 0; node < nr_node_ids; node++) {
		struct kmem_cache_node *n = get_node(s, node);

		if (flags & SO_ALL) {
			if (flags & SO_TOTAL)
				x = READ_ONCE(n->total_objects);
			else if (flags & SO_OBJECTS)
				x = READ_ONCE(n->total_objects) -
				    count_partial(n, count_free);
			else
				x = READ_ONCE(n->nr_slabs);
		} else if (flags & SO_PARTIAL) {
			if (flags & SO_TOTAL)
				x = count_partial(n, count_total);
			else if (flags & SO_OBJECTS)
				x = count_partial(n, count_inuse);
			else
				x = n->nr_partial;
		} else {
			continue;
		}
		total += x;
		nodes[node] += x;
	}
#line 8886 "slub.nw"
	x = sprintf(buf, "%lu", total);
	for (node = 0; node < nr_node_ids; node++)
		if (nodes[node])
			x += sprintf(buf + x, " N%d=%lu", node, nodes[node]);
	return x + sprintf(buf + x, "\n");
}
/* Show the cpu partial chains of every CPU: slabs_cpu_partial_show */
#line 8940 "slub.nw"
#define SHOW_OBJECTS(_name, _flags)					\
static ssize_t _name##_show(struct kmem_cache *s, char *buf)		\
{									\
	return show_slab_objects(s, buf, _flags);			\
}

SHOW_OBJECTS(partial, SO_PARTIAL)
SHOW_OBJECTS(cpu_slabs, SO_CPU)
SHOW_OBJECTS(objects, SO_ALL | SO_OBJECTS)
SHOW_OBJECTS(objects_partial, SO_PARTIAL | SO_OBJECTS)
SHOW_OBJECTS(slabs, SO_ALL)
SHOW_OBJECTS(total_objects, SO_ALL | SO_OBJECTS | SO_TOTAL)

static ssize_t slabs_cpu_partial_show(struct kmem_cache *s, char *buf)
{
	int objects = 0, pages = 0, cpu, len;

	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		struct page *page = per_cpu_ptr(s->cpu_slab, cpu)->partial;

		if (page) {
			pages += page->pages;
			objects += page->pobjects;
		}
	}
	len = sprintf(buf, "%d(%d)", objects, pages);
	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		struct page *page = per_cpu_ptr(s->cpu_slab, cpu)->partial;

		if (page && len < SLAB_ATTR_BUFSIZE - 20)
			len += sprintf(buf + len, " C%d=%d(%d)", cpu,
				       page->pobjects, page->pages);
	}
	return len + sprintf(buf + len, "\n");
}
/* Change the order and the bound on empty slabs: order_store */
#line 8991 "slub.nw"
static int kstrtoul(const char *buf, unsigned long *res)
{
	char *end;

	if (!*buf || *buf == '-' || *buf == ' ')
		return -EINVAL;
	errno = 0;
	*res = strtoul(buf, &end, 10);
	if (errno || end == buf || (*end && strcmp(end, "\n")))
		return -EINVAL;
	return 0;
}

static ssize_t order_store(struct kmem_cache *s, const char *buf, size_t len)
{
	unsigned long order;

	if (kstrtoul(buf, &order) || order > (unsigned long)slub_max_order ||
	    order < (unsigned long)slub_min_order)
		return -EINVAL;
	if (!calculate_sizes(s, order)) {
		calculate_sizes(s, -1);
		return -EINVAL;
	}
	return len;
}

static ssize_t min_partial_store(struct kmem_cache *s, const char *buf,
				 size_t len)
{
	unsigned long min;

	if (kstrtoul(buf, &min))
		return -EINVAL;
	set_min_partial(s, min);
	return len;
}

/* Change the cpu partial bound and the remote defrag ratio: cpu_partial_store */
#line 9033 "slub.nw"
static ssize_t cpu_partial_store(struct kmem_cache *s, const char *buf,
				 size_t len)
{
	unsigned long objects;

	if (kstrtoul(buf, &objects) || objects > INT_MAX)
		return -EINVAL;
	if (objects && !kmem_cache_has_cpu_partial(s))
		return -EINVAL;
	s->cpu_partial = objects;
	flush_all(s);
	return len;
}

static ssize_t remote_node_defrag_ratio_store(struct kmem_cache *s,
					      const char *buf, size_t len)
{
	unsigned long ratio;

	if (kstrtoul(buf, &ratio))
		return -EINVAL;
	if (ratio <= 100)
		s->remote_node_defrag_ratio = ratio * 10;
	return len;
}
/* Switch a debugging flag, on an empty cache if it changes the layout: set_flag */
#line 9068 "slub.nw"
static bool any_slab_objects(struct kmem_cache *s)
{
	int node;

	for (node = 0; node < nr_node_ids; node++)
		if (READ_ONCE(get_node(s, node)->total_objects))
			return true;
	return false;
}

static ssize_t set_flag(struct kmem_cache *s, const char *buf, size_t len,
			unsigned long flag, bool needs_empty, bool resize)
{
	if (needs_empty && any_slab_objects(s))
		return -EBUSY;
	s->flags &= ~flag;
	if (buf[0] == '1') {
		s->flags &= ~__CMPXCHG_DOUBLE;
		s->flags |= flag;
	}
	if (resize)
		calculate_sizes(s, -1);
	return len;
}
/* Give each debugging flag its file: STORE_FLAG */
#line 9100 "slub.nw"
#define STORE_FLAG(_name, flag, empty, resize)				\
static ssize_t _name##_store(struct kmem_cache *s, const char *buf,	\
			     size_t len)				\
{									\
	return set_flag(s, buf, len, flag, empty, resize);		\
}

STORE_FLAG(sanity_checks, SLAB_DEBUG_FREE, false, false)
STORE_FLAG(trace, SLAB_TRACE, false, false)
STORE_FLAG(red_zone, SLAB_RED_ZONE, true, true)
STORE_FLAG(poison, SLAB_POISON, true, true)
STORE_FLAG(store_user, SLAB_STORE_USER, true, true)
/* Switch the flags that leave the layout alone: reclaim_account_store and failslab_store */
#line 9120 "slub.nw"
static ssize_t reclaim_account_store(struct kmem_cache *s, const char *buf,
				     size_t len)
{
	s->flags &= ~SLAB_RECLAIM_ACCOUNT;
	if (buf[0] == '1')
		s->flags |= SLAB_RECLAIM_ACCOUNT;
	return len;
}

static ssize_t failslab_store(struct kmem_cache *s, const char *buf,
			      size_t len)
{
	s->flags &= ~SLAB_FAILSLAB;
	if (buf[0] == '1')
		s->flags |= SLAB_FAILSLAB;
	return len;
}
/* Shrink, validate or flush a cache on a write: validate_store and shrink_store */
#line 9143 "slub.nw"
static ssize_t empty_show(struct kmem_cache *s, char *buf)
{
	(void)s;
	(void)buf;
	return 0;
}

static ssize_t validate_store(struct kmem_cache *s, const char *buf,
			      size_t len)
{
	long ret = -EINVAL;

	if (buf[0] == '1') {
		ret = validate_slab_cache(s);
		if (ret >= 0)
			ret = len;
	}
	return ret;
}

static ssize_t shrink_store(struct kmem_cache *s, const char *buf,
			    size_t len)
{
	int rc;

	if (buf[0] != '1')
		return -EINVAL;
	rc = kmem_cache_shrink(s);
	return rc ? rc : (ssize_t)len;
}

static ssize_t flush_store(struct kmem_cache *s, const char *buf, size_t len)
{
	if (buf[0] != '1')
		return -EINVAL;
	flush_all(s);
	return len;
}
/* Show the allocation and free sites: alloc_calls_show and free_calls_show */
#line 9188 "slub.nw"
static ssize_t alloc_calls_show(struct kmem_cache *s, char *buf)
{
	if (!(s->flags & SLAB_STORE_USER))
		return -ENOSYS;
	return list_locations(s, buf, TRACK_ALLOC);
}

static ssize_t free_calls_show(struct kmem_cache *s, char *buf)
{
	if (!(s->flags & SLAB_STORE_USER))
		return -ENOSYS;
	return list_locations(s, buf, TRACK_FREE);
}
/* Show and clear a stat counter: show_stat and clear_stat */
#line 9207 "slub.nw"
static ssize_t show_stat(struct kmem_cache *s, char *buf, int si)
{
	unsigned long sum = 0;
	int cpu, len;

	for (cpu = 0; cpu < nr_cpu_ids; cpu++)
		sum += READ_ONCE(per_cpu_ptr(s->cpu_slab, cpu)->stat[si]);
	len = sprintf(buf, "%lu", sum);
	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		unsigned x = READ_ONCE(per_cpu_ptr(s->cpu_slab, cpu)->stat[si]);

		if (x && len < SLAB_ATTR_BUFSIZE - 20)
			len += sprintf(buf + len, " C%d=%u", cpu, x);
	}
	return len + sprintf(buf + len, "\n");
}

static ssize_t clear_stat(struct kmem_cache *s, const char *buf, size_t len,
			  int si)
{
	int cpu;

	if (buf[0] != '0')
		return -EINVAL;
	for (cpu = 0; cpu < nr_cpu_ids; cpu++)
		WRITE_ONCE(per_cpu_ptr(s->cpu_slab, cpu)->stat[si], 0);
	return len;
}
/* List every attribute with its handlers: slab_attrs */
#line 9241 "slub.nw"
#define RO(n)	{ #n, n##_show, NULL, -1, false, false }
#define RW(n)	{ #n, n##_show, n##_store, -1, false, false }
#define ACT(n)	{ #n, empty_show, n##_store, -1, true, false }
#define STAT(n)	{ #n, NULL, NULL, n, false, false }

static const struct slab_attribute slab_attrs[] = {
	RO(slab_size), RO(object_size), RO(objs_per_slab), RW(order),
	RW(min_partial), RW(cpu_partial), RO(objects), RO(objects_partial),
	RO(partial), RO(cpu_slabs), RO(ctor), RO(aliases), RO(align),
	RO(hwcache_align), RW(reclaim_account), RO(destroy_by_rcu),
	RO(reserved), RO(slabs_cpu_partial), RO(slabs), RO(total_objects),
	RO(cache_dma), RW(sanity_checks), RW(trace), RW(red_zone),
	RW(poison), RW(store_user), RW(failslab), ACT(validate),
	RO(alloc_calls), RO(free_calls), ACT(shrink),
	RW(remote_node_defrag_ratio),
#ifdef CONFIG_SLUB_STATS
	STAT(ALLOC_FASTPATH), STAT(ALLOC_SLOWPATH), STAT(FREE_FASTPATH),
	STAT(FREE_SLOWPATH), STAT(FREE_FROZEN), STAT(FREE_ADD_PARTIAL),
	STAT(FREE_REMOVE_PARTIAL), STAT(ALLOC_FROM_PARTIAL),
	STAT(ALLOC_SLAB), STAT(ALLOC_REFILL), STAT(ALLOC_NODE_MISMATCH),
	STAT(FREE_SLAB), STAT(CPUSLAB_FLUSH), STAT(DEACTIVATE_FULL),
	STAT(DEACTIVATE_EMPTY), STAT(DEACTIVATE_TO_HEAD),
	STAT(DEACTIVATE_TO_TAIL), STAT(DEACTIVATE_REMOTE_FREES),
	STAT(DEACTIVATE_BYPASS), STAT(ORDER_FALLBACK),
	STAT(CMPXCHG_DOUBLE_CPU_FAIL), STAT(CMPXCHG_DOUBLE_FAIL),
	STAT(CPU_PARTIAL_ALLOC), STAT(CPU_PARTIAL_FREE),
	STAT(CPU_PARTIAL_NODE), STAT(CPU_PARTIAL_DRAIN),

/* The sysfs names of the sheaf counters */
#line 13724 "slub.nw"
STAT(SHEAF_FLUSH), STAT(SHEAF_REFILL), STAT(SHEAF_ALLOC), STAT(SHEAF_FREE),
STAT(BARN_GET), STAT(BARN_GET_FAIL), STAT(BARN_PUT), STAT(BARN_PUT_FAIL),
STAT(SHEAF_PREFILL_FAST), STAT(SHEAF_PREFILL_SLOW),
STAT(SHEAF_PREFILL_OVERSIZE), STAT(SHEAF_RETURN_FAST),
STAT(SHEAF_RETURN_SLOW),
#line 9269 "slub.nw"
#endif
	{ "flush", empty_show, flush_store, -1, true, true },
	{ NULL, NULL, NULL, -1, false, false }
};
/* Find an attribute by name: find_attr */
#line 9279 "slub.nw"
static const char *attr_name(const struct slab_attribute *a)
{
	return a->stat >= 0 ? stat_names[a->stat] : a->name;
}

static const struct slab_attribute *find_attr(const char *name)
{
	int i;

	for (i = 0; slab_attrs[i].name; i++) {
		if (slab_attrs[i].name[0] && !strcmp(attr_name(&slab_attrs[i]),
						      name))
			return &slab_attrs[i];
	}
	return NULL;
}

const char *slub_attr_name(int i)
{
	int k, n = 0;

	for (k = 0; slab_attrs[k].name; k++) {
		if (slab_attrs[k].hidden)
			continue;
		if (n++ == i)
			return attr_name(&slab_attrs[k]);
	}
	return NULL;
}

bool slub_attr_writable(const char *name)
{
	const struct slab_attribute *a = find_attr(name);

	return a && (a->store || a->stat >= 0);
}
/* Tell which attributes a write passes on to the children */
#line 9322 "slub.nw"
static bool attr_propagates(const char *name)
{
	const struct slab_attribute *a = find_attr(name);

	return a && a->show && a->store && !a->action && a->stat < 0;
}
/* Read an attribute of a cache: slab_attr_show */
#line 9334 "slub.nw"
ssize_t slab_attr_show(struct kmem_cache *s, const char *name, char *buf)
{
	const struct slab_attribute *a = find_attr(name);

	if (!s || !a)
		return -ENOENT;
	buf[0] = '\0';
	if (a->stat >= 0)
		return show_stat(s, buf, a->stat);
	return a->show(s, buf);
}
/* Write an attribute of a cache whose mutex is held: __slab_attr_store */
#line 9354 "slub.nw"
static ssize_t __slab_attr_store(struct kmem_cache *s, const char *name,
				 const char *buf, size_t len)
{
	const struct slab_attribute *a = find_attr(name);
	char tmp[SLAB_ATTR_BUFSIZE];
	ssize_t ret;

	if (!s || !a)
		return -ENOENT;
	if (a->stat < 0 && !a->store)
		return -EIO;
	if (len >= sizeof(tmp) || !len)
		return -EINVAL;
	memcpy(tmp, buf, len);
	tmp[len] = '\0';
	if (a->stat >= 0)
		return clear_stat(s, tmp, len, a->stat);
	ret = a->store(s, tmp, len);
	if (ret >= 0 && !a->action && (int)len > s->max_attr_size)
		s->max_attr_size = len;
	return ret;
}
/* Write an attribute of a cache, under the mutex or not: slab_attr_store */
#line 9384 "slub.nw"
ssize_t slab_attr_store(struct kmem_cache *s, const char *name,
			const char *buf, size_t len)
{
	const struct slab_attribute *a = find_attr(name);
	ssize_t ret;

	if (a && (a->action || a->stat >= 0))
		return __slab_attr_store(s, name, buf, len);
	slab_mutex_lock();
	ret = __slab_attr_store(s, name, buf, len);
	slab_mutex_unlock();
	return ret;
}
/* Find a cache by name and name its sysfs directory: slub_sysfs_name */
#line 9403 "slub.nw"
struct kmem_cache *slub_find_cache(const char *name)
{
	struct kmem_cache *s, *found = NULL;
	struct slub_alias *a;

	if (!name || !slub_running())
		return NULL;
	slab_mutex_lock();
	list_for_each_entry(s, &slab_caches, list) {
		if (s->name && !strcmp(s->name, name)) {
			found = s;
			break;
		}
		for (a = s->aliases; a && !found; a = a->next)
			if (!strcmp(a->name, name))
				found = s;
		if (found)
			break;
	}
	slab_mutex_unlock();
	return found;
}

const char *slub_sysfs_name(struct kmem_cache *s, char *buf, size_t len)
{
	snprintf(buf, len, "%s", s->kobj.added ? s->kobj.name : s->name);
	return buf;
}
/* Boot the allocator's own two caches: kmem_cache_init */
#line 9497 "slub.nw"
static struct kmem_cache boot_kmem_cache, boot_kmem_cache_node;

static int kmem_cache_init(void)
{
	struct kmem_cache *s;

	memset(&boot_kmem_cache, 0, sizeof(boot_kmem_cache));
	memset(&boot_kmem_cache_node, 0, sizeof(boot_kmem_cache_node));
	kmem_cache_node = &boot_kmem_cache_node;
	kmem_cache = &boot_kmem_cache;
	if (create_boot_cache(kmem_cache_node, "kmem_cache_node",
			      sizeof(struct kmem_cache_node),
			      SLAB_HWCACHE_ALIGN))
		return -ENOMEM;
	slab_state = PARTIAL;
	if (create_boot_cache(kmem_cache, "kmem_cache",
			      offsetof(struct kmem_cache, node) +
			      nr_node_ids * sizeof(struct kmem_cache_node *),
			      SLAB_HWCACHE_ALIGN))
		return -ENOMEM;
	s = bootstrap(&boot_kmem_cache);
	if (!s)
		return -ENOMEM;
	kmem_cache = s;
	s = bootstrap(&boot_kmem_cache_node);
	if (!s)
		return -ENOMEM;
	kmem_cache_node = s;
	if (create_kmalloc_caches(0))
		return -ENOMEM;
	return bootstrap_cache_sheaves();
}
/* Create the caches of the boot: create_boot_cache and create_kmalloc_cache */
#line 9551 "slub.nw"
static int create_boot_cache(struct kmem_cache *s, const char *name,
			     size_t size, unsigned long flags)
{
	size_t align = ARCH_KMALLOC_MINALIGN;
	int err;

	if (KMALLOC_NATURAL_ALIGN && is_power_of_2(size))
		align = max(align, size);
	s->name = name;
	s->size = s->object_size = size;
	s->align = calculate_alignment(flags, align, size);
	err = __kmem_cache_create(s, flags);
	if (err) {
		pr_err("Creation of kmalloc slab %s size=%zu failed. Reason %d\n",
		       name ? name : "(unnamed)", size, err);
		return err;
	}
	s->refcount = -1;
	return 0;
}

static struct kmem_cache *create_kmalloc_cache(const char *name,
					       size_t size,
					       unsigned long flags)
{
	struct kmem_cache *s = kmem_cache_zalloc(kmem_cache, GFP_NOWAIT);

	if (!s) {
		pr_err("Out of memory when creating slab %s\n",
		       name ? name : "kmalloc");
		return NULL;
	}
	if (create_boot_cache(s, name, size, flags))
		return NULL;
	list_add(&s->list, &slab_caches);
	s->refcount = 1;
	return s;
}
/* Carve the first kmem_cache_node by hand: early_kmem_cache_node_alloc */
#line 9598 "slub.nw"
static int early_kmem_cache_node_alloc(int node)
{
	struct page *page;
	struct kmem_cache_node *n;

	page = new_slab(kmem_cache_node, GFP_NOWAIT, node);
	if (!page) {
		pr_err("SLUB: Unable to allocate memory from node %d\n", node);
		return -ENOMEM;
	}
	n = page->freelist;
	page->freelist = get_freepointer(kmem_cache_node, n);
	page->inuse = 1;
	page->frozen = 0;
	kmem_cache_node->node[node] = n;
	init_object(kmem_cache_node, n, SLUB_RED_ACTIVE);
	init_tracking(kmem_cache_node, n);
	init_kmem_cache_node(n);
	inc_slabs_node(kmem_cache_node, node, page->objects);
	__add_partial(n, page, DEACTIVATE_TO_HEAD);
	return 0;
}
/* Move a boot cache into a real object: bootstrap */
#line 9628 "slub.nw"
static struct kmem_cache *bootstrap(struct kmem_cache *static_cache)
{
	struct kmem_cache *s = kmem_cache_zalloc(kmem_cache, GFP_NOWAIT);
	struct page *p;
	int node, cpu;

	if (!s) {
		pr_err("SLUB: no memory to bootstrap %s\n", static_cache->name);
		return NULL;
	}
	memcpy(s, static_cache, kmem_cache->object_size);
	for (cpu = 0; cpu < nr_cpu_ids; cpu++)
		__flush_cpu_slab(s, cpu);
	for (node = 0; node < nr_node_ids; node++) {
		struct kmem_cache_node *n = get_node(s, node);

		list_for_each_entry(p, &n->partial, lru)
			p->slab_cache = s;
		list_for_each_entry(p, &n->full, lru)
			p->slab_cache = s;
	}
	list_add(&s->list, &slab_caches);
	return s;
}
/* Create the kmalloc caches: create_kmalloc_caches */
#line 9665 "slub.nw"
static int create_kmalloc_caches(unsigned long flags)
{
	int i;


	/* Send sizes below KMALLOC_MIN_SIZE to the smallest cache */
#line 9710 "slub.nw"
	for (i = 8; i < (int)KMALLOC_MIN_SIZE && i <= 192; i += 8)
		size_index[size_index_elem(i)] = KMALLOC_SHIFT_LOW;
	if (KMALLOC_MIN_SIZE >= 64)
		for (i = 64 + 8; i <= 96; i += 8)
			size_index[size_index_elem(i)] = 7;
	if (KMALLOC_MIN_SIZE >= 128)
		for (i = 128 + 8; i <= 192; i += 8)
			size_index[size_index_elem(i)] = 8;
#line 9670 "slub.nw"
	for (i = KMALLOC_SHIFT_LOW; i <= KMALLOC_SHIFT_HIGH; i++) {
		if (!kmalloc_caches[i] &&
		    !(kmalloc_caches[i] = create_kmalloc_cache(NULL, 1 << i,
							       flags)))
			return -ENOMEM;
		if (KMALLOC_MIN_SIZE <= 32 && !kmalloc_caches[1] && i == 6 &&
		    !(kmalloc_caches[1] = create_kmalloc_cache(NULL, 96, flags)))
			return -ENOMEM;
		if (KMALLOC_MIN_SIZE <= 64 && !kmalloc_caches[2] && i == 7 &&
		    !(kmalloc_caches[2] = create_kmalloc_cache(NULL, 192,
							       flags)))
			return -ENOMEM;
	}
	slab_state = UP;
	for (i = 0; i <= KMALLOC_SHIFT_HIGH; i++) {
		struct kmem_cache *s = kmalloc_caches[i];
		char name[32];

		if (!s)
			continue;
		snprintf(name, sizeof(name), "kmalloc-%d", kmalloc_size(i));
		s->name = kstrdup(name, GFP_NOWAIT);
		if (!s->name) {
			pr_err("SLUB: no memory to name %s\n", name);
			return -ENOMEM;
		}
	}
	return memcg_activate_kmem_caches();
}
/* Publish the caches in sysfs once it is up: slab_sysfs_init */
#line 9721 "slub.nw"
static void slab_sysfs_init(void)
{
	struct kmem_cache *s;

	slab_mutex_lock();
	slab_state = FULL;
	list_for_each_entry(s, &slab_caches, list) {
		if (sysfs_slab_add(s))
			pr_err("SLUB: Unable to add boot slab %s to sysfs\n",
			       s->name);
	}
	while (alias_list) {
		struct saved_alias *al = alias_list;

		alias_list = alias_list->next;
		if (sysfs_slab_alias(al->s, al->name))
			pr_err("SLUB: Unable to add boot slab alias %s to sysfs\n",
			       al->name);
		kfree(al);
	}
	slab_mutex_unlock();
}
/* Tell whether the allocator runs, on how many CPUs and nodes */
#line 9756 "slub.nw"
static pthread_mutex_t init_mutex = PTHREAD_MUTEX_INITIALIZER;
static bool running;
static __thread bool booting;

bool slub_running(void)
{
	return __atomic_load_n(&running, __ATOMIC_ACQUIRE);
}

int slub_nr_cpus(void)
{
	return nr_cpu_ids;
}

int slub_nr_nodes(void)
{
	return nr_node_ids;
}

/* Check a configuration and boot the allocator with it: __slub_init */
#line 9780 "slub.nw"
static int __slub_init(const struct slub_config *config)
{
	struct slub_config env_cfg = *config, *cfg = &env_cfg;
	long ncpu;
	size_t bytes;
	int err;

	if (slub_config_from_env(cfg))
		return -EINVAL;
	ncpu = cfg->nr_cpus;
	bytes = cfg->arena_bytes ? cfg->arena_bytes : machine_memory_bytes();
	if (!ncpu)
		ncpu = min(sysconf(_SC_NPROCESSORS_ONLN), (long)NR_CPUS);
	if (ncpu < 1 || ncpu > NR_CPUS || cfg->nr_nodes < 0 ||
	    cfg->nr_nodes > MAX_NUMNODES || cfg->max_order < 0 ||
	    cfg->max_order >= MAX_ORDER || cfg->min_objects < 0 ||
	    cfg->nr_nodes > ncpu)
		return -EINVAL;
	nr_cpu_ids = ncpu;
	nr_node_ids = cfg->nr_nodes ? cfg->nr_nodes : 1;

	/* Apply the boot options of the configuration */
#line 9931 "slub.nw"
	slub_simulated = cfg->simulated;
	sim_cpu = 0;
	slab_nomerge = cfg->nomerge;
	slub_max_order = cfg->max_order ? cfg->max_order :
					  PAGE_ALLOC_COSTLY_ORDER;
	slub_min_order = 0;
	slub_min_objects = cfg->min_objects;
	setup_slub_debug(cfg->slub_debug);
	freelist_hardened = cfg->freelist_hardened;
	cpu_rseq = cpu_rseq_usable(cfg);
	freelist_random = cfg->freelist_random;
	slub_rng_state = cfg->seed ? cfg->seed : 0x9e3779b97f4a7c15UL;
	slub_oom_reports = 0;
	if (setup_failslab(cfg->failslab, slub_rng_state))
		return -EINVAL;
	rseq_doors_update();
#line 9801 "slub.nw"
	if (page_alloc_init(bytes, nr_node_ids))
		return -ENOMEM;
	slub_register_fork_handlers();
	booting = true;
	err = kmem_cache_init();
	if (!err)
		slab_sysfs_init();
	booting = false;
	if (err) {
		pr_err("SLUB: the boot failed (error %d); not started\n", err);
		slub_teardown();
		return err;
	}
	__atomic_store_n(&running, true, __ATOMIC_RELEASE);
	return 0;
}
/* Start the allocator once, whoever calls first: slub_init */
#line 9826 "slub.nw"
int slub_init(const struct slub_config *cfg)
{
	static const struct slub_config defaults;
	int err = -EBUSY;

	mutex_lock(&init_mutex);
	if (!running)
		err = __slub_init(cfg ? cfg : &defaults);
	mutex_unlock(&init_mutex);
	return err;
}

static bool slub_ensure_running(void)
{
	if (likely(slub_running()) || booting)
		return true;
	if (slub_init(NULL) == -EINVAL)
		_exit(1);	/* the environment's option, named already */
	return slub_running();
}
/* Read the configuration from the environment: slub_config_from_env */
#line 9865 "slub.nw"
static int slub_config_from_env(struct slub_config *cfg)
{
	const char *v;

	if (!cfg->slub_debug)
		cfg->slub_debug = getenv("SLUB_DEBUG");
	if (sheaves_config(cfg))
		return -EINVAL;
	v = getenv("SLUB_ARENA");
	if (!cfg->arena_bytes && v && *v) {
		cfg->arena_bytes = parse_size(v);
		if (cfg->arena_bytes < MAX_ORDER_NR_PAGES << PAGE_SHIFT) {
			pr_err("SLUB: SLUB_ARENA=%s: expected a size of at "
			       "least 4M, such as 268435456, 512M or 64G\n", v);
			return -EINVAL;
		}
	}
	return 0;
}
/* Parse a size with an optional K, M, G or T: parse_size */
#line 9891 "slub.nw"
static size_t parse_size(const char *v)
{
	const unsigned long long limit = 1ULL << 47;	/* the address space */
	unsigned long long n = 0;
	int shift = 0;

	if (*v < '0' || *v > '9')
		return 0;
	for (; *v >= '0' && *v <= '9'; v++) {
		n = n * 10 + (*v - '0');
		if (n > limit)
			return 0;
	}
	switch (*v | 0x20) {
	case 't': shift += 10;	/* fall through */
	case 'g': shift += 10;	/* fall through */
	case 'm': shift += 10;	/* fall through */
	case 'k': shift += 10; v++; break;
	}
	if (*v || n > limit >> shift)
		return 0;
	return (size_t)(n << shift);
}
/* Tell how much memory the machine has: machine_memory_bytes */
#line 9920 "slub.nw"
static size_t machine_memory_bytes(void)
{
	struct sysinfo si;

	if (sysinfo(&si))
		return 1UL << 30;
	return ((size_t)si.totalram + si.totalswap) * si.mem_unit;
}
/* Stop the allocator before a fork: slub_fork_prepare */
#line 9977 "slub.nw"
static void slub_fork_prepare(void)
{
	struct kmem_cache *s;
	int i;

	mutex_lock(&init_mutex);
	if (!running)
		return;
	mutex_lock(&slab_mutex);
	for (i = 0; i < MEMCG_CACHES_MAX_SIZE; i++)
		if (memcg_by_id[i])
			mutex_lock(&memcg_by_id[i]->slab_caches_mutex);
	sheaves_fork_prepare();
	list_for_each_entry(s, &slab_caches, list)
		for (i = 0; i < nr_cpu_ids; i++)
			spin_lock(&per_cpu_ptr(s->cpu_slab, i)->lock);
	list_for_each_entry(s, &slab_caches, list)
		for (i = 0; i < nr_node_ids; i++)
			spin_lock(&get_node(s, i)->list_lock);
	mutex_lock(&rcu_lock);
	for (i = 0; i < nr_node_ids; i++)
		spin_lock(&zones[i].lock);
	mutex_lock(&pcpu_lock);
}
/* Let the allocator go on after a fork, in parent and child: slub_fork_parent and slub_fork_child */
#line 10007 "slub.nw"
static void slub_fork_release(bool child)
{
	struct kmem_cache *s;
	int i;

#define FORK_RELEASE(l) (child ? pthread_mutex_init(l, NULL) : \
				 pthread_mutex_unlock(l))
#define FORK_RELEASE_SPIN(l) (child ? spin_lock_init(l) : spin_unlock(l))
	if (running) {
		FORK_RELEASE(&pcpu_lock);
		for (i = nr_node_ids - 1; i >= 0; i--)
			FORK_RELEASE_SPIN(&zones[i].lock);
		FORK_RELEASE(&rcu_lock);
		list_for_each_entry(s, &slab_caches, list)
			for (i = 0; i < nr_node_ids; i++)
				FORK_RELEASE_SPIN(&get_node(s, i)->list_lock);
		list_for_each_entry(s, &slab_caches, list)
			for (i = 0; i < nr_cpu_ids; i++)
				FORK_RELEASE_SPIN(&per_cpu_ptr(s->cpu_slab,
							       i)->lock);
		sheaves_fork_release(child);
		for (i = 0; i < MEMCG_CACHES_MAX_SIZE; i++)
			if (memcg_by_id[i])
				FORK_RELEASE(&memcg_by_id[i]->slab_caches_mutex);
		FORK_RELEASE(&slab_mutex);
	}
	FORK_RELEASE(&init_mutex);
#undef FORK_RELEASE_SPIN
#undef FORK_RELEASE
}

static void slub_fork_parent(void)
{
	slub_fork_release(false);
}

static void slub_fork_child(void)
{
	slub_fork_release(true);
}

static void slub_register_fork_handlers(void)
{
	static bool registered;

	if (!registered)
		registered = !pthread_atfork(slub_fork_prepare,
					     slub_fork_parent,
					     slub_fork_child);
}
/* Shut the allocator down and give back its memory: slub_shutdown */
#line 10067 "slub.nw"
void slub_shutdown(void)
{
	mutex_lock(&init_mutex);
	if (running)
		slub_teardown();
	mutex_unlock(&init_mutex);
}

static void slub_teardown(void)
{
	struct kmem_cache *s;

	list_for_each_entry(s, &slab_caches, list)
		free_percpu(s);
	pcpu_exit();
	page_alloc_exit();
	INIT_LIST_HEAD(&slab_caches);
	memset(kmalloc_caches, 0, sizeof(kmalloc_caches));
	memset(&page_stats, 0, sizeof(page_stats));
	kmem_cache = kmem_cache_node = NULL;
	alias_list = NULL;
	rcu_pending = NULL;
	memcg_reset();
	slab_state = DOWN;
	cpu_rseq = false;
	rseq_door.alloc = false;
	rseq_door.free = false;
	fail_nth = 0;
	point_hook = NULL;
	slub_observer = NULL;
	slub_sheaves_forget();
	slub_symbolizer = NULL;
	call_site = 0;
	__atomic_store_n(&running, false, __ATOMIC_RELEASE);
}
/* Fail a per-CPU allocation on request: slub_fail_percpu */
#line 10109 "slub.nw"
static bool slub_fail_percpu(void)
{
	return page_alloc_should_fail();
}
