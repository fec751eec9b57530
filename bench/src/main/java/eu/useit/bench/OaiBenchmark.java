/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

import com.sun.management.OperatingSystemMXBean;
import eu.useit.bench.OaiPages.Harvest;
import eu.useit.bench.OaiPages.Page;
import eu.useit.dspace.oai.Keyset;
import eu.useit.dspace.oai.index.OaiDocuments;
import eu.useit.runtime.OaiImport;
import eu.useit.runtime.Repository;
import eu.useit.runtime.RuntimeHome;
import eu.useit.runtime.RuntimeSettings;
import eu.useit.runtime.WebServer;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.impl.HttpSolrClient;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.dspace.content.factory.ContentServiceFactory;

/**
 * OAI-PMH benchmark: the OAI core filled to N records (100,000 by default, see {@link OaiIndexFiller}), then, over
 * real HTTP in one run on one booted repository, the cost of a {@code ListRecords} page at growing depths through
 * the USE-IT! endpoint (keyset resumption tokens) and through DSpace 8.1's stock controller (offset tokens) on the
 * same index, and the records per second of whole harvests, every record of every list, following every token. The
 * stock controller is served by a second web layer in the same JVM, started with
 * {@code useit.oai.endpoint.enabled = false} over the same kernel and Solr. Writes {@code oai.md} to the results
 * folder. Not a test: run it with
 * {@code ./mvnw -q -Pbench -pl runtime/solr-server,bench -am verify -DskipTests -Dbench.kind=oai}.
 *
 * <p>Settings (system properties): {@code bench.oai.items} (records in the core, default 100000),
 * {@code bench.oai.repetitions} (pages per depth, default 7), {@code bench.oai.rounds} (whole harvests of each list,
 * default 5), {@code bench.jfr} (a file prefix: each harvest is recorded with Java Flight Recorder).</p>
 */
public final class OaiBenchmark {

    private static final String ADMIN = "bench-admin@useit.example.ac.uk";
    private static final String ADDRESS = "127.0.0.1";
    private static final String DATESTAMP = Keyset.DATESTAMP_FIELD;
    private static final String HANDLE = Keyset.HANDLE_FIELD;
    /** What DSpace's query resolver makes of the request context's filter (public, or withdrawn). */
    private static final String REQUEST_QUERY = "((item.public:true) OR (item.deleted:true))";
    private static final int WARM_UP_RECORDS = 30_000;

    /**
     * Page costs at one depth, in milliseconds, for the USE-IT! endpoint and stock DSpace.
     *
     * @param name          the depth, for the report
     * @param harvestOurs   pages from the depth in the whole harvests
     * @param harvestStock  the same pages in stock DSpace's whole harvests
     * @param isolatedOurs  pages from the depth requested alone, each on a new Solr searcher
     * @param isolatedStock the same for stock DSpace
     * @param hotOurs       the page at the depth requested again and again
     * @param hotStock      the same for stock DSpace
     * @param solrKeyset    the USE-IT! endpoint's Solr query for the page alone, on a new searcher
     * @param solrOffset    stock DSpace's Solr query for the page alone, on a new searcher
     */
    record Depth(String name, double[] harvestOurs, double[] harvestStock, double[] isolatedOurs,
                 double[] isolatedStock, double[] hotOurs, double[] hotStock, double[] solrKeyset,
                 double[] solrOffset) {
    }

    /**
     * A whole harvest and the CPU time it cost.
     *
     * @param harvest the harvest
     * @param jvmCpu  CPU seconds of this JVM (DSpace's web layer, and the harvester)
     * @param solrCpu CPU seconds of the Solr server's JVM
     * @param load    the system's load average (1 minute) at its end
     */
    record Run(Harvest harvest, double jvmCpu, double solrCpu, double load) {
    }

    /**
     * One format served by one context of one endpoint.
     *
     * @param label   for the report
     * @param baseUrl the OAI-PMH base URL
     * @param prefix  the metadata prefix
     */
    private record Listing(String label, String baseUrl, String prefix) {
    }

    private OaiBenchmark() {
    }

    /**
     * @param args the results folder
     */
    public static void main(String[] args) {
        int status = 1;
        try {
            run(Path.of(args.length > 0 ? args[0] : "bench/results"));
            status = 0;
        } catch (Exception e) {
            e.printStackTrace();
        }
        System.exit(status);
    }

