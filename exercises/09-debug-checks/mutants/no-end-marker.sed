# file: ex09_check_object.c
# what: the end marker of the poison is not checked
s/POISON_END, 1)))/POISON_END, 0)))/
