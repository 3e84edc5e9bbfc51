# what: deactivation puts a slab at the head of the partial list even when it should go to the tail
# part: deactivate_slab(): putting the slab on the list of its new state
# caught-by: 08
s/^\t\t\tadd_partial(n, page, tail);$/\t\t\tadd_partial(n, page, DEACTIVATE_TO_HEAD);/
