/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.oaicheck;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import eu.useit.xml.SafeXml;
import org.junit.Test;
import org.w3c.dom.Element;

public class AggregatorRulesTest {

    private static final MetadataFormat OPENAIRE = new MetadataFormat(
        "oai_openaire", "https://www.openaire.eu/schema/repo-lit/4.0/openaire.xsd", OaiXml.OAIRE);
    private static final MetadataFormat RIOXX = new MetadataFormat(
        "rioxx", "http://www.rioxx.net/schema/v3.0/rioxx/rioxx.xsd", OaiXml.RIOXX);
    private static final String OAIRE_START = "<oaire:resource xmlns:oaire='" + OaiXml.OAIRE + "' xmlns:datacite='"
        + OaiXml.DATACITE + "'>";
    private static final String TITLE_AND_DATE = "<datacite:titles><datacite:title>T</datacite:title>"
        + "</datacite:titles><datacite:dates><datacite:date dateType='Issued'>2020</datacite:date></datacite:dates>";

    @Test
    public void completeOpenAireRecordPasses() throws Exception {
        assertThat(AggregatorRules.check(OPENAIRE, xml(OAIRE_START + TITLE_AND_DATE
            + "<oaire:resourceType uri='http://purl.org/coar/resource_type/c_18cf'>text</oaire:resourceType>"
            + "<datacite:identifier identifierType='HANDLE'>http://hdl.handle.net/1/2</datacite:identifier>"
            + "<datacite:rights rightsURI='http://purl.org/coar/access_right/c_abf2'>open access</datacite:rights>"
            + "</oaire:resource>")), is(empty()));
    }

    @Test
    public void openAireRecordNeedsCoarTypeIdentifierAndCoarRights() throws Exception {
        assertThat(AggregatorRules.check(OPENAIRE, xml(OAIRE_START + TITLE_AND_DATE
            + "<oaire:resourceType uri='http://example.org/types/report'>report</oaire:resourceType>"
            + "<datacite:rights>open</datacite:rights></oaire:resource>")), contains(
            "no COAR resource type (oaire:resourceType with a uri under http://purl.org/coar/resource_type/)",
            "no identifier (datacite:identifier)",
            "no COAR access rights (datacite:rights with a rightsURI under http://purl.org/coar/access_right/)"));
    }

    @Test
    public void rioxxRecordNeedsExactlyOneIdentifierTitleAndDateAccepted() throws Exception {
        assertThat(AggregatorRules.check(RIOXX, xml("<rioxx xmlns='" + OaiXml.RIOXX + "' xmlns:dc='" + OaiXml.DC
            + "' xmlns:dcterms='" + OaiXml.DCTERMS + "'><dc:identifier>https://a</dc:identifier>"
            + "<dc:identifier>https://b</dc:identifier><dc:title>T</dc:title></rioxx>")), contains(
            "2 dc:identifier elements; RIOXX requires exactly one (the landing page)",
            "0 dcterms:dateAccepted elements; RIOXX requires exactly one"));
    }

    @Test
    public void otherFormatsHaveNoAggregatorRule() throws Exception {
        MetadataFormat dc = new MetadataFormat("oai_dc", "http://www.openarchives.org/OAI/2.0/oai_dc.xsd",
                                               "http://www.openarchives.org/OAI/2.0/oai_dc/");
        assertThat(AggregatorRules.check(dc, xml("<dc xmlns='http://www.openarchives.org/OAI/2.0/oai_dc/'/>")),
                   is(empty()));
    }

    static Element xml(String text) throws Exception {
        return SafeXml.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
    }
}
