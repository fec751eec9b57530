/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Merges the USE-IT! submission processes into a site's {@code config/item-submission.xml} (the file DSpace's
 * {@code SubmissionConfigReader} reads): our bindings (the {@code name-map}s of our file other than the default
 * one), the processes they name, and the step definitions those processes use. Processes are matched by name,
 * steps by id, bindings by what they bind (a collection handle, community handle or item type).
 * <ul>
 * <li>what the site lacks is added; the site's own processes, steps and bindings stay as they are;</li>
 * <li>a process or step named {@code useit...} that differs from ours is replaced (see {@link KeyedElements});</li>
 * <li>a binding the site already makes to another process is kept, with a note: for example DSpace's stock
 * {@code collection-entity-type="Publication"} keeps its process, and the note says how to give the USE-IT!
 * collection ours by its handle.</li>
 * </ul>
 */
final class ItemSubmissionMerge implements FileMerge {

    /** The file, relative to the DSpace home. */
    static final String FILE = "config/item-submission.xml";

    /** The attributes a {@code name-map} binds by, in the order DSpace's reader looks at them. */
    static final List<String> BINDS = List.of("collection-handle", "community-handle", "collection-entity-type");

    private static final String DEFAULT = "default";

    private final XmlText ours;
    private final List<XmlText.Element> bindings = new ArrayList<>();
    private final List<XmlText.Element> processes = new ArrayList<>();
    private final List<XmlText.Element> steps = new ArrayList<>();
    private final Set<String> forms = new LinkedHashSet<>();

    /**
     * @param ourFile our {@code item-submission.xml}
     * @throws InstallException if ours is malformed or names a process or step it does not define
     */
    ItemSubmissionMerge(byte[] ourFile) throws InstallException {
        this.ours = SiteXml.read(ourFile, "the addon's " + FILE, "item-submission").xml();
        XmlText.Element root = ours.root();
        Set<String> processNames = new LinkedHashSet<>();
        for (XmlText.Element map : section(root, "submission-map").children("name-map")) {
            if (!DEFAULT.equals(map.attribute("collection-handle"))) {
                bindings.add(map);
                processNames.add(map.attribute("submission-name"));
            }
        }
        Set<String> stepIds = new LinkedHashSet<>();
        for (String name : processNames) {
            XmlText.Element process = KeyedElements.find(section(root, "submission-definitions"),
                                                         "submission-process", e -> e.attribute("name"), name);
            if (process == null) {
                throw new InstallException("the addon's " + FILE + ": no submission-process " + name);
            }
            processes.add(process);
            process.children("step").forEach(step -> stepIds.add(step.attribute("id")));
        }
        for (String id : stepIds) {
            XmlText.Element step = KeyedElements.find(section(root, "step-definitions"), "step-definition",
                                                      e -> e.attribute("id"), id);
            if (step == null) {
                throw new InstallException("the addon's " + FILE + ": no step-definition " + id);
            }
            steps.add(step);
            XmlText.Element type = step.child("type");
            if (type != null && "submission-form".equals(ours.content(type))) {
                forms.add(id);
            }
        }
    }

    /**
     * @return the forms our processes show: the ids of their steps of type {@code submission-form} (DSpace shows
     *         the form named like the step)
     */
    Set<String> forms() {
        return forms;
    }

    /**
     * @return the names of our submission processes
     */
    List<String> processNames() {
        return processes.stream().map(e -> e.attribute("name")).toList();
    }

    /**
     * Merges ours into a site's file.
     *
     * @param site the site's file
     * @param name the site's file, for messages
     * @return the merged file and what changed
     * @throws InstallException if the site's file is malformed or lacks a section DSpace requires
     */
    @Override
    public Merged mergeInto(byte[] site, String name) throws InstallException {
        SiteXml file = SiteXml.read(site, name, "item-submission");
        List<String> changes = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        XmlText.Element map = required(file, "submission-map");
        KeyedElements.merge(file, required(file, "step-definitions"), "step-definitions", List.of(), ours, steps,
                            e -> e.attribute("id"), "step-definition", changes);
        KeyedElements.merge(file, required(file, "submission-definitions"), "submission-definitions", List.of(),
                            ours, processes, e -> e.attribute("name"), "submission-process", changes);
        List<Snippet> added = new ArrayList<>();
        for (XmlText.Element binding : bindings) {
            String bind = binds(binding);
            String value = binding.attribute(bind);
            String process = binding.attribute("submission-name");
            XmlText.Element theirs = KeyedElements.find(map, "name-map", ItemSubmissionMerge::key, bind + "=" + value);
            if (theirs == null) {
                added.add(Snippet.of(ours, binding));
                changes.add("added name-map " + bind + "=" + value + " -> " + process);
            } else if (!process.equals(theirs.attribute("submission-name"))) {
                notes.add(note(bind, value, theirs.attribute("submission-name"), process));
            }
        }
        file.append(map, added);
        byte[] merged = file.result();
        if (merged != null) {
            // what the merge wrote must read back
            SiteXml.read(merged, name + " (merged)", "item-submission");
        }
        return new Merged(merged, changes, notes);
    }

    private static String note(String bind, String value, String theirs, String ours) {
        String what = switch (bind) {
            case "collection-entity-type" -> "collections of item type " + value + " keep";
            case "community-handle" -> "collections of community " + value + " keep";
            default -> "collection " + value + " keeps";
        };
        return what + " the site's submission process " + theirs + " (USE-IT!'s is " + ours + "); to give a "
            + "USE-IT! collection ours, map it by handle: <name-map collection-handle=\"<its handle>\" "
            + "submission-name=\"" + ours + "\"/>";
    }

    /** What a binding binds by: the first of {@link #BINDS} it has. */
    private static String binds(XmlText.Element nameMap) {
        for (String bind : BINDS) {
            if (nameMap.attribute(bind) != null) {
                return bind;
            }
        }
        return "";
    }

    private static String key(XmlText.Element nameMap) {
        String bind = binds(nameMap);
        return bind + "=" + nameMap.attribute(bind);
    }

    private static XmlText.Element section(XmlText.Element root, String name) throws InstallException {
        XmlText.Element section = root.child(name);
        if (section == null) {
            throw new InstallException("the addon's " + FILE + ": no <" + name + ">");
        }
        return section;
    }

    private static XmlText.Element required(SiteXml file, String name) throws InstallException {
        XmlText.Element section = file.root().child(name);
        if (section == null) {
            throw new InstallException(file.name() + ": no <" + name + "> (DSpace's SubmissionConfigReader needs "
                                           + "one)");
        }
        return section;
    }
}
