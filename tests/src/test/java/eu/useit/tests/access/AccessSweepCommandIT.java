/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.tests.access;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.UUID;
import javax.sql.DataSource;

import eu.useit.dspace.oai.index.OaiIndexConsumer;
import eu.useit.tests.support.AbstractUseitIT;
import eu.useit.tests.support.OaiHarvest;
import eu.useit.tests.support.RestClient;
import eu.useit.tests.support.Scripts;
import eu.useit.tests.support.TestRepository;
import eu.useit.tests.support.Xml;
import org.dspace.builder.CollectionBuilder;
import org.dspace.builder.CommunityBuilder;
import org.dspace.builder.ItemBuilder;
import org.dspace.content.Collection;
import org.dspace.content.Item;
import org.dspace.core.Constants;
import org.dspace.services.factory.DSpaceServicesFactory;
import org.junit.Test;
import org.w3c.dom.Document;

/**
 * The command for sites that sweep with cron ({@code dspace useit-access-sweep}): an embargoed item whose embargo
 * day has come is found and written to OAI-PMH and search, for anonymous users over HTTP. The day's coming is made
 * by moving the embargo's start into the past behind DSpace's back (a direct database update, which tells the
 * indexes nothing, as the passing of a day does not); until the command runs the indexes do not know. A lease that
 * ends while the search index is down is not lost: the command queues the item, and the queue writes it once the
 * search index is back.
 */
public class AccessSweepCommandIT extends AbstractUseitIT {

    private static final Duration SETTLE = Duration.ofSeconds(10);

    @Test
    public void theCommandIndexesItemsWhoseEmbargoLifted() throws Exception {
        String word = "sweepcommand" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        Item item = newItem("Sweep command check", "Embargoed " + word, Period.ofYears(1));
        String handle = item.getHandle();
        assertThat("embargoed: not harvestable", live(handle), is(false));
        // what the deposit queued is written first: from here on only the command can tell the indexes
        OaiIndexConsumer.worker().drainNow();

        // the day comes: the embargo's start is in the past, and no event tells the indexes
        setReadDate("start_date", item, LocalDate.now().minusDays(1));
        Thread.sleep(SETTLE.toMillis() / 2);
        assertThat("the indexes do not know before the sweep", live(handle), is(false));

        Scripts.run("useit-access-sweep", "-s", LocalDate.now().minusDays(2).toString());
        Instant deadline = Instant.now().plus(SETTLE);
        while (!live(handle) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat("harvestable after the sweep", live(handle), is(true));
        assertThat("found by anonymous search after the sweep", anonymousHits(word), is(1L));
    }

    @Test
    public void aLeaseThatEndsWhileTheSearchIndexIsDownIsWrittenOnceItIsBack() throws Exception {
        String word = "sweeplease" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        Item item = newItem("Sweep lease check", "Leased " + word, null);
        String handle = item.getHandle();
        Instant deadline = Instant.now().plus(SETTLE);
        while ((!live(handle) || anonymousHits(word) != 1) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat("public: harvestable", live(handle), is(true));
        assertThat("public: found", anonymousHits(word), is(1L));

        // the lease ended yesterday (no event tells the indexes), and the search index is down when the sweep runs
        setReadDate("end_date", item, LocalDate.now().minusDays(1));
        RestClient solr = RestClient.anonymous(TestRepository.get().solrUrl());
        solr.get("/admin/cores?action=UNLOAD&core=search&wt=json").expect(200);
        try {
            // the change is kept: the command ends, its items wait in the index queue
            Scripts.run("useit-access-sweep", "-s", LocalDate.now().minusDays(2).toString());
            assertThat("no longer harvestable", live(handle), is(false));
        } finally {
            solr.get("/admin/cores?action=CREATE&name=search&instanceDir=search&wt=json").expect(200);
        }
        // the search index back, the queue writes what it could not (first try again 5 s later, then 10 s)
        deadline = Instant.now().plus(Duration.ofSeconds(40));
        while (anonymousHits(word) != 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
        assertThat("no longer found by anonymous search once the search index is back", anonymousHits(word), is(0L));
    }

    /** An item in a collection of its own, made by an administrator (the data of the check, not the check). */
    private Item newItem(String collectionName, String title, Period embargo) throws Exception {
        context.turnOffAuthorisationSystem();
        Collection collection = CollectionBuilder.createCollection(context, CommunityBuilder.createCommunity(context)
            .withName(collectionName + " (illustrative)").build()).build();
        ItemBuilder builder = ItemBuilder.createItem(context, collection).withTitle(title + " (illustrative)")
                                         .withIssueDate("2024");
        Item item = (embargo == null ? builder : builder.withEmbargoPeriod(embargo)).build();
        context.restoreAuthSystemState();
        context.commit();
        return item;
    }

    private static long anonymousHits(String word) {
        return RestClient.anonymous(TestRepository.serverUrl()).get("/api/discover/search/objects?query=" + word)
                         .expect(200).json().at("/_embedded/searchResult/page/totalElements").asLong();
    }

    private static void setReadDate(String column, Item item, LocalDate day) throws Exception {
        DataSource dataSource = DSpaceServicesFactory.getInstance().getServiceManager()
                                                     .getServiceByName("dataSource", DataSource.class);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                 "UPDATE resourcepolicy SET " + column + " = ? WHERE dspace_object = ? AND action_id = ?")) {
            update.setDate(1, Date.valueOf(day));
            update.setObject(2, item.getID());
            update.setInt(3, Constants.READ);
            assertThat(update.executeUpdate(), is(1));
        }
    }

    private static boolean live(String handle) throws Exception {
        Document record = new OaiHarvest(TestRepository.serverUrl() + "/oai/request").document(
            "verb=GetRecord&metadataPrefix=oai_dc&identifier="
                + RestClient.encode("oai:useit.example.ac.uk:" + handle));
        return !Xml.nodes(record, "//oai:record/oai:metadata").isEmpty();
    }
}
