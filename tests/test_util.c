// SPDX-License-Identifier: GPL-2.0-only
/*
 * Helpers shared by the Check suites; see slub_test.h.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "slub_test.h"

/* ------------------------------------------------------------ fixtures */

struct t_base_cache {
	char *name;
	unsigned long allocated;
	int nr_aliases;
};

static struct t_base_cache *t_base;
static int t_nbase;
static long t_base_sheaves;

/*
 * With sheaves, spare sheaves and the barns' sheaves are kmalloc objects
 * the allocator keeps between operations (the kernel's too): the balance
 * of the kmalloc caches allows for those a test leaves behind.
 */
static long t_held_sheaves(const struct slub_snapshot *snap)
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

/*
 * A test names the design it is about: a configuration that leaves
 * sheaves at 0 tests the 3.18 cpu slab whatever $SLUB_SHEAVES says (its
 * counts and orders are that design's); the sheaves suite sets them.
 */
void t_start(const struct slub_config *cfg)
{
	struct slub_config pinned = *cfg;
	struct slub_snapshot *snap;
	struct slub_page_stats st;
	int i, err;

	if (!pinned.sheaves)
		pinned.sheaves = SLUB_NO_SHEAVES;
	cfg = &pinned;
	err = slub_init(cfg);
	ck_assert_msg(err == 0, "slub_init failed: %d", err);
	ck_assert(slub_running());
	slub_sim_set_cpu(0);

	snap = slub_snapshot_take();
	ck_assert_ptr_nonnull(snap);
	t_nbase = snap->nr_caches;
	t_base_sheaves = t_held_sheaves(snap);
	t_base = calloc(t_nbase, sizeof(*t_base));
	ck_assert_ptr_nonnull(t_base);
	for (i = 0; i < t_nbase; i++) {
		t_base[i].name = strdup(snap->caches[i].name);
		t_base[i].allocated = t_snap_allocated(&snap->caches[i]);
		t_base[i].nr_aliases = snap->caches[i].nr_aliases;
	}
	slub_snapshot_free(snap);

	slub_page_stats(&st);
	ck_assert_msg(st.large_pages == 0, "large pages at start: %lu",
		      st.large_pages);
	ck_assert_int_eq(slub_check_invariants(stderr), 0);
}

static const struct t_base_cache *t_base_find(const char *name)
{
	int i;

	for (i = 0; i < t_nbase; i++)
		if (!strcmp(t_base[i].name, name))
			return &t_base[i];
	return NULL;
}

void t_finish(void)
{
	struct slub_snapshot *snap;
	struct slub_page_stats st;
	unsigned long pages = 0;
	long kmalloc_delta = 0, links = 0, links_sheaves;
	char deltas[512] = "";
	size_t dlen = 0;
	int i, j;

	/* A test may leave the hook or the injection armed on failure paths. */
	slub_sim_set_point_hook(NULL, NULL);
	slub_set_observer(NULL, NULL);

	ck_assert_int_eq(slub_check_invariants(stderr), 0);

	/*
	 * Merging a cache leaves a sysfs link with the alias's name behind
	 * after the alias is destroyed, as in the kernel (the port keeps each
	 * link as two kmalloc objects: the link and its name). Every other
	 * object must be back: each non-kmalloc cache exactly, the kmalloc
	 * caches together up to those links.
	 */
	snap = slub_snapshot_take();
	ck_assert_ptr_nonnull(snap);
	for (i = 0; i < snap->nr_caches; i++) {
		const struct slub_snap_cache *c = &snap->caches[i];
		const struct t_base_cache *b = t_base_find(c->name);

		ck_assert_msg(b != NULL,
			      "cache '%s' created by the test still exists",
			      c->name);
		links += c->nr_aliases - b->nr_aliases;
		if (!strncmp(c->name, "kmalloc-", 8)) {
			long d = (long)t_snap_allocated(c) - (long)b->allocated;

			kmalloc_delta += d;
			if (d && dlen < sizeof(deltas) - 40)
				dlen += snprintf(deltas + dlen,
						 sizeof(deltas) - dlen,
						 " %s%+ld", c->name, d);
		} else {
			ck_assert_msg(t_snap_allocated(c) == b->allocated,
				      "cache '%s' holds %lu objects, %lu at "
				      "the start", c->name,
				      t_snap_allocated(c), b->allocated);
		}
		for (j = 0; j < c->nr_slabs; j++)
			pages += 1UL << c->slabs[j].order;
	}
	links_sheaves = t_held_sheaves(snap) - t_base_sheaves;
	ck_assert_msg(kmalloc_delta == 2 * links + links_sheaves,
		      "the kmalloc caches hold %ld more objects than at the "
		      "start (%s); the test left %ld alias links (2 objects "
		      "each) and %ld more sheaves", kmalloc_delta, deltas,
		      links, links_sheaves);
	slub_page_stats(&st);
	ck_assert_msg(st.large_pages == 0, "%lu large kmalloc pages left",
		      st.large_pages);
	ck_assert_msg(st.slab_pages == pages,
		      "page allocator counts %lu slab pages, the caches hold %lu",
		      st.slab_pages, pages);
	slub_snapshot_free(snap);

	for (i = 0; i < t_nbase; i++)
		free(t_base[i].name);
	free(t_base);
	t_base = NULL;
	t_nbase = 0;
	slub_shutdown();
	ck_assert(!slub_running());
}