    private static void run(Path results) throws Exception {
        int total = Integer.getInteger("bench.oai.items", 100_000);
        int repetitions = Integer.getInteger("bench.oai.repetitions", 7);
        int rounds = Integer.getInteger("bench.oai.rounds", 5);
        String sample = RuntimeSettings.get("useit.sample", "sample/useit-sample.json");
        double loadBefore = Machine.loadAverage();
        RuntimeSettings defaults = RuntimeSettings.fromSystem();
        RuntimeHome.delete(defaults.dataDir());
        RuntimeSettings settings = new RuntimeSettings(defaults.homeTemplate(), defaults.solrLib(),
                                                       defaults.dataDir(), ADDRESS, 0, 0, null);
        try (Repository repository = new Repository().start(settings, System.out);
             SolrClient solr = new HttpSolrClient.Builder(repository.solrUrl() + "/oai").build()) {
            System.out.println("== sample and OAI import");
            BenchScripts.administrator(ADMIN);
            BenchScripts.run("useit-structure");
            BenchScripts.run("useit-import", "-f", sample, "-e", ADMIN);
            System.out.println("   OAI import: " + OaiImport.run(true) + " item(s)");

            System.out.println("== filling the OAI core to " + total + " records");
            OaiDocuments documents = new OaiDocuments(ContentServiceFactory.getInstance().getCommunityService(),
                                                      List.of());
            OaiIndexFiller.Report fill = new OaiIndexFiller(solr, documents, 20_261_125L)
                .fill(total, Set.of("CaseStudy", "Publication"), 0.03, 5_000);
            System.out.printf(Locale.ROOT, "   %d records (%d deleted) in %.1f s%n", fill.total(), fill.deleted(),
                              fill.seconds());

            String ours = repository.web().serverUrl(ADDRESS) + "/oai";
            repository.dspace().configuration().setProperty("useit.oai.endpoint.enabled", "false");
            try (WebServer stockWeb = WebServer.start(repository.dspace(), ADDRESS, 0)) {
                String stock = stockWeb.serverUrl(ADDRESS) + "/oai";
                OaiPages pages = new OaiPages();
                Page oursFirst = pages.list(ours + "/request", "ListRecords", "oai_dc", null);
                Page stockFirst = pages.list(stock + "/request", "ListRecords", "oai_dc", null);
                int pageSize = oursFirst.records();
                if (stockFirst.token() == null || !stockFirst.token().equals("oai_dc////" + pageSize)
                    || oursFirst.token() == null || oursFirst.token().startsWith("oai_dc/")) {
                    throw new IllegalStateException("expected a keyset token from " + ours + " and an offset token "
                        + "from " + stock + ", got " + oursFirst.token() + " and " + stockFirst.token());
                }
                Listing oursDc = new Listing("USE-IT! /request oai_dc", ours + "/request", "oai_dc");
                Listing stockDc = new Listing("stock DSpace 8.1 /request oai_dc", stock + "/request", "oai_dc");
                List<Listing> listings = List.of(oursDc,
                    new Listing("USE-IT! /request oai_openaire", ours + "/request", "oai_openaire"),
                    new Listing("USE-IT! /useit useit", ours + "/useit", "useit"),
                    new Listing("USE-IT! /useit oai_dc", ours + "/useit", "oai_dc"),
                    stockDc);
                // the first page of every list, to look at
                Path saved = Files.createDirectories(defaults.dataDir().resolve("pages"));
                for (Listing listing : listings) {
                    Files.write(saved.resolve(listing.label().replaceAll("\\W+", "-") + ".xml"),
                                pages.body(listing.baseUrl(), "verb=ListRecords&metadataPrefix=" + listing.prefix()));
                }

                System.out.println("== warm-up");
                for (Listing listing : listings) {
                    pages.harvest("warm-up", listing.baseUrl(), listing.prefix(), WARM_UP_RECORDS, null);
                }

                Map<Integer, String> tokens = new HashMap<>();
                Map<Listing, List<Run>> runs = new LinkedHashMap<>();
                listings.forEach(listing -> runs.put(listing, new ArrayList<>()));
                for (int round = 0; round < rounds; round++) {
                    for (int i = 0; i < listings.size(); i++) {
                        // each round starts with another list, so that no list always follows the same one
                        Listing listing = listings.get((i + round) % listings.size());
                        System.out.println("== harvest " + (round + 1) + ": " + listing.label());
                        // no harvest starts with Solr's caches filled by the one before (for stock DSpace, its
                        // query result cache would hold the whole list and answer every page)
                        newSearcher(solr);
                        Run run = recorded(listing.label() + " " + (round + 1), () -> pages.harvest(listing.label(),
                            listing.baseUrl(), listing.prefix(), 0, listing == oursDc ? tokens : null));
                        report(run, fill.total());
                        runs.get(listing).add(run);
                    }
                }

                System.out.println("== page cost by depth");
                List<Depth> depths = depths(pages, solr, oursDc.baseUrl(), stockDc.baseUrl(), tokens, pageSize,
                                            fill.total(), repetitions, runs.get(oursDc), runs.get(stockDc));
                double loadAfter = Machine.loadAverage();
                write(results, fill, pageSize, repetitions, depths, runs,
                      indexSize(defaults.dataDir().resolve("solr")), loadBefore, loadAfter);
            }
        }
    }

