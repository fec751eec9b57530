/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.oaicheck;

import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Namespaces of OAI-PMH responses and their payloads, and the few DOM look-ups the checks need.
 */
final class OaiXml {

    static final String OAI = "http://www.openarchives.org/OAI/2.0/";
    static final String OAI_IDENTIFIER = "http://www.openarchives.org/OAI/2.0/oai-identifier";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    static final String DC = "http://purl.org/dc/elements/1.1/";
    static final String DCTERMS = "http://purl.org/dc/terms/";
    static final String DATACITE = "http://datacite.org/schema/kernel-4";
    static final String OAIRE = "http://namespace.openaire.eu/schema/oaire/";
    static final String RIOXX = "http://www.rioxx.net/schema/v3.0/rioxx/";
    static final String OAI_PMH_XSD = "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd";

    private OaiXml() {
    }

    /**
     * @return the child elements of {@code parent} in namespace {@code ns} named {@code local}
     */
    static List<Element> children(Element parent, String ns, String local) {
        List<Element> found = new ArrayList<>();
        for (Element child : elements(parent)) {
            if (ns.equals(child.getNamespaceURI()) && local.equals(child.getLocalName())) {
                found.add(child);
            }
        }
        return found;
    }

    /**
     * @return the first such child, or null
     */
    static Element child(Element parent, String ns, String local) {
        List<Element> found = parent == null ? List.of() : children(parent, ns, local);
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * @return the trimmed text of the first such child, or null when there is none
     */
    static String childText(Element parent, String ns, String local) {
        Element child = child(parent, ns, local);
        return child == null ? null : child.getTextContent().trim();
    }

    /**
     * @return every element directly below {@code parent}
     */
    static List<Element> elements(Element parent) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                found.add((Element) n);
            }
        }
        return found;
    }

    /**
     * @return every element below {@code root}, at any depth, in namespace {@code ns} named {@code local}
     */
    static List<Element> descendants(Element root, String ns, String local) {
        List<Element> found = new ArrayList<>();
        NodeList list = root.getElementsByTagNameNS(ns, local);
        for (int i = 0; i < list.getLength(); i++) {
            found.add((Element) list.item(i));
        }
        return found;
    }
}
