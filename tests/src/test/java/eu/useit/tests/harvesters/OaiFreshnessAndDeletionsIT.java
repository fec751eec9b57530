/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.tests.harvesters;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import eu.useit.runtime.OaiImport;
import eu.useit.tests.support.AbstractUseitIT;
import eu.useit.tests.support.OaiHarvest;
import eu.useit.tests.support.RestClient;
import eu.useit.tests.support.TestRepository;
import eu.useit.tests.support.Xml;
import org.dspace.authorize.factory.AuthorizeServiceFactory;
import org.dspace.builder.CollectionBuilder;
import org.dspace.builder.CommunityBuilder;
import org.dspace.builder.ItemBuilder;
import org.dspace.content.Collection;
import org.dspace.content.Item;
import org.dspace.content.factory.ContentServiceFactory;
import org.dspace.content.service.ItemService;
import org.dspace.eperson.Group;
import org.dspace.eperson.factory.EPersonServiceFactory;
import org.junit.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/**
 * Freshness and persistent deletions over real HTTP, with no {@code oai import} run by the test: a new deposit is
 * harvestable within 5 seconds of its commit; withdrawn, private and deleted items turn into deleted records
 * (dated when it happened) within 5 seconds; the deleted records survive a full reindex of the OAI core; a
 * reinstated item is live again.
 */
public class OaiFreshnessAndDeletionsIT extends AbstractUseitIT {

    private static final String NAMESPACE = "oai:useit.example.ac.uk:";
    private static final Duration PROMISE = Duration.ofSeconds(5);

    private final ItemService items = ContentServiceFactory.getInstance().getItemService();
    private final OaiHarvest request = new OaiHarvest(TestRepository.serverUrl() + "/oai/request");

    private Document getRecord(Item item) throws Exception {
        return request.document("verb=GetRecord&metadataPrefix=oai_dc&identifier="
            + URLEncoder.encode(NAMESPACE + item.getHandle(), StandardCharsets.UTF_8));
    }

    /** Polls GetRecord until the record matches; returns how long it took, failing after the promised 5 s. */
    private Duration waitFor(Item item, Check test, String what) throws Exception {
        Instant start = Instant.now();
        while (true) {
            Document record = getRecord(item);
            Duration waited = Duration.between(start, Instant.now());
            if (test.test(record)) {
                System.out.println("OAI freshness: " + what + " after " + waited.toMillis() + " ms");
                return waited;
            }
            assertThat(what + " within " + PROMISE + ", last answer: " + Xml.string(record, "/*"),
                       waited.compareTo(PROMISE), lessThanOrEqualTo(0));
            Thread.sleep(100);
        }
    }

    /** A check of a GetRecord answer. */
    private interface Check {
        boolean test(Document record) throws Exception;
    }

    private static boolean live(Document record) throws Exception {
        return Xml.nodes(record, "//oai:record/oai:header").size() == 1
            && Xml.string(record, "//oai:record/oai:header/@status").isEmpty();
    }

    private static boolean deleted(Document record) throws Exception {
        return "deleted".equals(Xml.string(record, "//oai:record/oai:header/@status"));
    }

    private Item deposit(Collection collection, String title) throws Exception {
        Item item = ItemBuilder.createItem(context, collection).withTitle(title + " (illustrative)")
                               .withIssueDate("2024").build();
        context.commit();
        return item;
    }

