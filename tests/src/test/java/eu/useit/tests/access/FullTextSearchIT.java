/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.tests.access;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import eu.useit.dspace.oai.index.OaiIndexConsumer;
import eu.useit.runtime.LocalAdministrator;
import eu.useit.tests.support.AbstractUseitIT;
import eu.useit.tests.support.RestClient;
import eu.useit.tests.support.RestContent;
import eu.useit.tests.support.Scripts;
import eu.useit.tests.support.TestRepository;
import eu.useit.tests.support.Words;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.common.SolrInputDocument;
import org.dspace.builder.CollectionBuilder;
import org.dspace.builder.CommunityBuilder;
import org.dspace.builder.ItemBuilder;
import org.dspace.content.Collection;
import org.dspace.content.Item;
import org.dspace.discovery.SolrSearchCore;
import org.dspace.utils.DSpace;
import org.junit.Before;
import org.junit.Test;

/**
 * Search by the words of files' text (the TEXT bundle that DSpace's {@code filter-media} writes) or of their names
 * finds an item only by the text and names of files that whoever searches may read: asked over HTTP as an anonymous
 * user, a plain account and a member of a group, with the files and their access made as a librarian makes them,
 * through REST. The texts are given the worst access a site can give them: open to all (as {@code filter-media} does
 * for filters listed as public), whatever the file they come from; the file they come from decides.
 */
public class FullTextSearchIT extends AbstractUseitIT {

    /** How long the indexes may take to follow a committed change (the index queue looks every second). */
    private static final Duration SETTLE = Duration.ofSeconds(30);
    private static final String PDF = "application/pdf";

    private final String run = Words.letters(6);
    private RestClient librarian;
    private RestContent content;
    private RestClient anonymous;
    private Collection collection;

    /**
     * A collection whose items and files anybody may read (DSpace's defaults), and an administrator's REST client.
     *
     * @throws Exception if the data cannot be made
     */
    @Before
    public void collection() throws Exception {
        context.turnOffAuthorisationSystem();
        collection = CollectionBuilder.createCollection(context, CommunityBuilder.createCommunity(context)
            .withName("Full text check " + run + " (illustrative)").build()).withName("Outputs (illustrative)")
                                      .build();
        context.restoreAuthSystemState();
        String email = "fulltext-" + run + "@useit.example.ac.uk";
        String password = "fulltext-" + Words.letters(12);
        LocalAdministrator.account(context, email, password);
        context.commit();
        librarian = RestClient.login(TestRepository.serverUrl(), email, password);
        content = new RestContent(librarian);
        anonymous = RestClient.anonymous(TestRepository.serverUrl());
    }

    @Test
    public void aPublicItemIsFoundOnlyByTheTextOfFilesAnybodyMayRead() throws Exception {
        Item item = item("A report with four files");
        String open = word("open");
        String closed = word("closed");
        String embargoed = word("embargoed");
        String closedText = word("closedtext");
        String openFile = file(item, "open.pdf");
        text(item, "open.pdf.txt", open);
        String closedFile = file(item, "closed.pdf");
        content.removeReads(closedFile);
        text(item, "closed.pdf.txt", closed);
        String embargoedFile = file(item, "embargoed.pdf");
        content.removeReads(embargoedFile);
        content.addAnonymousRead(embargoedFile, LocalDate.now().plusYears(1), null);
        text(item, "embargoed.pdf.txt", embargoed);
        file(item, "text-closed.pdf");
        String closedTextFile = text(item, "text-closed.pdf.txt", closedText);
        content.removeReads(closedTextFile);
        // files without text, found by their names: one open, one restricted
        String openName = word("openname");
        String closedName = word("closedname");
        file(item, openName + "-notes.pdf");
        String closedNameFile = file(item, closedName + "-notes.pdf");
        content.removeReads(closedNameFile);
        // last, a file opened after its text was made: only the index queue, which follows changes of files' access,
        // writes its text, from what the database says after every change above (DSpace writes nothing for it)
        String late = word("late");
        String lateFile = file(item, "late.pdf");
        content.removeReads(lateFile);
        text(item, "late.pdf.txt", late);
        content.addAnonymousRead(lateFile, null, null);

        RestClient reader = plainAccount();
        assertFound(anonymous, late, true);
        for (RestClient who : List.of(anonymous, reader)) {
            assertThat(found(who, open), is(true));
            assertThat(found(who, openName), is(true));
            for (String hidden : List.of(closed, embargoed, closedText, closedName)) {
                assertThat("found by " + hidden, found(who, hidden), is(false));
            }
        }

        // files opened later: their texts are found (so the words above were findable); a file restricted later:
        // its text is no longer found
        content.addAnonymousRead(closedFile, null, null);
        content.addAnonymousRead(embargoedFile, null, null);
        content.addAnonymousRead(closedTextFile, null, null);
        content.addAnonymousRead(closedNameFile, null, null);
        content.removeReads(openFile);
        for (RestClient who : List.of(anonymous, reader)) {
            assertFound(who, closed, true);
            assertFound(who, embargoed, true);
            assertFound(who, closedText, true);
            assertFound(who, closedName, true);
            assertFound(who, open, false);
        }
    }

