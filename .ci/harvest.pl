#!/usr/bin/perl
# An independent harvester (Debian's libhttp-oai-perl, HTTP::OAI) walks an OAI-PMH context of a freshly started
# repository that holds exactly the USE-IT! sample: every format, with no set and with every set, following every
# resumption token, and compares the record counts with counts worked out from the sample file itself.
#
#   perl .ci/harvest.pl <base URL> <sample JSON>
#
# Exit status 0 when every count matches, 1 otherwise.
use strict;
use warnings;
use HTTP::OAI;
use JSON::PP;

my ($base, $sample_file) = @ARGV;
die "usage: $0 <base URL> <sample JSON>\n" unless $base && $sample_file;

open(my $fh, '<:raw', $sample_file) or die "cannot read $sample_file: $!\n";
my $sample = decode_json(do { local $/; <$fh> });
close($fh);

# What the sample says: records by item type and by strand node (a record is in its nodes and their ancestors).
my %type_set = (CaseStudy => 'type:case-study', Publication => 'type:publication', Project => 'type:project',
                OrgUnit => 'type:partner');
# %all counts every record, %outputs the research outputs only (case studies and Library outputs), the only
# records RIOXX v3, OpenAIRE and DataCite carry here.
my (%all, %outputs);
for my $record (@$sample) {
    my %in = ('' => 1, 'type' => 1, $type_set{$record->{type}} => 1);
    for my $node (@{$record->{'useit.strand'} || []}) {
        my @parts = split(/:/, $node);
        $in{'strand'} = 1;
        $in{'strand:' . join(':', @parts[0 .. $_])} = 1 for 0 .. $#parts;
    }
    my $output = $record->{type} eq 'CaseStudy' || $record->{type} eq 'Publication';
    for my $set (keys %in) {
        $all{$set}++;
        $outputs{$set}++ if $output;
    }
}

my $harvester = HTTP::OAI::Harvester->new(baseURL => $base, resume => 1);
my $identify = $harvester->Identify;
die "Identify failed: " . $identify->message . "\n" if $identify->is_error;

my @formats = map { $_->metadataPrefix } $harvester->ListMetadataFormats->metadataFormat;
my @sets;
my $list_sets = $harvester->ListSets;
while (my $set = $list_sets->next) {
    push @sets, $set->setSpec;
}
die "ListSets failed: " . $list_sets->message . "\n" if $list_sets->is_error;

# Counts the live records of one list; a noRecordsMatch error is an empty list.
sub count {
    my ($verb, %args) = @_;
    my $response = $harvester->$verb(%args);
    my $live = 0;
    while (my $item = $response->next) {
        my $header = $verb eq 'ListRecords' ? $item->header : $item;
        $live++ unless $header->is_deleted;
    }
    if ($response->is_error) {
        my @codes = map { $_->code } $response->errors;
        return 0 if grep { $_ eq 'noRecordsMatch' } @codes;
        die "$verb " . join(' ', map {"$_=$args{$_}"} sort keys %args) . " failed: " . $response->message . "\n";
    }
    return $live;
}

# the formats that describe research outputs only (xoai.xml's useitResearchOutputWithTitle filter: every record
# here has a title, which it and the qdc and useit formats ask for too)
my %outputs_only = map { $_ => 1 } qw(rioxx oai_openaire datacite);

my ($lists, $mismatches) = (0, 0);
for my $format (@formats) {
    for my $set ('', @sets) {
        my %args = (metadataPrefix => $format);
        $args{set} = $set if $set ne '';
        my $identifiers = count('ListIdentifiers', %args);
        my $records = count('ListRecords', %args);
        $lists += 2;
        # community and collection sets come from the structure, not the sample file: checked for consistency only
        my $want = $set =~ /^(col|com)_/ ? undef : (($outputs_only{$format} ? $outputs{$set} : $all{$set}) || 0);
        my $problem = $identifiers != $records ? "ListIdentifiers $identifiers != ListRecords $records"
            : defined($want) && $records != $want ? "harvested $records, the sample has $want" : '';
        printf "%-14s %-45s %5d%s\n", $format, $set eq '' ? '(all)' : $set, $records,
            $problem ? "  MISMATCH: $problem" : '';
        $mismatches++ if $problem;
    }
}
print "$lists lists harvested from $base with HTTP::OAI $HTTP::OAI::VERSION; $mismatches mismatch(es)\n";
exit($mismatches ? 1 : 0);
