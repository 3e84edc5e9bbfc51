/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * One design of the sheaf refill and flush (for teachers): objects are
 * taken a slab at a time, the whole run of a slab's freelist in one
 * compare-and-swap, partial slabs first; a flush gives back each run of
 * objects of one slab as a chain, with one compare-and-swap per run.
 */

/* Up to max objects off page's freelist, in one compare-and-swap. */
static unsigned int design_take(struct kmem_cache *s, struct page *page,
				void **p, unsigned int max)
{
	void *head, *rest;
	unsigned long counters;
	struct page new;
	unsigned int k;

	do {
		head = __atomic_load_n(&page->freelist, __ATOMIC_ACQUIRE);
		counters = READ_ONCE(page->counters);
		new.counters = counters;
		rest = head;
		for (k = 0; rest && k < max; k++) {
			p[k] = rest;
			rest = get_freepointer(s, rest);
		}
		new.inuse += k;
	} while (!cmpxchg_double_slab(s, page, head, counters, rest,
				      new.counters, "design_take"));
	return k;
}

/* Up to max objects of a new slab, which nobody else sees yet. */
static unsigned int design_take_new(struct kmem_cache *s,
				    struct kmem_cache_node *n,
				    struct page *page, void **p,
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
	return k;
}

static unsigned int design_sheaf_refill(struct kmem_cache *s,
					struct slab_sheaf *sheaf, gfp_t gfp)
{
	unsigned int want = sheaf->capacity - sheaf->size, got = 0, i;
	void **p = sheaf->objects + sheaf->size;
	int node = numa_mem_id();
	struct kmem_cache_node *n = get_node(s, node);
	struct page *page, *t __maybe_unused;

	if (want && READ_ONCE(n->nr_partial)) {
		spin_lock(&n->list_lock);
		list_for_each_entry_safe(page, t, &n->partial, lru) {
			got += design_take(s, page, p + got, want - got);
			if (!READ_ONCE(page->freelist))
				remove_partial(n, page);
			if (got == want)
				break;
		}
		spin_unlock(&n->list_lock);
	}
	while (got < want && (page = new_slab(s, gfp, node))) {
		stat_at(s, ALLOC_SLAB, NULL, page);
		got += design_take_new(s, n, page, p + got, want - got);
	}
	for (i = 0; i < got; i++)
		stat_at(s, SHEAF_REFILL, p[i], NULL);
	sheaf->size += got;
	return got;
}

/* Give the chain head..tail of cnt objects back to page. */
static void design_give_back(struct kmem_cache *s, struct page *page,
			     void *head, void *tail, unsigned int cnt)
{
	struct kmem_cache_node *n = NULL;
	unsigned long counters;
	struct page new;
	void *prior;

	for (;;) {
		prior = READ_ONCE(page->freelist);
		counters = READ_ONCE(page->counters);
		set_freepointer(s, tail, prior);
		new.counters = counters;
		new.inuse -= cnt;
		if ((!new.inuse || !prior) && !n) {
			n = get_node(s, page_to_nid(page));
			spin_lock(&n->list_lock);
		}
		if (cmpxchg_double_slab(s, page, prior, counters, head,
					new.counters, "design_give_back"))
			break;
	}
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

static void design_sheaf_flush(struct kmem_cache *s, struct slab_sheaf *sheaf)
{
	unsigned int i, j, n = sheaf->size;
	void **o = sheaf->objects;

	for (i = 0; i < n; i = j) {
		struct page *page = virt_to_head_page(o[i]);

		stat_at(s, SHEAF_FLUSH, o[i], page);
		for (j = i + 1; j < n && virt_to_head_page(o[j]) == page; j++) {
			stat_at(s, SHEAF_FLUSH, o[j], page);
			set_freepointer(s, o[j - 1], o[j]);
		}
		design_give_back(s, page, o[i], o[j - 1], j - i);
	}
	sheaf->size = 0;
}
