/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install.oai;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.w3c.dom.Comment;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Merges the USE-IT! OAI configuration into a site's XOAI configuration ({@code xoai.xml}), in its DOM: what the
 * site lacks is added; nothing of the site's is removed or rewritten, so the site's records keep their shape in
 * every context and format it already serves.
 * <ul>
 * <li>Formats on a crosswalk of ours ({@code metadataFormats/useit*.xsl}) are ours: they have ids of their own
 * ({@code useit-oai_openaire}) and are added beside the site's, even where the site serves the same prefix with its
 * own crosswalk. A format on DSpace's own crosswalk ({@code oai_dc}) is matched by metadata prefix (DSpace's stock
 * {@code oaidc} is our {@code oai_dc}), then by id, and the site's is used. Sets are matched by set spec, then by
 * id; filters and custom conditions by id; contexts by base URL. References to a matched definition use the site's
 * id.</li>
 * <li>A context we define and the site lacks (such as {@code useit}) is added whole.</li>
 * <li>A context both define (such as {@code request}) is left as the site has it, with a note, unless the
 * administrator asks for ours in it ({@link #includingSiteContexts()}): then it keeps the site's name,
 * description, transformer and other references, and gets the sets and formats of ours it lacks (a format counts
 * as there when the context offers its prefix); its filter is replaced by ours only when it is DSpace's stock
 * entity-type filter, which shows Publications only (and items without an entity type): USE-IT! records are case
 * studies, projects and partners too. Any other filter of the site stays, with a note.</li>
 * <li>Children of a context follow the order XOAI's parser reads (Transformer, Filter, Set, Format,
 * Description); top-level sections are added in the schema's order (Contexts, Formats, Transformers, Filters,
 * Sets).</li>
 * </ul>
 * An element we add brings the comment written before it in our file. Run twice, the second merge finds nothing
 * to add.
 */
public class XoaiConfigMerge {

    /** The top-level sections, in the order of XOAI's schema. */
    static final List<String> SECTIONS = List.of("Contexts", "Formats", "Transformers", "Filters", "Sets");
    /** The children of a context, in the order XOAI's parser reads them. */
    static final List<String> CONTEXT_ORDER = List.of("Transformer", "Filter", "Set", "Format", "Description");
    /** The children of {@code Filters}: filters, then custom conditions. */
    static final List<String> FILTERS_ORDER = List.of("Filter", "CustomCondition");

    /** DSpace's stock filter of the {@code request} context, as {@link #signature(Element)} writes it. */
    private static final String STOCK_ENTITY_FILTER =
        "and(or(custom:itemAccessCondition,custom:itemWithdrawnCondition),"
            + "or(not(custom:relationshipTypeExistsCondition),custom:isPublicationEntityCondition))";
    private static final String STOCK_PUBLICATION_CONDITION = "isPublicationEntityCondition";
    private static final String AT_LEAST_ONE_METADATA = "org.dspace.xoai.filter.DSpaceAtLeastOneMetadataFilter";

    /** Where our crosswalks are, and how their file names start: a format on one of them is ours. */
    public static final String OUR_CROSSWALKS = "metadataFormats/useit";

    private final Element ours;
    private boolean siteContexts;
    private final List<String> changes = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /**
     * @param ours the USE-IT! configuration (an XOAI configuration document)
     */
    public XoaiConfigMerge(Document ours) {
        this.ours = ours.getDocumentElement();
    }

    /**
     * Also brings the contexts the site already has (such as {@code request}) up to ours: our sets and formats
     * are added to them and DSpace's stock entity-type filter is replaced, so the site's records appear there in
     * our formats too. Off unless an administrator asks for it.
     *
     * @return this merge
     */
    public XoaiConfigMerge includingSiteContexts() {
        this.siteContexts = true;
        return this;
    }

    /**
     * @param format a format definition
     * @return true if its crosswalk is one of ours ({@value #OUR_CROSSWALKS}...)
     */
    static boolean isOurs(Element format) {
        return Dom.text(format, "XSLT").startsWith(OUR_CROSSWALKS);
    }

