/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install.oai;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Checks an XOAI configuration the way DSpace's OAI data provider will read it (XOAI 3.4's parser and
 * managers): the order of elements the parser expects, ids defined once, every reference to a defined id, and
 * every XSLT file present. DSpace compiles the XSLT of every format and transformer at start, and fails on a
 * reference to a missing set or format.
 */
public final class XoaiConfigCheck {

    private static final List<String> ROOT_ATTRIBUTES =
        List.of("maxListIdentifiersSize", "maxListRecordsSize", "maxListSetsSize");

    private final List<String> problems = new ArrayList<>();

    private XoaiConfigCheck() {
    }

    /**
     * Checks a configuration.
     *
     * @param document   the configuration
     * @param xsltExists whether an XSLT path of the configuration (relative to its directory) names a file
     * @return the problems, one line each; empty if DSpace can read the configuration
     */
    public static List<String> problems(Document document, Predicate<String> xsltExists) {
        XoaiConfigCheck check = new XoaiConfigCheck();
        check.check(document.getDocumentElement(), xsltExists);
        return List.copyOf(check.problems);
    }

    private void check(Element root, Predicate<String> xsltExists) {
        for (String attribute : ROOT_ATTRIBUTES) {
            if (!root.getAttribute(attribute).strip().matches("\\d{1,9}")) {
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

        for (Element format : all(root, "Formats")) {
            String where = "format " + Dom.id(format);
            expect(format, where, "Format");
            order(format, where, List.of("Prefix", "XSLT", "Namespace", "SchemaLocation", "Filter"),
                  Set.of("Prefix", "XSLT", "Namespace", "SchemaLocation"), Set.of());
            xslt(format, where, xsltExists);
            refs(format, "Filter", where, "filter", anyFilter);
        }
        for (Element transformer : all(root, "Transformers")) {
            String where = "transformer " + Dom.id(transformer);
            expect(transformer, where, "Transformer");
            order(transformer, where, List.of("XSLT", "Description"), Set.of("XSLT"), Set.of());
            xslt(transformer, where, xsltExists);
        }
        for (Element filter : all(root, "Filters")) {
            String kind = Dom.name(filter);
            String where = ("CustomCondition".equals(kind) ? "condition " : "filter ") + Dom.id(filter);
            if ("Filter".equals(kind)) {
                order(filter, where, List.of("Definition"), Set.of("Definition"), Set.of());
                Element definition = Dom.child(filter, "Definition");
                if (definition != null) {
                    condition(definition, where, conditions);
                }
            } else if ("CustomCondition".equals(kind)) {
                order(filter, where, List.of("Class", "Configuration"), Set.of("Class"), Set.of());
            } else {
                problems.add("<Filters>: unexpected <" + kind + "> (only <Filter> and <CustomCondition>)");
            }
        }
        for (Element set : all(root, "Sets")) {
            String where = "set " + Dom.id(set);
            expect(set, where, "Set");
            order(set, where, List.of("Spec", "Name", "Filter"), Set.of("Spec", "Name"), Set.of());
            refs(set, "Filter", where, "filter", anyFilter);
        }
        Set<String> baseUrls = new HashSet<>();
        for (Element context : all(root, "Contexts")) {
            String baseUrl = context.getAttribute("baseurl").strip();
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
    private void order(Element parent, String where, List<String> order, Set<String> required,
                       Set<String> repeatable) {
        int rank = 0;
        Set<String> seen = new HashSet<>();
        for (Element child : Dom.children(parent)) {
            String name = Dom.name(child);
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

    private void expect(Element element, String where, String name) {
        if (!name.equals(Dom.name(element))) {
            problems.add(where + ": unexpected <" + Dom.name(element) + "> (only <" + name + ">)");
        }
    }

    private void xslt(Element element, String where, Predicate<String> xsltExists) {
        String path = Dom.text(element, "XSLT");
        if (!path.isEmpty() && !xsltExists.test(path)) {
            problems.add(where + ": XSLT file " + path + " not found");
        }
    }

    private void refs(Element parent, String name, String where, String kind, Set<String> defined) {
        for (Element reference : Dom.children(parent, name)) {
            if (!defined.contains(Dom.ref(reference))) {
                problems.add(where + ": refers to " + kind + " '" + Dom.ref(reference) + "', which is not defined");
            }
        }
    }

    /** A context offers each metadata prefix once. */
    private void prefixes(Element root, Element context, String where) {
        Set<String> prefixes = new HashSet<>();
        for (Element reference : Dom.children(context, "Format")) {
            for (Element format : all(root, "Formats")) {
                if (Dom.id(format).equals(Dom.ref(reference)) && !prefixes.add(Dom.text(format, "Prefix"))) {
                    problems.add(where + ": offers the prefix " + Dom.text(format, "Prefix") + " twice");
                }
            }
        }
    }

    /** A filter's condition tree: one operator per holder, custom conditions defined. */
    private void condition(Element holder, String where, Set<String> conditions) {
        List<Element> operators = Dom.children(holder);
        if (operators.size() != 1) {
            problems.add(where + ": <" + Dom.name(holder) + "> needs exactly one of And, Or, Not, Custom");
            return;
        }
        Element operator = operators.get(0);
        switch (Dom.name(operator)) {
            case "And", "Or" -> {
                order(operator, where, List.of("LeftCondition", "RightCondition"),
                      Set.of("LeftCondition", "RightCondition"), Set.of());
                for (Element side : Dom.children(operator)) {
                    condition(side, where, conditions);
                }
            }
            case "Not" -> {
                order(operator, where, List.of("Condition"), Set.of("Condition"), Set.of());
                for (Element inner : Dom.children(operator)) {
                    condition(inner, where, conditions);
                }
            }
            case "Custom" -> {
                if (!conditions.contains(Dom.ref(operator))) {
                    problems.add(where + ": refers to condition '" + Dom.ref(operator) + "', which is not defined");
                }
            }
            default -> problems.add(where + ": unknown operator <" + Dom.name(operator) + ">");
        }
    }

    /** Ids of one kind, each once. */
    private Set<String> ids(Element root, String section, String name, String label) {
        Set<String> ids = new HashSet<>();
        for (Element element : all(root, section)) {
            if (name.equals(Dom.name(element)) && !ids.add(Dom.id(element))) {
                problems.add(label + " id '" + Dom.id(element) + "' is defined twice");
            }
        }
        return ids;
    }

    private static List<Element> all(Element root, String section) {
        List<Element> all = new ArrayList<>();
        for (Element container : Dom.children(root, section)) {
            all.addAll(Dom.children(container));
        }
        return all;
    }
}
