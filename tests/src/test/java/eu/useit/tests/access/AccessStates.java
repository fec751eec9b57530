/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.tests.access;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import eu.useit.tests.access.AccessState.Seen;
import eu.useit.tests.support.RestClient;
import eu.useit.tests.support.RestContent;
import eu.useit.tests.support.Words;

/**
 * Builds the states of the access matrix in a running repository the way its librarians and users would, through
 * DSpace's REST API: an administrator creates items, files, collections and policies, withdraws, hides and deletes;
 * a plain account with the right to deposit starts a deposit and sends one to review.
 */
final class AccessStates {

    private static final String COAR = "http://purl.org/coar/access_right/";
    private static final byte[] PDF = "%PDF-1.4\n% access matrix file (illustrative)\n"
        .getBytes(StandardCharsets.UTF_8);

    private RestClient admin;
    private final String run = Words.letters(8);
    private final String community;
    private final String administrators;
    private String staffOnly;
    private int states;

    AccessStates(RestClient admin) {
        this.admin = admin;
        this.community = first(admin.get("/api/core/communities/search/top").expect(200).json(), "communities");
        this.administrators = group("Administrator");
    }

    /** Goes on as this administrator (the repository was restarted: a new address, a new login). */
    void use(RestClient administrator) {
        this.admin = administrator;
    }

    /** The states that do not depend on time. */
    List<AccessState> buildStatic(RestClient submitter, String submitterId) {
        String library = collection("Library");
        List<AccessState> states = new ArrayList<>();

        AccessState open = item("open file", library, "Publication", Seen.PUBLIC);
        file(open, true);
        open.accessRight = COAR + "c_abf2";
        states.add(open);

        states.add(hiddenBy("private", library, "/discoverable", false));
        states.add(hiddenBy("withdrawn", library, "/withdrawn", true));

        AccessState readRemoved = item("anonymous read removed", library, "Publication", Seen.PUBLIC);
        file(readRemoved, true);
        removeReads(readRemoved.item);
        readRemoved.seen = Seen.HIDDEN;
        states.add(readRemoved);

        AccessState neverPublic = item("never public", staffOnly(), "Publication", Seen.HIDDEN);
        file(neverPublic, false);
        states.add(neverPublic);

        AccessState neverPublicWithdrawn = item("never public, withdrawn", staffOnly(), "Publication", Seen.HIDDEN);
        file(neverPublicWithdrawn, false);
        admin.patch("/api/core/items/" + neverPublicWithdrawn.item, replace("/withdrawn", true)).expect(200);
        states.add(neverPublicWithdrawn);

        // a collection anonymous users may not read, named after its item: its name must show nowhere (ListSets),
        // and the public item mapped into it too is in no set of it
        String[] closed = new String[1];
        AccessState inClosedCollection = item("in a closed collection",
                                              marker -> closed[0] = closedCollection("Closed collection " + marker
                                                                                        + " (illustrative)"),
                                              "Publication", Seen.HIDDEN);
        file(inClosedCollection, false);
        states.add(inClosedCollection);
        admin.postUris("/api/core/items/" + open.item + "/mappedCollections",
                       admin.server() + "/api/core/collections/" + closed[0]).expect(204);

        AccessState embargoed = item("embargoed item", staffOnly(), "Publication", Seen.HIDDEN);
        file(embargoed, false);
        addRead(embargoed.item, LocalDate.now().plusYears(1), null);
        states.add(embargoed);

        AccessState deleted = item("deleted", library, "Publication", Seen.PUBLIC);
        admin.delete("/api/core/items/" + deleted.item).expect(204);
        deleted.seen = Seen.HIDDEN;
        states.add(deleted);

        AccessState restrictedFile = item("restricted file", library, "Publication", Seen.PUBLIC);
        removeReads(file(restrictedFile, false));
        restrictedFile.accessRight = COAR + "c_16ec";
        states.add(restrictedFile);

        // the file keeps its own anonymous READ; its bundle has none
        AccessState closedBundle = item("file in a closed bundle", library, "Publication", Seen.PUBLIC);
        file(closedBundle, false);
        removeReads(originalBundle(closedBundle.item));
        closedBundle.accessRight = COAR + "c_16ec";
        states.add(closedBundle);

        // the file's own READ is open; its bundle's starts next year: embargoed until then
        states.add(fileInBundle("file in a bundle under embargo", library, null, LocalDate.now().plusYears(1),
                                "c_f1cf"));
        // the file's own READ ends next year, before its bundle's begins: it never opens, so it is restricted
        states.add(fileInBundle("file closed before its bundle opens", library, LocalDate.now().plusYears(1),
                                LocalDate.now().plusYears(2), "c_16ec"));

        AccessState embargoedFile = item("embargoed file", library, "Publication", Seen.PUBLIC);
        String file = file(embargoedFile, false);
        removeReads(file);
        addRead(file, LocalDate.now().plusYears(1), null);
        embargoedFile.accessRight = COAR + "c_f1cf";
        states.add(embargoedFile);

        states.add(relatedToPrivatePartner());
        states.add(states.get(states.size() - 1).hiddenRelated);
        states.add(states.get(states.size() - 2).visibleRelated);
        states.addAll(newVersionDraft(library));
        states.add(workspace(submitter, library));
        states.add(workflow(submitter, submitterId));
        return states;
    }