    /**
     * Adds to the site's configuration what it lacks of ours; each change is listed in {@link #changes()}.
     *
     * @param site the site's configuration, changed in place
     * @return the changes made, one line each (empty if the site had everything)
     * @throws OaiConfigException if an id of ours is taken by a different site definition (a format id used for
     *                            another prefix, a set id used for another set spec)
     */
    public List<String> mergeInto(Document site) throws OaiConfigException {
        Element root = site.getDocumentElement();
        Map<String, String> formatIds = mergeFormats(root);
        mergeById(root, "Filter", "filter");
        mergeById(root, "CustomCondition", "condition");
        Map<String, String> setIds = mergeSets(root);
        mergeContexts(root, formatIds, setIds);
        return List.copyOf(changes);
    }

    /**
     * @return the changes made by {@link #mergeInto(Document)}, one line each
     */
    public List<String> changes() {
        return List.copyOf(changes);
    }

    /**
     * @return site settings the merge kept where USE-IT! differs, for an administrator to check; one line each
     */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    private Map<String, String> mergeFormats(Element root) throws OaiConfigException {
        Map<String, String> ids = new LinkedHashMap<>();
        for (Element format : definitions(ours, "Formats", "Format")) {
            String id = Dom.id(format);
            String prefix = Dom.text(format, "Prefix");
            Element taken = byId(definitions(root, "Formats", "Format"), id);
            Element match = isOurs(format) ? taken : samePrefix(root, id, prefix);
            if (taken != null && (match == null || !prefix.equals(Dom.text(match, "Prefix")))) {
                throw new OaiConfigException("the site's format '" + id + "' has the prefix '"
                                                 + Dom.text(taken, "Prefix") + "', ours has '" + prefix
                                                 + "': rename one of them");
            }
            if (match == null) {
                add(format, section(root, "Formats"), "Format", List.of("Format"));
                changes.add("added format " + id + " (prefix " + prefix + ")");
                match = format;
            } else if (!Dom.text(match, "XSLT").equals(Dom.text(format, "XSLT"))) {
                notes.add("format " + Dom.id(match) + " keeps the site's crosswalk " + Dom.text(match, "XSLT")
                              + " (USE-IT!'s is " + Dom.text(format, "XSLT") + ")");
            }
            ids.put(id, Dom.id(match));
        }
        return ids;
    }

    /** The site's format for a prefix: the one with our id if there are several. */
    private static Element samePrefix(Element root, String id, String prefix) {
        Element match = null;
        for (Element candidate : definitions(root, "Formats", "Format")) {
            if (prefix.equals(Dom.text(candidate, "Prefix")) && (match == null || id.equals(Dom.id(candidate)))) {
                match = candidate;
            }
        }
        return match;
    }

    private void mergeById(Element root, String kind, String label) {
        for (Element definition : definitions(ours, "Filters", kind)) {
            String id = Dom.id(definition);
            if (byId(definitions(root, "Filters", kind), id) == null) {
                add(definition, section(root, "Filters"), kind, FILTERS_ORDER);
                changes.add("added " + label + " " + id);
            }
        }
    }

    private Map<String, String> mergeSets(Element root) throws OaiConfigException {
        Map<String, String> ids = new LinkedHashMap<>();
        for (Element set : definitions(ours, "Sets", "Set")) {
            String id = Dom.id(set);
            String spec = Dom.text(set, "Spec");
            Element match = null;
            for (Element candidate : definitions(root, "Sets", "Set")) {
                if (spec.equals(Dom.text(candidate, "Spec")) && (match == null || id.equals(Dom.id(candidate)))) {
                    match = candidate;
                }
            }
            if (match == null) {
                Element taken = byId(definitions(root, "Sets", "Set"), id);
                if (taken != null) {
                    throw new OaiConfigException("the site's set '" + id + "' has the spec '"
                                                     + Dom.text(taken, "Spec") + "', ours has '" + spec
                                                     + "': rename one of them");
                }
                add(set, section(root, "Sets"), "Set", List.of("Set"));
                changes.add("added set " + id + " (" + spec + ")");
                match = set;
            }
            ids.put(id, Dom.id(match));
        }
        return ids;
    }

