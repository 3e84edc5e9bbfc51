# malloc/malloc.mk -- SLUB as the malloc of real programs (included by the
# top Makefile).
#   make                 also builds build/libslub-malloc.so:
#                        LD_PRELOAD=build/libslub-malloc.so prog
#   make test-malloc     real programs on it (git, the compiler, make),
#                        plain and under SLUB_DEBUG=FZPU; fork; misuse
#   make bench-apps      real and allocation-heavy programs with glibc,
#                        jemalloc, mimalloc, tcmalloc and SLUB by LD_PRELOAD:
#                        build/bench-apps/results.md and results.png
#   make soak            the real-program tests and the larson-style
#                        program over and over for SOAK_SECONDS (not in CI)
#
# The shared library is compiled from the same generated/slub.c in a build
# variant of its own (build/malloc/): position-independent, symbols hidden
# but the C allocation interface, thread-local storage in the initial-exec
# model (a preloaded library's is static), the teaching events compiled
# out, and CONFIG_SLUB_MALLOC (16-byte minimum alignment, kmalloc of a
# power of two naturally aligned).

MALLOC := $(B)/malloc
MALLOC_SO := $(B)/libslub-malloc.so
MALLOC_CFLAGS = $(BASE_CFLAGS) -O2 -DNDEBUG -DSLUB_NO_EVENTS \
	-DCONFIG_SLUB_MALLOC -fPIC -fvisibility=hidden \
	-ftls-model=initial-exec -Igenerated

$(MALLOC)/obj/%.o: generated/%.c $(GENERATED)
	@mkdir -p $(@D)
	$(CC) $(MALLOC_CFLAGS) -c $< -o $@

$(MALLOC)/obj/slub_malloc.o: malloc/slub_malloc.c generated/slub.h
	@mkdir -p $(@D)
	$(CC) $(MALLOC_CFLAGS) -c $< -o $@

$(MALLOC_SO): $(MALLOC)/obj/slub_malloc.o $(MALLOC)/obj/slub.o \
		$(MALLOC)/obj/slub_observe.o
	$(CC) -shared -Wl,-z,now -Wl,-z,defs -o $@ $^ -pthread

all: $(MALLOC_SO)

.PHONY: malloc
malloc: $(MALLOC_SO)

# ---------------------------------------------------------------- tests
# The re-entry checking build: the same objects but the interposer's.
$(MALLOC)/check/slub_malloc.o: malloc/slub_malloc.c generated/slub.h
	@mkdir -p $(@D)
	$(CC) $(MALLOC_CFLAGS) -DSLUB_MALLOC_CHECK_REENTRY -c $< -o $@

$(MALLOC)/check/libslub-malloc.so: $(MALLOC)/check/slub_malloc.o \
		$(MALLOC)/obj/slub.o $(MALLOC)/obj/slub_observe.o
	$(CC) -shared -Wl,-z,now -Wl,-z,defs -o $@ $^ -pthread

MALLOC_TESTS := api fork_threads misuse
$(MALLOC_TESTS:%=$(MALLOC)/tests/%): $(MALLOC)/tests/%: malloc/tests/%.c
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) -O2 $< -o $@ -pthread -ldl

.PHONY: test-malloc
test-malloc: $(MALLOC_SO) $(MALLOC)/check/libslub-malloc.so \
		$(MALLOC_TESTS:%=$(MALLOC)/tests/%)
	@bash malloc/test-malloc.sh $(B)

# ---------------------------------------------------------------- bench
# BENCH_APPS_ROUNDS: how many interleaved rounds (each figure is a median).
BENCH_APPS_ROUNDS ?= 5
BENCH_APPS_BINS := measure whose_malloc larson xmalloc cache_scratch
$(BENCH_APPS_BINS:%=$(B)/bench-apps/bin/%): $(B)/bench-apps/bin/%: \
		malloc/bench/%.c
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) -O2 $< -o $@ -pthread -ldl

.PHONY: bench-apps
bench-apps: deps
	@$(MAKE) --no-print-directory $(MALLOC_SO) \
		$(BENCH_APPS_BINS:%=$(B)/bench-apps/bin/%)
	@bash malloc/bench/bench-apps.sh $(B) $(BENCH_APPS_ROUNDS)

# ---------------------------------------------------------------- soak
# Not in make test: it runs for SOAK_SECONDS (default ten minutes).
SOAK_SECONDS ?= 600

.PHONY: soak
soak: $(MALLOC_SO) $(MALLOC)/check/libslub-malloc.so \
		$(MALLOC_TESTS:%=$(MALLOC)/tests/%) $(B)/bench-apps/bin/larson
	@bash malloc/soak.sh $(B) $(SOAK_SECONDS)
