# file: ex01_freepointer.c
# what: get_freepointer returns the stored word without decoding it
/^static inline void \*get_freepointer(/,/^}/s/return freelist_ptr(s, \*(void \*\*)addr, addr);/return *(void **)addr;/
