/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.tests.harvesters;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import eu.useit.runtime.LocalAdministrator;
import eu.useit.runtime.OaiImport;
import eu.useit.tests.support.AbstractUseitIT;
import eu.useit.tests.support.OaiHarvest;
import eu.useit.tests.support.RestClient;
import eu.useit.tests.support.Scripts;
import eu.useit.tests.support.TestRepository;
import eu.useit.tests.support.Xml;
import org.dspace.authorize.factory.AuthorizeServiceFactory;
import org.dspace.authorize.service.AuthorizeService;
import org.dspace.builder.BitstreamBuilder;
import org.dspace.builder.CollectionBuilder;
import org.dspace.builder.CommunityBuilder;
import org.dspace.builder.GroupBuilder;
import org.dspace.builder.ItemBuilder;
import org.dspace.content.Bitstream;
import org.dspace.content.Collection;
import org.dspace.content.Community;
import org.dspace.content.Item;
import org.dspace.content.WorkspaceItem;
import org.dspace.content.factory.ContentServiceFactory;
import org.dspace.content.service.CommunityService;
import org.dspace.content.service.ItemService;
import org.dspace.core.Constants;
import org.dspace.eperson.Group;
import org.dspace.eperson.factory.EPersonServiceFactory;
import org.dspace.eperson.service.GroupService;
import org.dspace.handle.factory.HandleServiceFactory;
import org.dspace.versioning.Version;
import org.dspace.versioning.factory.VersionServiceFactory;
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
    private final CommunityService communities = ContentServiceFactory.getInstance().getCommunityService();
    private final OaiHarvest request = new OaiHarvest(TestRepository.serverUrl() + "/oai/request");

    private Document getRecord(Item item, String format) throws Exception {
        return request.document("verb=GetRecord&metadataPrefix=" + format + "&identifier="
            + URLEncoder.encode(NAMESPACE + item.getHandle(), StandardCharsets.UTF_8));
    }

    /** Polls GetRecord until the record matches; returns how long it took, failing after the promised 5 s. */
    private Duration waitFor(Item item, Check test, String what) throws Exception {
        return waitFor(item, "oai_dc", test, what);
    }

    private Duration waitFor(Item item, String format, Check test, String what) throws Exception {
        Instant start = Instant.now();
        while (true) {
            Document record = getRecord(item, format);
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

    /** A collection of its own community, for one test's items. */
    private Collection collection(String name) throws Exception {
        context.turnOffAuthorisationSystem();
        Collection collection = CollectionBuilder.createCollection(context,
            CommunityBuilder.createCommunity(context).withName(name + " (illustrative)").build()).build();
        context.commit();
        return context.reloadEntity(collection);
    }

    private Item deposit(Collection collection, String title) throws Exception {
        Item item = ItemBuilder.createItem(context, collection).withTitle(title + " (illustrative)")
                               .withIssueDate("2024").build();
        context.commit();
        return item;
    }

    @Test
    public void changesReachHarvestersWithinFiveSecondsAndDeletionsPersist() throws Exception {
        Collection collection = collection("Freshness test");
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

    /**
     * An item whose handle was taken from it (DSpace unbinds an item's handles as it deletes it) and that is no longer
     * public: its record is a deleted record under the handle harvesters saw, at once, not an index write that fails
     * and stays queued (a tombstone cannot be kept without the handle).
     */
    @Test
    public void anItemThatLostItsHandleIsADeletedRecordUnderTheHandleHarvestersSaw() throws Exception {
        Collection collection = collection("Handle test");
        Item item = deposit(collection, "To lose its handle");
        waitFor(item, OaiFreshnessAndDeletionsIT::live, "deposit harvestable");
        String handle = item.getHandle();

        context.turnOffAuthorisationSystem();
        item = context.reloadEntity(item);
        HandleServiceFactory.getInstance().getHandleService().unbindHandle(context, item);
        items.withdraw(context, item);
        context.restoreAuthSystemState();
        context.commit();
        assertThat(items.find(context, item.getID()).getHandle(), is(nullValue()));

        Instant start = Instant.now();
        Document record = recordOf(handle);
        while (!deleted(record) && Duration.between(start, Instant.now()).compareTo(PROMISE) <= 0) {
            Thread.sleep(100);
            record = recordOf(handle);
        }
        assertThat("a deleted record within " + PROMISE + ", last answer: " + Xml.string(record, "/*"),
                   deleted(record), is(true));
    }

    private Document recordOf(String handle) throws Exception {
        return request.document("verb=GetRecord&metadataPrefix=oai_dc&identifier="
            + URLEncoder.encode(NAMESPACE + handle, StandardCharsets.UTF_8));
    }

    @Test
    public void anItemReadThroughAGroupLeavesTheListsWhenAnonymousUsersLeaveTheGroup() throws Exception {
        context.turnOffAuthorisationSystem();
        GroupService groups = EPersonServiceFactory.getInstance().getGroupService();
        Group anonymous = groups.findByName(context, Group.ANONYMOUS);
        Group everyone = GroupBuilder.createGroup(context).withName("Everyone, for a test (illustrative)").build();
        groups.addMember(context, everyone, anonymous);
        groups.update(context, everyone);
        Collection collection = CollectionBuilder.createCollection(context,
            CommunityBuilder.createCommunity(context).withName("Group read test (illustrative)").build()).build();
        Item item = ItemBuilder.createItem(context, collection).withTitle("Read through a group (illustrative)")
                               .withIssueDate("2024").build();
        AuthorizeService authorize = AuthorizeServiceFactory.getInstance().getAuthorizeService();
        authorize.removeGroupPolicies(context, item, anonymous);
        authorize.addPolicy(context, item, Constants.READ, everyone);
        items.updateLastModified(context, item);
        context.commit();
        String set = "col_" + collection.getHandle().replace('/', '_');
        String identifier = NAMESPACE + item.getHandle();
        assertThat("listed while anonymous users are in the group", listed(set, identifier, ""), is(true));

        // the Anonymous group leaves the group: nobody else may read the item
        everyone = context.reloadEntity(everyone);
        groups.removeMember(context, everyone, groups.findByName(context, Group.ANONYMOUS));
        groups.update(context, everyone);
        context.commit();
        assertThat("a deleted record once anonymous users left the group", listed(set, identifier, "deleted"),
                   is(true));

        // read through a group that is deleted: DSpace removes its policies with it, and fires no event of them
        Group deleted = groups.create(context);
        groups.setName(deleted, "Everyone, deleted by a test (illustrative)");
        groups.addMember(context, deleted, groups.findByName(context, Group.ANONYMOUS));
        groups.update(context, deleted);
        collection = context.reloadEntity(collection);
        Item other = ItemBuilder.createItem(context, collection).withTitle("Read through a deleted group "
            + "(illustrative)").withIssueDate("2024").build();
        authorize.removeGroupPolicies(context, other, groups.findByName(context, Group.ANONYMOUS));
        authorize.addPolicy(context, other, Constants.READ, deleted);
        items.updateLastModified(context, other);
        context.commit();
        String otherIdentifier = NAMESPACE + other.getHandle();
        assertThat("listed while the group is there", listed(set, otherIdentifier, ""), is(true));
        groups.delete(context, context.reloadEntity(deleted));
        context.commit();
        context.restoreAuthSystemState();
        assertThat("a deleted record once the group is deleted", listed(set, otherIdentifier, "deleted"), is(true));
    }

    /** Polls a set's ListIdentifiers until the record has the status ("" for live), within the promised 5 s. */
    private boolean listed(String set, String identifier, String status) throws Exception {
        Instant deadline = Instant.now().plus(PROMISE);
        while (true) {
            for (Node header : request.list("ListIdentifiers", "metadataPrefix=oai_dc&set=" + set)) {
                if (identifier.equals(Xml.string(header, "oai:identifier"))
                    && status.equals(Xml.string(header, "@status"))) {
                    return true;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            Thread.sleep(200);
        }
    }

    @Test
    public void aDeletedFileLeavesItsItemsRecordAtOnce() throws Exception {
        context.turnOffAuthorisationSystem();
        Collection collection = CollectionBuilder.createCollection(context,
            CommunityBuilder.createCommunity(context).withName("Deleted file test (illustrative)").build()).build();
        Item item = ItemBuilder.createItem(context, collection).withTitle("An output whose draft is deleted "
            + "(illustrative)").withIssueDate("2024").build();
        Bitstream draft = BitstreamBuilder.createBitstream(context, item, pdf()).withName("draft.pdf")
                                          .withMimeType("application/pdf").build();
        Bitstream report = BitstreamBuilder.createBitstream(context, item, pdf()).withName("report.pdf")
                                           .withMimeType("application/pdf").build();
        String email = "file-deleter-" + System.nanoTime() + "@useit.example.ac.uk";
        String password = "file-deleter-" + System.nanoTime();
        LocalAdministrator.account(context, email, password);
        context.restoreAuthSystemState();
        context.commit();
        String draftLink = "/bitstreams/" + draft.getID() + "/download";
        String reportLink = "/bitstreams/" + report.getID() + "/download";
        waitFor(item, "qdc", record -> identifiers(record).containsAll(List.of(draftLink, reportLink)),
                "both files in the record");
        // written again by DSpace's own import, which knows nothing of the file ids; the index check adds them,
        // keeping the record's datestamp (harvesters see nothing new)
        OaiImport.run(true);
        assertThat(indexedFiles(item), is(List.of()));
        Instant imported = Instant.parse(Xml.string(getRecord(item, "qdc"), "//oai:header/oai:datestamp"));
        Scripts.run("useit-reindex", "-o", "-v");
        assertThat(indexedFiles(item), hasItems(draft.getID().toString(), report.getID().toString()));
        Instant datestamp = Instant.parse(Xml.string(getRecord(item, "qdc"), "//oai:header/oai:datestamp"));
        assertThat(datestamp, is(imported));

        // deleted as DSpace's REST API deletes a file: DSpace's event names the file only, not its item
        Thread.sleep(1000);
        RestClient.login(TestRepository.serverUrl(), email, password).delete("/api/core/bitstreams/" + draft.getID())
                  .expect(204);
        waitFor(item, "qdc", record -> live(record) && !identifiers(record).contains(draftLink)
            && identifiers(record).contains(reportLink), "the deleted file gone from the record, the other kept");
        assertThat("the record's datestamp shows the change to incremental harvests",
                   Instant.parse(Xml.string(getRecord(item, "qdc"), "//oai:header/oai:datestamp")).isAfter(datestamp),
                   is(true));
        String page = RestClient.anonymous(TestRepository.serverUrl()).get("/useit/handle/" + item.getHandle())
                                .expect(200).body();
        assertThat(page, containsString("report.pdf"));
        assertThat(page, not(containsString("draft.pdf")));
    }

    /**
     * A new version installed: DSpace's versioning consumer takes the earlier version out of the archive, so its
     * record turns into a deleted record (as DSpace's own OAI import makes one), and the new version is harvestable.
     */
    @Test
    public void anEarlierVersionBecomesADeletedRecordWhenANewVersionIsInstalled() throws Exception {
        Item first = deposit(collection("Versions test"), "A report in two versions");
        waitFor(first, OaiFreshnessAndDeletionsIT::live, "the first version harvestable");

        context.turnOffAuthorisationSystem();
        Version version = VersionServiceFactory.getInstance().getVersionService()
                                               .createNewVersion(context, context.reloadEntity(first),
                                                                 "a second version (illustrative)");
        WorkspaceItem draft = ContentServiceFactory.getInstance().getWorkspaceItemService()
                                                   .findByItem(context, version.getItem());
        Item second = ContentServiceFactory.getInstance().getInstallItemService().installItem(context, draft);
        context.restoreAuthSystemState();
        context.commit();
        first = context.reloadEntity(first);
        assertThat("DSpace's versioning took the earlier version out of the archive", first.isArchived(), is(false));
        waitFor(first, OaiFreshnessAndDeletionsIT::deleted, "the earlier version's record deleted");
        waitFor(context.reloadEntity(second), OaiFreshnessAndDeletionsIT::live, "the new version harvestable");

        // DSpace indexes an earlier version in the search core too (latestVersion false): the index check finds
        // that document in order, not a document of nothing to remove
        RestClient solr = RestClient.anonymous(TestRepository.get().solrUrl());
        String earlier = "search.uniqueid:\"Item-" + first.getID() + "\"";
        assertThat(solr.get("/search/select?rows=0&wt=json&q=" + RestClient.encode(earlier)).expect(200).json()
                       .at("/response/numFound").asLong(), is(1L));
        List<String> checked = Scripts.run("useit-reindex", "-d", "-v").getInfoMessages();
        assertThat(checked.toString(), solr.get("/search/select?rows=0&wt=json&q=" + RestClient.encode(earlier))
                                           .expect(200).json().at("/response/numFound").asLong(), is(1L));
    }

    @Test
    public void anItemsSetsFollowItsCollectionAndCommunityWhenTheyMove() throws Exception {
        context.turnOffAuthorisationSystem();
        Community from = CommunityBuilder.createCommunity(context).withName("Moved from (illustrative)").build();
        Community to = CommunityBuilder.createCommunity(context).withName("Moved to (illustrative)").build();
        Community area = CommunityBuilder.createSubCommunity(context, from).withName("An area (illustrative)")
                                         .build();
        Collection inArea = CollectionBuilder.createCollection(context, area).build();
        Collection moved = CollectionBuilder.createCollection(context, from).build();
        context.commit();
        Item deep = deposit(context.reloadEntity(inArea), "In a sub-community that moves");
        Item direct = deposit(context.reloadEntity(moved), "In a collection that moves");
        waitFor(direct, record -> sets(record).contains(set(from)), "records in their first community's set");
        waitFor(deep, record -> sets(record).containsAll(List.of(set(from), set(area))), "the deep one too");

        // a collection moved as DSpace's services move one: added to the new community, taken from the old
        communities.addCollection(context, context.reloadEntity(to), context.reloadEntity(moved));
        communities.removeCollection(context, context.reloadEntity(from), context.reloadEntity(moved));
        context.commit();
        waitFor(direct, record -> sets(record).contains(set(to)) && !sets(record).contains(set(from)),
                "the record in its collection's new community's set only");

        // a sub-community moved as DSpace's community-filiator moves one: taken from its parent, then given another
        Community child = context.reloadEntity(area);
        Community parent = context.reloadEntity(from);
        child.removeParentCommunity(parent);
        parent.removeSubCommunity(child);
        communities.update(context, child);
        communities.update(context, parent);
        context.commit();
        communities.addSubcommunity(context, context.reloadEntity(to), context.reloadEntity(area));
        context.commit();
        waitFor(deep, record -> sets(record).containsAll(List.of(set(to), set(area)))
            && !sets(record).contains(set(from)), "the deep record in its sub-community's new parent's set only");
        context.restoreAuthSystemState();
    }

    private static String set(Community community) {
        return "com_" + community.getHandle().replace('/', '_');
    }

    private static List<String> sets(Document record) throws Exception {
        return Xml.strings(record, "//oai:header/oai:setSpec");
    }

    /** The file ids the OAI core keeps with an item's record. */
    private static List<String> indexedFiles(Item item) throws Exception {
        List<String> ids = new ArrayList<>();
        RestClient.anonymous(TestRepository.get().solrUrl()).get("/oai/select?wt=json&fl=item.files&q=item.id:"
            + item.getID()).expect(200).json().at("/response/docs/0/item.files").forEach(id -> ids.add(id.asText()));
        return ids;
    }

    /** The file links of a qdc record, each as the path after the server's address. */
    private static List<String> identifiers(Document record) throws Exception {
        List<String> links = new ArrayList<>();
        for (String identifier : Xml.strings(record, "//dc:identifier")) {
            int at = identifier.indexOf("/bitstreams/");
            if (at >= 0) {
                links.add(identifier.substring(at));
            }
        }
        return links;
    }

    private static InputStream pdf() {
        return new ByteArrayInputStream("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII));
    }
}
