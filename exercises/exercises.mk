# Graded exercises (exercises/). Included by the top Makefile.
#   make grade [EX=NN] [SUBMISSION=DIR] [JSON=FILE]
#                             build and grade the student files (all
#                             exercises, or exercise NN), from
#                             exercises/NN-*/student/ or from DIR
#   make ex-run EX=NN SCENARIO=FILE    the CLI on the student's allocator
#   make ex-viz EX=NN SCENARIO=FILE [VIZ_ARGS=...]   the visualizer on it
#   make skeletons            regenerate the skeletons from slub.nw
#   make handout              build/handout.tar.gz for students
#   make test-exercises       skeletons score 0, solutions full marks,
#                             every mutant loses points

EX_OPT ?= -O0
EX_CFLAGS = $(BASE_CFLAGS) $(EX_OPT) -Igenerated -Iscenario -Itools \
	-Iexercises
EX_IDS := $(shell grep -v '^\#' exercises/targets.txt | cut -d'|' -f1 | uniq)
EX_DIRS := $(foreach e,$(EX_IDS),$(wildcard exercises/$(e)-*))
EX_OBJ := $(B)/ex/obj
EX_TEST_OBJS := $(EX_OBJ)/grade.o $(foreach e,$(EX_IDS),$(EX_OBJ)/$(e)-tests.o)
EX_ENV = CC='$(CC)' EX_CFLAGS='$(EX_CFLAGS)' LDLIBS='$(LDLIBS)' \
	LIBSCN='$(LIBSCN)' EX_OBJ='$(EX_OBJ)'
EX_SCRIPTS := $(wildcard exercises/scripts/*)

$(EX_OBJ)/grade.o: exercises/grade.c exercises/grade.h generated/slub.h \
		$(SCN_HDRS)
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

.PHONY: grade ex-build ex-run ex-viz skeletons check-skeletons handout \
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
	@$(EX_ENV) bash exercises/scripts/build.sh '$(EX)' \
		"$$(ls -d exercises/$(EX)-*/student)" '$(EX_WORK)'
	@$(CC) $(EX_CFLAGS) $(B)/obj/tools/slub_cli.o $(LIBTOOLS) $(LIBSCN) \
		$(EX_WORK)/libslub.a \
		-o $(EX_WORK)/slub $(LDLIBS)
	@echo "built $(EX_WORK)/slub (the CLI on your allocator)"

ex-run: ex-build
	@test -n '$(SCENARIO)' || { echo 'usage: make ex-run EX=NN SCENARIO=FILE' >&2; exit 2; }
	$(EX_WORK)/slub run '$(SCENARIO)'

ex-viz: ex-build $(VIZ_OBJS)
	@test -n '$(VIZ_OBJS)' || { echo 'ex-viz: the visualizer (viz/viz.mk) is missing' >&2; exit 2; }
	@$(CC) $(EX_CFLAGS) $(VIZ_OBJS) $(LIBTOOLS) $(LIBSCN) \
		$(EX_WORK)/libslub.a \
		-o $(EX_WORK)/slubviz $(VIZ_LIBS) $(LDLIBS)
	$(EX_WORK)/slubviz $(VIZ_ARGS) $(SCENARIO)

skeletons:
	@bash exercises/scripts/skeletons.sh write

check-skeletons:
	@bash exercises/scripts/skeletons.sh check

handout: ex-prereqs
	@$(EX_ENV) bash exercises/scripts/handout.sh $(B)/handout.tar.gz

include exercises/teacher/teacher.mk

test-exercises: ex-prereqs
	@$(EX_ENV) bash exercises/scripts/test-exercises.sh
