#!/usr/bin/perl
# SPDX-License-Identifier: GPL-2.0-only
# bib-html.pl BIB HTML: the references of the HTML edition. l2h turns
# \citep{K1,K2} into <cite class="p">K1,K2</cite> and \citet{K} into
# <cite class="t">K</cite> (book/html-macros.nw); this script rewrites them
# as natbib does in the PDF, "(Bonwick, 1994)" and "Bonwick (1994)", each
# linked to its entry, and puts the list of references, made from BIB, and
# headings for the two indexes before noweb's index of chunks. A key that
# BIB lacks is left as "[?KEY]" (book/test-book.sh fails on it). Rewrites
# HTML in place. Only perl-base.
use strict;
use warnings;

my ($bibfile, $htmlfile) = @ARGV;
die "usage: bib-html.pl BIB HTML\n" unless defined $htmlfile;

# ---- a small BibTeX reader: @type{key, field = {value} or "value" or 123}
open my $bf, '<', $bibfile or die "bib-html.pl: $bibfile: $!\n";
my $bib = do { local $/; <$bf> };
close $bf;
$bib =~ s/^\s*%.*$//mg;
my (%entry, @order);
while ($bib =~ /@(\w+)\s*\{\s*([^,\s]+)\s*,/g) {
	my ($type, $key) = (lc $1, $2);
	my %f = (type => $type);
	my $pos = pos $bib;
	while (1) {
		pos($bib) = $pos;
		last unless $bib =~ /\G\s*(\w+)\s*=\s*/gc;
		my $name = lc $1;
		my $val;
		if ($bib =~ /\G\{/gc) {		# braced value, nested braces
			my $depth = 1;
			my $start = pos $bib;
			while ($depth > 0 && $bib =~ /\G[^{}]*([{}])/gc) {
				$depth += $1 eq '{' ? 1 : -1;
			}
			$val = substr $bib, $start, pos($bib) - $start - 1;
		} elsif ($bib =~ /\G"([^"]*)"/gc) {
			$val = $1;
		} elsif ($bib =~ /\G(\w+)/gc) {
			$val = $1;
		}
		$val =~ s/\s+/ /g;
		$f{$name} = $val;
		$bib =~ /\G\s*,?/gc;
		$pos = pos $bib;
	}
	$entry{$key} = \%f;
	push @order, $key;
}

my %month = (jan => 'January', feb => 'February', mar => 'March',
	apr => 'April', may => 'May', jun => 'June', jul => 'July',
	aug => 'August', sep => 'September', oct => 'October',
	nov => 'November', dec => 'December');

# TeX of a field value to HTML
sub tex {
	my ($s) = @_;
	$s =~ s/&/&amp;/g;
	$s =~ s/</&lt;/g;
	$s =~ s/\\texttt\{([^{}]*)\}/<code>$1<\/code>/g;
	$s =~ s/\\emph\{([^{}]*)\}/<i>$1<\/i>/g;
	$s =~ s/\\_/_/g;
	$s =~ s/\\&/&amp;/g;
	$s =~ s/---/&mdash;/g;
	$s =~ s/--/&ndash;/g;
	$s =~ s/~/&nbsp;/g;
	$s =~ s/[{}]//g;
	return $s;
}

