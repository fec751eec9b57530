/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.tests.operations;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.useit.runtime.LocalAdministrator;
import eu.useit.tests.support.AbstractUseitIT;
import eu.useit.tests.support.RestClient;
import eu.useit.tests.support.Scripts;
import eu.useit.tests.support.TestRepository;
import org.dspace.builder.CollectionBuilder;
import org.dspace.builder.CommunityBuilder;
import org.dspace.builder.EPersonBuilder;
import org.dspace.builder.ItemBuilder;
import org.dspace.content.Collection;
import org.dspace.content.Community;
import org.dspace.content.Item;
import org.dspace.content.factory.ContentServiceFactory;
import org.dspace.eperson.EPerson;
import org.dspace.eperson.factory.EPersonServiceFactory;
import org.dspace.eperson.service.EPersonService;
import org.junit.Before;
import org.junit.Test;

/**
 * Least privilege, tried over real HTTP as the users it concerns: the addon's commands through DSpace's REST API
 * (the Processes page) are for administrators only, some not even for them, and no option of a REST caller becomes a
 * file path on the server; the health details are for administrators; the pages send their security headers.
 */
public class LeastPrivilegeIT extends AbstractUseitIT {

    private static final List<String> COMMANDS = List.of("useit-structure", "useit-vocabulary", "useit-import",
        "useit-oai-config", "useit-install", "useit-oai-check", "useit-reindex", "useit-access-sweep");

    /** The administrators' password: their account is kept (DSpace keeps the processes they ran, and their files). */
    private static final String ADMIN_PASSWORD = "Least-" + UUID.randomUUID();

    private String password;
    private RestClient plain;
    private RestClient administrator;

    @Before
    public void accounts() throws Exception {
        password = "Least-" + UUID.randomUUID();
        context.turnOffAuthorisationSystem();
        EPerson reader = EPersonBuilder.createEPerson(context).withEmail("plain-" + UUID.randomUUID() + "@example.org")
                                       .withPassword(password).withCanLogin(true).build();
        EPerson admin = LocalAdministrator.account(context, "least-privilege-admin@example.org", ADMIN_PASSWORD);
        EPersonService people = EPersonServiceFactory.getInstance().getEPersonService();
        people.setPassword(admin, ADMIN_PASSWORD);
        people.update(context, admin);
        context.restoreAuthSystemState();
        context.commit();
        plain = RestClient.login(TestRepository.serverUrl(), reader.getEmail(), password);
        administrator = RestClient.login(TestRepository.serverUrl(), admin.getEmail(), ADMIN_PASSWORD);
    }

    private static RestClient.Response start(RestClient client, String command, String... parameters) {
        return client.postForm("/api/system/scripts/" + command + "/processes",
                               Map.of("properties", properties(parameters)));
    }

