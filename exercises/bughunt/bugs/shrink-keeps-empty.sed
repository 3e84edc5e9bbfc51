# what: off by one: shrinking splices the bucket of empty slabs back onto the list instead of freeing them
# part: kmem_cache_shrink(): sorting the partial slabs
# caught-by: 10
s/for (i = objects - 1; i > 0; i--)/for (i = objects - 1; i >= 0; i--)/
