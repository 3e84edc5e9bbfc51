# file: ex02_calculate_sizes.c
# what: no red zone word when the object fills its words exactly
s/if ((flags & SLAB_RED_ZONE) && size == (unsigned long)s->object_size)/if (0)/
