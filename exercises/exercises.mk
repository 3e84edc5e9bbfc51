# Graded exercises (exercises/). Included by the top Makefile.
#   make start EX=NN          copy exercise NN's skeletons into work/NN-name/
#                             (ignored by git; never replaces a file there)
#   make hint EX=NN           the next of exercise NN's three hints
#   make grade [EX=NN] [SUBMISSION=DIR] [JSON=FILE]
#                             build and grade the student files (all
#                             exercises, or exercise NN), from
#                             work/NN-name/ when it exists, else
#                             exercises/NN-*/student/, or from DIR
#   make ex-run EX=NN SCENARIO=FILE    the CLI on the student's allocator
#   make ex-viz EX=NN SCENARIO=FILE [VIZ_ARGS=...]   the visualizer on it
#   make skeletons            regenerate the skeletons from slub.nw
#   make handout [EX=NN]      build/handout.tar.gz for students (every
#                             exercise), or build/handout-NN.tar.gz:
#                             exercise NN alone, the rest the book's
#   make test-exercises       skeletons score 0, solutions full marks,
#                             every mutant loses points

EX_OPT ?= -O0
# ex-run stops after this many seconds (processor and clock); ex-viz,
# which waits for its reader, after this many seconds of processor time.
EX_RUN_LIMIT ?= 30
EX_VIZ_CPU_LIMIT ?= 120
EX_CFLAGS = $(BASE_CFLAGS) $(EX_OPT) -Igenerated -Iscenario -Itools \
	-Iexercises
EX_IDS := $(shell grep -v '^\#' exercises/targets.txt | cut -d'|' -f1 | uniq)
EX_DIRS := $(foreach e,$(EX_IDS),$(wildcard exercises/$(e)-*))
EX_OBJ := $(B)/ex/obj
EX_TEST_OBJS := $(EX_OBJ)/grade.o $(EX_OBJ)/feedback.o $(foreach e,$(EX_IDS),$(EX_OBJ)/$(e)-tests.o)
# An exercise is graded in the design it names (its scenarios and
# configurations say so), never in the one $SLUB_SHEAVES would give every
# cache: an empty value leaves the choice to them.
EX_ENV = CC='$(CC)' EX_CFLAGS='$(EX_CFLAGS)' LDLIBS='$(LDLIBS)' \
	LIBSCN='$(LIBSCN)' EX_OBJ='$(EX_OBJ)' SLUB_SHEAVES=
EX_SCRIPTS := $(wildcard exercises/scripts/*)

$(EX_OBJ)/grade.o: exercises/grade.c exercises/grade.h generated/slub.h \
		$(SCN_HDRS)
	@mkdir -p $(@D)
	$(CC) $(EX_CFLAGS) -c $< -o $@

$(EX_OBJ)/feedback.o: exercises/feedback.c exercises/feedback.h \
		exercises/grade.h generated/slub.h $(SCN_HDRS)
	@mkdir -p $(@D)
	$(CC) $(EX_CFLAGS) -c $< -o $@

# exercises/NN-name/tests.c -> build/ex/obj/NN-tests.o
define ex_tests_rule
$(EX_OBJ)/$(1)-tests.o: $(wildcard exercises/$(1)-*/tests.c) exercises/grade.h \
		generated/slub.h $(SCN_HDRS)
	@mkdir -p $$(@D)
	$$(CC) $$(EX_CFLAGS) -c $$< -o $$@
endef
$(foreach e,$(EX_IDS),$(eval $(call ex_tests_rule,$(e))))

.PHONY: grade ex-build ex-run ex-viz start hint skeletons check-skeletons handout \
	test-exercises ex-prereqs

# The observation layer is the book's in every exercise: compiled once.
$(EX_OBJ)/slub_observe.o: generated/slub_observe.c $(GENERATED)
	@mkdir -p $(@D)
	$(CC) $(EX_CFLAGS) -c $< -o $@

ex-prereqs: $(LIBSCN) $(EX_TEST_OBJS) $(EX_OBJ)/slub_observe.o

grade: ex-prereqs
	@$(EX_ENV) bash exercises/scripts/grade.sh $(if $(EX),--ex '$(EX)') \
		$(if $(SUBMISSION),--submission '$(SUBMISSION)') \
		$(if $(JSON),--json '$(JSON)') \
		$(if $(FORMAT),--format '$(FORMAT)' --results '$(or $(RESULTS),$(B)/results-$(FORMAT).json)')

# The student's allocator for exercise EX, with the CLI and the visualizer.
EX_WORK = $(B)/ex/work/$(EX)
ex-build: ex-prereqs $(B)/obj/tools/slub_cli.o $(LIBTOOLS)
	@test -n '$(EX)' || { echo 'usage: make ex-build EX=NN' >&2; exit 2; }
	@$(EX_ENV) bash -c '. exercises/scripts/common.sh; \
		src=$$(ex_src "$(EX)") || exit 2; echo "building your files in $$src/"; \
		bash exercises/scripts/build.sh "$(EX)" "$$src" "$(EX_WORK)"'
	@$(CC) $(EX_CFLAGS) $(B)/obj/tools/slub_cli.o $(LIBTOOLS) $(LIBSCN) \
		$(EX_WORK)/libslub.a \
		-o $(EX_WORK)/slub $(LDLIBS)
	@echo "built $(EX_WORK)/slub (the CLI on your allocator)"

ex-run: ex-build
	@test -n '$(SCENARIO)' || { echo 'usage: make ex-run EX=NN SCENARIO=FILE' >&2; exit 2; }
	@bash exercises/scripts/limit.sh ex-run $(EX_RUN_LIMIT) $(EX_RUN_LIMIT) \
		$(EX_WORK)/slub run '$(SCENARIO)'

ex-viz: ex-build $(VIZ_OBJS)
	@test -n '$(VIZ_OBJS)' || { echo 'ex-viz: the visualizer (viz/viz.mk) is missing' >&2; exit 2; }
	@$(CC) $(EX_CFLAGS) $(VIZ_OBJS) $(LIBTOOLS) $(LIBSCN) \
		$(EX_WORK)/libslub.a \
		-o $(EX_WORK)/slubviz $(VIZ_LIBS) $(LDLIBS)
	@bash exercises/scripts/limit.sh ex-viz $(EX_VIZ_CPU_LIMIT) 0 \
		$(EX_WORK)/slubviz $(VIZ_ARGS) $(SCENARIO)

start:
	@bash exercises/scripts/start.sh '$(EX)'

hint:
	@bash exercises/scripts/hint.sh '$(EX)'

skeletons:
	@bash exercises/scripts/skeletons.sh write

check-skeletons:
	@bash exercises/scripts/skeletons.sh check

handout: ex-prereqs
	@$(EX_ENV) bash exercises/scripts/handout.sh \
		$(if $(EX),$(B)/handout-$(EX).tar.gz '$(EX)',$(B)/handout.tar.gz)

include exercises/teacher/teacher.mk

test-exercises: ex-prereqs
	@$(EX_ENV) bash exercises/scripts/test-exercises.sh
