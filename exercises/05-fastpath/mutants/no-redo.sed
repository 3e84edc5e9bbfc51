# file: ex05_alloc_fastpath.c
# what: a failed compare-and-swap is counted but not redone
s/^\t\t\tgoto redo;$/\t\t\tif (0)\n\t\t\t\tgoto redo;/
