# file: ex03_slab_order.c
# what: off by one: slab_order never tries max_order itself
s/order <= max_order; order++/order < max_order; order++/
