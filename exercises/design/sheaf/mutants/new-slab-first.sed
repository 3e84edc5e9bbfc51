# what: a refill never looks at the partial slabs: new slabs first
s/if (want \&\& READ_ONCE(n->nr_partial)) {/if (0) {/
