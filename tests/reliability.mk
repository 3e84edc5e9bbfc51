# tests/reliability.mk -- fuzzing, fault injection and valgrind;
# included by the top Makefile.
#   make test-reliability  a bounded fuzz run of both libFuzzer targets
#                          (FUZZ_SECONDS each), the fault-injection
#                          programs, the SLAB_PANIC test, the regression
#                          inputs and valgrind memcheck of build/slub on
#                          every shipped scenario; the last line is
#                          "N passed, N failed"
#   make fuzz              a longer campaign (FUZZ_LONG_SECONDS per target)
#                          that keeps its corpus in $(B)/fuzz/corpus-*
#   make test-faults       the fault-injection part alone
#   make test-valgrind     the valgrind part alone
#
# The fuzz targets are built with clang (-fsanitize=fuzzer,address,
# undefined) from their own objects under $(B)/fuzz/obj; the fault
# injection programs with $(CC) and ASan+UBSan against $(B)/asan/*.a.

FUZZ_CC ?= clang
FUZZ_SECONDS ?= 30
FUZZ_LONG_SECONDS ?= 300
FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=undefined \
	-fsanitize-recover=alignment \
	-fno-omit-frame-pointer
# clang, unlike gcc, warns about the unused static inline page-flag helpers
# that generated/slub.c defines through a macro; nothing else.
FUZZ_CFLAGS = -std=gnu11 $(WARN) -g -O1 -mcx16 -pthread -D_GNU_SOURCE \
	-Igenerated -Iscenario $(FUZZ_SAN)
# The scenario engine's sources are those of libscn.a (SCN_SRCS).
FUZZ_SCN_OBJS = $(patsubst %.c,$(B)/fuzz/obj/%.o,$(SCN_SRCS))

# The allocator is generated/slub.c and its observation layer
# generated/slub_observe.c (FUZZ_SLUB_OBJS).
FUZZ_SLUB_OBJS = $(B)/fuzz/obj/slub.o $(B)/fuzz/obj/slub_observe.o

$(B)/fuzz/obj/slub.o $(B)/fuzz/obj/slub_observe.o: $(B)/fuzz/obj/%.o: \
		generated/%.c $(GENERATED) tests/fuzz/coverage-ignore.txt
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -Wno-unused-function \
		-fsanitize=fuzzer-no-link \
		-fsanitize-coverage-ignorelist=tests/fuzz/coverage-ignore.txt \
		-c $< -o $@

$(B)/fuzz/obj/scenario/%.o: scenario/%.c $(SCN_HDRS) generated/slub.h
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c $< -o $@

$(B)/fuzz/fuzz_scn: tests/fuzz/fuzz_scn.c $(FUZZ_SLUB_OBJS) \
		$(FUZZ_SCN_OBJS)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer $^ \
		-Wl,--wrap=slub_init -o $@ $(LDLIBS)

$(B)/fuzz/fuzz_ops: tests/fuzz/fuzz_ops.c tests/faults/fault_util.h \
		tests/fuzz/coverage-ignore.txt $(FUZZ_SLUB_OBJS)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -Itests/faults -fsanitize=fuzzer \
		-fsanitize-coverage-ignorelist=tests/fuzz/coverage-ignore.txt \
		$< $(FUZZ_SLUB_OBJS) -o $@ $(LDLIBS)

# ---------------------------------------------------------------- faults
FAULT_BINS := $(B)/faults/fault_scn $(B)/faults/fault_api

$(B)/faults/fault_scn: tests/faults/fault_scn.c tests/faults/fault_util.h \
		$(B)/asan/libscn.a $(B)/asan/libslub.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(SAN_ASAN) -Itests/faults $< \
		$(B)/asan/libscn.a $(B)/asan/libslub.a \
		-Wl,--wrap=slub_init,--wrap=slub_shutdown -o $@ $(LDLIBS)

$(B)/faults/fault_api: tests/faults/fault_api.c tests/faults/fault_util.h \
		$(B)/asan/libslub.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(SAN_ASAN) -Itests/faults $< \
		$(B)/asan/libslub.a -o $@ $(LDLIBS)

# ---------------------------------------------------------------- targets
REL_SCENARIOS = $(sort $(wildcard viz/scenarios/*.scn) \
	$(wildcard tests/scenarios/*.scn))
REL_ENV := ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

.PHONY: test-reliability test-faults test-valgrind test-fuzz-bounded fuzz \
	fuzz-build

fuzz-build: $(B)/fuzz/fuzz_scn $(B)/fuzz/fuzz_ops

test-reliability: fuzz-build $(FAULT_BINS) $(B)/slub
	@$(REL_ENV) B=$(B) FUZZ_SECONDS=$(FUZZ_SECONDS) \
		bash tests/faults/reliability.sh all $(REL_SCENARIOS)

test-faults: $(FAULT_BINS)
	@$(REL_ENV) B=$(B) bash tests/faults/reliability.sh faults \
		$(REL_SCENARIOS)

test-valgrind: $(B)/slub
	@B=$(B) bash tests/faults/reliability.sh valgrind $(REL_SCENARIOS)

test-fuzz-bounded: fuzz-build
	@B=$(B) FUZZ_SECONDS=$(FUZZ_SECONDS) \
		bash tests/faults/reliability.sh fuzz

fuzz: fuzz-build
	@B=$(B) FUZZ_SECONDS=$(FUZZ_LONG_SECONDS) FUZZ_KEEP=1 \
		bash tests/faults/reliability.sh fuzz
