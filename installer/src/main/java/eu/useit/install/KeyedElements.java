/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Merges elements of ours into a section of a site's file by a key (a name or id): what the site lacks is added
 * at the end of the section; what it has is kept, except that an element whose key starts with {@code useit} is
 * the addon's own and is replaced when it differs from ours (a newer addon brings a newer form). A site that wants
 * its own version of one of ours gives it another name.
 */
final class KeyedElements {

    /** The prefix of the keys the addon owns. */
    static final String OWNED_PREFIX = "useit";

    private KeyedElements() {
    }

    /**
     * @param key a name or id
     * @return whether the addon owns it
     */
    static boolean owned(String key) {
        return key != null && key.toLowerCase(Locale.ROOT).startsWith(OWNED_PREFIX);
    }

    /**
     * @param section a section of a file (or null)
     * @param local   the local name of its elements
     * @param key     how an element is keyed
     * @param wanted  a key
     * @return the section's first element of that name and key, or null
     */
    static XmlText.Element find(XmlText.Element section, String local, Function<XmlText.Element, String> key,
                                String wanted) {
        if (section == null) {
            return null;
        }
        for (XmlText.Element element : section.children(local)) {
            if (wanted.equals(key.apply(element))) {
                return element;
            }
        }
        return null;
    }

    /**
     * Adds or replaces our elements in one section of the site's file.
     *
     * @param site        the site's file
     * @param section     the site's section, or null if it lacks it (then it is added)
     * @param sectionName the section's local name
     * @param after       the sections that come after it, for adding it where its reader expects it
     * @param ours        our file
     * @param items       our elements for that section
     * @param key         how an element is keyed
     * @param kind        what an element is called in reports ({@code form}, {@code step-definition})
     * @param changes     where one line per change is added
     */
    static void merge(SiteXml site, XmlText.Element section, String sectionName, List<String> after, XmlText ours,
                      List<XmlText.Element> items, Function<XmlText.Element, String> key, String kind,
                      List<String> changes) {
        List<Snippet> added = new ArrayList<>();
        for (XmlText.Element item : items) {
            String wanted = key.apply(item);
            XmlText.Element theirs = find(section, item.name(), key, wanted);
            if (theirs == null) {
                added.add(Snippet.of(ours, item));
                changes.add("added " + kind + " " + wanted);
            } else if (owned(wanted) && !XmlFiles.same(site.source(theirs), ours.source(item))) {
                site.replace(theirs, Snippet.of(ours, item));
                changes.add("replaced " + kind + " " + wanted + " (the site's differed from USE-IT!'s)");
            }
        }
        if (added.isEmpty()) {
            return;
        }
        if (section == null) {
            site.addSection(sectionName, added, after);
        } else {
            site.append(section, added);
        }
    }
}