/*
 * The fixtures use a 128 MiB arena instead of the default gigabyte: every
 * test starts the allocator afresh, and setting up the page map and
 * walking it (snapshots, the invariant checker) costs time in proportion.
 * The scenario and stress suites run with the defaults.
 */
#define T_ARENA (128UL << 20)

void t_setup(void)
{
	t_start(&(struct slub_config){ .simulated = true, .nr_cpus = 2,
				       .arena_bytes = T_ARENA });
}

void t_setup_nomerge(void)
{
	t_start(&(struct slub_config){ .simulated = true, .nr_cpus = 2,
				       .nomerge = true,
				       .arena_bytes = T_ARENA });
}

void t_setup_1cpu(void)
{
	t_start(&(struct slub_config){ .simulated = true, .nr_cpus = 1,
				       .arena_bytes = T_ARENA });
}

void t_teardown(void)
{
	t_finish();
}

/* ------------------------------------------------------------ readers */

const char *t_attr(struct kmem_cache *s, const char *attr, char *buf)
{
	ssize_t n;

	memset(buf, 0, SLAB_ATTR_BUFSIZE);
	n = slab_attr_show(s, attr, buf);
	ck_assert_msg(n >= 0, "slab_attr_show(%s, %s) = %zd",
		      kmem_cache_name(s), attr, n);
	ck_assert_msg((size_t)n == strlen(buf),
		      "slab_attr_show(%s) returned %zd for %zu characters",
		      attr, n, strlen(buf));
	return buf;
}

long t_attr_long(struct kmem_cache *s, const char *attr)
{
	char buf[SLAB_ATTR_BUFSIZE], *end;
	long v;

	t_attr(s, attr, buf);
	errno = 0;
	v = strtol(buf, &end, 10);
	/* a number, then the newline or the per-node " N0=..." terms */
	ck_assert_msg(end != buf && errno == 0 &&
		      ((*end == '\n' && !end[1]) || !strncmp(end, " N", 2)),
		      "attribute %s of %s is not one number: '%s'", attr,
		      kmem_cache_name(s), buf);
	return v;
}

unsigned long t_stat(struct kmem_cache *s, const char *item)
{
	char buf[SLAB_ATTR_BUFSIZE], *end;
	unsigned long v;

	t_attr(s, item, buf);
	v = strtoul(buf, &end, 10);
	ck_assert_msg(end != buf, "stat %s: '%s'", item, buf);
	return v;
}

unsigned long t_stat_cpu(struct kmem_cache *s, const char *item, int cpu)
{
	char buf[SLAB_ATTR_BUFSIZE], key[16];
	const char *p;

	t_attr(s, item, buf);
	snprintf(key, sizeof(key), " C%d=", cpu);
	p = strstr(buf, key);
	if (!p)
		return 0;
	return strtoul(p + strlen(key), NULL, 10);
}

void t_stat_text(struct kmem_cache *s, const char *item, const char *text)
{
	char buf[SLAB_ATTR_BUFSIZE], want[256];

	snprintf(want, sizeof(want), "%s\n", text);
	t_attr(s, item, buf);
	ck_assert_msg(!strcmp(buf, want), "%s of %s: got '%.*s', want '%s'",
		      item, kmem_cache_name(s), (int)strcspn(buf, "\n"), buf,
		      text);
}

