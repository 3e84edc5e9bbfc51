# file: ex07_slab_free.c
# what: the slab's inuse count is not decremented
s/^\t\tnew.inuse--;$/\t\t;/