    private void mergeContexts(Element root, Map<String, String> formatIds, Map<String, String> setIds) {
        for (Element context : definitions(ours, "Contexts", "Context")) {
            String baseUrl = context.getAttribute("baseurl").strip();
            Element existing = null;
            for (Element candidate : definitions(root, "Contexts", "Context")) {
                if (baseUrl.equals(candidate.getAttribute("baseurl").strip())) {
                    existing = candidate;
                }
            }
            if (existing == null) {
                Element added = add(context, section(root, "Contexts"), "Context", List.of("Context"));
                for (Element reference : Dom.children(added)) {
                    String name = Dom.name(reference);
                    Map<String, String> ids = "Set".equals(name) ? setIds : "Format".equals(name) ? formatIds : null;
                    if (ids != null && ids.containsKey(Dom.ref(reference))) {
                        reference.setAttribute("ref", ids.get(Dom.ref(reference)));
                    }
                }
                changes.add("added context " + baseUrl);
            } else if (siteContexts) {
                mergeFilter(root, context, existing, baseUrl);
                mergeSetReferences(context, existing, baseUrl, setIds);
                mergeFormatReferences(root, context, existing, baseUrl, formatIds);
            } else if (lacksOurs(root, context, existing, baseUrl, formatIds, setIds)) {
                notes.add("context " + baseUrl + " is left as the site has it: its records keep their formats, "
                              + "sets and filter (to add USE-IT!'s to it: useit-oai-config -a)");
            }
        }
    }

    /**
     * Whether merging our context into the site's would change it: tried on a copy of the site's context, whose
     * changes and notes are then forgotten.
     */
    private boolean lacksOurs(Element root, Element context, Element existing, String baseUrl,
                              Map<String, String> formatIds, Map<String, String> setIds) {
        Element probe = (Element) existing.cloneNode(true);
        int changeCount = changes.size();
        int noteCount = notes.size();
        mergeFilter(root, context, probe, baseUrl);
        mergeSetReferences(context, probe, baseUrl, setIds);
        mergeFormatReferences(root, context, probe, baseUrl, formatIds);
        boolean lacking = changes.size() > changeCount;
        changes.subList(changeCount, changes.size()).clear();
        notes.subList(noteCount, notes.size()).clear();
        return lacking;
    }

    private void mergeFilter(Element root, Element context, Element existing, String baseUrl) {
        Element ourFilter = Dom.child(context, "Filter");
        if (ourFilter == null) {
            return;
        }
        String wanted = Dom.ref(ourFilter);
        Element siteFilter = Dom.child(existing, "Filter");
        if (siteFilter == null) {
            notes.add("context " + baseUrl + " keeps the site's choice of no filter (USE-IT!'s is " + wanted + ")");
            return;
        }
        String current = Dom.ref(siteFilter);
        if (current.equals(wanted)) {
            return;
        }
        Element definition = byId(definitions(root, "Filters", "Filter"), current);
        if (definition != null && isStockEntityFilter(root, definition)) {
            siteFilter.setAttribute("ref", wanted);
            changes.add("replaced filter " + current + " by " + wanted + " in context " + baseUrl
                            + " (DSpace's stock filter shows Publications only)");
        } else {
            notes.add("context " + baseUrl + " keeps the site's filter " + current + " (USE-IT!'s is " + wanted
                          + "); check that it lets case studies, projects and partners through");
        }
    }

    private void mergeSetReferences(Element context, Element existing, String baseUrl, Map<String, String> setIds) {
        for (Element reference : Dom.children(context, "Set")) {
            String id = setIds.getOrDefault(Dom.ref(reference), Dom.ref(reference));
            boolean there = Dom.children(existing, "Set").stream().anyMatch(s -> id.equals(Dom.ref(s)));
            if (!there) {
                addReference(existing, "Set", id);
                changes.add("added set " + id + " to context " + baseUrl);
            }
        }
    }