void t_run_captured(void (*fn)(void *), void *arg, struct t_captured *c)
{
	int fd[2];
	pid_t pid;
	size_t len = 0;
	ssize_t n;

	ck_assert_int_eq(pipe(fd), 0);
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		close(fd[0]);
		dup2(fd[1], 2);
		fn(arg);
		fflush(stderr);
		_exit(0);
	}
	close(fd[1]);
	while ((n = read(fd[0], c->out + len, sizeof(c->out) - 1 - len)) > 0)
		len += n;
	c->out[len] = 0;
	close(fd[0]);
	ck_assert_int_eq(waitpid(pid, &c->status, 0), pid);
}

/* ------------------------------------------------------------ snapshots */

int t_snap_slab_of(const struct slub_snap_cache *c, const void *p)
{
	unsigned long a = (unsigned long)p;
	int i;

	for (i = 0; i < c->nr_slabs; i++) {
		const struct slub_snap_slab *sl = &c->slabs[i];

		if (a >= sl->addr &&
		    a < sl->addr + (unsigned long)sl->objects * c->size)
			return i;
	}
	return -1;
}

int t_snap_obj_index(const struct slub_snap_cache *c, int slab, const void *p)
{
	unsigned long off = (unsigned long)p - c->slabs[slab].addr;

	ck_assert_msg(off % c->size == 0, "%p is not at an object boundary",
		      p);
	return off / c->size;
}

unsigned long t_snap_allocated(const struct slub_snap_cache *c)
{
	unsigned long n = 0;
	int i;
	unsigned int j;

	for (i = 0; i < c->nr_slabs; i++)
		for (j = 0; j < c->slabs[i].objects; j++)
			n += c->slabs[i].obj[j].state == SLUB_OBJ_ALLOCATED;
	return n;
}

int t_snap_count_where(const struct slub_snap_cache *c,
		       enum slub_slab_where where)
{
	int i, n = 0;

	for (i = 0; i < c->nr_slabs; i++)
		n += c->slabs[i].where == where;
	return n;
}

const struct slub_snap_cache *t_snap_cache(const struct slub_snapshot *snap,
					   struct kmem_cache *s)
{
	const struct slub_snap_cache *c;

	c = slub_snapshot_cache(snap, kmem_cache_name(s));
	ck_assert_msg(c != NULL, "cache %s missing from the snapshot",
		      kmem_cache_name(s));
	return c;
}

void t_shrink_destroy(struct kmem_cache *s)
{
	struct slub_snapshot *snap;
	const struct slub_snap_cache *c;
	char name[256];

	snprintf(name, sizeof(name), "%s", kmem_cache_name(s));
	ck_assert_int_eq(kmem_cache_shrink(s), 0);
	snap = slub_snapshot_take();
	c = t_snap_cache(snap, s);
	if (c->refcount == 1 && t_snap_allocated(c) == 0)
		ck_assert_msg(c->nr_slabs == 0,
			      "%s keeps %d empty slabs after kmem_cache_shrink",
			      name, c->nr_slabs);
	slub_snapshot_free(snap);
	kmem_cache_destroy(s);
	ck_assert_int_eq(slub_check_invariants(stderr), 0);
}

/* ------------------------------------------------------------ kernel model */
/*
 * Written from mm/slub.c and mm/slab_common.c of Linux 3.18, not from the
 * allocator under test.
 */

int t_fls(unsigned long x)
{
	return x ? 64 - __builtin_clzl(x) : 0;
}

int t_get_order(unsigned long size)
{
	int order = 0;

	size = (size - 1) >> T_PAGE_SHIFT;
	while (size) {
		order++;
		size >>= 1;
	}
	return order;
}

unsigned long t_calculate_alignment(unsigned long flags, unsigned long align,
				    unsigned long size)
{
	if (flags & SLAB_HWCACHE_ALIGN) {
		unsigned long ralign = T_CACHE_LINE;

		while (size <= ralign / 2)
			ralign /= 2;
		align = align > ralign ? align : ralign;
	}
	if (align < T_ARCH_SLAB_MINALIGN)
		align = T_ARCH_SLAB_MINALIGN;
	return (align + sizeof(void *) - 1) & ~(sizeof(void *) - 1);
}

static unsigned long order_objects(int order, unsigned long size,
				   int reserved)
{
	return ((T_PAGE_SIZE << order) - reserved) / size;
}

