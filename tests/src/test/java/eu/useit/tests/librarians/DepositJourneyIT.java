/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.tests.librarians;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import eu.useit.tests.support.OaiHarvest;
import eu.useit.tests.support.RepositoryProcess;
import eu.useit.tests.support.RestClient;
import eu.useit.tests.support.RestContent;
import eu.useit.tests.support.Words;
import eu.useit.tests.support.Xml;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TestRule;
import org.w3c.dom.Document;

/**
 * A librarian deposits through DSpace's REST submission, with the calls DSpace's web UI makes, in the run command's
 * repository over real HTTP: a plain account that may submit to Case Studies and the Library (never an
 * administrator) fills the USE-IT! forms, chooses the strand through the vocabulary endpoint, uploads a file,
 * grants the licence and deposits; a second plain account reviews. What the form can tell is refused field by field
 * at deposit; the review step's {@code useit-validate} sends a record that breaks a rule back with its reasons; an
 * approved deposit is archived and reaches OAI-PMH and search; an embargoed file stays closed until its date.
 */
public class DepositJourneyIT {

    private static final String CASE_STUDY_FORM = "useit-case-study";
    private static final byte[] PDF = "%PDF-1.4\n% deposit journey file (illustrative)\n"
        .getBytes(StandardCharsets.UTF_8);
    private static final Duration OAI_WITHIN = Duration.ofSeconds(5);

    private static RepositoryProcess repository;

    @ClassRule
    public static final TestRule STOP = RepositoryProcess.stopAfter(() -> repository);
    private static RestClient admin;
    private static RestClient submitter;
    private static RestClient reviewer;
    private static RestClient anonymous;
    private static String caseStudies;
    private static String library;
    private static String run;
    private static String librarian;

    @BeforeClass
    public static void start() throws Exception {
        repository = RepositoryProcess.startAfresh("deposit-journey");
        admin = repository.administrator();
        anonymous = RestClient.anonymous(repository.server());
        RestContent content = new RestContent(admin);
        caseStudies = content.collection("Case Studies");
        library = content.collection("Library");
        run = Words.letters(8);
        String password = "Deposit-" + Words.letters(16);
        librarian = content.account("librarian-" + run + "@deposit.example.org", password, "Deposit",
                                           "Journey");
        String checker = content.account("reviewer-" + run + "@deposit.example.org", password, "Review", "Journey");
        for (String collection : List.of(caseStudies, library)) {
            content.giveRole(collection, "submittersGroup", librarian);
            content.giveRole(collection, "workflowGroups/reviewerRole", checker);
        }
        submitter = RestClient.login(repository.server(), "librarian-" + run + "@deposit.example.org", password);
        reviewer = RestClient.login(repository.server(), "reviewer-" + run + "@deposit.example.org", password);
    }

