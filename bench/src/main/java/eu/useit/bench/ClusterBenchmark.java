/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import eu.useit.dspace.oai.index.OaiDocuments;
import eu.useit.tests.support.RepositoryProcess;
import eu.useit.tests.support.SolrCloudProcess;
import org.apache.solr.client.solrj.impl.HttpSolrClient;

/**
 * The same OAI-PMH harvests on one web node with the project's single Solr server, then on two web nodes (separate
 * JVMs, one database) with a SolrCloud of 3 nodes (collections of 2 shards × 2 replicas, {@code ./useit solrcloud}):
 * whole {@code ListRecords} harvests by one harvester, then by 2 and 4 concurrent ones (spread over the web nodes;
 * {@code bench.cluster.harvesters}), with the CPU time each process spent per page, and the cost of the first and
 * the deepest page. The OAI index is filled to the same number of records in both ({@link OaiIndexFiller}). Writes
 * {@code cluster.md}, or {@code cluster-<records>.md} for a {@code bench.cluster.records} other than 100,000. Not a
 * test: run it with
 * {@code ./mvnw -q -Pbench -pl runtime/solr-server,bench -am verify -DskipTests -Dbench.kind=cluster}.
 */
public final class ClusterBenchmark {

    private static final String SECRET = "-Duseit.oai.token.secret=cluster-benchmark-secret-of-forty-bytes";
    private static final Pattern TOKEN = Pattern.compile("<resumptionToken[^>]*>([^<]+)</resumptionToken>");
    private static final Pattern RECORD = Pattern.compile("<record>");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final int SAMPLES = 7;
    private static final String SOLR_HEAP = System.getProperty("useit.solr.heap", "1g");

    /** One whole harvest's outcome. */
    private record Harvest(int records, int pages, List<Long> pageMillis, int node) {
    }

    /** What concurrent harvesters did on one set-up. */
    private record Run(int harvesters, int records, int pages, double seconds, List<Double> cpuPerPage,
                       double solrCpuPerPage, double load) {
    }

    /** One set-up's results. */
    private record Setup(String name, List<Run> runs, double firstPage, double deepestPage, int deepestCursor,
                         double fillSeconds) {
    }

    private ClusterBenchmark() {
    }

    /**
     * @param args the results folder
     * @throws Exception if a part does not start or a harvest fails
     */
    public static void main(String[] args) throws Exception {
        Path results = Path.of(args.length > 0 ? args[0] : "bench/results");
        int records = Integer.getInteger("bench.cluster.records", 100_000);
        double loadBefore = Machine.loadAverage();
        List<Setup> setups = new ArrayList<>();
        try (RepositoryProcess single = RepositoryProcess.startEmbedded("bench-cluster-single",
                                                                           "-Duseit.solr.heap=" + SOLR_HEAP)) {
            ProcessHandle solr = single.handle().children().findFirst().orElseThrow();
            setups.add(measure("one web node, the project's single Solr server", List.of(single),
                               single.solr() + "/oai", solr, records));
        }
        try (SolrCloudProcess cloud = SolrCloudProcess.start("bench-cluster-cloud");
             RepositoryProcess one = RepositoryProcess.startEmbedded("bench-cluster-web-1",
                                                                     "-Dsolr.server=" + cloud.node(1), SECRET);
             RepositoryProcess two = one.beside("bench-cluster-web-2", "-Dsolr.server=" + cloud.node(2), SECRET)) {
            setups.add(measure("two web nodes, SolrCloud (3 nodes, 2 shards × 2 replicas)", List.of(one, two),
                               cloud.node(1) + "/oai", cloud.handle(), records));
        }
        double loadAfter = Machine.loadAverage();
        Files.createDirectories(results);
        String file = records == 100_000 ? "cluster.md" : "cluster-" + records + ".md";
        Files.writeString(results.resolve(file), report(records, setups, loadBefore, loadAfter));
        System.out.println("cluster: " + results.resolve(file));
    }

