/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.oaicheck;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The checker's command line: {@code <baseURL> [--schemas DIR] [--max-records N] [--timeout SECONDS] [--quiet]}.
 * Without {@code --schemas}, {@code ${dspace.dir}/config/oai-schemas} is used when it has a {@code catalog.xml};
 * otherwise schema validation is skipped with a warning.
 *
 * @param baseUrl    the endpoint
 * @param schemas    the folder of the official schemas and their catalog, or null
 * @param maxRecords the most records harvested from one list
 * @param timeout    how long one request may take
 * @param quiet      true to print only findings and the summary
 * @param help       true when help was asked for
 */
public record CheckOptions(String baseUrl, Path schemas, long maxRecords, Duration timeout, boolean quiet,
                           boolean help) {

    /**
     * How to call the checker.
     */
    public static final String USAGE = String.join("\n",
        "usage: useit-oai-check <baseURL> [--schemas DIR] [--max-records N] [--timeout SECONDS] [--quiet]",
        "  <baseURL>          the OAI-PMH endpoint, e.g. http://127.0.0.1:8080/server/oai/request",
        "  --schemas DIR      folder with the official schemas and their catalog.xml (default:",
        "                     ${dspace.dir}/config/oai-schemas if it exists; else no schema validation)",
        "  --max-records N    harvest at most N records of each list (default: all)",
        "  --timeout SECONDS  time allowed for one request (default: 60)",
        "  --quiet            print only findings and the summary",
        "exit status: 0 no findings, 1 findings, 2 usage error or endpoint unreachable");

    private static final long DEFAULT_TIMEOUT = 60;

    /**
     * @param args the command-line arguments
     * @return the options
     * @throws IllegalArgumentException when the arguments are wrong (the message says how)
     */
    public static CheckOptions parse(String... args) {
        String url = null;
        Path schemas = null;
        long max = Long.MAX_VALUE;
        long timeout = DEFAULT_TIMEOUT;
        boolean quiet = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "-h", "--help" -> {
                    return new CheckOptions(url, schemas, max, Duration.ofSeconds(timeout), quiet, true);
                }
                case "-q", "--quiet" -> quiet = true;
                case "-s", "--schemas" -> schemas = Path.of(value(args, ++i, arg));
                case "-m", "--max-records" -> max = positive(value(args, ++i, arg), arg);
                case "-t", "--timeout" -> timeout = positive(value(args, ++i, arg), arg);
                default -> {
                    if (arg.startsWith("-")) {
                        throw new IllegalArgumentException("unknown option " + arg);
                    }
                    if (url != null) {
                        throw new IllegalArgumentException("one base URL only, not also " + arg);
                    }
                    url = checkUrl(arg);
                }
            }
        }
        if (url == null) {
            throw new IllegalArgumentException("no base URL given");
        }
        if (schemas == null) {
            schemas = defaultSchemas(System.getProperty("dspace.dir"));
        }
        return new CheckOptions(url, schemas, max, Duration.ofSeconds(timeout), quiet, false);
    }

    /**
     * @param dspaceDir the DSpace installation folder, or null
     * @return {@code <dspaceDir>/config/oai-schemas} when it has a catalog.xml, else null
     */
    public static Path defaultSchemas(String dspaceDir) {
        if (dspaceDir == null || dspaceDir.isBlank()) {
            return null;
        }
        Path dir = Path.of(dspaceDir, "config", "oai-schemas");
        return Files.isRegularFile(dir.resolve("catalog.xml")) ? dir : null;
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static long positive(String value, String option) {
        try {
            long number = Long.parseLong(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " needs a positive whole number, not " + value);
    }

    private static String checkUrl(String url) {
        try {
            URI uri = new URI(url);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                && uri.getRawQuery() == null && uri.getRawFragment() == null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new IllegalArgumentException("the base URL must be an http(s) URL without query: " + url);
    }
}
