/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A design of design_free_bulk(): objects of the running CPU's slab that
 * come one after another in p[] are linked into one chain and pushed on
 * the CPU's freelist with a single compare-and-swap (one tid step for the
 * whole run, as Linux 4.6's build_detached_freelist() does for a slab);
 * every other object takes kmem_cache_free(). Caches whose frees need
 * more than the fast path (debugging, tracing, memcg, rseq) use the loop.
 */
static void design_free_bulk(struct kmem_cache *s, size_t size, void **p)
{
	size_t i = 0, j;

	if (cpu_rseq || kmem_cache_debug(s) || memcg_kmem_enabled() ||
	    (s->flags & (SLAB_DEBUG_FREE | SLAB_TRACE))) {
		for (; i < size; i++)
			kmem_cache_free(s, p[i]);
		return;
	}
	while (i < size) {
		struct page *page = virt_to_head_page(p[i]);
		struct kmem_cache_cpu *c = this_cpu_ptr(s->cpu_slab);
		void *head = p[i], *freelist;
		unsigned long tid;

		if (page != READ_ONCE(c->page)) {
			kmem_cache_free(s, p[i++]);
			continue;
		}
		/* the run of p[i..j-1] on this slab, p[j-1] first */
		slab_free_hook(s, p[i]);
		for (j = i + 1; j < size && virt_to_head_page(p[j]) == page;
		     j++) {
			slab_free_hook(s, p[j]);
			set_freepointer(s, p[j], head);
			head = p[j];
		}
redo:
		c = this_cpu_ptr(s->cpu_slab);
		tid = READ_ONCE(c->tid);
		if (page != READ_ONCE(c->page) || !cpu_tid_ready(tid)) {
			while (i < j)
				kmem_cache_free(s, p[i++]);
			continue;
		}
		freelist = READ_ONCE(c->freelist);
		set_freepointer(s, p[i], freelist);
		if (unlikely(!this_cpu_cmpxchg_double(s, c, freelist, tid,
						      head, next_tid(tid)))) {
			note_cmpxchg_failure("design_free_bulk", s, tid);
			goto redo;
		}
		for (; i < j; i++)
			stat_at(s, FREE_FASTPATH, p[i], page);
	}
}
