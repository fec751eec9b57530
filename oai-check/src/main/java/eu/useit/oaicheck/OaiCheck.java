/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.oaicheck;

import java.io.IOException;
import java.util.StringJoiner;
import java.util.function.Consumer;

/**
 * {@code useit-oai-check <baseURL>}: checks an OAI-PMH 2.0 endpoint the way harvesters use it, and against the
 * rules of the specification and of aggregators (BASE, OpenAIRE, CORE/RIOXX). It walks every verb, follows every
 * resumptionToken, validates every response against OAI-PMH.xsd and the payload schema of its format (offline,
 * through an XML catalog), and probes error handling with malformed requests. It needs no DSpace: it runs against
 * any endpoint.
 *
 * <p>Output: one line {@code FINDING <area>: <what> (<request>)} per problem, {@code WARNING} lines for what
 * could not be checked, then one {@code SUMMARY} line. Exit status: 0 no findings, 1 findings, 2 usage error or
 * endpoint unreachable.
 */
public final class OaiCheck {

    /**
     * Exit status when nothing was found.
     */
    public static final int CLEAN = 0;
    /**
     * Exit status when there are findings.
     */
    public static final int FINDINGS = 1;
    /**
     * Exit status for a usage error or an unreachable endpoint.
     */
    public static final int UNUSABLE = 2;

    private final CheckOptions options;
    private final Consumer<String> out;
    private final Consumer<String> log;

    /**
     * @param options what to check
     * @param out     where findings, warnings and the summary go
     * @param log     where progress and errors go
     */
    public OaiCheck(CheckOptions options, Consumer<String> out, Consumer<String> log) {
        this.options = options;
        this.out = out;
        this.log = log;
    }

    /**
     * Runs the checker from the command line and exits with its status.
     *
     * @param args see {@link CheckOptions#USAGE}
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out::println, System.err::println));
    }

    /**
     * @param args see {@link CheckOptions#USAGE}
     * @param out  where findings, warnings and the summary go
     * @param log  where progress, usage and errors go
     * @return the exit status
     */
    public static int run(String[] args, Consumer<String> out, Consumer<String> log) {
        CheckOptions options;
        try {
            options = CheckOptions.parse(args);
        } catch (IllegalArgumentException e) {
            log.accept("useit-oai-check: " + e.getMessage());
            log.accept(CheckOptions.USAGE);
            return UNUSABLE;
        }
        if (options.help()) {
            out.accept(CheckOptions.USAGE);
            return CLEAN;
        }
        return new OaiCheck(options, out, log).check();
    }

    /**
     * Checks the endpoint and prints the report.
     *
     * @return the exit status
     */
    public int check() {
        Findings findings = new Findings(out, options.quiet());
        SchemaValidator schemas;
        if (options.schemas() == null) {
            findings.warn("schema", "no schema folder (--schemas, or ${dspace.dir}/config/oai-schemas): responses "
                + "are not validated against OAI-PMH.xsd and the payload schemas");
            schemas = SchemaValidator.disabled();
        } else {
            try {
                schemas = SchemaValidator.open(options.schemas());
            } catch (IOException e) {
                log.accept("useit-oai-check: " + e.getMessage());
                return UNUSABLE;
            }
        }
        OaiClient client = new OaiClient(options.baseUrl(), options.timeout());
        OaiResponse identify = client.send(CheckRequest.get(CheckRequest.query("verb", "Identify")));
        if (identify.failure() != null) {
            log.accept("useit-oai-check: cannot reach " + options.baseUrl() + ": " + identify.failure());
            return UNUSABLE;
        }
        CheckContext context = new CheckContext(client, findings, schemas, options.maxRecords(),
                                                options.quiet() ? line -> { } : line -> log.accept("# " + line));
        if (new IdentifyCheck(context).run(identify)) {
            new FormatsCheck(context).run();
            new SetsCheck(context).run();
            ListChecks lists = new ListChecks(context);
            context.formats().forEach(lists::run);
            new GetRecordCheck(context, lists.records()).run();
            new IncrementalCheck(context).run();
            new ErrorProbes(context).run();
        } else {
            findings.warn("Identify", "no usable Identify answer: the other verbs were not checked");
        }
        findings.printRepeats();
        out.accept(summary(context));
        return findings.count() == 0 ? CLEAN : FINDINGS;
    }

    private String summary(CheckContext context) {
        StringJoiner records = new StringJoiner(", ");
        context.recordCounts().forEach((prefix, count) -> records.add(prefix + "=" + count));
        return "SUMMARY " + options.baseUrl() + ": " + context.client().requests() + " requests; records "
            + (records.length() == 0 ? "none" : records.toString())
            + (context.capped() ? " (lists capped at " + options.maxRecords() + ")" : "") + "; "
            + context.findings().count() + " findings (" + context.findings().occurrences() + " occurrences)";
    }
}
