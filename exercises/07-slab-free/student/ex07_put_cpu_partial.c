/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Exercise 07: the CPU's partial chain (book: "put_cpu_partial() and
 * unfreeze_partials()").
 *
 * __put_cpu_partial(): push page on c->partial. The head carries the
 * chain's length (pages) and its free objects (pobjects: each slab's
 * objects - inuse when it joined). If drain is set and the chain already
 * holds more than s->cpu_partial objects, first unfreeze_partials(s, c)
 * and count stat(s, CPU_PARTIAL_DRAIN); the new slab then starts a new
 * chain. put_cpu_partial(): the same between local_irq_save(s) and
 * local_irq_restore(s, c).
 *
 * Generated from slub.nw <<Put a slab on the CPU's partial chain: [[put_cpu_partial]]>>
 * by exercises/scripts/skeleton.sh.
 */
#ifndef EXERCISE_TODO
#define EXERCISE_TODO(what)						\
	do {								\
		fprintf(stderr, "exercise: %s is not written yet\n", what); \
		abort();						\
	} while (0)
#endif
static void __put_cpu_partial(struct kmem_cache *s, struct kmem_cache_cpu *c,
			      struct page *page, int drain)
{
	(void)s;
	(void)c;
	(void)page;
	(void)drain;
	EXERCISE_TODO("__put_cpu_partial");
}

static void put_cpu_partial(struct kmem_cache *s, struct page *page,
			    int drain)
{
	(void)s;
	(void)page;
	(void)drain;
	EXERCISE_TODO("put_cpu_partial");
}
