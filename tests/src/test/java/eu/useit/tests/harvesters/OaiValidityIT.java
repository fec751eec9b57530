/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.tests.harvesters;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import eu.useit.dspace.ingest.KeyIndex;
import eu.useit.runtime.OaiImport;
import eu.useit.tests.support.AbstractUseitIT;
import eu.useit.tests.support.OaiHarvest;
import eu.useit.tests.support.OaiSchemas;
import eu.useit.tests.support.RestClient;
import eu.useit.tests.support.Scripts;
import eu.useit.tests.support.TestRepository;
import eu.useit.tests.support.Xml;
import org.dspace.builder.BitstreamBuilder;
import org.dspace.builder.CollectionBuilder;
import org.dspace.builder.CommunityBuilder;
import org.dspace.builder.ItemBuilder;
import org.dspace.content.Bitstream;
import org.dspace.content.Collection;
import org.dspace.content.Item;
import org.dspace.content.factory.ContentServiceFactory;
import org.dspace.services.factory.DSpaceServicesFactory;
import org.junit.Before;
import org.junit.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/**
 * Every OAI-PMH verb, in both contexts, over real HTTP, answers with a document valid against OAI-PMH.xsd and
 * the schema of its payload (official schemas, offline; RIOXX's is XSD 1.1); malformed requests get the right OAI
 * error code in a valid HTTP 200 response, never a server error.
 */
public class OaiValidityIT extends AbstractUseitIT {

    /** One validator per payload: DCMI's and OpenAIRE's dc.xsd both claim the dc namespace. */
    private OaiSchemas dcSchemas;
    private OaiSchemas openaireSchemas;
    private OaiSchemas useitSchemas;
    private OaiSchemas dataciteSchemas;
    private OaiSchemas qdcSchemas;
    private OaiSchemas rioxxSchemas;
    private String handle;
    private String caseStudyId;

    @Before
    public void sampleInTheOaiIndex() throws Exception {
        Scripts.run("useit-structure");
        Scripts.run("useit-import", "-f", System.getProperty("useit.sample"), "-e", ADMIN_EMAIL);
        OaiImport.run(false);
        dcSchemas = OaiSchemas.forPayloads("oai-pmh/2.0/oai_dc.xsd");
        openaireSchemas = OaiSchemas.forPayloads("openaire/4.0/openaire.xsd");
        useitSchemas = OaiSchemas.forPayloads("classpath:/eu/useit/oaicheck/useit.xsd");
        dataciteSchemas = OaiSchemas.forPayloads("datacite/kernel-4/metadata.xsd");
        qdcSchemas = OaiSchemas.forPayloads("classpath:/eu/useit/oaicheck/qdc.xsd");
        rioxxSchemas = OaiSchemas.forXsd11Payloads("rioxx/v3.0/rioxx/rioxx.xsd");
        handle = handleOf("prj-useit");
        caseStudyId = oaiId(handleOf("cs-recruiting-community-researchers"));
    }

    private String handleOf(String key) throws Exception {
        return ContentServiceFactory.getInstance().getItemService()
                                    .find(context, KeyIndex.load(context).find(key).orElseThrow().id()).getHandle();
    }

    /** A collection of Library outputs in a new community (authorisation off, as the builders need). */
    private Collection outputsIn(String community) throws Exception {
        return CollectionBuilder.createCollection(context, CommunityBuilder.createCommunity(context)
                                                                           .withName(community).build())
                                .withEntityType("Publication").build();
    }

    private static String oaiId(String handle) {
        return URLEncoder.encode("oai:useit.example.ac.uk:" + handle, StandardCharsets.UTF_8);
    }

    /** The landing page a record names: the handle URL under DSpace's user interface address. */
    private static String landingPage(String handle) {
        return DSpaceServicesFactory.getInstance().getConfigurationService().getProperty("dspace.ui.url")
            + "/handle/" + handle;
    }

