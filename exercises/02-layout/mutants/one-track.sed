# file: ex02_calculate_sizes.c
# what: room for one struct track instead of two
s/size += 2 \* sizeof(struct track);/size += sizeof(struct track);/
