/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install;

import java.nio.file.Path;
import java.util.List;


/**
 * What a run of the install did, or would do in a dry run: one line per change, the site settings kept (notes),
 * the backups made, and a summary line.
 */
public final class InstallReport {

    private final Path dspaceDir;
    private final List<String> changes;
    private final List<String> notes;
    private final List<String> warnings;
    private final List<Path> backups;
    private final boolean dryRun;

    /**
     * @param dspaceDir the DSpace home
     * @param changes   one line per change, {@code <file>: <change>} or {@code database: <change>}
     * @param notes     one line per site setting kept
     * @param warnings  one line per file written without the access it was meant to have ({@link Journal#warnings})
     * @param backups   the backups made
     * @param dryRun    whether nothing was written
     */
    public InstallReport(Path dspaceDir, List<String> changes, List<String> notes, List<String> warnings,
                         List<Path> backups, boolean dryRun) {
        this.dspaceDir = dspaceDir;
        this.changes = List.copyOf(changes);
        this.notes = List.copyOf(notes);
        this.warnings = List.copyOf(warnings);
        this.backups = List.copyOf(backups);
        this.dryRun = dryRun;
    }

    /**
     * @return one line per change; empty when the site had everything
     */
    public List<String> changes() {
        return changes;
    }

    /**
     * @return one line per site setting kept although USE-IT! would set it otherwise
     */
    public List<String> notes() {
        return notes;
    }

    /**
     * @return one line per file written without the group whose rights it was meant to have
     */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * @return the backups made (none in a dry run or when nothing changed)
     */
    public List<Path> backups() {
        return backups;
    }

    /**
     * @return whether anything changed (or, in a dry run, would change)
     */
    public boolean changed() {
        return !changes.isEmpty();
    }

    /**
     * @return the lines printed before the summary: the changes, the notes ({@code note: ...}), the warnings
     *         ({@code warning: ...}), the backups
     *         ({@code backup: ...}, relative to the DSpace home)
     */
    public List<String> lines() {
        return ReportLines.of(changes, notes, warnings, backups, dspaceDir);
    }


    /**
     * @return one line: nothing to do, what a dry run found, or how many changes were made
     */
    public String summary() {
        if (changes.isEmpty()) {
            return Install.NAME + ": nothing to do: " + dspaceDir + " has the USE-IT! addon installed";
        }
        String count = changes.size() + (changes.size() == 1 ? " change" : " changes");
        return dryRun ? Install.NAME + ": dry run: " + count + " to make in " + dspaceDir + "; nothing was written"
                      : Install.NAME + ": " + count + " made in " + dspaceDir + "; restart DSpace's server webapp "
                          + "(Tomcat) to use them";
    }
}
