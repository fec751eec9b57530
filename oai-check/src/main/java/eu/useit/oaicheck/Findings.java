/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.oaicheck;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The checker's report: one line {@code FINDING <area>: <what> (<request>)} per distinct problem, printed when
 * it is first seen; the same area and text seen again is only counted (and reported once at the end with
 * {@link #printRepeats()}), so a problem of every record does not print thousands of lines. Warnings
 * ({@code WARNING <area>: <what>}) say what could not be checked; they are not findings.
 */
final class Findings {

    private final Consumer<String> out;
    private final boolean quiet;
    private final Map<String, Integer> occurrences = new LinkedHashMap<>();
    private final Set<String> warnings = new HashSet<>();

    /**
     * @param out   where report lines go
     * @param quiet true to leave warnings out
     */
    Findings(Consumer<String> out, boolean quiet) {
        this.out = out;
        this.quiet = quiet;
    }

    /**
     * Reports a problem.
     *
     * @param area    which part of the protocol (Identify, ListRecords oai_dc, errors, ...)
     * @param what    what is wrong
     * @param request the request that showed it (its label), or null
     */
    void add(String area, String what, String request) {
        String key = area + ": " + oneLine(what);
        Integer seen = occurrences.merge(key, 1, Integer::sum);
        if (seen == 1) {
            out.accept("FINDING " + key + (request == null ? "" : " (" + oneLine(request) + ")"));
        }
    }

    /**
     * Reports something that could not be checked (printed once, and not with --quiet).
     *
     * @param area which part of the check
     * @param what what was skipped and why
     */
    void warn(String area, String what) {
        String line = "WARNING " + area + ": " + oneLine(what);
        if (warnings.add(line) && !quiet) {
            out.accept(line);
        }
    }

    /**
     * @return the number of distinct findings
     */
    int count() {
        return occurrences.size();
    }

    /**
     * @return the number of findings counting repeats
     */
    int occurrences() {
        return occurrences.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * Prints, for each finding seen more than once, how often it came back.
     */
    void printRepeats() {
        occurrences.forEach((key, count) -> {
            if (count > 1) {
                out.accept("REPEATED " + key + ": " + (count - 1) + " more time(s)");
            }
        });
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }
}
