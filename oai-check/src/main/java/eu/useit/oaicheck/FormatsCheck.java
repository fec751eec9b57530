/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.oaicheck;

import java.util.HashSet;
import java.util.Set;

import org.w3c.dom.Element;

/**
 * ListMetadataFormats: every format has prefix, schema and namespace, no prefix twice, the schema's target
 * namespace is the declared namespace, and {@code oai_dc} (which every aggregator harvests) is there.
 *
 * @param context the check's shared state
 */
record FormatsCheck(CheckContext context) {

    private static final String AREA = "ListMetadataFormats";

    /**
     * Asks for the formats and records them in the context.
     */
    void run() {
        CheckRequest request = CheckRequest.get(CheckRequest.query("verb", AREA));
        Element list = context.responses().verbElement(context.client().send(request), AREA);
        if (list == null) {
            return;
        }
        Findings findings = context.findings();
        Set<String> prefixes = new HashSet<>();
        for (Element element : OaiXml.children(list, OaiXml.OAI, "metadataFormat")) {
            MetadataFormat format = new MetadataFormat(text(element, "metadataPrefix"), text(element, "schema"),
                                                       text(element, "metadataNamespace"));
            if (format.prefix().isEmpty()) {
                findings.add(AREA, "a metadataFormat without metadataPrefix", request.label());
                continue;
            }
            if (!prefixes.add(format.prefix())) {
                findings.add(AREA, "metadataPrefix '" + format.prefix() + "' is listed twice", request.label());
                continue;
            }
            context.formats().add(format);
            checkNamespace(format, request.label());
        }
        if (!prefixes.contains("oai_dc")) {
            findings.add("aggregators", "oai_dc is not offered (BASE, CORE and OpenAIRE harvest it)",
                         request.label());
        }
        context.progress("formats: " + String.join(", ", prefixes));
    }

    private void checkNamespace(MetadataFormat format, String request) {
        if (!context.schemas().enabled() || format.schema().isEmpty()) {
            return;
        }
        String target = context.schemas().targetNamespace(format.schema());
        if (target != null && !target.equals(format.namespace())) {
            context.findings().add(AREA, format.prefix() + " declares namespace " + format.namespace()
                + " but its schema " + format.schema() + " defines " + target, request);
        }
    }

    private static String text(Element parent, String local) {
        String text = OaiXml.childText(parent, OaiXml.OAI, local);
        return text == null ? "" : text;
    }
}
