/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.Assert.assertThrows;

import eu.useit.dspace.support.Characters;
import org.junit.Test;

public class OaiRequestTest {

    private static String code(String query) {
        return assertThrows(query, OaiError.class, () -> OaiRequest.parse(query)).code();
    }

    @Test
    public void acceptsWellFormedRequests() throws OaiError {
        OaiRequest request = OaiRequest.parse("verb=ListRecords&metadataPrefix=oai_dc&set=strand%3Aa&from=2020-01-01");
        assertThat(request.verb(), is("ListRecords"));
        assertThat(request.get("set"), is("strand:a"));
        assertThat(OaiRequest.parse("verb=Identify").arguments().isEmpty(), is(true));
        assertThat(OaiRequest.parse("verb=ListSets&resumptionToken=abc").get("resumptionToken"), is("abc"));
    }

    @Test
    public void daysBecomeWholeDaysAtSecondGranularity() throws OaiError {
        OaiRequest request = OaiRequest.parse("verb=ListIdentifiers&metadataPrefix=oai_dc&from=2024-02-29"
                                                  + "&until=2024-02-29");
        assertThat(request.get("from"), is("2024-02-29T00:00:00Z"));
        assertThat(request.get("until"), is("2024-02-29T23:59:59Z"));
        assertThat(request.given("from"), is("2024-02-29"));
        assertThat(request.given("until"), is("2024-02-29"));
        assertThat(OaiRequest.parse("verb=ListRecords&metadataPrefix=x&until=2020-01-01T10:00:00Z").get("until"),
                   is("2020-01-01T10:00:00Z"));
    }

    @Test
    public void verbErrorsAreBadVerb() {
        assertThat(code(""), is("badVerb"));
        assertThat(code("verb=Dance"), is("badVerb"));
        assertThat(code("verb=Identify&verb=Identify"), is("badVerb"));
        assertThat(code("metadataPrefix=oai_dc"), is("badVerb"));
        assertThat(code("verb=%FF"), is("badVerb"));
        assertThat(code("verb=Identify%4"), is("badVerb"));
    }

    @Test
    public void argumentErrorsAreBadArgument() {
        assertThat(code("verb=ListRecords"), is("badArgument"));
        assertThat(code("verb=GetRecord&metadataPrefix=oai_dc"), is("badArgument"));
        assertThat(code("verb=Identify&set=a"), is("badArgument"));
        assertThat(code("verb=ListRecords&metadataPrefix=oai_dc&colour=red"), is("badArgument"));
        assertThat(code("verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc"), is("badArgument"));
        assertThat(code("verb=ListRecords&metadataPrefix="), is("badArgument"));
        assertThat(code("verb=ListRecords&resumptionToken=abc&metadataPrefix=oai_dc"), is("badArgument"));
        assertThat(code("verb=ListRecords&metadataPrefix=oai_dc&set=" + "a".repeat(5000)), is("badArgument"));
    }

    @Test
    public void malformedDatesAreBadArgument() {
        String list = "verb=ListRecords&metadataPrefix=oai_dc&";
        assertThat(code(list + "from=24-04-2017"), is("badArgument"));
        assertThat(code(list + "from=2017-13-45"), is("badArgument"));
        assertThat(code(list + "from=2017-02-30"), is("badArgument"));
        assertThat(code(list + "until=2017-01-01T25:00:00Z"), is("badArgument"));
        assertThat(code(list + "until=2017-01-01T10:00:00"), is("badArgument"));
        assertThat(code(list + "from=2017-01-01&until=2018-01-01T00:00:00Z"), is("badArgument"));
        assertThat(code(list + "from=2018-01-01&until=2017-01-01"), is("badArgument"));
    }

    @Test
    public void encodingErrorsAreBadArgument() {
        assertThat(code("verb=GetRecord&metadataPrefix=oai_dc&identifier=%ff%fe"), is("badArgument"));
        assertThat(code("verb=GetRecord&metadataPrefix=oai_dc&identifier=%f"), is("badArgument"));
        assertThat(code("verb=GetRecord&metadataPrefix=oai_dc&identifier=%zz"), is("badArgument"));
        assertThat(code("verb=GetRecord&metadataPrefix=oai_dc&identifier=\u00e9"), is("badArgument"));
    }

    @Test
    public void aTokenTooLongToBeOursIsABadResumptionToken() {
        assertThat(code("verb=ListRecords&resumptionToken=" + "A".repeat(OaiRequest.MAX_VALUE_LENGTH + 1)),
                   is("badResumptionToken"));
        assertThat(code("verb=ListRecords&set=" + "a".repeat(OaiRequest.MAX_VALUE_LENGTH + 1)), is("badArgument"));
    }

    @Test
    public void decodesUtf8() throws OaiError {
        assertThat(OaiRequest.parse("verb=GetRecord&metadataPrefix=oai_dc&identifier=oai%3Aa.b%3Acaf%C3%A9")
                             .get("identifier"), is("oai:a.b:caf\u00e9"));
    }

    @Test
    public void whatXmlCannotCarryIsRefusedNotEchoed() {
        assertThat(code("verb=ListRecords&metadataPrefix=oai_dc%00"), is("badArgument"));
        assertThat(code("verb=ListRecords&metadataPrefix=oai_dc&set=strand%01"), is("badArgument"));
        assertThat(code("verb=Identify%00"), is("badVerb"));
        assertThat(code("verb=ListRecords&metadataPrefix=oai_dc&set=%EF%BF%BE"), is("badArgument"));
        assertThat(code("verb=ListRecords&metadataPrefix=oai_dc&set=%EF%B7%90"), is("badArgument"));
        assertThat(code("verb=ListRecords&metadataPrefix=oai_dc&%00=1"), is("badArgument"));
        OaiError error = assertThrows(OaiError.class, () -> OaiRequest.parse("verb=Identify&x%07y=1"));
        assertThat(Characters.problem(error.getMessage()), is((String) null));
    }

    @Test
    public void echoedValuesMustBeWhatTheSchemaAllows() {
        String list = "verb=ListRecords&metadataPrefix=oai_dc&set=";
        for (String set : new String[] {"a+OR+b", "%7B%21lucene%7Dx", "strand%3A%22", "strand%3A", "%3Astrand",
                                        "strand%3A%3Aa", "a%20b"}) {
            assertThat(set, code(list + set), is("badArgument"));
        }
        assertThat(code("verb=ListRecords&metadataPrefix=oai%20dc"), is("badArgument"));
        assertThat(code("verb=GetRecord&metadataPrefix=oai_dc&identifier=not+a+uri"), is("badArgument"));
        assertThat(code("verb=GetRecord&metadataPrefix=oai_dc&identifier=noscheme"), is("badArgument"));
        assertThat(code("verb=ListRecords&resumptionToken=a%20b"), is("badResumptionToken"));
    }
}
