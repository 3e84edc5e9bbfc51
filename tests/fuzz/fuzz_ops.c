// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer target for operation sequences. The input bytes are
 * a configuration followed by operations on simulated CPUs:
 *
 *   byte 0   nr_cpus (1..4), nr_nodes, nomerge, freelist hardening and
 *            randomisation
 *   byte 1   slub_debug option (from a table)
 *   then     one opcode byte (b % 16; b % 32 == 16: memory cgroups) and its
 *            argument bytes per operation: create
 *            a cache (fuzzed size, align, flags, ctor), alloc (node, zero),
 *            free, kmalloc/kfree of fuzzed sizes (small, page-sized, large),
 *            bulk alloc (or the prefill API) and free, shrink, destroy, set cpu, inject a page
 *            allocation failure, store and show sysfs attributes, verify.
 *
 * A model of the live objects checks: every object is aligned, inside no
 * other live object, keeps the pattern written into it until it is freed,
 * is zeroed when __GFP_ZERO asked for it and is in its constructor's state
 * when the cache has one; NULL comes back only when a page allocation
 * failed (injected, or the arena is full). After every operation
 * slub_check_invariants() must find nothing. At the end every object is
 * freed and every cache destroyed, and after shrinking every cache the
 * slab and large pages are back where they were after boot.
 *
 * Any violation prints what happened and aborts, which libFuzzer reports
 * as a crash with the input that caused it.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "slub.h"
#include "fault_util.h"

#define ARENA_BYTES	(4UL << 20)	/* per node: one MAX_ORDER block */
#define NR_SLOTS	4
#define MAX_LIVE	512
#define MAX_OPS		400
#define BULK_MAX	16
#define CTOR_BYTE	0xc7
#define PAGE_SZ		4096UL
#define NR_MEMCG	2

struct slot {
	struct kmem_cache *s;
	size_t size;
	size_t align;		/* alignment every object must have */
	bool ctor;
	bool rcu;
	int live;		/* model objects from this slot */
};

struct obj {
	unsigned char *p;
	size_t len;
	uint32_t id;
	int slot;		/* -1: kmalloc */
	bool memcg;		/* allocated in a memory cgroup's context */
};

struct fz {
	const uint8_t *data;
	size_t size, pos;
	int nr_cpus, nr_nodes;
	struct slot slot[NR_SLOTS];
	struct obj live[MAX_LIVE];
	int nlive;
	uint32_t next_id;
	bool nomerge;
	struct mem_cgroup *mc[NR_MEMCG];
	size_t mclimit[NR_MEMCG];
	int cur_mc;		/* index in mc[] of the current memcg, or -1 */
	bool knob_armed;	/* an injected failure may still be pending */
	int op;			/* index of the operation */
	const char *what;	/* name of the operation */
};

static FILE *report;
static FILE *sink;
static bool trace;	/* $FUZZ_OPS_TRACE: print every operation */

__attribute__((constructor)) static void open_report(void)
{
	int fd = dup(2);

	report = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (!report)
		report = stderr;
}

static void fail(struct fz *f, const char *fmt, ...)
	__attribute__((format(printf, 2, 3), noreturn));

static void fail(struct fz *f, const char *fmt, ...)
{
	va_list ap;

	fprintf(report, "fuzz_ops: op %d (%s): ", f->op,
		f->what ? f->what : "-");
	va_start(ap, fmt);
	vfprintf(report, fmt, ap);
	va_end(ap);
	fputc('\n', report);
	fflush(report);
	abort();
}

static unsigned int byte(struct fz *f)
{
	return f->pos < f->size ? f->data[f->pos++] : 0;
}

static unsigned int u16(struct fz *f)
{
	unsigned int lo = byte(f);

	return lo | byte(f) << 8;
}

static unsigned char pattern(uint32_t id, size_t i)
{
	return (unsigned char)(id * 131u + i * 7u + (i >> 8) + 1);
}

static void ctor_fn(void *p)
{
	/* The size is unknown here: mark the first word only. */
	memset(p, CTOR_BYTE, sizeof(void *));
}

