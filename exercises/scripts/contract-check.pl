#!/usr/bin/env perl
# contract-check.pl EX REFDIR SKELDIR README [FILE...]: the rule that a
# skeleton states a contract, not a recipe. The reference files of
# exercise EX (REFDIR/FILE) call functions and macros; at most a quarter
# of the distinct ones (besides those the files define: the signatures a
# skeleton keeps) may be named in the skeletons (SKELDIR/FILE) and the
# README (SKELDIR "-": the README only). Prints the count and the names found; exit 1 when over.
use strict;
use warnings;

my ($ex, $refdir, $skeldir, $readme, @files) = @ARGV;
my %kw = map { $_ => 1 } qw(if while for switch return sizeof do else
	case goto typeof __typeof__ defined void int long char unsigned
	bool);
sub slurp { local $/; open(my $f, '<', $_[0]) or die "$_[0]: $!\n"; <$f> }
sub strip { my $t = shift; $t =~ s{/\*.*?\*/}{}gs; $t =~ s{//[^\n]*}{}g;
	$t =~ s{"(?:\\.|[^"\\])*"}{""}g;
	$t =~ s{__attribute__\s*\(\((?:[^()]|\([^()]*\))*\)\)}{}g; $t }

my (%called, %defined);
for my $f (@files) {
	my $t = strip(slurp("$refdir/$f"));
	# a definition: a name followed by ( at the start of a line (after
	# the return type) whose parameter list is followed by {
	while ($t =~ /\b([A-Za-z_]\w*)\s*\((?:[^;{}()]|\([^()]*\))*\)\s*\{/g) {
		$defined{$1} = 1;
	}
	$called{$1} = 1 while $t =~ /\b([A-Za-z_]\w*)\s*\(/g;
}
delete $called{$_} for (keys %kw, keys %defined);
my $text = slurp($readme);
# SKELDIR "-": the skeletons are the reference with a planted bug (the
# bug hunt): only the README counts
if ($skeldir ne '-') { $text .= slurp("$skeldir/$_") for @files; }
my @named = sort grep { $text =~ /\b\Q$_\E\b/ } keys %called;
my $n = scalar keys %called;
my $limit = int($n / 4);
print "  calls: ", join(" ", sort keys %called), "\n" if $ENV{VERBOSE};
printf "%s: %d of %d functions and macros of the reference named " .
	"(at most %d)%s\n", $ex, scalar @named, $n, $limit,
	@named ? ": @named" : "";
exit(@named > $limit ? 1 : 0);
