# what: SHEAF_REFILL is not counted
s/^\t\tstat_at(s, SHEAF_REFILL, p\[i\], NULL);$/\t\t(void)p[i];/
