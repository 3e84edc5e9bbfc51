# stub-functions.awk: read the C text of a chunk made of whole functions
# and print each function's signature with a stub body that names its
# parameters (so that -Wunused-parameter stays quiet) and stops the
# program with EXERCISE_TODO.  Lines outside functions are kept.
function params(sig,    i, c, depth, start, last, list, n, p, k, out, name) {
	# the parameter list is the last parenthesised group at depth 0
	depth = 0
	for (i = 1; i <= length(sig); i++) {
		c = substr(sig, i, 1)
		if (c == "(") {
			if (depth == 0)
				start = i
			depth++
		} else if (c == ")") {
			depth--
			if (depth == 0)
				last = substr(sig, start + 1, i - start - 1)
		}
	}
	fname = substr(sig, 1, start - 1)
	sub(/[ \t]+$/, "", fname)
	sub(/.*[^A-Za-z0-9_]/, "", fname)
	# split at commas of depth 0
	n = 0; depth = 0; p = ""
	for (i = 1; i <= length(last); i++) {
		c = substr(last, i, 1)
		if (c == "(") depth++
		if (c == ")") depth--
		if (c == "," && depth == 0) { list[++n] = p; p = ""; continue }
		p = p c
	}
	list[++n] = p
	out = ""
	for (k = 1; k <= n; k++) {
		p = list[k]
		if (p ~ /\(\*[ \t]*[A-Za-z_][A-Za-z0-9_]*\)/) {
			match(p, /\(\*[ \t]*[A-Za-z_][A-Za-z0-9_]*\)/)
			name = substr(p, RSTART + 2, RLENGTH - 3)
			gsub(/[ \t]/, "", name)
		} else {
			sub(/[ \t]+$/, "", p)
			match(p, /[A-Za-z_][A-Za-z0-9_]*$/)
			name = substr(p, RSTART, RLENGTH)
		}
		if (name == "void" || name == "")
			continue
		out = out "\t(void)" name ";\n"
	}
	return out
}
BEGIN { state = 0; sig = "" }
state == 0 && /^\{[ \t]*$/ {
	print
	printf "%s", params(sig)
	if (extra != "") {
		n = split(extra, xl, /\\n/)
		for (k = 1; k <= n; k++)
			print "\t" xl[k]
	}
	printf "\tEXERCISE_TODO(\"%s\");\n", fname
	state = 1
	sig = ""
	next
}
state == 1 {
	if ($0 ~ /^\}/) {
		print
		state = 0
	}
	next
}
{
	if ($0 ~ /^[ \t]*$/)
		sig = ""
	else
		sig = sig " " $0
	print
}
