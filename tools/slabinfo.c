// SPDX-License-Identifier: GPL-2.0-only
/*
 * slabinfo on the attribute layer (see slabinfo.h). The structure follows
 * tools/vm/slabinfo.c: read the "directory" (every cache and every alias),
 * link the aliases to their caches, rename the ':' caches, sort, then one
 * action per cache. Where the tool reads /sys/kernel/slab/<dir>/<attr>,
 * this reads slab_attr_show(s, attr); where it writes, slab_attr_store().
 */
#include <errno.h>
#include <regex.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "slub.h"
#include "slabinfo.h"

#define PAGE_SZ		4096UL		/* the simulated page size */
#define MAX_NODES	1024

struct slabinfo {
	char *name;		/* the directory's name, then the shown name */
	struct kmem_cache *s;
	int refs;
	unsigned long aliases, align, cache_dma, cpu_slabs, destroy_by_rcu;
	unsigned long hwcache_align, object_size, objs_per_slab;
	unsigned long sanity_checks, slab_size, store_user, trace;
	unsigned long order, poison, reclaim_account, red_zone;
	unsigned long partial, objects, slabs, objects_partial;
	unsigned long alloc_fastpath, alloc_slowpath;
	unsigned long free_fastpath, free_slowpath;
	unsigned long free_frozen, free_add_partial, free_remove_partial;
	unsigned long alloc_from_partial, alloc_slab, free_slab, alloc_refill;
	unsigned long cpuslab_flush, deactivate_full, deactivate_empty;
	unsigned long deactivate_to_head, deactivate_to_tail;
	unsigned long deactivate_remote_frees, order_fallback;
	unsigned long cmpxchg_double_cpu_fail, cmpxchg_double_fail;
	unsigned long alloc_node_mismatch, deactivate_bypass;
	unsigned long cpu_partial_alloc, cpu_partial_free;
	unsigned long *numa, *numa_partial;	/* [MAX_NODES] */
};

struct aliasinfo {
	char *name;
	char *ref;
	struct slabinfo *slab;
};

struct state {
	const struct slabinfo_opts *o;
	FILE *out, *err;
	regex_t pattern;
	struct slabinfo *slabs;
	int nslabs, actual_slabs, alias_targets, highest_node, line;
	struct aliasinfo *aliases;
	int naliases;
	bool sort_loss;		/* never set: the 3.18 tool has no -L */
};

/* ------------------------------------------------------------ reading */

/* The attribute's first number, as the tool's get_obj() (atol). */
static unsigned long get_obj(struct kmem_cache *s, const char *attr,
			     char **rest)
{
	char buf[SLAB_ATTR_BUFSIZE + 1];
	ssize_t n = slab_attr_show(s, attr, buf);
	unsigned long v;
	char *p;

	if (rest)
		*rest = NULL;
	if (n <= 0)
		return 0;
	if (n > SLAB_ATTR_BUFSIZE)
		n = SLAB_ATTR_BUFSIZE;
	buf[n] = '\0';
	v = strtoul(buf, &p, 10);
	while (*p == ' ')
		p++;
	if (rest && *p)
		*rest = strdup(p);
	return v;
}

/* "N0=3 N1=5": the per-node numbers. */
static void decode_numa_list(struct state *st, unsigned long *numa, char *t)
{
	unsigned long node;

	memset(numa, 0, MAX_NODES * sizeof(*numa));
	if (!t)
		return;
	while (*t == 'N') {
		t++;
		node = strtoul(t, &t, 10);
		if (*t == '=') {
			t++;
			if (node < MAX_NODES) {
				numa[node] = strtoul(t, &t, 10);
				if ((int)node > st->highest_node)
					st->highest_node = (int)node;
			}
		}
		while (*t && *t != ' ')
			t++;
		while (*t == ' ')
			t++;
	}
}

/* The attributes the tool reads with get_obj(), and where they go. */
#define F(f)	{ #f, offsetof(struct slabinfo, f) }
static const struct {
	const char *attr;
	size_t off;
} slab_fields[] = {
	F(aliases), F(align), F(cache_dma), F(cpu_slabs), F(destroy_by_rcu),
	F(hwcache_align), F(object_size), F(objects), F(objects_partial),
	F(objs_per_slab), F(order), F(poison), F(reclaim_account),
	F(red_zone), F(sanity_checks), F(slab_size), F(store_user),
	F(trace), F(alloc_fastpath), F(alloc_slowpath), F(free_fastpath),
	F(free_slowpath), F(free_frozen), F(free_add_partial),
	F(free_remove_partial), F(alloc_from_partial), F(alloc_slab),
	F(alloc_refill), F(free_slab), F(cpuslab_flush),
	F(deactivate_full), F(deactivate_empty), F(deactivate_to_head),
	F(deactivate_to_tail), F(deactivate_remote_frees),
	F(order_fallback), F(cmpxchg_double_cpu_fail),
	F(cmpxchg_double_fail), F(cpu_partial_alloc), F(cpu_partial_free),
	F(alloc_node_mismatch), F(deactivate_bypass),
};
#undef F