static int slab_order(unsigned long size, int min_objects, int max_order,
		      int fract_leftover, int reserved)
{
	int order, start;
	unsigned long rem;

	if (order_objects(0, size, reserved) > T_MAX_OBJS_PER_PAGE)
		return t_get_order(size * T_MAX_OBJS_PER_PAGE) - 1;

	start = t_fls(min_objects * size - 1) - T_PAGE_SHIFT;
	for (order = start > 0 ? start : 0; order <= max_order; order++) {
		unsigned long slab_size = T_PAGE_SIZE << order;

		if (slab_size < min_objects * size + reserved)
			continue;
		rem = (slab_size - reserved) % size;
		if (rem <= slab_size / fract_leftover)
			break;
	}
	return order;
}

static int calculate_order(unsigned long size, int reserved, int nr_cpus,
			   int max_order)
{
	int order, min_objects, fraction;
	unsigned long max_objects;

	min_objects = 4 * (t_fls(nr_cpus) + 1);
	max_objects = order_objects(max_order, size, reserved);
	if ((unsigned long)min_objects > max_objects)
		min_objects = max_objects;

	while (min_objects > 1) {
		fraction = 16;
		while (fraction >= 4) {
			order = slab_order(size, min_objects, max_order,
					   fraction, reserved);
			if (order <= max_order)
				return order;
			fraction /= 2;
		}
		min_objects--;
	}
	order = slab_order(size, 1, max_order, 1, reserved);
	if (order <= max_order)
		return order;
	order = slab_order(size, 1, T_MAX_ORDER, 1, reserved);
	if (order < T_MAX_ORDER)
		return order;
	return -1;
}

bool t_kernel_geometry(unsigned long size, unsigned long align,
		       unsigned long flags, bool ctor, int nr_cpus,
		       int max_order, struct t_geom *g)
{
	unsigned long sz;
	int order;

	memset(g, 0, sizeof(*g));
	if (!max_order)
		max_order = 3;
	/* kmem_cache_create -> do_kmem_cache_create */
	g->object_size = size;
	g->align = t_calculate_alignment(flags, align, size);
	g->flags = flags;
	/* kmem_cache_open */
	g->reserved = (flags & SLAB_DESTROY_BY_RCU) ? T_RCU_RESERVED : 0;
	/* calculate_sizes */
	sz = (size + sizeof(void *) - 1) & ~(sizeof(void *) - 1);
	if ((flags & SLAB_POISON) && !(flags & SLAB_DESTROY_BY_RCU) && !ctor)
		g->flags |= __OBJECT_POISON;
	if ((flags & SLAB_RED_ZONE) && sz == size)
		sz += sizeof(void *);
	g->inuse = sz;
	if ((flags & (SLAB_DESTROY_BY_RCU | SLAB_POISON)) || ctor) {
		g->offset = sz;
		sz += sizeof(void *);
	}
	if (flags & SLAB_STORE_USER)
		sz += 2 * T_TRACK_SIZE;
	if (flags & SLAB_RED_ZONE)
		sz += sizeof(void *);
	sz = (sz + g->align - 1) & ~((unsigned long)g->align - 1);
	g->size = sz;
	order = calculate_order(sz, g->reserved, nr_cpus, max_order);
	if (order < 0)
		return false;
	g->order = order;
	g->objects = order_objects(order, sz, g->reserved);
	g->min_order = t_get_order(sz);
	g->min_objects = order_objects(g->min_order, sz, g->reserved);
	if (!g->objects)
		return false;
	/* set_min_partial(s, ilog2(s->size) / 2) */
	g->min_partial = (t_fls(sz) - 1) / 2;
	if (g->min_partial < T_MIN_PARTIAL)
		g->min_partial = T_MIN_PARTIAL;
	else if (g->min_partial > T_MAX_PARTIAL)
		g->min_partial = T_MAX_PARTIAL;
	/* kmem_cache_has_cpu_partial() is !kmem_cache_debug(s) */
	if (flags & T_DEBUG_FLAGS)
		g->cpu_partial = 0;
	else if (sz >= T_PAGE_SIZE)
		g->cpu_partial = 2;
	else if (sz >= 1024)
		g->cpu_partial = 6;
	else if (sz >= 256)
		g->cpu_partial = 13;
	else
		g->cpu_partial = 30;
	return true;
}

unsigned int t_kmalloc_class(size_t size)
{
	unsigned int c;

	if (size <= 8)
		return 8;
	if (size > 64 && size <= 96)
		return 96;
	if (size > 128 && size <= 192)
		return 192;
	for (c = 16; c < size; c <<= 1)
		;
	return c;
}
