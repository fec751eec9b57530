/*
 * USE-IT! repository addon for DSpace.
 */
package eu.useit.tests.harvesters;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import eu.useit.dspace.ingest.KeyIndex;
import eu.useit.runtime.OaiImport;
import eu.useit.tests.support.AbstractUseitIT;
import eu.useit.tests.support.OaiHarvest;
import eu.useit.tests.support.OaiSchemas;
import eu.useit.tests.support.Scripts;
import eu.useit.tests.support.TestRepository;
import eu.useit.tests.support.Xml;
import org.dspace.content.factory.ContentServiceFactory;
import org.junit.Before;
import org.junit.Test;
import org.w3c.dom.Document;

/**
 * Every OAI-PMH verb, in both contexts, over real HTTP, answers with a document valid against OAI-PMH.xsd and
 * the oai_dc schema (official schemas, offline); malformed requests get the right OAI error code in a valid
 * HTTP 200 response, never a server error.
 */
public class OaiValidityIT extends AbstractUseitIT {

    /** One validator per payload: DCMI's and OpenAIRE's dc.xsd both claim the dc namespace. */
    private OaiSchemas dcSchemas;
    private OaiSchemas openaireSchemas;
    private OaiSchemas useitSchemas;
    private OaiSchemas dataciteSchemas;
    private String handle;

    @Before
    public void sampleInTheOaiIndex() throws Exception {
        Scripts.run("useit-structure");
        Scripts.run("useit-import", "-f", System.getProperty("useit.sample"), "-e", ADMIN_EMAIL);
        OaiImport.run(context, false);
        dcSchemas = OaiSchemas.forPayloads("oai-pmh/2.0/oai_dc.xsd");
        openaireSchemas = OaiSchemas.forPayloads("openaire/4.0/openaire.xsd");
        useitSchemas = OaiSchemas.forPayloads("classpath:/eu/useit/dspace/oai/useit.xsd");
        dataciteSchemas = OaiSchemas.forPayloads("datacite/kernel-4/metadata.xsd");
        handle = ContentServiceFactory.getInstance().getItemService()
                                      .find(context, KeyIndex.load(context).find("prj-useit").orElseThrow().id())
                                      .getHandle();
    }

    private Document valid(String oaiContext, String query) throws Exception {
        HttpResponse<String> response = new OaiHarvest(TestRepository.serverUrl() + "/oai/" + oaiContext)
            .get(query);
        assertThat(query, response.statusCode(), is(200));
        OaiSchemas schemas = query.contains("metadataPrefix=oai_openaire") ? openaireSchemas
            : query.contains("metadataPrefix=useit") ? useitSchemas
            : query.contains("metadataPrefix=datacite") ? dataciteSchemas : dcSchemas;
        List<String> errors = schemas.errors(response.body());
        assertThat(query + "\n" + response.body(), errors, empty());
        return Xml.parse(response.body());
    }

    private void error(String query, String code) throws Exception {
        Document document = valid("request", query);
        assertThat(query, Xml.string(document, "/oai:OAI-PMH/oai:error/@code"), is(code));
    }

    @Test
    public void everyVerbAnswersSchemaValidXml() throws Exception {
        String id = URLEncoder.encode("oai:useit.example.ac.uk:" + handle, StandardCharsets.UTF_8);
        for (String oaiContext : List.of("request", "useit")) {
            valid(oaiContext, "verb=Identify");
            valid(oaiContext, "verb=ListMetadataFormats");
            valid(oaiContext, "verb=ListMetadataFormats&identifier=" + id);
            valid(oaiContext, "verb=ListSets");
            valid(oaiContext, "verb=ListIdentifiers&metadataPrefix=oai_dc");
            Document records = valid(oaiContext, "verb=ListRecords&metadataPrefix=oai_dc");
            assertThat(Xml.nodes(records, "//oai:record").isEmpty(), is(false));
            valid(oaiContext, "verb=GetRecord&metadataPrefix=oai_dc&identifier=" + id);
            Document openaire = valid(oaiContext, "verb=ListRecords&metadataPrefix=oai_openaire");
            assertThat(Xml.nodes(openaire, "//oai:record/oai:metadata/*").isEmpty(), is(false));
            valid(oaiContext, "verb=GetRecord&metadataPrefix=oai_openaire&identifier=" + id);
            Document datacite = valid(oaiContext, "verb=ListRecords&metadataPrefix=datacite");
            assertThat(Xml.nodes(datacite, "//oai:record/oai:metadata/*").isEmpty(), is(false));
        }
    }

