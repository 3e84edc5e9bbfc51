# what: a full slab that got objects back is put on no list
s/^\t\tadd_partial(n, page, DEACTIVATE_TO_TAIL);$/\t\t(void)0;/
