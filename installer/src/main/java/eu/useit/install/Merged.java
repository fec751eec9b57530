/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install;

import java.util.List;

/**
 * What one merge made of one site file.
 *
 * @param content the new content of the file, or null when nothing changed
 * @param changes one line per change, naming what was added or replaced (empty when nothing changed)
 * @param notes   site settings kept as they are although USE-IT! would set them otherwise, one line each
 */
record Merged(byte[] content, List<String> changes, List<String> notes) {

    /**
     * @param content the new content of the file, or null when nothing changed
     * @param changes one line per change
     * @param notes   site settings kept, one line each
     */
    Merged {
        changes = List.copyOf(changes);
        notes = List.copyOf(notes);
    }

    /**
     * @return whether the file has to be written
     */
    boolean changed() {
        return content != null;
    }
}
