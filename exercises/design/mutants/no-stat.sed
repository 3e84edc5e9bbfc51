# what: the chain is pushed but its frees are not counted
/stat_at(s, FREE_FASTPATH, p\[i\], page);/s/stat_at(s, FREE_FASTPATH, p\[i\], page);/;/
