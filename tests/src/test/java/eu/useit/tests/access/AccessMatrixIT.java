/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.tests.access;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import eu.useit.tests.support.AbstractRepositoryProcessIT;
import eu.useit.tests.support.OaiHarvest;
import eu.useit.tests.support.RepositoryProcess;
import eu.useit.tests.support.RestClient;
import eu.useit.tests.support.Xml;
import org.junit.Test;
import org.w3c.dom.Document;

/**
 * The access matrix: items in every state of access (private, withdrawn, anonymous READ removed, never public,
 * embargoed, in a deposit, in review, deleted; public with a restricted, an embargoed, a later restricted file, a
 * file in a closed bundle, in a bundle under embargo, in a bundle that opens only after the file's own READ ends; a
 * public case study with a private partner) are looked for on every surface (OAI-PMH, REST, search, facets, file
 * links) as an anonymous user and as a plain account, over real HTTP, in the repository {@code ./useit run} runs.
 * Nothing of a hidden item shows but a deleted header; no closed file is linked, described as open or downloadable;
 * a change of access gives the record a new datestamp.
 * <p>
 * Then the repository is restarted (the start-up's index check runs as it would for a site) and the matrix runs
 * again, with states whose access changes with time added: an embargo that lifts, a lease that ends and a file
 * embargo that lifts at the next midnight of the repository's time zone, which the test chooses a few minutes
 * ahead (DSpace keeps policy dates as days); they are checked before it, then the others are. The web
 * application's sweep (every 5 s here) must follow them.
 */
public class AccessMatrixIT extends AbstractRepositoryProcessIT {

    private static final Duration SWEEP = Duration.ofSeconds(5);
    private static final Duration SETTLE = Duration.ofSeconds(30);
    /** A sweep comes every 5 s; on a loaded machine (CI: 2 cores, PostgreSQL, Solr, DSpace) it may take longer. */
    private static final Duration SWEPT = Duration.ofSeconds(60);
    /**
     * At least this long from the restart to the midnight at which the timed states change: the restart, building
     * the timed states, indexing them and checking them must fit in it (here ~1 min; CI has 2 cores).
     */
    private static final Duration BEFORE_MIDNIGHT = Duration.ofSeconds(150);

