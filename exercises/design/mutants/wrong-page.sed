# what: a run continues past the end of its slab
s/j < size \&\& virt_to_head_page(p\[j\]) == page;/j < size;/
