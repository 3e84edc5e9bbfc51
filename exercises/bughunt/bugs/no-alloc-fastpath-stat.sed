# what: an allocation by the fastpath is not counted (ALLOC_FASTPATH)
# part: slab_alloc_node(): the fastpath
# caught-by: 05
/^\t\tstat_at(s, ALLOC_FASTPATH, object, page);$/d
