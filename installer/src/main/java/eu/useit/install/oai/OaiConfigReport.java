/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install.oai;

import java.nio.file.Path;
import java.util.List;

import eu.useit.dspace.support.ReportLines;

/**
 * What a run of {@link OaiConfigUpdate} did, or would do in a dry run.
 */
public final class OaiConfigReport {

    private final Path target;
    private final List<String> changes;
    private final List<String> notes;
    private final List<Path> backups;
    private final boolean written;

    OaiConfigReport(Path target, List<String> changes, List<String> notes, List<Path> backups, boolean written) {
        this.target = target;
        this.changes = List.copyOf(changes);
        this.notes = List.copyOf(notes);
        this.backups = List.copyOf(backups);
        this.written = written;
    }

    /**
     * @return the site's {@code xoai.xml}
     */
    public Path target() {
        return target;
    }

    /**
     * @return one line per change ("added context useit", "added format datacite to context request", ...); empty
     *         if the site had the whole USE-IT! configuration
     */
    public List<String> changes() {
        return changes;
    }

    /**
     * @return site settings kept as they are that USE-IT! would have set otherwise, one line each
     */
    public List<String> notes() {
        return notes;
    }

    /**
     * @return the backups made of replaced files (none in a dry run or when nothing changed)
     */
    public List<Path> backups() {
        return backups;
    }

    /**
     * @return whether anything was missing
     */
    public boolean changed() {
        return !changes.isEmpty();
    }

    /**
     * @return whether files were written (false in a dry run and when nothing changed)
     */
    public boolean written() {
        return written;
    }

    /**
     * @return the report as printed before its {@link #summary()}: the changes, the notes ("note: ..."), the
     *         backups ("backup: ...")
     */
    public List<String> lines() {
        return ReportLines.of(changes, notes, backups, null);
    }


    /**
     * @return one line: nothing changed, what a dry run found, or how many changes were written
     */
    public String summary() {
        if (changes.isEmpty()) {
            return "nothing changed: " + target + " already has the USE-IT! OAI configuration";
        }
        String count = changes.size() + (changes.size() == 1 ? " change" : " changes");
        return written ? count + " written to " + target
                       : "dry run: " + count + " to make in " + target + "; nothing was written";
    }
}
