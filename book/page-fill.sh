#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# page-fill.sh PDF [MIN]: list the pages of PDF that are less than MIN
# (default 0.5) full, except where a short page is in order: the page
# before one on which a section starts (the end of a part), the pages
# before the first numbered section (title, contents, preface) and from
# the appendices on (the answers, the indexes), and the last page.
#
# How full a page is: the page is rendered in grey at 20 dpi and the ink
# is measured, so that figures count as much as text: the height from the
# first to the last row with ink inside the text block (A4, 20 mm top
# and 25 mm bottom margin, book/preamble.tex; the page number below it is
# not counted), as a fraction of the text block's height.
#
# Prints "page N: F full" per offender (N the PDF's page, from 1) and a
# summary line "book: N pages, K less than MIN full (E exempt)"; exits 1
# if there is an offender.
set -euo pipefail
PDF=$1
MIN=${2:-0.5}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

pdftoppm -gray -r 20 "$PDF" "$tmp/p"
# The exempt pages, from the destinations hyperref writes: a page before
# one where a numbered section (section.N) starts in the upper part of the
# page, the front matter (up to the first section.N) and the appendices
# (from hyperref's appendix.A or the first section.A on).
pdfinfo -dests "$PDF" | perl -ne '
	next unless /^\s*(\d+)\s+\[\s*XYZ\s+\S+\s+(\d+)\s.*"(section|appendix)\.([^".]+)"/;
	my ($p, $y, $kind, $n) = ($1, $2, $3, $4);
	$first //= $p if $kind eq "section" && $n =~ /^\d+$/;
	$app //= $p if $kind eq "appendix" || $n =~ /^[A-Z]$/;
	print "before ", $p - 1, "\n" if $y > 500;
	END { print "first $first\n" if defined $first;
	      print "appendix $app\n" if defined $app; }' >"$tmp/dests"

perl -e '
	my ($min, $dests, @files) = @ARGV;
	my (%exempt, $first, $app);
	open my $d, "<", $dests or die;
	while (<$d>) {
		$exempt{$1} = 1 if /^before (\d+)/;
		$first = $1 if /^first (\d+)/;
		$app = $1 if /^appendix (\d+)/;
	}
	$first //= 1;
	$app //= @files + 1;
	my ($n, $bad, $ex) = (0, 0, 0);
	for my $f (@files) {
		$n++;
		open my $fh, "<:raw", $f or die "$f: $!";
		local $/;
		my $pgm = <$fh>;
		$pgm =~ s/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s//s or die "$f: not a PGM";
		my ($w, $h) = ($1, $2);
		my $top = int($h * 20 / 297);
		my $bottom = int($h * (297 - 25) / 297);
		my ($lo, $hi);
		for my $y ($top - 1 .. $bottom) {
			my $row = substr($pgm, $y * $w, $w);
			next unless $row =~ /[\x00-\xb0]/;
			$lo //= $y;
			$hi = $y;
		}
		my $fill = defined $lo ? ($hi - $lo + 1) / ($bottom - $top) : 0;
		next if $fill >= $min;
		if ($exempt{$n} || $n < $first || $n >= $app || $n == @files) {
			$ex++;
			next;
		}
		$bad++;
		printf "page %d: %.2f full\n", $n, $fill;
	}
	print "book: $n pages, $bad less than $min full ($ex exempt)\n";
	exit($bad ? 1 : 0);
' "$MIN" "$tmp/dests" $(ls "$tmp"/p-*.pgm | sort)
