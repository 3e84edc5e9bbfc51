# what: off by one: deactivation frees an empty slab when the node has exactly min_partial partial slabs
# part: deactivate_slab(): the slab's new state
# caught-by: 08
s/if (!new.inuse \&\& READ_ONCE(n->nr_partial) > s->min_partial) {/if (!new.inuse \&\& READ_ONCE(n->nr_partial) >= s->min_partial) {/
