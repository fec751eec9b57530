/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;


/**
 * Checks an XOAI configuration the way DSpace's OAI data provider will read it (XOAI 3.4's parser and
 * managers): the order of elements the parser expects, ids defined once, every reference to a defined id, and
 * every XSLT file present. DSpace compiles the XSLT of every format and transformer at start, and fails on a
 * reference to a missing set or format.
 */
final class XoaiConfigCheck {

    private static final List<String> ROOT_ATTRIBUTES =
        List.of("maxListIdentifiersSize", "maxListRecordsSize", "maxListSetsSize");

    private final List<String> problems = new ArrayList<>();
    private final XmlText xml;

    private XoaiConfigCheck(XmlText xml) {
        this.xml = xml;
    }

    /**
     * Checks a configuration.
     *
     * @param configuration the configuration, checked well-formed ({@link SiteXml#read})
     * @param xsltExists    whether an XSLT path of the configuration (relative to its directory) names a file
     * @return the problems, one line each; empty if DSpace can read the configuration
     */
    static List<String> problems(XmlText configuration, Predicate<String> xsltExists) {
        XoaiConfigCheck check = new XoaiConfigCheck(configuration);
        check.check(configuration.root(), xsltExists);
        return List.copyOf(check.problems);
    }

    private void check(XmlText.Element root, Predicate<String> xsltExists) {
        for (String attribute : ROOT_ATTRIBUTES) {
            if (!Objects.requireNonNullElse(root.attribute(attribute), "").matches("\\d{1,9}")) {
                problems.add("<Configuration> needs the attribute " + attribute + " (a number)");
            }
        }
        order(root, "<Configuration>", XoaiConfigMerge.SECTIONS, Set.of("Contexts", "Formats"), Set.of());

        Set<String> formats = ids(root, "Formats", "Format", "format");
        Set<String> transformers = ids(root, "Transformers", "Transformer", "transformer");
        Set<String> filters = ids(root, "Filters", "Filter", "filter");
        Set<String> conditions = ids(root, "Filters", "CustomCondition", "condition");
        Set<String> sets = ids(root, "Sets", "Set", "set");
        Set<String> anyFilter = new HashSet<>(filters);
        anyFilter.addAll(conditions);

        for (XmlText.Element format : all(root, "Formats")) {
            String where = "format " + format.attribute("id");
            expect(format, where, "Format");
            order(format, where, List.of("Prefix", "XSLT", "Namespace", "SchemaLocation", "Filter"),
                  Set.of("Prefix", "XSLT", "Namespace", "SchemaLocation"), Set.of());
            xslt(format, where, xsltExists);
            refs(format, "Filter", where, "filter", anyFilter);
        }
        for (XmlText.Element transformer : all(root, "Transformers")) {
            String where = "transformer " + transformer.attribute("id");
            expect(transformer, where, "Transformer");
            order(transformer, where, List.of("XSLT", "Description"), Set.of("XSLT"), Set.of());
            xslt(transformer, where, xsltExists);
        }
        for (XmlText.Element filter : all(root, "Filters")) {
            String kind = filter.name();
            String where = ("CustomCondition".equals(kind) ? "condition " : "filter ") + filter.attribute("id");
            if ("Filter".equals(kind)) {
                order(filter, where, List.of("Definition"), Set.of("Definition"), Set.of());
                XmlText.Element definition = filter.child("Definition");
                if (definition != null) {
                    condition(definition, where, conditions);
                }
            } else if ("CustomCondition".equals(kind)) {
                order(filter, where, List.of("Class", "Configuration"), Set.of("Class"), Set.of());
            } else {
                problems.add("<Filters>: unexpected <" + kind + "> (only <Filter> and <CustomCondition>)");
            }
        }
        for (XmlText.Element set : all(root, "Sets")) {
            String where = "set " + set.attribute("id");
            expect(set, where, "Set");
            order(set, where, List.of("Spec", "Name", "Filter"), Set.of("Spec", "Name"), Set.of());
            refs(set, "Filter", where, "filter", anyFilter);
        }
        Set<String> baseUrls = new HashSet<>();
        for (XmlText.Element context : all(root, "Contexts")) {
            String baseUrl = Objects.requireNonNullElse(context.attribute("baseurl"), "");
            String where = "context " + baseUrl;
            expect(context, where, "Context");
            if (baseUrl.isEmpty() || !baseUrls.add(baseUrl)) {
                problems.add("<Context baseurl=\"" + baseUrl + "\">: a context needs a base URL of its own");
            }
            // XSD says a Description is optional, but XOAI 3.4's parser fails on a context without one
            order(context, where, XoaiConfigMerge.CONTEXT_ORDER, Set.of("Format", "Description"),
                  Set.of("Set", "Format"));
            refs(context, "Transformer", where, "transformer", transformers);
            refs(context, "Filter", where, "filter", anyFilter);
            refs(context, "Set", where, "set", sets);
            refs(context, "Format", where, "format", formats);
            prefixes(root, context, where);
        }
    }

