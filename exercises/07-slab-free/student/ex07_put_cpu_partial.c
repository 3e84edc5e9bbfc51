/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Exercise 07: the CPU's partial chain. Book: "put_cpu_partial() and
 * unfreeze_partials()" (sec:cpu-partial).
 *
 * Contract. Push page on this CPU's partial chain, with interrupts off
 * around it. Afterwards the chain's head carries the chain's length
 * (pages) and the free objects it held when each slab joined (pobjects).
 * When asked to drain and the chain already holds more than
 * s->cpu_partial free objects, the old chain first goes back to the node
 * lists (counted as CPU_PARTIAL_DRAIN) and the new slab starts a new
 * chain.
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