    /**
     * An item two groups may read (a team and its partners, both in a department): its text is searchable where
     * both may read the file (the department's file: nested groups), not where only one may (the team's own file,
     * although the team member searching may read it), nor where neither may; nor once the bundle of the files is
     * closed to the partners.
     */
    @Test
    public void anItemOfSomeGroupsIsFoundOnlyByTheTextOfFilesAllOfThemMayRead() throws Exception {
        Item item = item("A team's report");
        String department = group("department");
        String team = subgroup(department, "team");
        String partners = subgroup(department, "partners");
        String password = "reader-" + Words.letters(12);
        String member = content.account("team-" + run + "@fulltext.example.org", password, "Team", "Member");
        librarian.postUris("/api/eperson/groups/" + team + "/epersons",
                           TestRepository.serverUrl() + "/api/eperson/epersons/" + member).expect(204);
        RestClient teamMember = RestClient.login(TestRepository.serverUrl(), "team-" + run + "@fulltext.example.org",
                                                 password);
        String departmentWord = word("department");
        String teamWord = word("team");
        String staffWord = word("staff");
        String staffFile = file(item, "staff.pdf");
        content.removeReads(staffFile);
        text(item, "staff.pdf.txt", staffWord);
        String teamFile = file(item, "team.pdf");
        content.removeReads(teamFile);
        content.addRead(teamFile, team, null, null);
        text(item, "team.pdf.txt", teamWord);
        String departmentFile = file(item, "department.pdf");
        content.removeReads(departmentFile);
        text(item, "department.pdf.txt", departmentWord);
        // the item becomes the team's and the partners' (its bundles stay as they were: open)
        String uuid = item.getID().toString();
        content.removeReads(uuid);
        content.addRead(uuid, team, null, null);
        content.addRead(uuid, partners, null, null);
        // last, the department's file opened to the department after its text was made (see the test above)
        content.addRead(departmentFile, department, null, null);

        assertFound(teamMember, departmentWord, true);
        assertThat(found(teamMember, word("title")), is(true));
        assertThat("a file the partners may not read", found(teamMember, teamWord), is(false));
        assertThat("a file nobody may read", found(teamMember, staffWord), is(false));
        assertThat("not the anonymous users' item", found(anonymous, word("title")), is(false));

        // once the partners may read the team's file, and both the staff's, their texts are found
        content.addRead(teamFile, partners, null, null);
        content.addRead(staffFile, department, null, null);
        assertFound(teamMember, teamWord, true);
        assertFound(teamMember, staffWord, true);

        // the bundle of the deposited files closed to the team alone (DSpace fires no event of its own for a
        // bundle's policies): the partners may no longer read those files, so no text is found; what was queued
        // before is written first, so that only the bundle's change can take the texts away
        OaiIndexConsumer.worker().drainNow();
        String deposited = content.bundle(uuid, "ORIGINAL");
        content.removeReads(deposited);
        content.addRead(deposited, team, null, null);
        assertFound(teamMember, teamWord, false);
        assertThat(found(teamMember, staffWord), is(false));
        assertThat("the item by its title", found(teamMember, word("title")), is(true));
    }

