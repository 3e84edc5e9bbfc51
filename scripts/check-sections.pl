#!/usr/bin/perl
# SPDX-License-Identifier: GPL-2.0-only
# check-sections.pl: section numbers come from the book, never typed.
#
#   check-sections.pl --lint
#	fails if a hand-typed section number appears in slub.nw or in the
#	comments and string literals of src/, viz/, exercises/ and tests/.
#	A hand-typed section number is
#	  (1) a number after the word section, part or chapter (singular or
#	      plural, any case, then spaces or a tie), or after a section
#	      sign: "section~7.5", "Part 2", "sections 7.2--7.4";
#	  (2) in the prose of slub.nw, a dotted number alone in parentheses
#	      that is the number of a section of the book: "(2.1.1)";
#	  (3) in code, a string literal that is exactly such a number:
#	      "2.1".
#	A number inside \ref{} or \label{} is a reference, not a number;
#	version numbers ("Linux 3.18", "6.1") and measurements ("(0.92)")
#	name no section and pass.
#   check-sections.pl --aux build/book/slub.aux
#	compares the numbers scripts/sections.pl computes (and
#	generated/slub_sections.h holds) with those LaTeX gave the woven
#	book, and checks that every numbered heading has a \label.
# Prints "N passed, N failed" and exits 1 on a failure. Only perl-base.
use strict;
use warnings;

my $mode = shift // '';
my ($pass, $fail) = (0, 0);
sub ok { $pass++; }
sub bad { $fail++; print "FAIL: $_[0]\n"; }

# the book's numbered headings: number, label, title, line
my @heads;
open(my $sp, '-|', 'perl', 'scripts/sections.pl', '--list', 'slub.nw')
	or die "check-sections.pl: scripts/sections.pl: $!\n";
while (<$sp>) {
	chomp;
	push @heads, [split(/\t/)];
}
close($sp) or die "check-sections.pl: scripts/sections.pl failed\n";
my %is_section = map { $_->[0] => 1 } @heads;

my $word = qr/(?:\b(?:sections?|parts?|chapters?)|\x{a7}|\xc2\xa7)(?:\s|~|\\,)*\d/i;

sub check_text {
	my ($what, $text, $prose) = @_;
	$text =~ s/\\(?:ref|pageref|label)\{[^}]*\}/\\ref{}/g;
	if ($text =~ /($word[\d.]*)/) {
		bad("$what: hand-typed section number \"$1\"");
		return;
	}
	if ($prose) {
		while ($text =~ /\((\d+(?:\.\d+)+)[),;]/g) {
			if ($is_section{$1}) {
				bad("$what: hand-typed section number \"($1)\"");
				return;
			}
		}
	}
	ok();
}

# the comments and string literals of C text, as (line, text) pairs
sub c_pieces {
	my $src = shift;
	my @out;
	my $line = 1;
	while ($src =~ m{(/\*.*?\*/|//[^\n]*|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|\n)}gs) {
		my $t = $1;
		if ($t eq "\n") {
			$line++;
			next;
		}
		push @out, [$line, $t] unless $t =~ /^'/;
		$line += ($t =~ tr/\n//);
	}
	return @out;
}

# check_c FILE SOURCE [FIRST LINE]
sub check_c {
	my ($file, $src, $first) = @_;
	$first //= 1;
	for my $p (c_pieces($src)) {
		my ($l, $t) = @$p;
		my $where = "$file:" . ($first + $l - 1);
		if ($t =~ /^"(\d+(?:\.\d+)+)"$/ && $is_section{$1}) {
			bad("$where: a section number typed as a string, $t");
			next;
		}
		check_text($where, $t, 0);
	}
}

if ($mode eq '--lint') {
	# slub.nw: prose and code chunks
	open(my $nw, '<', 'slub.nw') or die "slub.nw: $!\n";
	my @lines = <$nw>;
	close($nw);
	my ($code, $start, $chunk) = (0, 0, '');
	for (my $i = 0; $i < @lines; $i++) {
		my $l = $lines[$i];
		if ($l =~ /^<<.*>>=\s*$/) {
			($code, $start, $chunk) = (1, $i + 2, '');
			next;
		}
		if ($code && $l =~ /^@( |$)/) {
			check_c('slub.nw', $chunk, $start) if $chunk ne '';
			$code = 0;
			# the rest of an "@ text" line is prose
			$l =~ s/^@//;
		}
		if ($code) {
			$chunk .= $l;
		} else {
			check_text("slub.nw:" . ($i + 1), $l, 1);
		}
	}
	check_c('slub.nw', $chunk, $start) if $code && $chunk ne '';
	# the other parts: C files by comments and literals, the rest whole
	my @files = split(/\n/, `git ls-files -co --exclude-standard src viz exercises tests 2>/dev/null`);
	for my $f (@files) {
		next unless -f $f;
		next if $f =~ /\.(png|ttf|md|txt|json|csv)$/;
		open(my $fh, '<', $f) or next;
		local $/;
		my $src = <$fh>;
		close($fh);
		next if $src =~ /\0/;
		if ($f =~ /\.[ch]$/) {
			check_c($f, $src);
		} else {
			my $n = 0;
			check_text("$f:" . ++$n, $_, 0) for split(/\n/, $src);
		}
	}
} elsif ($mode eq '--aux') {
	my $aux = shift or die "usage: check-sections.pl --aux AUX\n";
	open(my $ah, '<', $aux) or die "check-sections.pl: $aux: $!\n";
	my %latex;
	while (<$ah>) {
		$latex{$1} = $2 if /^\\newlabel\{(sec:[^}]*)\}\{\{([^}]*)\}/;
	}
	close($ah);
	for my $h (@heads) {
		my ($num, $label, $title, $line) = @$h;
		if ($label eq '') {
			bad("slub.nw:$line: section $num \"$title\" has no \\label");
		} elsif (!defined $latex{$label}) {
			bad("slub.nw:$line: \\label{$label} is not in $aux");
		} elsif ($latex{$label} ne $num) {
			bad("slub.nw:$line: $label is $latex{$label} in the book, $num in the generated table");
		} else {
			ok();
		}
	}
	# the committed table holds what sections.pl computes
	my $gen = `perl scripts/sections.pl slub.nw`;
	open(my $gh, '<', 'generated/slub_sections.h') or die "generated/slub_sections.h: $!\n";
	local $/;
	my $have = <$gh>;
	close($gh);
	$have eq $gen ? ok() : bad("generated/slub_sections.h differs from scripts/sections.pl slub.nw (make tangle)");
	my %bylabel = map { $_->[1] => $_->[0] } @heads;
	my $n = 0;
	while ($have =~ /\{ "([^"]*)", "([^"]*)", "([^"]*)",/g) {
		my ($f, $num, $label) = ($1, $2, $3);
		$n++;
		if (!defined $latex{$label} || $latex{$label} ne $num) {
			bad("generated/slub_sections.h: $f in $num ($label), the book says " . ($latex{$label} // 'nothing'));
		}
	}
	$n > 0 ? ok() : bad("generated/slub_sections.h has no function");
	print "     ($n functions, " . scalar(@heads) . " numbered headings checked against $aux)\n";
} else {
	die "usage: check-sections.pl --lint | --aux AUX\n";
}
print "$pass passed, $fail failed\n";
exit($fail ? 1 : 0);
