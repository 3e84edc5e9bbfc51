#!/usr/bin/perl
# SPDX-License-Identifier: GPL-2.0-only
# number-html.pl OUTLINE < in.html > out.html: give the headings of the HTML
# edition the section numbers of the PDF (1.2.1 find_mergeable() ...).
# OUTLINE is hyperref's slub.out, one \BOOKMARK per section: a numbered
# title "NUM TEXT" numbers the next heading, in order, whose text is TEXT.
# Only perl-base is used.
use strict;
use warnings;

my @outline;
open(my $out, '<', $ARGV[0]) or exit 0;	# no PDF yet: leave the headings
while (<$out>) {
	next unless /^\\BOOKMARK \[\d+\]\[[^]]*\]\{[^}]*\}\{(.*)\}\{[^}]*\}%/;
	my $t = $1;
	$t =~ s/\\([0-7]{3})/chr(oct($1))/ge;
	$t =~ s/\\(.)/$1/g;
	$t =~ s/^\xfe\xff//;
	$t =~ s/\x00//g;
	push @outline, [$1, $2] if $t =~ /^(\d+(?:\.\d+)*)\s+(.*)$/;
}
close($out);

sub plain {
	my $s = shift;
	$s =~ s/<[^>]*>//g;
	$s =~ s/&nbsp;/ /g;
	$s =~ s/&lt;/</g;
	$s =~ s/&gt;/>/g;
	$s =~ s/&amp;/&/g;
	$s =~ s/\s+/ /g;
	$s =~ s/^ | $//g;
	return $s;
}

local $/;
my $html = <STDIN>;
my $next = 0;
$html =~ s{(<h([1-6])[^>]*>)(.*?)(</h\2>)}{
	my ($open, $body, $close) = ($1, $3, $4);
	my $text = plain($body);
	# the next outline entry with this text, a few entries of slack for a
	# title the two editions spell differently
	for my $k ($next .. $next + 7) {
		last if $k >= @outline;
		next unless $text eq $outline[$k][1];
		$body = "$outline[$k][0]&nbsp; $body";
		$next = $k + 1;
		last;
	}
	"$open$body$close";
}gse;
print $html;
