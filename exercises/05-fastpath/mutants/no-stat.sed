# file: ex05_alloc_fastpath.c
# what: ALLOC_FASTPATH is not counted
s/^\t\tstat(s, ALLOC_FASTPATH);$/\t\t;/
