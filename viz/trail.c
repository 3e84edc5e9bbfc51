// SPDX-License-Identifier: GPL-2.0-only
/*
 * The trail: the functions a step went through, as callers and callees.
 *
 * The events say which function reported them, not who called it, and
 * their order is the order of the reports: __put_cpu_partial counts its
 * drain before __slab_free, its caller, counts the free.  So the nesting
 * comes from the call graph of the allocator's functions, written down
 * once below from the book's code (which follows mm/slub.c of 3.18):
 * each function of the step hangs under the nearest other function of
 * the step that calls it, directly or through functions that reported
 * nothing (those are shown too, without a section: new_slab_objects >
 * new_slab > allocate_slab).
 */
#include <string.h>
#include "viz.h"

/* Who calls whom, among the functions on the way to a report. */
static const struct { const char *caller, *callee; } calls[] = {
	/* Allocation. */
	{ "kmem_cache_alloc", "slab_alloc" },
	{ "kmem_cache_alloc_node", "slab_alloc_node" },
	{ "slab_alloc", "slab_alloc_node" },
	{ "do_kmalloc_node", "slab_alloc_node" },
	{ "do_kmalloc_node", "kmalloc_large_node" },
	{ "kmalloc", "do_kmalloc_node" },
	{ "kmalloc_node", "do_kmalloc_node" },
	{ "slab_alloc_node", "rseq_slab_alloc" },
	{ "slab_alloc_node", "note_cmpxchg_failure" },
	{ "slab_alloc_node", "__slab_alloc" },
	{ "rseq_slab_alloc", "rseq_slab_alloc_slow" },
	{ "rseq_slab_alloc_slow", "__slab_alloc" },
	{ "__slab_alloc", "deactivate_slab" },
	{ "__slab_alloc", "get_freelist" },
	{ "__slab_alloc", "new_slab_objects" },
	{ "__slab_alloc", "alloc_debug_processing" },
	{ "__slab_alloc", "slab_out_of_memory" },
	{ "new_slab_objects", "get_partial" },
	{ "new_slab_objects", "flush_slab" },
	{ "new_slab_objects", "new_slab" },
	{ "get_partial", "get_partial_node" },
	{ "get_partial", "get_any_partial" },
	{ "get_any_partial", "get_partial_node" },
	{ "get_partial_node", "acquire_slab" },
	{ "get_partial_node", "__put_cpu_partial" },
	{ "new_slab", "allocate_slab" },
	{ "allocate_slab", "alloc_slab_page" },
	/* Freeing. */
	{ "kmem_cache_free", "slab_free" },
	{ "do_kfree", "slab_free" },
	{ "kfree", "do_kfree" },
	{ "slab_free", "rseq_slab_free" },
	{ "slab_free", "note_cmpxchg_failure" },
	{ "slab_free", "__slab_free" },
	{ "__slab_free", "free_debug_processing" },
	{ "__slab_free", "cmpxchg_double_slab" },
	{ "__slab_free", "put_cpu_partial" },
	{ "__slab_free", "remove_full" },
	{ "__slab_free", "add_partial" },
	{ "__slab_free", "remove_partial" },
	{ "__slab_free", "discard_slab" },
	{ "put_cpu_partial", "__put_cpu_partial" },
	{ "__put_cpu_partial", "unfreeze_partials" },
	{ "unfreeze_partials", "__cmpxchg_double_slab" },
	{ "unfreeze_partials", "add_partial" },
	{ "unfreeze_partials", "discard_slab" },
	/* Deactivation and flushing. */
	{ "deactivate_slab", "__cmpxchg_double_slab" },
	{ "deactivate_slab", "cmpxchg_double_slab" },
	{ "deactivate_slab", "add_partial" },
	{ "deactivate_slab", "add_full" },
	{ "deactivate_slab", "remove_partial" },
	{ "deactivate_slab", "discard_slab" },
	{ "cmpxchg_double_slab", "__cmpxchg_double_slab" },
	{ "flush_slab", "deactivate_slab" },
	{ "flush_all", "__flush_cpu_slab" },
	{ "__flush_cpu_slab", "flush_slab" },
	{ "__flush_cpu_slab", "unfreeze_partials" },
	{ "discard_slab", "free_slab" },
	{ "kmem_cache_shrink", "__kmem_cache_shrink" },
	{ "__kmem_cache_shrink", "flush_all" },
	{ "__kmem_cache_shrink", "discard_slab" },
	/* Creation and destruction. */
	{ "kmem_cache_create", "__kmem_cache_alias" },
	{ "kmem_cache_create", "do_kmem_cache_create" },
	{ "__kmem_cache_alias", "sysfs_slab_alias" },
	{ "do_kmem_cache_create", "__kmem_cache_create" },
	{ "__kmem_cache_create", "kmem_cache_open" },
	{ "__kmem_cache_create", "sysfs_slab_add" },
	{ "kmem_cache_destroy", "__kmem_cache_shutdown" },
	{ "__kmem_cache_shutdown", "flush_all" },
	{ "__kmem_cache_shutdown", "free_partial" },
	/* Debugging reports. */
	{ "alloc_debug_processing", "check_slab" },
	{ "alloc_debug_processing", "check_object" },
	{ "alloc_debug_processing", "object_err" },
	{ "free_debug_processing", "check_slab" },
	{ "free_debug_processing", "on_freelist" },
	{ "free_debug_processing", "check_object" },
	{ "free_debug_processing", "object_err" },
	{ "free_debug_processing", "slab_err" },
	{ "check_object", "check_bytes_and_report" },
	{ "check_object", "check_pad_bytes" },
	{ "check_pad_bytes", "check_bytes_and_report" },
	{ "check_slab", "slab_err" },
	{ "on_freelist", "object_err" },
	{ "on_freelist", "slab_err" },
	{ "check_bytes_and_report", "slab_bug" },
	{ "object_err", "slab_bug" },
	{ "slab_err", "slab_bug" },
	{ "slab_err_pointer", "slab_bug" },
	/* Sheaves and barns (the book's part on them: today's mm/slub.c). */
	{ "slab_alloc_node", "slab_alloc_sheaves" },
	{ "rseq_slab_alloc_slow", "slab_alloc_sheaves" },
	{ "slab_alloc_sheaves", "alloc_from_pcs" },
	{ "slab_alloc_sheaves", "__slab_alloc_sheaves" },
	{ "alloc_from_pcs", "__pcs_replace_empty_main" },
	{ "__pcs_replace_empty_main", "barn_get_full_sheaf" },
	{ "__pcs_replace_empty_main", "barn_replace_empty_sheaf" },
	{ "__pcs_replace_empty_main", "refill_sheaf" },
	{ "__slab_alloc_sheaves", "refill_objects" },
	{ "refill_sheaf", "refill_objects" },
	{ "refill_objects", "take_objects" },
	{ "refill_objects", "take_new_slab_objects" },
	{ "refill_objects", "remove_partial" },
	{ "refill_objects", "new_slab" },
	{ "take_new_slab_objects", "add_partial" },
	{ "slab_free", "slab_free_sheaves" },
	{ "rseq_slab_free", "slab_free_sheaves" },
	{ "slab_free_sheaves", "free_to_pcs" },
	{ "slab_free_sheaves", "__slab_free" },
	{ "free_to_pcs", "__pcs_replace_full_main" },
	{ "__pcs_replace_full_main", "barn_get_empty_sheaf" },
	{ "__pcs_replace_full_main", "barn_replace_full_sheaf" },
	{ "__pcs_replace_full_main", "barn_put_full_sheaf" },
	{ "__pcs_replace_full_main", "alloc_empty_sheaf" },
	{ "__pcs_replace_full_main", "sheaf_flush" },
	{ "barn_get_full_sheaf", "barn_take" },
	{ "barn_get_empty_sheaf", "barn_take" },
	{ "sheaf_flush", "slab_free_chain" },
	{ "slab_free_chain", "add_partial" },
	{ "slab_free_chain", "remove_partial" },
	{ "slab_free_chain", "discard_slab" },
	{ "flush_all", "flush_all_sheaves" },
	{ "flush_all_sheaves", "flush_cpu_sheaves" },
	{ "flush_all_sheaves", "barn_shrink" },
	{ "flush_cpu_sheaves", "sheaf_flush" },
	{ "flush_cpu_sheaves", "free_empty_sheaf" },
	{ "barn_shrink", "barn_get_full_sheaf" },
	{ "barn_shrink", "barn_get_empty_sheaf" },
	{ "barn_shrink", "sheaf_flush" },
	{ "barn_shrink", "free_empty_sheaf" },
	{ "kmem_cache_prefill_sheaf", "barn_get_full_sheaf" },
	{ "kmem_cache_prefill_sheaf", "alloc_empty_sheaf" },
	{ "kmem_cache_prefill_sheaf", "refill_sheaf" },
	{ "kmem_cache_prefill_sheaf", "kmem_cache_return_sheaf" },
	{ "kmem_cache_return_sheaf", "barn_put_empty_sheaf" },
	{ "kmem_cache_return_sheaf", "barn_put_full_if_room" },
	{ "kmem_cache_return_sheaf", "sheaf_flush" },
	{ "kmem_cache_return_sheaf", "free_empty_sheaf" },
};