    @Test
    public void aCaseStudyIsFilledCheckedSentBackCorrectedApprovedAndPublished() throws Exception {
        // the case-study submission process and its form, as the web UI reads them
        assertThat(submitter.get("/api/config/submissiondefinitions/search/findByCollection?uuid=" + caseStudies)
                            .expect(200).json().path("name").asText(), is(CASE_STUDY_FORM));
        JsonNode strandField = field(submitter.get("/api/config/submissionforms/" + CASE_STUDY_FORM).expect(200)
                                              .json(), "useit.strand");
        assertThat(strandField.at("/selectableMetadata/0/controlledVocabulary").asText(), is("useit-strands"));
        assertThat(strandField.path("mandatory").asBoolean(), is(true));

        RestSubmission deposit = RestSubmission.start(submitter, caseStudies);
        List<String> sections = new ArrayList<>();
        deposit.workspaceItem().path("sections").fieldNames().forEachRemaining(sections::add);
        assertThat(sections, containsInAnyOrder("collection", CASE_STUDY_FORM, "useit-case-study-story", "upload",
                                                "license"));
        assertThat("an empty deposit lists what is missing", paths(deposit),
                   hasItem("/sections/" + CASE_STUDY_FORM + "/dc.title"));

        String marker = "dpj" + run + "cs";
        String title = "Deposited case study " + marker + " (illustrative)";
        // a sourced record without its source: the form names what is missing and the deposit is refused
        deposit.set(CASE_STUDY_FORM, "dc.title", title)
               .set(CASE_STUDY_FORM, "useit.strand", strandFromTree("Skills Matching", "Placements"))
               .set(CASE_STUDY_FORM, "useit.objective", "How a deposit through the REST submission is checked.")
               .set(CASE_STUDY_FORM, "useit.provenance", "sourced")
               .set(CASE_STUDY_FORM, "dc.date.issued", "2019")
               .set("useit-case-study-story", "useit.outcome", "Illustrative outcome of a test deposit.")
               .upload(marker + ".pdf", PDF, "application/pdf")
               .grantLicence();
        refused(deposit, "useit.source: a sourced record needs the URL of its source",
                "/sections/" + CASE_STUDY_FORM + "/useit.source");
        deposit.set(CASE_STUDY_FORM, "useit.source", "https://www.useituia.co.uk/");
        assertThat(deposit.errors().toString(), deposit.errors().isEmpty(), is(true));
        String item = deposit.item();
        deposit.deposit().expect(201);

        // changed in review (an administrator removes the source): the reviewer's approval is refused naming the
        // problem, and nothing changes; somebody else trying the reviewer's task is told nothing of it
        admin.patch("/api/core/items/" + item, List.of(Map.of("op", "remove", "path", "/metadata/useit.source")))
             .expect(200);
        String task = claim(item);
        String sourceMissing = "useit.source: a sourced record needs the URL of its source";
        String notApproved = reviewer.postParameters("/api/workflow/claimedtasks/" + task,
                                                     Map.of("submit_approve", "true")).expect(422).body();
        assertThat(notApproved, containsString(sourceMissing));
        RestClient.Response othersAnswer = submitter.postParameters("/api/workflow/claimedtasks/" + task,
                                                                    Map.of("submit_approve", "true"));
        assertThat(othersAnswer.status(), is(403));
        assertThat(othersAnswer.body(), not(containsString("useit.source")));
        assertThat("still the reviewer's", reviewer.get("/api/workflow/claimedtasks/" + task).expect(200).json()
                                                   .path("id").asText(), is(task));
        assertThat("not archived", admin.get("/api/core/items/" + item).expect(200).json().path("inArchive")
                                        .asBoolean(), is(false));
        // the reviewer sends it back: the review step's check writes the problem with it
        reviewer.postParameters("/api/workflow/claimedtasks/" + task,
                                Map.of("submit_reject", "true", "reason", "Please give the source.")).expect(204);
        RestSubmission back = RestSubmission.sentBack(submitter, item);
        assertThat(provenance(item), containsString(sourceMissing));
        assertThat(anonymousHits(marker), is(0L));

        // corrected and deposited again: the reviewer approves, the item is archived and published
        back.set(CASE_STUDY_FORM, "useit.source", "https://www.useituia.co.uk/").grantLicence();
        Map<String, List<String>> shown = RestSubmission.sentBack(submitter, item).errors();
        assertThat(shown.toString(), shown.isEmpty(), is(true));
        back.deposit().expect(201);
        decide(item, Map.of("submit_approve", "true"));
        long approved = System.nanoTime();
        JsonNode archived = anonymous.get("/api/core/items/" + item).expect(200).json();
        assertThat(archived.path("inArchive").asBoolean(), is(true));
        String handle = archived.path("handle").asText();
        Duration inOai = untilInOai(handle);
        assertThat("in OAI-PMH " + inOai + " after approval", inOai, lessThanOrEqualTo(OAI_WITHIN));
        assertThat("in search " + Duration.ofNanos(System.nanoTime() - approved) + " after approval",
                   anonymousHits(marker), is(1L));
        String page = anonymous.get("/useit/handle/" + handle).expect(200).body();
        assertThat(page, containsString("<h1>" + title + "</h1>"));
        assertThat(page, containsString(marker + ".pdf</a>"));
    }

