/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.tests.harvesters;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import javax.sql.DataSource;

import eu.useit.dspace.support.UseitSchemaMigration;
import eu.useit.runtime.SolrServer;
import eu.useit.tests.support.AbstractUseitIT;
import eu.useit.tests.support.OaiHarvest;
import eu.useit.tests.support.RestClient;
import eu.useit.tests.support.Sample;
import eu.useit.tests.support.Scripts;
import eu.useit.tests.support.TestRepository;
import eu.useit.tests.support.Xml;
import org.dspace.app.scripts.handler.impl.TestDSpaceRunnableHandler;
import org.dspace.builder.CollectionBuilder;
import org.dspace.builder.CommunityBuilder;
import org.dspace.builder.EPersonBuilder;
import org.dspace.builder.ItemBuilder;
import org.dspace.content.Collection;
import org.dspace.content.Item;
import org.dspace.content.factory.ContentServiceFactory;
import org.dspace.content.service.ItemService;
import org.dspace.eperson.EPerson;
import org.dspace.services.factory.DSpaceServicesFactory;
import org.dspace.utils.DSpace;
import org.flywaydb.core.api.callback.Callback;
import org.junit.Test;
import org.springframework.context.ApplicationContext;
import org.w3c.dom.Document;

/**
 * No change is lost: a change committed while the project's Solr server is down reaches OAI-PMH and search once it
 * is back (it waits in the database's index queue, tried again with growing delays, not only logged); one record
 * that cannot be written keeps its place in the queue, with its error, and holds back no other record of its
 * commit; it is written once it can be.
 */
