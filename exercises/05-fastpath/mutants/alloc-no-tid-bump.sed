# file: ex05_alloc_fastpath.c
# what: the allocation fastpath does not advance the tid
s/next_tid(tid)))) {/tid))) {/