    private Document valid(String oaiContext, String query) throws Exception {
        HttpResponse<String> response = new OaiHarvest(TestRepository.serverUrl() + "/oai/" + oaiContext)
            .get(query);
        assertThat(query, response.statusCode(), is(200));
        OaiSchemas schemas = query.contains("metadataPrefix=oai_openaire") ? openaireSchemas
            : query.contains("metadataPrefix=useit") ? useitSchemas
            : query.contains("metadataPrefix=datacite") ? dataciteSchemas
            : query.contains("metadataPrefix=qdc") ? qdcSchemas
            : query.contains("metadataPrefix=rioxx") ? rioxxSchemas : dcSchemas;
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
        String id = oaiId(handle);
        for (String oaiContext : List.of("request", "useit")) {
            valid(oaiContext, "verb=Identify");
            valid(oaiContext, "verb=ListMetadataFormats");
            valid(oaiContext, "verb=ListMetadataFormats&identifier=" + id);
            valid(oaiContext, "verb=ListSets");
            valid(oaiContext, "verb=ListIdentifiers&metadataPrefix=oai_dc");
            listAndRecordAreValid(oaiContext, "oai_dc", "//oai:record/oai:metadata/oai_dc:dc", id);
            listAndRecordAreValid(oaiContext, "qdc", "//oai:record/oai:metadata/qdc:qualifieddc", id);
            // OpenAIRE, DataCite and RIOXX serve research outputs: the case study is one, the project none
            listAndRecordAreValid(oaiContext, "oai_openaire", "//oai:record/oai:metadata/*", caseStudyId);
            listAndRecordAreValid(oaiContext, "datacite", "//oai:record/oai:metadata/*", caseStudyId);
            listAndRecordAreValid(oaiContext, "rioxx", "//oai:record/oai:metadata/rioxx:rioxx", caseStudyId);
            for (String format : List.of("oai_openaire", "datacite", "rioxx")) {
                assertThat(format + " of a project", Xml.string(valid(oaiContext, "verb=GetRecord&metadataPrefix="
                    + format + "&identifier=" + id), "/oai:OAI-PMH/oai:error/@code"), is("cannotDisseminateFormat"));
                assertThat(format + " of partner organisations", Xml.string(valid(oaiContext,
                    "verb=ListIdentifiers&metadataPrefix=" + format + "&set=type:partner"),
                    "/oai:OAI-PMH/oai:error/@code"), is("noRecordsMatch"));
            }
        }
    }

    /** Lists the format's records and gets one, both schema-valid; the list has records with the given root. */
    private void listAndRecordAreValid(String oaiContext, String prefix, String recordRoot, String id)
        throws Exception {
        Document list = valid(oaiContext, "verb=ListRecords&metadataPrefix=" + prefix);
        assertThat(prefix, Xml.nodes(list, recordRoot).isEmpty(), is(false));
        valid(oaiContext, "verb=GetRecord&metadataPrefix=" + prefix + "&identifier=" + id);
    }

    @Test
    public void rioxxRecordsHaveEachMandatoryPropertyOnce() throws Exception {
        String rioxx = "//oai:metadata/rioxx:rioxx";
        for (String oaiContext : List.of("request", "useit")) {
            Document record = valid(oaiContext, "verb=GetRecord&metadataPrefix=rioxx&identifier=" + caseStudyId);
            assertThat(Xml.string(record, rioxx + "/dc:title"),
                       is("Communicating about and recruiting community researchers"));
            assertThat(Xml.strings(record, rioxx + "/dc:identifier"),
                       is(List.of(landingPage(handleOf("cs-recruiting-community-researchers")))));
            assertThat(Xml.string(record, rioxx + "/dc:language"), is("en"));
            assertThat(Xml.string(record, rioxx + "/dc:type"), is("http://purl.org/coar/resource_type/c_18cf"));
            // no issue date: the deposit date stands in
            assertThat(Xml.string(record, rioxx + "/dcterms:dateAccepted").matches("\\d{4}-\\d{2}-\\d{2}"),
                       is(true));
            // no author, no publisher: the repository is named, never a person
            assertThat(Xml.string(record, rioxx + "/rioxxterms:creator/rioxxterms:name"),
                       is("USE-IT! Repository"));
            assertThat(Xml.string(record, rioxx + "/rioxxterms:project"), endsWith(
                "/items/" + KeyIndex.load(context).find("prj-useit").orElseThrow().id()));
            assertThat(Xml.string(record, rioxx + "/rioxxterms:grant/@funder_id"),
                       is("https://doi.org/10.13039/501100008530"));
        }

        Document journal = valid("useit", "verb=GetRecord&metadataPrefix=rioxx&identifier="
            + oaiId(handleOf("lib-project-journal-2")));
        assertThat(Xml.string(journal, rioxx + "/rioxxterms:creator[@first-named-author='true']/rioxxterms:name"),
                   is("Nils Scheffler"));
        assertThat(Xml.string(journal, rioxx + "/dcterms:dateAccepted"), is("2018-03-16"));
        assertThat(Xml.string(journal, rioxx + "/rioxxterms:publication_date"), is("2018-03-16"));
        assertThat(Xml.string(journal, rioxx + "/dc:type"), is("http://purl.org/coar/resource_type/c_93fc"));

        // partners and projects are not research outputs
        error("verb=GetRecord&metadataPrefix=rioxx&identifier=" + oaiId(handleOf("org-kpmg")),
              "cannotDisseminateFormat");
        error("verb=GetRecord&metadataPrefix=rioxx&identifier=" + oaiId(handle), "cannotDisseminateFormat");
    }

