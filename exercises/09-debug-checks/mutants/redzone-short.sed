# file: ex09_check_object.c
# what: the red zone is checked one byte short
s/s->inuse - s->object_size))$/s->inuse - s->object_size - 1))/