    /**
     * The children of {@code parent} come in {@code order}, the {@code required} ones are there, and only the
     * {@code repeatable} ones come more than once.
     */
    private void order(XmlText.Element parent, String where, List<String> order, Set<String> required,
                       Set<String> repeatable) {
        int rank = 0;
        Set<String> seen = new HashSet<>();
        for (XmlText.Element child : parent.children()) {
            String name = child.name();
            int childRank = order.indexOf(name);
            if (childRank < 0) {
                problems.add(where + ": unexpected <" + name + "> (expected " + String.join(", ", order) + ")");
            } else if (childRank < rank) {
                problems.add(where + ": <" + name + "> out of order (expected " + String.join(", ", order) + ")");
            } else if (seen.contains(name) && !repeatable.contains(name)) {
                problems.add(where + ": more than one <" + name + ">");
            } else {
                rank = childRank;
            }
            seen.add(name);
        }
        for (String name : required) {
            if (!seen.contains(name)) {
                problems.add(where + ": <" + name + "> missing");
            }
        }
    }

    private void expect(XmlText.Element element, String where, String name) {
        if (!name.equals(element.name())) {
            problems.add(where + ": unexpected <" + element.name() + "> (only <" + name + ">)");
        }
    }

    private void xslt(XmlText.Element element, String where, Predicate<String> xsltExists) {
        String path = text(element, "XSLT");
        if (!path.isEmpty() && !xsltExists.test(path)) {
            problems.add(where + ": XSLT file " + path + " not found");
        }
    }

    private void refs(XmlText.Element parent, String name, String where, String kind, Set<String> defined) {
        for (XmlText.Element reference : parent.children(name)) {
            if (!defined.contains(reference.attribute("ref"))) {
                problems.add(where + ": refers to " + kind + " '" + reference.attribute("ref")
                                 + "', which is not defined");
            }
        }
    }

    /** A context offers each metadata prefix once. */
    private void prefixes(XmlText.Element root, XmlText.Element context, String where) {
        Set<String> prefixes = new HashSet<>();
        for (XmlText.Element reference : context.children("Format")) {
            for (XmlText.Element format : all(root, "Formats")) {
                if (Objects.equals(format.attribute("id"), reference.attribute("ref"))
                    && !prefixes.add(text(format, "Prefix"))) {
                    problems.add(where + ": offers the prefix " + text(format, "Prefix") + " twice");
                }
            }
        }
    }

    /** A filter's condition tree: one operator per holder, custom conditions defined. */
    private void condition(XmlText.Element holder, String where, Set<String> conditions) {
        List<XmlText.Element> operators = holder.children();
        if (operators.size() != 1) {
            problems.add(where + ": <" + holder.name() + "> needs exactly one of And, Or, Not, Custom");
            return;
        }
        XmlText.Element operator = operators.get(0);
        switch (operator.name()) {
            case "And", "Or" -> {
                order(operator, where, List.of("LeftCondition", "RightCondition"),
                      Set.of("LeftCondition", "RightCondition"), Set.of());
                for (XmlText.Element side : operator.children()) {
                    condition(side, where, conditions);
                }
            }
            case "Not" -> {
                order(operator, where, List.of("Condition"), Set.of("Condition"), Set.of());
                for (XmlText.Element inner : operator.children()) {
                    condition(inner, where, conditions);
                }
            }
            case "Custom" -> {
                if (!conditions.contains(operator.attribute("ref"))) {
                    problems.add(where + ": refers to condition '" + operator.attribute("ref")
                                     + "', which is not defined");
                }
            }
            default -> problems.add(where + ": unknown operator <" + operator.name() + ">");
        }
    }

    /** Ids of one kind, each once. */
    private Set<String> ids(XmlText.Element root, String section, String name, String label) {
        Set<String> ids = new HashSet<>();
        for (XmlText.Element element : all(root, section)) {
            if (name.equals(element.name()) && !ids.add(element.attribute("id"))) {
                problems.add(label + " id '" + element.attribute("id") + "' is defined twice");
            }
        }
        return ids;
    }

    private String text(XmlText.Element parent, String child) {
        XmlText.Element element = parent.child(child);
        return element == null ? "" : xml.content(element);
    }

    private static List<XmlText.Element> all(XmlText.Element root, String section) {
        List<XmlText.Element> all = new ArrayList<>();
        for (XmlText.Element container : root.children(section)) {
            all.addAll(container.children());
        }
        return all;
    }
}
