# book/book.mk -- The SLUB Book: `make book' weaves slub.nw into
# $(B)/book/slub.pdf, its teacher edition $(B)/book/slub-teacher.pdf (with
# the answers to the questions) and $(B)/book/html/index.html, with figures generated
# from real runs of the scenarios listed in book/figures.txt.
# Included by the top Makefile (B is the build directory).
#
#   make book                 both editions; fails if a figure is missing
#   make book BOOK_MISSING_FIGS=warn
#                             placeholders for the figures that cannot be
#                             generated yet (work in progress)
#   make test-book            rebuild the book from scratch, time it, check it

BOOK_OUT := $(B)/book
# The source; another file only to try the pipeline on a test copy.
BOOK_NW ?= slub.nw
export BOOK_NW
BOOK_HTML := $(BOOK_OUT)/html
BOOK_MISSING_FIGS ?= error
export BOOK_MISSING_FIGS
BOOK_SCNS := $(wildcard book/scenarios/*.scn viz/scenarios/*.scn)
# The programs that draw the figures. With BOOK_MISSING_FIGS=warn they are
# not prerequisites: book/figures.sh uses what exists and warns about the
# rest (and then leaves no stamp, so the figures are redone next time).
BOOK_FIG_TOOLS := $(B)/slub \
	$(if $(shell grep -qs '^shot' book/figures.txt && echo y),$(B)/slubviz)
ifeq ($(BOOK_MISSING_FIGS),warn)
BOOK_FIG_DEPS :=
else
BOOK_FIG_DEPS := $(BOOK_FIG_TOOLS)
endif

.PHONY: book book-pdf book-html test-book

book: book-pdf book-html
book-pdf: $(BOOK_OUT)/slub.pdf $(BOOK_OUT)/slub-teacher.pdf
book-html: $(BOOK_HTML)/index.html

# figures.sh writes the stamp only when every figure was generated, so a
# build with placeholders is redone the next time.
$(BOOK_OUT)/figures.stamp: book/figures.txt book/figures.sh $(BOOK_SCNS) \
		$(wildcard book/*.dot) $(BOOK_FIG_DEPS)
	@mkdir -p $(BOOK_OUT)
	@rm -f $@
	@bash book/figures.sh $(B) $(BOOK_OUT) $@

# -n: no wrapper, book/slub.tex is the document; -index: the chunk and the
# identifier indexes and the links between uses and definitions, without
# the C keywords and types that autodefs takes for definitions
# (book/index-drop.sed).
$(BOOK_OUT)/slub-body.tex: $(BOOK_NW) book/index-drop.sed
	@mkdir -p $(BOOK_OUT)
	noweave -n -autodefs c -filter 'sed -E -f book/index-drop.sed' -index \
		$(BOOK_NW) >$@.tmp
	@mv $@.tmp $@

# The LaTeX sources beside the woven body, copied once for both editions.
$(BOOK_OUT)/tex.stamp: book/slub.tex book/slub-teacher.tex \
		book/preamble.tex book/slub.bib
	@mkdir -p $(BOOK_OUT)
	@cp $^ $(BOOK_OUT)/
	@touch $@

$(BOOK_OUT)/slub.pdf: $(BOOK_OUT)/slub-body.tex $(BOOK_OUT)/tex.stamp \
		book/latex.sh $(BOOK_OUT)/figures.stamp
	@bash book/latex.sh $(BOOK_OUT)
	@# Overfull code is reported here and fails test-book.
	@bash book/overfull.sh $(BOOK_OUT)/slub.log 2 $(BOOK_OUT)/slub-body.tex \
		$(BOOK_NW) >$(BOOK_OUT)/overfull.txt || \
		{ grep '^book: $(BOOK_NW):' $(BOOK_OUT)/overfull.txt | \
		head -n 10; true; }
	@grep 'overfull code lines over' $(BOOK_OUT)/overfull.txt

# The teacher edition: the same book with the answers to the questions
# (book/slub-teacher.tex sets the switch that book/preamble.tex reads).
# It starts from the book's .aux, .toc, .out and .bbl: up to the appendix
# of answers its pages and chunk numbers are the book's, so two pdflatex
# runs settle it, against three from nothing.
$(BOOK_OUT)/slub-teacher.pdf: $(BOOK_OUT)/slub.pdf book/latex.sh
	@for x in aux toc out bbl; do \
		cp $(BOOK_OUT)/slub.$$x $(BOOK_OUT)/slub-teacher.$$x 2>/dev/null || true; \
	done
	@bash book/latex.sh $(BOOK_OUT) slub-teacher

# After the PDF: the HTML headings take their numbers from its outline.
# Then the step players: frames by slubviz, events by slub run --trace
# (book/players.sh, cached by content in $(B)/book-frames).
$(BOOK_HTML)/index.html: $(BOOK_NW) book/html-macros.nw book/book.css \
		book/html.sh book/html-endquote.sed book/bib-html.pl book/slub.bib book/index-drop.sed book/number-html.pl book/toc-nest.pl $(BOOK_OUT)/figures.stamp \
		$(BOOK_OUT)/slub.pdf book/players.sh book/players.pl \
		book/player.js $(B)/slub $(B)/slubviz
	@bash book/html.sh $(BOOK_HTML) $(BOOK_OUT)/slub.out
	@bash book/players.sh $(B) $(BOOK_HTML)

test-book:
	@CC="$(CC)" MAKE="$(MAKE)" bash book/test-book.sh $(B)
