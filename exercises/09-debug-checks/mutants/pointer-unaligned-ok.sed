# file: ex09_check_object.c
# what: check_valid_pointer accepts a pointer into the middle of an object
/((const char \*)object - (char \*)base) % s->size)/s/((const char \*)object - (char \*)base) % s->size)/0)/