#define NCALLS		(int)(sizeof(calls) / sizeof(calls[0]))
#define MAX_FUNCS	48
#define MAX_DEPTH	5	/* edges from a caller to a callee, at most */

/*
 * The shortest chain of calls from a to b, at most MAX_DEPTH calls: the
 * functions after a, b last, into path; its length, or 0 (a breadth
 * first search over the table).
 */
static int chain(const char *a, const char *b, const char **path)
{
	const char *q[NCALLS + 1];
	int from[NCALLS + 1], dist[NCALLS + 1], head = 0, tail = 1;
	int i, j, v, k;

	q[0] = a;
	from[0] = -1;
	dist[0] = 0;
	while (head < tail) {
		int u = head++;

		if (dist[u] >= MAX_DEPTH)
			continue;
		for (i = 0; i < NCALLS && tail <= NCALLS; i++) {
			if (strcmp(calls[i].caller, q[u]))
				continue;
			for (j = 0; j < tail && strcmp(q[j], calls[i].callee);
			     j++)
				;
			if (j < tail)
				continue;
			q[tail] = calls[i].callee;
			from[tail] = u;
			dist[tail] = dist[u] + 1;
			if (!strcmp(q[tail], b)) {
				for (v = tail, k = dist[tail] - 1; v > 0;
				     v = from[v], k--)
					path[k] = q[v];
				return dist[tail];
			}
			tail++;
		}
	}
	return 0;
}

