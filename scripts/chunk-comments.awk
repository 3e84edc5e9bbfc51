# awk -f chunk-comments.awk slub.nw tangled.c: before each #line directive
# that starts a chunk's code, insert the chunk's name as a comment, indented
# like the chunk's first line, as pbrt does. The comment precedes the
# directive, so the line mapping into slub.nw stays exact.
NR == FNR { nw[FNR] = $0; next }
{ line[++n] = $0 }
END {
	for (i = 1; i <= n; i++) {
		if (line[i] ~ /^#line [0-9]+ "/) {
			split(line[i], f, " ")
			d = nw[f[2] - 1]
			if (d ~ /^<<.*>>=[ \t]*$/ && d !~ /\.[ch](\]\])?>>=/) {
				name = d
				sub(/^<</, "", name)
				sub(/>>=[ \t]*$/, "", name)
				gsub(/\[\[|\]\]/, "", name)
				gsub(/\*\//, "* /", name)
				ind = line[i + 1]
				sub(/[^ \t].*$/, "", ind)
				print ind "/* " name " */"
			}
		}
		print line[i]
	}
}