static unsigned long failures(void)
{
	struct slub_page_stats st;

	slub_page_stats(&st);
	return st.failures;
}

/* ------------------------------------------------------------ model */

static void stamp(struct obj *o)
{
	size_t i;

	for (i = 0; i < o->len; i++)
		o->p[i] = pattern(o->id, i);
}

static void verify(struct fz *f, const struct obj *o)
{
	size_t i;

	for (i = 0; i < o->len; i++)
		if (o->p[i] != pattern(o->id, i))
			fail(f, "object %u at %p (%zu bytes, slot %d): byte "
			     "%zu is %#x, want %#x", o->id, (void *)o->p,
			     o->len, o->slot, i, o->p[i],
			     pattern(o->id, i));
}

static void add_live(struct fz *f, void *p, size_t len, int slot,
		     size_t align, bool zeroed)
{
	unsigned char *a = p;
	struct obj *o;
	size_t i;
	int k;

	if ((uintptr_t)a % align)
		fail(f, "object %p not aligned to %zu", p, align);
	for (k = 0; k < f->nlive; k++) {
		const struct obj *l = &f->live[k];

		if (a < l->p + l->len && l->p < a + len)
			fail(f, "new object %p+%zu overlaps live object %u "
			     "at %p+%zu", p, len, l->id, (void *)l->p,
			     l->len);
	}
	if (zeroed)
		for (i = 0; i < len; i++)
			if (a[i])
				fail(f, "zeroed object %p+%zu: byte %zu is "
				     "%#x", p, len, i, a[i]);
	if (slot >= 0 && f->slot[slot].ctor && !zeroed)
		for (i = 0; i < len && i < sizeof(void *); i++)
			if (a[i] != CTOR_BYTE)
				fail(f, "object %p of a cache with a "
				     "constructor: byte %zu is %#x, not in "
				     "the constructor's state", p, i, a[i]);
	if (ksize(p) < len)
		fail(f, "ksize(%p) = %zu < %zu", p, ksize(p), len);
	o = &f->live[f->nlive++];
	o->p = a;
	o->len = len;
	o->id = f->next_id++;
	o->slot = slot;
	o->memcg = f->cur_mc >= 0;
	stamp(o);
	if (slot >= 0)
		f->slot[slot].live++;
}

/* Remove live[k] from the model after checking it; returns the pointer. */
static void *take_live(struct fz *f, int k)
{
	struct obj o = f->live[k];

	verify(f, &o);
	if (o.slot >= 0) {
		f->slot[o.slot].live--;
		/* Free it in the constructor's state, as the kernel asks. */
		if (f->slot[o.slot].ctor)
			memset(o.p, CTOR_BYTE,
			       o.len < sizeof(void *) ? o.len :
			       sizeof(void *));
	}
	f->live[k] = f->live[--f->nlive];
	return o.p;
}

/* The k-th live object of a slot (-1: kmalloc), or -1. */
static int find_live(struct fz *f, int slot, unsigned int k)
{
	int n = 0, i;

	for (i = 0; i < f->nlive; i++)
		n += f->live[i].slot == slot;
	if (!n)
		return -1;
	k %= n;
	for (i = 0; i < f->nlive; i++)
		if (f->live[i].slot == slot && !k--)
			return i;
	return -1;
}

/*
 * A NULL result is legitimate only if a page allocation failed, or the
 * current memory cgroup has a limit (its charge fails without a page
 * allocation failing).
 */
static void check_null(struct fz *f, unsigned long fails_before)
{
	if (f->cur_mc >= 0 && f->mclimit[f->cur_mc])
		return;
	if (failures() == fails_before)
		fail(f, "NULL without a failed page allocation");
}

/*
 * An armed failure may be consumed silently (the per-CPU allocation of a
 * new cache fails it without counting a page allocation failure), and a
 * real out-of-memory failure can come first. To keep the model exact, an
 * armed failure is cancelled after the first operation in which any page
 * allocation failed or a cache creation failed.
 */
