/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.tests.operations;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import eu.useit.tests.support.AbstractRepositoryProcessIT;
import eu.useit.tests.support.LauncherProcess;
import eu.useit.tests.support.OaiHarvest;
import eu.useit.tests.support.OrgUnitRecords;
import eu.useit.tests.support.RepositoryProcess;
import eu.useit.tests.support.RestClient;
import eu.useit.tests.support.Xml;
import org.junit.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/**
 * The commands a librarian or administrator runs through {@code ./useit dspace} while the repository runs
 * ({@code useit-structure}, {@code useit-import}, {@code curate -t useit-validate}, {@code useit-reindex},
 * {@code useit-vocabulary}), DSpace's launcher commands ({@code oai import}, {@code dsrun}, {@code dsprop}) and a
 * change to {@code local.cfg}: a harvester and a searcher (a request every 200 ms each) meanwhile get no error
 * (no 5xx, no identifier twice in a harvest), the running repository's configuration files stay as they are, and
 * what the import adds reaches OAI-PMH and the search.
 */
public class CommandsBesideTheRepositoryIT extends AbstractRepositoryProcessIT {

    private static final int RECORDS = 60;
    /** Between two requests of a client: steady traffic that leaves the commands' JVMs a share of the 2 cores. */
    private static final long PAUSE_MILLIS = 200;

    @Test
    public void commandsBesideARunningRepositoryBreakNothing() throws Exception {
        repository = RepositoryProcess.startAfresh("beside");
        Path config = repository.dataDir().resolve("dspace/config");
        Map<String, FileTime> configBefore = modificationTimes(config);
        String admin = repository.administratorEmail();

        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger requests = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(2);
        Future<?> harvester = clients.submit(() -> harvestUntilStopped(running, requests, problems));
        Future<?> searcher = clients.submit(() -> searchUntilStopped(running, requests, problems));

        List<String> failedCommands = new ArrayList<>();
        run(failedCommands, "useit-vocabulary");
        run(failedCommands, "useit-structure");
        Path records = OrgUnitRecords.write(repository.dataDir().getParent(), "besidezq", 0, RECORDS);
        run(failedCommands, "useit-import", "-f", records.toString(), "-e", admin);
        Files.writeString(config.resolve("local.cfg"), "\n# added while the repository runs\nuseit.beside.check = 1\n",
                          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        run(failedCommands, "curate", "-t", "useit-validate", "-i", "all", "-e", admin);
        run(failedCommands, "useit-reindex");
        run(failedCommands, "useit-reindex", "-v");
        // DSpace's launcher commands (config/launcher.xml), as [dspace]/bin/dspace has them
        run(failedCommands, "oai", "import");
        LauncherProcess.Outcome install = repository.dspace("dsrun", "eu.useit.install.Install", "-n");
        LauncherProcess.Outcome property = repository.dspace("dsprop", "-p", "oai.identifier.prefix");
        LauncherProcess.Outcome handleServer = repository.dspace("make-handle-config");
        LauncherProcess.Outcome unknown = repository.dspace("no-such-command");

        // what the import added reaches OAI-PMH (the running repository's index queue) and the search
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        long harvested = 0;
        while (Instant.now().isBefore(deadline) && (harvested = importedInOai()) < RECORDS) {
            Thread.sleep(1000);
        }
        running.set(false);
        harvester.get();
        searcher.get();
        clients.shutdown();

        assertThat("commands that failed", failedCommands, empty());
        assertThat(install.stdout() + install.stderr(), install.exitCode(), is(0));
        assertThat(install.stdout(), containsString("useit-install: nothing to do: "));
        assertThat(property.stdout().strip(), is("useit.example.ac.uk"));
        assertThat(handleServer.exitCode(), is(1));
        assertThat(handleServer.stderr(), containsString("make-handle-config: this runtime does not have "
                                                            + "net.handle.server.SimpleSetup"));
        assertThat(unknown.exitCode(), is(2));
        assertThat(unknown.stderr(), allOf(containsString("unknown command 'no-such-command'"),
                                           containsString("dsrun"), containsString("registry-loader"),
                                           containsString("useit-import"), containsString("classpath")));
        assertThat("requests answered wrongly while the commands ran (" + requests.get() + " in all)", problems,
                   empty());
        assertThat(requests.get(), greaterThan(20));
        Map<String, FileTime> configAfter = modificationTimes(config);
        configAfter.remove("local.cfg");
        configBefore.remove("local.cfg");
        assertThat("the running repository's configuration files were rewritten", configAfter, is(configBefore));
        assertThat("imported records in OAI-PMH", harvested, is((long) RECORDS));
        long found = RestClient.anonymous(repository.server())
            .get("/api/discover/search/objects?dsoType=ITEM&query=besidezq").expect(200).json()
            .at("/_embedded/searchResult/page/totalElements").asLong();
        assertThat("imported records in the search", found, is((long) RECORDS));
    }

    private void run(List<String> failed, String... args) throws Exception {
        LauncherProcess.Outcome outcome = repository.dspace(args);
        if (outcome.exitCode() != 0) {
            failed.add(String.join(" ", args) + " (exit " + outcome.exitCode() + "): " + outcome.stdout()
                           + outcome.stderr());
        }
    }

    /** Whole harvests, one after another: every page HTTP 200 and valid, no identifier twice in one harvest. */
    private void harvestUntilStopped(AtomicBoolean running, AtomicInteger requests, List<String> problems) {
        OaiHarvest oai = new OaiHarvest(repository.server() + "/oai/request");
        while (running.get()) {
            Set<String> seen = new HashSet<>();
            String query = "verb=ListIdentifiers&metadataPrefix=oai_dc";
            try {
                while (query != null) {
                    pause();
                    requests.incrementAndGet();
                    Document page = oai.document(query);
                    for (String identifier : Xml.strings(page, "//oai:header/oai:identifier")) {
                        if (!seen.add(identifier)) {
                            problems.add("OAI-PMH: " + identifier + " twice in one harvest");
                        }
                    }
                    String token = Xml.string(page, "//oai:resumptionToken").strip();
                    query = token.isEmpty() ? null : "verb=ListIdentifiers&resumptionToken="
                        + RestClient.encode(token);
                }
            } catch (Exception | AssertionError e) {
                problems.add("OAI-PMH: " + e.getMessage());
            }
        }
    }

    /** Searches and item pages of the REST API, over and over: every answer HTTP 200. */
    private void searchUntilStopped(AtomicBoolean running, AtomicInteger requests, List<String> problems) {
        RestClient anonymous = RestClient.anonymous(repository.server());
        while (running.get()) {
            for (String path : List.of("/api/discover/search/objects?configuration=useit&size=20",
                                       "/api/discover/facets/strand?configuration=useit",
                                       "/api/core/communities?size=5", "/useit/")) {
                pause();
                requests.incrementAndGet();
                RestClient.Response response = anonymous.get(path);
                if (response.status() != 200) {
                    problems.add(path + ": HTTP " + response.status());
                }
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long importedInOai() throws Exception {
        long count = 0;
        for (Node record : new OaiHarvest(repository.server() + "/oai/request").list("ListRecords",
                                                                                      "metadataPrefix=oai_dc")) {
            count += Xml.string(record, ".//dc:title").contains("besidezq") ? 1 : 0;
        }
        return count;
    }

    private static Map<String, FileTime> modificationTimes(Path root) throws IOException {
        Map<String, FileTime> times = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                times.put(root.relativize(file).toString(), Files.getLastModifiedTime(file));
            }
        }
        return times;
    }
}
