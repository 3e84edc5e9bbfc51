# file: ex03_calculate_order.c
# what: min_objects = 4 * fls(nr_cpu_ids), without the + 1
s/4 \* (fls(nr_cpu_ids) + 1)/4 * fls(nr_cpu_ids)/
