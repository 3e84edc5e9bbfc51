# what: the debug layout reserves room for one struct track instead of two (alloc and free)
# part: calculate_sizes(): the metadata after the object
# caught-by: 02
s/size += 2 \* sizeof(struct track);/size += sizeof(struct track);/
