// SPDX-License-Identifier: GPL-2.0-only
/*
 * The text of the panels, as lines.  The drawing code draws exactly these
 * lines, and the tests read them, so that "the counters panel shows
 * cmpxchg_double_cpu_fail 1" can be checked without OCR.
 */
#include <stdarg.h>
#include <string.h>
#include "viz.h"
#include "draw_int.h"

_Static_assert(NR_SLUB_STAT_ITEMS == 26 + 13,
	       "enum stat_item: 26 of 3.18, then 13 of the sheaves");

/* The allocator's own names for its counters (the sysfs file names). */
const char *viz_stat_name(int item)
{
	const char *name = slub_stat_name(item);

	return name ? name : "?";
}

/* What each counter counts, in the terms of 3.18's mm/slub.c. */
static const char *const stat_meaning[NR_SLUB_STAT_ITEMS] = {
	[ALLOC_FASTPATH] = "allocations served from c->freelist without a "
		"lock (the fast path)",
	[ALLOC_SLOWPATH] = "allocations that went to __slab_alloc() because "
		"c->freelist was empty",
	[FREE_FASTPATH] = "frees to this CPU's cpu slab, pushed on "
		"c->freelist without a lock",
	[FREE_SLOWPATH] = "frees that went to __slab_free(): the object is "
		"not in this CPU's cpu slab",
	[FREE_FROZEN] = "slow-path frees into a frozen slab (a cpu slab or a "
		"cpu partial slab): only page->freelist changes",
	[FREE_ADD_PARTIAL] = "frees that put a full slab on the node partial "
		"list (caches without cpu partial lists)",
	[FREE_REMOVE_PARTIAL] = "frees that emptied a slab of the node "
		"partial list, which was then freed",
	[ALLOC_FROM_PARTIAL] = "cpu slabs taken from the node partial list",
	[ALLOC_SLAB] = "new slabs from the page allocator",
	[ALLOC_REFILL] = "slow-path allocations that refilled c->freelist "
		"from the cpu slab's page->freelist",
	[ALLOC_NODE_MISMATCH] = "slow-path allocations whose cpu slab was "
		"on another node than asked: it was deactivated",
	[FREE_SLAB] = "slabs given back to the page allocator",
	[CPUSLAB_FLUSH] = "cpu slabs flushed (flush_slab(), e.g. by "
		"flush_all() before a shrink)",
	[DEACTIVATE_FULL] = "deactivated cpu slabs that were full: they go "
		"on no list",
	[DEACTIVATE_EMPTY] = "deactivated cpu slabs that were empty: freed "
		"when the node keeps min_partial partial slabs",
	[DEACTIVATE_TO_HEAD] = "deactivated cpu slabs put at the head of the "
		"node partial list",
	[DEACTIVATE_TO_TAIL] = "deactivated cpu slabs put at the tail of the "
		"node partial list",
	[DEACTIVATE_REMOTE_FREES] = "deactivations that found objects on "
		"page->freelist, freed by other CPUs while it was frozen",
	[DEACTIVATE_BYPASS] = "cpu slabs found full by the slow path: "
		"get_freelist() unfroze them and they stay on no list",
	[ORDER_FALLBACK] = "new slabs allocated at the minimum order because "
		"the preferred order failed",
	[CMPXCHG_DOUBLE_CPU_FAIL] = "fast-path cmpxchg_double on (c->freelist, "
		"c->tid) that failed and was retried",
	[CMPXCHG_DOUBLE_FAIL] = "cmpxchg_double on a page's freelist and "
		"counters that failed and was retried",
	[CPU_PARTIAL_ALLOC] = "cpu slabs taken from the cpu partial chain",
	[CPU_PARTIAL_FREE] = "frees that froze a full slab onto this CPU's "
		"partial chain",
	[CPU_PARTIAL_NODE] = "slabs moved from the node partial list onto the "
		"cpu partial chain",
	[CPU_PARTIAL_DRAIN] = "drains of the cpu partial chain to the node "
		"partial list (unfreeze_partials())",
	[SHEAF_FLUSH] = "objects flushed from a sheaf back to their slabs",
	[SHEAF_REFILL] = "objects refilled into a sheaf from partial or new "
		"slabs",
	[SHEAF_ALLOC] = "empty sheaves allocated",
	[SHEAF_FREE] = "empty sheaves freed",
	[BARN_GET] = "full sheaves taken from the node's barn",
	[BARN_GET_FAIL] = "times the barn had no full sheaf to give",
	[BARN_PUT] = "full sheaves put in the node's barn",
	[BARN_PUT_FAIL] = "times the barn was full: the main sheaf was "
		"flushed instead",
	[SHEAF_PREFILL_FAST] = "prefills that took the CPU's spare sheaf",
	[SHEAF_PREFILL_SLOW] = "prefills that found no spare sheaf",
	[SHEAF_PREFILL_OVERSIZE] = "prefills above the cache's sheaf "
		"capacity",
	[SHEAF_RETURN_FAST] = "returned sheaves that became the CPU's spare",
	[SHEAF_RETURN_SLOW] = "returned sheaves that went to the barn or "
		"were flushed",
};

