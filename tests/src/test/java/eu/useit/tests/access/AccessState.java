/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.tests.access;

import java.util.ArrayList;
import java.util.List;

/**
 * One state of the access matrix: an item in a given state of access, with the word that marks it (in its title
 * and subject), its files and what anybody may see of it. Outputs are searched for the marker: a hidden item's
 * marker, a closed file's UUID or a hidden related item's name must appear nowhere.
 */
final class AccessState {

    /** Whether anybody may see the item. */
    enum Seen {
        /** Anybody may find and read it. */
        PUBLIC,
        /** Nobody but its editors, submitter or reviewers may see anything of it (OAI-PMH: a deleted header). */
        HIDDEN
    }

    /** A file of the item, open or not to anybody. */
    record File(String uuid, boolean open) {
    }

    final String name;
    final String marker;
    final String item;
    final String handle;
    final List<File> files = new ArrayList<>();
    /** The ids of the item's own resource policies (a hidden one's must not show to those it is hidden from). */
    final List<String> policies = new ArrayList<>();
    /** The COAR access right its records must give (public items with files), or null. */
    String accessRight;
    Seen seen;
    /** Whether anybody could see it when it was made: one that never was leaves no trace, not even "gone". */
    final boolean everPublic;
    /** A related item that is hidden: its UUID and marker must not show through this one. */
    AccessState hiddenRelated;
    /** The id of its relationship with {@link #hiddenRelated}. */
    String hiddenRelationship;
    /** A related item that is public, and the id of their relationship: both must show. */
    AccessState visibleRelated;
    String visibleRelationship;
    /** The number of its version, or null when it has none. */
    String version;
    /** The number of its version history when that holds no version anybody may see, or null. */
    String history;

    AccessState(String name, String marker, String item, String handle, Seen seen) {
        this.name = name;
        this.marker = marker;
        this.item = item;
        this.handle = handle;
        this.seen = seen;
        this.everPublic = seen == Seen.PUBLIC;
    }

    boolean hidden() {
        return seen == Seen.HIDDEN;
    }

    @Override
    public String toString() {
        return name + " (" + marker + ", " + handle + ")";
    }
}
