#line 379 "slub.nw"
/* SPDX-License-Identifier: GPL-2.0-only */
/* Tangled from slub.nw by notangle: do not edit, edit slub.nw. */
#include "slub_internal.h"

/* Global state of the observation layer */
#line 10703 "slub.nw"
slub_observer_fn slub_observer;
void *slub_observer_arg;
/* Global state of the observation layer */
#line 13434 "slub.nw"
static struct list_head held_sheaves = { &held_sheaves, &held_sheaves };
static unsigned int held_sheaves_made;
#line 384 "slub.nw"
#include "slub_observe_protos.h"
/* Say in words what each counter counts: slub_stat_words */
#line 10592 "slub.nw"
static const char *const stat_words[NR_SLUB_STAT_ITEMS] = {
	[ALLOC_FASTPATH] = "took the first object of the cpu freelist",
	[ALLOC_SLOWPATH] = "took the slow path",
	[FREE_FASTPATH] = "pushed the object on the cpu freelist",
	[FREE_SLOWPATH] = "freed the object outside the cpu slab",
	[FREE_FROZEN] = "freed into a frozen slab; its owner finds the object",
	[FREE_ADD_PARTIAL] = "put the slab on the node's partial list",
	[FREE_REMOVE_PARTIAL] = "took the empty slab off the node's partial list",
	[ALLOC_FROM_PARTIAL] = "took a slab off the node's partial list as cpu slab",
	[ALLOC_SLAB] = "made a new slab the cpu slab",
	[ALLOC_REFILL] = "refilled the cpu freelist from the slab's own freelist",
	[ALLOC_NODE_MISMATCH] = "the cpu slab is on the wrong node",
	[FREE_SLAB] = "gave the empty slab back to the page allocator",
	[CPUSLAB_FLUSH] = "flushed the cpu slab",
	[DEACTIVATE_FULL] = "deactivated a full slab: it is on no list",
	[DEACTIVATE_EMPTY] = "deactivated an empty slab: it is freed",
	[DEACTIVATE_TO_HEAD] = "deactivated the slab to the head of the partial list",
	[DEACTIVATE_TO_TAIL] = "deactivated the slab to the tail of the partial list",
	[DEACTIVATE_REMOTE_FREES] = "the slab holds objects that other CPUs freed",
	[DEACTIVATE_BYPASS] = "the cpu slab is full: dropped, on no list",
	[ORDER_FALLBACK] = "fell back to the smallest order",
	[CMPXCHG_DOUBLE_CPU_FAIL] = "the per-CPU compare-and-swap failed: redo",
	[CMPXCHG_DOUBLE_FAIL] = "the slab's compare-and-swap failed: retry",
	[CPU_PARTIAL_ALLOC] = "made the next slab of the cpu partial chain the cpu slab",
	[CPU_PARTIAL_FREE] = "froze the full slab onto the cpu partial chain",
	[CPU_PARTIAL_NODE] = "moved a slab from the node to the cpu partial chain",
	[CPU_PARTIAL_DRAIN] = "the cpu partial chain is full: drained to the node",

/* The words of the sheaf counters */
#line 13739 "slub.nw"
[SHEAF_FLUSH] = "objects flushed from a sheaf to their slabs",
[SHEAF_REFILL] = "objects refilled into a sheaf from the slabs",
[SHEAF_ALLOC] = "an empty sheaf allocated",
[SHEAF_FREE] = "an empty sheaf freed",
[BARN_GET] = "a full sheaf taken from the barn",
[BARN_GET_FAIL] = "the barn has no full sheaf",
[BARN_PUT] = "a full sheaf put in the barn",
[BARN_PUT_FAIL] = "the barn is full: the sheaf is not taken",
[SHEAF_PREFILL_FAST] = "prefill: the CPU's spare sheaf handed out",
[SHEAF_PREFILL_SLOW] = "prefill: no spare sheaf; from the barn or new",
[SHEAF_PREFILL_OVERSIZE] = "prefill: a sheaf above the cache's capacity",
[SHEAF_RETURN_FAST] = "a returned sheaf becomes the CPU's spare",
[SHEAF_RETURN_SLOW] = "a returned sheaf goes to the barn or is flushed",
#line 10620 "slub.nw"
};