    /** A process's parameters as DSpace's REST API takes them: names, each with the value after it (null: none). */
    private static String properties(String... parameters) {
        List<Map<String, String>> properties = new ArrayList<>();
        for (int i = 0; i < parameters.length; i += 2) {
            properties.add(i + 1 < parameters.length && parameters[i + 1] != null
                ? Map.of("name", parameters[i], "value", parameters[i + 1]) : Map.of("name", parameters[i]));
        }
        try {
            return new ObjectMapper().writeValueAsString(properties);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    public void noAddonCommandRunsForAnonymousUsersOrPlainAccounts() {
        RestClient anonymous = RestClient.anonymous(TestRepository.serverUrl());
        for (String command : COMMANDS) {
            assertThat(command + " as anonymous", start(anonymous, command).status(), is(401));
            assertThat(command + " as a plain account", start(plain, command, "-h", null).status(), is(403));
        }
        assertThat(plain.get("/api/system/scripts?size=100").body(), not(containsString("useit-")));
    }

    @Test
    public void administratorsRunCommandsButNoOptionOfTheirsBecomesAServerPath() throws Exception {
        Path target = Files.createTempDirectory("least-privilege").resolve("strands.ttl");
        // refused with the reason, the option named (DSpace itself would answer a bare 403): command, the option as
        // named in the answer, then the parameters
        for (String[] refused : List.of(new String[] {"useit-vocabulary", "-o (--output)", "-o", target.toString()},
                                        new String[] {"useit-vocabulary", "-o (--output)", "--output=" + target, null},
                                        new String[] {"useit-vocabulary", "-o (--output)", "-o" + target, null},
                                        new String[] {"useit-import", "-e (--eperson)", "-f", "sample.json", "-e",
                                                      "x@example.org"},
                                        new String[] {"useit-oai-check", "-s (--schemas)", "-s", "/", "-u",
                                                      "http://127.0.0.1/"},
                                        new String[] {"useit-structure", "-e (--eperson)", "-e",
                                                      "someone@example.org"})) {
            String[] parameters = Arrays.copyOfRange(refused, 2, refused.length);
            RestClient.Response answer = start(administrator, refused[0], parameters);
            String request = refused[0] + " " + Arrays.toString(parameters);
            assertThat(request, answer.status(), is(400));
            assertThat(request, answer.body(), containsString(refused[0] + ": " + refused[1]
                + " is for the server's command line only"));
        }
        RestClient.Response unknown = start(administrator, "useit-reindex", "-z", null);
        assertThat(unknown.body(), unknown.status(), is(400));
        assertThat(unknown.body(), containsString("useit-reindex: Unrecognized option: -z"));
        RestClient.Response noValue = start(administrator, "useit-access-sweep", "-s", null);
        assertThat(noValue.body(), noValue.status(), is(400));
        assertThat(noValue.body(), containsString("useit-access-sweep: Missing argument for option: s"));
        RestClient.Response nameless = administrator.postForm("/api/system/scripts/useit-reindex/processes",
                                                              Map.of("properties", "[{\"value\": \"x\"}]"));
        assertThat(nameless.body(), nameless.status(), is(400));
        assertThat(nameless.body(), containsString("useit-reindex: a parameter without a name"));
        // commands for the server's command line only, and a plain account's parameters: refused, no reason given
        for (String[] refused : List.of(new String[] {"useit-install", "-n", null},
                                        new String[] {"useit-oai-config", "-n", null})) {
            String[] parameters = Arrays.copyOfRange(refused, 1, refused.length);
            assertThat(String.join(" ", refused), start(administrator, refused[0], parameters).status(), is(403));
        }
        RestClient.Response plainly = start(plain, "useit-vocabulary", "-o", target.toString());
        assertThat(plainly.status(), is(403));
        assertThat(plainly.body(), not(containsString("command line")));
        assertThat("no file was written", Files.exists(target), is(false));

        List<String> listed = new ArrayList<>();
        for (JsonNode script : administrator.get("/api/system/scripts?size=200").expect(200).json()
                                            .at("/_embedded/scripts")) {
            listed.add(script.path("name").asText());
        }
        assertThat(listed, hasItem("useit-vocabulary"));
        assertThat(listed, hasItem("useit-access-sweep"));
        assertThat("commands that rewrite the site's files are for the command line", listed,
                   not(hasItem("useit-install")));
        assertThat(listed, not(hasItem("useit-oai-config")));
        // what administrators may do works through REST, its output a file of the process
        String[] ended = ended(start(administrator, "useit-vocabulary", "-s", null));
        assertThat(ended[0], is("COMPLETED"));
        assertThat(ended[1], containsString("useit-strands.ttl"));
    }

    @Test
    public void curationThroughRestNamesNoServerFileOrAccountAndCuratesOnlyWhatTheCallerAdministers()
        throws Exception {
        context.turnOffAuthorisationSystem();
        EPerson keeper = EPersonBuilder.createEPerson(context).withEmail("keeper-" + UUID.randomUUID() + "@example.org")
                                       .withPassword(password).withCanLogin(true).build();
        Community community = CommunityBuilder.createCommunity(context).withName("Curation through REST").build();
        Collection collection = CollectionBuilder.createCollection(context, community).withName("Kept")
                                                 .withAdminGroup(keeper).build();
        context.restoreAuthSystemState();
        context.commit();
        RestClient collectionAdministrator = RestClient.login(TestRepository.serverUrl(), keeper.getEmail(), password);
        String kept = collection.getHandle();
        Path folder = Files.createTempDirectory("least-privilege");
        Path report = folder.resolve("report.txt");
        Path tasks = Files.writeString(folder.resolve("tasks.txt"), "noop\n");
        // DSpace 8.1 opens -T, writes -r, reads and deletes the queue file -q, and runs as -e
        for (String[] refused : List.of(new String[] {"-t", "noop", "-i", kept, "-r", report.toString()},
                                        new String[] {"-t", "noop", "-i", kept, "--reporter=" + report, null},
                                        new String[] {"-t", "noop", "-i", kept, "-r" + report, null},
                                        new String[] {"-T", tasks.toString(), "-i", kept, "-v", null},
                                        new String[] {"-t", "noop", "-i", kept, "--task", "noop", "--taskf",
                                                      tasks.toString()},
                                        new String[] {"-q", "../../config/local", "-i", kept},
                                        new String[] {"-t", "noop", "-i", kept, "-e",
                                                      "least-privilege-admin@example.org"},
                                        // the object curated is the first -i: DSpace 8.1 checks the first "-i"
                                        new String[] {"--id", community.getHandle(), "-t", "noop", "-i", kept},
                                        new String[] {"-t", "noop", "-i", community.getHandle()},
                                        new String[] {"-t", "noop", "-i", "all"},
                                        new String[] {"-t", "noop"})) {
            assertThat("curate " + String.join(" ", Arrays.stream(refused).filter(p -> p != null).toList())
                           + " as the collection's administrator",
                       start(collectionAdministrator, "curate", refused).status(), is(403));
        }
        assertThat(start(plain, "curate", "-t", "noop", "-i", kept).status(), is(403));
        RestClient.Response reporter = start(administrator, "curate", "-t", "noop", "-i", kept, "-r",
                                             report.toString());
        assertThat(reporter.body(), reporter.status(), is(400));
        assertThat(reporter.body(), containsString("curate: -r (--reporter) is for the server's command line only"));
        assertThat("no file was written", Files.exists(report), is(false));
        assertThat("the task file is still there", Files.readString(tasks), is("noop\n"));

        // the collection's administrator curates it through REST, as themselves (DSpace's command-line variant
        // would want -e); so does a site administrator everything
        String[] ended = ended(start(collectionAdministrator, "curate", "-t", "noop", "-i", kept));
        assertThat(ended[2], ended[0], is("COMPLETED"));
        ended = ended(start(administrator, "curate", "-t", "noop", "-i", "all"));
        assertThat(ended[2], ended[0], is("COMPLETED"));

        // an item mapped into the collection from one of others is theirs: the curator would walk it, and its
        // report tell of it (hidden from the collection's administrator, or not)
        context.turnOffAuthorisationSystem();
        Collection others = CollectionBuilder.createCollection(context, context.reloadEntity(community))
                                             .withName("Others'").build();
        Item mapped = ItemBuilder.createItem(context, others).withTitle("Mapped in (illustrative)").build();
        ContentServiceFactory.getInstance().getCollectionService().addItem(context, context.reloadEntity(collection),
                                                                           mapped);
        context.restoreAuthSystemState();
        context.commit();
        assertThat(start(collectionAdministrator, "curate", "-t", "noop", "-i", kept).status(), is(403));
        ended = ended(start(administrator, "curate", "-t", "noop", "-i", kept));
        assertThat(ended[2], ended[0], is("COMPLETED"));
    }

    @Test
    public void dspaceMetadataImportThroughRestActsAsTheCallerAndAsksNoQuestion() throws Exception {
        context.turnOffAuthorisationSystem();
        Community community = CommunityBuilder.createCommunity(context).withName("Metadata import through REST")
                                              .build();
        Collection collection = CollectionBuilder.createCollection(context, community).withName("Edited").build();
        Item item = ItemBuilder.createItem(context, collection).withTitle("Before the import (illustrative)").build();
        context.restoreAuthSystemState();
        context.commit();
        byte[] csv = ("id,dc.title\n" + item.getID() + ",After the import (illustrative)\n")
            .getBytes(StandardCharsets.UTF_8);

        // DSpace's command-line variant runs as the account -e names (the administrator's own would do here); the
        // one for REST callers has no -e
        String[] asAnother = ended(importing(csv, "-f", "edit.csv", "-s", null, "-e",
                                             "least-privilege-admin@example.org"));
        assertThat(asAnother[2], asAnother[0], is("FAILED"));
        assertThat(title(item), is("Before the import (illustrative)"));
        // without -s the command-line variant asked for a "y" on the server's console, and wrote nothing
        String[] ended = ended(importing(csv, "-f", "edit.csv"));
        assertThat(ended[2], ended[0], is("COMPLETED"));
        assertThat(title(item), is("After the import (illustrative)"));
    }

    private RestClient.Response importing(byte[] csv, String... parameters) {
        return administrator.multipart("/api/system/scripts/metadata-import/processes",
                                       Map.of("properties", properties(parameters)), "edit.csv", csv, "text/csv");
    }

    private String title(Item item) {
        return administrator.get("/api/core/items/" + item.getID()).expect(200).json()
                            .at("/metadata/dc.title/0/value").asText();
    }

    @Test
    public void helpThroughRestRunsNothingAndAFailedCommandSaysWhy() throws Exception {
        // DSpace's REST API starts a process for -h as well; the command only shows its help
        for (String command : List.of("useit-vocabulary", "useit-import", "useit-access-sweep", "useit-oai-check")) {
            String[] ended = ended(start(administrator, command, "-h", null));
            assertThat(command + " -h", ended[0], is("COMPLETED"));
            assertThat(command + " -h wrote nothing", ended[1], not(containsString("useit-strands")));
        }
        String[] failed = ended(start(administrator, "useit-oai-check", "-u", "http://127.0.0.1:1/oai/request"));
        assertThat(failed[0], is("FAILED"));
        assertThat(failed[2], containsString("useit-oai-check: the endpoint could not be checked (see the log)"));
        // DSpace's Processes page sends each flag it sets with the value true ({"name": "-s", "value": true}),
        // which DSpace passes on as an argument: the flag alone, not a stray value
        String[] skos = ended(administrator.postForm("/api/system/scripts/useit-vocabulary/processes",
                                                     Map.of("properties", "[{\"name\": \"-s\", \"value\": true}]")));
        assertThat(skos[2], skos[0], is("COMPLETED"));
        assertThat(skos[1], containsString("useit-strands.ttl"));
    }

    @Test
    public void badParametersThroughRestAreRefusedSayingWhatIsWrong() throws Exception {
        // the import checks its records against the USE-IT! collections: made here, whichever test ran before
        Scripts.run("useit-structure");
        // an option with a long name only (--format) is read like any other
        String[] dryRun = ended(administrator.multipart("/api/system/scripts/useit-import/processes",
            Map.of("properties", properties("-f", "records.json", "--format", "json", "-n", null)), "records.json",
            "[]".getBytes(StandardCharsets.UTF_8), "application/json"));
        assertThat(dryRun[2], dryRun[0], is("COMPLETED"));
        // a file named but not sent
        String[] missing = ended(start(administrator, "useit-import", "-f", "not-sent.csv"));
        assertThat(missing[0], is("FAILED"));
        assertThat(missing[2], containsString("no such file: not-sent.csv"));
        assertThat(missing[2], not(containsString("Exception")));
        // a value that follows no option would otherwise be ignored, and the command run without it
        String[] stray = ended(start(administrator, "useit-vocabulary", "-s", null, "stray", null));
        assertThat(stray[0], is("FAILED"));
        assertThat(stray[2], containsString("useit-vocabulary: unexpected argument stray"));
        assertThat("nothing was written", stray[1], not(containsString("useit-strands")));
    }

    /**
     * Waits for a started process to end; deletes it (DSpace keeps a process's files as bitstreams; the test's
     * clean-up wants none left).
     *
     * @return its status, the list of its files, and its log
     */
    private String[] ended(RestClient.Response started) throws Exception {
        String process = started.expect(202).json().path("processId").asText();
        Instant deadline = Instant.now().plusSeconds(60);
        String status = "";
        while (Instant.now().isBefore(deadline) && !status.equals("COMPLETED") && !status.equals("FAILED")) {
            Thread.sleep(200);
            status = administrator.get("/api/system/processes/" + process).expect(200).json().path("processStatus")
                                  .asText();
        }
        JsonNode files = administrator.get("/api/system/processes/" + process + "/files").expect(200).json();
        StringBuilder log = new StringBuilder();
        for (JsonNode file : files.at("/_embedded/files")) {
            if (file.path("name").asText().endsWith(".log")) {
                log.append(administrator.get(file.at("/_links/content/href").asText()
                                                 .replaceFirst("^.*?/api/", "/api/")).body());
            }
        }
        administrator.delete("/api/system/processes/" + process).expect(204);
        return new String[] {status, files.toString(), log.toString()};
    }

    @Test
    public void usageReportsAreForSiteAdministrators() {
        String site = plain.get("/api/core/sites").expect(200).json().at("/_embedded/sites/0/id").asText();
        String report = "/api/statistics/usagereports/" + site + "_TotalVisits";
        assertThat(RestClient.anonymous(TestRepository.serverUrl()).get(report).status(), is(401));
        assertThat(plain.get(report).status(), is(403));
        // past the permission (the test repository has no statistics core to answer from)
        assertThat(administrator.get(report).status(), not(anyOf(is(401), is(403))));
    }

    @Test
    public void healthDetailsAreForAdministrators() {
        for (RestClient caller : List.of(RestClient.anonymous(TestRepository.serverUrl()), plain)) {
            JsonNode health = caller.get("/actuator/health").expect(200).json();
            assertThat(health.toString(), health.has("status"), is(true));
            assertThat(health.toString(), health.has("components"), is(false));
        }
        JsonNode details = administrator.get("/actuator/health").expect(200).json();
        assertThat(details.toString(), details.at("/components/db/details").isMissingNode(), is(false));
    }

    @Test
    public void pagesSendSecurityHeaders() {
        for (String page : List.of("/useit/", "/useit/search.js", "/useit/search.css", "/useit/deposit",
                                   "/useit/deposit.js")) {
            RestClient.Response response = RestClient.anonymous(TestRepository.serverUrl()).get(page).expect(200);
            assertThat(page, response.headers().firstValue("Content-Security-Policy").orElse(""),
                       containsString("script-src 'self'"));
            assertThat(page, response.headers().firstValue("Content-Security-Policy").orElse(""),
                       containsString("frame-ancestors 'none'"));
            assertThat(page, response.headers().firstValue("X-Content-Type-Options").orElse(""), is("nosniff"));
            assertThat(page, response.headers().firstValue("Referrer-Policy").orElse(""),
                       is("strict-origin-when-cross-origin"));
        }
    }
}
