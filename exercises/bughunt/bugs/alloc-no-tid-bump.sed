# what: the allocation fastpath does not advance the transaction id
# part: slab_alloc_node(): the fastpath compare-and-swap
# caught-by: 05
s/^\([[:space:]]*\)next_tid(tid)))) {$/\1tid))) {/
