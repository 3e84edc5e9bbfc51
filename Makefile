# The SLUB Book -- the one entry point.
#   make            build the libraries, the CLI build/slub and
#                   build/libslub-malloc.so (LD_PRELOAD it: SLUB as malloc)
#   make run        install what is missing, build, run the main job
#   make test       install what is missing, build, run every test
#   make tangle     rewrite generated/ from slub.nw
# Every build product goes under build/.

SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -ec
.DEFAULT_GOAL := all
MAKEFLAGS += --no-builtin-rules

B := build
CC ?= gcc
OPT ?= -O2
WARN := -Wall -Wextra -Werror
BASE_CFLAGS := -std=gnu11 $(WARN) -g -mcx16 -pthread -D_GNU_SOURCE
CFLAGS ?= $(OPT)
ALL_CFLAGS = $(BASE_CFLAGS) $(CFLAGS) -Igenerated -Iscenario -Itools
LDLIBS := -pthread -lm -rdynamic

NOTANGLE := $(shell command -v notangle 2>/dev/null)
GENERATED := generated/slub.h generated/slub_internal.h generated/slub.c \
	generated/slub_observe.c generated/slub_protos.h \
	generated/slub_observe_protos.h generated/slub_sections.h
# The layers, each built on the one before: the allocator (generated/,
# tangled from slub.nw: libslub.a), the scenario engine (scenario/:
# libscn.a), the views (tools/: the CLI build/slub and libtools.a, the
# code it shares with the other views; viz/: slubviz, in viz/viz.mk).
LIBSLUB := $(B)/libslub.a
LIBSCN := $(B)/libscn.a
LIBTOOLS := $(B)/libtools.a
SCN_SRCS := $(wildcard scenario/*.c)
SCN_HDRS := $(wildcard scenario/*.h)
TOOLS_SRCS := $(filter-out tools/slub_cli.c,$(wildcard tools/*.c))
TOOLS_HDRS := $(wildcard tools/*.h)

.PHONY: all lib cli deps tangle check-tangle run test test-unit \
	test-sanitize test-tsan clean help

all: lib cli

help:
	@sed -n '2,9p' Makefile

# ---------------------------------------------------------------- deps
deps:
	@bash scripts/install-deps.sh

# ---------------------------------------------------------------- tangle
# generated/ is committed. With noweb present, tangle into a scratch copy
# and replace a generated file only when it changed (cpif), so that a
# fresh tangle of an unchanged slub.nw touches nothing.
ifneq ($(NOTANGLE),)
generated/%: slub.nw scripts/tangle.sh scripts/chunk-comments.awk
	@bash scripts/tangle.sh $* $@
endif
# The prototypes of the static functions, from the tangled code; the
# function -> section table, from the book's sectioning (perl-base only).
generated/slub_protos.h: generated/slub.c scripts/prototypes.pl
	@bash scripts/cpif.sh $@ perl scripts/prototypes.pl generated/slub.c
generated/slub_observe_protos.h: generated/slub_observe.c scripts/prototypes.pl
	@bash scripts/cpif.sh $@ perl scripts/prototypes.pl generated/slub_observe.c
generated/slub_sections.h: slub.nw scripts/sections.pl
	@bash scripts/cpif.sh $@ perl scripts/sections.pl slub.nw

tangle: $(GENERATED)
	@bash scripts/check-chunks.sh

check-tangle: tangle
	@if ! git diff --quiet -- generated 2>/dev/null || \
	    [ -n "$$(git ls-files --others --exclude-standard generated)" ]; then \
		echo "error: generated/ differs from a fresh tangle of slub.nw;" \
		     "run 'make tangle' and commit generated/" >&2; \
		git --no-pager diff --stat -- generated >&2; exit 1; fi
	@echo "tangle: generated/ matches slub.nw"

# ---------------------------------------------------------------- build
# One variant per directory: build/ (normal), build/asan, build/tsan.
define variant
$(1)/obj/slub.o: generated/slub.c $(GENERATED)
	@mkdir -p $$(@D)
	$$(CC) $$(ALL_CFLAGS) $(2) -c $$< -o $$@
$(1)/obj/slub_observe.o: generated/slub_observe.c $(GENERATED)
	@mkdir -p $$(@D)
	$$(CC) $$(ALL_CFLAGS) $(2) -c $$< -o $$@
$(1)/obj/scenario/%.o: scenario/%.c $$(SCN_HDRS) generated/slub.h
	@mkdir -p $$(@D)
	$$(CC) $$(ALL_CFLAGS) $(2) -c $$< -o $$@
$(1)/obj/tools/%.o: tools/%.c $$(TOOLS_HDRS) $$(SCN_HDRS) generated/slub.h
	@mkdir -p $$(@D)
	$$(CC) $$(ALL_CFLAGS) $(2) -c $$< -o $$@
$(1)/libslub.a: $(1)/obj/slub.o $(1)/obj/slub_observe.o
	bash scripts/link-lib.sh $$@ $$^
$(1)/libscn.a: $$(patsubst %.c,$(1)/obj/%.o,$$(SCN_SRCS))
	rm -f $$@; ar rcs $$@ $$^
$(1)/libtools.a: $$(patsubst %.c,$(1)/obj/%.o,$$(TOOLS_SRCS))
	rm -f $$@; ar rcs $$@ $$^
$(1)/slub: $(1)/obj/tools/slub_cli.o $(1)/libtools.a $(1)/libscn.a \
		$(1)/libslub.a
	$$(CC) $$(ALL_CFLAGS) $(2) $$^ -o $$@ $$(LDLIBS)
endef

SAN_ASAN := -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=undefined
SAN_TSAN := -fsanitize=thread
$(eval $(call variant,$(B),))
$(eval $(call variant,$(B)/asan,$(SAN_ASAN)))
$(eval $(call variant,$(B)/tsan,$(SAN_TSAN)))

lib: $(LIBSLUB) $(LIBSCN) $(LIBTOOLS)
cli: $(B)/slub

# ---------------------------------------------------------------- parts
# Each part of the project adds its own targets and appends to TESTS
# (run by `make test' in order) in a makefile of its own.
TESTS :=
-include tests/tests.mk
-include tests/reliability.mk
-include viz/viz.mk
-include bench/bench.mk
-include book/book.mk
-include book/student.mk
-include exercises/exercises.mk
-include malloc/malloc.mk

# The order of `make test': tools and sanitizers first, the Check runner
# last, so that the output ends with Check's summary line.
TESTS += test-sections test-cli test-stress test-tsan test-sanitize test-reliability \
	test-book test-book-student test-exercises test-malloc test-sheaves \
	test-unit

# Section numbers come from the book: no hand-typed one in slub.nw or in
# the comments and literals of the other parts (scripts/check-sections.pl;
# test-book checks the generated table against the woven book).
.PHONY: test-sections
test-sections:
	@perl scripts/check-sections.pl --lint

# ---------------------------------------------------------------- run
run: deps all
	@$(MAKE) --no-print-directory run-main

.PHONY: run-main run-tour-page
run-tour-page: $(B)/slub $(B)/slubviz
	@bash book/tour.sh $(B)
# Without a display the tour is a web page (book/tour.sh) instead of a
# window.
run-main: all
	$(B)/slub kmalloc-caches
	@if [ -z "$${DISPLAY:-}$${WAYLAND_DISPLAY:-}$${SDL_VIDEODRIVER:-}" ]; then \
		$(MAKE) --no-print-directory run-tour-page; \
	else $(MAKE) --no-print-directory run-viz; fi
	@echo "The book: make book, then open build/book/slub.pdf or build/book/html/index.html"

# ---------------------------------------------------------------- test
# `make test' installs what is missing, checks the tangle, then runs every
# test target; the unit-test runner goes last so that the output ends with
# Check's summary line.
test: deps
	@$(MAKE) --no-print-directory check-tangle
	@$(MAKE) --no-print-directory all
	@set -e; for t in $(TESTS); do \
		echo "==> make $$t"; $(MAKE) --no-print-directory $$t; done

clean:
	rm -rf $(B)
