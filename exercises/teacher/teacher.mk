# Teachers' targets (included by exercises/exercises.mk):
#   make grade FORMAT=gradescope|prairielearn [RESULTS=FILE]
#                      the grade as the platform's results.json
#   make grade-all SUBMISSIONS=DIR [EX=NN] [CSV=FILE]
#                      grade one folder per student: a CSV of scores
#   make autograder EX=NN        build/autograder-NN.zip for Gradescope
.PHONY: grade-all autograder

grade-all: ex-prereqs
	@test -n '$(SUBMISSIONS)' || { echo 'usage: make grade-all SUBMISSIONS=DIR [EX=NN] [CSV=FILE]' >&2; exit 2; }
	@$(EX_ENV) bash exercises/teacher/grade-all.sh '$(SUBMISSIONS)' \
		$(if $(EX),--ex '$(EX)') --csv '$(or $(CSV),$(B)/grades.csv)'

autograder:
	@test -n '$(EX)' || { echo 'usage: make autograder EX=NN' >&2; exit 2; }
	@bash exercises/teacher/autograder.sh '$(EX)' '$(B)/autograder-$(EX).zip'

# Personal bug hunts (exercises/bughunt/):
#   make bughunt SEED=ID       plant the bug of seed ID (a student id) in
#                              work/bughunt-ID/slub.c (never overwrites a
#                              started hunt: FORCE=1 keeps a copy first)
#   make bughunt-run SEED=ID SCENARIO=FILE   the CLI on that allocator
#   make bughunt-compare SEED=ID [SCENARIOS="FILE ..."]   run the
#                              scenarios on that allocator and on the
#                              book's; print the counters that differ
#   make bughunt-grade SEED=ID grade the fix
#   make bughunt-list SEEDS="ID ..."   the bug each seed got (teachers;
#                              no SEEDS: the whole catalogue)
.PHONY: bughunt bughunt-run bughunt-compare bughunt-grade bughunt-list
BH_DIR = $(or $(BUGHUNT_DIR),work/bughunt-$(SEED))
bh_need_seed = @test -n '$(SEED)' || { echo 'usage: make $@ SEED=<student id>' >&2; exit 2; }

bughunt:
	$(bh_need_seed)
	@bash exercises/bughunt/start.sh '$(SEED)' '$(BH_DIR)' '$(FORCE)'

bughunt-run: ex-prereqs $(B)/obj/tools/slub_cli.o $(LIBTOOLS)
	$(bh_need_seed)
	@test -n '$(SCENARIO)' || { echo 'usage: make bughunt-run SEED=ID SCENARIO=FILE' >&2; exit 2; }
	@$(EX_ENV) bash exercises/bughunt/build.sh '$(BH_DIR)' '$(B)/bughunt/$(SEED)'
	@$(CC) $(EX_CFLAGS) $(B)/obj/tools/slub_cli.o $(LIBTOOLS) $(LIBSCN) \
		$(B)/bughunt/$(SEED)/libslub.a -o $(B)/bughunt/$(SEED)/slub $(LDLIBS)
	timeout $(or $(TIMEOUT),60) $(B)/bughunt/$(SEED)/slub run '$(SCENARIO)'

bughunt-compare: ex-prereqs $(B)/slub $(B)/obj/tools/slub_cli.o $(LIBTOOLS)
	$(bh_need_seed)
	@$(EX_ENV) bash exercises/bughunt/build.sh '$(BH_DIR)' '$(B)/bughunt/$(SEED)'
	@$(CC) $(EX_CFLAGS) $(B)/obj/tools/slub_cli.o $(LIBTOOLS) $(LIBSCN) \
		$(B)/bughunt/$(SEED)/libslub.a -o $(B)/bughunt/$(SEED)/slub $(LDLIBS)
	@bash exercises/bughunt/compare.sh $(B)/bughunt/$(SEED)/slub $(B)/slub $(SCENARIOS)

bughunt-grade: ex-prereqs
	$(bh_need_seed)
	@$(EX_ENV) bash exercises/bughunt/grade.sh '$(BH_DIR)' '$(SEED)'

bughunt-list:
	@python3 exercises/bughunt/plant.py $(if $(SEEDS),list $(SEEDS),catalogue)

# Prediction exercises (exercises/predict/):
#   make predict P=NN [VIZ=1]   the first time: copy the blank prediction
#                         file into work/predict/; afterwards: grade it
#                         (VIZ=1: open the visualizer at the first wrong
#                         answer)
#   make quiz SEED=N [TOPIC=...]   a seeded self-study quiz (build/slub quiz)
.PHONY: predict quiz
predict: $(B)/slub $(if $(VIZ),$(B)/slubviz)
	@test -n '$(P)' || { echo 'usage: make predict P=NN (exercises/predict/NN-*.scn)' >&2; exit 2; }
	@bash exercises/predict/predict.sh '$(P)' '$(B)/slub' $(if $(VIZ),--viz)

quiz: $(B)/slub
	@test -n '$(SEED)' || { echo 'usage: make quiz SEED=N [TOPIC=fastpath|slowpath|free|partial|kmalloc|sheaves]' >&2; exit 2; }
	@mkdir -p work/quiz
	@$(B)/slub quiz --seed '$(SEED)' $(if $(TOPIC),--topic '$(TOPIC)') \
		--out work/quiz/quiz-$(or $(TOPIC),any)-$(SEED).scn

# the prediction and quiz tests run the CLI
test-exercises: $(B)/slub

# The design exercises (exercises/design/): a bulk free, scored on
# correctness and on throughput against the book's loop, same run; with
# DESIGN=sheaf, a sheaf's refill and flush, against the book's.
#   make design-start [DESIGN=sheaf]   copy the skeleton to work/design/
#                         (never over a started file)
#   make design-grade [DESIGN=sheaf] [DESIGN_DIR=DIR]   grade DIR's file
.PHONY: design-start design-grade
DESIGN_FILE = $(if $(filter sheaf,$(DESIGN)),sheaf.c,free_bulk.c)
DESIGN_SRC = exercises/design/$(if $(filter sheaf,$(DESIGN)),sheaf/)
design-start:
	@case '$(DESIGN)' in ''|sheaf) ;; *) echo "design: DESIGN='$(DESIGN)': expected nothing (the bulk free) or sheaf" >&2; exit 2 ;; esac
	@mkdir -p work/design
	@if [ -f work/design/$(DESIGN_FILE) ]; then \
		echo "design: work/design/$(DESIGN_FILE) exists: kept as it is"; \
	else cp $(DESIGN_SRC)skel/$(DESIGN_FILE) work/design/$(DESIGN_FILE) && \
		echo "design: write work/design/$(DESIGN_FILE); read exercises/design/README.md"; fi

design-grade: ex-prereqs
	@case '$(DESIGN)' in ''|sheaf) ;; *) echo "design: DESIGN='$(DESIGN)': expected nothing (the bulk free) or sheaf" >&2; exit 2 ;; esac
	@$(EX_ENV) bash exercises/design/grade.sh '$(or $(DESIGN_DIR),work/design)' $(DESIGN)
