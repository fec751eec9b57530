/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import eu.useit.dspace.structure.CollectionSpec;
import eu.useit.dspace.structure.UseitStructure;
import eu.useit.runtime.Repository;
import eu.useit.runtime.RuntimeSettings;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.dspace.content.Collection;
import org.dspace.content.Item;
import org.dspace.content.factory.ContentServiceFactory;
import org.dspace.core.Context;

/**
 * Bulk deposit benchmark: N generated (illustrative, clearly synthetic) case studies imported by
 * {@code useit-import}, next to the same rows imported by DSpace's own CSV {@code metadata-import}, in one run on one
 * booted repository (H2 file database, the project's Solr, Discovery indexing on commit). Writes
 * {@code import.md} to the results folder. Not a test: run it with {@code ./mvnw -q -Pbench -pl bench -am verify}.
 */
public final class ImportBenchmark {

    private static final String ADMIN = "bench-admin@useit.example.ac.uk";
    private static final String[] STRANDS = {"community-research:asset-mapping", "skills-matching:placements",
        "social-enterprise:supply-chains", "community-assets:spaces", "community-research:evaluation",
        "skills-matching:language-licensing"};
    private static final String[] PLACES = {"Ladywood", "Soho", "Smethwick", "Handsworth", "Greater Icknield"};

    /** One measured phase. */
    record Phase(String name, int items, double seconds, long peakHeapMiB) {
        double rate() {
            return items / seconds;
        }
    }

    private ImportBenchmark() {
    }

    /**
     * @param args the results folder
     * @throws Exception if the repository or an import fails
     */
    public static void main(String[] args) throws Exception {
        Path results = Path.of(args.length > 0 ? args[0] : "bench/results");
        int n = Integer.getInteger("bench.items", 10_000);
        try (Repository repository = BenchScripts.freshRepository(ADMIN)) {
            Path work = RuntimeSettings.fromSystem().dataDir().resolve("bench-files");
            Files.createDirectories(work);
            String caseStudies = caseStudiesHandle();
            Path dspaceCsv = Files.writeString(work.resolve("dspace.csv"), dspaceCsv(n, caseStudies),
                                               StandardCharsets.UTF_8);
            Path useitCsv = Files.writeString(work.resolve("useit.csv"), useitCsv(n), StandardCharsets.UTF_8);

            List<Phase> phases = new ArrayList<>();
            boolean withDSpace = !"useit".equals(System.getProperty("bench.phases"));
            if (withDSpace) {
                phases.add(measure("DSpace metadata-import (new items)", n,
                                   () -> BenchScripts.run("metadata-import", "-f", dspaceCsv.toString(), "-e",
                                                          ADMIN, "-s")));
            }
            phases.add(measure("useit-import (new items)", n,
                               () -> BenchScripts.run("useit-import", "-f", useitCsv.toString(), "-e", ADMIN)));
            phases.add(measure("useit-import rerun (all unchanged)", n,
                               () -> BenchScripts.run("useit-import", "-f", useitCsv.toString(), "-e", ADMIN)));
            int expected = withDSpace ? 2 * n : n;
            int inCollection = countCaseStudies();
            if (inCollection != expected) {
                throw new IllegalStateException("expected " + expected + " items in Case Studies, found "
                                                     + inCollection);
            }
            if (withDSpace) {
                write(results, n, phases);
            }
        }
        System.exit(0);
    }

    /** What a phase does. */
    interface Step {
        /**
         * @throws Exception if it fails
         */
        void run() throws Exception;
    }

    /**
     * Runs and times one phase, sampling the heap.
     *
     * @param name  the phase's name
     * @param items how many items it handles
     * @param step  what it does
     * @return its time and peak heap
     * @throws Exception if it fails
     */
    static Phase measure(String name, int items, Step step) throws Exception {
        System.out.println("== " + name);
        String jfr = System.getProperty("bench.jfr");
        try (HeapSampler heap = new HeapSampler();
             Recording recording = jfr == null ? null : new Recording(Configuration.getConfiguration("profile"))) {
            if (recording != null) {
                recording.setDestination(Path.of(jfr + "-" + name.replaceAll("\\W+", "-") + ".jfr"));
                recording.start();
            }
            long start = System.nanoTime();
            step.run();
            double seconds = (System.nanoTime() - start) / 1e9;
            Phase phase = new Phase(name, items, seconds, heap.peakMiB());
            System.out.printf(Locale.ROOT, "   %.1f s, %.1f items/s, peak heap %d MiB%n", seconds, phase.rate(),
                              phase.peakHeapMiB());
            return phase;
        }
    }

