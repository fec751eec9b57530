/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Merges the USE-IT! OAI configuration into a site's XOAI configuration ({@code xoai.xml}) by editing its text, as
 * the other merges do ({@link SiteXml}): what the site lacks is added, in its own indentation and line breaks;
 * every other byte of the file stays as it was, so the site's records keep their shape in every context and
 * format it already serves.
 * <ul>
 * <li>Formats on a crosswalk of ours ({@code metadataFormats/useit*.xsl}) are ours: they have ids of their own
 * ({@code useit-oai_openaire}) and are added beside the site's, even where the site serves the same prefix with its
 * own crosswalk. A format on DSpace's own crosswalk ({@code oai_dc}) is matched by metadata prefix (DSpace's stock
 * {@code oaidc} is our {@code oai_dc}), then by id, and the site's is used. Sets are matched by set spec, then by
 * id; filters and custom conditions by id; contexts by base URL. References to a matched definition use the site's
 * id.</li>
 * <li>A format, filter or condition whose id starts with {@code useit}, and the context {@code useit}, are the
 * addon's own: when the site's differs from ours (an older install), it is replaced by ours. A {@code useit} format
 * id the site uses for another prefix is refused, with one line.</li>
 * <li>A context we define and the site lacks (such as {@code useit}) is added whole.</li>
 * <li>A context both define (such as {@code request}) is left as the site has it, with a note, unless the
 * administrator asks for ours in it ({@code siteContexts}): then it keeps the site's name, description,
 * transformer and other references, and gets the sets and formats of ours it lacks (a format counts as there when
 * the context offers its prefix, and keeps the site's crosswalk unless the administrator asks for ours as well,
 * {@link SiteContexts#OUR_CROSSWALKS}: then the context's reference to the site's format of that prefix names ours,
 * and the site's format and its file stay for its other contexts); its filter is replaced by ours only when it is
 * DSpace's stock entity-type filter,
 * which shows Publications only (and items without an entity type): USE-IT! records are case studies, projects and
 * partners too. Any other filter of the site stays, with a note.</li>
 * <li>Children of a context follow the order XOAI's parser reads (Transformer, Filter, Set, Format,
 * Description); top-level sections are added in the schema's order (Contexts, Formats, Transformers, Filters,
 * Sets).</li>
 * </ul>
 * An element we add brings the comment written before it in our file. Run twice, the second merge finds nothing
 * to add.
 */
final class XoaiConfigMerge implements FileMerge {

    /** The root element of an XOAI configuration. */
    static final String ROOT = "Configuration";
    /** The top-level sections, in the order of XOAI's schema. */
    static final List<String> SECTIONS = List.of("Contexts", "Formats", "Transformers", "Filters", "Sets");
    /** The children of a context, in the order XOAI's parser reads them. */
    static final List<String> CONTEXT_ORDER = List.of("Transformer", "Filter", "Set", "Format", "Description");
    /** Where our crosswalks are, and how their file names start: a format on one of them is ours. */
    static final String OUR_CROSSWALKS = "metadataFormats/useit";

    /** DSpace's stock filter of the {@code request} context, as {@link #signature} writes it. */
    private static final String STOCK_ENTITY_FILTER =
        "and(or(custom:itemAccessCondition,custom:itemWithdrawnCondition),"
            + "or(not(custom:relationshipTypeExistsCondition),custom:isPublicationEntityCondition))";
    private static final String STOCK_PUBLICATION_CONDITION = "isPublicationEntityCondition";
    private static final String AT_LEAST_ONE_METADATA = "org.dspace.xoai.filter.DSpaceAtLeastOneMetadataFilter";

    private final XmlText ours;
    private final String ourName;
    private final SiteContexts siteContexts;

    /**
     * @param ourFile      our {@code xoai.xml}
     * @param ourName      our file, for messages
     * @param siteContexts what the contexts the site already has get of ours
     * @throws InstallException if ours is malformed
     */
    XoaiConfigMerge(byte[] ourFile, String ourName, SiteContexts siteContexts) throws InstallException {
        // LF line ends, so that positions in our elements and in their snippets agree
        String text = new String(ourFile, StandardCharsets.UTF_8).replace("\r\n", "\n");
        this.ours = SiteXml.read(text.getBytes(StandardCharsets.UTF_8), ourName, ROOT).xml();
        this.ourName = ourName;
        this.siteContexts = siteContexts;
    }

