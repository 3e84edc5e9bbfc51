# file: ex04_find_mergeable.c
# what: a cache with a constructor may merge
s/^\tif (ctor)$/\tif (ctor \&\& 0)/
