# file: ex03_slab_order.c
# what: the leftover must be strictly less than the fraction
s/if (rem <= (int)(slab_size \/ fract_leftover))/if (rem < (int)(slab_size \/ fract_leftover))/
