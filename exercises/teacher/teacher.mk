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