const char *slub_stat_words(int item)
{
	return item >= 0 && item < NR_SLUB_STAT_ITEMS ? stat_words[item] :
							 NULL;
}
/* Say in words what each reported step does: step_words_of */
#line 10635 "slub.nw"
#ifndef SLUB_NO_EVENTS
static const struct {
	const char *func, *words;
} step_words[] = {
	{ "do_kmem_cache_create", "created the cache" },
	{ "__kmem_cache_alias", "merged the new cache into an existing one" },
	{ "sysfs_slab_add", "made the cache's sysfs directory" },
	{ "kmem_cache_destroy", "destroyed the cache" },
	{ "__slab_alloc", "handed out the first object; the rest is the cpu freelist" },
	{ "__slab_free", "linked the object to the slab's freelist under list_lock" },
	{ "flush_all", "flushed every cpu slab and cpu partial chain" },
	{ "__kmem_cache_shrink", "freed the empty slabs, sorted the partial lists" },
	{ "kmalloc_large_node", "took pages straight from the page allocator" },
};

static const char *step_words_of(const char *func)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(step_words); i++)
		if (!strcmp(step_words[i].func, func))
			return step_words[i].words;
	return NULL;
}
#endif
/* Find a function's section in the book: slub_func_section */
#line 10669 "slub.nw"
#include "slub_sections.h"

static int func_section_cmp(const void *key, const void *entry)
{
	return strcmp(key, ((const struct slub_func_section *)entry)->func);
}

static const struct slub_func_section *func_section_of(const char *func)
{
	if (!func)
		return NULL;
	return bsearch(func, slub_func_sections, ARRAY_SIZE(slub_func_sections),
		       sizeof(slub_func_sections[0]), func_section_cmp);
}

const char *slub_func_section(const char *func)
{
	const struct slub_func_section *f = func_section_of(func);

	return f ? f->section : NULL;
}

const char *slub_func_section_title(const char *func)
{
	const struct slub_func_section *f = func_section_of(func);

	return f ? f->title : NULL;
}
/* Install the observer: slub_set_observer */
#line 10757 "slub.nw"
void slub_set_observer(slub_observer_fn fn, void *arg)
{
	slub_observer_check();
	slub_observer_arg = arg;
	slub_observer = fn;
}
/* Format an event and call the observer: __slub_event */
#line 10838 "slub.nw"
#ifndef SLUB_NO_EVENTS
void __slub_event(enum slub_event_type type, const struct kmem_cache *s,
	     const char *func, int si, const void *object, struct page *page,
	     const char *fmt, ...)
{
	slub_observer_fn fn = slub_observer;
	const char *words;
	char buf[512], *heap = NULL;
	struct slub_event ev;
	va_list ap;
	size_t n = 0;
	int len;

	if (!fn)
		return;
	words = type == SLUB_EV_STAT ? stat_words[si] :
		type == SLUB_EV_STEP ? step_words_of(func) : NULL;

	/* Put the words and the detail into buf, or into heap if long */
#line 10867 "slub.nw"
	if (words)
		n = snprintf(buf, sizeof(buf), "%s (", words);
	va_start(ap, fmt);
	len = vsnprintf(buf + n, sizeof(buf) - n, fmt, ap);
	va_end(ap);
	if (len < 0)
		len = 0;
	if (n + len + 1 >= sizeof(buf) && (heap = malloc(n + len + 2))) {
		memcpy(heap, buf, n);
		va_start(ap, fmt);
		vsnprintf(heap + n, len + 1, fmt, ap);
		va_end(ap);
		strcpy(heap + n + len, ")");
	} else if (words && len) {
		strcpy(buf + n + len, ")");
	}
	if (words && !len)
		buf[n - 2] = '\0';
#line 10856 "slub.nw"

	/* Fill in the event and call the observer */
#line 10888 "slub.nw"
	if (!page && object && type != SLUB_EV_REPORT)
		page = slub_virt_to_head_page_checked((void *)object);
	ev.type = type;
	ev.func = func;
	ev.what = heap ? heap : buf;
	ev.section = slub_func_section(func);
	ev.cache = s ? s->name : NULL;
	ev.cpu = smp_processor_id();
	ev.stat = type == SLUB_EV_STAT ? si : -1;
	ev.object = object;
	ev.pfn = page ? (long)page_to_pfn(page) : -1;
	slub_in_observer = true;
	fn(&ev, slub_observer_arg);
	slub_in_observer = false;
#line 10857 "slub.nw"
	free(heap);
}
#endif
/* Stop on an observer that called the allocator: observer_reentered */
#line 10925 "slub.nw"
#ifndef SLUB_NO_EVENTS
__thread bool slub_in_observer;