    private static String caseStudiesHandle() throws Exception {
        Context context = new Context();
        try {
            return UseitStructure.bean().findCollection(context, CollectionSpec.CASE_STUDIES).orElseThrow()
                                       .getHandle();
        } finally {
            context.abort();
        }
    }

    private static int countCaseStudies() throws Exception {
        Context context = new Context();
        try {
            Collection collection = UseitStructure.bean().findCollection(context, CollectionSpec.CASE_STUDIES)
                                                        .orElseThrow();
            int count = 0;
            for (Iterator<Item> it = ContentServiceFactory.getInstance().getItemService()
                                                          .findByCollection(context, collection); it.hasNext(); ) {
                it.next();
                count++;
            }
            return count;
        } finally {
            context.abort();
        }
    }

    /** The text fields both imports get for row i (synthetic: marked illustrative and "benchmark"). */
    private static List<String> common(int i, Random random) {
        return List.of(
            "Benchmark case study " + i + ": residents as researchers",
            Integer.toString(2017 + random.nextInt(4)),
            "Synthetic benchmark record " + i + ". A neighbourhood group maps the skills and spaces of its area "
                + "with the help of trained residents, and a local anchor institution recruits from it.",
            "Start with something specific and grow from that (benchmark " + i + ").",
            "Few residents knew of the jobs and spaces nearby.",
            "Residents were trained, met employers and mapped assets together.",
            PLACES[i % PLACES.length] + "||" + PLACES[(i + 2) % PLACES.length],
            "illustrative");
    }

    private static String dspaceCsv(int n, String collection) {
        StringBuilder csv = new StringBuilder("id,collection,dc.title,dc.date.issued,dc.description.abstract,"
            + "useit.objective,useit.challenge,useit.approach,useit.place,useit.provenance,dspace.entity.type\n");
        Random random = new Random(42);
        for (int i = 1; i <= n; i++) {
            csv.append("+,").append(collection);
            for (String value : common(i, random)) {
                csv.append(',').append(quote(value));
            }
            csv.append(",CaseStudy\n");
        }
        return csv.toString();
    }

    /**
     * @param n how many rows
     * @return a {@code useit-import} file of n synthetic case studies (marked illustrative)
     */
    static String useitCsv(int n) {
        StringBuilder csv = new StringBuilder("key,type,dc.title,dc.date.issued,dc.description.abstract,"
            + "useit.objective,useit.challenge,useit.approach,useit.place,useit.provenance,useit.strand\n");
        Random random = new Random(42);
        for (int i = 1; i <= n; i++) {
            csv.append(String.format(Locale.ROOT, "bench-cs-%05d,CaseStudy", i));
            for (String value : common(i, random)) {
                csv.append(',').append(quote(value));
            }
            csv.append(',').append(STRANDS[i % STRANDS.length]).append('\n');
        }
        return csv.toString();
    }

    private static String quote(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    private static void write(Path results, int n, List<Phase> phases) throws IOException {
        Files.createDirectories(results);
        Phase dspace = phases.get(0);
        Phase ours = phases.get(1);
        StringBuilder md = new StringBuilder();
        md.append("# Bulk deposit benchmark\n\n");
        md.append("Produced by `./mvnw -q -Pbench -pl bench -am verify` (eu.useit.bench.ImportBenchmark) on ")
            .append(LocalDate.now()).append(": ").append(Runtime.getRuntime().availableProcessors())
            .append(" cores, Java ").append(System.getProperty("java.version")).append(", -Xmx")
            .append(Runtime.getRuntime().maxMemory() / (1024 * 1024)).append("m, H2 file database, the project's ")
            .append("Solr 8.11 server, Discovery indexing on commit.\n\n");
        md.append(n).append(" synthetic case studies (marked illustrative) in one file; DSpace's CSV ")
            .append("`metadata-import` first, then `useit-import` with the same text fields plus strand ")
            .append("(authority-controlled, mapped to the strand collection) and key, into the same repository. ")
            .append("Times include each tool's commit and Discovery indexing.\n\n");
        md.append("| phase | items | seconds | items/s | ms/item | peak heap (MiB) |\n|---|---|---|---|---|---|\n");
        for (Phase phase : phases) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.2f | %d |%n", phase.name(),
                                    phase.items(), phase.seconds(), phase.rate(), 1000 / phase.rate(),
                                    phase.peakHeapMiB()));
        }
        md.append(String.format(Locale.ROOT,
                                "%n`useit-import` / `metadata-import` rate: **%.1f×** (target ≥ 5×).%n",
                                ours.rate() / dspace.rate()));
        Files.writeString(results.resolve("import.md"), md.toString(), StandardCharsets.UTF_8);
        System.out.print(md);
    }
}
