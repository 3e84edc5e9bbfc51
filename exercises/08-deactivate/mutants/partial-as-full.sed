# file: ex08_new_state.c
# what: a slab with free objects is put on no list, as if full
s/} else if (new.freelist) {/} else if (!new.freelist) {/