    /**
     * A public item with an open file, for the test to close once harvesters have seen it.
     */
    AccessState openToBeRestricted() {
        AccessState state = item("file restricted after publication", collection("Library"), "Publication",
                                 Seen.PUBLIC);
        file(state, true);
        return state;
    }

    /** Takes anonymous READ from the state's files: they were open, they are restricted now. */
    void restrictFiles(AccessState state) {
        for (int i = 0; i < state.files.size(); i++) {
            removeReads(state.files.get(i).uuid());
            state.files.set(i, new AccessState.File(state.files.get(i).uuid(), false));
        }
        state.accessRight = COAR + "c_16ec";
    }

    /**
     * States whose access changes when a day begins (the REST date {@code day}; see AccessMatrixIT.restDate): an
     * embargo that lifts, a lease that ends, a file's embargo that lifts. As built, before that day.
     */
    List<AccessState> buildTimed(LocalDate day) {
        List<AccessState> states = new ArrayList<>();
        AccessState lifts = item("embargo lifted", staffOnly(), "Publication", Seen.HIDDEN);
        addRead(lifts.item, day, null);
        states.add(lifts);

        AccessState lease = item("lease ended", collection("Library"), "Publication", Seen.PUBLIC);
        removeReads(lease.item);
        addRead(lease.item, null, day);
        states.add(lease);

        AccessState fileLifts = item("file embargo lifted", collection("Library"), "Publication", Seen.PUBLIC);
        String file = file(fileLifts, false);
        removeReads(file);
        addRead(file, day, null);
        fileLifts.accessRight = COAR + "c_f1cf";
        states.add(fileLifts);
        return states;
    }

    /** What the timed states are once their day has begun. */
    static void afterTheDay(List<AccessState> timed) {
        timed.get(0).seen = Seen.PUBLIC;
        timed.get(1).seen = Seen.HIDDEN;
        AccessState fileLifts = timed.get(2);
        fileLifts.files.set(0, new AccessState.File(fileLifts.files.get(0).uuid(), true));
        fileLifts.accessRight = COAR + "c_abf2";
    }

    /** A public case study related to a partner organisation that is made private. */
    private AccessState relatedToPrivatePartner() {
        AccessState partner = item("private partner", collection("Partners"), "OrgUnit", Seen.PUBLIC);
        AccessState caseStudy = item("case study with a private partner", collection("Case Studies"), "CaseStudy",
                                     Seen.PUBLIC);
        String type = null;
        for (JsonNode relationshipType : admin.get("/api/core/relationshiptypes?size=100").expect(200).json()
                                              .at("/_embedded/relationshiptypes")) {
            if ("isPartnerOfCaseStudy".equals(relationshipType.path("leftwardType").asText())) {
                type = relationshipType.path("id").asText();
            }
        }
        caseStudy.hiddenRelationship = admin.postUris("/api/core/relationships?relationshipType=" + type,
                                                      admin.server() + "/api/core/items/" + caseStudy.item,
                                                      admin.server() + "/api/core/items/" + partner.item)
                                            .expect(201).json().path("id").asText();
        caseStudy.visibleRelated = item("public partner", collection("Partners"), "OrgUnit", Seen.PUBLIC);
        caseStudy.visibleRelationship = admin.postUris("/api/core/relationships?relationshipType=" + type,
                                                       admin.server() + "/api/core/items/" + caseStudy.item,
                                                       admin.server() + "/api/core/items/"
                                                           + caseStudy.visibleRelated.item)
                                             .expect(201).json().path("id").asText();
        admin.patch("/api/core/items/" + partner.item, replace("/discoverable", false)).expect(200);
        partner.seen = Seen.HIDDEN;
        caseStudy.hiddenRelated = partner;
        return caseStudy;
    }