    /**
     * @return the crosswalks our formats name ({@code XSLT}, relative to the OAI configuration folder), each once
     */
    List<String> crosswalks() {
        List<String> paths = new ArrayList<>();
        for (XmlText.Element format : definitions(ours.root(), "Formats", "Format")) {
            String path = text(ours, format, "XSLT");
            if (!path.isEmpty() && !paths.contains(path)) {
                paths.add(path);
            }
        }
        return paths;
    }

    /**
     * @param site the site's {@code xoai.xml}
     * @param name the site's file, for messages
     * @return the merged file, what changed and the notes for the administrator
     * @throws InstallException if the site's file is malformed, or an id of ours is taken by a different site
     *                          definition (a format id used for another prefix, a set id for another set spec)
     */
    @Override
    public Merged mergeInto(byte[] site, String name) throws InstallException {
        SiteXml file = SiteXml.read(site, name, ROOT);
        if (file.root().qualifiedName().contains(":")) {
            throw new InstallException(name + ": the configuration's elements have a namespace prefix ("
                                           + file.root().qualifiedName() + "); the merge writes XOAI's elements "
                                           + "without one: write them in the default namespace, as DSpace does");
        }
        Run run = new Run(file);
        run.merge();
        byte[] merged;
        try {
            merged = run.file.result();
        } catch (IllegalStateException e) {
            throw new InstallException(name + ": cannot be merged: " + e.getMessage() + "; nothing was written", e);
        }
        if (merged != null) {
            // what the merge wrote must read back
            SiteXml.read(merged, name + " (merged)", ROOT);
        }
        return new Merged(merged, run.changes, run.notes);
    }

    /**
     * A filter definition as text: {@code and(left,right)}, {@code or(left,right)}, {@code not(condition)},
     * {@code custom:ref}.
     *
     * @param holder an element holding one condition (a filter's {@code Definition})
     * @return its signature, {@code ?} for what is not a condition
     */
    static String signature(XmlText.Element holder) {
        List<XmlText.Element> children = holder == null ? List.of() : holder.children();
        if (children.size() != 1) {
            return "?";
        }
        XmlText.Element operator = children.get(0);
        return switch (operator.name()) {
            case "And", "Or" -> operator.name().toLowerCase(Locale.ROOT) + "("
                + signature(operator.child("LeftCondition")) + "," + signature(operator.child("RightCondition"))
                + ")";
            case "Not" -> "not(" + signature(operator.child("Condition")) + ")";
            case "Custom" -> "custom:" + operator.attribute("ref");
            default -> "?";
        };
    }

    /** A format as the merge compares them. */
    private record Format(String id, String prefix, String xslt) {
    }

    /** One merge into one site file: its edits, changes and notes. */
    private final class Run {

        private final SiteXml file;
        private final XmlText site;
        private final List<String> changes = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        /** The site's formats and those this run adds. */
        private final List<Format> formats = new ArrayList<>();
        /** Our format and set ids, to the site's ids of the definitions they matched. */
        private final Map<String, String> formatIds = new LinkedHashMap<>();
        private final Map<String, String> setIds = new LinkedHashMap<>();
        /** Elements to add per top-level section, and the context children to add per context. */
        private final Map<String, List<Snippet>> added = new LinkedHashMap<>();

        Run(SiteXml file) {
            this.file = file;
            this.site = file.xml();
            for (XmlText.Element format : definitions(site.root(), "Formats", "Format")) {
                formats.add(new Format(format.attribute("id"), text(site, format, "Prefix"),
                                       text(site, format, "XSLT")));
            }
        }

        void merge() throws InstallException {
            mergeFormats();
            mergeById("Filters", "Filter", "filter");
            mergeById("Filters", "CustomCondition", "condition");
            mergeSets();
            mergeContexts();
            for (String section : SECTIONS) {
                List<Snippet> snippets = added.getOrDefault(section, List.of());
                XmlText.Element existing = site.root().child(section);
                if (snippets.isEmpty()) {
                    continue;
                }
                if (existing == null) {
                    file.addSection(section, snippets, SECTIONS.subList(SECTIONS.indexOf(section) + 1,
                                                                        SECTIONS.size()),
                                    sectionComment(section));
                } else if ("Filters".equals(section)) {
                    addFilters(existing, snippets);
                } else {
                    file.append(existing, snippets);
                }
            }
        }

