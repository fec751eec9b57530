/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.tests.harvesters;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import eu.useit.dspace.taxonomy.Strand;
import eu.useit.dspace.taxonomy.StrandVocabulary;
import eu.useit.runtime.OaiImport;
import eu.useit.tests.support.AbstractUseitIT;
import eu.useit.tests.support.OaiHarvest;
import eu.useit.tests.support.Scripts;
import eu.useit.tests.support.TestRepository;
import eu.useit.tests.support.Xml;
import org.dspace.builder.CollectionBuilder;
import org.dspace.builder.CommunityBuilder;
import org.dspace.builder.ItemBuilder;
import org.dspace.content.Collection;
import org.dspace.content.Community;
import org.dspace.content.Item;
import org.dspace.content.authority.Choices;
import org.dspace.content.factory.ContentServiceFactory;
import org.dspace.content.service.ItemService;
import org.dspace.handle.factory.HandleServiceFactory;
import org.dspace.services.factory.DSpaceServicesFactory;
import org.junit.Before;
import org.junit.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/**
 * Strand sets from the vocabulary and keyset paging over real HTTP: hierarchical set specs named by the
 * vocabulary, records in a sub-theme also in its strand, sets that follow an edited vocabulary file; resumption
 * tokens with the record offset as cursor, the right complete list size, no record skipped when records change
 * during a harvest, and refusal of forged, truncated, foreign and stale tokens.
 */
public class OaiSetsAndPagingIT extends AbstractUseitIT {

    private static final String NAMESPACE = "oai:useit.example.ac.uk:";
    private static final String LIST = "/oai:OAI-PMH/oai:ListIdentifiers";

    private final ItemService items = ContentServiceFactory.getInstance().getItemService();
    private final OaiHarvest request = new OaiHarvest(TestRepository.serverUrl() + "/oai/request");

    @Before
    public void sample() throws Exception {
        Scripts.run("useit-structure");
        Scripts.run("useit-import", "-f", System.getProperty("useit.sample"), "-e", ADMIN_EMAIL);
        OaiImport.run(false);
    }

    /** OAI identifiers of the repository's archived items with a strand node id starting with the given prefix. */
    private Set<String> itemsInStrand(String prefix) throws Exception {
        Path dspaceDir =
            Path.of(DSpaceServicesFactory.getInstance().getConfigurationService().getProperty("dspace.dir"));
        Set<String> ids = new HashSet<>();
        for (Strand strand : StrandVocabulary.load(dspaceDir).all()) {
            String id = strand.id();
            if (prefix.isEmpty() || id.equals(prefix) || id.startsWith(prefix + ":")) {
                for (Iterator<Item> it = items.findByAuthorityValue(context, "useit", "strand", null, id);
                     it.hasNext(); ) {
                    Item item = it.next();
                    if (item.isArchived()) {
                        ids.add(NAMESPACE + item.getHandle());
                    }
                }
            }
        }
        return ids;
    }

    /** The live (not deleted) records of a list: deleted records of other tests' items stay in their sets. */
    private Set<String> harvest(OaiHarvest oai, String query) throws Exception {
        Set<String> ids = new HashSet<>();
        for (Node header : oai.list("ListIdentifiers", query)) {
            if (Xml.string(header, "@status").isEmpty()) {
                ids.add(Xml.string(header, "oai:identifier"));
            }
        }
        return ids;
    }

    /** GetRecord answers for the records of a harvest that were not expected. */
    private String unexpected(Set<String> harvested, Set<String> expected) throws Exception {
        StringBuilder answers = new StringBuilder();
        for (String id : harvested) {
            if (!expected.contains(id)) {
                answers.append(request.get("verb=GetRecord&metadataPrefix=oai_dc&identifier=" + encode(id)).body());
            }
        }
        return answers.toString();
    }