    /**
     * The draft of a new version of a public item whose anonymous READ is a policy of its own (one given through the
     * REST API, or an embargo's): DSpace copies such policies onto the draft. The published version stays public.
     */
    private List<AccessState> newVersionDraft(String library) {
        AccessState published = item("published version", library, "Publication", Seen.PUBLIC);
        RestContent content = new RestContent(admin);
        content.removeReads(published.item);
        content.addAnonymousRead(published.item, null, null);
        String version = admin.postUris("/api/versioning/versions?summary=access+matrix",
                                        admin.server() + "/api/core/items/" + published.item)
                              .expect(201).json().path("id").asText();
        String draft = admin.get("/api/versioning/versions/" + version + "/item").expect(200).json().path("uuid")
                            .asText();
        AccessState drafted = new AccessState("new version's draft", marker("new version's draft"), draft, null,
                                              Seen.HIDDEN);
        // the history holds the published version too: it shows, the draft's version does not
        drafted.version = version;
        // what the draft changes is not published yet
        List<Map<String, Object>> changes = new ArrayList<>(replace("/metadata/dc.title/0/value",
            "Access matrix new version's draft " + drafted.marker + " (illustrative)"));
        changes.addAll(replace("/metadata/dc.subject/0/value", drafted.marker));
        admin.patch("/api/core/items/" + draft, changes).expect(200);
        return List.of(published, drafted);
    }

    /**
     * Gives an item a new version (DSpace numbers versions and their histories in sequence): the item's own version
     * and its history, whose other version is the draft only editors see, are noted.
     */
    private void versioned(AccessState state) {
        admin.postUris("/api/versioning/versions?summary=access+matrix", admin.server() + "/api/core/items/"
                                                                               + state.item).expect(201);
        state.version = admin.get("/api/core/items/" + state.item + "/version").expect(200).json().path("id")
                             .asText();
        state.history = admin.get("/api/versioning/versions/" + state.version + "/versionhistory").expect(200)
                             .json().path("id").asText();
    }

    /** A deposit the submitter has started and not finished. */
    private AccessState workspace(RestClient submitter, String library) {
        JsonNode workspaceItem = submitter.post("/api/submission/workspaceitems?owningCollection=" + library, "{}")
                                          .expect(201).json();
        return filledDeposit(submitter, workspaceItem, "workspace", library);
    }

    /** A deposit sent to review in a collection whose deposits are reviewed. */
    private AccessState workflow(RestClient submitter, String submitterId) {
        String reviewed = newCollection("Reviewed outputs " + run + " (illustrative)", "Publication");
        // a review step whose group has no member is skipped: the deposit would be archived at once
        String reviewer = account("reviewer-" + run + "@access-matrix.example.org", "Review-" + Words.letters(12));
        RestContent content = new RestContent(admin);
        content.giveRole(reviewed, "workflowGroups/reviewerRole", reviewer);
        content.giveRole(reviewed, "submittersGroup", submitterId);
        JsonNode workspaceItem = submitter.post("/api/submission/workspaceitems?owningCollection=" + reviewed, "{}")
                                          .expect(201).json();
        AccessState state = filledDeposit(submitter, workspaceItem, "workflow", reviewed);
        submitter.postUris("/api/workflow/workflowitems",
                           submitter.server() + "/api/submission/workspaceitems/" + workspaceItem.path("id").asText())
                 .expect(201);
        return state;
    }