    /**
     * Who may read a file changes with the members of the groups its READ names: an item its depositor (an account of
     * its own) and the partners may read, whose file the department may read (the partners in it). The file's text is
     * found while the depositor is in the department, directly or through the partners; once the depositor or the
     * partners leave, or a group between the partners and the department or the department itself is deleted, the
     * text is no longer found (the depositor still finds the item by its title).
     */
    @Test
    public void aTextIsNoLongerFoundOnceAReaderOfTheItemLeavesTheGroupThatMayReadItsFile() throws Exception {
        Item item = item("A department's report");
        String partners = group("partners");
        String department = group("department");
        String groups = "/api/eperson/groups/";
        librarian.postUris(groups + department + "/subgroups", TestRepository.serverUrl() + groups + partners)
                 .expect(204);
        String password = "reader-" + Words.letters(12);
        String email = "depositor-" + run + "@fulltext.example.org";
        String depositor = content.account(email, password, "Depositor", "Account");
        String account = TestRepository.serverUrl() + "/api/eperson/epersons/" + depositor;
        librarian.postUris(groups + department + "/epersons", account).expect(204);
        RestClient reader = RestClient.login(TestRepository.serverUrl(), email, password);
        String departmentWord = word("department");
        String departmentFile = file(item, "department.pdf");
        content.removeReads(departmentFile);
        content.addRead(departmentFile, department, null, null);
        text(item, "department.pdf.txt", departmentWord);
        String uuid = item.getID().toString();
        content.removeReads(uuid);
        content.addRead(uuid, partners, null, null);
        librarian.post("/api/authz/resourcepolicies?resource=" + uuid + "&eperson=" + depositor,
                       Map.of("policyType", "TYPE_CUSTOM", "action", "READ", "type", "resourcepolicy")).expect(201);
        assertFound(reader, departmentWord, true);

        librarian.delete(groups + department + "/epersons/" + depositor).expect(204);
        assertFound(reader, departmentWord, false);
        assertThat("the item by its title", found(reader, word("title")), is(true));
        // in the department through the partners: the change of a group the file's group holds
        librarian.postUris(groups + partners + "/epersons", account).expect(204);
        assertFound(reader, departmentWord, true);
        librarian.delete(groups + partners + "/epersons/" + depositor).expect(204);
        assertFound(reader, departmentWord, false);
        librarian.postUris(groups + department + "/epersons", account).expect(204);
        assertFound(reader, departmentWord, true);
        librarian.delete(groups + department + "/subgroups/" + partners).expect(204);
        assertFound(reader, departmentWord, false);
        assertThat("the item by its title", found(reader, word("title")), is(true));

        // groups deleted (DSpace fires no event for the memberships and policies it removes with them): a unit of
        // the department that held the partners, then the department itself
        String unit = group("unit");
        librarian.postUris(groups + department + "/subgroups", TestRepository.serverUrl() + groups + unit)
                 .expect(204);
        librarian.postUris(groups + unit + "/subgroups", TestRepository.serverUrl() + groups + partners).expect(204);
        assertFound(reader, departmentWord, true);
        librarian.delete(groups + unit).expect(204);
        assertFound(reader, departmentWord, false);
        librarian.postUris(groups + department + "/subgroups", TestRepository.serverUrl() + groups + partners)
                 .expect(204);
        assertFound(reader, departmentWord, true);
        librarian.delete(groups + department).expect(204);
        assertFound(reader, departmentWord, false);
        assertThat("the item by its title", found(reader, word("title")), is(true));
    }

