# use2include.awk -v map=FILE: a noweb filter (on the markup stream of
# slub.nw). Each "@use NAME" whose NAME is listed in map (lines
# "NAME<TAB>FILE") becomes the text #include "FILE": the tangled C then
# includes the student's file at the very spot where the chunk was used.
# The use replaces one line by one line, so the #line mapping of the
# following code into slub.nw stays exact.
BEGIN {
	while ((getline l < map) > 0) {
		i = index(l, "\t")
		file[substr(l, 1, i - 1)] = substr(l, i + 1)
	}
}
/^@use / {
	name = substr($0, 6)
	if (name in file) {
		print "@text #include \"" file[name] "\""
		used[name] = 1
		next
	}
}
{ print }
END {
	for (name in file)
		if (!(name in used)) {
			print "use2include: chunk not used in slub.nw: " name > "/dev/stderr"
			exit 1
		}
}
