/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.tests.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/**
 * Harvesting while the repository changes: several harvesters walk the whole OAI-PMH list ({@code ListRecords},
 * {@code oai_dc}) over and over while items are deposited ({@code useit-import} through {@code ./useit dspace}, in
 * batches) and withdrawn (DSpace's {@code metadata-import} with the action {@code withdraw}). Afterwards every
 * harvest is checked: each page HTTP 200, no identifier twice, every item the run did not touch present; and the
 * incremental harvest from each harvest's {@code responseDate} holds every change that harvest did not show.
 * Used by {@code LoadIT} (small) and the benchmark harness (large, {@code bench/results/load.md}).
 */
public final class HarvestLoad {

    private static final String DEPOSIT = "loadzqd";
    private static final String WITHDRAW = "loadzqw";
    private static final String KEEP = "loadzqk";
    private static final Duration SETTLE = Duration.ofMinutes(3);

    /**
     * @param harvesters  concurrent harvesters
     * @param deposits    items deposited while they harvest
     * @param batches     import commands the deposits are split into
     * @param withdrawals items (deposited before the harvests start) withdrawn while they harvest
     * @param kept        items deposited before the harvests start and left alone, so that a whole harvest has
     *                    several pages
     */
    public record Settings(int harvesters, int deposits, int batches, int withdrawals, int kept) {
    }

    /** One whole harvest: its responseDate and what it held (identifier to "live" or "deleted"). */
    private record Harvest(String responseDate, Map<String, String> records) {
    }

    /**
     * What happened.
     *
     * @param problems     every wrong answer or missed change (none when all is well)
     * @param harvests     whole harvests completed
     * @param incrementals incremental harvests checked (one per distinct responseDate of the whole harvests)
     * @param pageMillis   the time of every page, in milliseconds
     * @param commandTimes the time of each command that changed the repository, in order (imports, withdrawals)
     * @param changed      items deposited or withdrawn
     * @param unchanged    items present throughout
     * @param elapsed      the whole run, changes and harvests
     */
    public record Result(List<String> problems, int harvests, int incrementals, List<Long> pageMillis,
                         Map<String, Duration> commandTimes, int changed, int unchanged, Duration elapsed) {
    }

    private final RepositoryProcess repository;
    private final Settings settings;
    private final Consumer<String> log;
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> pageMillis = Collections.synchronizedList(new ArrayList<>());
    private final List<Harvest> harvests = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Duration> commandTimes = Collections.synchronizedMap(new LinkedHashMap<>());

    /**
     * @param repository a running repository
     * @param settings   how much load
     * @param log        where progress goes
     */
    public HarvestLoad(RepositoryProcess repository, Settings settings, Consumer<String> log) {
        this.repository = repository;
        this.settings = settings;
        this.log = log;
    }