    private static Setup measure(String name, List<RepositoryProcess> nodes, String oaiCore, ProcessHandle solr,
                                 int records) throws Exception {
        System.out.println("cluster: " + name + ": filling the OAI index to " + records + " records");
        OaiIndexFiller.Report fill;
        try (HttpSolrClient client = new HttpSolrClient.Builder(oaiCore).build()) {
            fill = new OaiIndexFiller(client, new OaiDocuments(null, List.of()), 20261204L)
                .fill(records, Set.of("CaseStudy", "Publication"), 0.03, 5000);
        }
        // one harvester alone on the first node, which also keeps the token of the deepest page
        List<String> tokens = new ArrayList<>();
        List<Run> runs = new ArrayList<>();
        runs.add(run(nodes.subList(0, 1), solr, 1, tokens));
        System.out.println("cluster: " + name + ": " + runs.get(0));
        String deepest = tokens.get(tokens.size() - 1);
        List<Long> first = new ArrayList<>();
        List<Long> deep = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            first.add(timed(endpoint(nodes.get(0)) + "?verb=ListRecords&metadataPrefix=oai_dc"));
            deep.add(timed(endpoint(nodes.get(0)) + "?verb=ListRecords&resumptionToken="
                               + URLEncoder.encode(deepest, StandardCharsets.UTF_8)));
        }
        for (int harvesters : concurrentHarvesters()) {
            runs.add(run(nodes, solr, harvesters, null));
            System.out.println("cluster: " + name + ": " + runs.get(runs.size() - 1));
        }
        return new Setup(name, runs, median(first), median(deep), tokens.size() * 100, fill.seconds());
    }

    /** The numbers of concurrent harvesters, from {@code bench.cluster.harvesters} ("2,4"; "none"). */
    private static List<Integer> concurrentHarvesters() {
        String value = System.getProperty("bench.cluster.harvesters", "2,4").trim();
        if (value.isEmpty() || "none".equals(value)) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).map(Integer::valueOf).toList();
    }

    private static Run run(List<RepositoryProcess> nodes, ProcessHandle solr, int harvesters, List<String> tokens)
        throws Exception {
        List<Duration> cpuBefore = new ArrayList<>();
        nodes.forEach(node -> cpuBefore.add(ownCpu(node.handle())));
        Duration solrBefore = cpu(solr);
        ExecutorService pool = Executors.newFixedThreadPool(harvesters);
        long start = System.nanoTime();
        List<Future<Harvest>> futures = new ArrayList<>();
        for (int i = 0; i < harvesters; i++) {
            int node = i % nodes.size();
            String endpoint = endpoint(nodes.get(node));
            futures.add(pool.submit(() -> harvest(endpoint, tokens, node)));
        }
        int records = 0;
        int pages = 0;
        int[] pagesPerNode = new int[nodes.size()];
        for (Future<Harvest> future : futures) {
            Harvest harvest = future.get();
            records += harvest.records();
            pages += harvest.pages();
            pagesPerNode[harvest.node()] += harvest.pages();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        List<Double> cpuPerPage = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            cpuPerPage.add(ownCpu(nodes.get(i).handle()).minus(cpuBefore.get(i)).toNanos() / 1e6
                               / pagesPerNode[i]);
        }
        double solrPerPage = cpu(solr).minus(solrBefore).toNanos() / 1e6 / pages;
        return new Run(harvesters, records, pages, seconds, cpuPerPage, solrPerPage, Machine.loadAverage());
    }

    /** A whole ListRecords oai_dc harvest; keeps each page's token when asked. */
    private static Harvest harvest(String endpoint, List<String> tokens, int node) throws Exception {
        String next = endpoint + "?verb=ListRecords&metadataPrefix=oai_dc";
        int records = 0;
        List<Long> millis = new ArrayList<>();
        while (next != null) {
            long start = System.nanoTime();
            HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(next)).GET().build(),
                                                  HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            millis.add((System.nanoTime() - start) / 1_000_000);
            if (page.statusCode() != 200 || page.body().contains("<error ")) {
                throw new IllegalStateException(next + ": HTTP " + page.statusCode() + " "
                                                    + page.body().substring(0, Math.min(300, page.body().length())));
            }
            Matcher count = RECORD.matcher(page.body());
            while (count.find()) {
                records++;
            }
            Matcher token = TOKEN.matcher(page.body());
            if (token.find()) {
                if (tokens != null) {
                    tokens.add(token.group(1));
                }
                next = endpoint + "?verb=ListRecords&resumptionToken="
                    + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
            } else {
                next = null;
            }
        }
        return new Harvest(records, millis.size(), millis, node);
    }

    private static long timed(String url) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                                              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (page.statusCode() != 200) {
            throw new IllegalStateException(url + ": HTTP " + page.statusCode());
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static String endpoint(RepositoryProcess node) {
        return node.server() + "/oai/request";
    }

    /** A process's own CPU time (a web node's, without its Solr server child). */
    private static Duration ownCpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** A process's CPU time, its children's included. */
    private static Duration cpu(ProcessHandle process) {
        Duration own = process.info().totalCpuDuration().orElse(Duration.ZERO);
        return process.descendants().map(c -> c.info().totalCpuDuration().orElse(Duration.ZERO))
                      .reduce(own, Duration::plus);
    }

    private static double median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static String report(int records, List<Setup> setups, double loadBefore, double loadAfter) {
        StringBuilder md = new StringBuilder("# Cluster benchmark\n\n");
        md.append("Produced by `./mvnw -q -Pbench -pl runtime/solr-server,bench -am verify -DskipTests ")
            .append("-Dbench.kind=cluster` (eu.useit.bench.ClusterBenchmark) on ").append(LocalDate.now())
            .append(": ").append(Runtime.getRuntime().availableProcessors()).append(" cores (")
            .append(Machine.cpuModel()).append("), ").append(System.getProperty("java.vm.name")).append(' ')
            .append(System.getProperty("java.version"))
            .append(", every web node in its own JVM as `./useit run` starts it (-Xmx1g), Solr -Xmx").append(SOLR_HEAP)
            .append(", H2 file database (the ")
            .append("second web node shares the first's through H2's automatic server), loopback HTTP. ")
            .append(String.format(Locale.ROOT, "System load average %.2f before, %.2f after. ", loadBefore, loadAfter))
            .append("Everything — harvesters, web nodes, Solr nodes, ZooKeeper — shares the same cores, so the ")
            .append("cluster's numbers say what it costs, not what it gains on separate machines.\n\n");
        md.append(String.format(Locale.ROOT, "The OAI index holds %,d records in each set-up: the 40 of the USE-IT! ",
                                records))
            .append("sample and generated copies of its case studies and outputs (`OaiIndexFiller`, 3 % deleted), ")
            .append("written through the first Solr node's URL (SolrCloud routes them to the shards).\n\n");
        md.append("## Whole harvests\n\n")
            .append("`ListRecords` `oai_dc`, 100 records a page, each harvester following every resumption token ")
            .append("to the end; harvester *i* uses web node *i* mod the number of web nodes; the first row of a ")
            .append("set-up is one harvester alone on the first web node. CPU: process CPU time ")
            .append("per page served, of each web node's JVM (its Solr server's excluded) and of Solr (the project's ")
            .append("server, or the one JVM holding ZooKeeper and the 3 Solr nodes).\n\n")
            .append("| set-up | harvesters | records | seconds | records/s | CPU ms/page, web node(s) | ")
            .append("CPU ms/page, Solr | load after |\n|---|---|---|---|---|---|---|---|\n");
        for (Setup setup : setups) {
            for (Run run : setup.runs()) {
                List<String> cpu = run.cpuPerPage().stream()
                    .map(c -> String.format(Locale.ROOT, "%.1f", c)).toList();
                md.append(String.format(Locale.ROOT, "| %s | %d | %,d | %.1f | %.0f | %s | %.1f | %.2f |%n",
                                        setup.name(), run.harvesters(), run.records(), run.seconds(),
                                        run.records() / run.seconds(), String.join(" / ", cpu),
                                        run.solrCpuPerPage(), run.load()));
            }
        }
        md.append("\nOn 2 cores the harvesters, the web nodes and Solr compete for the same CPU: records/s is ")
            .append("bounded by the CPU per page (web node + Solr) rather than by the number of web nodes.\n\n");
        md.append("## First and deepest page\n\n")
            .append(String.format(Locale.ROOT, "Milliseconds from request to last byte, median of %d, the first ",
                                  SAMPLES))
            .append("page and the last page (its token kept from the single harvester's harvest), alternately, ")
            .append("on the first web node.\n\n| set-up | first page | deepest page (cursor) | deepest / first |\n")
            .append("|---|---|---|---|\n");
        for (Setup setup : setups) {
            md.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f (%,d) | %.2f× |%n", setup.name(),
                                    setup.firstPage(), setup.deepestPage(), setup.deepestCursor(),
                                    setup.deepestPage() / setup.firstPage()));
        }
        md.append("\nFilling the index took ");
        setups.forEach(s -> md.append(String.format(Locale.ROOT, "%.0f s (%s) ", s.fillSeconds(), s.name())));
        md.append(".\n");
        return md.toString();
    }
}
