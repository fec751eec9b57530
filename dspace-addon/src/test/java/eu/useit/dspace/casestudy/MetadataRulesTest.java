/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.casestudy;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import eu.useit.dspace.taxonomy.StrandVocabulary;
import org.junit.Before;
import org.junit.Test;

public class MetadataRulesTest {

    private MetadataRules rules;

    @Before
    public void vocabulary() throws IOException {
        rules = new MetadataRules(StrandVocabulary.parse(new ByteArrayInputStream(
            ("<node id='strand' label='S'><isComposedBy><node id='a' label='A'><isComposedBy>"
                + "<node id='a:x' label='X'/></isComposedBy></node></isComposedBy></node>")
                .getBytes(StandardCharsets.UTF_8))));
    }

    private static Map<String, List<String>> fields(String... pairs) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.computeIfAbsent(pairs[i], k -> new ArrayList<>()).add(pairs[i + 1]);
        }
        return fields;
    }

    private List<String> check(String type, Map<String, List<String>> fields) {
        return rules.check(type, fields).stream().map(v -> v.field() + ": " + v.reason())
                    .collect(Collectors.toList());
    }

    /** Each value, checked on its own, gives the expected answer (a failure names the value). */
    private static <T> void assertEach(Function<String, T> check, T expected, String... values) {
        for (String value : values) {
            assertThat(value, check.apply(value), is(expected));
        }
    }

    @Test
    public void aCompleteCaseStudyPasses() {
        assertThat(check("CaseStudy", fields("dc.title", "T", "useit.strand", "a:x", "useit.objective", "O",
                                             "useit.provenance", "sourced", "useit.source", "https://x.org/a",
                                             "dc.date.issued", "2019-04")), empty());
    }

    @Test
    public void caseStudyRequirementsAndHonesty() {
        assertThat(check("CaseStudy", fields("useit.provenance", "illustrative", "useit.practitioner", "A Person")),
                   containsInAnyOrder("dc.title: required", "useit.strand: required", "useit.objective: required",
                                      "useit.practitioner: an illustrative case study names no practitioner "
                                          + "(no invented people)"));
        assertThat(check("OrgUnit", fields("dc.title", "T", "useit.provenance", "sourced")),
                   containsInAnyOrder("useit.source: a sourced record needs the URL of its source"));
        assertThat(check("OrgUnit", fields("dc.title", "T", "useit.provenance", "invented")),
                   containsInAnyOrder("useit.provenance: 'invented' is neither 'sourced' nor 'illustrative'"));
    }

    @Test
    public void valuesAreCheckedByKind() {
        assertThat(check("Publication", fields("dc.title", "T", "useit.provenance", "illustrative",
                                               "useit.outputType", "report", "dc.date.issued", "2019-02-29",
                                               "useit.source", "ftp://x.org", "useit.strand", "b")),
                   containsInAnyOrder("useit.outputType: 'report' is not a COAR resource type URI "
                                          + "(http://purl.org/coar/resource_type/c_...)",
                                      "dc.date.issued: '2019-02-29' is not an ISO 8601 date (YYYY, YYYY-MM or "
                                          + "YYYY-MM-DD)",
                                      "useit.source: 'ftp://x.org' is not an absolute http(s) URL",
                                      "useit.strand: 'b' is not a strand id of the USE-IT! vocabulary"));
    }

    @Test
    public void oneValueIsCheckedOnItsOwnAsADepositFormDoes() {
        assertThat(rules.checkValue("useit.strand", "a:x").isPresent(), is(false));
        assertThat(rules.checkValue("useit.strand", "A::X").isPresent(), is(false));
        assertThat(rules.checkValue("useit.strand", "gardening").orElseThrow(),
                   is("'gardening' is not a strand id of the USE-IT! vocabulary"));
        assertThat(rules.checkValue("dc.date.issued", "last spring").orElseThrow(),
                   containsString("not an ISO 8601 date"));
        assertThat(rules.checkValue("dc.publisher", "TBC").orElseThrow(), containsString("placeholder"));
        assertThat(rules.checkValue("dc.title", "A title").isPresent(), is(false));
        assertThat(MetadataRules.isSingle("dc.title"), is(true));
        assertThat(MetadataRules.isSingle("useit.strand"), is(false));
    }

    @Test
    public void aStoredStrandsLabelAndIdNameTheSameNodeAndAProvenanceIsOneOfTwo() {
        assertThat(rules.checkValue("useit.strand", "A::X", "a:x").isPresent(), is(false));
        assertThat(rules.checkValue("useit.strand", "Anything I like::X", "a:x").orElseThrow(),
                   is("'Anything I like::X' is not the label of strand a:x ('A::X')"));
        assertThat(rules.checkValue("useit.strand", "A", "a:x").orElseThrow(),
                   is("'A' is not the label of strand a:x ('A::X')"));
        assertThat(rules.checkValue("useit.strand", "A::X", "b").orElseThrow(),
                   is("'b' is not a strand id of the USE-IT! vocabulary"));
        assertThat(rules.checkValue("useit.strand", "A::X", null).isPresent(), is(false));
        assertThat(rules.checkValue("useit.strand", "a:x", null).orElseThrow(),
                   is("'a:x' is a strand id without its label: store 'A::X' with the id as its authority key"));
        assertThat(rules.checkValue("useit.strand", "gardening", null).orElseThrow(),
                   is("'gardening' is not a strand id of the USE-IT! vocabulary"));
        assertThat(rules.checkValue("useit.provenance", "illustrative").isPresent(), is(false));
        assertThat(rules.checkValue("useit.provenance", "Illustrative").orElseThrow(),
                   is("'Illustrative' is neither 'sourced' nor 'illustrative'"));
        assertThat(check("OrgUnit", fields("dc.title", "T", "useit.provenance", "verified")),
                   containsInAnyOrder("useit.provenance: 'verified' is neither 'sourced' nor 'illustrative'"));
    }

    @Test
    public void isoDatesExistInTheCalendar() {
        assertEach(MetadataRules::isIsoDate, true, "2020", "2020-02-29", "2020-01-01T10:00:00Z");
        assertEach(MetadataRules::isIsoDate, false, "2021-02-29", "2020-13", "24/04/2017");
    }

    @Test
    public void unknownTypesStopTheCheck() {
        assertThat(check("Person", fields()), containsInAnyOrder(
            "type: unknown item type 'Person' (expected one of OrgUnit, Project, CaseStudy, Publication)"));
    }

    @Test
    public void placeholdersAreRefusedAsValues() {
        assertThat(check("OrgUnit", fields("dc.title", "T", "useit.provenance", "illustrative",
                                           "oaire.awardNumber", "UIA-unverified", "dc.publisher", "TBD",
                                           "dc.coverage.spatial", " n/a ")),
                   containsInAnyOrder(
                       "oaire.awardNumber: 'UIA-unverified' is a placeholder, not a value; leave out what is not "
                           + "known (and name the field in useit.unverified)",
                       "dc.publisher: 'TBD' is a placeholder, not a value; leave out what is not known (and name "
                           + "the field in useit.unverified)",
                       "dc.coverage.spatial: ' n/a ' is a placeholder, not a value; leave out what is not known "
                           + "(and name the field in useit.unverified)"));
        // prose that mentions the word is not a placeholder
        assertEach(MetadataRules::isPlaceholder, false, "The authors of this article are unverified.",
                   "Unknown Pleasures", "Lorem Ipsum Dolor: a history of filler text");
    }

    @Test
    public void otherWaysOfSayingNothingAreRefusedToo() {
        assertEach(MetadataRules::isPlaceholder, true, "N.A.", "n.a.", "N / A", "Not known", "not applicable",
                   "Not available", "tba", "t.b.d.", "tbd?", "nil", "\u2026", "...", "\u2014", "(unknown)",
                   "[unknown]", "Untitled", "dummy", "FIXME", "NaN", "undefined", "***", "???",
                   "Lorem ipsum dolor sit amet", "TODO: write the abstract");
        assertEach(MetadataRules::isIsoDate, false, "0000", "0000-01-01");
        assertEach(MetadataRules::isWebUrl, false, "https://example.org/", "http://www.example.com/x",
                   "https://useit.example/");
        assertEach(MetadataRules::isWebUrl, true, "https://www.birmingham.gov.uk/");
    }

    @Test
    public void aPlaceholderOrABlankIsFoundBehindInvisibleCharactersAndOtherSpaces() {
        // a no-break space, a figure space, a zero-width space, full-width letters, a full stop
        assertEach(MetadataRules::isPlaceholder, true, "TBD\u00a0", "\u2007n/a", "T\u200bBD", "\uff34\uff22\uff24",
                   "TBD.", "Unknown!");
        assertEach(MetadataRules::meaningful, "", "\u00a0", "\u200b", "\u202f \u3000");
        assertEach(blank -> rules.checkValue("dc.title", blank).orElseThrow(),
                   "an empty value (only spaces or invisible characters); leave the field out instead",
                   "\u00a0\u200b", "   ", "");
        assertThat(rules.checkValue("dc.title", "Caf\u00e9 culture\u00a0").isPresent(), is(false));
    }

    @Test
    public void aPlaceholderIsFoundInLettersOfOtherScriptsThatLookLatinAndBehindBlankLetters() {
        // Cyrillic Te and o, Greek Nu and Alpha, a Hangul filler, the blank Braille pattern, a variation selector
        assertEach(MetadataRules::isPlaceholder, true, "\u0422BD", "Unkn\u043ewn", "\u039d/\u0391", "TBD\u3164",
                   "\u2800TBC", "T\ufe0fBD");
        assertEach(MetadataRules::meaningful, "", "\u3164", "\u2800\u115f", "\uffa0 \u034f");
        // words of other scripts are values; so are letters with accents
        assertEach(MetadataRules::isPlaceholder, false, "\u041d\u0435\u0442", "\u0422\u0430\u043a", "Tb\u00e9d",
                   "N\u00e5", "\u0394\u03b5\u03bd");
    }

    @Test
    public void theRulesOfARecordAsAWholeAreTheirOwnCheck() {
        Map<String, List<String>> record = fields("dc.title", "T", "useit.provenance", "sourced",
                                                  "dc.publisher", "TBD");
        assertThat(rules.checkRecord("OrgUnit", record).stream().map(v -> v.field() + ": " + v.reason()).toList(),
                   containsInAnyOrder("useit.source: a sourced record needs the URL of its source"));
        assertThat(rules.checkRecord("CaseStudy", fields("useit.provenance", "illustrative",
                                                         "useit.practitioner", "Someone"))
                       .stream().map(Violation::field).toList(),
                   containsInAnyOrder("dc.title", "useit.strand", "useit.objective", "useit.practitioner"));
    }
}