void observer_reentered(const char *func)
{
	panic("SLUB: the allocator was called from an event observer (in %s); "
	      "an observer may not call it (see the observer's contract)\n",
	      func);
}
#endif
/* Find the slab and the index of an object: snap_find_slab */
#line 10192 "slub.nw"
static int snap_find_slab(const struct slub_snap_cache *sc, long pfn)
{
	int lo = 0, hi = sc->nr_slabs - 1;

	while (lo <= hi) {
		int mid = (lo + hi) / 2;

		if (sc->slabs[mid].pfn == pfn)
			return mid;
		if (sc->slabs[mid].pfn < pfn)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

static inline bool snap_is_slab_of(struct page *page, struct kmem_cache *s)
{
	return PageSlab(page) && !PageRcuFree(page) && page->slab_cache == s;
}

static int snap_object_index(struct kmem_cache *s, struct page *page,
			     void *p)
{
	char *base = page_address(page);

	if (!p || (char *)p < base ||
	    (char *)p >= base + page->objects * s->size ||
	    ((char *)p - base) % s->size)
		return -1;
	return ((char *)p - base) / s->size;
}
/* Give the objects of a freelist their state: snap_freelist */
#line 10232 "slub.nw"
static int snap_freelist(struct kmem_cache *s, struct page *page,
			 struct slub_snap_slab *ss, void *head,
			 enum slub_obj_state state)
{
	int first = snap_object_index(s, page, head), i = first, steps = 0;
	void *p = head;

	while (i >= 0 && steps++ <= (int)ss->objects) {
		void *next = slub_freepointer(s, p);
		int j = snap_object_index(s, page, next);

		if (ss->obj[i].state != SLUB_OBJ_ALLOCATED)
			break;
		ss->obj[i].state = state;
		ss->obj[i].next = j;
		p = next;
		i = j;
	}
	return first;
}
/* Copy one slab into the snapshot: snap_fill_slab */
#line 10255 "slub.nw"
static int snap_fill_slab(struct kmem_cache *s, struct page *page,
			  struct slub_snap_slab *ss)
{
	unsigned int i;

	ss->pfn = page_to_pfn(page);
	ss->addr = (unsigned long)page_address(page);
	ss->order = compound_order(page);
	ss->node = page_to_nid(page);
	ss->inuse = page->inuse;
	ss->objects = page->objects;
	ss->frozen = page->frozen;
	ss->pfmemalloc = PageSlabPfmemalloc(page);
	ss->where = SLUB_SLAB_UNLISTED;
	ss->owner = -1;
	ss->obj = calloc(page->objects ? page->objects : 1, sizeof(*ss->obj));
	if (!ss->obj)
		return -ENOMEM;
	for (i = 0; i < page->objects; i++)
		ss->obj[i].next = -1;
	ss->freelist = snap_freelist(s, page, ss, page->freelist,
				     SLUB_OBJ_PAGE_FREE);
	return 0;
}
/* Copy one CPU's structure and partial chain: snap_fill_cpu */
#line 10285 "slub.nw"
static int snap_fill_cpu(struct kmem_cache *s, struct slub_snap_cache *sc,
			 int cpu)
{
	struct kmem_cache_cpu *c = per_cpu_ptr(s->cpu_slab, cpu);
	struct slub_snap_cpu *sp = &sc->cpu[cpu];
	struct page *page;
	int i, n = 0;

	sp->tid = READ_ONCE(c->tid) & ~TID_BUSY;
	sp->slab = -1;
	sp->freelist = -1;
	for (i = 0; i < NR_SLUB_STAT_ITEMS; i++)
		sp->stat[i] = READ_ONCE(c->stat[i]);
	page = READ_ONCE(c->page);
	if (page && (sp->slab = snap_find_slab(sc, page_to_pfn(page))) >= 0) {
		struct slub_snap_slab *ss = &sc->slabs[sp->slab];

		ss->where = SLUB_SLAB_CPU;
		ss->owner = cpu;
		sp->freelist = snap_freelist(s, page, ss, READ_ONCE(c->freelist),
					     SLUB_OBJ_CPU_FREE);
	}
	for (page = c->partial; page && n < sc->nr_slabs; page = page->next)
		n++;
	sp->partial = calloc(n ? n : 1, sizeof(int));
	if (!sp->partial)
		return -ENOMEM;
	for (page = c->partial, i = 0; page && i < n; page = page->next, i++) {
		int k = snap_find_slab(sc, page_to_pfn(page));

		sp->partial[i] = k;
		if (k >= 0) {
			sc->slabs[k].where = SLUB_SLAB_CPU_PARTIAL;
			sc->slabs[k].owner = cpu;
			sc->slabs[k].pages = page->pages;
			sc->slabs[k].pobjects = page->pobjects;
		}
	}
	sp->nr_partial = n;
	return 0;
}
/* Copy the nodes' partial and full lists: snap_fill_nodes */
#line 10329 "slub.nw"
static int *snap_list(struct slub_snap_cache *sc, struct list_head *head,
		      int *count, enum slub_slab_where where, int node)
{
	struct page *page;
	int n = 0, *v;

	list_for_each_entry(page, head, lru)
		n++;
	v = calloc(n ? n : 1, sizeof(int));
	if (!v)
		return NULL;
	n = 0;
	list_for_each_entry(page, head, lru) {
		int k = snap_find_slab(sc, page_to_pfn(page));

		v[n++] = k;
		if (k >= 0) {
			sc->slabs[k].where = where;
			sc->slabs[k].owner = node;
		}
	}
	*count = n;
	return v;
}

static int snap_fill_nodes(struct kmem_cache *s, struct slub_snap_cache *sc)
{
	int node, cnt;

	for (node = 0; node < nr_node_ids; node++) {
		struct kmem_cache_node *n = get_node(s, node);
		struct slub_snap_node *sn = &sc->node[node];

		spin_lock(&n->list_lock);
		sn->partial = snap_list(sc, &n->partial, &cnt,
					SLUB_SLAB_NODE_PARTIAL, node);
		sn->nr_partial = cnt;
		sn->full = snap_list(sc, &n->full, &sn->nr_full,
				     SLUB_SLAB_NODE_FULL, node);
		spin_unlock(&n->list_lock);
		if (!sn->partial || !sn->full)
			return -ENOMEM;
	}
	return 0;
}
/* Copy one cache, its slabs, CPUs and nodes: snap_fill_cache */
#line 10379 "slub.nw"
static int snap_fill_cache(struct kmem_cache *s, struct slub_snap_cache *sc)
{
	struct slub_alias *a;
	unsigned long pfn;
	int n = 0, cpu, i;

	(void)pfn;
	sc->name = strdup(s->name ? s->name : "(unnamed)");
	for (a = s->aliases; a; a = a->next)
		n++;
	sc->aliases = calloc(n ? n : 1, sizeof(char *));
	if (!sc->name || !sc->aliases)
		return -ENOMEM;
	for (a = s->aliases; a; a = a->next)
		if (strcmp(a->name, s->name))
			sc->aliases[sc->nr_aliases++] = strdup(a->name);

	/* Copy the geometry and tuning of the cache */
#line 10423 "slub.nw"
	sc->size = s->size;
	sc->object_size = s->object_size;
	sc->align = s->align;
	sc->offset = s->offset;
	sc->inuse = s->inuse;
	sc->reserved = s->reserved;
	sc->track_size = slub_track_size();
	sc->order = oo_order(s->oo);
	sc->objects = oo_objects(s->oo);
	sc->min_order = oo_order(s->min);
	sc->min_objects = oo_objects(s->min);
	sc->min_partial = s->min_partial;
	sc->cpu_partial = s->cpu_partial;
	sc->flags = s->flags;
	sc->refcount = s->refcount;
	sc->has_ctor = s->ctor != NULL;
	sc->is_root = is_root_cache(s);
#line 10396 "slub.nw"
	for_each_allocated_block(pfn)
		n += snap_is_slab_of(&mem_map[pfn], s);
	sc->slabs = calloc(n ? n : 1, sizeof(*sc->slabs));
	sc->cpu = calloc(nr_cpu_ids, sizeof(*sc->cpu));
	sc->node = calloc(nr_node_ids, sizeof(*sc->node));
	if (!sc->slabs || !sc->cpu || !sc->node)
		return -ENOMEM;
	for_each_allocated_block(pfn) {
		struct page *page = &mem_map[pfn];

		if (sc->nr_slabs < n && snap_is_slab_of(page, s) &&
		    snap_fill_slab(s, page, &sc->slabs[sc->nr_slabs++]))
			return -ENOMEM;
	}
	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		if (snap_fill_cpu(s, sc, cpu))
			return -ENOMEM;
		for (i = 0; i < NR_SLUB_STAT_ITEMS; i++)
			sc->stat[i] += sc->cpu[cpu].stat[i];
	}
	if (snap_fill_nodes(s, sc))
		return -ENOMEM;
	return snap_fill_sheaves(s, sc);
}
/* Take a snapshot of every cache: slub_snapshot_take */
#line 10443 "slub.nw"
struct slub_snapshot *slub_snapshot_take(void)
{
	struct slub_snapshot *snap;
	struct kmem_cache *s;
	int n = 0;

	slub_observer_check();
	if (!slub_running())
		return NULL;
	snap = calloc(1, sizeof(*snap));
	if (!snap)
		return NULL;
	slab_mutex_lock();
	snap->nr_cpus = nr_cpu_ids;
	snap->nr_nodes = nr_node_ids;
	snap->current_cpu = slub_sim_cpu();
	list_for_each_entry(s, &slab_caches, list)
		n++;
	snap->caches = calloc(n ? n : 1, sizeof(*snap->caches));
	if (!snap->caches)
		goto fail;
	list_for_each_entry(s, &slab_caches, list)
		if (snap_fill_cache(s, &snap->caches[snap->nr_caches++]))
			goto fail;
	slab_mutex_unlock();
	slub_page_stats(&snap->pages);
	return snap;
fail:
	slab_mutex_unlock();
	slub_snapshot_free(snap);
	return NULL;
}
/* Free a snapshot, and find a cache in one: slub_snapshot_free and slub_snapshot_cache */
#line 10478 "slub.nw"
void slub_snapshot_free(struct slub_snapshot *snap)
{
	int i, j;

	if (!snap)
		return;
	for (i = 0; i < snap->nr_caches; i++) {
		struct slub_snap_cache *sc = &snap->caches[i];

		for (j = 0; j < sc->nr_aliases; j++)
			free(sc->aliases[j]);
		for (j = 0; j < sc->nr_slabs; j++)
			free(sc->slabs[j].obj);
		for (j = 0; sc->cpu && j < snap->nr_cpus; j++) {
			free(sc->cpu[j].partial);
			free(sc->cpu[j].main);
			free(sc->cpu[j].spare);
		}
		for (j = 0; sc->node && j < snap->nr_nodes; j++) {
			free(sc->node[j].partial);
			free(sc->node[j].full);
		}
		for (j = 0; j < sc->nr_prefilled; j++)
			free(sc->prefilled[j].objects);
		free(sc->prefilled);
		free(sc->aliases);
		free(sc->name);
		free(sc->slabs);
		free(sc->cpu);
		free(sc->node);
	}
	free(snap->caches);
	free(snap);
}

const struct slub_snap_cache *slub_snapshot_cache(
	const struct slub_snapshot *snap, const char *name)
{
	int i, j;

	for (i = 0; snap && i < snap->nr_caches; i++) {
		const struct slub_snap_cache *sc = &snap->caches[i];

		if (!strcmp(sc->name, name))
			return sc;
		for (j = 0; j < sc->nr_aliases; j++)
			if (!strcmp(sc->aliases[j], name))
				return sc;
	}
	return NULL;
}
/* Functions of the snapshot */
#line 13439 "slub.nw"
void slub_sheaf_held(struct slab_sheaf *sheaf)
{
	slab_mutex_lock();
	sheaf->held_id = ++held_sheaves_made;
	list_add_tail(&sheaf->barn_list, &held_sheaves);
	slab_mutex_unlock();
}

void slub_sheaf_released(struct slab_sheaf *sheaf)
{
	if (!sheaf->held_id)
		return;		/* a failed prefill's: never held */
	slab_mutex_lock();
	list_del_init(&sheaf->barn_list);
	sheaf->held_id = 0;
	slab_mutex_unlock();
}

unsigned int slub_sheaf_id(const struct slab_sheaf *sheaf)
{
	return sheaf ? sheaf->held_id : 0;
}

void slub_sheaves_forget(void)
{
	INIT_LIST_HEAD(&held_sheaves);
	held_sheaves_made = 0;
}
/* Functions of the snapshot */
#line 13488 "slub.nw"
static struct slub_snap_ref *snap_sheaf(struct kmem_cache *s,
					struct slub_snap_cache *sc,
					struct slab_sheaf *sheaf,
					enum slub_obj_state state)
{
	struct slub_snap_ref *v = calloc(sheaf->size ? sheaf->size : 1,
					 sizeof(*v));
	unsigned int i;

	if (!v)
		return NULL;
	for (i = 0; i < sheaf->size; i++) {
		struct page *page = virt_to_head_page(sheaf->objects[i]);
		int k = snap_find_slab(sc, page_to_pfn(page));
		int j = k < 0 ? -1 :
			snap_object_index(s, page, sheaf->objects[i]);

		v[i].slab = k;
		v[i].obj = j;
		if (j < 0 || sc->slabs[k].obj[j].state != SLUB_OBJ_ALLOCATED)
			sc->sheaf_conflicts++;
		else
			sc->slabs[k].obj[j].state = state;
	}
	return v;
}
/* Functions of the snapshot */
#line 13517 "slub.nw"
static int snap_fill_sheaves(struct kmem_cache *s, struct slub_snap_cache *sc)
{
	struct slab_sheaf *sheaf;
	int cpu, node, err = 0;

	sc->sheaf_capacity = s->sheaf_capacity;
	for (cpu = 0; cpu < nr_cpu_ids; cpu++)
		sc->cpu[cpu].spare_size = -1;
	if (snap_fill_prefilled(s, sc))
		return -ENOMEM;
	if (!s->cpu_sheaves)
		return 0;
	for (cpu = 0; cpu < nr_cpu_ids && !err; cpu++) {
		struct slub_percpu_sheaves *pcs = per_cpu_ptr(s->cpu_sheaves,
							      cpu);
		struct slub_snap_cpu *sp = &sc->cpu[cpu];

		local_lock(&pcs->lock);
		sp->main_size = pcs->main->size;
		sp->main = snap_sheaf(s, sc, pcs->main, SLUB_OBJ_SHEAF);
		if (pcs->spare) {
			sp->spare_size = pcs->spare->size;
			sp->spare = snap_sheaf(s, sc, pcs->spare,
					       SLUB_OBJ_SHEAF);
		}
		local_unlock(&pcs->lock);
		err = !sp->main || (pcs->spare && !sp->spare);
	}
	for (node = 0; node < nr_node_ids && !err; node++) {
		struct node_barn *barn = get_node(s, node)->barn;
		struct slub_snap_node *sn = &sc->node[node];

		sn->barn_max_full = MAX_FULL_SHEAVES;
		sn->barn_max_empty = MAX_EMPTY_SHEAVES;
		spin_lock(&barn->lock);
		list_for_each_entry(sheaf, &barn->sheaves_full, barn_list) {
			sn->barn_full++;
			sn->barn_objects += sheaf->size;
			free(snap_sheaf(s, sc, sheaf, SLUB_OBJ_BARN));
		}
		list_for_each_entry(sheaf, &barn->sheaves_empty, barn_list)
			sn->barn_empty++;
		spin_unlock(&barn->lock);
	}
	return err ? -ENOMEM : 0;
}
/* Functions of the snapshot */
#line 13573 "slub.nw"
static int snap_fill_prefilled(struct kmem_cache *s,
			       struct slub_snap_cache *sc)
{
	struct slab_sheaf *sheaf;
	int n = 0;

	list_for_each_entry(sheaf, &held_sheaves, barn_list)
		n += sheaf->cache == s;
	if (!n)
		return 0;
	sc->prefilled = calloc(n, sizeof(*sc->prefilled));
	if (!sc->prefilled)
		return -ENOMEM;
	list_for_each_entry(sheaf, &held_sheaves, barn_list) {
		struct slub_snap_prefilled *p;

		if (sheaf->cache != s)
			continue;
		p = &sc->prefilled[sc->nr_prefilled++];
		p->id = sheaf->held_id;
		p->capacity = sheaf->capacity;
		p->size = READ_ONCE(sheaf->size);
		p->objects = snap_sheaf(s, sc, sheaf, SLUB_OBJ_PREFILLED);
		if (!p->objects)
			return -ENOMEM;
	}
	return 0;
}
/* Walk a freelist and check each object on it: check_freelist_walk */
#line 10955 "slub.nw"
static int __attribute__((format(printf, 2, 3)))
inv_fail(FILE *out, const char *fmt, ...)
{
	va_list ap;

	fputs("invariant: ", out);
	va_start(ap, fmt);
	vfprintf(out, fmt, ap);
	va_end(ap);
	return 1;
}

static int check_freelist_walk(FILE *out, struct kmem_cache *s,
			       struct page *page, void *head,
			       const char *which)
{
	unsigned long *seen = calloc(BITS_TO_LONGS(page->objects) + 1,
				     sizeof(long));
	int n = 0, bad = 0;
	void *p;

	if (!seen)
		return 1;
	for (p = head; p; p = slub_freepointer(s, p)) {
		int i = snap_object_index(s, page, p);

		if (i < 0 || test_bit(i, seen)) {
			fprintf(out, "invariant: %s: %s of slab pfn %ld %s\n",
				s->name, which, page_to_pfn(page),
				i < 0 ? "leaves the slab" : "is cyclic");
			bad = 1;
			break;
		}
		set_bit(i, seen);
		n++;
	}
	free(seen);
	return bad;
}
/* Check one cache's slabs, lists and counters: check_cache_invariants */
#line 10997 "slub.nw"
static int check_cache_invariants(FILE *out, struct kmem_cache *s,
				  const struct slub_snap_cache *sc)
{
	int bad = 0, i, node, cpu;

	for (i = 0; i < sc->nr_slabs; i++) {
		const struct slub_snap_slab *ss = &sc->slabs[i];
		struct page *page = pfn_to_page(ss->pfn);
		unsigned int j, pagefree = 0;

		bad += check_freelist_walk(out, s, page, page->freelist,
					   "page freelist");
		for (j = 0; j < ss->objects; j++)
			pagefree += ss->obj[j].state == SLUB_OBJ_PAGE_FREE;

		/* Check one slab's counters and its place */
#line 11032 "slub.nw"
		if (ss->inuse != ss->objects - pagefree)
			bad += inv_fail(out, "%s: slab pfn %ld inuse %u but "
					"%u objects minus %u free\n",
					 s->name, ss->pfn, ss->inuse,
					 ss->objects, pagefree);
		if (ss->frozen != (ss->where == SLUB_SLAB_CPU ||
				   ss->where == SLUB_SLAB_CPU_PARTIAL))
			bad += inv_fail(out, "%s: slab pfn %ld frozen=%d but %s\n",
					 s->name, ss->pfn, ss->frozen,
					 ss->frozen ? "owned by no cpu" :
						      "owned by a cpu");
		if (ss->where == SLUB_SLAB_NODE_PARTIAL && ss->freelist < 0)
			bad += inv_fail(out, "%s: full slab pfn %ld on a partial list\n",
					 s->name, ss->pfn);
		if (!ss->frozen && ss->freelist >= 0 &&
		    ss->where != SLUB_SLAB_NODE_PARTIAL)
			bad += inv_fail(out, "%s: slab pfn %ld has free objects "
					"but is on no partial list\n",
					 s->name, ss->pfn);
#line 11012 "slub.nw"
	}
	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		struct kmem_cache_cpu *c = per_cpu_ptr(s->cpu_slab, cpu);

		if (c->page)
			bad += check_freelist_walk(out, s, c->page, READ_ONCE(c->freelist),
						   "cpu freelist");
		else if (READ_ONCE(c->freelist))
			bad += inv_fail(out, "%s: cpu %d has a freelist but no slab\n",
					 s->name, cpu);
	}
	for (node = 0; node < nr_node_ids; node++) {

		/* Check one node's counters */
#line 11054 "slub.nw"
		struct kmem_cache_node *n = get_node(s, node);
		long slabs = 0;

		for (i = 0; i < sc->nr_slabs; i++)
			slabs += sc->slabs[i].node == node;
		if (n->nr_partial != sc->node[node].nr_partial)
			bad += inv_fail(out, "%s: node %d nr_partial %lu but list has %lu\n",
					 s->name, node, n->nr_partial,
					 sc->node[node].nr_partial);
		if (n->nr_slabs != slabs)
			bad += inv_fail(out, "%s: node %d nr_slabs %ld but %ld slabs found\n",
					 s->name, node, n->nr_slabs, slabs);
#line 11025 "slub.nw"
	}
	bad += check_sheaf_invariants(out, s, sc);
	return bad;
}
/* Check every cache: slub_check_invariants */
#line 11069 "slub.nw"
int slub_check_invariants(FILE *out)
{
	struct slub_snapshot *snap;
	struct kmem_cache *s;
	int bad = 0, i = 0;

	if (!out)
		out = stderr;
	snap = slub_snapshot_take();
	if (!snap)
		return slub_running() ? 1 : 0;
	slab_mutex_lock();
	list_for_each_entry(s, &slab_caches, list) {
		if (i < snap->nr_caches)
			bad += check_cache_invariants(out, s, &snap->caches[i]);
		i++;
	}
	slab_mutex_unlock();
	if (snap->pages.free_pages + snap->pages.slab_pages +
	    snap->pages.large_pages != snap->pages.total_pages)
		bad += inv_fail(out, "pages: %lu free + %lu slab + %lu large != %lu total\n",
				 snap->pages.free_pages, snap->pages.slab_pages,
				 snap->pages.large_pages,
				 snap->pages.total_pages);
	slub_snapshot_free(snap);
	return bad;
}
/* Functions of the invariant checker */
#line 13612 "slub.nw"
static int check_sheaf_invariants(FILE *out, struct kmem_cache *s,
				  const struct slub_snap_cache *sc)
{
	struct slab_sheaf *sheaf;
	int bad = 0, node, cpu;

	if (sc->sheaf_conflicts)
		bad += inv_fail(out, "%s: %d objects in sheaves are also free "
				"elsewhere\n", s->name, sc->sheaf_conflicts);
	bad += check_sheaf_objects_counted(out, s, sc);
	list_for_each_entry(sheaf, &held_sheaves, barn_list)
		if (sheaf->cache == s && sheaf->size > sheaf->capacity)
			bad += inv_fail(out, "%s: prefilled sheaf %u holds %u "
					"objects in %u slots\n", s->name,
					sheaf->held_id, sheaf->size,
					sheaf->capacity);
	if (!s->cpu_sheaves)
		return bad;
	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		struct slub_percpu_sheaves *pcs = per_cpu_ptr(s->cpu_sheaves,
							      cpu);

		if (pcs->main->size > pcs->main->capacity ||
		    (pcs->spare && pcs->spare->size > pcs->spare->capacity))
			bad += inv_fail(out, "%s: cpu %d has a sheaf above its "
					"capacity\n", s->name, cpu);
	}
	for (node = 0; node < nr_node_ids; node++) {
		struct node_barn *barn = get_node(s, node)->barn;
		unsigned int full = 0, empty = 0;

		spin_lock(&barn->lock);
		list_for_each_entry(sheaf, &barn->sheaves_full, barn_list)
			full++, bad += sheaf->size != sheaf->capacity ?
				inv_fail(out, "%s: a sheaf of %u objects on the "
					 "barn's full list\n", s->name,
					 sheaf->size) : 0;
		list_for_each_entry(sheaf, &barn->sheaves_empty, barn_list)
			empty++, bad += sheaf->size ?
				inv_fail(out, "%s: a sheaf of %u objects on the "
					 "barn's empty list\n", s->name,
					 sheaf->size) : 0;
		if (full != barn->nr_full || empty != barn->nr_empty ||
		    empty > MAX_EMPTY_SHEAVES)
			bad += inv_fail(out, "%s: node %d barn counts %u full, "
					"%u empty; lists have %u, %u\n",
					s->name, node, barn->nr_full,
					barn->nr_empty, full, empty);
		spin_unlock(&barn->lock);
	}
	return bad;
}
/* Functions of the invariant checker */
#line 13673 "slub.nw"
static int check_sheaf_objects_counted(FILE *out, struct kmem_cache *s,
				       const struct slub_snap_cache *sc)
{
	long held = 0, found = 0;
	int i;
	unsigned int j;

	for (i = 0; i < nr_cpu_ids; i++)
		held += sc->cpu[i].main_size +
			(sc->cpu[i].spare_size > 0 ? sc->cpu[i].spare_size : 0);
	for (i = 0; i < nr_node_ids; i++)
		held += sc->node[i].barn_objects;
	for (i = 0; i < sc->nr_prefilled; i++)
		held += sc->prefilled[i].size;
	for (i = 0; i < sc->nr_slabs; i++)
		for (j = 0; j < sc->slabs[i].objects; j++)
			found += sc->slabs[i].obj[j].state == SLUB_OBJ_SHEAF ||
				 sc->slabs[i].obj[j].state == SLUB_OBJ_BARN ||
				 sc->slabs[i].obj[j].state ==
				 SLUB_OBJ_PREFILLED;
	if (held == found + sc->sheaf_conflicts)
		return 0;
	return inv_fail(out, "%s: sheaves hold %ld objects, %ld found in "
			"the slabs\n", s->name, held, found);
}