struct node {
	const char *func, *section;
	int parent;		/* index, or -1 for a root */
	int order;		/* first event that named it (or below it) */
};

struct tree {
	struct node n[MAX_FUNCS * 2];
	int count;
};

static int find(const struct tree *t, const char *func, int parent)
{
	int i;

	for (i = 0; i < t->count; i++)
		if (!strcmp(t->n[i].func, func) && t->n[i].parent == parent)
			return i;
	return -1;
}

static int add(struct tree *t, const char *func, const char *section,
	       int parent, int order)
{
	int i = find(t, func, parent);

	if (i >= 0 || t->count >= (int)(sizeof(t->n) / sizeof(t->n[0])))
		return i;
	t->n[t->count] = (struct node){ func, section, parent, order };
	return t->count++;
}

/* The functions of the step's events, each once, in order. */
static int seen_funcs(const struct viz_frame *f, const char **func,
		      const char **section)
{
	int i, j, n = 0;

	for (i = 0; i < f->nev && n < MAX_FUNCS; i++) {
		const struct viz_event *e = &f->ev[i];

		if ((e->type != SLUB_EV_STEP && e->type != SLUB_EV_STAT &&
		     e->type != SLUB_EV_REPORT) || !*e->func)
			continue;
		for (j = 0; j < n && strcmp(func[j], e->func); j++)
			;
		if (j < n)
			continue;
		func[n] = e->func;
		section[n++] = e->section;
	}
	return n;
}

