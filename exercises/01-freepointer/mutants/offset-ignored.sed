# file: ex01_freepointer.c
# what: set_freepointer writes the link at the start of the object
/^static inline void set_freepointer/,/^}/s/(unsigned long)object + s->offset;/(unsigned long)object;/
