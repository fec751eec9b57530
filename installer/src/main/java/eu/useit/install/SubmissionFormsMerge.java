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
 * Merges the USE-IT! forms into a site's {@code config/submission-forms.xml} (the file DSpace's
 * {@code DCInputsReader} reads): the forms our submission steps show and the value lists ({@code value-pairs})
 * those forms use. Forms are matched by name, value lists by {@code value-pairs-name}; what the site lacks is
 * added, the site's own stay, and one of ours ({@code useit...}) that differs is replaced (see
 * {@link KeyedElements}).
 */
final class SubmissionFormsMerge implements FileMerge {

    /** The file, relative to the DSpace home. */
    static final String FILE = "config/submission-forms.xml";

    private static final String PAIRS = "value-pairs-name";

    private final XmlText ours;
    private final List<XmlText.Element> forms = new ArrayList<>();
    private final List<XmlText.Element> pairs = new ArrayList<>();

    /**
     * @param ourFile   our {@code submission-forms.xml}
     * @param formNames the forms to merge (those our submission steps show)
     * @throws InstallException if ours is malformed or lacks one of them, or a value list they use
     */
    SubmissionFormsMerge(byte[] ourFile, Set<String> formNames) throws InstallException {
        this.ours = SiteXml.read(ourFile, "the addon's " + FILE, "input-forms").xml();
        XmlText.Element root = ours.root();
        Set<String> pairNames = new LinkedHashSet<>();
        for (String name : formNames) {
            XmlText.Element form = KeyedElements.find(root.child("form-definitions"), "form",
                                                      e -> e.attribute("name"), name);
            if (form == null) {
                throw new InstallException("the addon's " + FILE + ": no form " + name);
            }
            forms.add(form);
            for (XmlText.Element input : XmlText.descendants(form, "input-type")) {
                if (input.attribute(PAIRS) != null) {
                    pairNames.add(input.attribute(PAIRS));
                }
            }
        }
        for (String name : pairNames) {
            XmlText.Element list = KeyedElements.find(root.child("form-value-pairs"), "value-pairs",
                                                      e -> e.attribute(PAIRS), name);
            if (list == null) {
                throw new InstallException("the addon's " + FILE + ": no value-pairs " + name);
            }
            pairs.add(list);
        }
    }

    /**
     * Merges ours into a site's file.
     *
     * @param site the site's file
     * @param name the site's file, for messages
     * @return the merged file and what changed
     * @throws InstallException if the site's file is malformed or has no {@code <form-definitions>}
     */
    @Override
    public Merged mergeInto(byte[] site, String name) throws InstallException {
        SiteXml file = SiteXml.read(site, name, "input-forms");
        XmlText.Element definitions = file.root().child("form-definitions");
        if (definitions == null) {
            throw new InstallException(name + ": no <form-definitions> (DSpace's DCInputsReader needs one)");
        }
        List<String> changes = new ArrayList<>();
        KeyedElements.merge(file, definitions, "form-definitions", List.of("form-value-pairs"), ours, forms,
                            e -> e.attribute("name"), "form", changes);
        KeyedElements.merge(file, file.root().child("form-value-pairs"), "form-value-pairs", List.of(), ours, pairs,
                            e -> e.attribute(PAIRS), "value-pairs", changes);
        byte[] merged = file.result();
        if (merged != null) {
            SiteXml.read(merged, name + " (merged)", "input-forms");
        }
        return new Merged(merged, changes, List.of());
    }
}