    @Test
    public void qdcRecordsRefineDublinCore() throws Exception {
        String csHandle = handleOf("cs-recruiting-community-researchers");
        Document record = valid("useit", "verb=GetRecord&metadataPrefix=qdc&identifier=" + caseStudyId);
        String qdc = "//oai:metadata/qdc:qualifieddc";
        assertThat(Xml.string(record, qdc + "/*[1]"), is("Communicating about and recruiting community researchers"));
        assertThat(Xml.string(record, qdc + "/*[2][self::dc:identifier]"), is(landingPage(csHandle)));
        assertThat(Xml.nodes(record, qdc + "/dc:identifier[. = '" + landingPage(csHandle) + "']").size(), is(1));
        assertThat(Xml.strings(record, qdc + "/dcterms:spatial"), hasItem("West Birmingham and Smethwick"));
        assertThat(Xml.strings(record, qdc + "/dc:subject"), hasItem("recruitment"));
        assertThat(Xml.strings(record, qdc + "/dc:relation"),
                   hasItem(endsWith("/items/" + KeyIndex.load(context).find("prj-useit").orElseThrow().id())));
        assertThat(Xml.string(record, qdc + "/dcterms:accessRights"), is("http://purl.org/coar/access_right/c_14cb"));

        Document journal = valid("request", "verb=GetRecord&metadataPrefix=qdc&identifier="
            + oaiId(handleOf("lib-project-journal-2")));
        assertThat(Xml.string(journal, qdc + "/dcterms:issued"), is("2018-03-16"));
        assertThat(Xml.string(journal, qdc + "/dc:creator"), is("Nils Scheffler"));
        assertThat(Xml.strings(journal, qdc + "/dc:type"), hasItem("http://purl.org/coar/resource_type/c_93fc"));
    }

