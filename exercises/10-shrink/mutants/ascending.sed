# file: ex10_sort_partial.c
# what: the buckets are spliced at the head: the emptiest slab comes first
s/list_splice(slabs_by_inuse + i, n->partial.prev);/list_splice(slabs_by_inuse + i, \&n->partial);/
