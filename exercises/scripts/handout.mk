# The SLUB Book exercises, handout edition (see README.md).
#   make start EX=NN       copy exercise NN's skeletons into work/NN-name/
#   make grade [EX=NN]     build the allocator with your files and grade
#   make hint EX=NN        the next of the exercise's three hints
#   make ex-build                      build/slub: the CLI on your allocator
#   make ex-run SCENARIO=FILE          the CLI on your allocator
#   make ex-viz SCENARIO=FILE [VIZ_ARGS=...]   the visualizer (needs SDL2)
# handout/slub.c includes the file of every exercise of this handout,
# from work/NN-name/ when that folder exists, else from
# exercises/NN-name/student/.
SHELL := /bin/bash
CC ?= gcc
# -Wno-misleading-indentation: the repository's builds of the same files
# carry #line directives, which turn that warning off in gcc; a file that
# builds there builds here.
CFLAGS := -std=gnu11 -Wall -Wextra -Werror -g -O0 -mcx16 -pthread \
	-Wno-misleading-indentation \
	-D_GNU_SOURCE -Igenerated -Iscenario -Itools -Iexercises
LDLIBS := -pthread -lm
B := build
EXS := $(patsubst exercises/%,%,$(sort $(wildcard exercises/[0-9][0-9]-*)))
STUDENT := $(foreach d,$(EXS),$(if $(wildcard work/$(d)),work/$(d),exercises/$(d)/student))
SCN_SRCS := $(wildcard scenario/*.c)
TOOLS_SRCS := $(filter-out tools/slub_cli.c,$(wildcard tools/*.c))
HDRS := $(wildcard scenario/*.h tools/*.h generated/*.h)
RUN_LIMIT ?= 30
VIZ_CPU_LIMIT ?= 120

.PHONY: all grade start hint ex-build ex-run ex-viz clean FORCE
all: $(B)/slub

# FORCE: the files may come from work/ or student/; the compiler is
# quick and the grader must never see a stale build.
$(B)/slub.o: handout/slub.c generated/slub.h FORCE
	@mkdir -p $(@D)
	@echo "building with your files in: $(STUDENT)"
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
$(B)/ex/grade.o: exercises/grade.c exercises/grade.h exercises/feedback.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -c $< -o $@
$(B)/ex/feedback.o: exercises/feedback.c exercises/feedback.h exercises/grade.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -c $< -o $@
$(B)/ex/%/tests.o: exercises/%/tests.c exercises/grade.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -c $< -o $@

grade: $(B)/libscn.a $(B)/slub_observe.o $(B)/ex/grade.o $(B)/ex/feedback.o \
		$(foreach e,$(EXS),$(B)/ex/$(e)/tests.o)
	@CC='$(CC)' CFLAGS='$(CFLAGS)' LDLIBS='$(LDLIBS)' STUDENT='$(STUDENT)' \
		bash exercises/scripts/grade.sh $(EX)

start:
	@bash exercises/scripts/start.sh '$(EX)'

hint:
	@bash exercises/scripts/hint.sh '$(EX)'

ex-build: $(B)/slub
	@echo "built $(B)/slub (the CLI on your allocator)"

ex-run: $(B)/slub
	@test -n '$(SCENARIO)' || { echo 'usage: make ex-run SCENARIO=FILE' >&2; exit 2; }
	@bash exercises/scripts/limit.sh ex-run $(RUN_LIMIT) $(RUN_LIMIT) \
		$(B)/slub run '$(SCENARIO)'

VIZ_PKGS := sdl2 SDL2_ttf SDL2_image
ex-viz: $(B)/libtools.a $(B)/libscn.a $(B)/slub.o $(B)/slub_observe.o
	$(CC) $(CFLAGS) -Iviz $$(pkg-config --cflags $(VIZ_PKGS)) \
		$(filter-out viz/test_%.c,$(wildcard viz/*.c)) \
		$(B)/libtools.a $(B)/libscn.a $(B)/slub.o $(B)/slub_observe.o \
		-o $(B)/slubviz $$(pkg-config --libs $(VIZ_PKGS)) $(LDLIBS)
	@bash exercises/scripts/limit.sh ex-viz $(VIZ_CPU_LIMIT) 0 \
		$(B)/slubviz $(VIZ_ARGS) $(SCENARIO)

clean:
	rm -rf $(B)
