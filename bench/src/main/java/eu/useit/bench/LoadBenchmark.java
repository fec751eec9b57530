/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import eu.useit.tests.support.HarvestLoad;
import eu.useit.tests.support.RepositoryProcess;

/**
 * Load without loss: harvesters walk the whole OAI-PMH list over and over while items are deposited and withdrawn
 * through {@code ./useit dspace}, against the run command's repository (its own JVM, as {@code ./useit run} starts
 * it). The checks are {@link HarvestLoad}'s (also run small by {@code LoadIT} in CI); this writes {@code load.md}
 * with what was checked, what was found and how long pages and commands took. Not a test: run it with
 * {@code ./mvnw -q -Pbench -pl runtime/solr-server,bench -am verify -DskipTests -Dbench.kind=load}.
 */
public final class LoadBenchmark {

    private LoadBenchmark() {
    }

    /**
     * @param args the results folder
     * @throws Exception if the repository or a command fails
     */
    public static void main(String[] args) throws Exception {
        Path results = Path.of(args.length > 0 ? args[0] : "bench/results");
        HarvestLoad.Settings settings = new HarvestLoad.Settings(Integer.getInteger("bench.load.harvesters", 8),
            Integer.getInteger("bench.load.deposits", 500), Integer.getInteger("bench.load.batches", 10),
            Integer.getInteger("bench.load.withdrawals", 50), Integer.getInteger("bench.load.kept", 1000));
        double loadBefore = Machine.loadAverage();
        HarvestLoad.Result result;
        try (RepositoryProcess repository = RepositoryProcess.startAfresh("bench-load")) {
            result = new HarvestLoad(repository, settings, System.out::println).run();
        }
        double loadAfter = Machine.loadAverage();
        Files.createDirectories(results);
        Files.writeString(results.resolve("load.md"), report(settings, result, loadBefore, loadAfter));
        System.out.println("load: " + result.problems().size() + " problem(s); " + results.resolve("load.md"));
        if (!result.problems().isEmpty()) {
            System.exit(1);
        }
    }

    private static String report(HarvestLoad.Settings settings, HarvestLoad.Result result, double loadBefore,
                                 double loadAfter) {
        List<Long> pages = new ArrayList<>(result.pageMillis());
        Collections.sort(pages);
        StringBuilder md = new StringBuilder("# Load without loss\n\n");
        md.append("Produced by `./mvnw -q -Pbench -pl runtime/solr-server,bench -am verify -DskipTests ")
            .append("-Dbench.kind=load` (eu.useit.bench.LoadBenchmark, checks by eu.useit.tests.support.HarvestLoad) ")
            .append("on ").append(LocalDate.now()).append(": ").append(Runtime.getRuntime().availableProcessors())
            .append(" cores (").append(Machine.cpuModel()).append("), ").append(System.getProperty("java.vm.name"))
            .append(' ').append(System.getProperty("java.version"))
            .append(", the run command's repository in its own JVM (-Xmx1g, H2 file database, the project's Solr ")
            .append("server), each command in another JVM as `./useit dspace` starts it, loopback HTTP. ")
            .append(String.format(Locale.ROOT, "System load average %.2f before, %.2f after", loadBefore, loadAfter))
            .append(" (the cores are shared by the repository, the commands and the harvesters).\n\n");

        md.append("## What ran\n\n");
        md.append(String.format(Locale.ROOT, "- %d harvesters, each walking the whole `ListRecords` `oai_dc` list ",
                                settings.harvesters()))
            .append("(100 records a page, following resumption tokens) again and again, from before the first ")
            .append("change until a whole harvest had begun after the last one.\n")
            .append(String.format(Locale.ROOT, "- Meanwhile %d items deposited by %d `./useit dspace useit-import` ",
                                settings.deposits(), settings.batches()))
            .append(String.format(Locale.ROOT, "commands and %d items withdrawn by two `./useit dspace ",
                                settings.withdrawals()))
            .append("metadata-import` commands (action `withdraw`), one halfway through the deposits and one ")
            .append(String.format(Locale.ROOT, "after them. The items to withdraw, and %,d items left alone, ",
                                settings.kept()))
            .append("were deposited before the harvests began. Every record is ")
            .append("an illustrative partner organisation (`useit.provenance = illustrative`).\n")
            .append(String.format(Locale.ROOT, "- %,d records untouched throughout (the USE-IT! sample and the items "
                                + "left alone); %,d ", result.unchanged(), result.changed()))
            .append("changed.\n\n");

        md.append("## What was checked\n\n");
        md.append("- Every page of every harvest: HTTP 200 and a well-formed OAI-PMH response (any 5xx is a ")
            .append("problem).\n")
            .append("- No identifier twice in one whole harvest.\n")
            .append("- Every untouched record live in every whole harvest.\n")
            .append("- For every whole harvest, the incremental harvest `from=` its `responseDate` (one per distinct ")
            .append("`responseDate`), taken once the ")
            .append("changes were visible, holds every change that harvest did not show (a deposit as a live ")
            .append("record, a withdrawal as a deleted one).\n\n");

        md.append("## Outcome\n\n");
        md.append(String.format(Locale.ROOT, "**%s**: %d whole harvests, %,d pages, %d incremental harvests ",
                                result.problems().isEmpty() ? "No problem" : result.problems().size() + " problems",
                                result.harvests(), pages.size(), result.incrementals()))
            .append(String.format(Locale.ROOT, "checked, in %.1f min.\n\n", result.elapsed().toMillis() / 60_000.0));
        Map<String, Integer> kinds = new TreeMap<>();
        for (String problem : result.problems()) {
            kinds.merge(problem.replaceAll("oai:[^ ]+", "<record>").replaceAll("\\d{4}-[^ )]+", "<date>"), 1,
                        Integer::sum);
        }
        kinds.forEach((kind, count) -> md.append("- ").append(count).append(" × ").append(kind).append('\n'));
        for (String problem : result.problems().subList(0, Math.min(20, result.problems().size()))) {
            md.append("- e.g. ").append(problem).append('\n');
        }
        if (!result.problems().isEmpty()) {
            md.append('\n');
        }
        md.append("Page time under this load, milliseconds from request to last byte: ")
            .append(String.format(Locale.ROOT, "median %d, 95th percentile %d, slowest %d.\n\n",
                                percentile(pages, 50), percentile(pages, 95), percentile(pages, 100)));

        md.append("| command (`./useit dspace`, JVM start included) | seconds |\n|---|---|\n");
        for (Map.Entry<String, Duration> command : result.commandTimes().entrySet()) {
            md.append("| ").append(command.getKey()).append(" | ")
              .append(String.format(Locale.ROOT, "%.1f", command.getValue().toMillis() / 1000.0)).append(" |\n");
        }
        return md.toString();
    }

    private static long percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
