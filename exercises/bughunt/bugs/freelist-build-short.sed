# what: a new slab's freelist ends one object early: the last object is never handed out
# part: new_slab(): linking the objects of a fresh slab
# caught-by: 05 06 07
s/set_freepointer(s, p, idx + 1 < (int)page->objects ?/set_freepointer(s, p, idx + 2 < (int)page->objects ?/
