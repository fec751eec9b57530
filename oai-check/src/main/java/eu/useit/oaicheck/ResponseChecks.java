/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.oaicheck;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import eu.useit.oaipmh.OaiDates;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * What every response must be: HTTP 200, {@code text/xml; charset=UTF-8}, well-formed XML (never HTML, never a
 * stack trace) with an {@code OAI-PMH} root, a UTC {@code responseDate}, the base URL in {@code request}, valid
 * against OAI-PMH.xsd, and its embedded descriptions valid against their own schemas.
 *
 * @param findings the report
 * @param schemas  the schema validator (possibly disabled)
 * @param baseUrl  the base URL requests go to
 */
record ResponseChecks(Findings findings, SchemaValidator schemas, String baseUrl) {

    private static final Pattern STACK_TRACE =
        Pattern.compile("\\sat (java|javax|jdk|sun|org|com|net|io)\\.[\\w$.<>]+\\(");

    /**
     * Checks one response and reports what is wrong with it.
     *
     * @param response the response
     * @param area     the area findings are reported under when the request got no answer
     * @return the OAI-PMH root element, or null when the response is not OAI-PMH XML at all
     */
    Element check(OaiResponse response, String area) {
        String request = response.request().label();
        if (response.failure() != null) {
            findings.add(area, "no answer: " + response.failure(), request);
            return null;
        }
        if (response.status() != 200) {
            findings.add("http", "HTTP status " + response.status() + " instead of 200", request);
        }
        checkContentType(response.contentType(), request);
        if (STACK_TRACE.matcher(response.text()).find()) {
            findings.add("http", "the response shows a Java stack trace", request);
        }
        if (isHtml(response)) {
            findings.add("http", "HTML instead of OAI-PMH XML", request);
            return null;
        }
        Document document;
        try {
            document = response.document();
        } catch (SAXException | IOException e) {
            findings.add("xml", "not well-formed XML: " + (e.getMessage() == null ? e.toString() : e.getMessage()),
                         request);
            return null;
        }
        Element root = document.getDocumentElement();
        if (!OaiXml.OAI.equals(root.getNamespaceURI()) || !"OAI-PMH".equals(root.getLocalName())) {
            findings.add("xml", "the root element is {" + root.getNamespaceURI() + "}" + root.getLocalName()
                + ", not OAI-PMH", request);
            return null;
        }
        checkEnvelope(root, request);
        if (schemas.enabled()) {
            validate(document, request);
        }
        return root;
    }

    /**
     * Checks the answer to a request for one verb and finds the verb's element in it ({@code <Identify>},
     * {@code <ListMetadataFormats>}, ...).
     *
     * @param response the response
     * @param verb     the verb asked for, which is also the area findings are reported under
     * @return the verb's element, or null (after a finding) when the response is not OAI-PMH XML, answers an error
     *         or lacks the element
     */
    Element verbElement(OaiResponse response, String verb) {
        Element root = check(response, verb);
        if (root == null) {
            return null;
        }
        List<String> codes = errorCodes(root);
        Element element = OaiXml.child(root, OaiXml.OAI, verb);
        if (!codes.isEmpty() || element == null) {
            findings.add(verb, codes.isEmpty() ? "no " + verb + " element" : "answered error " + codes,
                         response.request().label());
            return null;
        }
        return element;
    }

    /**
     * @param root an OAI-PMH root element
     * @return the codes of its {@code error} elements
     */
    static List<String> errorCodes(Element root) {
        List<String> codes = new ArrayList<>();
        for (Element error : OaiXml.children(root, OaiXml.OAI, "error")) {
            codes.add(error.getAttribute("code"));
        }
        return codes;
    }

    /**
     * @param response a response
     * @return true when it is an HTML page (by Content-Type or by its first markup)
     */
    static boolean isHtml(OaiResponse response) {
        String type = response.contentType() == null ? "" : response.contentType().toLowerCase(Locale.ROOT);
        String start = response.text().stripLeading();
        start = start.substring(0, Math.min(start.length(), 20)).toLowerCase(Locale.ROOT);
        return type.startsWith("text/html") || start.startsWith("<!doctype html") || start.startsWith("<html");
    }

    private void checkContentType(String contentType, String request) {
        if (contentType == null) {
            findings.add("http", "no Content-Type header (must be text/xml; charset=UTF-8)", request);
            return;
        }
        String[] parts = contentType.split(";");
        String charset = null;
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].trim().split("=", 2);
            if (parameter.length == 2 && parameter[0].trim().equalsIgnoreCase("charset")) {
                charset = parameter[1].trim().replace("\"", "");
            }
        }
        if (!"text/xml".equalsIgnoreCase(parts[0].trim()) || !"UTF-8".equalsIgnoreCase(charset)) {
            findings.add("http", "Content-Type is '" + contentType + "', not text/xml; charset=UTF-8", request);
        }
    }

    private void checkEnvelope(Element root, String request) {
        String responseDate = OaiXml.childText(root, OaiXml.OAI, "responseDate");
        if (responseDate == null || !OaiDates.hasGranularity(responseDate, OaiDates.SECONDS)
            || OaiDates.parse(responseDate) == null) {
            findings.add("xml", "responseDate '" + responseDate + "' is not a UTC datestamp to the second",
                         request);
        }
        Element requestElement = OaiXml.child(root, OaiXml.OAI, "request");
        if (requestElement != null && !baseUrl.equals(requestElement.getTextContent().trim())) {
            findings.add("xml", "the request element holds '" + requestElement.getTextContent().trim()
                + "', not the base URL " + baseUrl, request);
        }
        List<String> codes = errorCodes(root);
        if (requestElement != null && requestElement.hasAttributes()
            && (codes.contains(OaiErrorCode.BAD_VERB.code()) || codes.contains(OaiErrorCode.BAD_ARGUMENT.code()))) {
            findings.add("xml", "the request element repeats the arguments of a request answered with "
                + OaiErrorCode.BAD_VERB.code() + " or " + OaiErrorCode.BAD_ARGUMENT.code()
                + " (it must have no attributes then)", request);
        }
    }

    private void validate(Document document, String request) {
        SchemaValidator.Verdict envelope = schemas.envelope(document);
        if (envelope.unavailable() != null) {
            findings.warn("schema", envelope.unavailable());
        }
        for (String error : envelope.errors()) {
            findings.add("schema", "not valid against OAI-PMH.xsd: " + error, request);
        }
        Element root = document.getDocumentElement();
        for (String container : new String[] {"description", "about", "setDescription"}) {
            for (Element holder : OaiXml.descendants(root, OaiXml.OAI, container)) {
                for (Element payload : OaiXml.elements(holder)) {
                    SchemaValidator.Verdict verdict = schemas.embedded(payload);
                    String name = container + " {" + payload.getNamespaceURI() + "}" + payload.getLocalName();
                    if (verdict.unavailable() != null) {
                        findings.warn("schema", name + " not validated: " + verdict.unavailable());
                    }
                    for (String error : verdict.errors()) {
                        findings.add("schema", name + " not valid against its schema: " + error, request);
                    }
                }
            }
        }
    }
}