    private AccessState filledDeposit(RestClient submitter, JsonNode workspaceItem, String name,
                                      String collection) {
        String id = workspaceItem.path("id").asText();
        String marker = marker(name);
        String section = "/sections/useit-output/";
        List<Map<String, Object>> operations = List.of(
            add(section + "dc.title", "Access matrix " + name + " " + marker + " (illustrative)"),
            add(section + "useit.outputType", "http://purl.org/coar/resource_type/c_93fc"),
            add(section + "useit.provenance", "illustrative"),
            Map.of("op", "add", "path", "/sections/license/granted", "value", "true"));
        submitter.patch("/api/submission/workspaceitems/" + id, operations).expect(200);
        String item = submitter.get("/api/submission/workspaceitems/" + id + "/item").expect(200).json()
                               .path("uuid").asText();
        return new AccessState(name, marker, item, null, Seen.HIDDEN);
    }

    private AccessState item(String name, String collection, String type, Seen seen) {
        return item(name, marker -> collection, type, seen);
    }

    /** An item in the collection made for its marker. */
    private AccessState item(String name, Function<String, String> collectionFor, String type, Seen seen) {
        String marker = marker(name);
        String collection = collectionFor.apply(marker);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("dc.title", values("Access matrix " + name + " " + marker + " (illustrative)"));
        metadata.put("dc.subject", values(marker));
        metadata.put("dc.date.issued", values("2024"));
        metadata.put("dspace.entity.type", values(type));
        metadata.put("useit.provenance", values("illustrative"));
        metadata.put("useit.strand", List.of(Map.of("value", "Community Assets", "authority", "community-assets",
                                                    "confidence", 600)));
        JsonNode created = admin.post("/api/core/items?owningCollection=" + collection,
            Map.of("name", name, "metadata", metadata, "inArchive", true, "discoverable", true, "withdrawn", false,
                   "type", "item")).expect(201).json();
        return new AccessState(name, marker, created.path("uuid").asText(), created.path("handle").asText(), seen);
    }

    /** Adds a file to the item's ORIGINAL bundle; returns its UUID. */
    private String file(AccessState state, boolean open) {
        String uuid = new RestContent(admin).file(state.item, state.marker + ".pdf", PDF, "application/pdf");
        state.files.add(new AccessState.File(uuid, open));
        return uuid;
    }

    /**
     * A public item with one file whose anonymous READ ends on {@code fileUntil} (null: never) in a bundle whose
     * anonymous READ starts on {@code bundleFrom}; its records must say {@code accessRight} (a COAR access right).
     */
    private AccessState fileInBundle(String name, String library, LocalDate fileUntil, LocalDate bundleFrom,
                                     String accessRight) {
        AccessState state = item(name, library, "Publication", Seen.PUBLIC);
        String file = file(state, false);
        removeReads(file);
        addRead(file, null, fileUntil);
        String bundle = originalBundle(state.item);
        removeReads(bundle);
        addRead(bundle, bundleFrom, null);
        state.accessRight = COAR + accessRight;
        return state;
    }

    /** The UUID of the item's ORIGINAL bundle. */
    private String originalBundle(String item) {
        String bundle = new RestContent(admin).bundle(item, "ORIGINAL");
        if (bundle == null) {
            throw new AssertionError("item " + item + " has no ORIGINAL bundle");
        }
        return bundle;
    }

    /** A collection of the USE-IT! community whose items and files only administrators may read. */
    private String staffOnly() {
        if (staffOnly == null) {
            staffOnly = newCollection("Staff-only outputs " + run + " (illustrative)", "Publication");
            staffOnlyDefaults(staffOnly);
        }
        return staffOnly;
    }

    /** A collection that anonymous users may not read at all, whose items and files only administrators may. */
    private String closedCollection(String name) {
        String collection = newCollection(name, "Publication");
        staffOnlyDefaults(collection);
        removeReads(collection);
        return collection;
    }

