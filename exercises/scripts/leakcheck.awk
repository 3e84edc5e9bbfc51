# leakcheck.awk SOLUTION FILES...: print the first five consecutive
# non-trivial lines (leading blanks dropped, 12 characters or more) of
# SOLUTION that also appear consecutively in one of FILES; exit 1 then.
# (Five: shorter runs of the compare-and-swap idioms recur in the book's
# other functions.)
function norm(s) { sub(/^[ \t]+/, "", s); sub(/[ \t]+$/, "", s); return s }
FNR == 1 { nf++; n = 0 }
{
	l = norm($0)
	if (length(l) < 12)
		next
	w[nf, ++n] = l
	if (n >= 5) {
		key = w[nf, n - 4] SUBSEP w[nf, n - 3] SUBSEP w[nf, n - 2] \
		      SUBSEP w[nf, n - 1] SUBSEP w[nf, n]
		if (nf == 1)
			sol[key] = 1
		else if (key in sol) {
			print FILENAME ": " w[nf, n - 4] " / ... / " w[nf, n]
			found = 1
			exit
		}
	}
}
END { exit found }
