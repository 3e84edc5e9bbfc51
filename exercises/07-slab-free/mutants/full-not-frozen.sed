# file: ex07_slab_free.c
# what: a full slab goes to the node's list even with cpu partial chains
s/if (kmem_cache_has_cpu_partial(s) && !prior) {/if (0) {/