/*
 * The caller of seen function k: the seen function with the shortest
 * chain to it; of two that call it, the one the other calls (flush_slab
 * rather than __slab_alloc, which calls flush_slab on the way).
 */
static int caller_of(const char **func, int n, int k, const char **path,
		     int *len)
{
	const char *p[MAX_DEPTH];
	int best = -1, i, l;

	*len = 0;
	for (i = 0; i < n; i++) {
		if (i == k || !(l = chain(func[i], func[k], p)))
			continue;
		if (best < 0 || chain(func[best], func[i], p) ||
		    (!chain(func[i], func[best], p) && l < *len)) {
			best = i;
			*len = l;
		}
	}
	if (best >= 0)
		*len = chain(func[best], func[k], path);
	return best;
}

/* Node of seen function k, with its callers above it. */
static int place(struct tree *t, const char **func, const char **section,
		 int n, int k, int *at, int depth)
{
	const char *path[MAX_DEPTH];
	int c, len, parent = -1, i;

	if (at[k] >= 0 || depth > MAX_FUNCS)
		return at[k];
	c = caller_of(func, n, k, path, &len);
	if (c >= 0)
		parent = place(t, func, section, n, c, at, depth + 1);
	for (i = 0; c >= 0 && i < len - 1; i++)
		parent = add(t, path[i], slub_func_section(path[i]), parent,
			     k);
	at[k] = add(t, func[k], section[k], parent, k);
	for (i = at[k]; i >= 0; i = t->n[i].parent)
		if (t->n[i].order > k)
			t->n[i].order = k;
	return at[k];
}

static size_t put(char *buf, size_t len, size_t used, const char *s)
{
	size_t n = strlen(s);

	if (used >= len)
		return used;
	if (used + n >= len)
		n = len - used - 1;
	memcpy(buf + used, s, n);
	buf[used + n] = 0;
	return used + n;
}

/* Children of node p (or the roots) in the order of their first event. */
static int children(const struct tree *t, int p, int *out)
{
	int i, j, n = 0;

	for (i = 0; i < t->count; i++) {
		if (t->n[i].parent != p)
			continue;
		for (j = n; j > 0 && t->n[out[j - 1]].order > t->n[i].order;
		     j--)
			out[j] = out[j - 1];
		out[j] = i;
		n++;
	}
	return n;
}

static size_t print(const struct tree *t, int i, char *buf, size_t len,
		    size_t used)
{
	int kid[MAX_FUNCS * 2], n, k;

	if (t->n[i].section && *t->n[i].section) {
		used = put(buf, len, used, t->n[i].section);
		used = put(buf, len, used, " ");
	}
	used = put(buf, len, used, t->n[i].func);
	n = children(t, i, kid);
	if (!n)
		return used;
	used = put(buf, len, used, " > ");
	if (n > 1)
		used = put(buf, len, used, "[");
	for (k = 0; k < n; k++) {
		if (k)
			used = put(buf, len, used, " | ");
		used = print(t, kid[k], buf, len, used);
	}
	if (n > 1)
		used = put(buf, len, used, "]");
	return used;
}

void viz_trail(const struct viz_frame *f, char *buf, size_t len)
{
	const char *func[MAX_FUNCS], *section[MAX_FUNCS];
	int at[MAX_FUNCS], root[MAX_FUNCS * 2], n, k, nroots;
	struct tree t = { .count = 0 };
	size_t used = 0;

	if (!len)
		return;
	buf[0] = 0;
	if (!f)
		return;
	n = seen_funcs(f, func, section);
	for (k = 0; k < n; k++)
		at[k] = -1;
	for (k = 0; k < n; k++)
		place(&t, func, section, n, k, at, 0);
	nroots = children(&t, -1, root);
	for (k = 0; k < nroots; k++) {
		if (k)
			used = put(buf, len, used, "   \xc2\xb7   ");
		used = print(&t, root[k], buf, len, used);
	}
	/* Cut by the buffer: say so. */
	if (used + 1 >= len && len > 8)
		memcpy(buf + len - 4, "\xe2\x80\xa6", 4);
}
