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
 *
 * @param dspaceDir the DSpace home
 * @param changes   one line per change, {@code <file>: <change>} or {@code database: <change>}; empty when the
 *                  site had everything
 * @param notes     one line per site setting kept although USE-IT! would set it otherwise
 * @param warnings  one line per file written without the group whose rights it was meant to have
 *                  ({@link Journal#warnings})
 * @param backups   the backups made (none in a dry run or when nothing changed)
 * @param dryRun    whether nothing was written
 */
public record InstallReport(Path dspaceDir, List<String> changes, List<String> notes, List<String> warnings,
                            List<Path> backups, boolean dryRun) {

    /**
     * Copies the lists, so that the report does not change with them.
     */
    public InstallReport {
        changes = List.copyOf(changes);
        notes = List.copyOf(notes);
        warnings = List.copyOf(warnings);
        backups = List.copyOf(backups);
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
