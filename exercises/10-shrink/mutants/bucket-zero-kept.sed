# file: ex10_sort_partial.c
# what: off by one: bucket 0 is spliced back too, so no empty slab is freed
s/for (i = objects - 1; i > 0; i--)/for (i = objects - 1; i >= 0; i--)/
