// SPDX-License-Identifier: GPL-2.0-only
/*
 * Hand-built snapshots, for the tests and for --bench: a cache on two
 * CPUs and one node with a cpu slab per CPU, cpu partial chains, a node
 * partial list and full slabs, with freelists linked as SLUB links them.
 */
#include <stdlib.h>
#include <string.h>
#include "viz.h"

static void link_free(struct slub_snap_slab *s, int state, int *head)
{
	int i, prev = -1;

	*head = -1;
	for (i = (int)s->objects - 1; i >= 0; i--) {
		if (s->obj[i].state != state)
			continue;
		s->obj[i].next = prev;
		prev = i;
	}
	*head = prev;
}

/* Slab si: objects allocated except every k-th (k = 0: all allocated). */
static void fill_slab(struct slub_snap_slab *s, int si, int objs,
		      unsigned int size, int k, int state)
{
	int i;

	s->pfn = 0x100 + si * 1L;
	s->addr = 0x7f0000100000UL + (unsigned long)si * 4096;
	s->objects = objs;
	s->inuse = objs;
	s->obj = calloc(objs, sizeof(*s->obj));
	for (i = 0; s->obj && i < objs; i++) {
		s->obj[i].next = -1;
		if (k && (i % k == 0 || i > objs * 3 / 4)) {
			s->obj[i].state = state;
			s->inuse--;
		}
	}
	s->freelist = -1;
	(void)size;
}

static void place(struct slub_snap_cache *c, int si, int nr_cpus)
{
	struct slub_snap_slab *s = &c->slabs[si];
	int cpu = si % nr_cpus;

	if (si < nr_cpus) {
		s->where = SLUB_SLAB_CPU;
		s->owner = cpu;
		s->frozen = true;
		c->cpu[cpu].slab = si;
		link_free(s, SLUB_OBJ_CPU_FREE, &c->cpu[cpu].freelist);
		s->inuse = s->objects;
	} else if (si < 3 * nr_cpus) {
		s->where = SLUB_SLAB_CPU_PARTIAL;
		s->owner = cpu;
		s->frozen = true;
		c->cpu[cpu].partial[c->cpu[cpu].nr_partial++] = si;
		link_free(s, SLUB_OBJ_PAGE_FREE, &s->freelist);
	} else if (si % 2) {
		s->where = SLUB_SLAB_NODE_PARTIAL;
		s->owner = 0;
		c->node[0].partial[c->node[0].nr_partial++] = si;
		link_free(s, SLUB_OBJ_PAGE_FREE, &s->freelist);
	} else {
		s->where = SLUB_SLAB_UNLISTED;
		s->owner = 0;
	}
}

static void fill_cache(struct slub_snap_cache *c, const char *name,
		       unsigned int size, unsigned long flags, int objs)
{
	c->name = strdup(name);
	c->size = size;
	c->object_size = size;
	c->align = 8;
	c->inuse = size;
	c->objects = objs;
	c->min_objects = objs;
	c->min_partial = 5;
	c->cpu_partial = 30;
	c->flags = flags;
	c->refcount = 1;
	c->is_root = true;
	if (flags & SLAB_RED_ZONE) {
		c->object_size = size - 8;
		c->inuse = size;
	}
	if (flags & (SLAB_POISON | SLAB_RED_ZONE | SLAB_STORE_USER)) {
		c->offset = c->inuse;
		c->size = c->inuse + 8 + (flags & SLAB_STORE_USER ? 304 : 0) +
			  (flags & SLAB_RED_ZONE ? 8 : 0);
	}
}

static void fill_stats(struct slub_snapshot *snap, struct slub_snap_cache *c)
{
	int cpu, i;

	for (cpu = 0; cpu < snap->nr_cpus; cpu++) {
		c->cpu[cpu].tid = 2 * 64 + cpu;
		c->cpu[cpu].stat[ALLOC_FASTPATH] = 100 + cpu;
		c->cpu[cpu].stat[ALLOC_SLAB] = c->nr_slabs / 2;
		c->cpu[cpu].stat[FREE_SLOWPATH] = 3 * cpu;
	}
	for (i = 0; i < NR_SLUB_STAT_ITEMS; i++)
		for (cpu = 0; cpu < snap->nr_cpus; cpu++)
			c->stat[i] += c->cpu[cpu].stat[i];
}

struct slub_snapshot *viz_synth_snapshot(int nr_slabs, int objs,
					 unsigned int size, unsigned long flags)
{
	static const char *const others[] = { "kmalloc-64", "kmalloc-128",
					      "kmem_cache_node", "kmem_cache" };
	struct slub_snapshot *snap = calloc(1, sizeof(*snap));
	struct slub_snap_cache *c;
	int i, cpu;

	if (!snap)
		return NULL;
	snap->nr_cpus = 2;
	snap->nr_nodes = 1;
	snap->current_cpu = 0;
	snap->nr_caches = 5;
	snap->caches = calloc(5, sizeof(*snap->caches));
	for (i = 1; i < 5; i++) {
		fill_cache(&snap->caches[i], others[i - 1], 64 << (i % 2), 0,
			   64);
		snap->caches[i].cpu = calloc(2, sizeof(struct slub_snap_cpu));
		snap->caches[i].node = calloc(1, sizeof(struct slub_snap_node));
	}
	c = &snap->caches[0];
	fill_cache(c, "viz-synth", size, flags, objs);
	c->nr_slabs = nr_slabs;
	c->slabs = calloc(nr_slabs, sizeof(*c->slabs));
	c->cpu = calloc(2, sizeof(*c->cpu));
	c->node = calloc(1, sizeof(*c->node));
	c->node[0].partial = calloc(nr_slabs + 1, sizeof(int));
	for (cpu = 0; cpu < 2; cpu++) {
		c->cpu[cpu].slab = -1;
		c->cpu[cpu].freelist = -1;
		c->cpu[cpu].partial = calloc(nr_slabs + 1, sizeof(int));
	}
	for (i = 0; i < nr_slabs; i++) {
		int state = i < 2 ? SLUB_OBJ_CPU_FREE : SLUB_OBJ_PAGE_FREE;

		fill_slab(&c->slabs[i], i, objs, c->size,
			  i < 3 * 2 || i % 2 ? 3 + i % 4 : 0, state);
		place(c, i, 2);
	}
	for (cpu = 0; cpu < 2; cpu++) {
		if (c->cpu[cpu].nr_partial) {
			struct slub_snap_slab *h =
				&c->slabs[c->cpu[cpu].partial[0]];

			h->pages = c->cpu[cpu].nr_partial;
			h->pobjects = h->pages * objs / 3;
		}
	}
	fill_stats(snap, c);
	return snap;
}

static void free_cache(struct slub_snap_cache *c, int nr_cpus)
{
	int i;

	for (i = 0; i < c->nr_slabs; i++)
		free(c->slabs[i].obj);
	for (i = 0; c->cpu && i < nr_cpus; i++)
		free(c->cpu[i].partial);
	if (c->node) {
		free(c->node[0].partial);
		free(c->node[0].full);
	}
	for (i = 0; i < c->nr_aliases; i++)
		free(c->aliases[i]);
	free(c->aliases);
	free(c->slabs);
	free(c->cpu);
	free(c->node);
	free(c->name);
}

void viz_synth_free(struct slub_snapshot *snap)
{
	int i;

	if (!snap)
		return;
	for (i = 0; i < snap->nr_caches; i++)
		free_cache(&snap->caches[i], snap->nr_cpus);
	free(snap->caches);
	free(snap);
}
