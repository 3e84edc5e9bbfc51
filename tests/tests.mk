# tests/tests.mk -- the test suites; included by the top Makefile.
#   make test-unit      the Check runner with every suite (fork mode); its
#                       last line is Check's summary
#   make test-sanitize  the same runner under ASan+UBSan
#   make test-tsan      the real-thread stress program under ThreadSanitizer
#   make test-cli       tests/test-cli.sh against build/slub
#   make test-sheaves   the same with per-CPU sheaves in every cache
#                       (SLUB_SHEAVES=32): stress, stress under TSan, a
#                       short bounded fuzz and the Check runner
# The top Makefile appends these to TESTS in the order `make test' runs
# them.

CHECK_CFLAGS := $(shell pkg-config --cflags check 2>/dev/null)
CHECK_LIBS := $(shell pkg-config --libs check 2>/dev/null)

TEST_SRCS := $(sort $(wildcard tests/check_*.c)) tests/test_util.c \
	tests/stress.c
TEST_HDRS := $(wildcard tests/*.h)
TEST_DEFS = -DSLUB_TOP_SRCDIR='"$(CURDIR)"'

# Timeouts are generous for the sanitizer builds; nothing asserts on time.
STRESS_TSAN_OPS ?= 50000

$(B)/tests/check_slub: $(TEST_SRCS) $(TEST_HDRS) $(B)/libtools.a \
		$(B)/libscn.a $(B)/libslub.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(CHECK_CFLAGS) $(TEST_DEFS) -Itests $(TEST_SRCS) \
		$(B)/libtools.a $(B)/libscn.a $(B)/libslub.a $(CHECK_LIBS) \
		$(LDLIBS) -o $@

$(B)/tests/asan/check_slub: $(TEST_SRCS) $(TEST_HDRS) $(B)/asan/libtools.a \
		$(B)/asan/libscn.a $(B)/asan/libslub.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(SAN_ASAN) $(CHECK_CFLAGS) $(TEST_DEFS) -Itests \
		$(TEST_SRCS) $(B)/asan/libtools.a $(B)/asan/libscn.a \
		$(B)/asan/libslub.a \
		$(CHECK_LIBS) $(LDLIBS) -o $@

$(B)/tests/tsan/stress: tests/stress.c tests/stress.h $(B)/tsan/libslub.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(SAN_TSAN) -DSTRESS_MAIN -Itests tests/stress.c \
		$(B)/tsan/libslub.a $(LDLIBS) -o $@

$(B)/tests/stress: tests/stress.c tests/stress.h $(B)/libslub.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -DSTRESS_MAIN -Itests tests/stress.c \
		$(B)/libslub.a $(LDLIBS) -o $@

.PHONY: test-cli test-stress test-check-build

test-check-build: $(B)/tests/check_slub

test-unit: $(B)/tests/check_slub
	@$(B)/tests/check_slub

test-sanitize: $(B)/tests/asan/check_slub
	@ASAN_OPTIONS=$${ASAN_OPTIONS:-abort_on_error=0:detect_leaks=1} \
	UBSAN_OPTIONS=$${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
	CK_TIMEOUT_MULTIPLIER=$${CK_TIMEOUT_MULTIPLIER:-4} \
		$(B)/tests/asan/check_slub

test-tsan: $(B)/tests/tsan/stress
	@TSAN_OPTIONS=$${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1} \
		$(B)/tests/tsan/stress $(STRESS_TSAN_OPS) 4
	@TSAN_OPTIONS=$${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1} \
		$(B)/tests/tsan/stress $(STRESS_TSAN_OPS) 4 2 observe memcg admin
	@TSAN_OPTIONS=$${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1} \
		$(B)/tests/tsan/stress $(STRESS_TSAN_OPS) 4 3 debug hardened admin observe

test-stress: $(B)/tests/stress
	@$(B)/tests/stress 300000 4

test-cli: $(B)/slub
	@if [ -f tests/test-cli.sh ]; then \
		bash tests/test-cli.sh; \
	else \
		echo "test-cli: tests/test-cli.sh does not exist yet; skipped"; \
	fi

# The sheaves variant. Tests written for the 3.18 paths (scenarios
# without 'config sheaves', fixtures that leave slub_config.sheaves at 0)
# pin the cpu slab whatever SLUB_SHEAVES says; everything else, the
# stress test and the fuzzers included, runs on sheaves.
SHEAVES_FUZZ_SECONDS ?= 10
SHEAVES_ENV := SLUB_SHEAVES=32
TSAN_ENV = TSAN_OPTIONS=$${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1}

.PHONY: test-sheaves
test-sheaves: $(B)/tests/check_slub $(B)/tests/stress $(B)/tests/tsan/stress \
		fuzz-build
	@$(SHEAVES_ENV) $(B)/tests/stress 300000 4
	@$(SHEAVES_ENV) $(B)/tests/stress 100000 4 2 observe memcg admin
	@$(SHEAVES_ENV) $(TSAN_ENV) $(B)/tests/tsan/stress $(STRESS_TSAN_OPS) 4
	@$(SHEAVES_ENV) $(TSAN_ENV) $(B)/tests/tsan/stress $(STRESS_TSAN_OPS) 4 \
		2 observe memcg admin
	@$(SHEAVES_ENV) B=$(B) FUZZ_SECONDS=$(SHEAVES_FUZZ_SECONDS) \
		bash tests/faults/reliability.sh fuzz
	@$(SHEAVES_ENV) $(B)/tests/check_slub