static void disarm(struct fz *f)
{
	slub_fail_page_alloc(0);
	f->knob_armed = false;
}

/* ------------------------------------------------------------ operations */

static const char *const debug_opts[] = {
	"-", "-", "-", "-", "F", "Z", "P", "U", "FZPU", "FZ,fz", "O",
};

static size_t pick_size(unsigned int v)
{
	switch (v >> 14) {
	case 0:
		return v & 0x7f;		/* 0..127, some invalid */
	case 1:
		return v & 0x3ff;		/* up to 1 KiB */
	case 2:
		return v & 0x1fff;		/* up to 8 KiB */
	default:
		return (v & 0x3fff) * 4 + 1;	/* up to 64 KiB */
	}
}

/*
 * A destroyed cache lives on under its name while a merged alias still
 * uses it, and kmem_cache_sanity_check() refuses a second cache of the
 * same name, as the design notes' kernel does (the book says why this
 * port keeps that rule): a refusal with a reason.
 */
static bool name_taken(const char *name)
{
	struct slub_snapshot *snap = slub_snapshot_take();
	bool taken = false;
	int i;

	for (i = 0; snap && i < snap->nr_caches && !taken; i++)
		taken = !strcmp(snap->caches[i].name, name);
	slub_snapshot_free(snap);
	return taken;
}

static void op_create(struct fz *f)
{
	static const unsigned long flag_bits[] = {
		SLAB_HWCACHE_ALIGN, SLAB_RED_ZONE, SLAB_POISON,
		SLAB_STORE_USER, SLAB_DEBUG_FREE, SLAB_DESTROY_BY_RCU,
		SLAB_RECLAIM_ACCOUNT,
	};
	unsigned int i, k = byte(f) % NR_SLOTS, fb;
	size_t size = pick_size(u16(f)), align = 0;
	unsigned int ab = byte(f);
	unsigned long flags = 0, fails;
	struct slot *sl = &f->slot[k];
	struct kmem_cache *s;
	char name[32];

	fb = byte(f);
	if (sl->s)
		return;
	if (ab & 0x10)
		align = 1UL << (ab & 0xf) % 13;	/* 1 .. 4096 */
	for (i = 0; i < sizeof(flag_bits) / sizeof(flag_bits[0]); i++)
		if (fb & (1u << i))
			flags |= flag_bits[i];
	snprintf(name, sizeof(name), "fz%u", k);
	fails = failures();
	s = kmem_cache_create(name, size, align, flags,
			      fb & 0x80 ? ctor_fn : NULL);
	if (!s) {
		if (size >= sizeof(void *) && size <= KMALLOC_MAX_SIZE &&
		    !f->knob_armed && failures() == fails && !name_taken(name))
			fail(f, "kmem_cache_create(%s, %zu, %zu, %#lx) failed "
			     "without a reason", name, size, align, flags);
		if (f->knob_armed)
			disarm(f);
		return;
	}
	if (kmem_cache_size(s) < size)
		fail(f, "kmem_cache_size %u < %zu", kmem_cache_size(s), size);
	sl->s = s;
	sl->size = size;
	/* ARCH_SLAB_MINALIGN is 8: every object is at least 8-aligned. */
	sl->align = align > 8 ? align : 8;
	if (sl->align > PAGE_SZ)
		sl->align = PAGE_SZ;
	sl->ctor = fb & 0x80;
	sl->rcu = flags & SLAB_DESTROY_BY_RCU;
	sl->live = 0;
}

static void op_alloc(struct fz *f)
{
	unsigned int k = byte(f) % NR_SLOTS, b = byte(f);
	struct slot *sl = &f->slot[k];
	bool zero = (b & 1) && !sl->ctor;
	gfp_t gfp = GFP_KERNEL | (zero ? __GFP_ZERO : 0);
	unsigned long fails = failures();
	void *p;

	if (!sl->s || f->nlive >= MAX_LIVE)
		return;
	if (b & 2)
		p = kmem_cache_alloc_node(sl->s, gfp,
					  (int)(b >> 2) % (f->nr_nodes + 1) - 1);
	else
		p = kmem_cache_alloc(sl->s, gfp);
	if (!p) {
		check_null(f, fails);
		return;
	}
	add_live(f, p, sl->size, k, sl->align, zero);
}

