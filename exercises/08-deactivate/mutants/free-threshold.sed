# file: ex08_new_state.c
# what: off by one: an empty slab is freed when the node has exactly min_partial slabs
s/if (!new.inuse \&\& READ_ONCE(n->nr_partial) > s->min_partial) {/if (!new.inuse \&\& READ_ONCE(n->nr_partial) >= s->min_partial) {/
