# what: taking a slab from the cpu partial chain drops the rest of the chain
# part: ___slab_alloc(): the next slab of the cpu partial chain
# caught-by: 07 11
0,/c->partial = page->next;/s//c->partial = NULL;/