static void op_free(struct fz *f, int slot_of_kmalloc)
{
	unsigned int b = byte(f), k = byte(f);
	int slot = slot_of_kmalloc ? -1 : (int)(b % NR_SLOTS);
	int i = find_live(f, slot, k);
	void *p;

	if (i < 0)
		return;
	p = take_live(f, i);
	if (slot < 0)
		kfree(p);
	else
		kmem_cache_free(f->slot[slot].s, p);
}

static void op_kmalloc(struct fz *f)
{
	size_t size = pick_size(u16(f));
	unsigned int b = byte(f);
	bool zero = b & 1;
	gfp_t gfp = GFP_KERNEL | (zero ? __GFP_ZERO : 0);
	unsigned long fails = failures();
	size_t align = 8;
	void *p;

	if (f->nlive >= MAX_LIVE)
		return;
	if (b & 2)
		p = kmalloc_node(size, gfp,
				 (int)(b >> 2) % (f->nr_nodes + 1) - 1);
	else
		p = kmalloc(size, gfp);
	if (!size) {
		if (p != (void *)16)
			fail(f, "kmalloc(0) = %p, not ZERO_SIZE_PTR", p);
		kfree(p);
		return;
	}
	if (!p) {
		check_null(f, fails);
		return;
	}
	/* kmalloc caches of a power-of-two size align to it (up to a page). */
	if (size > 2 * PAGE_SZ)
		align = PAGE_SZ;
	add_live(f, p, size, -1, align, zero);
}

/*
 * The prefill API: a sheaf of at least n objects, every one of them taken
 * (which cannot fail once the prefill succeeded), the sheaf given back.
 */
static void prefill_alloc(struct fz *f, unsigned int k, unsigned int n)
{
	struct slot *sl = &f->slot[k];
	unsigned long fails = failures();
	struct slab_sheaf *sh;
	unsigned int i;

	sh = kmem_cache_prefill_sheaf(sl->s, GFP_KERNEL, n);
	if (!sh) {
		check_null(f, fails);
		return;
	}
	if (kmem_cache_sheaf_size(sh) < n)
		fail(f, "a prefilled sheaf holds %u of %u objects",
		     kmem_cache_sheaf_size(sh), n);
	for (i = 0; i < n; i++) {
		void *p = kmem_cache_alloc_from_sheaf(sl->s, GFP_KERNEL, sh);

		if (!p)
			fail(f, "object %u of a prefilled sheaf is NULL", i);
		add_live(f, p, sl->size, (int)k, sl->align, false);
	}
	kmem_cache_return_sheaf(sl->s, GFP_KERNEL, sh);
}

/* Bulk allocation; with the top bit of the count byte, through a sheaf. */
static void op_bulk_alloc(struct fz *f)
{
	unsigned int k = byte(f) % NR_SLOTS, nb = byte(f);
	unsigned int n = nb % BULK_MAX + 1;
	struct slot *sl = &f->slot[k];
	unsigned long fails = failures();
	void *p[BULK_MAX];
	unsigned int i;
	int got;

	if (!sl->s || f->nlive + (int)n > MAX_LIVE)
		return;
	if (nb & 0x80) {
		prefill_alloc(f, k, n);
		return;
	}
	got = kmem_cache_alloc_bulk(sl->s, GFP_KERNEL, n, p);
	if (!got) {
		check_null(f, fails);
		return;
	}
	if (got != (int)n)
		fail(f, "kmem_cache_alloc_bulk returned %d of %u", got, n);
	for (i = 0; i < n; i++)
		add_live(f, p[i], sl->size, k, sl->align, false);
}

