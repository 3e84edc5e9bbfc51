#!/usr/bin/perl
# bench/book-table.pl RESULTS.md BOOK.nw -- put one run of make bench into
# the book (make bench-book).
#
# Reads the results.md that bench-run wrote and replaces the lines of
# BOOK.nw between "%% bench-book: begin" and "%% bench-book: end" with
# the run's date and load, the table of figures and the table of goals,
# and those between "%% bench-book-sheaves: begin" and "... end" with the
# sheaves part's summary, so that the book's figures are copied by a
# program, never by hand.
use strict;
use warnings;

my ($results, $book) = @ARGV;
die "usage: book-table.pl RESULTS.md BOOK.nw\n" unless $book;
open(my $in, '<', $results) or die "$results: $!\n";
my @lines = <$in>;
close $in;

my (%ns, %phase, @goals, $when, $load0, $load1);
my $table = '';
for (@lines) {
	chomp;
	if (/^(\d{4})-(\d\d)-(\d\d) (\d\d:\d\d) UTC;/) {
		my @month = qw(January February March April May June July
			       August September October November December);
		$when = sprintf('%d %s %d at %s UTC', $3, $month[$2 - 1], $1, $4);
	}
	if (/^Load average .* at the start: ([\d.]+) .* at the end: ([\d.]+) /) {
		($load0, $load1) = ($1, $2);
	}
	$table = $1 if /^#+ (.*)/;
	next unless /^\| (?!---|workload|phase|goal|after|build|\s)/;
	my @f = map { s/^\s+|\s+$//gr } split /\|/, $_;
	shift @f;
	if ($table eq 'ns per operation') {
		$ns{$f[0]} = [@f[1 .. $#f]];
	} elsif ($table =~ /^The batch test by phase/) {
		$phase{$f[0]} = [@f[1 .. $#f]];
	} elsif ($table =~ /^Performance goals/) {
		push @goals, [@f];
	}
}
die "$results: no date line\n" unless $when;
die "$results: no load average line\n" unless defined $load1;

# Rows of the book's table: label, source table, row name in it.
my @rows = (
	['LIFO pair 64\,B', \%ns, '1. LIFO alloc+free pair, 64 B'],
	['LIFO pair 1024\,B', \%ns, '1. LIFO alloc+free pair, 1024 B'],
	['1M in order: free', \%phase, 'FIFO series: free'],
	['1M random: free', \%phase, 'random series: free'],
	['1M random: alloc after', \%phase, 'random series: alloc'],
	['remote free', \%ns, '3. remote free, above the ring floor'],
	['kmalloc mixed sizes', \%ns, '4. kmalloc mixed sizes, free+alloc per op'],
	['RSS / requested', \%ns, '5. RSS / requested, 1M x 64 B live (ratio)'],
);

my @out;
my $busy = $load0 >= 1.5 || $load1 >= 1.5;
push @out, "The figures below are one run of [[make bench]] on $when, on this",
	"book's machine: 2 virtual CPUs of an AMD EPYC, Linux 6.18, glibc 2.36,",
	"gcc 12.2. The load average was $load0 at the start and $load1 at the end",
	$busy ? "(other builds were running, so single figures are noisy; the ratios,"
	      . " taken between allocators measured seconds apart, are less so)."
	      : "(the machine was otherwise idle).",
	"Times are nanoseconds: per alloc--free pair for the LIFO rows, per",
	"object for the phases of the batch test, per object above the ring's",
	"own cost for the remote test, per free-and-allocate for the mixed",
	"sizes.", '',
	'\begin{center}', '\small', '\setlength{\tabcolsep}{3pt}',
	'\begin{tabular}{lrrrrrrrrr}', '\hline',
	'& \multicolumn{2}{c}{kmem\_cache} & \multicolumn{2}{c}{kmalloc} & & & & & \\\\',
	'workload & 3.18 & sheaves & 3.18 & sheaves & glibc & jemalloc & mimalloc & tcmalloc & ideal \\\\',
	'\hline';
for my $r (@rows) {
	my ($label, $src, $key) = @$r;
	my $v = $src->{$key} or die "$results: no row '$key'\n";
	die "$results: row '$key' has " . @$v . " columns, not 9\n"
		unless @$v == 9;
	push @out, join(' & ', $label, map { $_ eq '-' ? '--' : $_ } @$v)
		. ' \\\\';
}
push @out, '\hline', '\end{tabular}', '\end{center}', '',
	'The same run printed its goals, each a ratio against a peer measured in',
	'the same run:', '\begin{center}', '\small', '\begin{tabular}{llrl}',
	'\hline', 'design & goal & measured & \\\\', '\hline';
die "$results: no goals table\n" unless @goals;
for my $g (@goals) {
	my ($goal, $ref, $ratio, $verdict) = @$g;
	my ($design, $what) = $goal =~ /^(.*?): (.*)$/
		or die "$results: goal '$goal' has no design\n";
	my ($peer) = $ref =~ /\((\w+)\)$/;
	$what =~ s/<=/\$\\le\$/;
	$what =~ s/(\d)x /$1 \$\\times\$ /;
	$what =~ s/(\d) B /$1\\,B /;
	$what =~ s/the fastest peer/fastest peer ($peer)/ if $peer;
	$what =~ s/the ideal freelist/ideal freelist/;
	$what =~ s/ above the ring//;
	$design =~ s/3\.18 cpu slab, counters out/3.18, no counters/;
	$ratio =~ s/x$//;
	$ratio = $1 if $ref =~ m{^([\d.]+) / [\d.]+ \(bound\)$};
	$verdict =~ s/\*//g;
	push @out, "$design & $what & $ratio & $verdict \\\\";
}
push @out, '\hline', '\end{tabular}', '\end{center}';

# The sheaves part's summary: both designs against mimalloc, and how
# many times the one beats the other.
my @sh;
my @shrows = (
	['LIFO pair, 64\,B', $ns{'1. LIFO alloc+free pair, 64 B'}, 0, 1, 6],
	['1M in order, free per object', $phase{'FIFO series: free'}, 0, 1, 6],
	['1M in random order, free per object', $phase{'random series: free'},
	 0, 1, 6],
	['kmalloc mixed sizes, per operation',
	 $ns{'4. kmalloc mixed sizes, free+alloc per op'}, 2, 3, 6],
);
my ($lo, $hi);
push @sh, "Its run of $when (2 virtual CPUs, load average $load0 at the",
	'start), medians in nanoseconds, counters and events compiled out:',
	'\begin{center}', '\begin{tabular}{lrrr}',
	'workload & 3.18 cpu slab & sheaves & mimalloc \\\\', '\hline';
for my $r (@shrows) {
	my ($label, $v, @c) = @$r;
	push @sh, join(' & ', $label, @$v[@c]) . ' \\\\';
	next if $label =~ /^LIFO/;
	my $f = $v->[$c[0]] / $v->[$c[1]];
	$lo = $f if !defined $lo || $f < $lo;
	$hi = $f if !defined $hi || $f > $hi;
}
my $lifo = $ns{'1. LIFO alloc+free pair, 64 B'};
my $rm = $ns{'3. remote free, above the ring floor'};
my $pct = int(abs(1 - $lifo->[1] / $lifo->[0]) * 100 + 0.5);
push @sh, '\end{tabular}', '\end{center}',
	sprintf('In this run sheaves win the batch frees and the mixed sizes by'
		. ' factors of %.1f to %.1f, and %s the LIFO pair by %d\\%%;'
		. ' the remote free costs the cpu slab %s and sheaves %s\\,ns'
		. ' above the ring\'s cost.', $lo, $hi,
		$lifo->[1] < $lifo->[0] ? 'win' : 'lose', $pct, $rm->[0],
		$rm->[1]);

open(my $bin, '<', $book) or die "$book: $!\n";
my @nw = <$bin>;
close $bin;
for my $region (['bench-book', \@out], ['bench-book-sheaves', \@sh]) {
	my ($tag, $lines) = @$region;
	my ($b) = grep { $nw[$_] =~ /^%% $tag: begin/ } 0 .. $#nw;
	my ($e) = grep { $nw[$_] =~ /^%% $tag: end/ } 0 .. $#nw;
	die "$book: no '%% $tag: begin' ... 'end' lines\n"
		unless defined $b && defined $e && $b < $e;
	splice @nw, $b + 1, $e - $b - 1, map { "$_\n" } @$lines;
}
open(my $bout, '>', "$book.tmp") or die "$book.tmp: $!\n";
print $bout @nw;
close $bout or die "$book.tmp: $!\n";
rename "$book.tmp", $book or die "$book: $!\n";
print "bench-book: $book has the run of $when\n";
