# file: ex04_find_mergeable.c
# what: off by one: a cache wasting exactly a word per object is accepted
s/if (s->size - size >= sizeof(void \*))/if (s->size - size > sizeof(void *))/