    @Test
    public void theNativeFormatCarriesTheWholeCaseStudyModel() throws Exception {
        Document records = valid("useit", "verb=ListRecords&metadataPrefix=useit");
        String caseStudy = "//*[local-name()='record'][@key='cs-recruiting-community-researchers']";
        assertThat(Xml.string(records, caseStudy + "/@type"), is("CaseStudy"));
        assertThat(Xml.string(records, caseStudy + "/*[local-name()='strand']/@id"),
                   is("community-research:recruitment"));
        // a case study of four sub-themes: four strand elements, each label with its own vocabulary id
        String strands = "//*[local-name()='record'][@key='cs-health-overseas-professionals']/*[local-name()='strand']";
        assertThat(Xml.strings(records, strands + "/@id"),
                   contains("skills-matching:overseas-health-professionals", "skills-matching:language-licensing",
                            "skills-matching:placements", "skills-matching:anchor-recruitment"));
        assertThat(Xml.string(records, strands + "[@id='skills-matching:placements']"),
                   is("Skills Matching::Placements"));
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
        // a link back to the landing page, which harvesters show as the place to read the output
        assertThat(Xml.string(record, resource + "/*[local-name()='identifier']"), is(landingPage(journal)));
        assertThat(Xml.string(record, resource + "/*[local-name()='identifier']/@identifierType"), is("URL"));
        // DataCite's identifier too (not a bare handle of a prefix no handle server resolves)
        Document datacite = valid("useit", "verb=GetRecord&metadataPrefix=datacite&identifier="
            + URLEncoder.encode("oai:useit.example.ac.uk:" + journal, StandardCharsets.UTF_8));
        assertThat(Xml.string(datacite, resource + "/*[local-name()='identifier']"), is(landingPage(journal)));
        assertThat(Xml.string(datacite, resource + "/*[local-name()='identifier']/@identifierType"), is("URL"));
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

    /**
     * Outputs keep the data honest: an illustrative record says so in every format with a description (the note is
     * added to a record that does not already begin its description with it), a sourced one does not, and no
     * placeholder goes out as a value (the sample knows no award number: none is sent).
     */
    @Test
    public void illustrativeRecordsSayWhatTheyAreAndNoPlaceholderGoesOut() throws Exception {
        context.turnOffAuthorisationSystem();
        Collection outputs = outputsIn("Illustrations (illustrative)");
        Item invented = ItemBuilder.createItem(context, outputs).withTitle("A worked example (illustrative)")
                                   .withMetadata("dc", "description", "abstract", "How a worked example reads.")
                                   .withMetadata("useit", "provenance", null, "illustrative").build();
        context.restoreAuthSystemState();
        context.commit();
        OaiImport.run(false);
        OaiHarvest oai = new OaiHarvest(TestRepository.serverUrl() + "/oai/request");
        // rioxx has room for one description: the note comes first, the abstract after it
        Document rioxx = valid("request", "verb=GetRecord&metadataPrefix=rioxx&identifier="
            + oaiId(invented.getHandle()));
        assertThat(Xml.strings(rioxx, "//oai:metadata/rioxx:rioxx/dc:description"),
                   contains(allOf(startsWith("Illustrative record: written to illustrate"),
                                  endsWith(" How a worked example reads."))));
        for (String format : List.of("oai_dc", "qdc", "oai_openaire", "datacite", "rioxx")) {
            assertThat(format, oai.get("verb=GetRecord&metadataPrefix=" + format + "&identifier="
                + oaiId(invented.getHandle())).body(), containsString("Illustrative record: written to illustrate"));
            assertThat(format, oai.get("verb=GetRecord&metadataPrefix=" + format + "&identifier=" + caseStudyId)
                                  .body(), not(containsString("Illustrative record")));
        }
        List<Node> records = oai.list("ListRecords", "metadataPrefix=oai_openaire");
        assertThat(records.isEmpty(), is(false));
        for (Node record : records) {
            assertThat(Xml.nodes(record, ".//*[local-name()='awardNumber']"), empty());
        }
    }

    @Test
    public void anOutputWithOnlyATitleAndAFileStaysValid() throws Exception {
        context.turnOffAuthorisationSystem();
        Collection outputs = outputsIn("Another repository area");
        Item sparse = ItemBuilder.createItem(context, outputs).withTitle("An output with a file and nothing else")
                                 .build();
        Bitstream file = BitstreamBuilder.createBitstream(context, sparse,
            new ByteArrayInputStream("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII)))
                                         .withName("output.pdf").withMimeType("application/pdf").build();
        context.restoreAuthSystemState();
        context.commit();
        OaiImport.run(false);
        String download = "/bitstreams/" + file.getID() + "/download";

        Document rioxx = valid("request", "verb=GetRecord&metadataPrefix=rioxx&identifier="
            + oaiId(sparse.getHandle()));
        // no USE-IT! record: the useit context has none by its identifier, whatever the verb
        for (String verb : List.of("GetRecord&metadataPrefix=oai_dc", "ListMetadataFormats")) {
            assertThat(verb, Xml.string(valid("useit", "verb=" + verb + "&identifier=" + oaiId(sparse.getHandle())),
                                        "/oai:OAI-PMH/oai:error/@code"), is("idDoesNotExist"));
        }
        String record = "//oai:metadata/rioxx:rioxx";
        assertThat(Xml.string(rioxx, record + "/dc:language"), is("und"));
        assertThat(Xml.string(rioxx, record + "/dc:type"), is("http://purl.org/coar/resource_type/c_1843"));
        assertThat(Xml.string(rioxx, record + "/rioxxterms:project"), is("unknown"));
        assertThat(Xml.string(rioxx, record + "/rioxxterms:creator/rioxxterms:name"), is("USE-IT! Repository"));
        assertThat(Xml.string(rioxx, record + "/dc:relation"), endsWith(download));

        Document qdc = valid("request", "verb=GetRecord&metadataPrefix=qdc&identifier=" + oaiId(sparse.getHandle()));
        String qualified = "//oai:metadata/qdc:qualifieddc";
        assertThat(Xml.strings(qdc, qualified + "/dc:identifier"),
                   is(List.of(landingPage(sparse.getHandle()), Xml.string(rioxx, record + "/dc:relation"))));
        assertThat(Xml.string(qdc, qualified + "/dcterms:accessRights"),
                   is("http://purl.org/coar/access_right/c_abf2"));

        // OpenAIRE's file location, mandatory where there is a file anybody may download
        Document openaire = valid("request", "verb=GetRecord&metadataPrefix=oai_openaire&identifier="
            + oaiId(sparse.getHandle()));
        assertThat(Xml.string(openaire, "//*[local-name()='file']"), endsWith(download));
        assertThat(Xml.string(openaire, "//*[local-name()='file']/@mimeType"), is("application/pdf"));
        assertThat(Xml.string(openaire, "//*[local-name()='file']/@objectType"), is("fulltext"));
    }

    /**
     * A format whose schema wants a title is not offered for an item without one: no placeholder ("Untitled")
     * stands in for it. Such an item is served in oai_dc, in both contexts, and left out of the other formats' lists.
     */
    @Test
    public void anItemWithoutATitleIsServedOnlyInAFormatThatNeedsNone() throws Exception {
        context.turnOffAuthorisationSystem();
        Collection outputs = outputsIn("Outputs without titles (illustrative)");
        Item untitled = ItemBuilder.createItem(context, outputs)
                                   .withMetadata("dc", "description", "abstract", "Deposited without a title.")
                                   .withMetadata("useit", "provenance", null, "illustrative").build();
        context.restoreAuthSystemState();
        context.commit();
        OaiImport.run(false);
        String id = oaiId(untitled.getHandle());
        for (String oaiContext : List.of("request", "useit")) {
            Document dc = valid(oaiContext, "verb=GetRecord&metadataPrefix=oai_dc&identifier=" + id);
            assertThat(oaiContext, Xml.strings(dc, "//oai:metadata//dc:description"),
                       hasItem("Deposited without a title."));
            assertThat(oaiContext, Xml.nodes(dc, "//oai:metadata//dc:title"), empty());
            assertThat(oaiContext, Xml.strings(valid(oaiContext, "verb=ListMetadataFormats&identifier=" + id),
                                               "//oai:metadataPrefix"), is(List.of("oai_dc")));
            List<String> formats = oaiContext.equals("useit")
                ? List.of("oai_openaire", "datacite", "qdc", "rioxx", "useit")
                : List.of("oai_openaire", "datacite", "qdc", "rioxx");
            for (String format : formats) {
                Document refused = valid(oaiContext, "verb=GetRecord&metadataPrefix=" + format + "&identifier=" + id);
                assertThat(oaiContext + " " + format, Xml.string(refused, "/oai:OAI-PMH/oai:error/@code"),
                           is("cannotDisseminateFormat"));
                List<String> listed = new ArrayList<>();
                for (Node header : new OaiHarvest(TestRepository.serverUrl() + "/oai/" + oaiContext)
                    .list("ListIdentifiers", "metadataPrefix=" + format)) {
                    listed.add(Xml.string(header, "oai:identifier"));
                }
                assertThat(oaiContext + " " + format, listed.isEmpty(), is(false));
                assertThat(oaiContext + " " + format, listed,
                           not(hasItem(URLDecoder.decode(id, StandardCharsets.UTF_8))));
            }
        }
    }

    @Test
    public void theRioxxAndQdcSchemasRejectBrokenRecords() throws Exception {
        OaiHarvest oai = new OaiHarvest(TestRepository.serverUrl() + "/oai/useit");
        String rioxx = oai.get("verb=GetRecord&metadataPrefix=rioxx&identifier=" + caseStudyId).body();
        assertThat(rioxxSchemas.errors(rioxx), empty());
        // RIOXX: exactly one dc:identifier, and a project
        assertThat(rioxxSchemas.errors(rioxx.replaceFirst("(<dc:identifier>[^<]*</dc:identifier>)", "$1$1")),
                   not(empty()));
        assertThat(rioxxSchemas.errors(rioxx.replaceFirst("<rioxxterms:project>[^<]*</rioxxterms:project>", "")),
                   not(empty()));
        String qdc = oai.get("verb=GetRecord&metadataPrefix=qdc&identifier=" + caseStudyId).body();
        assertThat(qdcSchemas.errors(qdc), empty());
        // qdc: a title first; DCMI terms only
        assertThat(qdcSchemas.errors(qdc.replaceFirst("<dc:title>[^<]*</dc:title>", "")), not(empty()));
        assertThat(qdcSchemas.errors(qdc.replaceFirst("<dcterms:accessRights>", "<dcterms:accessRight>")
                                        .replaceFirst("</dcterms:accessRights>", "</dcterms:accessRight>")),
                   not(empty()));
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
        // a refused token: the request element repeats the verb and the token (only badVerb and badArgument leave
        // them out, OAI-PMH 2.0 §3.6)
        for (String token : List.of("abc", "a/b")) {
            Document refused = valid("request", "verb=ListRecords&resumptionToken=" + RestClient.encode(token));
            assertThat(token, Xml.string(refused, "/oai:OAI-PMH/oai:error/@code"), is("badResumptionToken"));
            assertThat(token, Xml.string(refused, "/oai:OAI-PMH/oai:request/@verb"), is("ListRecords"));
            assertThat(token, Xml.string(refused, "/oai:OAI-PMH/oai:request/@resumptionToken"), is(token));
        }
        // words of Solr's query syntax are handles like any other (a query of them alone would be refused)
        for (String word : List.of("OR", "AND", "NOT", "*", "(", "!", "0/OR", "0/*")) {
            error("verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:useit.example.ac.uk:" + word, "idDoesNotExist");
            error("verb=ListMetadataFormats&identifier=oai:useit.example.ac.uk:" + word, "idDoesNotExist");
        }
        error("verb=ListRecords&metadataPrefix=oai_dc&from=1990-01-01&until=1990-01-02", "noRecordsMatch");
        // the request element repeats the arguments as they were sent (OAI-PMH 2.0 §3.2), dates too
        Document echoed = valid("request", "verb=ListRecords&metadataPrefix=oai_dc&from=1990-01-01&until=1990-01-02");
        assertThat(Xml.string(echoed, "/oai:OAI-PMH/oai:request/@from"), is("1990-01-01"));
        assertThat(Xml.string(echoed, "/oai:OAI-PMH/oai:request/@until"), is("1990-01-02"));
        assertThat(Xml.string(echoed, "/oai:OAI-PMH/oai:request/@metadataPrefix"), is("oai_dc"));
        Document seconds = valid("request", "verb=ListIdentifiers&metadataPrefix=oai_dc&from=2017-04-24T10:00:00Z");
        assertThat(Xml.string(seconds, "/oai:OAI-PMH/oai:request/@from"), is("2017-04-24T10:00:00Z"));
        assertThat(Xml.string(seconds, "/oai:OAI-PMH/oai:request/@verb"), is("ListIdentifiers"));
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
        // a community or collection set is one only if its handle names an object of that kind
        String collection = ContentServiceFactory.getInstance().getItemService()
            .find(context, KeyIndex.load(context).find("prj-useit").orElseThrow().id()).getOwningCollection()
            .getHandle().replace('/', '_');
        assertThat(Xml.nodes(valid("request", "verb=ListIdentifiers&metadataPrefix=oai_dc&set=col_" + collection),
                             "//oai:header"), not(empty()));
        error("verb=ListIdentifiers&metadataPrefix=oai_dc&set=com_" + collection, "noRecordsMatch");
        error("verb=ListIdentifiers&metadataPrefix=oai_dc&set=col_" + handle.replace('/', '_'), "noRecordsMatch");
    }
}