static void op_bulk_free(struct fz *f)
{
	unsigned int k = byte(f) % NR_SLOTS, n = byte(f) % BULK_MAX + 1;
	void *p[BULK_MAX];
	unsigned int i;

	if (!f->slot[k].s)
		return;
	for (i = 0; i < n; i++) {
		int j = find_live(f, (int)k, 0);

		if (j < 0)
			break;
		p[i] = take_live(f, j);
	}
	kmem_cache_free_bulk(f->slot[k].s, i, p);
}

static void op_shrink(struct fz *f)
{
	struct slot *sl = &f->slot[byte(f) % NR_SLOTS];

	if (sl->s)
		kmem_cache_shrink(sl->s);
}

static void op_destroy(struct fz *f)
{
	struct slot *sl = &f->slot[byte(f) % NR_SLOTS];

	if (!sl->s)
		return;
	/*
	 * With live objects the kernel reports them and keeps the cache
	 * (the reference stays ours). That holds only for a cache nobody
	 * else shares: with merging, destroy drops one reference of a
	 * shared cache and checks nothing, and the objects would be lost.
	 */
	if (sl->live && !f->nomerge)
		return;
	kmem_cache_destroy(sl->s);
	if (!sl->live)
		sl->s = NULL;
}

/*
 * A write to red_zone, poison or store_user lays the cache's objects out
 * again (calculate_sizes()) with the cache's own alignment, as 3.18 does;
 * a cache that others merged into may have had a size that happened to
 * be a multiple of the stricter alignment one of them asked for
 * (find_mergeable() requires it), and the new size need not be. So after
 * such a write each user of the cache can count only on the cache's own
 * alignment. (Later kernels made these files read-only.)
 */
static void relayout(struct fz *f, struct kmem_cache *s)
{
	char buf[SLAB_ATTR_BUFSIZE];
	size_t align;
	int k;

	if (slab_attr_show(s, "align", buf) <= 0)
		return;
	align = strtoul(buf, NULL, 10);
	if (align < 8)
		align = 8;
	for (k = 0; k < NR_SLOTS; k++)
		if (f->slot[k].s == s && f->slot[k].align > align)
			f->slot[k].align = align;
}

static void op_attr_store(struct fz *f)
{
	static const char *const attrs[] = {
		"cpu_partial", "min_partial", "order", "shrink", "validate",
		"sanity_checks", "red_zone", "poison", "store_user",
		"reclaim_account", "remote_node_defrag_ratio", "alloc_fastpath",
	};
	struct slot *sl = &f->slot[byte(f) % NR_SLOTS];
	unsigned int a = byte(f) % (sizeof(attrs) / sizeof(attrs[0]));
	unsigned int v = byte(f);
	char buf[16];

	if (!sl->s)
		return;
	if (!strcmp(attrs[a], "order"))
		v %= 5;
	else if (!strcmp(attrs[a], "sanity_checks") ||
		 !strcmp(attrs[a], "red_zone") || !strcmp(attrs[a], "poison") ||
		 !strcmp(attrs[a], "store_user") ||
		 !strcmp(attrs[a], "reclaim_account") ||
		 !strcmp(attrs[a], "shrink") || !strcmp(attrs[a], "validate"))
		v &= 1;
	else if (!strcmp(attrs[a], "alloc_fastpath"))
		v = 0;
	snprintf(buf, sizeof(buf), "%u\n", v);
	if (slab_attr_store(sl->s, attrs[a], buf, strlen(buf)) ==
	    (ssize_t)strlen(buf) && (!strcmp(attrs[a], "red_zone") ||
	    !strcmp(attrs[a], "poison") || !strcmp(attrs[a], "store_user")))
		relayout(f, sl->s);
}

static void op_attr_show(struct fz *f)
{
	struct slot *sl = &f->slot[byte(f) % NR_SLOTS];
	struct kmem_cache *s = sl->s ? sl->s : slub_find_cache("kmalloc-64");
	static char buf[SLAB_ATTR_BUFSIZE + 64];
	const char *name;
	int i;

	for (i = 0; (name = slub_attr_name(i)); i++) {
		ssize_t n = slab_attr_show(s, name, buf);

		if (n >= SLAB_ATTR_BUFSIZE)
			fail(f, "slab_attr_show(%s) wrote %zd bytes", name, n);
	}
}

