# what: the order calculation wants 4 * fls(nr_cpus) objects per slab, without the + 1
# part: calculate_order(): the minimum number of objects
# caught-by: 03
s/4 \* (fls(nr_cpu_ids) + 1)/4 * fls(nr_cpu_ids)/
