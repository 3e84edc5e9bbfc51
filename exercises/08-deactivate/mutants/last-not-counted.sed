# file: ex08_new_state.c
# what: the last object returns without decrementing inuse
/^\tif (freelist) {$/,/^\t}/s/^\t\tnew.inuse--;$/\t\t;/
