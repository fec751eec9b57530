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

    /** Each request is refused with the error code. */
    private static void assertCode(String expected, String... queries) {
        for (String query : queries) {
            assertThat(query, code(query), is(expected));
        }
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
        assertCode("badVerb",
                   "",
                   "verb=Dance",
                   "verb=Identify&verb=Identify",
                   "metadataPrefix=oai_dc",
                   "verb=%FF",
                   "verb=Identify%4");
    }

    @Test
    public void argumentErrorsAreBadArgument() {
        assertCode("badArgument",
                   "verb=ListRecords",
                   "verb=GetRecord&metadataPrefix=oai_dc",
                   "verb=Identify&set=a",
                   "verb=ListRecords&metadataPrefix=oai_dc&colour=red",
                   "verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc",
                   "verb=ListRecords&metadataPrefix=",
                   "verb=ListRecords&resumptionToken=abc&metadataPrefix=oai_dc",
                   "verb=ListRecords&metadataPrefix=oai_dc&set=" + "a".repeat(5000));
    }

    @Test
    public void malformedDatesAreBadArgument() {
        String list = "verb=ListRecords&metadataPrefix=oai_dc&";
        assertCode("badArgument",
                   list + "from=24-04-2017",
                   list + "from=2017-13-45",
                   list + "from=2017-02-30",
                   list + "until=2017-01-01T25:00:00Z",
                   list + "until=2017-01-01T10:00:00",
                   list + "from=2017-01-01&until=2018-01-01T00:00:00Z",
                   list + "from=2018-01-01&until=2017-01-01");
    }

    @Test
    public void encodingErrorsAreBadArgument() {
        assertCode("badArgument",
                   "verb=GetRecord&metadataPrefix=oai_dc&identifier=%ff%fe",
                   "verb=GetRecord&metadataPrefix=oai_dc&identifier=%f",
                   "verb=GetRecord&metadataPrefix=oai_dc&identifier=%zz",
                   "verb=GetRecord&metadataPrefix=oai_dc&identifier=\u00e9");
    }

    @Test
    public void aTokenTooLongToBeOursIsABadResumptionToken() {
        assertThat(code("verb=ListRecords&resumptionToken=" + "A".repeat(OaiRequest.MAX_VALUE_LENGTH + 1)),
                   is("badResumptionToken"));
        assertCode("badArgument", "verb=ListRecords&set=" + "a".repeat(OaiRequest.MAX_VALUE_LENGTH + 1));
    }

    @Test
    public void decodesUtf8() throws OaiError {
        assertThat(OaiRequest.parse("verb=GetRecord&metadataPrefix=oai_dc&identifier=oai%3Aa.b%3Acaf%C3%A9")
                             .get("identifier"), is("oai:a.b:caf\u00e9"));
    }

    @Test
    public void whatXmlCannotCarryIsRefusedNotEchoed() {
        assertCode("badArgument",
                   "verb=ListRecords&metadataPrefix=oai_dc%00",
                   "verb=ListRecords&metadataPrefix=oai_dc&set=strand%01");
        assertCode("badVerb", "verb=Identify%00");
        assertCode("badArgument",
                   "verb=ListRecords&metadataPrefix=oai_dc&set=%EF%BF%BE",
                   "verb=ListRecords&metadataPrefix=oai_dc&set=%EF%B7%90",
                   "verb=ListRecords&metadataPrefix=oai_dc&%00=1");
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
        assertCode("badArgument",
                   "verb=ListRecords&metadataPrefix=oai%20dc",
                   "verb=GetRecord&metadataPrefix=oai_dc&identifier=not+a+uri",
                   "verb=GetRecord&metadataPrefix=oai_dc&identifier=noscheme");
        assertCode("badResumptionToken", "verb=ListRecords&resumptionToken=a%20b");
    }
}
