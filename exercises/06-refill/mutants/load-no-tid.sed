# file: ex06_load_freelist.c
# what: load_freelist does not advance the tid
/WRITE_ONCE(c->tid, next_tid(READ_ONCE(c->tid)));/d
