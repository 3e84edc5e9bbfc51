# file: ex05_alloc_fastpath.c
# what: ALLOC_FASTPATH is not counted
s/^\t\tstat_at(s, ALLOC_FASTPATH, object, page);$/\t\t;/