        private void mergeFormats() throws InstallException {
            for (XmlText.Element format : definitions(ours.root(), "Formats", "Format")) {
                String id = format.attribute("id");
                Format our = new Format(id, text(ours, format, "Prefix"), text(ours, format, "XSLT"));
                Format taken = byId(id);
                Format match = our.xslt().startsWith(OUR_CROSSWALKS) ? taken : samePrefix(our);
                if (taken != null && (match == null || !our.prefix().equals(match.prefix()))) {
                    throw new InstallException(file.name() + ": the site's format '" + id + "' has the prefix '"
                                                   + taken.prefix() + "', ours has '" + our.prefix()
                                                   + "': rename one of them");
                }
                if (match == null) {
                    add("Formats", format);
                    formats.add(our);
                    changes.add("added format " + id + " (prefix " + our.prefix() + ")");
                    match = our;
                } else if (KeyedElements.owned(id) && id.equals(match.id())) {
                    replaceIfDifferent(site.root(), "Formats", "Format", format, "format " + id);
                } else if (!match.xslt().equals(our.xslt())) {
                    notes.add("format " + match.id() + " keeps the site's crosswalk " + match.xslt()
                                  + " (USE-IT!'s is " + our.xslt() + ")");
                }
                formatIds.put(id, match.id());
            }
        }

        private Format byId(String id) {
            return formats.stream().filter(format -> id.equals(format.id())).findFirst().orElse(null);
        }

        /** The site's format for a prefix: the one with our id if there are several. */
        private Format samePrefix(Format our) {
            Format match = null;
            for (Format candidate : formats) {
                if (our.prefix().equals(candidate.prefix()) && (match == null || our.id().equals(candidate.id()))) {
                    match = candidate;
                }
            }
            return match;
        }

        private void mergeById(String section, String kind, String label) {
            for (XmlText.Element definition : definitions(ours.root(), section, kind)) {
                String id = definition.attribute("id");
                if (find(site.root(), section, kind, "id", id) == null) {
                    add(section, definition);
                    changes.add("added " + label + " " + id);
                } else if (KeyedElements.owned(id)) {
                    replaceIfDifferent(site.root(), section, kind, definition, label + " " + id);
                }
            }
        }

        private void mergeSets() throws InstallException {
            for (XmlText.Element set : definitions(ours.root(), "Sets", "Set")) {
                String id = set.attribute("id");
                String spec = text(ours, set, "Spec");
                XmlText.Element match = null;
                for (XmlText.Element candidate : definitions(site.root(), "Sets", "Set")) {
                    if (spec.equals(text(site, candidate, "Spec"))
                        && (match == null || id.equals(candidate.attribute("id")))) {
                        match = candidate;
                    }
                }
                if (match == null) {
                    XmlText.Element taken = find(site.root(), "Sets", "Set", "id", id);
                    if (taken != null) {
                        throw new InstallException(file.name() + ": the site's set '" + id + "' has the spec '"
                                                       + text(site, taken, "Spec") + "', ours has '" + spec
                                                       + "': rename one of them");
                    }
                    add("Sets", set);
                    changes.add("added set " + id + " (" + spec + ")");
                    setIds.put(id, id);
                } else {
                    setIds.put(id, match.attribute("id"));
                }
            }
        }

        private void mergeContexts() {
            for (XmlText.Element context : definitions(ours.root(), "Contexts", "Context")) {
                String baseUrl = context.attribute("baseurl");
                XmlText.Element existing = find(site.root(), "Contexts", "Context", "baseurl", baseUrl);
                if (existing == null) {
                    added.computeIfAbsent("Contexts", s -> new ArrayList<>()).add(withSiteIds(context, true));
                    changes.add("added context " + baseUrl);
                } else if (KeyedElements.owned(baseUrl)) {
                    Snippet ourContext = withSiteIds(context, false);
                    if (!XmlFiles.same(file.source(existing), ourContext.source())) {
                        file.replace(existing, ourContext);
                        changes.add("replaced context " + baseUrl + " (the site's differed from USE-IT!'s)");
                    }
                } else {
                    int changeCount = changes.size();
                    int noteCount = notes.size();
                    boolean apply = siteContexts != SiteContexts.LEFT;
                    mergeInto(context, existing, baseUrl, apply);
                    if (apply) {
                        continue;
                    }
                    // only tried: the site's context stays as it is
                    boolean lacking = changes.size() > changeCount;
                    changes.subList(changeCount, changes.size()).clear();
                    notes.subList(noteCount, notes.size()).clear();
                    if (lacking) {
                        notes.add("context " + baseUrl + " is left as the site has it: its records keep their "
                                      + "formats, sets and filter (to add USE-IT!'s to it: useit-oai-config -a)");
                    }
                }
            }
        }