    @Test
    public void missingFieldsAndAnUnknownStrandAreRefusedFieldByFieldAndNothingIsArchived() throws Exception {
        String marker = "dpj" + run + "bad";
        RestSubmission deposit = caseStudy("Faulty deposit", marker, "Community Gardening", "community-gardening")
            .set(CASE_STUDY_FORM, "dc.date.issued", "last spring")
            .grantLicence();
        Map<String, List<String>> errors = deposit.errors();
        assertThat(errors.toString(), errors.get("error.validation.required"),
                   containsInAnyOrder("/sections/" + CASE_STUDY_FORM + "/useit.objective",
                                      "/sections/" + CASE_STUDY_FORM + "/useit.provenance"));
        assertThat(errors.toString(), paths(deposit), hasItem("/sections/" + CASE_STUDY_FORM + "/useit.strand/0"));
        assertThat(errors.toString(), paths(deposit), hasItem("/sections/" + CASE_STUDY_FORM + "/dc.date.issued/0"));
        assertThat(errors.toString(), errors,
                   hasKey(containsString("'community-gardening' is not a strand id of the USE-IT! vocabulary")));

        RestClient.Response refused = deposit.deposit();
        assertThat(refused.body(), refused.status(), is(422));
        String item = deposit.item();
        assertThat(admin.get("/api/core/items/" + item).expect(200).json().path("inArchive").asBoolean(), is(false));
        assertThat("still the submitter's workspace item", RestSubmission.sentBack(submitter, item).item(), is(item));
        assertThat(anonymous.get("/api/workflow/workflowitems/search/item?uuid=" + item).status(), not(is(200)));
        assertThat(anonymousHits(marker), is(0L));
    }

    @Test
    public void valuesTheFormDoesNotOfferAreRefusedAsAPlainRestClientSendsThem() throws Exception {
        String marker = "dpj" + run + "off";
        // a label of the client's own with a real node id: pages and facets would show the label
        RestSubmission deposit = caseStudy("Off-form deposit", marker, "Anything I like::Sub", "community-assets")
            .set(CASE_STUDY_FORM, "useit.objective", "What a form does not offer is refused.")
            // the drop-down offers 'sourced' and 'illustrative' only; a page would not call this illustrative
            .set(CASE_STUDY_FORM, "useit.provenance", "Illustrative")
            .set(CASE_STUDY_FORM, "dc.date.issued", "2019")
            .grantLicence();
        Map<String, List<String>> errors = deposit.errors();
        assertThat(errors.toString(), errors.get(
            "useit.strand: 'Anything I like::Sub' is not the label of strand community-assets ('Community Assets')"),
                   contains("/sections/" + CASE_STUDY_FORM + "/useit.strand/0"));
        assertThat(errors.toString(), errors.get(
            "useit.provenance: 'Illustrative' is not one of the form's choices (sourced, illustrative)"),
                   contains("/sections/" + CASE_STUDY_FORM + "/useit.provenance/0"));
        RestClient.Response refused = deposit.deposit();
        assertThat(refused.body(), refused.status(), is(422));
        assertThat(admin.get("/api/core/items/" + deposit.item()).expect(200).json().path("inArchive").asBoolean(),
                   is(false));
        assertThat(anonymousHits(marker), is(0L));
    }

    @Test
    public void aPlaceholderBehindAnInvisibleCharacterOrAValueOfSpacesIsRefused() throws Exception {
        // a no-break space after TBD, a title of a no-break and a zero-width space: DSpace keeps both as they are
        RestSubmission deposit = RestSubmission.start(submitter, caseStudies)
            .set(CASE_STUDY_FORM, "dc.title", "\u00a0\u200b")
            .set(CASE_STUDY_FORM, "useit.objective", "TBD\u00a0")
            .grantLicence();
        String errors = deposit.errors().toString();
        assertThat(errors, containsString("useit.objective: 'TBD\u00a0' is a placeholder, not a value"));
        assertThat(errors, containsString("dc.title: an empty value (only spaces or invisible characters)"));
        RestClient.Response refused = deposit.deposit();
        assertThat(refused.body(), refused.status(), is(422));
    }

