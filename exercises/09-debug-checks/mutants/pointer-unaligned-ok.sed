# file: ex09_check_object.c
# what: check_valid_pointer accepts a pointer into the middle of an object
/(p - base) % s->size)/s/(p - base) % s->size)/0)/
