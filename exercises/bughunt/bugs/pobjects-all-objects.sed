# what: the cpu partial chain counts every object of a slab as free, not only the free ones
# part: put_cpu_partial(): counting the chain's free objects
# caught-by: 07 11
s/pobjects += page->objects - page->inuse;/pobjects += page->objects;/
