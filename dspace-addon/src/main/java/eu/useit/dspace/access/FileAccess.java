/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.access;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Locale;

/**
 * What anonymous users may do with one file (or, combined, with the files of an item), in the words of the COAR
 * access rights vocabulary.
 *
 * @param state        open, embargoed (readable from a date), restricted; metadata only for an item without files
 * @param availableFrom for an embargoed file, the day anonymous users may read it; otherwise null
 */
public record FileAccess(State state, LocalDate availableFrom) {

    /** The access states, best first. */
    public enum State {
        /** Anonymous users may read it now. */
        OPEN("c_abf2"),
        /** Anonymous users may read it from a day in the future. */
        EMBARGOED("c_f1cf"),
        /** Anonymous users may not read it. */
        RESTRICTED("c_16ec"),
        /** There is no file at all. */
        METADATA_ONLY("c_14cb");

        private final String coarCode;

        State(String coarCode) {
            this.coarCode = coarCode;
        }

        /**
         * @return the state as written in compiled OAI records ({@code open}, {@code embargoed}, {@code restricted},
         *     {@code metadata-only})
         */
        public String word() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /**
         * @return the COAR access right's label: the state's words and "access" ({@code open access},
         *     {@code metadata only access}, ...)
         */
        public String label() {
            return word().replace('-', ' ') + " access";
        }

        /**
         * @return the COAR access right URI
         */
        public String coar() {
            return "http://purl.org/coar/access_right/" + coarCode;
        }
    }

    /** An open file. */
    public static final FileAccess OPEN = new FileAccess(State.OPEN, null);

    /** A restricted file. */
    public static final FileAccess RESTRICTED = new FileAccess(State.RESTRICTED, null);

    /** No file. */
    public static final FileAccess METADATA_ONLY = new FileAccess(State.METADATA_ONLY, null);

    /**
     * @param from the day the file becomes readable
     * @return an embargoed file's access
     */
    public static FileAccess embargoedUntil(LocalDate from) {
        return new FileAccess(State.EMBARGOED, from);
    }

    /**
     * @return whether anonymous users may read the file now
     */
    public boolean isOpen() {
        return state == State.OPEN;
    }

    /**
     * The access of an item from the access of its files: the best of them (an item with one open file is open
     * access), the earliest end of embargo among embargoed ones; metadata only without files.
     *
     * @param files the access of each of the item's files
     * @return the item's access
     */
    public static FileAccess ofItem(Collection<FileAccess> files) {
        FileAccess best = METADATA_ONLY;
        for (FileAccess file : files) {
            if (file.state.ordinal() < best.state.ordinal()
                || file.state == State.EMBARGOED && best.state == State.EMBARGOED
                   && file.availableFrom.isBefore(best.availableFrom)) {
                best = file;
            }
        }
        return best;
    }
}