    @Test
    public void aDraftMovedToACollectionItsDepositorMayNotDepositToIsNotDeposited() throws Exception {
        String marker = "dpj" + run + "mv";
        // Projects: the depositor is no submitter there, and it has no review step (a deposit is archived at once)
        String projects = new RestContent(admin).collection("Projects");
        assertThat(submitter.post("/api/submission/workspaceitems?owningCollection=" + projects, Map.of()).status(),
                   not(is(201)));
        RestSubmission deposit = RestSubmission.start(submitter, caseStudies)
            .set(CASE_STUDY_FORM, "dc.title", "Moved deposit " + marker + " (illustrative)")
            // DSpace 8.1 moves a draft to any collection named in its collection step
            .patch(Map.of("op", "replace", "path", "/sections/collection", "value", projects))
            .set("useit-project", "useit.provenance", "illustrative")
            .grantLicence();
        assertThat(deposit.errors().toString(), deposit.errors().keySet(),
                   contains(startsWith("error.validation.collection.notAllowed")));
        RestClient.Response refused = deposit.deposit();
        assertThat(refused.body(), refused.status(), is(422));
        String item = deposit.item();
        assertThat(admin.get("/api/core/items/" + item).expect(200).json().path("inArchive").asBoolean(), is(false));
        assertThat(anonymousHits(marker), is(0L));
        // moved back to a collection the depositor may deposit to, the error is gone
        deposit.patch(Map.of("op", "replace", "path", "/sections/collection", "value", caseStudies));
        assertThat(deposit.errors().keySet().toString(), deposit.errors().keySet(),
                   not(hasItem(startsWith("error.validation.collection"))));
    }

    @Test
    public void theRulesOfARecordAsAWholeHoldWhereNoReviewerChecksThem() throws Exception {
        String marker = "dpj" + run + "rec";
        // Partners has no review step: what its depositor sends is archived at once
        String partners = new RestContent(admin).collection("Partners");
        new RestContent(admin).giveRole(partners, "submittersGroup", librarian);
        RestSubmission partner = RestSubmission.start(submitter, partners)
            .set("useit-partner", "dc.title", "   ")
            .set("useit-partner", "useit.provenance", "sourced")
            .grantLicence();
        // DSpace counts a title of spaces as a title; the deposit check does not
        assertThat(partner.errors().toString(), partner.errors().get(
            "dc.title: an empty value (only spaces or invisible characters); leave the field out instead"),
                   contains("/sections/useit-partner/dc.title/0"));
        partner.set("useit-partner", "dc.title", "Deposited partner " + marker + " (illustrative)");
        assertThat(partner.errors().toString(), partner.errors().get(
            "useit.source: a sourced record needs the URL of its source"),
                   contains("/sections/useit-partner/useit.source"));
        String item = partner.item();
        RestClient.Response refused = partner.deposit();
        assertThat(refused.body(), refused.status(), is(422));
        assertThat(admin.get("/api/core/items/" + item).expect(200).json().path("inArchive").asBoolean(), is(false));
        assertThat(anonymousHits(marker), is(0L));
        // with its source it goes straight into the repository
        partner.set("useit-partner", "useit.source", "https://www.birmingham.gov.uk/");
        assertThat(partner.errors().toString(), partner.errors().isEmpty(), is(true));
        RestClient.Response deposited = partner.deposit();
        assertThat(deposited.body(), deposited.status(), is(201));
        assertThat(admin.get("/api/core/items/" + item).expect(200).json().path("inArchive").asBoolean(), is(true));

        // an illustrative case study names no invented person, at deposit as at review
        RestSubmission caseStudy = caseStudy("Illustrative deposit", marker, "Community Research", "community-research")
            .set(CASE_STUDY_FORM, "useit.objective", "A record says what it is.")
            .set(CASE_STUDY_FORM, "useit.provenance", "illustrative")
            .set(CASE_STUDY_FORM, "useit.practitioner", "A. Person")
            .grantLicence();
        refused(caseStudy, "useit.practitioner: an illustrative case study names no practitioner"
                    + " (no invented people)", "/sections/" + CASE_STUDY_FORM + "/useit.practitioner");
    }

    /** The deposit's check names the problem at the field's path in the form, and depositing it answers 422. */
    private static void refused(RestSubmission deposit, String problem, String path) {
        assertThat(deposit.errors().toString(), deposit.errors().get(problem), contains(path));
        RestClient.Response refused = deposit.deposit();
        assertThat(refused.body(), refused.status(), is(422));
    }

