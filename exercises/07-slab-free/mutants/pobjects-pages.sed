# file: ex07_put_cpu_partial.c
# what: pobjects counts slabs instead of free objects
s/pobjects += page->objects - page->inuse;/pobjects += 1;/
