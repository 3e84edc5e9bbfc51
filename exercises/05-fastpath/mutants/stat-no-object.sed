# file: ex05_free_fastpath.c
# what: FREE_FASTPATH is counted without the object and its slab (stat, not stat_at)
s/^\t\tstat_at(s, FREE_FASTPATH, object, page);$/\t\tstat(s, FREE_FASTPATH);/