    @Test
    public void theNativeFormatCarriesTheWholeCaseStudyModel() throws Exception {
        Document records = valid("useit", "verb=ListRecords&metadataPrefix=useit");
        String caseStudy = "//*[local-name()='record'][@key='cs-recruiting-community-researchers']";
        assertThat(Xml.string(records, caseStudy + "/@type"), is("CaseStudy"));
        assertThat(Xml.string(records, caseStudy + "/*[local-name()='strand']/@id"),
                   is("community-research:recruitment"));
        assertThat(Xml.string(records, caseStudy + "/*[local-name()='provenance']"), is("sourced"));
        assertThat(Xml.string(records, caseStudy + "/*[local-name()='practitioner']"), is("Dr Peter Lee"));
        assertThat(Xml.string(records, caseStudy + "/*[local-name()='objective']").isBlank(), is(false));
        assertThat(Xml.string(records, caseStudy + "/*[local-name()='funding']/*[local-name()='funderIdentifier']"),
                   is("https://doi.org/10.13039/501100008530"));
        error("verb=ListRecords&metadataPrefix=useit", "cannotDisseminateFormat");
    }

    @Test
    public void openaireRecordsCarryTypeAccessAndTheErdfFunding() throws Exception {
        String journal = ContentServiceFactory.getInstance().getItemService()
            .find(context, KeyIndex.load(context).find("lib-project-journal-2").orElseThrow().id()).getHandle();
        Document record = valid("useit", "verb=GetRecord&metadataPrefix=oai_openaire&identifier="
            + URLEncoder.encode("oai:useit.example.ac.uk:" + journal, StandardCharsets.UTF_8));
        String resource = "//*[local-name()='resource']";
        assertThat(Xml.string(record, resource + "/*[local-name()='resourceType']/@uri"),
                   is("http://purl.org/coar/resource_type/c_93fc"));
        assertThat(Xml.string(record, resource + "/*[local-name()='rights']/@rightsURI"),
                   is("http://purl.org/coar/access_right/c_14cb"));
        String funding = resource + "/*[local-name()='fundingReferences']/*[local-name()='fundingReference']";
        assertThat(Xml.string(record, funding + "/*[local-name()='funderName']"),
                   is("European Regional Development Fund"));
        assertThat(Xml.string(record, funding + "/*[local-name()='funderIdentifier']").strip(),
                   is("https://doi.org/10.13039/501100008530"));
        assertThat(Xml.string(record, funding + "/*[local-name()='funderIdentifier']/@funderIdentifierType"),
                   is("Crossref Funder ID"));
    }

    @Test
    public void malformedRequestsGetTheirOaiErrorCode() throws Exception {
        error("verb=Dance", "badVerb");
        error("", "badVerb");
        error("verb=ListRecords", "badArgument");
        error("verb=ListRecords&metadataPrefix=oai_dc&colour=red", "badArgument");
        error("verb=ListRecords&metadataPrefix=oai_dc&from=2020-01-01&until=2019-01-01", "badArgument");
        error("verb=ListRecords&metadataPrefix=marc21", "cannotDisseminateFormat");
        error("verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:useit.example.ac.uk:0/0", "idDoesNotExist");
        error("verb=ListRecords&metadataPrefix=oai_dc&from=1990-01-01&until=1990-01-02", "noRecordsMatch");
        error("verb=ListRecords&resumptionToken=forged", "badResumptionToken");
        error("verb=ListRecords&resumptionToken=MToxMDA%3D", "badResumptionToken");
        error("verb=Identify&verb=Identify", "badVerb");
        error("verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc", "badArgument");
        error("verb=ListRecords&metadataPrefix=oai_dc&from=2017-04-24T00:00:00Z&until=2027-01-01", "badArgument");
        error("verb=ListRecords&metadataPrefix=oai_dc&from=" + "9".repeat(5000), "badArgument");
        error("verb=GetRecord&metadataPrefix=oai_dc&identifier=%ff%fe", "badArgument");
        error("verb=ListRecords&metadataPrefix=oai_dc&from=24-04-2017", "badArgument");
        error("verb=ListRecords&metadataPrefix=oai_dc&from=2017-13-45", "badArgument");
        error("verb=ListRecords&metadataPrefix=oai_dc&until=2017-01-01T10:00:00", "badArgument");
        error("verb=ListRecords&resumptionToken=abc&metadataPrefix=oai_dc", "badArgument");
        error("verb=Identify&identifier=x", "badArgument");
        error("verb=ListRecords&metadataPrefix=oai_dc&set=strand:nowhere", "noRecordsMatch");
    }
}
