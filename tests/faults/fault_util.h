/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Leak accounting shared by the fault-injection programs and the
 * operation fuzzer.
 *
 * "Nothing leaks" is checked against a baseline taken after boot: every
 * cache is shrunk (so that CPU slabs, CPU partial slabs and empty slabs go
 * back to the page allocator), then the pages in slabs, the pages of large
 * kmallocs and the objects in use over all caches are counted.
 *
 * Objects count as in use when the snapshot says SLUB_OBJ_ALLOCATED (a
 * CPU slab's page->inuse also counts the objects on the CPU's freelist),
 * and only slabs holding such objects count: shrinking a cache kmallocs
 * its slabs_by_inuse[] array, which leaves an empty CPU slab behind in
 * some kmalloc cache whatever the order of the shrinks.
 *
 * One thing may legitimately remain after everything is destroyed: a cache
 * merged into another one leaves its sysfs alias link behind, as in the
 * kernel (kmem_cache_destroy of an alias only drops a reference; the link
 * goes when its target cache goes or the name is created again). Each
 * link is two kmalloc objects (struct slub_alias and its name), so the
 * objects in use may grow by exactly twice the number of new aliases, and
 * the slab pages are compared only when no alias was added.
 */
#ifndef SLUB_FAULT_UTIL_H
#define SLUB_FAULT_UTIL_H

#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "slub.h"

/*
 * Read the result record a child process wrote to fd and reap the child.
 * Returns true when the whole record arrived; *status is the child's.
 */
static inline bool rel_reap(int fd, pid_t pid, void *rec, size_t size,
			    int *status)
{
	ssize_t n;

	memset(rec, 0, size);
	n = read(fd, rec, size);
	close(fd);
	while (waitpid(pid, status, 0) < 0 && errno == EINTR)
		;
	return n == (ssize_t)size;
}

/* Say why a child that sent no complete record died. */
static inline void rel_death(int status, char *why, size_t len)
{
	if (WIFSIGNALED(status))
		snprintf(why, len, "crashed: signal %d (%s)", WTERMSIG(status),
			 strsignal(WTERMSIG(status)));
	else
		snprintf(why, len, "died: exit status %d", WEXITSTATUS(status));
}

/* A child that reported but then failed (LeakSanitizer): true, with why. */
static inline bool rel_failed_after(int status, char *why, size_t len)
{
	if (WIFEXITED(status) && !WEXITSTATUS(status))
		return false;
	snprintf(why, len, "the child exited with status %d after its run "
		 "(LeakSanitizer?)", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	return true;
}

struct rel_usage {
	unsigned long slab_pages;	/* pages of slabs holding objects */
	unsigned long large_pages;
	unsigned long inuse, aliases;
	unsigned long held;		/* sheaves the allocator keeps */
	bool sheaves;			/* some cache has sheaves */
	int caches;
};

/* Shrink every cache, so that only slabs holding objects remain. */
static inline void rel_shrink_all(void)
{
	struct slub_snapshot *snap = slub_snapshot_take();
	int i;

	if (!snap)
		return;
	for (i = 0; i < snap->nr_caches; i++) {
		struct kmem_cache *s = slub_find_cache(snap->caches[i].name);

		if (s)
			kmem_cache_shrink(s);
	}
	slub_snapshot_free(snap);
}

/*
 * Shrink everything, then count (see above). With sheaves, shrinking a
 * cache frees its spare and barn sheaves (kmalloc objects) into the
 * sheaves of a kmalloc cache, so everything is shrunk twice; the sheaves
 * the allocator still keeps after that are counted apart from the
 * objects in use ("held"): they are the allocator's, not a leak.
 */
static inline void rel_usage(struct rel_usage *u)
{
	struct slub_snapshot *snap;
	int i, j;

	rel_shrink_all();
	rel_shrink_all();
	snap = slub_snapshot_take();
	memset(u, 0, sizeof(*u));
	if (!snap)
		return;
	for (i = 0; i < snap->nr_caches; i++) {
		const struct slub_snap_cache *c = &snap->caches[i];

		u->sheaves |= c->sheaf_capacity != 0;
		for (j = 0; c->sheaf_capacity && j < snap->nr_cpus; j++)
			u->held += c->cpu[j].spare_size >= 0;
		for (j = 0; c->sheaf_capacity && j < snap->nr_nodes; j++)
			u->held += c->node[j].barn_full + c->node[j].barn_empty;
	}
	u->large_pages = snap->pages.large_pages;
	u->caches = snap->nr_caches;
	for (i = 0; i < snap->nr_caches; i++) {
		const struct slub_snap_cache *c = &snap->caches[i];

		u->aliases += c->nr_aliases;
		for (j = 0; j < c->nr_slabs; j++) {
			const struct slub_snap_slab *sl = &c->slabs[j];
			unsigned long n = 0;
			unsigned int k;

			for (k = 0; k < sl->objects; k++)
				n += sl->obj[k].state == SLUB_OBJ_ALLOCATED;
			u->inuse += n;
			if (n)
				u->slab_pages += 1UL << sl->order;
		}
	}
	slub_snapshot_free(snap);
}

/* Every cache that holds slabs: name, slabs, objects in use, aliases. */
static inline void rel_dump_slabs(FILE *out)
{
	struct slub_snapshot *snap = slub_snapshot_take();
	int i, j;

	if (!snap)
		return;
	for (i = 0; i < snap->nr_caches; i++) {
		const struct slub_snap_cache *c = &snap->caches[i];
		unsigned long inuse = 0;

		for (j = 0; j < c->nr_slabs; j++)
			inuse += c->slabs[j].inuse;
		if (c->nr_slabs || c->nr_aliases)
			fprintf(out, "  %-20s slabs %d inuse %lu order %u "
				"aliases %d\n", c->name, c->nr_slabs, inuse,
				c->order, c->nr_aliases);
	}
	slub_snapshot_free(snap);
}

/*
 * Compare the end of a run with its baseline; print what differs to out
 * and return the number of differences.
 */
static inline int rel_usage_check(const struct rel_usage *base,
				  const struct rel_usage *end, FILE *out)
{
	unsigned long new_aliases = end->aliases > base->aliases ?
				    end->aliases - base->aliases : 0;
	int bad = 0;

	if (end->large_pages != base->large_pages) {
		fprintf(out, "leak: large kmalloc pages %lu, after boot %lu\n",
			end->large_pages, base->large_pages);
		bad++;
	}
	if (end->caches != base->caches) {
		fprintf(out, "leak: %d caches, after boot %d\n", end->caches,
			base->caches);
		bad++;
	}
	if (end->inuse - end->held !=
	    base->inuse - base->held + 2 * new_aliases) {
		fprintf(out, "leak: %lu objects in use, after boot %lu "
			"(+ %lu for %lu new alias links; sheaves held %lu, "
			"after boot %lu)\n", end->inuse, base->inuse,
			2 * new_aliases, new_aliases, end->held, base->held);
		bad++;
	}
	/*
	 * With sheaves, the slab an object comes from depends on what the
	 * sheaves held: the same objects may end up on more slabs than after
	 * the boot. The objects are compared exactly (above); the pages only
	 * without sheaves.
	 */
	if (!new_aliases && !end->sheaves &&
	    end->slab_pages != base->slab_pages) {
		fprintf(out, "leak: %lu slab pages, after boot %lu\n",
			end->slab_pages, base->slab_pages);
		bad++;
	}
	if (bad)
		rel_dump_slabs(out);
	return bad;
}

#endif /* SLUB_FAULT_UTIL_H */