    @Test
    public void aLibraryOutputWithAnEmbargoedFileStaysClosedUntilTheEmbargoEnds() throws Exception {
        String marker = "dpj" + run + "out";
        String title = "Deposited output " + marker + " (illustrative)";
        LocalDate lifts = LocalDate.now().plusMonths(6);
        RestSubmission deposit = RestSubmission.start(submitter, library)
            .set("useit-output", "dc.title", title)
            .set("useit-output", "useit.outputType", "http://purl.org/coar/resource_type/c_93fc")
            .set("useit-output", "useit.provenance", "illustrative")
            .set("useit-output", "dc.date.issued", "2020-03")
            .set("useit-output", "useit.strand", strandTyped("Asset mapping"))
            .upload(marker + ".pdf", PDF, "application/pdf")
            .patch(Map.of("op", "add", "path", "/sections/upload/files/0/accessConditions/-",
                          "value", Map.of("name", "embargo", "startDate", lifts.toString())))
            .grantLicence();
        assertThat(deposit.workspaceItem().at("/sections/upload/files/0/accessConditions/0/name").asText(),
                   is("embargo"));
        assertThat(deposit.errors().toString(), deposit.errors().isEmpty(), is(true));
        String item = deposit.item();
        deposit.deposit().expect(201);
        decide(item, Map.of("submit_approve", "true"));

        JsonNode archived = anonymous.get("/api/core/items/" + item).expect(200).json();
        assertThat(archived.path("inArchive").asBoolean(), is(true));
        untilInOai(archived.path("handle").asText());
        // the strand typed as DSpace's web UI does it (label path only) got its node id: the record is in its set
        assertThat(oaiSets(archived.path("handle").asText()), hasItem("strand:community-research:asset-mapping"));
        String file = fileOf(item);
        String page = anonymous.get("/useit/handle/" + archived.path("handle").asText()).expect(200).body();
        assertThat(page, containsString("Embargoed until " + lifts));
        assertThat(page, not(containsString(file)));
        assertThat(anonymous.get("/useit/bitstreams/" + file + "/download").status(), is(403));
        assertThat(anonymous.get("/api/core/bitstreams/" + file + "/content").status(), is(401));

        // the embargo ends (its date moved to today): the same file opens to everyone
        for (JsonNode policy : new RestContent(admin).policies(file, "READ")) {
            if ("embargo".equals(policy.path("name").asText())) {
                admin.patch("/api/authz/resourcepolicies/" + policy.path("id").asText(),
                            List.of(Map.of("op", "replace", "path", "/startDate",
                                           "value", LocalDate.now().toString()))).expect(200);
            }
        }
        assertThat(anonymous.get("/useit/bitstreams/" + file + "/download").expect(200).body(),
                   is(new String(PDF, StandardCharsets.UTF_8)));
    }

    /** The reviewer claims the deposit's task and acts on it. */
    private static void decide(String item, Map<String, String> decision) {
        reviewer.postParameters("/api/workflow/claimedtasks/" + claim(item), decision).expect(204);
    }

    /** The reviewer claims the deposit's task: its id. */
    private static String claim(String item) {
        JsonNode tasks = reviewer.get("/api/workflow/pooltasks/search/findByItem?uuid=" + item).expect(200).json();
        String pooled = tasks.path("id").asText();
        return reviewer.postUris("/api/workflow/claimedtasks", reviewer.server() + "/api/workflow/pooltasks/" + pooled)
                       .expect(201).json().path("id").asText();
    }

    /**
     * A strand chosen in the vocabulary's tree, as the deposit page offers it: its stored value (the label path)
     * and its node id as the authority key.
     */
    private static Map<String, Object> strandFromTree(String strand, String subtheme) {
        JsonNode parent = entry(submitter.get("/api/submission/vocabularyEntryDetails/search/top?vocabulary="
                                                  + "useit-strands").expect(200).json(), strand);
        JsonNode child = entry(submitter.get(parent.at("/_links/children/href").asText()).expect(200).json(),
                               subtheme);
        String id = child.at("/otherInformation/id").asText();
        assertThat(child.path("id").asText(), is("useit-strands:" + id));
        return Map.of("value", child.path("value").asText(), "authority", id, "confidence", 600);
    }