static void read_slab(struct state *st, struct slabinfo *si)
{
	char *t;
	size_t i;

	for (i = 0; i < sizeof(slab_fields) / sizeof(slab_fields[0]); i++)
		*(unsigned long *)((char *)si + slab_fields[i].off) =
			get_obj(si->s, slab_fields[i].attr, NULL);
	si->partial = get_obj(si->s, "partial", &t);
	decode_numa_list(st, si->numa_partial, t);
	free(t);
	si->slabs = get_obj(si->s, "slabs", &t);
	decode_numa_list(st, si->numa, t);
	free(t);
}

/* readdir() of /sys/kernel/slab skips names the pattern does not match. */
static bool mismatch(struct state *st, const char *name)
{
	return name[0] != ':' && regexec(&st->pattern, name, 0, NULL, 0);
}

static void add_alias(struct state *st, const char *name, const char *ref)
{
	struct aliasinfo *a;

	if (mismatch(st, name))
		return;
	a = realloc(st->aliases, (size_t)(st->naliases + 1) * sizeof(*a));
	if (!a)
		return;
	st->aliases = a;
	a[st->naliases].name = strdup(name);
	a[st->naliases].ref = strdup(ref);
	a[st->naliases].slab = NULL;
	if (a[st->naliases].name && a[st->naliases].ref)
		st->naliases++;
}

