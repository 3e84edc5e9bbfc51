# what: a full slab that gets a free object back is not frozen before it joins the cpu partial chain
# part: __slab_free(): deciding the slab's fate
# caught-by: 07 11
/if (kmem_cache_has_cpu_partial(s) \&\& !prior) {/{
n
/^\t*new.frozen = 1;$/d
}
