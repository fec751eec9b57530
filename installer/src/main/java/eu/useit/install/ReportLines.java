/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines a configuration-changing command prints before its summary: one per change, then the site settings
 * it kept ({@code note: ...}), what the site should do by hand ({@code warning: ...}), then the backups it made
 * ({@code backup: ...}).
 */
final class ReportLines {

    private ReportLines() {
    }

    /**
     * @param changes  one line per change
     * @param notes    one line per site setting kept
     * @param warnings one line per file written without the access it was meant to have
     * @param backups  the backups made
     * @param base     backups under this folder are shown relative to it (null: as they are)
     * @return the lines
     */
    public static List<String> of(List<String> changes, List<String> notes, List<String> warnings,
                                  List<Path> backups, Path base) {
        List<String> lines = new ArrayList<>(changes);
        notes.forEach(note -> lines.add("note: " + note));
        warnings.forEach(warning -> lines.add("warning: " + warning));
        for (Path backup : backups) {
            Path shown = base != null && backup.startsWith(base) ? base.relativize(backup) : backup;
            lines.add("backup: " + shown.toString().replace('\\', '/'));
        }
        return lines;
    }
}