    private static List<String> setSpecs(OaiHarvest oai) throws Exception {
        List<String> specs = new ArrayList<>();
        String next = "verb=ListSets";
        while (next != null) {
            Document page = oai.document(next);
            specs.addAll(Xml.strings(page, "//oai:set/oai:setSpec"));
            String token = Xml.string(page, "/oai:OAI-PMH/oai:ListSets/oai:resumptionToken").strip();
            next = token.isEmpty() ? null : "verb=ListSets&resumptionToken=" + encode(token);
        }
        return specs;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    public void aListSetsTokenBeyondTheSetsLeftIsRefusedNotAnsweredWithAnEmptyPage() throws Exception {
        int before = setSpecs(request).size();
        context.turnOffAuthorisationSystem();
        CommunityBuilder community = CommunityBuilder.createCommunity(context).withName("Many sets (illustrative)");
        Community parent = community.build();
        List<Collection> added = new ArrayList<>();
        for (int i = 0; i < 110; i++) {
            // one name with a control character pasted into it, which XML cannot carry
            added.add(CollectionBuilder.createCollection(context, parent)
                                       .withName("Set " + i + (i == 0 ? " \u000B pasted" : "") + " (illustrative)")
                                       .build());
        }
        context.restoreAuthSystemState();
        context.commit();
        assertThat("every page of the sets, the odd name's too", setSpecs(request).size(), is(before + 111));
        // a token given after at least as many sets as there were before: past the end once the new ones are gone
        String token = "";
        int seen = 0;
        String next = "verb=ListSets";
        while (seen < before) {
            Document page = request.document(next);
            seen += Xml.strings(page, "//oai:set/oai:setSpec").size();
            token = Xml.string(page, "/oai:OAI-PMH/oai:ListSets/oai:resumptionToken").strip();
            assertThat("a token after " + seen + " of " + (before + 111) + " sets", token.isEmpty(), is(false));
            next = "verb=ListSets&resumptionToken=" + encode(token);
        }
        for (Collection collection : added) {
            CollectionBuilder.deleteCollection(collection.getID());
        }
        CommunityBuilder.deleteCommunity(parent.getID());
        Document answer = request.document(next);
        assertThat(Xml.string(answer, "/*"), Xml.string(answer, "/oai:OAI-PMH/oai:error/@code"),
                   is("badResumptionToken"));
        assertThat(Xml.nodes(answer, "//oai:ListSets").isEmpty(), is(true));
    }

    @Test
    public void strandSetsComeFromTheVocabularyWithTheirHierarchy() throws Exception {
        Document sets = request.document("verb=ListSets");
        assertThat(Xml.string(sets, "//oai:set[oai:setSpec='strand:community-research']/oai:setName"),
                   is("Community Research"));
        assertThat(Xml.string(sets, "//oai:set[oai:setSpec='strand:community-research:recruitment']/oai:setName"),
                   is("Community Research: Recruitment"));
        assertThat(setSpecs(request), hasItems("strand", "strand:skills-matching", "type:case-study"));

        Set<String> recruitment = harvest(request, "metadataPrefix=oai_dc&set=strand:community-research:recruitment");
        Set<String> communityResearch = harvest(request, "metadataPrefix=oai_dc&set=strand:community-research");
        assertThat(recruitment.isEmpty(), is(false));
        assertThat(recruitment, is(itemsInStrand("community-research:recruitment")));
        assertThat(unexpected(communityResearch, itemsInStrand("community-research")), communityResearch,
                   is(itemsInStrand("community-research")));
        assertThat(communityResearch.containsAll(recruitment), is(true));
        assertThat(harvest(request, "metadataPrefix=oai_dc&set=strand"), is(itemsInStrand("")));

        Document record = request.document("verb=GetRecord&metadataPrefix=oai_dc&identifier="
            + encode(recruitment.iterator().next()));
        assertThat(Xml.strings(record, "//oai:header/oai:setSpec"),
                   hasItems("strand", "strand:community-research", "strand:community-research:recruitment"));
        assertThat(Xml.string(request.document("verb=ListIdentifiers&metadataPrefix=oai_dc&set=strand:nowhere"),
                              "/oai:OAI-PMH/oai:error/@code"), is("noRecordsMatch"));
    }

    @Test
    public void editingTheVocabularyChangesTheSetsAndStalesTheirTokens() throws Exception {
        Path file = Path.of(DSpaceServicesFactory.getInstance().getConfigurationService().getProperty("dspace.dir"),
                            "config", "controlled-vocabularies", "useit-strands.xml");
        String original = Files.readString(file, StandardCharsets.UTF_8);
        try {
            String added = original.replace("<node id=\"community-research:recruitment\"",
                "<node id=\"community-research:test-theme\" label=\"Test theme (illustrative)\"/>\n"
                    + "<node id=\"community-research:recruitment\"");
            write(file, added);
            assertThat(setSpecs(request), hasItem("strand:community-research:test-theme"));

            // 101 records in the new sub-theme: its set holds them, over two pages
            context.turnOffAuthorisationSystem();
            Collection collection = CollectionBuilder.createCollection(context,
                CommunityBuilder.createCommunity(context).withName("Vocabulary test (illustrative)").build()).build();
            Set<String> themed = new HashSet<>();
            for (int i = 0; i < 101; i++) {
                Item item = ItemBuilder.createItem(context, collection)
                                       .withTitle("Themed record " + i + " (illustrative)").build();
                items.addMetadata(context, item, "useit", "strand", null, null, "Community Research::Test theme",
                                  "community-research:test-theme", Choices.CF_ACCEPTED);
                items.update(context, item);
                themed.add(NAMESPACE + item.getHandle());
            }
            context.restoreAuthSystemState();
            context.commit();
            OaiImport.run(false);
            String query = "metadataPrefix=oai_dc&set=strand:community-research:test-theme";
            Document first = request.document("verb=ListIdentifiers&" + query);
            String token = Xml.string(first, LIST + "/oai:resumptionToken").strip();
            assertThat(harvest(request, query), is(themed));

            // the sub-theme leaves the vocabulary: its set is gone and a token of its list is stale
            write(file, original);
            assertThat(code("verb=ListIdentifiers&resumptionToken=" + encode(token)), is("badResumptionToken"));
            assertThat(code("verb=ListIdentifiers&" + query), is("noRecordsMatch"));
        } finally {
            write(file, original);
        }
        assertThat(setSpecs(request), not(hasItem("strand:community-research:test-theme")));
    }

    /** Writes the file and moves its modification time on, so the change is seen at once. */
    private static void write(Path file, String text) throws Exception {
        long before = Files.getLastModifiedTime(file).toMillis();
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(before + 2000));
    }

