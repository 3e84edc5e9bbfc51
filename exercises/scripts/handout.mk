# The SLUB Book exercises, handout edition.
#   make grade [EX=NN]     build the allocator with your files and grade
#   make ex-run SCENARIO=FILE          the CLI on your allocator
#   make ex-viz SCENARIO=FILE [VIZ_ARGS=...]   the visualizer (needs SDL2)
# handout/slub.c is the book's allocator without the parts you write: it
# includes every file of exercises/*/student/, so it builds only when
# all of them compile, and a part you have not written yet stops the
# program when it runs (see exercises/README.md).
SHELL := /bin/bash
CC ?= gcc
CFLAGS := -std=gnu11 -Wall -Wextra -Werror -g -O0 -mcx16 -pthread \
	-D_GNU_SOURCE -Igenerated -Iscenario -Itools -Iexercises
LDLIBS := -pthread -lm
B := build
STUDENT := $(sort $(wildcard exercises/*/student))
EXS := $(patsubst exercises/%,%,$(sort $(wildcard exercises/[0-9][0-9]-*)))
SCN_SRCS := $(wildcard scenario/*.c)
TOOLS_SRCS := $(filter-out tools/slub_cli.c,$(wildcard tools/*.c))
HDRS := $(wildcard scenario/*.h tools/*.h generated/*.h)

.PHONY: all grade ex-run ex-viz clean
all: $(B)/slub

$(B)/slub.o: handout/slub.c generated/slub.h $(wildcard exercises/*/student/*.c)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(addprefix -iquote ,$(STUDENT)) -c $< -o $@
$(B)/slub_observe.o: handout/slub_observe.c $(wildcard generated/*.h)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -c $< -o $@
$(B)/obj/%.o: %.c $(HDRS)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -c $< -o $@
$(B)/libscn.a: $(patsubst %.c,$(B)/obj/%.o,$(SCN_SRCS))
	rm -f $@; ar rcs $@ $^
$(B)/libtools.a: $(patsubst %.c,$(B)/obj/%.o,$(TOOLS_SRCS))
	rm -f $@; ar rcs $@ $^
$(B)/slub: $(B)/obj/tools/slub_cli.o $(B)/libtools.a $(B)/libscn.a $(B)/slub.o \
		$(B)/slub_observe.o
	$(CC) $(CFLAGS) $^ -o $@ $(LDLIBS)
$(B)/ex/grade.o: exercises/grade.c exercises/grade.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -c $< -o $@
$(B)/ex/%/tests.o: exercises/%/tests.c exercises/grade.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -c $< -o $@

grade: $(B)/libscn.a $(B)/slub_observe.o $(B)/ex/grade.o $(foreach e,$(EXS),$(B)/ex/$(e)/tests.o)
	@CC='$(CC)' CFLAGS='$(CFLAGS)' LDLIBS='$(LDLIBS)' STUDENT='$(STUDENT)' \
		bash exercises/scripts/grade.sh $(EX)

ex-run: $(B)/slub
	$(B)/slub run '$(SCENARIO)'

VIZ_PKGS := sdl2 SDL2_ttf SDL2_image
ex-viz: $(B)/libtools.a $(B)/libscn.a $(B)/slub.o $(B)/slub_observe.o
	$(CC) $(CFLAGS) -Iviz $$(pkg-config --cflags $(VIZ_PKGS)) \
		$(filter-out viz/test_%.c,$(wildcard viz/*.c)) \
		$(B)/libtools.a $(B)/libscn.a $(B)/slub.o $(B)/slub_observe.o \
		-o $(B)/slubviz $$(pkg-config --libs $(VIZ_PKGS)) $(LDLIBS)
	$(B)/slubviz $(VIZ_ARGS) $(SCENARIO)

clean:
	rm -rf $(B)