    private interface Measured<T> {
        T run() throws Exception;
    }

    /**
     * Runs a harvest and measures the CPU time of both JVMs; records it with Java Flight Recorder when
     * {@code bench.jfr} names a file prefix.
     */
    private static Run recorded(String name, Measured<Harvest> phase) throws Exception {
        String jfr = System.getProperty("bench.jfr");
        try (Recording recording = jfr == null || jfr.isBlank() ? null
            : new Recording(Configuration.getConfiguration("profile"))) {
            if (recording != null) {
                recording.setDestination(Path.of(jfr + "-" + name.replaceAll("\\W+", "-") + ".jfr"));
                recording.start();
            }
            double jvm = jvmCpuSeconds();
            double solr = solrCpuSeconds();
            Harvest harvest = phase.run();
            return new Run(harvest, jvmCpuSeconds() - jvm, solrCpuSeconds() - solr,
                           Machine.loadAverage());
        }
    }

    private static double jvmCpuSeconds() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    /** The CPU time of this JVM's child processes: the Solr server. */
    private static double solrCpuSeconds() {
        return ProcessHandle.current().children().map(child -> child.info().totalCpuDuration())
                            .flatMap(Optional::stream).mapToLong(Duration::toNanos).sum() / 1e9;
    }

    private static void report(Run run, int expected) {
        Harvest harvest = run.harvest();
        if (harvest.records() != expected) {
            throw new IllegalStateException(harvest.label() + ": " + harvest.records() + " records, expected "
                                                + expected);
        }
        System.out.printf(Locale.ROOT, "   %d records in %.1f s: %.0f records/s (CPU s: DSpace %.1f, Solr %.1f; "
                              + "load %.2f)%n", harvest.records(), harvest.seconds(), harvest.rate(), run.jvmCpu(),
                          run.solrCpu(), run.load());
    }

    /**
     * Page costs at the depths, for {@code repetitions} consecutive pages from each depth (the last pages for the
     * last one): as met in the whole harvests; requested alone, each on a new Solr searcher (as a harvester meets
     * Solr's caches: a keyset page's filter and an offset page's result window are never cached yet); and the
     * page at the depth requested again and again (hot caches). Endpoints and depths take turns.
     */
    private static List<Depth> depths(OaiPages pages, SolrClient solr, String ours, String stock,
                                      Map<Integer, String> tokens, int pageSize, int total, int repetitions,
                                      List<Run> oursRuns, List<Run> stockRuns) throws Exception {
        int lastPage = (total - 1) / pageSize;
        Map<String, Integer> at = new LinkedHashMap<>();
        for (int cursor : new int[] {0, 1_000, 10_000, 50_000}) {
            if (cursor / pageSize + repetitions <= lastPage) {
                at.put(String.format(Locale.ROOT, "%,d", cursor), cursor / pageSize);
            }
        }
        at.put(String.format(Locale.ROOT, "%,d (last page)", lastPage * pageSize), lastPage - repetitions + 1);
        List<Depth> depths = new ArrayList<>();
        for (Map.Entry<String, Integer> depth : at.entrySet()) {
            int firstPage = depth.getValue();
            int atDepth = depth.getKey().contains("last") ? lastPage : firstPage;
            double[][] isolated = new double[2][repetitions];
            double[][] hot = new double[2][repetitions];
            double[][] alone = new double[2][repetitions];
            for (int r = 0; r < repetitions; r++) {
                int cursor = (firstPage + r) * pageSize;
                for (int e = 0; e < 2; e++) {
                    int endpoint = (e + r) % 2;
                    newSearcher(solr);
                    isolated[endpoint][r] = page(pages, endpoint == 0 ? ours : stock, endpoint == 0, tokens, cursor,
                                                 pageSize);
                }
                newSearcher(solr);
                alone[0][r] = solrMillis(solr, keysetQuery(solr, cursor, pageSize));
                newSearcher(solr);
                alone[1][r] = solrMillis(solr, new SolrQuery(REQUEST_QUERY).setRows(pageSize).setStart(cursor));
            }
            for (int r = 0; r < repetitions; r++) {
                for (int e = 0; e < 2; e++) {
                    int endpoint = (e + r) % 2;
                    hot[endpoint][r] = page(pages, endpoint == 0 ? ours : stock, endpoint == 0, tokens,
                                            atDepth * pageSize, pageSize);
                }
            }
            Depth measured = new Depth(depth.getKey(), inHarvests(oursRuns, firstPage, repetitions),
                                       inHarvests(stockRuns, firstPage, repetitions), isolated[0], isolated[1],
                                       hot[0], hot[1], alone[0], alone[1]);
            System.out.printf(Locale.ROOT, "   %-20s in harvests: ours %.1f ms, stock %.1f ms; alone: ours %.1f ms, "
                                  + "stock %.1f ms%n", depth.getKey(), median(measured.harvestOurs()),
                              median(measured.harvestStock()), median(isolated[0]), median(isolated[1]));
            depths.add(measured);
        }
        return depths;
    }