        /**
         * Our context's filter, sets and formats into a context of the site's; with {@code apply} false, the
         * changes are only listed (to tell whether the context lacks anything of ours).
         */
        private void mergeInto(XmlText.Element context, XmlText.Element existing, String baseUrl, boolean apply) {
            mergeFilter(context, existing, baseUrl, apply);
            List<Snippet> references = new ArrayList<>();
            for (XmlText.Element reference : context.children("Set")) {
                String id = setIds.getOrDefault(reference.attribute("ref"), reference.attribute("ref"));
                if (existing.children("Set").stream().noneMatch(s -> id.equals(s.attribute("ref")))) {
                    references.add(reference("Set", id));
                    changes.add("added set " + id + " to context " + baseUrl);
                }
            }
            insertReferences(existing, "Set", references, apply);
            references = new ArrayList<>();
            for (XmlText.Element reference : context.children("Format")) {
                String id = formatIds.getOrDefault(reference.attribute("ref"), reference.attribute("ref"));
                Format format = byId(id);
                boolean there = false;
                for (XmlText.Element offered : existing.children("Format")) {
                    Format offeredFormat = byId(offered.attribute("ref"));
                    boolean samePrefix = offeredFormat != null && format != null
                        && offeredFormat.prefix().equals(format.prefix());
                    if (samePrefix && !id.equals(offered.attribute("ref")) && ourCrosswalkWanted(format)) {
                        if (apply) {
                            file.replace(offered, reference("Format", id));
                        }
                        changes.add("context " + baseUrl + " serves " + format.prefix() + " with USE-IT!'s crosswalk"
                                        + " (format " + id + " in place of the site's " + offeredFormat.id() + ")");
                    }
                    there |= id.equals(offered.attribute("ref")) || samePrefix;
                }
                if (!there) {
                    references.add(reference("Format", id));
                    changes.add("added format " + id + " to context " + baseUrl);
                }
            }
            insertReferences(existing, "Format", references, apply);
        }

        /** Whether the administrator asked for our crosswalk of this format in the site's contexts (-x). */
        private boolean ourCrosswalkWanted(Format format) {
            return siteContexts == SiteContexts.OUR_CROSSWALKS && format.xslt().startsWith(OUR_CROSSWALKS);
        }

        private void mergeFilter(XmlText.Element context, XmlText.Element existing, String baseUrl, boolean apply) {
            XmlText.Element ourFilter = context.child("Filter");
            if (ourFilter == null) {
                return;
            }
            String wanted = ourFilter.attribute("ref");
            XmlText.Element siteFilter = existing.child("Filter");
            if (siteFilter == null) {
                notes.add("context " + baseUrl + " keeps the site's choice of no filter (USE-IT!'s is " + wanted
                              + ")");
                return;
            }
            String current = siteFilter.attribute("ref");
            if (current.equals(wanted)) {
                return;
            }
            XmlText.Element definition = find(site.root(), "Filters", "Filter", "id", current);
            if (definition != null && isStockEntityFilter(definition)) {
                if (apply) {
                    file.replace(siteFilter, reference("Filter", wanted));
                }
                changes.add("replaced filter " + current + " by " + wanted + " in context " + baseUrl
                                + " (DSpace's stock filter shows Publications only)");
            } else {
                notes.add("context " + baseUrl + " keeps the site's filter " + current + " (USE-IT!'s is " + wanted
                              + "); check that it lets case studies, projects and partners through");
            }
        }

        /** References added to a context: after the last of their kind, else before the first that follows. */
        private void insertReferences(XmlText.Element context, String name, List<Snippet> references,
                                      boolean apply) {
            if (!apply || references.isEmpty()) {
                return;
            }
            List<String> later = CONTEXT_ORDER.subList(CONTEXT_ORDER.indexOf(name) + 1, CONTEXT_ORDER.size());
            XmlText.Element before = context.children().stream().filter(child -> later.contains(child.name()))
                                            .findFirst().orElse(null);
            file.insertBefore(context, before, references);
        }

        /** Filters go before the custom conditions, as XOAI's parser reads them. */
        private void addFilters(XmlText.Element section, List<Snippet> snippets) {
            List<Snippet> filters = new ArrayList<>();
            List<Snippet> conditions = new ArrayList<>();
            for (Snippet snippet : snippets) {
                (snippet.source().contains("<CustomCondition") ? conditions : filters).add(snippet);
            }
            XmlText.Element firstCondition = section.child("CustomCondition");
            if (firstCondition == null) {
                filters.addAll(conditions);
                file.append(section, filters);
                return;
            }
            file.insertBefore(section, firstCondition, filters);
            file.append(section, conditions);
        }

