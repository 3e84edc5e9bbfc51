# file: ex11_free_no_lock.c
# what: a slab frozen by a free is put on no chain
s/^\t\t\tput_cpu_partial(s, page, 1);$/\t\t\tif (0)\n\t\t\t\tput_cpu_partial(s, page, 1);/
