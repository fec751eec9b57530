/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.tests.operations;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import eu.useit.tests.support.AbstractRepositoryProcessIT;
import eu.useit.tests.support.OaiHarvest;
import eu.useit.tests.support.OrgUnitRecords;
import eu.useit.tests.support.RepositoryProcess;
import eu.useit.tests.support.RestClient;
import eu.useit.tests.support.Xml;
import org.junit.Test;
import org.w3c.dom.Node;

/**
 * {@code kill -9} of an import beside the running repository, at several points: while records are created, as its
 * final save starts (DSpace writes the search index, then commits), during it, and after it. Each time the database
 * holds all of the import or none of it; after a restart the search index (the Solr core itself, so facets and
 * totals), the search over REST and OAI-PMH all agree with the database: no document of an item that never was.
 */
public class CrashConsistencyIT extends AbstractRepositoryProcessIT {

    private static final int RECORDS = 300;
    private static final Pattern PROGRESS = Pattern.compile("useit-import: ([0-9,]+) of ([0-9,]+) ");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /**
     * A point to kill at: when the command's output first satisfies a condition, and a delay after that; the
     * command may have ended by then if it may end.
     */
    private record KillPoint(String name, Predicate<String> reached, long delayMillis, boolean mayEnd) {
    }

    /** What a killed import left. */
    private record Outcome(String marker, String point, boolean imported) {
    }

    @Test
    public void afterAKillAtAnyPointTheRestartedRepositoryAgreesWithItsDatabase() throws Exception {
        repository = RepositoryProcess.startAfresh("crash");
        RestClient admin = repository.administrator();
        List<KillPoint> points = List.of(
            new KillPoint("while creating records", output -> progress(output, false), 0, false),
            new KillPoint("as the final save starts", output -> progress(output, true), 0, false),
            new KillPoint("3 s into the final save", output -> progress(output, true), 3000, false),
            new KillPoint("6 s into the final save", output -> progress(output, true), 6000, true),
            new KillPoint("9 s into the final save", output -> progress(output, true), 9000, true),
            new KillPoint("after the commit", output -> output.contains(" created, "), 0, true));
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            KillPoint point = points.get(i);
            String marker = "crashzq" + (char) ('a' + i);
            long before = itemsInDatabase(admin);
            killAt(point, OrgUnitRecords.write(repository.dataDir().getParent(), marker, 0, RECORDS));
            long added = itemsInDatabase(admin) - before;
            assertThat(point.name() + ": the database holds all or none of the import, not " + added, added == 0
                || added == RECORDS, is(true));
            outcomes.add(new Outcome(marker, point.name(), added == RECORDS));
            System.out.println("killed " + point.name() + ": " + (added == RECORDS ? "all" : "none")
                                   + " of the import in the database");
        }

        repository = repository.restart();
        List<String> problems = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (Node record : new OaiHarvest(repository.server() + "/oai/request").list("ListRecords",
                                                                                      "metadataPrefix=oai_dc")) {
            titles.add(Xml.string(record, ".//dc:title"));
        }
        for (Outcome outcome : outcomes) {
            long expected = outcome.imported() ? RECORDS : 0;
            long indexed = solrCount(outcome.marker());
            long found = searchTotal(outcome.marker());
            long harvested = titles.stream().filter(title -> title.contains(outcome.marker())).count();
            if (indexed != expected || found != expected || harvested != expected) {
                problems.add("killed " + outcome.point() + ": the database has " + expected + ", the search core "
                                 + indexed + ", the search " + found + ", OAI-PMH " + harvested);
            }
        }
        assertThat(repository.output(), problems, empty());
    }

    /** Starts the import, kills it (SIGKILL) at the point, and waits for it to be gone. */
    private void killAt(KillPoint point, Path file) throws Exception {
        Path output = Files.createTempFile(repository.dataDir().getParent(), "import", ".out");
        Process command = repository.dspaceStarted(output, "useit-import", "-f", file.toString(), "-e",
                                                   repository.administratorEmail());
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (!point.reached().test(Files.readString(output, StandardCharsets.UTF_8))) {
            if (!command.isAlive() && point.mayEnd()) {
                return;
            }
            if (!command.isAlive()) {
                throw new AssertionError("the import ended before " + point.name() + ":\n"
                                             + Files.readString(output, StandardCharsets.UTF_8));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the import did not reach " + point.name() + " within four minutes");
            }
            Thread.sleep(20);
        }
        Thread.sleep(point.delayMillis());
        command.destroyForcibly();
        assertThat("the import was killed", command.waitFor(30, TimeUnit.SECONDS), is(true));
    }

    /** Whether the import printed a progress line, before the last record or at it. */
    private static boolean progress(String output, boolean last) {
        Matcher line = PROGRESS.matcher(output);
        while (line.find()) {
            boolean done = line.group(1).equals(line.group(2));
            if (done == last) {
                return true;
            }
        }
        return false;
    }

    /** Every item of the database, in any state (DSpace's item count, administrators only). */
    private static long itemsInDatabase(RestClient admin) {
        return admin.get("/api/core/items?size=1").expect(200).json().at("/page/totalElements").asLong();
    }

    /** Documents in the search core itself, as facets and totals count them. */
    private long solrCount(String marker) throws Exception {
        String url = repository.solr() + "/search/select?rows=0&wt=json&q=" + marker;
        String body = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                                HttpResponse.BodyHandlers.ofString()).body();
        Matcher found = Pattern.compile("\"numFound\"\\s*:\\s*(\\d+)").matcher(body);
        if (!found.find()) {
            throw new AssertionError("no count from the search core: " + body);
        }
        return Long.parseLong(found.group(1));
    }

    /** Items found by an anonymous search over REST. */
    private long searchTotal(String marker) throws Exception {
        return RestClient.anonymous(repository.server()).get("/api/discover/search/objects?dsoType=ITEM&query="
                                                                 + marker).expect(200).json()
                         .at("/_embedded/searchResult/page/totalElements").asLong();
    }
}
