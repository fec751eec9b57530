/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.tests.harvesters;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import eu.useit.tests.support.AbstractUseitIT;
import eu.useit.tests.support.OaiHarvest;
import eu.useit.tests.support.RestClient;
import eu.useit.tests.support.TestRepository;
import eu.useit.tests.support.Xml;
import org.dspace.builder.CollectionBuilder;
import org.dspace.builder.CommunityBuilder;
import org.dspace.builder.ItemBuilder;
import org.dspace.content.Collection;
import org.dspace.content.Item;
import org.dspace.content.factory.ContentServiceFactory;
import org.junit.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/**
 * Incremental harvesting as harvesters do it: each harvest asks {@code from=} the {@code responseDate} of the one
 * before, while deposits and withdrawals are committed. Every deposit must reach the harvests as a record, every
 * withdrawal as a deleted record: none may fall between two harvests (a record dated before a response but shown
 * only after it).
 */
public class IncrementalHarvestIT extends AbstractUseitIT {

    private static final String NAMESPACE = "oai:useit.example.ac.uk:";
    private static final int DEPOSITS = 40;

    @Test
    public void harvestsFromTheLastResponseDateMissNoChange() throws Exception {
        OaiHarvest oai = new OaiHarvest(TestRepository.serverUrl() + "/oai/request");
        context.turnOffAuthorisationSystem();
        Collection collection = CollectionBuilder.createCollection(context,
            CommunityBuilder.createCommunity(context).withName("Incremental harvest check (illustrative)").build())
                                                 .build();
        context.commit();
        String set = "col_" + collection.getHandle().replace('/', '_');

        Map<String, String> seen = new ConcurrentHashMap<>();
        AtomicBoolean depositing = new AtomicBoolean(true);
        ExecutorService harvester = Executors.newSingleThreadExecutor();
        Future<Integer> harvests = harvester.submit(() -> {
            String from = null;
            int count = 0;
            boolean last = false;
            while (!last) {
                last = !depositing.get();
                from = harvest(oai, set, from, seen);
                count++;
                Thread.sleep(150 + count % 5 * 100);
            }
            return count;
        });

        List<Item> deposited = new ArrayList<>();
        for (int i = 0; i < DEPOSITS; i++) {
            collection = context.reloadEntity(collection);
            deposited.add(ItemBuilder.createItem(context, collection).withTitle("Incremental " + i + " (illustrative)")
                                     .withIssueDate("2024").build());
            context.commit();
            if (i % 8 == 7) {
                Item withdrawn = context.reloadEntity(deposited.get(i - 3));
                ContentServiceFactory.getInstance().getItemService().withdraw(context, withdrawn);
                context.commit();
            }
            Thread.sleep(120);
        }
        // one more harvest after the last change has had the time to show
        Thread.sleep(6000);
        depositing.set(false);
        int rounds = harvests.get();
        harvester.shutdown();

        Set<String> missed = new TreeSet<>();
        for (int i = 0; i < deposited.size(); i++) {
            Item item = context.reloadEntity(deposited.get(i));
            String expected = item.isWithdrawn() ? "deleted" : "live";
            String got = seen.get(NAMESPACE + item.getHandle());
            if (!expected.equals(got)) {
                missed.add(item.getHandle() + " " + expected + " but harvested " + got);
            }
        }
        assertThat("changes missed by " + rounds + " incremental harvests", missed, empty());
        context.restoreAuthSystemState();
    }

    /** One harvest of the set from a date (the whole set the first time); returns its responseDate. */
    private static String harvest(OaiHarvest oai, String set, String from, Map<String, String> seen)
        throws Exception {
        String query = "verb=ListIdentifiers&metadataPrefix=oai_dc&set=" + set
            + (from == null ? "" : "&from=" + RestClient.encode(from));
        String responseDate = null;
        while (query != null) {
            Document page = oai.document(query);
            if (responseDate == null) {
                responseDate = Xml.string(page, "/oai:OAI-PMH/oai:responseDate");
            }
            for (Node header : Xml.nodes(page, "//oai:header")) {
                seen.put(Xml.string(header, "oai:identifier"),
                         "deleted".equals(Xml.string(header, "@status")) ? "deleted" : "live");
            }
            String token = Xml.string(page, "//oai:resumptionToken").strip();
            query = token.isEmpty() ? null : "verb=ListIdentifiers&resumptionToken=" + RestClient.encode(token);
        }
        return responseDate;
    }
}
