/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import eu.useit.dspace.oai.index.OaiIndexConsumer;
import eu.useit.runtime.OaiImport;
import eu.useit.runtime.Repository;
import eu.useit.runtime.RuntimeSettings;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.impl.HttpSolrClient;
import org.dspace.services.factory.DSpaceServicesFactory;

/**
 * A full rebuild of the OAI-PMH index from the database, on the same N items (20,000 by default,
 * {@code bench.reindex.items}): the addon's {@code useit-reindex -o} next to DSpace's {@code oai import -c}, in one
 * run on one booted repository (H2 file database, the project's Solr server). The items are synthetic case studies
 * (marked illustrative) deposited by {@code useit-import}. Writes {@code reindex.md}. Not a test: run it with
 * {@code ./mvnw -q -Pbench -pl runtime/solr-server,bench -am verify -DskipTests -Dbench.kind=reindex}.
 */
public final class ReindexBenchmark {

    private static final String ADMIN = "bench-admin@useit.example.ac.uk";

    private ReindexBenchmark() {
    }

    /**
     * @param args the results folder
     * @throws Exception if the repository, the deposit or a rebuild fails
     */
    public static void main(String[] args) throws Exception {
        Path results = Path.of(args.length > 0 ? args[0] : "bench/results");
        int n = Integer.getInteger("bench.reindex.items", 20_000);
        double loadBefore;
        double depositSeconds;
        List<ImportBenchmark.Phase> rebuilds = new ArrayList<>();
        try (Repository repository = BenchScripts.freshRepository(ADMIN)) {
            Path csv = RuntimeSettings.fromSystem().dataDir().resolve("reindex.csv");
            Files.writeString(csv, ImportBenchmark.useitCsv(n), StandardCharsets.UTF_8);
            long start = System.nanoTime();
            BenchScripts.run("useit-import", "-f", csv.toString(), "-e", ADMIN);
            OaiIndexConsumer.worker().drainNow();
            depositSeconds = (System.nanoTime() - start) / 1e9;
            String oaiCore = DSpaceServicesFactory.getInstance().getConfigurationService()
                                                  .getProperty("oai.solr.url");
            loadBefore = Machine.loadAverage();
            // ours first, on the colder JVM: any warming of the shared code (DSpace's item loading) favours stock
            rebuilds.add(measure("useit-reindex -o", n, oaiCore, () -> BenchScripts.run("useit-reindex", "-o")));
            rebuilds.add(measure("DSpace oai import -c", n, oaiCore, () -> OaiImport.run(true)));
        }
        String report = report(n, depositSeconds, rebuilds, loadBefore, Machine.loadAverage());
        Files.createDirectories(results);
        Files.writeString(results.resolve("reindex.md"), report, StandardCharsets.UTF_8);
        System.out.print(report);
        System.exit(0);
    }

    private static ImportBenchmark.Phase measure(String name, int items, String oaiCore, ImportBenchmark.Step step)
        throws Exception {
        ImportBenchmark.Phase phase = ImportBenchmark.measure(name, items, step);
        try (HttpSolrClient client = new HttpSolrClient.Builder(oaiCore).build()) {
            long records = client.query(new SolrQuery("*:*").setRows(0)).getResults().getNumFound();
            if (records != items) {
                throw new IllegalStateException(name + " left " + records + " records in the OAI index, not "
                                                    + items);
            }
        }
        return phase;
    }

    private static String report(int n, double depositSeconds, List<ImportBenchmark.Phase> rebuilds,
                                 double loadBefore,
                                 double loadAfter) {
        StringBuilder md = new StringBuilder("# OAI-PMH index rebuild benchmark\n\n");
        md.append("Produced by `./mvnw -q -Pbench -pl runtime/solr-server,bench -am verify -DskipTests ")
            .append("-Dbench.kind=reindex` (eu.useit.bench.ReindexBenchmark) on ").append(LocalDate.now())
            .append(": ").append(Runtime.getRuntime().availableProcessors()).append(" cores (")
            .append(Machine.cpuModel()).append("), ").append(System.getProperty("java.vm.name")).append(' ')
            .append(System.getProperty("java.version")).append(", -Xmx")
            .append(Runtime.getRuntime().maxMemory() / (1024 * 1024))
            .append("m, H2 file database, the project's Solr 8.11 server, loopback HTTP. ")
            .append(String.format(Locale.ROOT, "System load average %.2f before, %.2f after.%n%n", loadBefore,
                                  loadAfter));
        md.append(String.format(Locale.ROOT, "%,d synthetic case studies (marked illustrative) deposited by ", n))
            .append(String.format(Locale.ROOT, "`useit-import` (%.0f s, the OAI queue drained included); then ",
                                  depositSeconds))
            .append("the whole OAI-PMH index rebuilt from the database twice, in this order: the addon's ")
            .append("`useit-reindex -o` (as an anonymous user, holding the index claim, batches of items, one ")
            .append("commit), then DSpace's `oai import -c` (the OAI core emptied, then every item compiled by ")
            .append("XOAI, as `[dspace]/bin/dspace oai import -c`). After each, the OAI core held one record per ")
            .append("item (checked). Ours ran first, on the colder JVM.\n\n");
        md.append("| rebuild | items | seconds | items/s | ms/item | peak heap (MiB) |\n|---|---|---|---|---|---|\n");
        for (ImportBenchmark.Phase rebuild : rebuilds) {
            md.append(String.format(Locale.ROOT, "| %s | %,d | %.1f | %.1f | %.2f | %d |%n", rebuild.name(),
                                    rebuild.items(), rebuild.seconds(), rebuild.rate(), 1000 / rebuild.rate(),
                                    rebuild.peakHeapMiB()));
        }
        md.append(String.format(Locale.ROOT, "%n`useit-reindex -o` / `oai import -c` rate: **%.1f×** (target ≥ 2×).%n",
                                rebuilds.get(0).rate() / rebuilds.get(1).rate()));
        return md.toString();
    }
}