    /**
     * A document written by DSpace's own item indexing (before the addon was installed) holds the text and the name
     * of every file; the index check ({@code useit-reindex -v}, also run at each start) writes it again.
     */
    @Test
    public void documentsWrittenBeforeTheAddonAreWrittenAgainByTheCheck() throws Exception {
        Item item = item("A report indexed before the addon");
        String closed = word("closed");
        content.removeReads(file(item, "closed.pdf"));
        text(item, "closed.pdf.txt", closed);
        String open = word("open");
        file(item, "open.pdf");
        text(item, "open.pdf.txt", open);
        String closedName = word("closedname");
        assertFound(anonymous, open, true);
        assertThat(found(anonymous, closed), is(false));
        // every change above is indexed, and the index agrees with the database (whatever earlier tests left): none
        // is left for the index queue to write over the document below, and the check below finds it alone
        OaiIndexConsumer.worker().drainNow();
        Scripts.run("useit-reindex", "-v", "-d");

        SolrClient search = new DSpace().getServiceManager()
            .getServiceByName(SolrSearchCore.class.getName(), SolrSearchCore.class).getSolr();
        SolrInputDocument before = new SolrInputDocument();
        before.setField("search.uniqueid", "Item-" + item.getID());
        before.setField("fulltext", Map.of("set", List.of("Text extracted from closed.pdf.txt: " + closed)));
        before.setField("useit.fulltext.files_keyword", Map.of("set", List.of()));
        before.setField("original_bundle_filenames", Map.of("add", List.of(closedName + "-notes.pdf")));
        before.setField("useit.named.files_keyword", Map.of("set", List.of()));
        search.add(before);
        search.commit();
        assertThat("the document as DSpace alone writes it", found(anonymous, closed), is(true));
        assertThat("the document as DSpace alone writes it", found(anonymous, closedName), is(true));

        String checked = String.join("\n", Scripts.run("useit-reindex", "-v", "-d").getInfoMessages());
        assertThat(checked, containsString(", 1 outdated document(s)"));
        assertThat(found(anonymous, closed), is(false));
        assertThat(found(anonymous, closedName), is(false));
        assertThat(found(anonymous, open), is(true));
    }

    @Test
    public void searchSyntaxThatReadsAcrossDocumentsIsRefused() throws Exception {
        // a private item (not discoverable), indexed as the change is committed
        String secret = word("private");
        context.turnOffAuthorisationSystem();
        ItemBuilder.createItem(context, collection).withTitle("Private " + secret + " (illustrative)")
                   .withIssueDate("2024").withMetadata("useit", "provenance", null, "illustrative")
                   .makeUnDiscoverable().build();
        context.restoreAuthSystemState();
        context.commit();
        assertThat(found(anonymous, secret), is(false));
        // a join's inner query runs over every document, the private one too, and answers with the public collection
        // that holds it (one yes or no at a time); nested queries and functions alike
        String join = "{!join from=location.coll to=search.resourceid}search_text:" + secret;
        // Solr reads escapes before it looks for local parameters and magic fields
        String escaped = "_qu\\ery_:\"{\\!join from=location.coll to=search.resourceid}search_text:" + secret + "\"";
        String unicode = "\\u007b!join from=location.coll to=search.resourceid}search_text:" + secret;
        // a filter shaped as a range goes to Solr as it is
        String range = "[* TO *] AND _query_:\"" + join + "\" AND search.resourceid:[* TO *],equals";
        for (String[] asked : List.of(new String[] {"query", join},
                                      new String[] {"query", "_query_:\"" + join + "\""},
                                      new String[] {"query", "{ !join from=location.coll to=search.resourceid}*:*"},
                                      new String[] {"query", "_val_:\"docfreq(search_text," + secret + ")\""},
                                      new String[] {"query", escaped},
                                      new String[] {"query", unicode},
                                      // Solr skips comments and any white space between a field and its colon
                                      new String[] {"query", "_val_ /**/:\"docfreq(search_text," + secret + ")\""},
                                      new String[] {"query", "_query_\u3000:\"" + join + "\""},
                                      new String[] {"f.title", range})) {
            String request = "?dsoType=COLLECTION&" + asked[0] + "=" + RestClient.encode(asked[1]);
            for (String endpoint : List.of("/api/discover/search/objects", "/api/discover/facets/strand")) {
                RestClient.Response answer = anonymous.get(endpoint + request);
                assertThat(endpoint + request + ": " + answer.body(), answer.status(), is(400));
                assertThat(answer.body(), containsString("holds Solr syntax a search may not use"));
            }
        }
        // the same search without the syntax is answered
        assertThat(anonymous.get("/api/discover/search/objects?dsoType=COLLECTION&query=" + secret).status(), is(200));
        // and words that merely hold a magic field's name, as a query or a facet value a reader clicks
        for (String words : List.of("query=train_val_test", "f.title=" + RestClient.encode("data_query_tool,equals"))) {
            assertThat(words, anonymous.get("/api/discover/search/objects?" + words).status(), is(200));
        }
        // other searches DSpace sends to Solr with a caller's text: the administrators' look-up of collections,
        // open to any account, finds nothing for a plain account (the syntax would also drop that restriction)
        String own = "{!join from=location.coll to=search.resourceid v='search_text:" + secret + "'}";
        JsonNode administered = plainAccount().get("/api/core/collections/search/findAdminAuthorized?query="
                                                       + RestClient.encode(own)).expect(200).json();
        assertThat(administered.toString(), administered.at("/page/totalElements").asLong(), is(0L));
    }

