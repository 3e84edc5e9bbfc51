# file: ex05_free_fastpath.c
# what: the free fastpath does not advance the tid
s/object, next_tid(tid)))) {/object, tid))) {/
