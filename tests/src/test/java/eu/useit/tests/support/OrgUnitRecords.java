/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.tests.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Import files of illustrative partner organisations (OrgUnit records marked {@code useit.provenance =
 * illustrative}) for tests that need many records: each title carries a marker word to find them by.
 */
public final class OrgUnitRecords {

    private OrgUnitRecords() {
    }

    /**
     * Writes a JSON import file of records {@code from} (inclusive) to {@code to} (exclusive).
     *
     * @param dir    the folder to write it in
     * @param marker a word in every title and key, e.g. {@code crashzqa}
     * @param from   the first record's number
     * @param to     one past the last record's number
     * @return the file
     * @throws IOException if it cannot be written
     */
    public static Path write(Path dir, String marker, int from, int to) throws IOException {
        return write(dir, new Group(marker, from, to));
    }

    /**
     * Writes one JSON import file of several groups of records, each group with its own marker.
     *
     * @param dir    the folder to write it in
     * @param groups the groups, in order
     * @return the file
     * @throws IOException if it cannot be written
     */
    public static Path write(Path dir, Group... groups) throws IOException {
        StringBuilder json = new StringBuilder("[");
        for (Group group : groups) {
            for (int i = group.from(); i < group.to(); i++) {
                json.append(json.length() == 1 ? "" : ",").append("{\"key\": \"org-").append(group.marker())
                    .append('-').append(i).append("\", \"type\": \"OrgUnit\", \"dc.title\": \"Organisation ")
                    .append(group.marker()).append(' ').append(i)
                    .append(" (illustrative)\", \"useit.provenance\": \"illustrative\"}");
            }
        }
        Files.createDirectories(dir);
        Path file = Files.createTempFile(dir, groups[0].marker(), ".json");
        Files.writeString(file, json.append("]").toString());
        return file;
    }

    /**
     * Records {@code from} (inclusive) to {@code to} (exclusive) with a marker word in every title and key.
     *
     * @param marker the word
     * @param from   the first record's number
     * @param to     one past the last record's number
     */
    public record Group(String marker, int from, int to) {
    }
}