# the surnames for a citation: "Bonwick", "Bonwick and Adams", "X et al."
sub surname {
	my ($n) = @_;
	$n =~ s/^\s+|\s+$//g;
	return $1 if $n =~ /^\{(.*)\}$/;
	return $1 if $n =~ /^([^,]+),/;
	my @w = split ' ', $n;
	return $w[-1];
}
sub authors {
	my ($e) = @_;
	my @a = split /\s+and\s+/, ($e->{author} // $e->{editor} // '?');
	my @s = map { tex(surname($_)) } @a;
	return $s[0] if @s == 1;
	return "$s[0] and $s[1]" if @s == 2;
	return "$s[0] et al.";
}
sub full_authors {
	my ($e) = @_;
	my @a = map { my $x = $_; $x =~ s/^\{(.*)\}$/$1/; tex($x) }
		split /\s+and\s+/, ($e->{author} // '?');
	return join(', ', @a[0 .. $#a - 1]) . " and $a[-1]" if @a > 1;
	return $a[0];
}

my $html = do { local $/; open my $h, '<', $htmlfile or die "$htmlfile: $!\n"; <$h> };

my %cited;
sub link_to { my ($k, $text) = @_; $cited{$k} = 1;
	return qq{<a class="cite" href="#bib-$k">$text</a>} }
sub cite {
	my ($kind, $keys) = @_;
	my @keys = grep { length } map { s/^\s+|\s+$//gr } split /,/, $keys;
	my @parts;
	# natbib groups the years of one author: "Knuth (1984, 1992)"
	my (@groups, %g);
	for my $k (@keys) {
		unless ($entry{$k}) { push @groups, ["[?$k]"]; next; }
		my $a = authors($entry{$k});
		if (!exists $g{$a}) { push @groups, [$a]; $g{$a} = $groups[-1]; }
		push @{$g{$a}}, link_to($k, tex($entry{$k}{year} // '?'));
	}
	for my $gr (@groups) {
		my ($a, @years) = @$gr;
		if (!@years) { push @parts, $a; next; }
		push @parts, $kind eq 't' ? "$a (" . join(', ', @years) . ')'
			: "$a, " . join(', ', @years);
	}
	return $kind eq 't' ? join('; ', @parts) : '(' . join('; ', @parts) . ')';
}
$html =~ s{<cite class="([pt])">(.*?)</cite>}{cite($1, $2)}ges;

# the list of references, in the order of the PDF's plainnat: by author
# (surname), then year
my @list = sort {
	lc(authors($entry{$a})) cmp lc(authors($entry{$b})) ||
	($entry{$a}{year} // '') cmp ($entry{$b}{year} // '') || $a cmp $b
} grep { $cited{$_} } @order;
my $refs = qq{<h2><a name="references">References</a></h2>\n<ul class="references">\n};
for my $k (@list) {
	my $e = $entry{$k};
	my @p = (full_authors($e) . '.', tex($e->{title} // '') . '.');
	if ($e->{journal}) {
		my $j = '<i>' . tex($e->{journal}) . '</i>';
		$j .= ", $e->{volume}" if $e->{volume};
		$j .= "($e->{number})" if $e->{volume} && $e->{number};
		$j .= ':' . tex($e->{pages}) if $e->{pages};
		push @p, "$j.";
	}
	push @p, 'In <i>' . tex($e->{booktitle}) . '</i>.' if $e->{booktitle};
	push @p, tex($e->{series}) . ($e->{number} && !$e->{journal} ? " $e->{number}" : '') . '.'
		if $e->{series};
	push @p, tex($e->{publisher}) . ($e->{address} ? ', ' . tex($e->{address}) : '') . ','
		if $e->{publisher};
	push @p, tex($e->{howpublished}) . ',' if $e->{howpublished};
	my $date = ($e->{month} && $month{lc $e->{month}} ? "$month{lc $e->{month}} " : '')
		. ($e->{year} // '');
	push @p, "$date.";
	push @p, qq{<a href="https://doi.org/$e->{doi}">doi:$e->{doi}</a>.} if $e->{doi};
	push @p, qq{<a href="$e->{url}">$e->{url}</a>.} if $e->{url};
	$refs .= qq{<li><a name="bib-$k"></a>} . join(' ', @p) . "\n";
}
$refs .= "</ul>\n";

# before noweb's index of chunks (its first entry links a chunk name in
# <i>&lt;...), and a heading before the index of identifiers
my $chunks = qq{<h2><a name="index-chunks">Index of chunks</a></h2>\n};
my $idents = qq{<h2><a name="index-identifiers">Index of identifiers</a></h2>\n};
$html =~ s{(<ul>\n<li><a href="#[^"]*"><i>&lt;)}{$refs$chunks$1}
	or die "bib-html.pl: no index of chunks in $htmlfile\n";
$html =~ s{(<ul>\n<li><a name="NWI-)}{$idents$1}
	or die "bib-html.pl: no index of identifiers in $htmlfile\n";

open my $out, '>', "$htmlfile.tmp" or die "$htmlfile.tmp: $!\n";
print $out $html;
close $out or die "$htmlfile.tmp: $!\n";
rename "$htmlfile.tmp", $htmlfile or die "$htmlfile: $!\n";