    /** The times of pages {@code first} to {@code first + count - 1} in every harvest. */
    private static double[] inHarvests(List<Run> runs, int first, int count) {
        double[] times = new double[runs.size() * count];
        for (int i = 0; i < runs.size(); i++) {
            System.arraycopy(runs.get(i).harvest().pageMillis(), first, times, i * count, count);
        }
        return times;
    }

    /**
     * Makes Solr open a new searcher, so that its query result, filter and document caches start again (as after
     * any change to the repository): a commit alone would not, Solr keeps its searcher while the index is unchanged.
     * The change is a record in no list (neither public nor deleted), written again.
     */
    private static void newSearcher(SolrClient solr) throws Exception {
        SolrInputDocument document = new SolrInputDocument();
        document.setField(HANDLE, "bench/new-searcher");
        document.setField("item.id", "bench-new-searcher");
        document.setField("item.public", false);
        document.setField("item.deleted", false);
        document.setField(DATESTAMP, new Date());
        solr.add(document);
        solr.commit(true, true);
    }

    /** The USE-IT! endpoint's query for the page at a cursor: after the record before it, in keyset order. */
    private static SolrQuery keysetQuery(SolrClient solr, int cursor, int pageSize) throws Exception {
        SolrQuery query = new SolrQuery("*:*").addFilterQuery(REQUEST_QUERY).setRows(pageSize)
            .addSort(DATESTAMP, SolrQuery.ORDER.asc).addSort(HANDLE, SolrQuery.ORDER.asc);
        if (cursor > 0) {
            SolrDocument before = solr.query(new SolrQuery(REQUEST_QUERY).setStart(cursor - 1).setRows(1)
                .setFields(DATESTAMP, HANDLE).addSort(DATESTAMP, SolrQuery.ORDER.asc)
                .addSort(HANDLE, SolrQuery.ORDER.asc)).getResults().get(0);
            new Keyset(((Date) before.getFieldValue(DATESTAMP)).toInstant(), (String) before.getFieldValue(HANDLE))
                .addFilterTo(query);
        }
        return query;
    }

    private static double page(OaiPages pages, String baseUrl, boolean keyset, Map<Integer, String> tokens,
                               int cursor, int pageSize) throws Exception {
        String token = cursor == 0 ? null : keyset ? tokens.get(cursor) : "oai_dc////" + cursor;
        if (cursor != 0 && token == null) {
            throw new IllegalStateException("no resumption token kept for cursor " + cursor);
        }
        Page page = pages.list(baseUrl, "ListRecords", "oai_dc", token);
        if (page.records() != pageSize) {
            throw new IllegalStateException(baseUrl + " cursor " + cursor + ": " + page.records() + " records");
        }
        return page.millis();
    }