    /**
     * Runs the load and checks every harvest.
     *
     * @return what happened
     * @throws Exception if the load cannot be run (a command fails, the repository does not settle)
     */
    public Result run() throws Exception {
        OaiHarvest oai = new OaiHarvest(repository.server() + "/oai/request");
        RestClient admin = repository.administrator();
        String prefix = "oai:" + Xml.string(oai.document("verb=Identify"), "//*[local-name()='repositoryIdentifier']")
            + ":";
        Path before = OrgUnitRecords.write(repository.dataDir().getParent(),
                                           new OrgUnitRecords.Group(WITHDRAW, 0, settings.withdrawals()),
                                           new OrgUnitRecords.Group(KEEP, 0, settings.kept()));
        command("import of the items to withdraw and to keep", "useit-import", "-f", before.toString(), "-e",
                repository.administratorEmail());
        Map<String, String> toWithdraw = items(admin, WITHDRAW, settings.withdrawals(), prefix);
        Harvest baseline = settle(oai, toWithdraw.keySet(), Set.of());
        Set<String> unchanged = new HashSet<>();
        baseline.records().forEach((id, status) -> {
            if ("live".equals(status) && !toWithdraw.containsKey(id)) {
                unchanged.add(id);
            }
        });
        log.accept("load: " + unchanged.size() + " records untouched, " + settings.harvesters() + " harvesters, "
                       + settings.deposits() + " deposits in " + settings.batches() + " imports, "
                       + settings.withdrawals() + " withdrawals");

        Instant start = Instant.now();
        AtomicBoolean changing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(settings.harvesters());
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < settings.harvesters(); i++) {
            running.add(pool.submit(() -> harvestUntilDone(oai, changing, unchanged)));
        }
        List<String> withdrawn = new ArrayList<>(toWithdraw.values());
        int perBatch = (settings.deposits() + settings.batches() - 1) / settings.batches();
        for (int batch = 0; batch < settings.batches(); batch++) {
            int from = batch * perBatch;
            int to = Math.min(settings.deposits(), from + perBatch);
            Path deposits = OrgUnitRecords.write(repository.dataDir().getParent(), DEPOSIT, from, to);
            command("import " + (batch + 1), "useit-import", "-f", deposits.toString(), "-e",
                    repository.administratorEmail());
            if (batch == settings.batches() / 2 - 1 || settings.batches() == 1) {
                command("withdrawal 1 (" + withdrawn.size() / 2 + " items)", "metadata-import", "-s", "-f",
                        withdrawals(withdrawn.subList(0, withdrawn.size() / 2)).toString(), "-e",
                        repository.administratorEmail());
            }
        }
        command("withdrawal 2 (" + (withdrawn.size() - withdrawn.size() / 2) + " items)", "metadata-import", "-s",
                "-f",
                withdrawals(withdrawn.subList(withdrawn.size() / 2, withdrawn.size())).toString(), "-e",
                repository.administratorEmail());
        Map<String, String> deposited = items(admin, DEPOSIT, settings.deposits(), prefix);
        settle(oai, deposited.keySet(), toWithdraw.keySet());
        changing.set(false);
        for (Future<?> harvester : running) {
            harvester.get();
        }
        pool.shutdown();
        Duration elapsed = Duration.between(start, Instant.now());

