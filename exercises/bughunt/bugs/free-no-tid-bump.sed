# what: the free fastpath does not advance the transaction id
# part: slab_free(): the fastpath compare-and-swap
# caught-by: 05
s/object, next_tid(tid)))) {/object, tid))) {/