    private void staffOnlyDefaults(String collection) {
        for (String action : List.of("DEFAULT_ITEM_READ", "DEFAULT_BITSTREAM_READ")) {
            for (JsonNode policy : policies(collection, action)) {
                admin.delete("/api/authz/resourcepolicies/" + policy.path("id").asText()).expect(204);
            }
            admin.post("/api/authz/resourcepolicies?resource=" + collection + "&group=" + administrators,
                       Map.of("policyType", "TYPE_CUSTOM", "action", action, "type", "resourcepolicy"))
                 .expect(201);
        }
    }

    private String newCollection(String name, String type) {
        return admin.post("/api/core/collections?parent=" + community,
                          Map.of("name", name, "metadata", Map.of("dc.title", values(name),
                                                                 "dspace.entity.type", values(type)),
                                 "type", "collection")).expect(201).json().path("uuid").asText();
    }

    private void removeReads(String object) {
        new RestContent(admin).removeReads(object);
    }

    private void addRead(String object, LocalDate start, LocalDate end) {
        new RestContent(admin).addAnonymousRead(object, start, end);
    }

    private JsonNode policies(String object, String action) {
        return new RestContent(admin).policies(object, action);
    }

    private String collection(String name) {
        return new RestContent(admin).collection(name);
    }

    private String group(String name) {
        return new RestContent(admin).group(name);
    }

    /** @return the UUID of the Anonymous group */
    String anonymousGroup() {
        return group("Anonymous");
    }

    /** Notes the ids of the policies of each hidden item, its bundles and files, as an administrator reads them. */
    void notePolicies(List<AccessState> states) {
        for (AccessState state : states) {
            state.policies.clear();
            if (state.hidden()) {
                List<String> objects = new ArrayList<>(List.of(state.item));
                RestClient.Response bundles = admin.get("/api/core/items/" + state.item + "/bundles");
                if (bundles.status() == 200) {
                    // (a deleted item has none, nor policies)
                    bundles.json().at("/_embedded/bundles").forEach(bundle -> objects.add(bundle.path("uuid")
                                                                                                .asText()));
                }
                state.files.forEach(file -> objects.add(file.uuid()));
                for (String object : objects) {
                    RestClient.Response found = admin.get("/api/authz/resourcepolicies/search/resource?size=100&uuid="
                                                              + object);
                    if (found.status() == 200) {
                        found.json().at("/_embedded/resourcepolicies")
                             .forEach(policy -> state.policies.add(policy.path("id").asText()));
                    }
                }
            }
        }
        if (states.stream().filter(AccessState::hidden).allMatch(state -> state.policies.isEmpty())) {
            throw new AssertionError("no policy of a hidden item was found: the check of policies would check none");
        }
    }

    /**
     * Creates a plain account that can log in.
     *
     * @return its UUID
     */
    String account(String email, String password) {
        return new RestContent(admin).account(email, password, "Access", "Matrix");
    }

    /** Lets an account deposit into the Library. */
    void maySubmitToLibrary(String account) {
        new RestContent(admin).giveRole(collection("Library"), "submittersGroup", account);
    }

    /** A word no other output has, of letters only (a search engine splits words at digits). */
    private String marker(String name) {
        states++;
        return "amk" + run + (char) ('a' + states / 26) + (char) ('a' + states % 26) + "q";
    }

    private static List<Map<String, Object>> values(String value) {
        return List.of(Map.of("value", value));
    }

    private static Map<String, Object> add(String path, String value) {
        return Map.of("op", "add", "path", path, "value", List.of(Map.of("value", value)));
    }

    /** A public item with an open file and a second version, then hidden by one change of the item. */
    private AccessState hiddenBy(String name, String collection, String path, boolean value) {
        AccessState state = item(name, collection, "Publication", Seen.PUBLIC);
        file(state, true);
        versioned(state);
        admin.patch("/api/core/items/" + state.item, replace(path, value)).expect(200);
        state.seen = Seen.HIDDEN;
        return state;
    }

    private static List<Map<String, Object>> replace(String path, Object value) {
        return List.of(Map.of("op", "replace", "path", path, "value", value));
    }

    private static String first(JsonNode page, String embedded) {
        return page.at("/_embedded/" + embedded).get(0).path("uuid").asText();
    }
}