    private String group(String name) {
        return librarian.post("/api/eperson/groups", Map.of("name", "Full text " + name + " " + run + " (illustrative)",
            "metadata", Map.of(), "type", "group")).expect(201).json().path("uuid").asText();
    }

    /** A group made a member of another. */
    private String subgroup(String parent, String name) {
        String group = group(name);
        librarian.postUris("/api/eperson/groups/" + parent + "/subgroups",
                           TestRepository.serverUrl() + "/api/eperson/groups/" + group).expect(204);
        return group;
    }

    /** An item of the collection, whose title holds a word of its own ({@link #word} "title"). */
    private Item item(String title) throws Exception {
        context.turnOffAuthorisationSystem();
        Item item = ItemBuilder.createItem(context, collection)
                               .withTitle(title + " " + word("title") + " (illustrative)").withIssueDate("2024")
                               .withMetadata("useit", "provenance", null, "illustrative").build();
        context.restoreAuthSystemState();
        context.commit();
        return item;
    }

    /** A deposited file, open to anybody (the collection's default). */
    private String file(Item item, String name) {
        return content.file(item.getID().toString(), name,
                            ("%PDF-1.4\n% " + name + " (illustrative)\n").getBytes(StandardCharsets.UTF_8), PDF);
    }

    /** Text extracted from a file, open to anybody, holding a word of its own. */
    private String text(Item item, String name, String word) {
        return content.file(item.getID().toString(), "TEXT", name,
                            ("Text extracted from " + name + " (illustrative): " + word + ".\n")
                                .getBytes(StandardCharsets.UTF_8), "text/plain");
    }

    /** A word of letters only, of this run (a search engine splits words at digits). */
    private String word(String what) {
        return "ftx" + run + what + "q";
    }

    private RestClient plainAccount() {
        String password = "reader-" + Words.letters(12);
        String email = "reader-" + run + "@fulltext.example.org";
        content.account(email, password, "Plain", "Reader");
        return RestClient.login(TestRepository.serverUrl(), email, password);
    }

    /**
     * Asserts whether a search for a word finds an item, waiting for the indexes to follow the last change (for a
     * word that must be found, or must no longer be: the answer changes when they have).
     */
    private static void assertFound(RestClient who, String word, boolean expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(SETTLE);
        boolean found = found(who, word);
        while (found != expected && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            found = found(who, word);
        }
        assertThat("found by " + word, found, is(expected));
    }

    private static boolean found(RestClient who, String word) {
        return who.get("/api/discover/search/objects?dsoType=ITEM&query=" + word).expect(200).json()
                  .at("/_embedded/searchResult/page/totalElements").asLong() > 0;
    }
}
