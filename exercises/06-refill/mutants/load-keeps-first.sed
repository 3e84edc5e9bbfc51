# file: ex06_load_freelist.c
# what: the CPU's freelist still starts with the object handed out
s/WRITE_ONCE(c->freelist, get_freepointer(s, freelist));/WRITE_ONCE(c->freelist, freelist);/