    @Test
    public void keysetPagesCountRecordsAndSkipNoneWhenRecordsChange() throws Exception {
        context.turnOffAuthorisationSystem();
        Collection collection = CollectionBuilder.createCollection(context,
            CommunityBuilder.createCommunity(context).withName("Paging test (illustrative)").build()).build();
        Set<String> all = new HashSet<>();
        for (int i = 0; i < 230; i++) {
            Item item = ItemBuilder.createItem(context, collection).withTitle("Paging record " + i + " (illustrative)")
                                   .withIssueDate("2020").build();
            all.add(NAMESPACE + item.getHandle());
        }
        context.restoreAuthSystemState();
        context.commit();
        OaiImport.run(false);
        String set = "col_" + collection.getHandle().replace('/', '_');

        Document first = request.document("verb=ListIdentifiers&metadataPrefix=oai_dc&set=" + set);
        assertThat(Xml.nodes(first, LIST + "/oai:header").size(), is(100));
        assertThat(Xml.string(first, LIST + "/oai:resumptionToken/@cursor"), is("0"));
        assertThat(Xml.string(first, LIST + "/oai:resumptionToken/@completeListSize"), is("230"));
        assertThat(Xml.string(first, LIST + "/oai:resumptionToken/@expirationDate").isEmpty(), is(false));
        String responseDate = Xml.string(first, "/oai:OAI-PMH/oai:responseDate");
        List<String> seen = new ArrayList<>(Xml.strings(first, LIST + "/oai:header/oai:identifier"));
        String token = Xml.string(first, LIST + "/oai:resumptionToken").strip();

        // five records of the first page change: they keep their place, so they are not sent again in this
        // harvest (nothing twice) and nothing is skipped; the harvest from its responseDate brings the change.
        // (DSpace's own `oai import` writes these records: their place comes from the OAI core's update chain.)
        context.turnOffAuthorisationSystem();
        List<String> changed = Xml.strings(first, LIST + "/oai:header/oai:identifier").subList(0, 5);
        for (String id : changed) {
            Item item = (Item) HandleServiceFactory.getInstance().getHandleService()
                                                   .resolveToObject(context, id.substring(NAMESPACE.length()));
            items.addMetadata(context, item, "dc", "description", null, null, "Changed during a harvest.");
            items.update(context, item);
        }
        context.restoreAuthSystemState();
        context.commit();
        OaiImport.run(false);

        Document second = request.document("verb=ListIdentifiers&resumptionToken=" + encode(token));
        assertThat(Xml.string(second, LIST + "/oai:resumptionToken/@cursor"), is("100"));
        seen.addAll(Xml.strings(second, LIST + "/oai:header/oai:identifier"));
        token = Xml.string(second, LIST + "/oai:resumptionToken").strip();
        int pages = 2;
        Document last = second;
        while (!token.isEmpty()) {
            last = request.document("verb=ListIdentifiers&resumptionToken=" + encode(token));
            seen.addAll(Xml.strings(last, LIST + "/oai:header/oai:identifier"));
            token = Xml.string(last, LIST + "/oai:resumptionToken").strip();
            pages++;
        }
        assertThat("every record once", seen.size(), is(all.size()));
        assertThat(new HashSet<>(seen), is(all));
        assertThat(pages, is(3));
        assertThat(Xml.string(last, LIST + "/oai:resumptionToken/@cursor"), is("200"));
        assertThat(Xml.nodes(last, LIST + "/oai:resumptionToken").size(), is(1));
        Document since = request.document("verb=ListIdentifiers&metadataPrefix=oai_dc&set=" + set + "&from="
                                              + encode(responseDate));
        assertThat("the changed records, in the harvest from the first page's responseDate",
                   Xml.strings(since, LIST + "/oai:header/oai:identifier"), hasItems(changed.toArray(new String[0])));

        // tokens: forged, truncated, for another verb, mixed with arguments
        String valid = Xml.string(first, LIST + "/oai:resumptionToken").strip();
        assertThat(code("verb=ListIdentifiers&resumptionToken=" + encode(valid.substring(0, valid.length() - 3))),
                   is("badResumptionToken"));
        assertThat(code("verb=ListIdentifiers&resumptionToken=" + encode("x" + valid.substring(1))),
                   is("badResumptionToken"));
        assertThat(code("verb=ListRecords&resumptionToken=" + encode(valid)), is("badResumptionToken"));
        assertThat(code("verb=ListIdentifiers&metadataPrefix=oai_dc&resumptionToken=" + encode(valid)),
                   is("badArgument"));
        // the same token works again (tokens are not used up)
        assertThat(Xml.string(request.document("verb=ListIdentifiers&resumptionToken=" + encode(valid)),
                              LIST + "/oai:resumptionToken/@cursor"), is("100"));
    }

    private String code(String query) throws Exception {
        return Xml.string(request.document(query), "/oai:OAI-PMH/oai:error/@code");
    }

    @Test
    public void aDayListsItsRecordsAndPostWorks() throws Exception {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        Set<String> todays = harvest(request, "metadataPrefix=oai_dc&from=" + today + "&until=" + today);
        assertThat(todays.size(), greaterThan(0));
        assertThat(harvest(request, "metadataPrefix=oai_dc&from=" + today), is(todays));

        HttpRequest post = HttpRequest.newBuilder(URI.create(TestRepository.serverUrl() + "/oai/request"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("verb=Identify")).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(post, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode(), is(200));
        Document identify = Xml.parse(response.body());
        assertThat(Xml.string(identify, "/oai:OAI-PMH/oai:Identify/oai:deletedRecord"), is("persistent"));
    }
}