    @Test
    public void nothingHiddenShowsToAnybodyBeforeOrAfterARestartAndAccessFollowsTime() throws Exception {
        String[] settings = {"-Duseit.access.sweep.interval.seconds=" + SWEEP.toSeconds()};
        repository = RepositoryProcess.startAfresh("access-matrix", settings);
        RestClient admin = repository.administrator();
        AccessStates builder = new AccessStates(admin);
        String password = "Matrix-" + UUID.randomUUID();
        builder.account("reader@access-matrix.example.org", password);
        String submitter = builder.account("depositor@access-matrix.example.org", password);
        builder.maySubmitToLibrary(submitter);
        RestClient depositor = RestClient.login(repository.server(), "depositor@access-matrix.example.org", password);

        List<AccessState> states = new ArrayList<>(builder.buildStatic(depositor, submitter));
        AccessState restrictedLater = builder.openToBeRestricted();
        states.add(restrictedLater);
        awaitIndexed(states);

        // a file closed after harvesters saw it: the record changes and says so with a new datestamp
        String file = restrictedLater.files.get(0).uuid();
        Instant before = awaitRecord(restrictedLater, record -> record.contains(file), "its open file linked");
        builder.restrictFiles(restrictedLater);
        awaitRecord(restrictedLater, record -> !record.contains(file), "its file no longer linked");
        assertThat("the datestamp after the file was restricted", datestamp(restrictedLater), greaterThan(before));

        assertNoProblems("first run", matrix(builder, states, password, true));

        // restart in a time zone whose next midnight is a few minutes away; the timed states are built and checked
        // first, since their check must end before midnight; the static ones (a year from any date) may run past it
        Instant midnight = Instant.now().plus(BEFORE_MIDNIGHT).plusSeconds(59).truncatedTo(ChronoUnit.MINUTES);
        ZoneOffset zone = zoneWhoseMidnightIs(midnight);
        repository = repository.restart(concat(settings, "-Duser.timezone=GMT"
                                                           + (zone.getTotalSeconds() == 0 ? "" : zone.getId())));
        builder.use(repository.administrator());
        List<AccessState> timed = builder.buildTimed(restDate(midnight.atOffset(zone).toLocalDate(), zone));
        awaitIndexed(timed);
        List<String> beforeMidnight = matrix(builder, timed, password, false);
        assertThat("the timed states were built and checked before their day began, " + midnight
                       + " (the test's set-up too slow: raise BEFORE_MIDNIGHT)", Instant.now().isBefore(midnight),
                   is(true));
        assertNoProblems("the timed states before their day", beforeMidnight);
        assertNoProblems("after the restart", matrix(builder, states, password, true));

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), midnight).toMillis()));
        AccessStates.afterTheDay(timed);
        awaitIndexed(timed, SWEPT);
        states.addAll(timed);
        assertNoProblems("after midnight", matrix(builder, states, password, true));
    }

    private List<String> matrix(AccessStates builder, List<AccessState> states, String password, boolean full)
        throws Exception {
        builder.notePolicies(states);
        return new AccessMatrix(repository.server(), states, builder.anonymousGroup())
            .check(RestClient.anonymous(repository.server()),
                   RestClient.login(repository.server(), "reader@access-matrix.example.org", password), full);
    }

    private static void assertNoProblems(String when, List<String> problems) {
        assertThat(when + ":\n  " + String.join("\n  ", problems), problems, empty());
    }

    /**
     * Waits until the OAI index has caught up with the last change of each state (the index worker writes after
     * each commit): public ones live, with their access right and links to their open files only; hidden ones not.
     */
    private void awaitIndexed(List<AccessState> states) throws Exception {
        awaitIndexed(states, SETTLE);
    }

    private void awaitIndexed(List<AccessState> states, Duration settle) throws Exception {
        Instant deadline = Instant.now().plus(settle);
        List<String> waiting = new ArrayList<>();
        do {
            waiting.clear();
            for (AccessState state : states) {
                if (state.handle != null && !indexedAsExpected(state)) {
                    waiting.add(state.toString());
                }
            }
            if (waiting.isEmpty()) {
                return;
            }
            Thread.sleep(500);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("not indexed as expected within " + settle + ": " + waiting
                                     + "\nthe index worker's last lines in the repository's log:\n" + workerLog());
    }

    /** The repository's last log lines of its index worker (the access sweep runs there), to tell why it lags. */
    private String workerLog() throws IOException {
        Path log = repository.dataDir().resolve("dspace/log/dspace.log");
        if (!Files.exists(log)) {
            return "(no log at " + log + ")";
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
            .filter(line -> line.contains("useit-index-worker") || line.contains("Error")).toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    private boolean indexedAsExpected(AccessState state) throws Exception {
        String record = new OaiHarvest(repository.server() + "/oai/request").get(
            "verb=GetRecord&metadataPrefix=qdc&identifier="
                + RestClient.encode("oai:useit.example.ac.uk:" + state.handle)).body();
        boolean live = !Xml.nodes(Xml.parse(record), "//oai:record/oai:metadata").isEmpty();
        if (state.hidden() || !live) {
            return live == !state.hidden();
        }
        return (state.accessRight == null || record.contains(state.accessRight))
            && state.files.stream().allMatch(file -> record.contains(file.uuid()) == file.open());
    }

    private Instant datestamp(AccessState state) throws Exception {
        return Instant.parse(Xml.string(getRecord(state), "//oai:record/oai:header/oai:datestamp"));
    }

    /** Waits until the state's qdc record (which links open files) passes a check; returns its datestamp. */
    private Instant awaitRecord(AccessState state, Predicate<String> check, String what) throws Exception {
        Instant deadline = Instant.now().plus(SETTLE);
        while (Instant.now().isBefore(deadline)) {
            String record = new OaiHarvest(repository.server() + "/oai/request").get(
                "verb=GetRecord&metadataPrefix=qdc&identifier="
                    + RestClient.encode("oai:useit.example.ac.uk:" + state.handle)).body();
            if (check.test(record)) {
                return Instant.parse(Xml.string(Xml.parse(record), "//oai:header/oai:datestamp"));
            }
            Thread.sleep(500);
        }
        throw new AssertionError(state + ": its record did not show " + what + " within " + SETTLE);
    }

    private Document getRecord(AccessState state) throws Exception {
        return new OaiHarvest(repository.server() + "/oai/request").document(
            "verb=GetRecord&metadataPrefix=oai_dc&identifier="
                + RestClient.encode("oai:useit.example.ac.uk:" + state.handle));
    }

    /** The zone (whole minutes) in which {@code midnight}, a whole minute, is the start of a day. */
    static ZoneOffset zoneWhoseMidnightIs(Instant midnight) {
        long secondsIntoDay = Math.floorMod(midnight.getEpochSecond(), 86_400);
        long offset = secondsIntoDay == 0 ? 0 : 86_400 - secondsIntoDay;
        if (offset > 12 * 3600) {
            offset -= 86_400;
        }
        ZoneOffset zone = ZoneOffset.ofTotalSeconds((int) offset);
        LocalDate day = midnight.atOffset(zone).toLocalDate();
        if (!day.atStartOfDay().toInstant(zone).equals(midnight)) {
            throw new IllegalStateException(midnight + " is not a midnight of " + zone);
        }
        return zone;
    }

    /**
     * The date to send DSpace's REST API for it to keep {@code day}: it reads "yyyy-MM-dd" as midnight UTC and
     * keeps the day of that moment in the server's zone, a day earlier west of UTC.
     */
    static LocalDate restDate(LocalDate day, ZoneOffset zone) {
        return zone.getTotalSeconds() < 0 ? day.plusDays(1) : day;
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