    /**
     * A case-study deposit titled {@code <what> <marker> (illustrative)}, with a strand as a REST client may send it:
     * any label, any node id.
     */
    private static RestSubmission caseStudy(String what, String marker, String label, String nodeId) {
        return RestSubmission.start(submitter, caseStudies)
            .set(CASE_STUDY_FORM, "dc.title", what + " " + marker + " (illustrative)")
            .set(CASE_STUDY_FORM, "useit.strand", Map.of("value", label, "authority", nodeId, "confidence", 600));
    }

    /** A strand found by typing, as DSpace's own web UI offers it: the stored value only, no authority key. */
    private static String strandTyped(String label) {
        for (JsonNode entry : submitter.get("/api/submission/vocabularies/useit-strands/entries?filter="
                                                + RestClient.encode(label)).expect(200).json()
                                       .at("/_embedded/entries")) {
            if (entry.path("value").asText().endsWith("::" + label)) {
                assertThat("DSpace gives no authority key", entry.path("authority").isMissingNode()
                    || entry.path("authority").isNull() || entry.path("authority").asText().isEmpty(), is(true));
                return entry.path("value").asText();
            }
        }
        throw new AssertionError("the vocabulary endpoint offers no strand " + label);
    }

    private static JsonNode entry(JsonNode page, String display) {
        JsonNode embedded = page.path("_embedded");
        JsonNode entries = embedded.has("children") ? embedded.path("children")
            : embedded.path("vocabularyEntryDetails");
        for (JsonNode entry : entries) {
            String shown = entry.path("display").asText();
            if (shown.equals(display) || shown.endsWith("::" + display)) {
                return entry;
            }
        }
        throw new AssertionError("no entry " + display + " in " + page);
    }

    /** What the item's provenance says, as its submitter reads it. */
    private static String provenance(String item) {
        return submitter.get("/api/core/items/" + item).expect(200).json()
                        .at("/metadata/dc.description.provenance").toString();
    }

    private static String fileOf(String item) {
        for (JsonNode bundle : admin.get("/api/core/items/" + item + "/bundles").expect(200).json()
                                    .at("/_embedded/bundles")) {
            if ("ORIGINAL".equals(bundle.path("name").asText())) {
                return admin.get("/api/core/bundles/" + bundle.path("uuid").asText() + "/bitstreams").expect(200)
                            .json().at("/_embedded/bitstreams/0/uuid").asText();
            }
        }
        throw new AssertionError("no file in " + item);
    }

    private static Duration untilInOai(String handle) throws Exception {
        long start = System.nanoTime();
        while (true) {
            Document record = getRecord(handle);
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            if (!Xml.nodes(record, "//*[local-name()='record']/*[local-name()='metadata']").isEmpty()) {
                return waited;
            }
            if (waited.compareTo(OAI_WITHIN.multipliedBy(6)) > 0) {
                throw new AssertionError(handle + " not in OAI-PMH after " + waited);
            }
            Thread.sleep(100);
        }
    }

    private static List<String> oaiSets(String handle) throws Exception {
        return Xml.strings(getRecord(handle), "//*[local-name()='header']/*[local-name()='setSpec']");
    }

    private static Document getRecord(String handle) throws Exception {
        OaiHarvest oai = new OaiHarvest(repository.server() + "/oai/useit");
        String prefix = "oai:" + Xml.string(oai.document("verb=Identify"),
                                            "//*[local-name()='repositoryIdentifier']") + ":";
        return oai.document("verb=GetRecord&metadataPrefix=oai_dc&identifier=" + RestClient.encode(prefix + handle));
    }

    private static long anonymousHits(String word) {
        return anonymous.get("/api/discover/search/objects?configuration=useit&query=" + word).expect(200).json()
                        .at("/_embedded/searchResult/page/totalElements").asLong();
    }

    private static List<String> paths(RestSubmission deposit) {
        List<String> paths = new ArrayList<>();
        deposit.errors().values().forEach(paths::addAll);
        return paths;
    }

    private static JsonNode field(JsonNode form, String metadata) {
        for (JsonNode row : form.path("rows")) {
            for (JsonNode field : row.path("fields")) {
                if (metadata.equals(field.at("/selectableMetadata/0/metadata").asText())) {
                    return field;
                }
            }
        }
        throw new AssertionError("no field " + metadata + " in " + form);
    }
}