public class IndexQueueIT extends AbstractUseitIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private final ItemService items = ContentServiceFactory.getInstance().getItemService();

    @Test
    public void aChangeCommittedWhileSolrIsDownReachesTheIndexesWhenItIsBack() throws Exception {
        Sample.load();
        String word = word("solrdown");
        Path records = Files.createTempFile("outage", ".json");
        Files.writeString(records, "[{\"key\": \"org-" + word + "\", \"type\": \"OrgUnit\", \"dc.title\": "
            + "\"Deposited during an outage " + word + " (illustrative)\", \"useit.provenance\": \"illustrative\"}]");
        SolrServer solr = TestRepository.solrServer();
        solr.close();
        Item item;
        try {
            // a librarian's import while Solr is down: the deposit itself must stand
            TestDSpaceRunnableHandler run = Scripts.run("useit-import", "-f", records.toString(), "-e", ADMIN_EMAIL);
            assertThat(run.getErrorMessages().toString(), run.getException(), nullValue());
            item = items.findByMetadataField(context, "useit", "key", null, "org-" + word).next();
            assertThat("the change waits in the queue", queued(item.getID()), greaterThan(0));
        } finally {
            TestRepository.replaceSolrServer(solr.startAgain());
        }
        String handle = item.getHandle();
        await("harvestable after the outage", () -> live(handle));
        await("searchable after the outage", () -> found(word, "default") == 1);
        assertThat("nothing left in the queue", queued(item.getID()), is(0));
    }

    @Test
    public void aDepositStartedOrDeletedWhileTheSearchIndexIsDownIsThereAsItIsOnceItIsBack() throws Exception {
        String password = "Outage-" + UUID.randomUUID();
        context.turnOffAuthorisationSystem();
        EPerson depositor = EPersonBuilder.createEPerson(context).withEmail(word("depositor") + "@example.org")
                                          .withPassword(password).withCanLogin(true).build();
        Collection collection = CollectionBuilder.createCollection(context, CommunityBuilder.createCommunity(context)
            .withName("Deposits during an outage (illustrative)").build()).withSubmitterGroup(depositor).build();
        context.restoreAuthSystemState();
        context.commit();
        RestClient submitter = RestClient.login(TestRepository.serverUrl(), depositor.getEmail(), password);
        RestClient solr = RestClient.anonymous(TestRepository.get().solrUrl());

        // a submitter's and a reviewer's lists are searches: DSpace only logs the document it could not write
        String id;
        solr.get("/admin/cores?action=UNLOAD&core=search&wt=json").expect(200);
        try {
            id = submitter.post("/api/submission/workspaceitems?owningCollection=" + collection.getID(), Map.of())
                          .expect(201).json().path("id").asText();
        } finally {
            solr.get("/admin/cores?action=CREATE&name=search&instanceDir=search&wt=json").expect(200);
        }
        String document = "WorkspaceItem-" + id;
        await("the deposit's search document is written once the index is back", () -> documents(solr, document) == 1);

        solr.get("/admin/cores?action=UNLOAD&core=search&wt=json").expect(200);
        try {
            submitter.delete("/api/submission/workspaceitems/" + id).expect(204);
        } finally {
            solr.get("/admin/cores?action=CREATE&name=search&instanceDir=search&wt=json").expect(200);
        }
        await("the deleted deposit's search document is removed once the index is back",
              () -> documents(solr, document) == 0);
    }

    /**
     * The queue's table, and the addon's others, come with any migration DSpace runs: DSpace hands Flyway every bean
     * of Flyway's callback type of its kernel (DatabaseUtils), as read here; that the callback makes the tables is
     * {@code UseitSchemaMigrationTest}'s.
     */
    @Test
    public void dspaceHandsItsDatabaseMigrationTheAddonsCallback() {
        assertThat(DSpaceServicesFactory.getInstance().getServiceManager().getServicesByType(Callback.class),
                   hasItem(instanceOf(UseitSchemaMigration.class)));
    }

    /**
     * Every service bean of {@code useit-services.xml} is made from the booted kernel's own beans: most are lazy and
     * made on first use, so a constructor whose argument two of DSpace's beans could fill, or none, would otherwise
     * fail only in the code path that first needs it.
     */
    @Test
    public void everyServiceOfTheAddonIsMadeFromDSpacesBeans() {
        ApplicationContext kernel = new DSpace().getServiceManager().getApplicationContext();
        List<String> ours = Arrays.stream(kernel.getBeanDefinitionNames()).filter(name -> name.startsWith("useit"))
                                  .toList();
        assertThat(ours, hasItems("useitReadPolicies", "useitAnonymousAccess", "useitHiddenItems",
                                  "useitHiddenVersions", "useitIllustrativeNote", "useitTombstoneStore",
                                  "useitOaiDocuments", "useitOaiIndexer", "useitIndexQueue", "useitAffectedItems",
                                  "useitIndexWorker", "useitSearchWrites", "useitSearchDocuments",
                                  "useitSearchIndexCheck", "useitPublicViewCompilePlugin"));
        for (String name : ours) {
            assertThat(name, kernel.getBean(name), is(notNullValue()));
        }
    }

    private static long documents(RestClient solr, String uniqueId) {
        return solr.get("/search/select?rows=0&wt=json&q=" + RestClient.encode("search.uniqueid:\"" + uniqueId + "\""))
                   .expect(200).json().at("/response/numFound").asLong();
    }

    @Test
    public void oneRecordThatCannotBeWrittenHoldsBackNoOther() throws Exception {
        String word = word("badrecord");
        context.turnOffAuthorisationSystem();
        Collection collection = collection("Bad record check (illustrative)");
        Item good = ItemBuilder.createItem(context, collection).withTitle("Good " + word + " (illustrative)")
                               .withIssueDate("2024").build();
        Item bad = ItemBuilder.createItem(context, collection).withTitle("Bad " + word + " (illustrative)")
                              .withIssueDate("2024").build();
        context.commit();
        String goodHandle = good.getHandle();
        String badHandle = bad.getHandle();
        await("both harvestable", () -> live(goodHandle) && live(badHandle));

        // the bad one loses its handle behind DSpace's back: its record cannot be written (no handle, no key)
        String removed = runSql("UPDATE handle SET resource_id = NULL WHERE resource_id = ?", bad.getID());
        good = context.reloadEntity(good);
        bad = context.reloadEntity(bad);
        items.replaceMetadata(context, good, "dc", "title", null, null, "Good, changed " + word + " (illustrative)",
                              null, -1, 0);
        items.replaceMetadata(context, bad, "dc", "title", null, null, "Bad, changed " + word + " (illustrative)",
                              null, -1, 0);
        items.update(context, good);
        items.update(context, bad);
        context.commit();
        await("the good record of the same commit is written",
              () -> title(goodHandle).startsWith("Good, changed"));
        assertThat("the bad one keeps its place in the queue", queued(bad.getID()), greaterThan(0));
        assertThat("with its error", error(bad.getID()).isEmpty(), is(false));

        // repaired: its next try writes it
        runSql("UPDATE handle SET resource_id = ? WHERE handle = '" + badHandle + "'", bad.getID());
        await("the bad record is written once it can be", () -> title(badHandle).startsWith("Bad, changed"));
        assertThat(removed, is("1"));
    }

    private Collection collection(String name) throws Exception {
        return CollectionBuilder.createCollection(context, CommunityBuilder.createCommunity(context).withName(name)
                                                                           .build()).build();
    }

    private static String word(String what) {
        return what + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
    }

    private static void await(String what, Callable<Boolean> check) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!check.call()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(what + ": not within " + PATIENCE);
            }
            Thread.sleep(500);
        }
    }

    private static Document getRecord(String handle) throws Exception {
        return new OaiHarvest(TestRepository.serverUrl() + "/oai/request").document(
            "verb=GetRecord&metadataPrefix=oai_dc&identifier="
                + RestClient.encode("oai:useit.example.ac.uk:" + handle));
    }

    private static boolean live(String handle) throws Exception {
        return !Xml.nodes(getRecord(handle), "//oai:record/oai:metadata").isEmpty();
    }

    private static String title(String handle) throws Exception {
        return Xml.string(getRecord(handle), "//*[local-name()='title']");
    }

    private static long found(String word, String configuration) {
        return RestClient.anonymous(TestRepository.serverUrl())
                         .get("/api/discover/search/objects?configuration=" + configuration + "&query=" + word)
                         .expect(200).json().at("/_embedded/searchResult/page/totalElements").asLong();
    }

    private static int queued(UUID item) throws Exception {
        return Integer.parseInt(queryOne("SELECT COUNT(*) FROM useit_index_queue WHERE item_id = '" + item + "'"));
    }

    private static String error(UUID item) throws Exception {
        String found = queryOne("SELECT MAX(last_error) FROM useit_index_queue WHERE item_id = '" + item + "'");
        return found == null ? "" : found;
    }

    private static String queryOne(String sql) throws Exception {
        try (Connection connection = dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(sql);
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getString(1);
        }
    }

    private static String runSql(String sql, UUID item) throws Exception {
        try (Connection connection = dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, item);
            int changed = statement.executeUpdate();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            return Integer.toString(changed);
        }
    }

    private static DataSource dataSource() {
        return DSpaceServicesFactory.getInstance().getServiceManager().getServiceByName("dataSource",
                                                                                       DataSource.class);
    }
}
