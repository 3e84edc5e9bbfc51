# file: ex07_put_cpu_partial.c
# what: off by one: the chain drains when it holds exactly cpu_partial objects
s/if (drain && pobjects > s->cpu_partial) {/if (drain \&\& pobjects >= s->cpu_partial) {/
