# file: ex08_new_list.c
# what: the slab always goes to the head of the list, whatever tail says
s/add_partial(n, page, tail);/add_partial(n, page, DEACTIVATE_TO_HEAD);/
