# book/student.mk -- the student edition of The SLUB Book, built beside the
# full one by `make book': $(B)/book-student/slub.pdf and html/index.html.
# Every exercise's target chunk is replaced by a box with the exercise's
# contract and directory (book/student-edition.sh); the figures are the
# full edition's. Included by the top Makefile after book/book.mk.
#
#   make book-student         the student edition alone
#   make test-book-student    build it and check that no line of a target
#                             chunk appears in its text or its HTML

BOOK_STUDENT := $(B)/book-student
BOOK_STUDENT_HEADS := $(wildcard exercises/*/skel/*.head)

.PHONY: book-student test-book-student
book: book-student
book-student: $(BOOK_STUDENT)/slub.pdf $(BOOK_STUDENT)/html/index.html

$(BOOK_STUDENT)/slub.nw: slub.nw exercises/targets.txt $(BOOK_STUDENT_HEADS) \
		book/student-edition.sh
	@mkdir -p $(@D)
	@bash book/student-edition.sh $@

$(BOOK_STUDENT)/slub.pdf: $(BOOK_STUDENT)/slub.nw $(BOOK_OUT)/slub.pdf \
		book/slub.tex book/preamble.tex book/slub.bib book/latex.sh
	@noweave -n -autodefs c -index $< >$(BOOK_STUDENT)/slub-body.tex
	@cp book/preamble.tex book/slub.bib $(BOOK_OUT)/fig-* $(BOOK_STUDENT)/
	@sed 's/\\title{The SLUB Book/\\title{The SLUB Book: student edition/' \
		book/slub.tex >$(BOOK_STUDENT)/slub.tex
	@bash book/latex.sh $(BOOK_STUDENT) | sed 's/^book:/book (student edition):/'

$(BOOK_STUDENT)/html/index.html: $(BOOK_STUDENT)/slub.nw $(BOOK_STUDENT)/slub.pdf \
		$(BOOK_HTML)/index.html book/html.sh
	@mkdir -p $(@D)
	@cp $(BOOK_HTML)/fig-* $(@D)/ 2>/dev/null || true
	@BOOK_NW=$< bash book/html.sh $(@D) $(BOOK_STUDENT)/slub.out
	@sed -i 's|<title>The SLUB Book</title>|<title>The SLUB Book: student edition</title>|' $@

test-book-student: book-student
	@bash book/test-student-edition.sh $(BOOK_STUDENT)
