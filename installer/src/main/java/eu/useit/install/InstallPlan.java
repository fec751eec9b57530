/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;


/**
 * What the install would do to a site's files, every merged file already checked: the files to write, what the
 * OAI merge would change, and the site settings kept although USE-IT! would set them otherwise.
 */
public final class InstallPlan {

    private final String stamp;
    private final List<FileChange> files;
    private final List<String> notes;
    private final List<String> processes;
    private final Set<String> forms;

    InstallPlan(String stamp, List<FileChange> files, List<String> notes, List<String> processes, Set<String> forms) {
        this.stamp = stamp;
        this.files = List.copyOf(files);
        this.notes = List.copyOf(notes);
        this.processes = List.copyOf(processes);
        this.forms = Set.copyOf(forms);
    }

    /**
     * @return the install's time, {@code yyyyMMdd-HHmmss}, which names the backups
     */
    public String stamp() {
        return stamp;
    }

    /**
     * @return the files to write (the OAI configuration and crosswalks among them)
     */
    public List<FileChange> files() {
        return files;
    }

    /**
     * @return one line per change, {@code <file>: <change>} (files relative to the DSpace home)
     */
    public List<String> changes() {
        List<String> lines = new ArrayList<>();
        for (FileChange file : files) {
            file.changes().forEach(change -> lines.add(file.name() + ": " + change));
        }
        return lines;
    }

    /**
     * @return one line per site setting kept, {@code <file>: <what and why>}
     */
    public List<String> notes() {
        return notes;
    }

    /**
     * @return whether the site's files already have everything
     */
    public boolean isEmpty() {
        return files.isEmpty();
    }

    /**
     * @return the names of our submission processes
     */
    List<String> processes() {
        return processes;
    }

    /**
     * @return the names of the forms our processes show
     */
    Set<String> forms() {
        return forms;
    }
}