        Map<String, String> finalState = new HashMap<>();
        deposited.keySet().forEach(id -> finalState.put(id, "live"));
        toWithdraw.keySet().forEach(id -> finalState.put(id, "deleted"));
        Map<String, Harvest> incremental = new HashMap<>();
        for (Harvest harvest : harvests) {
            Harvest since = incremental.get(harvest.responseDate());
            if (since == null) {
                since = harvest(oai, "verb=ListIdentifiers&metadataPrefix=oai_dc&from="
                    + RestClient.encode(harvest.responseDate()), false);
                incremental.put(harvest.responseDate(), since);
            }
            checkIncremental(harvest, since, finalState);
        }
        return new Result(List.copyOf(problems), harvests.size(), incremental.size(), List.copyOf(pageMillis),
                          Collections.unmodifiableMap(new LinkedHashMap<>(commandTimes)),
                          finalState.size(), unchanged.size(), elapsed);
    }

    /** Whole harvests until the changes are over and one more whole harvest has begun after that. */
    private void harvestUntilDone(OaiHarvest oai, AtomicBoolean changing, Set<String> unchanged) {
        boolean last = false;
        while (!last) {
            last = !changing.get();
            try {
                Harvest harvest = harvest(oai, "verb=ListRecords&metadataPrefix=oai_dc", true);
                Set<String> missing = new HashSet<>(unchanged);
                harvest.records().forEach((id, status) -> {
                    if ("live".equals(status)) {
                        missing.remove(id);
                    }
                });
                if (!missing.isEmpty()) {
                    problems.add("a whole harvest lacks " + missing.size() + " untouched record(s), e.g. "
                                     + missing.iterator().next());
                }
                harvests.add(harvest);
            } catch (Exception | AssertionError e) {
                problems.add("harvest: " + e.getMessage());
            }
        }
    }

    /** A whole list, page by page, timed; an identifier twice in it is a problem. */
    private Harvest harvest(OaiHarvest oai, String first, boolean timed) throws Exception {
        Map<String, String> records = new HashMap<>();
        String responseDate = null;
        String query = first;
        String verb = first.substring("verb=".length(), first.indexOf('&'));
        while (query != null) {
            long started = System.nanoTime();
            Document page = oai.document(query);
            if (timed) {
                pageMillis.add((System.nanoTime() - started) / 1_000_000);
            }
            if (responseDate == null) {
                responseDate = Xml.string(page, "/oai:OAI-PMH/oai:responseDate");
            }
            for (Node header : Xml.nodes(page, "//oai:header")) {
                String id = Xml.string(header, "oai:identifier");
                String status = "deleted".equals(Xml.string(header, "@status")) ? "deleted" : "live";
                if (records.put(id, status) != null) {
                    problems.add(id + " twice in one harvest");
                }
            }
            String token = Xml.string(page, "//oai:resumptionToken").strip();
            query = token.isEmpty() ? null : "verb=" + verb + "&resumptionToken=" + RestClient.encode(token);
        }
        return new Harvest(responseDate, records);
    }

    /** The incremental harvest from a harvest's responseDate must show each change that harvest did not. */
    private void checkIncremental(Harvest harvest, Harvest since, Map<String, String> finalState) {
        for (Map.Entry<String, String> change : finalState.entrySet()) {
            String shown = harvest.records().get(change.getKey());
            if (!change.getValue().equals(shown) && !change.getValue().equals(since.records().get(change.getKey()))) {
                problems.add(change.getKey() + " (" + change.getValue() + ") is neither in the harvest of "
                                 + harvest.responseDate() + " (" + shown + ") nor in the incremental harvest from it");
            }
        }
    }

    /** Waits until OAI-PMH shows some records live and others deleted; returns that whole list. */
    private Harvest settle(OaiHarvest oai, Set<String> live, Set<String> deleted) throws Exception {
        Instant deadline = Instant.now().plus(SETTLE);
        while (true) {
            Harvest all = harvest(oai, "verb=ListIdentifiers&metadataPrefix=oai_dc", false);
            if (live.stream().allMatch(id -> "live".equals(all.records().get(id)))
                && deleted.stream().allMatch(id -> "deleted".equals(all.records().get(id)))) {
                return all;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("OAI-PMH did not show the changes within " + SETTLE);
            }
            Thread.sleep(1000);
        }
    }

    /** The items whose title has a marker, found by an administrator's search: OAI identifier to UUID. */
    private static Map<String, String> items(RestClient admin, String marker, int expected, String prefix)
        throws Exception {
        Instant deadline = Instant.now().plus(SETTLE);
        while (true) {
            Map<String, String> found = new HashMap<>();
            for (int page = 0; found.size() < expected; page++) {
                JsonNode objects = admin.get("/api/discover/search/objects?dsoType=ITEM&size=100&page=" + page
                                                 + "&query=" + marker).expect(200).json()
                                        .at("/_embedded/searchResult/_embedded/objects");
                if (objects.isEmpty()) {
                    break;
                }
                for (JsonNode object : objects) {
                    JsonNode item = object.at("/_embedded/indexableObject");
                    found.put(prefix + item.path("handle").asText(), item.path("uuid").asText());
                }
            }
            if (found.size() == expected) {
                return found;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the search found " + found.size() + " of " + expected + " " + marker);
            }
            Thread.sleep(1000);
        }
    }

    private void command(String what, String... args) throws Exception {
        Instant started = Instant.now();
        LauncherProcess.Outcome outcome = repository.dspace(args);
        if (outcome.exitCode() != 0) {
            throw new AssertionError(what + " failed (exit " + outcome.exitCode() + "):\n" + outcome.stdout()
                                         + outcome.stderr());
        }
        Duration took = Duration.between(started, Instant.now());
        commandTimes.put(what, took);
        log.accept("load: " + what + " took " + took.toMillis() + " ms");
    }

    private Path withdrawals(List<String> uuids) throws Exception {
        StringBuilder csv = new StringBuilder("id,action\n");
        uuids.forEach(uuid -> csv.append(uuid).append(",withdraw\n"));
        Path file = Files.createTempFile(repository.dataDir().getParent(), "withdraw", ".csv");
        Files.writeString(file, csv.toString());
        return file;
    }
}
