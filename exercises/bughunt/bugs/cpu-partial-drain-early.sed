# what: off by one: the cpu partial chain drains when it holds exactly cpu_partial free objects
# part: put_cpu_partial(): when the chain is full
# caught-by: 07 11
s/if (drain \&\& pobjects > s->cpu_partial) {/if (drain \&\& pobjects >= s->cpu_partial) {/
