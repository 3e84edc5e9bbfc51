# file: ex10_sort_partial.c
# what: an empty slab leaves the list but not the count
/WRITE_ONCE(n->nr_partial, n->nr_partial - 1);/d
s/if (!page->inuse)$/if (!page->inuse) {}/