/*
 * Memory cgroups: create one (with a limit or without), make one or none
 * current, destroy one. Allocations in a cgroup's context go to its child
 * caches and are charged; a destroy with live objects may refuse
 * (-EBUSY); freeing those objects afterwards must still work.
 */
static void op_memcg(struct fz *f)
{
	static const size_t limits[] = { 0, 8192, 65536, 1UL << 20 };
	unsigned int b = byte(f), k = (b >> 2) % NR_MEMCG;
	char name[16];

	switch (b & 3) {
	case 0:
		if (f->mc[k])
			return;
		snprintf(name, sizeof(name), "mc%u", k);
		f->mclimit[k] = limits[(b >> 3) & 3];
		f->mc[k] = slub_memcg_create(name, f->mclimit[k]);
		if (!f->mc[k])
			fail(f, "slub_memcg_create(%s) failed", name);
		break;
	case 1:
		if (!f->mc[k])
			return;
		slub_memcg_enter(f->mc[k]);
		f->cur_mc = (int)k;
		break;
	case 2:
		slub_memcg_enter(NULL);
		f->cur_mc = -1;
		break;
	case 3:
		if (!f->mc[k])
			return;
		if (slub_memcg_destroy(f->mc[k]) == 0) {
			f->mc[k] = NULL;
			if (f->cur_mc == (int)k)
				f->cur_mc = -1;
		}
		if (slub_memcg_current() == NULL)
			f->cur_mc = -1;
		break;
	}
}

static void verify_all(struct fz *f)
{
	int i;

	for (i = 0; i < f->nlive; i++)
		verify(f, &f->live[i]);
}

static void check_invariants(struct fz *f)
{
	int bad = slub_check_invariants(sink);

	if (bad) {
		slub_check_invariants(report);
		fail(f, "%d invariant violations", bad);
	}
}

enum {
	OP_CREATE, OP_ALLOC, OP_ALLOC2, OP_FREE, OP_FREE2, OP_KMALLOC,
	OP_KFREE, OP_BULK_ALLOC, OP_BULK_FREE, OP_SHRINK, OP_DESTROY,
	OP_CPU, OP_FAIL, OP_STORE, OP_SHOW, OP_VERIFY, OP_MEMCG, NR_OPS
};

static const char *const op_names[NR_OPS] = {
	"create", "alloc", "alloc", "free", "free", "kmalloc", "kfree",
	"bulk_alloc", "bulk_free", "shrink", "destroy", "cpu",
	"fail_page_alloc", "attr_store", "attr_show", "verify", "memcg",
};

static void run_op(struct fz *f, unsigned int code)
{
	f->what = op_names[code];
	switch (code) {
	case OP_CREATE:
		op_create(f);
		break;
	case OP_ALLOC:
	case OP_ALLOC2:
		op_alloc(f);
		break;
	case OP_FREE:
	case OP_FREE2:
		op_free(f, 0);
		break;
	case OP_KMALLOC:
		op_kmalloc(f);
		break;
	case OP_KFREE:
		op_free(f, 1);
		break;
	case OP_BULK_ALLOC:
		op_bulk_alloc(f);
		break;
	case OP_BULK_FREE:
		op_bulk_free(f);
		break;
	case OP_SHRINK:
		op_shrink(f);
		break;
	case OP_DESTROY:
		op_destroy(f);
		break;
	case OP_CPU:
		slub_sim_set_cpu((int)(byte(f) % f->nr_cpus));
		break;
	case OP_FAIL:
		slub_fail_page_alloc(byte(f) % 16 + 1);
		f->knob_armed = true;
		break;
	case OP_STORE:
		op_attr_store(f);
		break;
	case OP_SHOW:
		op_attr_show(f);
		break;
	case OP_VERIFY:
		verify_all(f);
		break;
	case OP_MEMCG:
		op_memcg(f);
		break;
	}
}

