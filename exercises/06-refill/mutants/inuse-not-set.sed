# file: ex06_get_freelist.c
# what: the objects taken are not marked in use
s/^\t\tnew.inuse = new.objects;$/\t\t;/
