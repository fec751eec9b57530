/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.tests.harvesters;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import eu.useit.dspace.ingest.KeyIndex;
import eu.useit.runtime.OaiImport;
import eu.useit.tests.support.AbstractUseitIT;
import eu.useit.tests.support.OaiHarvest;
import eu.useit.tests.support.Scripts;
import eu.useit.tests.support.TestRepository;
import eu.useit.tests.support.Xml;
import org.dspace.builder.CollectionBuilder;
import org.dspace.builder.CommunityBuilder;
import org.dspace.builder.ItemBuilder;
import org.dspace.content.Item;
import org.dspace.content.factory.ContentServiceFactory;
import org.dspace.content.service.ItemService;
import org.junit.Before;
import org.junit.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/**
 * OAI-PMH contexts over real HTTP: {@code /request} shows every public item whatever its item type (stock
 * DSpace shows only Publications), {@code /useit} only USE-IT! records; harvesters get XML whatever their Accept
 * header says.
 */
public class OaiContextsIT extends AbstractUseitIT {

    private static final String NAMESPACE = "oai:useit.example.ac.uk:";

    private final ItemService items = ContentServiceFactory.getInstance().getItemService();
    private Item other;

    @Before
    public void sampleAndAnotherItem() throws Exception {
        Scripts.run("useit-structure");
        Scripts.run("useit-import", "-f", System.getProperty("useit.sample"), "-e", ADMIN_EMAIL);
        context.turnOffAuthorisationSystem();
        other = ItemBuilder.createItem(context, CollectionBuilder.createCollection(context,
            CommunityBuilder.createCommunity(context).withName("Another project").build()).build())
                           .withTitle("Not a USE-IT! record").withIssueDate("2021").build();
        context.restoreAuthSystemState();
        context.commit();
        OaiImport.run(true);
    }

    private static Set<String> identifiers(String oaiContext) throws Exception {
        OaiHarvest oai = new OaiHarvest(TestRepository.serverUrl() + "/oai/" + oaiContext);
        Set<String> ids = new HashSet<>();
        for (Node header : oai.list("ListIdentifiers", "metadataPrefix=oai_dc")) {
            if (Xml.string(header, "@status").isEmpty()) {
                // deleted records of other tests' items stay listed, by design
                ids.add(Xml.string(header, "oai:identifier"));
            }
        }
        return ids;
    }

    @Test
    public void requestShowsEveryItemTypeAndUseitOnlyUseitRecords() throws Exception {
        KeyIndex index = KeyIndex.load(context);
        String caseStudy = NAMESPACE + items.find(context, index.find("cs-recruiting-community-researchers")
                                                                 .orElseThrow().id()).getHandle();
        String project = NAMESPACE + items.find(context, index.find("prj-useit").orElseThrow().id()).getHandle();
        String partner = NAMESPACE + items.find(context, index.find("org-ise").orElseThrow().id()).getHandle();
        String outsider = NAMESPACE + other.getHandle();

        Set<String> request = identifiers("request");
        assertThat(request, hasItem(caseStudy));
        assertThat(request, hasItem(project));
        assertThat(request, hasItem(partner));
        assertThat(request, hasItem(outsider));

        Set<String> useit = identifiers("useit");
        assertThat(useit, hasItem(caseStudy));
        assertThat(useit, hasItem(project));
        assertThat(useit, not(hasItem(outsider)));
        Set<String> withProvenance = new HashSet<>();
        for (Iterator<Item> it = items.findByMetadataField(context, "useit", "provenance", null, "sourced");
             it.hasNext(); ) {
            withProvenance.add(NAMESPACE + it.next().getHandle());
        }
        for (Iterator<Item> it = items.findByMetadataField(context, "useit", "provenance", null, "illustrative");
             it.hasNext(); ) {
            withProvenance.add(NAMESPACE + it.next().getHandle());
        }
        assertThat(useit, is(withProvenance));
    }

    @Test
    public void itemTypeSetsHoldTheirItemsAndAreListed() throws Exception {
        OaiHarvest oai = new OaiHarvest(TestRepository.serverUrl() + "/oai/useit");
        List<String> specs = Xml.strings(oai.document("verb=ListSets"), "//oai:set/oai:setSpec");
        assertThat(specs, hasItem("type:case-study"));
        assertThat(specs, hasItem("type:publication"));
        List<Node> caseStudies = oai.list("ListIdentifiers", "metadataPrefix=oai_dc&set=type:case-study");
        Set<String> listed = new HashSet<>();
        for (Node header : caseStudies) {
            assertThat(Xml.strings(header, "oai:setSpec"), hasItem("type:case-study"));
            if (Xml.string(header, "@status").isEmpty()) {
                listed.add(Xml.string(header, "oai:identifier"));
            }
        }
        assertThat(listed, is(useitItemsOfType("CaseStudy")));
        assertThat(listed.size() >= 12, is(true));
        int partners = 0;
        for (Node header : oai.list("ListIdentifiers", "metadataPrefix=oai_dc&set=type:partner")) {
            partners += Xml.string(header, "@status").isEmpty() ? 1 : 0;
        }
        assertThat(partners, is(useitItemsOfType("OrgUnit").size()));
    }

    /** OAI identifiers of the repository's USE-IT! records (they carry useit.provenance) of one item type. */
    private Set<String> useitItemsOfType(String type) throws Exception {
        Set<String> ids = new HashSet<>();
        for (Iterator<Item> it = items.findByMetadataField(context, "dspace", "entity", "type", type); it.hasNext(); ) {
            Item item = it.next();
            if (items.getMetadataFirstValue(item, "useit", "provenance", null, Item.ANY) != null) {
                ids.add(NAMESPACE + item.getHandle());
            }
        }
        return ids;
    }

    @Test
    public void harvestersGetXmlEvenWhenTheyPreferHtml() throws Exception {
        OaiHarvest oai = new OaiHarvest(TestRepository.serverUrl() + "/oai/request");
        HttpResponse<String> response = oai.get("verb=Identify",
                                                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        assertThat(response.statusCode(), is(200));
        assertThat(response.headers().firstValue("Content-Type").orElse(""), startsWith("text/xml"));
        Document identify = Xml.parse(response.body());
        assertThat(Xml.string(identify, "/oai:OAI-PMH/oai:Identify/oai:baseURL"),
                   is(TestRepository.serverUrl() + "/oai/request"));
        List<String> namespaces = Xml.strings(identify, "//*[local-name()='repositoryIdentifier']").stream()
                                     .collect(Collectors.toList());
        assertThat(namespaces, hasItem("useit.example.ac.uk"));
    }
}
