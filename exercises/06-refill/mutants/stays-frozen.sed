# file: ex06_get_freelist.c
# what: a full cpu slab stays frozen
s/new.frozen = freelist != NULL;/new.frozen = 1;/