    private void mergeFormatReferences(Element root, Element context, Element existing, String baseUrl,
                                       Map<String, String> formatIds) {
        List<Element> formats = definitions(root, "Formats", "Format");
        for (Element reference : Dom.children(context, "Format")) {
            String id = formatIds.getOrDefault(Dom.ref(reference), Dom.ref(reference));
            Element format = byId(formats, id);
            String prefix = format == null ? null : Dom.text(format, "Prefix");
            boolean there = false;
            for (Element offered : Dom.children(existing, "Format")) {
                Element offeredFormat = byId(formats, Dom.ref(offered));
                there |= id.equals(Dom.ref(offered))
                    || offeredFormat != null && Dom.text(offeredFormat, "Prefix").equals(prefix);
            }
            if (!there) {
                addReference(existing, "Format", id);
                changes.add("added format " + id + " to context " + baseUrl);
            }
        }
    }

    private static void addReference(Element context, String name, String id) {
        Element reference = Dom.create(context, name);
        reference.setAttribute("ref", id);
        Dom.insert(context, List.of(reference), name, CONTEXT_ORDER);
    }

    /** Copies one of our elements, with its comment, to its place in the site's {@code parent}. */
    private static Element add(Element ourElement, Element parent, String name, List<String> order) {
        List<Node> copies = Dom.copy(ourElement, parent);
        Dom.insert(parent, copies, name, order);
        return (Element) copies.get(copies.size() - 1);
    }

    /** The site's top-level section of that name, created (with our comment on it) where the schema puts it. */
    private Element section(Element root, String name) {
        Element section = Dom.child(root, name);
        if (section != null) {
            return section;
        }
        section = Dom.create(root, name);
        List<Node> nodes = new ArrayList<>();
        Element ourSection = Dom.child(ours, name);
        Comment comment = ourSection == null ? null : Dom.leadingComment(ourSection);
        if (comment != null) {
            nodes.add(root.getOwnerDocument().createComment(comment.getData()));
        }
        nodes.add(section);
        Dom.insert(root, nodes, name, SECTIONS);
        return section;
    }

    private static List<Element> definitions(Element root, String section, String name) {
        List<Element> all = new ArrayList<>();
        for (Element container : Dom.children(root, section)) {
            all.addAll(Dom.children(container, name));
        }
        return all;
    }

    private static Element byId(List<Element> elements, String id) {
        for (Element element : elements) {
            if (id.equals(Dom.id(element))) {
                return element;
            }
        }
        return null;
    }

    /**
     * DSpace 8's stock {@code defaultFilter}: readable or withdrawn, and without an entity type or a Publication,
     * with its entity condition unchanged (it lists only "Publication").
     */
    private static boolean isStockEntityFilter(Element root, Element filter) {
        Element definition = Dom.child(filter, "Definition");
        if (definition == null || !STOCK_ENTITY_FILTER.equals(signature(definition))) {
            return false;
        }
        Element condition = byId(definitions(root, "Filters", "CustomCondition"), STOCK_PUBLICATION_CONDITION);
        if (condition == null || !AT_LEAST_ONE_METADATA.equals(Dom.text(condition, "Class"))) {
            return false;
        }
        NodeList strings = condition.getElementsByTagNameNS("*", "string");
        int values = 0;
        for (int i = 0; i < strings.getLength(); i++) {
            Element string = (Element) strings.item(i);
            String name = string.getAttribute("name");
            if (name.isEmpty() || "value".equals(name)) {
                values++;
                if (!"publication".equalsIgnoreCase(string.getTextContent().strip())) {
                    return false;
                }
            }
        }
        return values > 0;
    }

    /**
     * A filter definition as text: {@code and(left,right)}, {@code or(left,right)}, {@code not(condition)},
     * {@code custom:ref}.
     */
    static String signature(Element holder) {
        List<Element> children = holder == null ? List.of() : Dom.children(holder);
        if (children.size() != 1) {
            return "?";
        }
        Element operator = children.get(0);
        switch (Dom.name(operator)) {
            case "And":
            case "Or":
                return Dom.name(operator).toLowerCase(Locale.ROOT) + "("
                    + signature(Dom.child(operator, "LeftCondition")) + ","
                    + signature(Dom.child(operator, "RightCondition")) + ")";
            case "Not":
                return "not(" + signature(Dom.child(operator, "Condition")) + ")";
            case "Custom":
                return "custom:" + Dom.ref(operator);
            default:
                return "?";
        }
    }
}
