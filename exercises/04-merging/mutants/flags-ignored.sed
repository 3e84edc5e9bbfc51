# file: ex04_find_mergeable.c
# what: the SLUB_MERGE_SAME flags are not compared
/SLUB_MERGE_SAME) != (s->flags & SLUB_MERGE_SAME)/s/if (/if (0 \&\& /