static void add_slab(struct state *st, struct kmem_cache *s)
{
	char dname[256];
	struct slabinfo *si;

	slub_sysfs_name(s, dname, sizeof(dname));
	if (mismatch(st, dname))
		return;
	si = &st->slabs[st->nslabs];
	memset(si, 0, sizeof(*si));
	si->name = strdup(dname);
	si->s = s;
	si->numa = calloc(MAX_NODES, sizeof(*si->numa));
	si->numa_partial = calloc(MAX_NODES, sizeof(*si->numa_partial));
	if (!si->name || !si->numa || !si->numa_partial) {
		free(si->name);
		free(si->numa);
		free(si->numa_partial);
		return;
	}
	read_slab(st, si);
	if (si->name[0] == ':')
		st->alias_targets++;
	st->nslabs++;
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * The directory: every cache (memory-cgroup children too) and every
 * alias. The kernel's readdir order is arbitrary; here entries come in
 * name order, so that ties in the tool's sorts come out the same way
 * every time.
 */
static void read_slab_dir(struct state *st)
{
	struct slub_snapshot *snap = slub_snapshot_take();
	char **names;
	int i, k, n = 0;

	if (!snap)
		return;
	st->slabs = calloc((size_t)snap->nr_caches + 1, sizeof(*st->slabs));
	names = calloc((size_t)snap->nr_caches + 1, sizeof(*names));
	for (i = 0; st->slabs && names && i < snap->nr_caches; i++)
		names[n++] = snap->caches[i].name;
	if (names)
		qsort(names, (size_t)n, sizeof(*names), name_cmp);
	for (i = 0; i < n; i++) {
		const struct slub_snap_cache *c;
		struct kmem_cache *s = slub_find_cache(names[i]);
		char dname[256];

		c = slub_snapshot_cache(snap, names[i]);
		if (!c || !s || strcmp(kmem_cache_name(s), names[i]))
			continue;
		add_slab(st, s);
		slub_sysfs_name(s, dname, sizeof(dname));
		if (strcmp(dname, c->name))
			add_alias(st, c->name, dname);
		for (k = 0; k < c->nr_aliases; k++)
			add_alias(st, c->aliases[k], dname);
	}
	free(names);
	slub_snapshot_free(snap);
	st->actual_slabs = st->nslabs;
}

/* ------------------------------------------------------------ aliases */

static void sort_aliases(struct state *st)
{
	struct aliasinfo *a1, *a2, *end = st->aliases + st->naliases;

	for (a1 = st->aliases; a1 < end; a1++) {
		for (a2 = a1 + 1; a2 < end; a2++) {
			const char *n1 = a1->name, *n2 = a2->name;

			if (st->o->show_alias && !st->o->inverted) {
				n1 = a1->ref;
				n2 = a2->ref;
			}
			if (strcasecmp(n1, n2) > 0) {
				struct aliasinfo t = *a1;

				*a1 = *a2;
				*a2 = t;
			}
		}
	}
}

static void link_slabs(struct state *st)
{
	struct aliasinfo *a;
	int i;

	for (a = st->aliases; a < st->aliases + st->naliases; a++) {
		a->slab = NULL;
		for (i = 0; i < st->nslabs; i++) {
			if (!strcmp(a->ref, st->slabs[i].name)) {
				a->slab = &st->slabs[i];
				st->slabs[i].refs++;
				break;
			}
		}
	}
}

static void alias(struct state *st)
{
	const char *active = NULL;
	struct aliasinfo *a;

	sort_aliases(st);
	link_slabs(st);
	for (a = st->aliases; a < st->aliases + st->naliases; a++) {
		if (!a->slab)
			continue;	/* the tool: "Unresolved alias" */
		if (!st->o->single_ref && a->slab->refs == 1)
			continue;
		if (!st->o->inverted) {
			if (active && !strcmp(a->slab->name, active)) {
				fprintf(st->out, " %s", a->name);
				continue;
			}
			fprintf(st->out, "\n%-12s <- %s", a->slab->name,
				a->name);
			active = a->slab->name;
		} else {
			fprintf(st->out, "%-20s -> %s\n", a->name,
				a->slab->name);
		}
	}
	if (active)
		fprintf(st->out, "\n");
}

/* The tool's find_one_alias(): the longest name, or the first kmalloc. */
static struct aliasinfo *find_one_alias(struct state *st,
					struct slabinfo *find)
{
	struct aliasinfo *a, *best = NULL;

	for (a = st->aliases; a < st->aliases + st->naliases; a++) {
		if (a->slab == find &&
		    (!best || strlen(best->name) < strlen(a->name))) {
			best = a;
			if (!strncmp(a->name, "kmall", 5))
				return best;
		}
	}
	return best;
}

/* A ':' cache with one name is shown under that name. */
static void rename_slabs(struct state *st)
{
	struct aliasinfo *a;
	int i;

	for (i = 0; i < st->nslabs; i++) {
		struct slabinfo *s = &st->slabs[i];
		char *n;

		if (s->name[0] != ':')
			continue;
		if (s->refs > 1 && !st->o->first_alias)
			continue;
		a = find_one_alias(st, s);
		n = strdup(a ? a->name : "*");
		if (!n)
			continue;
		free(s->name);
		s->name = n;
		if (!a)
			st->actual_slabs--;
	}
}

/* ------------------------------------------------------------ output */

/* tools/vm/slabinfo's store_size(): 4096 prints as 4.0K. */
static void store_size(char *buffer, unsigned long value)
{
	unsigned long divisor = 1;
	char trailer = 0;
	int n;

	if (value > 1000000000UL) {
		divisor = 100000000UL;
		trailer = 'G';
	} else if (value > 1000000UL) {
		divisor = 100000UL;
		trailer = 'M';
	} else if (value > 1000UL) {
		divisor = 100;
		trailer = 'K';
	}
	value /= divisor;
	n = sprintf(buffer, "%lu", value);
	if (trailer) {
		buffer[n] = trailer;
		n++;
		buffer[n] = 0;
	}
	if (divisor != 1) {
		memmove(buffer + n - 2, buffer + n - 3, 4);
		buffer[n - 2] = '.';
	}
}

static unsigned long slab_size(const struct slabinfo *s)
{
	return s->slabs * (PAGE_SZ << s->order);
}

static unsigned long slab_activity(const struct slabinfo *s)
{
	return s->alloc_fastpath + s->free_fastpath + s->alloc_slowpath +
	       s->free_slowpath;
}

static unsigned long slab_waste(const struct slabinfo *s)
{
	return slab_size(s) - s->objects * s->object_size;
}

static void first_line(struct state *st)
{
	if (st->o->show_activity)
		fprintf(st->out, "Name                   Objects      Alloc       "
			"Free   %%Fast Fallb O CmpX   UL\n");
	else
		fprintf(st->out, "Name                   Objects Objsize    %s "
			"Slabs/Part/Cpu  O/S O %%Fr %%Ef Flg\n",
			st->sort_loss ? "Loss" : "Space");
}

static void slab_numa(struct state *st, struct slabinfo *s, int mode)
{
	int node;

	if (!strcmp(s->name, "*"))
		return;
	if (!st->highest_node) {
		fprintf(st->out, "\n%s: No NUMA information available.\n",
			s->name);
		return;
	}
	if (!st->o->zero && !s->slabs)
		return;
	if (!st->line) {
		fprintf(st->out, "\n%-21s:", mode ? "NUMA nodes" : "Slab");
		for (node = 0; node <= st->highest_node; node++)
			fprintf(st->out, " %4d", node);
		fprintf(st->out, "\n----------------------");
		for (node = 0; node <= st->highest_node; node++)
			fprintf(st->out, "-----");
		fprintf(st->out, "\n");
	}
	fprintf(st->out, "%-21s ", mode ? "All slabs" : s->name);
	for (node = 0; node <= st->highest_node; node++) {
		char b[20];

		store_size(b, s->numa[node]);
		fprintf(st->out, " %4s", b);
	}
	fprintf(st->out, "\n");
	if (mode) {
		fprintf(st->out, "%-21s ", "Partial slabs");
		for (node = 0; node <= st->highest_node; node++) {
			char b[20];

			store_size(b, s->numa_partial[node]);
			fprintf(st->out, " %4s", b);
		}
		fprintf(st->out, "\n");
	}
	st->line++;
}

/*
 * The call sites, as the tool prints them: the text of alloc_calls and
 * free_calls, or "No Data" when the file gives nothing (a cache that does
 * not store its users answers -ENOSYS, and the tool's read gets 0 bytes).
 */
static void print_calls(struct state *st, struct slabinfo *s,
			const char *attr)
{
	char buf[SLAB_ATTR_BUFSIZE + 1];
	ssize_t n = slab_attr_show(s->s, attr, buf);

	if (n > 0) {
		if (n > SLAB_ATTR_BUFSIZE)
			n = SLAB_ATTR_BUFSIZE;
		buf[n] = '\0';
		fprintf(st->out, "%s", buf);
	} else {
		fprintf(st->out, "No Data\n");
	}
}

static void show_tracking(struct state *st, struct slabinfo *s)
{
	fprintf(st->out, "\n%s: Kernel object allocation\n", s->name);
	fprintf(st->out, "-----------------------------------------------"
		"------------------------\n");
	print_calls(st, s, "alloc_calls");
	fprintf(st->out, "\n%s: Kernel object freeing\n", s->name);
	fprintf(st->out, "-----------------------------------------------"
		"-------------------------\n");
	print_calls(st, s, "free_calls");
}

static const char *onoff(unsigned long x)
{
	return x ? "On " : "Off";
}

static void slab_stats(struct state *st, struct slabinfo *s)
{
	unsigned long total_alloc, total_free, total;
	FILE *o = st->out;

	if (!s->alloc_slab)
		return;
	total_alloc = s->alloc_fastpath + s->alloc_slowpath;
	total_free = s->free_fastpath + s->free_slowpath;
	if (!total_alloc)
		return;
	fprintf(o, "\n");
	fprintf(o, "Slab Perf Counter       Alloc     Free %%Al %%Fr\n");
	fprintf(o, "--------------------------------------------------\n");
	fprintf(o, "Fastpath             %8lu %8lu %3lu %3lu\n",
		s->alloc_fastpath, s->free_fastpath,
		s->alloc_fastpath * 100 / total_alloc,
		total_free ? s->free_fastpath * 100 / total_free : 0);
	fprintf(o, "Slowpath             %8lu %8lu %3lu %3lu\n",
		total_alloc - s->alloc_fastpath, s->free_slowpath,
		(total_alloc - s->alloc_fastpath) * 100 / total_alloc,
		total_free ? s->free_slowpath * 100 / total_free : 0);
	fprintf(o, "Page Alloc           %8lu %8lu %3lu %3lu\n",
		s->alloc_slab, s->free_slab,
		s->alloc_slab * 100 / total_alloc,
		total_free ? s->free_slab * 100 / total_free : 0);
	fprintf(o, "Add partial          %8lu %8lu %3lu %3lu\n",
		s->deactivate_to_head + s->deactivate_to_tail,
		s->free_add_partial,
		(s->deactivate_to_head + s->deactivate_to_tail) * 100 /
		total_alloc,
		total_free ? s->free_add_partial * 100 / total_free : 0);
	fprintf(o, "Remove partial       %8lu %8lu %3lu %3lu\n",
		s->alloc_from_partial, s->free_remove_partial,
		s->alloc_from_partial * 100 / total_alloc,
		total_free ? s->free_remove_partial * 100 / total_free : 0);
	fprintf(o, "Cpu partial list     %8lu %8lu %3lu %3lu\n",
		s->cpu_partial_alloc, s->cpu_partial_free,
		s->cpu_partial_alloc * 100 / total_alloc,
		total_free ? s->cpu_partial_free * 100 / total_free : 0);
	fprintf(o, "RemoteObj/SlabFrozen %8lu %8lu %3lu %3lu\n",
		s->deactivate_remote_frees, s->free_frozen,
		s->deactivate_remote_frees * 100 / total_alloc,
		total_free ? s->free_frozen * 100 / total_free : 0);
	fprintf(o, "Total                %8lu %8lu\n\n", total_alloc,
		total_free);
	if (s->cpuslab_flush)
		fprintf(o, "Flushes %8lu\n", s->cpuslab_flush);
	total = s->deactivate_full + s->deactivate_empty +
		s->deactivate_to_head + s->deactivate_to_tail +
		s->deactivate_bypass;
	if (total) {
		fprintf(o, "\nSlab Deactivation             Ocurrences  %%\n");
		fprintf(o, "-------------------------------------------------\n");
		fprintf(o, "Slab full                     %7lu  %3lu%%\n",
			s->deactivate_full, s->deactivate_full * 100 / total);
		fprintf(o, "Slab empty                    %7lu  %3lu%%\n",
			s->deactivate_empty, s->deactivate_empty * 100 / total);
		fprintf(o, "Moved to head of partial list %7lu  %3lu%%\n",
			s->deactivate_to_head,
			s->deactivate_to_head * 100 / total);
		fprintf(o, "Moved to tail of partial list %7lu  %3lu%%\n",
			s->deactivate_to_tail,
			s->deactivate_to_tail * 100 / total);
		fprintf(o, "Deactivation bypass           %7lu  %3lu%%\n",
			s->deactivate_bypass,
			s->deactivate_bypass * 100 / total);
		fprintf(o, "Refilled from foreign frees   %7lu  %3lu%%\n",
			s->alloc_refill, s->alloc_refill * 100 / total);
		fprintf(o, "Node mismatch                 %7lu  %3lu%%\n",
			s->alloc_node_mismatch,
			s->alloc_node_mismatch * 100 / total);
	}
	/*
	 * The tool's if guards only the heading (its braces are missing):
	 * the two counter lines always print. Kept, as the tool prints it.
	 */
	if (s->cmpxchg_double_fail || s->cmpxchg_double_cpu_fail)
		fprintf(o, "\nCmpxchg_double Looping\n------------------------\n");
	fprintf(o, "Locked Cmpxchg Double redos   %lu\nUnlocked Cmpxchg "
		"Double redos %lu\n", s->cmpxchg_double_fail,
		s->cmpxchg_double_cpu_fail);
}

static void report(struct state *st, struct slabinfo *s)
{
	FILE *o = st->out;
	unsigned long slabsz = PAGE_SZ << s->order;

	if (!strcmp(s->name, "*"))
		return;
	/*
	 * The tool keeps aliases in an int: a boot cache's refcount of -1
	 * (never merged) reads as aliases -2, as it does against 3.18.
	 */
	fprintf(o, "\nSlabcache: %-20s  Aliases: %2d Order : %2lu Objects: "
		"%lu\n", s->name, (int)s->aliases, s->order, s->objects);
	if (s->hwcache_align)
		fprintf(o, "** Hardware cacheline aligned\n");
	if (s->cache_dma)
		fprintf(o, "** Memory is allocated in a special DMA zone\n");
	if (s->destroy_by_rcu)
		fprintf(o, "** Slabs are destroyed via RCU\n");
	if (s->reclaim_account)
		fprintf(o, "** Reclaim accounting active\n");
	fprintf(o, "\nSizes (bytes)     Slabs              Debug                "
		"Memory\n");
	fprintf(o, "------------------------------------------------------------"
		"------------\n");
	fprintf(o, "Object : %7lu  Total  : %7lu   Sanity Checks : %s  Total: "
		"%7lu\n", s->object_size, s->slabs, onoff(s->sanity_checks),
		s->slabs * slabsz);
	fprintf(o, "SlabObj: %7lu  Full   : %7ld   Redzoning     : %s  Used : "
		"%7lu\n", s->slab_size,
		(long)(s->slabs - s->partial - s->cpu_slabs),
		onoff(s->red_zone), s->objects * s->object_size);
	fprintf(o, "SlabSiz: %7lu  Partial: %7lu   Poisoning     : %s  Loss : "
		"%7lu\n", slabsz, s->partial, onoff(s->poison),
		s->slabs * slabsz - s->objects * s->object_size);
	fprintf(o, "Loss   : %7lu  CpuSlab: %7lu   Tracking      : %s  Lalig: "
		"%7lu\n", s->slab_size - s->object_size, s->cpu_slabs,
		onoff(s->store_user),
		(s->slab_size - s->object_size) * s->objects);
	fprintf(o, "Align  : %7lu  Objects: %7lu   Tracing       : %s  Lpadd: "
		"%7lu\n", s->align, s->objs_per_slab, onoff(s->trace),
		(slabsz - s->objs_per_slab * s->slab_size) * s->slabs);
	/* ops(): the "ops" attribute is long gone; the tool says so. */
	fprintf(o, "\n%s has no kmem_cache operations\n", s->name);
	show_tracking(st, s);
	slab_numa(st, s, 1);
	slab_stats(st, s);
}

static void slabcache(struct state *st, struct slabinfo *s)
{
	char size_str[20], dist_str[40], flags[20], *p = flags;

	if (!strcmp(s->name, "*"))
		return;
	if (st->actual_slabs == 1) {
		report(st, s);
		return;
	}
	if (!st->o->zero && !st->o->show_empty && !s->slabs)
		return;
	if (st->o->show_empty && s->slabs)
		return;
	store_size(size_str, st->sort_loss ? slab_waste(s) : slab_size(s));
	snprintf(dist_str, sizeof(dist_str), "%lu/%lu/%lu",
		 s->slabs - s->cpu_slabs, s->partial, s->cpu_slabs);
	if (!st->line++)
		first_line(st);
	if (s->aliases)
		*p++ = '*';
	if (s->cache_dma)
		*p++ = 'd';
	if (s->hwcache_align)
		*p++ = 'A';
	if (s->poison)
		*p++ = 'P';
	if (s->reclaim_account)
		*p++ = 'a';
	if (s->red_zone)
		*p++ = 'Z';
	if (s->sanity_checks)
		*p++ = 'F';
	if (s->store_user)
		*p++ = 'U';
	if (s->trace)
		*p++ = 'T';
	*p = 0;
	if (st->o->show_activity) {
		unsigned long total_alloc = s->alloc_fastpath +
					    s->alloc_slowpath;
		unsigned long total_free = s->free_fastpath + s->free_slowpath;

		fprintf(st->out, "%-21s %8lu %10lu %10lu %3lu %3lu %5lu %1lu "
			"%4lu %4lu\n", s->name, s->objects, total_alloc,
			total_free,
			total_alloc ? s->alloc_fastpath * 100 / total_alloc : 0,
			total_free ? s->free_fastpath * 100 / total_free : 0,
			s->order_fallback, s->order, s->cmpxchg_double_fail,
			s->cmpxchg_double_cpu_fail);
	} else {
		fprintf(st->out, "%-21s %8lu %7lu %8s %14s %4lu %1lu %3lu %3lu "
			"%s\n", s->name, s->objects, s->object_size, size_str,
			dist_str, s->objs_per_slab, s->order,
			s->slabs ? s->partial * 100 / s->slabs : 100,
			s->slabs ? s->objects * s->object_size * 100 /
				   slab_size(s) : 100,
			flags);
	}
}

static void set_obj(struct state *st, struct slabinfo *s, const char *attr)
{
	ssize_t r = slab_attr_store(s->s, attr, "1\n", 2);

	if (r < 0)
		fprintf(st->err, "slub slabinfo: writing 1 to %s/%s failed: %s\n",
			s->name, attr, strerror((int)-r));
}

/* ------------------------------------------------------------ totals */

#define MIN_MAX(min, max, v)			\
	do {					\
		if ((v) < (min))		\
			(min) = (v);		\
		if ((v) > (max))		\
			(max) = (v);		\
	} while (0)

static void totals(struct state *st)
{
	typedef unsigned long long ull;
	const ull max = 1ULL << 63;
	ull min_objsize = max, max_objsize = 0, avg_objsize;
	ull min_partial = max, max_partial = 0, avg_partial, total_partial = 0;
	ull min_slabs = max, max_slabs = 0, avg_slabs, total_slabs = 0;
	ull min_size = max, max_size = 0, avg_size, total_size = 0;
	ull min_used = max, max_used = 0, avg_used, total_used = 0;
	ull min_waste = max, max_waste = 0, avg_waste, total_waste = 0;
	ull min_objects = max, max_objects = 0, avg_objects, total_objects = 0;
	ull min_objwaste = max, max_objwaste = 0, avg_objwaste;
	ull total_objwaste = 0;
	ull min_memobj = max, max_memobj = 0, avg_memobj, total_objsize = 0;
	unsigned long min_ppart = 100, max_ppart = 0, avg_ppart;
	unsigned long total_ppart = 0;
	unsigned long min_partobj = (unsigned long)max, max_partobj = 0;
	unsigned long avg_partobj, total_partobj = 0;
	unsigned long min_ppartobj = 100, max_ppartobj = 0, avg_ppartobj;
	unsigned long total_ppartobj = 0;
	char b1[32], b2[32], b3[32], b4[32];
	int used_slabs = 0, i;
	FILE *o = st->out;

	for (i = 0; i < st->nslabs; i++) {
		struct slabinfo *s = &st->slabs[i];
		ull size, wasted, objwaste;
		unsigned long used, pps, ppo;

		if (!s->slabs || !s->objects)
			continue;
		used_slabs++;
		size = slab_size(s);
		used = s->objects * s->object_size;
		wasted = size - used;
		objwaste = s->slab_size - s->object_size;
		pps = s->partial * 100 / s->slabs;
		if (pps > 100)
			pps = 100;
		ppo = s->objects_partial * 100 / s->objects;
		if (ppo > 100)
			ppo = 100;
		MIN_MAX(min_objsize, max_objsize, s->object_size);
		MIN_MAX(min_partial, max_partial, s->partial);
		MIN_MAX(min_slabs, max_slabs, s->slabs);
		MIN_MAX(min_size, max_size, size);
		MIN_MAX(min_waste, max_waste, wasted);
		MIN_MAX(min_objwaste, max_objwaste, objwaste);
		MIN_MAX(min_objects, max_objects, s->objects);
		MIN_MAX(min_used, max_used, used);
		MIN_MAX(min_partobj, max_partobj, s->objects_partial);
		MIN_MAX(min_ppart, max_ppart, pps);
		MIN_MAX(min_ppartobj, max_ppartobj, ppo);
		MIN_MAX(min_memobj, max_memobj, s->slab_size);
		total_partial += s->partial;
		total_slabs += s->slabs;
		total_size += size;
		total_waste += wasted;
		total_objects += s->objects;
		total_used += used;
		total_partobj += s->objects_partial;
		total_ppart += pps;
		total_ppartobj += ppo;
		total_objwaste += s->objects * objwaste;
		total_objsize += s->objects * s->slab_size;
	}
	if (!total_objects) {
		fprintf(o, "No objects\n");
		return;
	}
	if (!used_slabs) {
		fprintf(o, "No slabs\n");
		return;
	}
	avg_partial = total_partial / used_slabs;
	avg_slabs = total_slabs / used_slabs;
	avg_size = total_size / used_slabs;
	avg_waste = total_waste / used_slabs;
	avg_objects = total_objects / used_slabs;
	avg_used = total_used / used_slabs;
	avg_partobj = total_partobj / used_slabs;
	avg_ppart = total_ppart / used_slabs;
	avg_ppartobj = total_ppartobj / used_slabs;
	avg_objsize = total_used / total_objects;
	avg_objwaste = total_objwaste / total_objects;
	avg_partobj = total_partobj * 100 / total_objects;
	avg_memobj = total_objsize / total_objects;

	fprintf(o, "Slabcache Totals\n");
	fprintf(o, "----------------\n");
	fprintf(o, "Slabcaches : %3d      Aliases  : %3d->%-3d Active: %3d\n",
		st->nslabs, st->naliases, st->alias_targets, used_slabs);
	store_size(b1, total_size);
	store_size(b2, total_waste);
	store_size(b3, total_used ? total_waste * 100 / total_used : 0);
	fprintf(o, "Memory used: %6s   # Loss   : %6s   MRatio:%6s%%\n", b1, b2,
		b3);
	store_size(b1, total_objects);
	store_size(b2, total_partobj);
	store_size(b3, total_partobj * 100 / total_objects);
	fprintf(o, "# Objects  : %6s   # PartObj: %6s   ORatio:%6s%%\n", b1, b2,
		b3);
	fprintf(o, "\n");
	fprintf(o, "Per Cache    Average         Min         Max       Total\n");
	fprintf(o, "---------------------------------------------------------\n");
#define ROW4(label, a, b, c, d)						\
	do {								\
		store_size(b1, a);					\
		store_size(b2, b);					\
		store_size(b3, c);					\
		store_size(b4, d);					\
		fprintf(o, label "%10s  %10s  %10s  %10s\n", b1, b2, b3,	\
			b4);						\
	} while (0)
	ROW4("#Objects  ", avg_objects, min_objects, max_objects,
	     total_objects);
	ROW4("#Slabs    ", avg_slabs, min_slabs, max_slabs, total_slabs);
	ROW4("#PartSlab ", avg_partial, min_partial, max_partial,
	     total_partial);
	store_size(b1, avg_ppart);
	store_size(b2, min_ppart);
	store_size(b3, max_ppart);
	store_size(b4, total_partial * 100 / total_slabs);
	fprintf(o, "%%PartSlab%10s%% %10s%% %10s%% %10s%%\n", b1, b2, b3, b4);
	ROW4("PartObjs  ", avg_partobj, min_partobj, max_partobj,
	     total_partobj);
	store_size(b1, avg_ppartobj);
	store_size(b2, min_ppartobj);
	store_size(b3, max_ppartobj);
	store_size(b4, total_partobj * 100 / total_objects);
	fprintf(o, "%% PartObj%10s%% %10s%% %10s%% %10s%%\n", b1, b2, b3, b4);
	ROW4("Memory    ", avg_size, min_size, max_size, total_size);
	ROW4("Used      ", avg_used, min_used, max_used, total_used);
	ROW4("Loss      ", avg_waste, min_waste, max_waste, total_waste);
#undef ROW4
	fprintf(o, "\n");
	fprintf(o, "Per Object   Average         Min         Max\n");
	fprintf(o, "---------------------------------------------\n");
#define ROW3(label, a, b, c)						\
	do {								\
		store_size(b1, a);					\
		store_size(b2, b);					\
		store_size(b3, c);					\
		fprintf(o, label "%10s  %10s  %10s\n", b1, b2, b3);	\
	} while (0)
	ROW3("Memory    ", avg_memobj, min_memobj, max_memobj);
	ROW3("User      ", avg_objsize, min_objsize, max_objsize);
	ROW3("Loss      ", avg_objwaste, min_objwaste, max_objwaste);
#undef ROW3
}

/* ------------------------------------------------------------ main */

static void sort_slabs(struct state *st)
{
	struct slabinfo *s1, *s2, *end = st->slabs + st->nslabs;

	for (s1 = st->slabs; s1 < end; s1++) {
		for (s2 = s1 + 1; s2 < end; s2++) {
			int result;

			if (st->o->sort_size)
				result = slab_size(s1) < slab_size(s2);
			else if (st->o->sort_active)
				result = slab_activity(s1) < slab_activity(s2);
			else
				result = strcasecmp(s1->name, s2->name);
			if (st->o->inverted)
				result = -result;
			if (result > 0) {
				struct slabinfo t = *s1;

				*s1 = *s2;
				*s2 = t;
			}
		}
	}
}

static void output_slabs(struct state *st, bool table)
{
	int lines = st->o->lines, i;

	for (i = 0; i < st->nslabs && lines != 0; i++) {
		struct slabinfo *s = &st->slabs[i];

		if (lines != -1)
			lines--;
		if (table)
			slabcache(st, s);
		else if (st->o->show_numa)
			slab_numa(st, s, 0);
		else if (st->o->validate && strcmp(s->name, "*"))
			set_obj(st, s, "validate");
		else if (st->o->shrink && strcmp(s->name, "*"))
			set_obj(st, s, "shrink");
		else if (st->o->show_slab)
			slabcache(st, s);
		else if (st->o->show_report)
			report(st, s);
	}
}

static void free_state(struct state *st)
{
	int i;

	for (i = 0; i < st->nslabs; i++) {
		free(st->slabs[i].name);
		free(st->slabs[i].numa);
		free(st->slabs[i].numa_partial);
	}
	for (i = 0; i < st->naliases; i++) {
		free(st->aliases[i].name);
		free(st->aliases[i].ref);
	}
	free(st->slabs);
	free(st->aliases);
	st->slabs = NULL;
	st->aliases = NULL;
	st->nslabs = st->naliases = st->alias_targets = 0;
	st->highest_node = st->line = 0;
}

static void read_and_prepare(struct state *st)
{
	read_slab_dir(st);
	link_slabs(st);
	rename_slabs(st);
	sort_slabs(st);
}

int slabinfo_run(const struct slabinfo_opts *o, FILE *out, FILE *err)
{
	struct slabinfo_opts opts = *o;
	struct state st = { .o = &opts, .out = out, .err = err };
	bool explicit_table = o->show_slab;
	int r;

	r = regcomp(&st.pattern, o->pattern ? o->pattern : ".*",
		    REG_ICASE | REG_NOSUB);
	if (r) {
		char msg[128];

		regerror(r, &st.pattern, msg, sizeof(msg));
		fprintf(err, "slub slabinfo: invalid pattern '%s': %s\n",
			o->pattern, msg);
		return -1;
	}
	if (!opts.show_slab && !opts.show_alias && !opts.show_report &&
	    !opts.validate && !opts.shrink && !opts.show_numa)
		opts.show_slab = true;
	read_slab_dir(&st);
	if (opts.show_alias) {
		alias(&st);
	} else if (opts.show_totals) {
		totals(&st);
	} else {
		link_slabs(&st);
		rename_slabs(&st);
		sort_slabs(&st);
		output_slabs(&st, false);
		/*
		 * An extension: -v or -s with an explicit -l prints the
		 * table after the action, from freshly read attributes.
		 */
		if ((opts.validate || opts.shrink) && explicit_table) {
			free_state(&st);
			read_and_prepare(&st);
			output_slabs(&st, true);
		}
	}
	free_state(&st);
	regfree(&st.pattern);
	return 0;
}
