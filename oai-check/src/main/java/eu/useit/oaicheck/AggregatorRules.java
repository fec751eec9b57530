/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.oaicheck;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.w3c.dom.Element;

/**
 * What aggregators require of a record beyond its schema: OpenAIRE Literature v4 ({@code oai_openaire}) title,
 * publication date, COAR resource type, identifier and COAR access rights; RIOXX v3 ({@code rioxx}) exactly one
 * {@code dc:identifier}, {@code dc:title} and {@code dcterms:dateAccepted}.
 */
final class AggregatorRules {

    private static final String COAR_RESOURCE_TYPE = "http://purl.org/coar/resource_type/";
    private static final String COAR_ACCESS_RIGHT = "http://purl.org/coar/access_right/";

    private AggregatorRules() {
    }

    /**
     * @param format  the record's metadata format
     * @param payload the root element of its metadata
     * @return what the record lacks, one sentence each (empty when nothing, or when no aggregator rule applies)
     */
    static List<String> check(MetadataFormat format, Element payload) {
        if ("oai_openaire".equals(format.prefix()) || OaiXml.OAIRE.equals(format.namespace())) {
            return openAire(payload);
        }
        if ("rioxx".equals(format.prefix()) || format.namespace().startsWith("http://www.rioxx.net/schema/")) {
            return rioxx(payload);
        }
        return List.of();
    }

    private static List<String> openAire(Element payload) {
        List<String> problems = new ArrayList<>();
        require(problems, payload, OaiXml.DATACITE, "title", e -> true, "no title (datacite:title)");
        require(problems, payload, OaiXml.DATACITE, "date", e -> "Issued".equals(e.getAttribute("dateType")),
                "no publication date (datacite:date dateType=\"Issued\")");
        require(problems, payload, OaiXml.OAIRE, "resourceType",
                e -> e.getAttribute("uri").startsWith(COAR_RESOURCE_TYPE),
                "no COAR resource type (oaire:resourceType with a uri under " + COAR_RESOURCE_TYPE + ")");
        require(problems, payload, OaiXml.DATACITE, "identifier", e -> true, "no identifier (datacite:identifier)");
        require(problems, payload, OaiXml.DATACITE, "rights",
                e -> e.getAttribute("rightsURI").startsWith(COAR_ACCESS_RIGHT),
                "no COAR access rights (datacite:rights with a rightsURI under " + COAR_ACCESS_RIGHT + ")");
        return problems;
    }

    private static void require(List<String> problems, Element payload, String ns, String local,
                                Predicate<Element> condition, String problem) {
        boolean found = OaiXml.descendants(payload, ns, local).stream()
                              .anyMatch(e -> !e.getTextContent().isBlank() && condition.test(e));
        if (!found) {
            problems.add(problem);
        }
    }

    private static List<String> rioxx(Element payload) {
        List<String> problems = new ArrayList<>();
        exactlyOne(problems, payload, OaiXml.DC, "identifier", "dc:identifier", " (the landing page)");
        exactlyOne(problems, payload, OaiXml.DC, "title", "dc:title", "");
        exactlyOne(problems, payload, OaiXml.DCTERMS, "dateAccepted", "dcterms:dateAccepted", "");
        return problems;
    }

    private static void exactlyOne(List<String> problems, Element payload, String ns, String local, String name,
                                   String note) {
        int count = OaiXml.children(payload, ns, local).size();
        if (count != 1) {
            problems.add(count + " " + name + " elements; RIOXX requires exactly one" + note);
        }
    }
}