static void teardown(struct fz *f)
{
	int k;

	f->what = "teardown";
	slub_fail_page_alloc(0);
	verify_all(f);
	while (f->nlive) {
		int slot = f->live[f->nlive - 1].slot;
		void *p = take_live(f, f->nlive - 1);

		slub_sim_set_cpu((int)(f->nlive % f->nr_cpus));
		if (slot < 0)
			kfree(p);
		else
			kmem_cache_free(f->slot[slot].s, p);
	}
	slub_memcg_enter(NULL);
	f->cur_mc = -1;
	if (trace) {
		struct slub_page_stats st;

		slub_page_stats(&st);
		fprintf(report, "teardown: objects freed; slab pages %lu\n",
			st.slab_pages);
		rel_dump_slabs(report);
	}
	rel_shrink_all();
	if (trace) {
		struct slub_page_stats st;

		slub_page_stats(&st);
		fprintf(report, "teardown: shrunk; slab pages %lu, "
			"invariants %d\n", st.slab_pages,
			slub_check_invariants(report));
		rel_dump_slabs(report);
	}
	for (k = 0; k < NR_MEMCG; k++) {
		if (!f->mc[k])
			continue;
		if (slub_memcg_usage(f->mc[k]))
			fail(f, "memcg %d still charged %zu bytes with no "
			     "objects and every cache shrunk", k,
			     slub_memcg_usage(f->mc[k]));
		if (slub_memcg_destroy(f->mc[k]))
			fail(f, "slub_memcg_destroy of an empty memcg failed");
		f->mc[k] = NULL;
	}
	for (k = 0; k < NR_SLOTS; k++) {
		if (!f->slot[k].s)
			continue;
		kmem_cache_destroy(f->slot[k].s);
		f->slot[k].s = NULL;
	}
	check_invariants(f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct fz fz;
	struct fz *f = &fz;
	struct rel_usage base, end;
	struct slub_config cfg = {
		.simulated = true,
		.arena_bytes = ARENA_BYTES,
	};
	unsigned int c;

	if (!sink) {
		sink = fopen("/dev/null", "w");
		trace = getenv("FUZZ_OPS_TRACE") != NULL;
	}
	memset(f, 0, sizeof(*f));
	f->data = data;
	f->size = size;
	f->cur_mc = -1;
	c = byte(f);
	cfg.nr_cpus = (int)(c & 3) + 1;
	cfg.nr_nodes = (c & 4) && cfg.nr_cpus > 1 ? 2 : 1;
	cfg.nomerge = c & 8;
	cfg.freelist_hardened = c & 16;
	cfg.freelist_random = c & 32;
	cfg.seed = c >> 6;
	cfg.slub_debug = debug_opts[byte(f) %
				    (sizeof(debug_opts) / sizeof(debug_opts[0]))];
	cfg.arena_bytes = ARENA_BYTES * (size_t)cfg.nr_nodes;
	f->nr_cpus = cfg.nr_cpus;
	f->nr_nodes = cfg.nr_nodes;
	f->nomerge = cfg.nomerge;
	if (slub_init(&cfg))
		fail(f, "slub_init failed");
	rel_usage(&base);
	check_invariants(f);
	if (getenv("FUZZ_OPS_DUMP"))
		rel_dump_slabs(report);

	for (f->op = 0; f->pos < f->size && f->op < MAX_OPS; f->op++) {
		unsigned long fails = failures();
		size_t start = f->pos;
		unsigned int b = byte(f);

		/* 16 opcodes, and memcg on b % 32 == 16 (added later). */
		run_op(f, b % 32 == 16 ? OP_MEMCG : b % 16);
		if (trace) {
			fprintf(report, "op %d %s (bytes %zu..%zu), %d live\n",
				f->op, f->what, start, f->pos, f->nlive);
			rel_dump_slabs(report);
		}
		if (f->knob_armed && failures() != fails)
			disarm(f);
		check_invariants(f);
	}
	teardown(f);
	rel_usage(&end);
	if (rel_usage_check(&base, &end, report))
		fail(f, "leak after destroying everything");
	slub_shutdown();
	return 0;
}
