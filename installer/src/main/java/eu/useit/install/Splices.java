/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Edits of a text by position, applied together: insertions and replacements of ranges, every position taken in
 * the original text. Insertions at one position keep the order they were made in.
 */
final class Splices {

    private record Splice(int start, int end, String with, int order) {
    }

    private final String text;
    private final List<Splice> splices = new ArrayList<>();

    /**
     * @param text the original text
     */
    Splices(String text) {
        this.text = text;
    }

    /**
     * @param at   a position in the original text
     * @param what the text to insert there
     */
    void insert(int at, String what) {
        splices.add(new Splice(at, at, what, splices.size()));
    }

    /**
     * @param start the start of a range of the original text
     * @param end   its end (exclusive)
     * @param with  the text that replaces it
     */
    void replace(int start, int end, String with) {
        splices.add(new Splice(start, end, with, splices.size()));
    }

    /**
     * @return whether no edit was made
     */
    boolean isEmpty() {
        return splices.isEmpty();
    }

    /**
     * @return the text with every edit made
     * @throws IllegalStateException if two replacements overlap
     */
    String apply() {
        List<Splice> sorted = new ArrayList<>(splices);
        // at one position: insertions first (in the order they were made), then the replacement that starts there
        sorted.sort(Comparator.comparingInt(Splice::start).thenComparing(splice -> splice.end() > splice.start())
                              .thenComparingInt(Splice::order));
        StringBuilder out = new StringBuilder(text.length() + 1024);
        int at = 0;
        for (Splice splice : sorted) {
            if (splice.start() < at) {
                throw new IllegalStateException("overlapping edits at offset " + splice.start());
            }
            out.append(text, at, splice.start()).append(splice.with());
            at = splice.end();
        }
        return out.append(text, at, text.length()).toString();
    }
}
