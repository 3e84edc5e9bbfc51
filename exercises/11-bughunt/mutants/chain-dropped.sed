# file: ex11_cpu_partial_alloc.c
# what: taking a slab from the chain drops the rest of the chain
s/c->partial = page->next;/c->partial = NULL;/