    @Test
    public void changesReachHarvestersWithinFiveSecondsAndDeletionsPersist() throws Exception {
        context.turnOffAuthorisationSystem();
        Collection collection = CollectionBuilder.createCollection(context,
            CommunityBuilder.createCommunity(context).withName("Freshness test (illustrative)").build()).build();
        context.commit();

        collection = context.reloadEntity(collection);
        Item fresh = deposit(collection, "A new deposit");
        waitFor(fresh, OaiFreshnessAndDeletionsIT::live, "new deposit harvestable");

        collection = context.reloadEntity(collection);
        Item withdrawn = deposit(collection, "To be withdrawn");
        Item hidden = deposit(collection, "To be made private");
        Item gone = deposit(collection, "To be deleted");
        waitFor(gone, OaiFreshnessAndDeletionsIT::live, "deposits harvestable");

        Instant beforeDeletions = Instant.now().minusSeconds(1);
        withdrawn = context.reloadEntity(withdrawn);
        hidden = context.reloadEntity(hidden);
        items.withdraw(context, withdrawn);
        Group anonymous = EPersonServiceFactory.getInstance().getGroupService().findByName(context, Group.ANONYMOUS);
        AuthorizeServiceFactory.getInstance().getAuthorizeService()
                               .removeGroupPolicies(context, hidden, anonymous);
        items.updateLastModified(context, hidden);
        String goneHandle = gone.getHandle();
        items.delete(context, items.find(context, gone.getID()));
        context.commit();
        waitFor(withdrawn, OaiFreshnessAndDeletionsIT::deleted, "withdrawal as a deleted record");
        waitFor(hidden, OaiFreshnessAndDeletionsIT::deleted, "private item as a deleted record");
        // the page of the withdrawn item says it is gone, as its deleted record does; it names nothing of it
        RestClient.Response page = RestClient.anonymous(TestRepository.serverUrl())
            .get("/useit/handle/" + withdrawn.getHandle());
        assertThat(page.status(), is(410));
        assertThat(page.body(), not(containsString("To be withdrawn")));
        Document goneRecord = request.document("verb=GetRecord&metadataPrefix=oai_dc&identifier="
            + URLEncoder.encode(NAMESPACE + goneHandle, StandardCharsets.UTF_8));
        assertThat(deleted(goneRecord), is(true));
        Instant datestamp = Instant.parse(Xml.string(goneRecord, "//oai:header/oai:datestamp"));
        assertThat(datestamp.isAfter(beforeDeletions), is(true));

        // private from the start: nobody could ever see them. DSpace's own full import writes a deleted record for
        // every private item, here as many as the deleted records it does not know
        collection = context.reloadEntity(collection);
        List<Item> neverSeen = new ArrayList<>();
        for (String title : List.of("Private from the start", "Private from the start, too")) {
            neverSeen.add(ItemBuilder.createItem(context, collection).withTitle(title + " (illustrative)")
                                     .withIssueDate("2024").makeUnDiscoverable().build());
        }
        context.commit();

        // a full reindex empties the OAI core; the deleted records are still there, in their set, and the records
        // DSpace's import wrote for the private items are gone: they leave no trace
        OaiImport.run(true);
        String set = "col_" + collection.getHandle().replace('/', '_');
        Map<String, String> status = new HashMap<>();
        for (Node header : request.list("ListIdentifiers", "metadataPrefix=oai_dc&set=" + set)) {
            status.put(Xml.string(header, "oai:identifier"), Xml.string(header, "@status"));
        }
        assertThat(status.get(NAMESPACE + withdrawn.getHandle()), is("deleted"));
        assertThat(status.get(NAMESPACE + hidden.getHandle()), is("deleted"));
        assertThat(status.get(NAMESPACE + goneHandle), is("deleted"));
        assertThat(status.get(NAMESPACE + fresh.getHandle()), is(""));
        for (Item item : neverSeen) {
            assertThat(item.getHandle(), status.containsKey(NAMESPACE + item.getHandle()), is(false));
            assertThat(Xml.string(request.document("verb=GetRecord&metadataPrefix=oai_dc&identifier="
                + URLEncoder.encode(NAMESPACE + item.getHandle(), StandardCharsets.UTF_8)), "//oai:error/@code"),
                is("idDoesNotExist"));
        }
        assertThat(Xml.strings(request.document("verb=GetRecord&metadataPrefix=oai_dc&identifier="
            + URLEncoder.encode(NAMESPACE + goneHandle, StandardCharsets.UTF_8)), "//oai:header/oai:setSpec"),
            hasItem(set));

        // reinstated: live again
        items.reinstate(context, items.find(context, withdrawn.getID()));
        context.commit();
        waitFor(withdrawn, OaiFreshnessAndDeletionsIT::live, "reinstated item live again");
        context.restoreAuthSystemState();
    }
}
