# book/html-endquote.sed -- a noweave filter for the HTML edition: l2h
# drops the character that follows [[code]] inside the argument of a macro
# (a caption of \slubfigure); an empty group after every quote is what it
# drops instead.
/^@endquote$/a\
@text {}