const char *viz_stat_meaning(int item)
{
	if (item < 0 || item >= NR_SLUB_STAT_ITEMS)
		return "?";
	return stat_meaning[item];
}

static int line(char (*lines)[VIZ_LINE_MAX], int n, int max,
		const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static int line(char (*lines)[VIZ_LINE_MAX], int n, int max,
		const char *fmt, ...)
{
	va_list ap;

	if (n >= max)
		return n;
	va_start(ap, fmt);
	vsnprintf(lines[n], VIZ_LINE_MAX, fmt, ap);
	va_end(ap);
	return n + 1;
}

static int cpu_counts(const struct slub_snapshot *snap,
		      const struct slub_snap_cache *c, int item, int focus,
		      char *buf, size_t len)
{
	size_t used = 0;
	int cpu;

	buf[0] = 0;
	for (cpu = 0; cpu < snap->nr_cpus && used < len; cpu++) {
		if (focus >= 0 ? cpu != focus : snap->nr_cpus > 4)
			continue;
		used += snprintf(buf + used, len - used, " C%d=%lu", cpu,
				 c->cpu[cpu].stat[item]);
	}
	return (int)used;
}

/*
 * The counters of a cache's design: the 26 of 3.18, and the 13 of the
 * sheaves after them only for a cache that has sheaves.
 */
int viz_nr_counters(const struct slub_snap_cache *c)
{
	return c && c->sheaf_capacity ? NR_SLUB_STAT_ITEMS : SHEAF_FLUSH;
}

int viz_counter_lines(const struct slub_snapshot *snap, int ci,
		      int focus_cpu, char (*lines)[VIZ_LINE_MAX], int max)
{
	const struct slub_snap_cache *c;
	char per[64];
	int i, n = 0;

	if (!snap || ci < 0 || ci >= snap->nr_caches)
		return 0;
	c = &snap->caches[ci];
	for (i = 0; i < viz_nr_counters(c); i++) {
		cpu_counts(snap, c, i, focus_cpu, per, sizeof(per));
		n = line(lines, n, max, "%-23s %5lu%s", viz_stat_name(i),
			 c->stat[i], per);
	}
	return n;
}

void viz_event_line(const struct viz_event *e, char *buf, size_t len)
{
	scn_event_format(e, SCN_EVENT_SHORT, buf, len);
}

static const struct {
	unsigned long flag;
	const char *name;
} flag_names[] = {
	{ SLAB_DEBUG_FREE, "debug_free" },
	{ SLAB_RED_ZONE, "red_zone" },
	{ SLAB_POISON, "poison" },
	{ SLAB_HWCACHE_ALIGN, "hwcache_align" },
	{ SLAB_CACHE_DMA, "cache_dma" },
	{ SLAB_STORE_USER, "store_user" },
	{ SLAB_RECLAIM_ACCOUNT, "reclaim_account" },
	{ SLAB_PANIC, "panic" },
	{ SLAB_DESTROY_BY_RCU, "destroy_by_rcu" },
	{ SLAB_TRACE, "trace" },
	{ SLAB_NOTRACK, "notrack" },
	{ __CMPXCHG_DOUBLE, "cmpxchg_double" },
	{ __OBJECT_POISON, "object_poison" },
};

static void flags_text(unsigned long flags, char *buf, size_t len)
{
	size_t used = 0, i;

	buf[0] = 0;
	for (i = 0; i < sizeof(flag_names) / sizeof(flag_names[0]); i++) {
		if (!(flags & flag_names[i].flag) || used >= len)
			continue;
		used += snprintf(buf + used, len - used, "%s%s",
				 used ? " " : "", flag_names[i].name);
	}
}

/* Words of s on lines of at most width characters, indented. */
static int wrap_words(char (*lines)[VIZ_LINE_MAX], int n, int max,
		      const char *s, int width)
{
	const char *p = s;

	while (*p && n < max) {
		int len = (int)strlen(p), cut = len;

		if (len > width) {
			for (cut = width; cut > 0 && p[cut] != ' '; cut--)
				;
			if (!cut)
				cut = width;
		}
		n = line(lines, n, max, "             %.*s", cut, p);
		p += cut;
		while (*p == ' ')
			p++;
	}
	return n;
}

static int alias_line(const struct slub_snap_cache *c,
		      char (*lines)[VIZ_LINE_MAX], int n, int max)
{
	char buf[VIZ_LINE_MAX];
	size_t used = 0;
	int i;

	if (!c->nr_aliases)
		return n;
	buf[0] = 0;
	for (i = 0; i < c->nr_aliases && used < sizeof(buf); i++)
		used += snprintf(buf + used, sizeof(buf) - used, "%s%s",
				 i ? ", " : "", c->aliases[i]);
	return line(lines, n, max, "aliases  %s", buf);
}

int viz_cache_lines(const struct slub_snap_cache *c,
		    char (*lines)[VIZ_LINE_MAX], int max)
{
	char flags[VIZ_LINE_MAX];
	int n = 0;

	n = line(lines, n, max, "name         %s", c->name);
	n = line(lines, n, max, "size         %u", c->size);
	n = line(lines, n, max, "object_size  %u", c->object_size);
	n = line(lines, n, max, "align        %u", c->align);
	n = line(lines, n, max, "offset       %u", c->offset);
	n = line(lines, n, max, "inuse        %u", c->inuse);
	n = line(lines, n, max, "oo           order %u, %u objs",
		 c->order, c->objects);
	n = line(lines, n, max, "min          order %u, %u objs",
		 c->min_order, c->min_objects);
	n = line(lines, n, max, "min_partial  %lu", c->min_partial);
	n = line(lines, n, max, "cpu_partial  %u", c->cpu_partial);
	if (c->sheaf_capacity)
		n = line(lines, n, max, "sheaf_capacity %u",
			 c->sheaf_capacity);
	n = line(lines, n, max, "flags        0x%lx", c->flags);
	flags_text(c->flags, flags, sizeof(flags));
	n = wrap_words(lines, n, max, flags, 20);
	n = line(lines, n, max, "refcount     %d%s", c->refcount,
		 c->has_ctor ? "   ctor" : "");
	n = line(lines, n, max, "slabs        %d", c->nr_slabs);
	return alias_line(c, lines, n, max);
}

static const char *where_name(enum slub_slab_where w)
{
	switch (w) {
	case SLUB_SLAB_CPU:
		return "cpu slab (c->page) of CPU";
	case SLUB_SLAB_CPU_PARTIAL:
		return "cpu partial chain of CPU";
	case SLUB_SLAB_NODE_PARTIAL:
		return "partial list of node";
	case SLUB_SLAB_NODE_FULL:
		return "full list of node";
	default:
		return "on no list (full), node";
	}
}

static const char *state_name(int state)
{
	switch (state) {
	case SLUB_OBJ_ALLOCATED:
		return "allocated";
	case SLUB_OBJ_CPU_FREE:
		return "free, on the cpu freelist (c->freelist)";
	case SLUB_OBJ_SHEAF:
		return "free, in a CPU's sheaf";
	case SLUB_OBJ_BARN:
		return "free, in a full sheaf in the node's barn";
	case SLUB_OBJ_PREFILLED:
		return "free, in a prefilled sheaf a caller holds";
	default:
		return "free, on the slab freelist (page->freelist)";
	}
}

static int slab_lines(const struct slub_snap_cache *c,
		      const struct slub_snap_slab *s,
		      char (*lines)[VIZ_LINE_MAX], int n, int max)
{
	unsigned int i, used = 0, cpu_free = 0;

	for (i = 0; s->obj && i < s->objects; i++) {
		/* a slab counts objects in any sheaf as in use */
		used += s->obj[i].state == SLUB_OBJ_ALLOCATED ||
			s->obj[i].state == SLUB_OBJ_SHEAF ||
			s->obj[i].state == SLUB_OBJ_BARN ||
			s->obj[i].state == SLUB_OBJ_PREFILLED;
		cpu_free += s->obj[i].state == SLUB_OBJ_CPU_FREE;
	}
	n = line(lines, n, max, "slab pfn %#lx of %s  order %d  node %d",
		 s->pfn, c->name, s->order, s->node);
	n = line(lines, n, max, "first object at %#lx", s->addr);
	n = line(lines, n, max, "inuse %u%s  objects %u  frozen %d%s",
		 s->inuse, s->inuse != used ? "*" : "", s->objects, s->frozen,
		 s->pfmemalloc ? "  pfmemalloc" : "");
	if (s->inuse != used) {
		n = line(lines, n, max, "* inuse of a frozen cpu slab counts "
			 "every object the CPU took:");
		n = line(lines, n, max, "  %u allocated + %u free on "
			 "c->freelist (inuse was set", used, cpu_free);
		n = line(lines, n, max, "  to objects when the freelist moved "
			 "to the CPU)");
	}
	n = line(lines, n, max, "%s %d", where_name(s->where), s->owner);
	if (s->where == SLUB_SLAB_CPU_PARTIAL)
		n = line(lines, n, max, "chain head: pages %d  pobjects %d",
			 s->pages, s->pobjects);
	if (s->freelist >= 0)
		n = line(lines, n, max, "page->freelist  object %d (%#lx)",
			 s->freelist, s->addr + s->freelist * c->size);
	else
		n = line(lines, n, max, "page->freelist  NULL");
	return n;
}

static int object_lines(const struct slub_snap_cache *c,
			const struct slub_snap_slab *s, int i,
			char (*lines)[VIZ_LINE_MAX], int n, int max)
{
	const struct slub_snap_object *o = &s->obj[i];
	unsigned long a = s->addr + (unsigned long)i * c->size;

	n = line(lines, n, max, "object %d at %#lx (slab + %lu)", i, a,
		 a - s->addr);
	n = line(lines, n, max, "%s", state_name(o->state));
	if (o->state == SLUB_OBJ_ALLOCATED)
		n = line(lines, n, max, "free pointer word at +%u: user data",
			 c->offset);
	else if (o->state == SLUB_OBJ_SHEAF || o->state == SLUB_OBJ_BARN ||
		 o->state == SLUB_OBJ_PREFILLED)
		n = line(lines, n, max, "on no freelist: a sheaf holds its "
			 "address, the object is not written");
	else if (o->next >= 0)
		n = line(lines, n, max, "free pointer at +%u -> object %d "
			 "(%#lx)", c->offset, o->next,
			 s->addr + (unsigned long)o->next * c->size);
	else
		n = line(lines, n, max, "free pointer at +%u -> NULL (end)",
			 c->offset);
	if (c->flags & SLAB_RED_ZONE && c->inuse > c->object_size)
		n = line(lines, n, max, "red zone  +%u .. +%u", c->object_size,
			 c->inuse);
	if (c->flags & SLAB_STORE_USER)
		n = line(lines, n, max, "tracks (alloc, free) after +%u; "
			 "contents not in snapshot",
			 c->offset >= c->inuse ? c->offset + 8 : c->inuse);
	return n;
}

int viz_inspect_lines(const struct slub_snapshot *snap,
		      const struct viz_pick *p, char (*lines)[VIZ_LINE_MAX],
		      int max)
{
	const struct slub_snap_cache *c;
	const struct slub_snap_slab *s;
	int n = 0;

	if (!snap || p->cache < 0 || p->cache >= snap->nr_caches)
		return 0;
	c = &snap->caches[p->cache];
	if (p->slab < 0 || p->slab >= c->nr_slabs)
		return 0;
	s = &c->slabs[p->slab];
	if (p->obj >= 0 && p->obj < (int)s->objects && s->obj) {
		int cpu, slot;
		bool spare;

		n = object_lines(c, s, p->obj, lines, n, max);
		slot = viz_sheaf_slot(c, snap->nr_cpus, p->slab, p->obj, &cpu,
				      &spare);
		if (slot >= 0)
			n = line(lines, n, max, "in CPU %d's %s sheaf, slot %d "
				 "(objects[%d])", cpu, spare ? "spare" : "main",
				 slot, slot);
	}
	return slab_lines(c, s, lines, n, max);
}