    private static double solrMillis(SolrClient solr, SolrQuery query) throws Exception {
        long start = System.nanoTime();
        int found = solr.query(query).getResults().size();
        double millis = (System.nanoTime() - start) / 1e6;
        if (found == 0) {
            throw new IllegalStateException("no records for " + query);
        }
        return millis;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double median(List<Run> runs, ToDoubleFunction<Run> value) {
        return median(runs.stream().mapToDouble(value).toArray());
    }

    private static long indexSize(Path solrHome) throws IOException {
        try (Stream<Path> files = Files.walk(solrHome.resolve("oai"))) {
            return files.filter(Files::isRegularFile).filter(p -> p.toString().contains("index"))
                        .mapToLong(p -> p.toFile().length()).sum();
        }
    }

    /** A row of a Markdown table. */
    private static void row(StringBuilder md, String... cells) {
        md.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }

    private static String cell(double[] values) {
        return String.format(Locale.ROOT, "%.1f (%.1f–%.1f)", median(values),
                             Arrays.stream(values).min().orElse(Double.NaN),
                             Arrays.stream(values).max().orElse(Double.NaN));
    }

    private static void write(Path results, OaiIndexFiller.Report fill, int pageSize, int repetitions,
                              List<Depth> depths, Map<Listing, List<Run>> runs, long indexBytes, double loadBefore,
                              double loadAfter) throws IOException {
        List<String> gcs = new ArrayList<>();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcs.add(gc.getName());
        }
        List<Listing> listings = new ArrayList<>(runs.keySet());
        int rounds = runs.get(listings.get(0)).size();
        StringBuilder md = new StringBuilder();
        md.append("# OAI-PMH benchmark\n\n");
        md.append("Produced by `./mvnw -q -Pbench -pl runtime/solr-server,bench -am verify -DskipTests ")
            .append("-Dbench.kind=oai` (eu.useit.bench.OaiBenchmark) on ").append(LocalDate.now()).append(": ")
            .append(Runtime.getRuntime().availableProcessors()).append(" cores (").append(Machine.cpuModel())
            .append("), ")
            .append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version"))
            .append(", benchmark/DSpace JVM -Xmx").append(Runtime.getRuntime().maxMemory() / (1024 * 1024))
            .append("m (").append(String.join(" + ", gcs)).append("), Solr 8.11 server JVM -Xmx")
            .append(System.getProperty("useit.solr.heap", "1g")).append(", H2 file database, loopback HTTP. ")
            .append(String.format(Locale.ROOT, "System load average %.2f before, %.2f after", loadBefore, loadAfter))
            .append(" (the 2 cores are shared with other work).\n\n");

        md.append("## The index\n\n");
        md.append(String.format(Locale.ROOT, "%,d records in the OAI core (%,d MiB on disk): the %d records of the ",
                                fill.total(), indexBytes / (1024 * 1024), fill.sampleRecords()));
        md.append("USE-IT! sample as DSpace's `oai import` wrote them (after `useit-structure` and `useit-import` ")
            .append(String.format(Locale.ROOT, "of `sample/useit-sample.json`), and %,d generated records ",
                                fill.generated()))
            .append("written directly to the core in batches of ")
            .append(String.format(Locale.ROOT, "%,d", fill.batchSize()))
            .append(" with one commit at the end (`OaiIndexFiller`). Each generated record is the compiled record ")
            .append("(`item.compile`) of one of ").append(fill.templates().size()).append(" sample items (in turn: ")
            .append(String.join(", ", fill.templates()))
            .append(") with its own handle, UUID and title, built by the addon's `OaiDocuments` (so the ")
            .append("`metadata.*` fields that the `request` and `useit` context filters query are derived as for a ")
            .append("real item; the copies keep their template's collections, communities and `useit.provenance`, ")
            .append("so every record is in both contexts). ")
            .append(String.format(Locale.ROOT, "%,d generated records (%.1f %%) are deleted records. ", fill.deleted(),
                                100.0 * fill.deleted() / fill.generated()))
            .append("Datestamps are spread at random over 2017–2026; ")
            .append(String.format(Locale.ROOT, "%,d records are in %,d groups sharing one datestamp to the millisecond "
                                    + "(largest group %d, more than a page), so the keyset's handle tie-break is ",
                                fill.tiedRecords(), fill.tieGroups(), fill.largestTieGroup()))
            .append("exercised across page boundaries. Records are written in random order. ")
            .append(String.format(Locale.ROOT, "Filling took %.0f s.%n%n", fill.seconds()));

        md.append("## Page cost by depth (`ListRecords`, `oai_dc`, context `request`)\n\n");
        md.append("Milliseconds from sending the request to the last byte of the response, ").append(pageSize)
            .append(" records a page, for the ").append(repetitions).append(" consecutive pages from the cursor (the ")
            .append("last ").append(repetitions).append(" pages for the last page); median (min–max). *USE-IT!*: ")
            .append("our endpoint (keyset tokens). *Stock*: DSpace 8.1's `DSpaceOAIDataProvider` on the same kernel, ")
            .append("Solr and index (a second web layer in the same JVM, started with `useit.oai.endpoint.enabled = ")
            .append("false`; offset tokens `oai_dc////<offset>`).\n\n");
        md.append("**In a harvest** — the pages as met in the whole `oai_dc` harvests below (").append(rounds)
            .append(" harvests each, so ").append(rounds * repetitions).append(" pages a depth):\n\n");
        md.append("| cursor | USE-IT! | stock |\n|---|---|---|\n");
        for (Depth depth : depths) {
            row(md, depth.name(), cell(depth.harvestOurs()), cell(depth.harvestStock()));
        }
        md.append("\n**Alone** — each page requested once by itself, right after a change and commit (a record in ")
            .append("no list, rewritten) that makes Solr open a new searcher, as a harvester meets Solr's caches (a ")
            .append("keyset filter or an offset window is new to them); endpoints and depths in turns, tokens kept ")
            .append("from the harvests. *Solr alone*: the page's query sent by the benchmark with SolrJ (all stored ")
            .append("fields; the USE-IT! context filter query, uncached keyset filter and sort, or stock's context ")
            .append("query, start offset and no sort), also on a new searcher; the rest of a page's cost is the data ")
            .append("provider's (XOAI, crosswalk, HTTP):\n\n");
        md.append("| cursor | USE-IT! | stock | Solr alone, keyset | Solr alone, offset |\n|---|---|---|---|---|\n");
        for (Depth depth : depths) {
            row(md, depth.name(), cell(depth.isolatedOurs()), cell(depth.isolatedStock()), cell(depth.solrKeyset()),
                cell(depth.solrOffset()));
        }
        md.append("\n**Hot** — the page at the cursor requested ").append(repetitions).append(" times over. ")
            .append("Solr's query result cache (no `queryResultMaxDocsCached` limit in the OAI core's solrconfig) ")
            .append("then answers both, and after one stock walk it holds stock's whole list: until the next commit ")
            .append("any offset page is cheap, which is why stock pages must not be timed after a walk without a new ")
            .append("searcher:\n\n");
        md.append("| cursor | USE-IT! | stock |\n|---|---|---|\n");
        for (Depth depth : depths) {
            row(md, depth.name(), cell(depth.hotOurs()), cell(depth.hotStock()));
        }
        Depth first = depths.get(0);
        Depth deepest = depths.get(depths.size() - 1);
        double harvestRatio = median(deepest.harvestOurs()) / median(first.harvestOurs());
        double aloneRatio = median(deepest.isolatedOurs()) / median(first.isolatedOurs());
        md.append(String.format(Locale.ROOT, "%nLast page / first page (medians): in a harvest USE-IT! **%.2f×**, "
                                    + "stock %.2f×; alone USE-IT! %.2f×, stock %.2f×.%n%n", harvestRatio,
                                median(deepest.harvestStock()) / median(first.harvestStock()), aloneRatio,
                                median(deepest.isolatedStock()) / median(first.isolatedStock())));

        md.append("## Whole harvests\n\n");
        md.append("One harvester, one request at a time, following every resumption token from the first page to ")
            .append("the end of the list (deleted records included, as headers). ").append(rounds)
            .append(" rounds; each round harvests every list once, starting with another list each round; every ")
            .append("harvest starts on a new Solr searcher (as for the depths above), so that none finds the previous ")
            .append("one's pages in Solr's caches. CPU: ")
            .append("process CPU time of the benchmark's JVM (DSpace's web layer; the harvester's share is small) ")
            .append("and of the Solr server's JVM, per page. Load: the system's 1-minute load average when the ")
            .append("harvest ended (above 2, other work was competing for the 2 cores).\n\n");
        md.append("| list | round | records | deleted | seconds | records/s | ms/page | MB/s | CPU ms/page, DSpace | "
                      + "CPU ms/page, Solr | load |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Listing listing : listings) {
            int round = 1;
            for (Run run : runs.get(listing)) {
                md.append(harvestRow(listing.label(), Integer.toString(round++), run));
            }
        }
        md.append("\nMedians over the rounds:\n\n| list | records/s | ms/page | CPU ms/page, DSpace | "
                      + "CPU ms/page, Solr |\n|---|---|---|---|---|\n");
        for (Listing listing : listings) {
            List<Run> done = runs.get(listing);
            md.append(String.format(Locale.ROOT, "| %s | %.0f | %.1f | %.1f | %.1f |%n", listing.label(),
                                    median(done, run -> run.harvest().rate()),
                                    median(done, run -> run.harvest().millisPerPage()),
                                    median(done, run -> run.jvmCpu() * 1000 / run.harvest().pages()),
                                    median(done, run -> run.solrCpu() * 1000 / run.harvest().pages())));
        }

        md.append("\n## Targets\n\n");
        double dc = median(runs.get(listings.get(0)), run -> run.harvest().rate());
        double openaire = median(runs.get(listings.get(1)), run -> run.harvest().rate());
        double useit = median(runs.get(listings.get(2)), run -> run.harvest().rate());
        md.append("| target | measured | met |\n|---|---|---|\n");
        md.append(String.format(Locale.ROOT, "| deepest page ≤ 1.5× the first page (USE-IT!, in a harvest) | %.2f× "
                                    + "(%.1f ms / %.1f ms; alone %.2f×) | %s |%n", harvestRatio,
                                median(deepest.harvestOurs()), median(first.harvestOurs()), aloneRatio,
                                harvestRatio <= 1.5 && aloneRatio <= 1.5 ? "yes" : "**no**"));
        md.append(String.format(Locale.ROOT, "| `oai_openaire` ≥ 0.9× `oai_dc` records/s | %.2f× (%.0f / %.0f) | "
                                    + "%s |%n", openaire / dc, openaire, dc, openaire / dc >= 0.9 ? "yes" : "**no**"));
        md.append(String.format(Locale.ROOT, "| `useit` ≥ 0.9× `oai_dc` records/s | %.2f× (%.0f / %.0f) | %s |%n",
                                useit / dc, useit, dc, useit / dc >= 0.9 ? "yes" : "**no**"));
        md.append(String.format(Locale.ROOT, "| `oai_dc` ≥ 2,000 records/s on %d cores | %.0f records/s | %s |%n",
                                Runtime.getRuntime().availableProcessors(), dc, dc >= 2000 ? "yes" : "**no**"));
        md.append("\nRecords/s: medians over the rounds of the whole harvests of `/request` (`oai_dc`, ")
            .append("`oai_openaire`) and `/useit` (`useit`) through the USE-IT! endpoint.");
        double useitDc = median(runs.get(listings.get(3)), run -> run.harvest().rate());
        md.append(String.format(Locale.ROOT, " `useit` is served in `/useit` only: against "
                                    + "`oai_dc` in the same context (%.0f records/s) it is at %.2f×. "
                                    + "In CPU time per page (DSpace + Solr, medians), which depends less on other "
                                    + "work on the machine: `oai_openaire` %.2f×, `useit` %.2f× of `oai_dc`.%n",
                                useitDc, useit / useitDc,
                                cpu(runs.get(listings.get(0))) / cpu(runs.get(listings.get(1))),
                                cpu(runs.get(listings.get(0))) / cpu(runs.get(listings.get(2)))));
        Files.createDirectories(results);
        Files.writeString(results.resolve("oai.md"), md.toString(), StandardCharsets.UTF_8);
        System.out.print(md);
        System.out.println("finished " + Instant.now());
    }

    /** Median CPU milliseconds (both JVMs) per page. */
    private static double cpu(List<Run> runs) {
        return median(runs, run -> (run.jvmCpu() + run.solrCpu()) * 1000 / run.harvest().pages());
    }

    private static String harvestRow(String label, String round, Run run) {
        Harvest harvest = run.harvest();
        return String.format(Locale.ROOT, "| %s | %s | %,d | %,d | %.1f | %.0f | %.1f | %.1f | %.1f | %.1f | %.2f |%n",
                             label, round, harvest.records(), harvest.deleted(), harvest.seconds(), harvest.rate(),
                             harvest.millisPerPage(), harvest.bytes() / harvest.seconds() / 1e6,
                             run.jvmCpu() * 1000 / harvest.pages(), run.solrCpu() * 1000 / harvest.pages(),
                             run.load());
    }
}
