# what: the chain's last object is not linked to the CPU's freelist
/set_freepointer(s, p\[i\], freelist);/d
