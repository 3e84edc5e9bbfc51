# bench/bench.mk -- the benchmark against glibc, jemalloc, mimalloc and
# tcmalloc (included by the top Makefile).
#   make bench        the full run, a few minutes: prints the table and
#                     writes build/bench/results.md and results.png
#   make bench-smoke  tiny counts in a few seconds; proves that the harness
#                     works, asserts nothing about time (part of make test)
#
# SLUB is compiled again here for speed: -O2 -DNDEBUG with the teaching
# events and the counters compiled out (-DSLUB_NO_EVENTS -DSLUB_NO_STATS:
# the kernel's production build, without CONFIG_SLUB_STATS), a second
# time with the counters in (-DSLUB_NO_EVENTS alone), and a third time
# with events and counters in and no observer attached (the teaching
# build), to measure what each costs. The sheaves columns are the same
# binaries run with SLUB_SHEAVES set.
# Every peer replaces malloc, so each is linked into its own copy of
# bench/bench.c and runs in a process of its own; bench-run runs them all
# and writes the comparison.

BENCH := $(B)/bench
BENCH_CFLAGS = $(BASE_CFLAGS) -O2 -DNDEBUG -Igenerated
BENCH_PEERS := glibc jemalloc mimalloc tcmalloc
BENCH_LIBS_glibc :=
BENCH_LIBS_jemalloc := -ljemalloc
BENCH_LIBS_mimalloc := -lmimalloc
BENCH_LIBS_tcmalloc := -ltcmalloc_minimal
BENCH_BINS := $(BENCH_PEERS:%=$(BENCH)/bench-%) $(BENCH)/bench-ideal \
	$(BENCH)/bench-run
# Until the allocator is tangled the harness measures the peers alone.
ifneq ($(wildcard generated/slub.c),)
BENCH_BINS += $(BENCH)/bench-slub $(BENCH)/bench-kmalloc \
	$(BENCH)/bench-slub-stats $(BENCH)/bench-slub-ev
endif

$(BENCH)/obj/%.o: generated/%.c $(GENERATED)
	@mkdir -p $(@D)
	$(CC) $(BENCH_CFLAGS) -DSLUB_NO_EVENTS -DSLUB_NO_STATS -c $< -o $@

$(BENCH)/obj/%-st.o: generated/%.c $(GENERATED)
	@mkdir -p $(@D)
	$(CC) $(BENCH_CFLAGS) -DSLUB_NO_EVENTS -c $< -o $@

$(BENCH)/obj/%-ev.o: generated/%.c $(GENERATED)
	@mkdir -p $(@D)
	$(CC) $(BENCH_CFLAGS) -c $< -o $@

$(BENCH)/libslub.a: $(BENCH)/obj/slub.o $(BENCH)/obj/slub_observe.o
	bash scripts/link-lib.sh $@ $^

$(BENCH)/libslub-st.a: $(BENCH)/obj/slub-st.o $(BENCH)/obj/slub_observe-st.o
	bash scripts/link-lib.sh $@ $^

$(BENCH)/libslub-ev.a: $(BENCH)/obj/slub-ev.o $(BENCH)/obj/slub_observe-ev.o
	bash scripts/link-lib.sh $@ $^

# --no-as-needed: keep the peer linked even on toolchains that drop
# libraries no symbol seems to need; bench-run checks who provides malloc.
$(BENCH_PEERS:%=$(BENCH)/bench-%): $(BENCH)/bench-%: bench/bench.c
	@mkdir -p $(@D)
	$(CC) $(BENCH_CFLAGS) -DBENCH_MALLOC -DBENCH_NAME='"$*"' $< -o $@ \
		-Wl,--no-as-needed $(BENCH_LIBS_$*) -Wl,--as-needed $(LDLIBS)

$(BENCH)/bench-ideal: bench/bench.c
	@mkdir -p $(@D)
	$(CC) $(BENCH_CFLAGS) -DBENCH_IDEAL -DBENCH_NAME='"ideal"' $< -o $@ \
		$(LDLIBS)

$(BENCH)/bench-slub: bench/bench.c $(BENCH)/libslub.a
	$(CC) $(BENCH_CFLAGS) -DBENCH_SLUB_CACHE -DBENCH_NAME='"slub"' $^ \
		-o $@ $(LDLIBS)

$(BENCH)/bench-kmalloc: bench/bench.c $(BENCH)/libslub.a
	$(CC) $(BENCH_CFLAGS) -DBENCH_SLUB_KMALLOC -DBENCH_NAME='"kmalloc"' \
		$^ -o $@ $(LDLIBS)

$(BENCH)/bench-slub-stats: bench/bench.c $(BENCH)/libslub-st.a
	$(CC) $(BENCH_CFLAGS) -DBENCH_SLUB_CACHE -DBENCH_NAME='"slub-stats"' \
		$^ -o $@ $(LDLIBS)

$(BENCH)/bench-slub-ev: bench/bench.c $(BENCH)/libslub-ev.a
	$(CC) $(BENCH_CFLAGS) -DBENCH_SLUB_CACHE -DBENCH_NAME='"slub-ev"' $^ \
		-o $@ $(LDLIBS)

$(BENCH)/bench-run: bench/bench_run.c
	@mkdir -p $(@D)
	$(CC) $(BENCH_CFLAGS) $< -o $@ $(LDLIBS)

.PHONY: bench bench-smoke bench-bins
bench-bins: $(BENCH_BINS)

# BENCH_ARGS: e.g. "-k 5" for five rounds, "-r 11" for 11 repetitions.
BENCH_ARGS ?=

bench: deps
	@$(MAKE) --no-print-directory bench-bins
	$(BENCH)/bench-run $(BENCH_ARGS) -d $(BENCH) -o $(BENCH)

bench-smoke: bench-bins
	$(BENCH)/bench-run -s -d $(BENCH) -o $(BENCH)/smoke

TESTS += bench-smoke

# Where SLUB's time goes in the 64-byte LIFO test: perf and callgrind.
.PHONY: bench-profile
bench-profile: $(BENCH)/bench-slub
	bash bench/profile.sh $(BENCH)

# Copy the last full run's figures and goals into the book's performance
# section (slub.nw, between its bench-book lines): run after make bench.
.PHONY: bench-book
bench-book:
	@test -f $(BENCH)/results.md || { echo "bench-book: no $(BENCH)/results.md; run make bench first" >&2; exit 1; }
	perl bench/book-table.pl $(BENCH)/results.md slub.nw
