#!/usr/bin/perl
# SPDX-License-Identifier: GPL-2.0-only
# toc-nest.pl < index.html > index.html: nest each entry of the HTML
# edition's table of contents one level under the heading before it.
# htmltoc opens one list per heading level it steps down, so a
# \paragraph* (h5) right under a \section* (h2), as in the preface, sat
# three levels in instead of one. A list opened right after another, with
# no entry between them, is such an empty level: it is dropped with its
# closing tag, and the rest is indented by its real depth.
# Only perl-base is used.
use strict;
use warnings;

my $in = 0;		# inside the contents
my @open;		# per open list: 1 if it is an empty level
my $fresh = 0;		# a list was opened and has no entry yet
while (my $line = <STDIN>) {
	if ($line =~ /^\s*<tableofcontents>\s*$/) {
		$in = 1;
		@open = ();
		$fresh = 0;
	} elsif ($line =~ /^\s*<\/tableofcontents>\s*$/) {
		$in = 0;
	} elsif ($in && $line =~ /^\s*<ul compact>\s*$/) {
		my $empty = $fresh ? 1 : 0;
		my $depth = grep { !$_ } @open;
		push @open, $empty;
		$fresh = 1;
		next if $empty;
		$line = '  ' x $depth . "<ul compact>\n";
	} elsif ($in && $line =~ /^\s*<\/ul>\s*$/) {
		next if pop @open;
		$fresh = 0;
		my $depth = grep { !$_ } @open;
		$line = '  ' x $depth . "</ul>\n";
	} elsif ($in && $line =~ /^\s*(<li>.*)$/s) {
		$fresh = 0;
		my $depth = grep { !$_ } @open;
		$line = '  ' x ($depth - 1) . $1;
	}
	print $line;
}
