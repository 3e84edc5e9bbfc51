# file: ex01_freepointer.c
# what: get_freepointer_safe decodes with the object's address, not the slot's
/^get_freepointer_safe/,/^}/s/\*(void \*volatile \*)addr, addr);/*(void *volatile *)addr, (unsigned long)object);/