        /** The comment before one of our sections, for a section the site lacks. */
        private Snippet sectionComment(String section) {
            XmlText.Element ourSection = ours.root().child(section);
            int start = ourSection == null ? -1 : ours.leadingComment(ourSection);
            if (start < 0) {
                return null;
            }
            String indent = ours.indentOf(ourSection);
            String comment = ours.text().substring(start, ourSection.start()).replace("\r\n", "\n").stripTrailing();
            return new Snippet(comment, indent == null ? "" : indent);
        }

        private void add(String section, XmlText.Element ourElement) {
            added.computeIfAbsent(section, s -> new ArrayList<>()).add(Snippet.withComment(ours, ourElement));
        }

        private void replaceIfDifferent(XmlText.Element root, String section, String kind, XmlText.Element our,
                                        String what) {
            XmlText.Element theirs = find(root, section, kind, "id", our.attribute("id"));
            if (theirs != null && !XmlFiles.same(file.source(theirs), ours.source(our))) {
                file.replace(theirs, Snippet.of(ours, our));
                changes.add("replaced " + what + " (the site's differed from USE-IT!'s)");
            }
        }

        /**
         * Our context, with the site's ids for the formats and sets it refers to (and the comment before it in our
         * file, when it is to be added).
         */
        private Snippet withSiteIds(XmlText.Element context, boolean withComment) {
            Snippet snippet = withComment ? Snippet.withComment(ours, context) : Snippet.of(ours, context);
            String source = snippet.source();
            // where the context's start tag is in the snippet (after the comment, if any)
            int offset = source.length() - ours.source(context).replace("\r\n", "\n").length();
            Splices edits = new Splices(source);
            for (XmlText.Element reference : context.children()) {
                Map<String, String> ids = "Set".equals(reference.name()) ? setIds
                    : "Format".equals(reference.name()) ? formatIds : Map.of();
                String ref = reference.attribute("ref");
                String siteId = ref == null ? null : ids.get(ref);
                if (siteId != null && !siteId.equals(ref)) {
                    int start = offset + reference.start() - context.start();
                    edits.replace(start, start + ours.source(reference).length(),
                                  "<" + reference.qualifiedName() + " ref=\"" + siteId + "\"/>");
                }
            }
            return new Snippet(edits.apply(), snippet.indent());
        }

        /** A reference element in the site's namespace prefix. */
        private Snippet reference(String name, String id) {
            String root = site.root().qualifiedName();
            String prefix = root.contains(":") ? root.substring(0, root.indexOf(':') + 1) : "";
            return new Snippet("<" + prefix + name + " ref=\"" + id + "\"/>", "");
        }

        /**
         * DSpace 8's stock {@code defaultFilter}: readable or withdrawn, and without an entity type or a
         * Publication, with its entity condition unchanged (it lists only "Publication").
         */
        private boolean isStockEntityFilter(XmlText.Element filter) {
            if (!STOCK_ENTITY_FILTER.equals(signature(filter.child("Definition")))) {
                return false;
            }
            XmlText.Element condition = find(site.root(), "Filters", "CustomCondition", "id",
                                             STOCK_PUBLICATION_CONDITION);
            if (condition == null || !AT_LEAST_ONE_METADATA.equals(text(site, condition, "Class"))) {
                return false;
            }
            int values = 0;
            for (XmlText.Element string : XmlText.descendants(condition, "string")) {
                String key = string.attribute("name");
                if (key == null || key.isEmpty() || "value".equals(key)) {
                    values++;
                    if (!"publication".equalsIgnoreCase(site.content(string))) {
                        return false;
                    }
                }
            }
            return values > 0;
        }
    }

    private static List<XmlText.Element> definitions(XmlText.Element root, String section, String name) {
        List<XmlText.Element> all = new ArrayList<>();
        for (XmlText.Element container : root.children(section)) {
            all.addAll(container.children(name));
        }
        return all;
    }

    private static XmlText.Element find(XmlText.Element root, String section, String name, String attribute,
                                        String value) {
        for (XmlText.Element element : definitions(root, section, name)) {
            if (Objects.equals(value, element.attribute(attribute))) {
                return element;
            }
        }
        return null;
    }

    private static String text(XmlText xml, XmlText.Element parent, String child) {
        XmlText.Element element = parent.child(child);
        return element == null ? "" : xml.content(element);
    }
}
