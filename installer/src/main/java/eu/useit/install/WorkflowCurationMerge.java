/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install;

import java.util.ArrayList;
import java.util.List;

/**
 * Merges the USE-IT! workflow curation into a site's {@code config/workflow-curation.xml} (read by DSpace's
 * {@code CurationTaskConfig}): our task sets ({@code useit}: the {@code useit-validate} task at the review step)
 * and our mappings. DSpace's file has the same name as our drop-in but is the site's, so it is merged, never
 * replaced:
 * <ul>
 * <li>our task sets are added, or replaced when they differ (they are the addon's, see {@link KeyedElements});</li>
 * <li>a mapping of ours is added when the site has none for that collection handle, and replaces the site's
 * when the site's maps it to {@code none} (DSpace's stock "no tasks"); a mapping to another task set of the
 * site's is kept, with a note.</li>
 * </ul>
 */
final class WorkflowCurationMerge implements FileMerge {

    /** The file, relative to the DSpace home. */
    static final String FILE = "config/workflow-curation.xml";

    /** The task set name DSpace reads as "no tasks". */
    static final String NONE = "none";

    private static final String HANDLE = "collection-handle";

    private final XmlText ours;

    /**
     * @param ourFile our {@code workflow-curation.xml}
     * @throws InstallException if ours is malformed
     */
    WorkflowCurationMerge(byte[] ourFile) throws InstallException {
        this.ours = SiteXml.read(ourFile, "the addon's " + FILE, "workflow-curation").xml();
    }

    /**
     * Merges ours into a site's file.
     *
     * @param site the site's file
     * @param name the site's file, for messages
     * @return the merged file and what changed
     * @throws InstallException if the site's file is malformed
     */
    @Override
    public Merged mergeInto(byte[] site, String name) throws InstallException {
        SiteXml file = SiteXml.read(site, name, "workflow-curation");
        List<String> changes = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        XmlText.Element ourSets = ours.root().child("tasksets");
        KeyedElements.merge(file, file.root().child("tasksets"), "tasksets", List.of(), ours,
                            ourSets == null ? List.of() : ourSets.children("taskset"), e -> e.attribute("name"),
                            "taskset", changes);

        XmlText.Element map = file.root().child("taskset-map");
        XmlText.Element ourMap = ours.root().child("taskset-map");
        List<Snippet> added = new ArrayList<>();
        for (XmlText.Element mapping : ourMap == null ? List.<XmlText.Element>of() : ourMap.children("mapping")) {
            String handle = mapping.attribute(HANDLE);
            String taskset = mapping.attribute("taskset");
            XmlText.Element theirs = KeyedElements.find(map, "mapping", e -> e.attribute(HANDLE), handle);
            if (theirs == null) {
                added.add(Snippet.of(ours, mapping));
                changes.add("mapped collection-handle " + handle + " to taskset " + taskset);
            } else if (NONE.equals(theirs.attribute("taskset"))) {
                file.replace(theirs, Snippet.of(ours, mapping));
                changes.add("mapped collection-handle " + handle + " to taskset " + taskset + " (was none)");
            } else if (!taskset.equals(theirs.attribute("taskset"))) {
                notes.add("collection-handle " + handle + " keeps the site's taskset " + theirs.attribute("taskset")
                              + " (USE-IT!'s is " + taskset + "): add the tasks of taskset " + taskset
                              + " to it for USE-IT! deposits to be validated in review");
            }
        }
        if (map == null) {
            if (!added.isEmpty()) {
                file.addSection("taskset-map", added, List.of("tasksets"));
            }
        } else {
            file.append(map, added);
        }
        byte[] merged = file.result();
        if (merged != null) {
            SiteXml.read(merged, name + " (merged)", "workflow-curation");
        }
        return new Merged(merged, changes, notes);
    }
}
