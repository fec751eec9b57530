/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.tests.support;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;

import eu.useit.xml.SafeXml;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * XXE-safe XML parsing (the addon's {@link SafeXml}) and XPath with the namespace prefixes OAI-PMH tests use
 * ({@code oai}, {@code oai_dc}, {@code dc}, {@code dcterms}, {@code qdc}, {@code rioxx}, {@code rioxxterms},
 * {@code xsi}).
 */
public final class Xml {

    private static final Map<String, String> NAMESPACES = Map.of(
        "oai", "http://www.openarchives.org/OAI/2.0/",
        "oai_dc", "http://www.openarchives.org/OAI/2.0/oai_dc/",
        "dc", "http://purl.org/dc/elements/1.1/",
        "dcterms", "http://purl.org/dc/terms/",
        "qdc", "https://w3id.org/useit/ns/qdc/1.0/",
        "rioxx", "http://www.rioxx.net/schema/v3.0/rioxx/",
        "rioxxterms", "http://www.rioxx.net/schema/v3.0/rioxxterms/",
        "xsi", "http://www.w3.org/2001/XMLSchema-instance");

    private Xml() {
    }

    /**
     * Parses a document without ever resolving a DTD or external entity.
     *
     * @param text the XML
     * @return the DOM document
     * @throws Exception if the text is not well-formed XML
     */
    public static Document parse(String text) throws Exception {
        return SafeXml.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * @param context    node to evaluate from
     * @param expression XPath with the known prefixes
     * @return the string value
     * @throws XPathExpressionException if the expression is invalid
     */
    public static String string(Node context, String expression) throws XPathExpressionException {
        return (String) xpath().evaluate(expression, context, XPathConstants.STRING);
    }

    /**
     * @param context    node to evaluate from
     * @param expression XPath with the known prefixes
     * @return the matching nodes, in document order
     * @throws XPathExpressionException if the expression is invalid
     */
    public static List<Node> nodes(Node context, String expression) throws XPathExpressionException {
        NodeList list = (NodeList) xpath().evaluate(expression, context, XPathConstants.NODESET);
        List<Node> result = new ArrayList<>(list.getLength());
        for (int i = 0; i < list.getLength(); i++) {
            result.add(list.item(i));
        }
        return result;
    }

    /**
     * @param context    node to evaluate from
     * @param expression XPath with the known prefixes
     * @return the string values of the matching nodes
     * @throws XPathExpressionException if the expression is invalid
     */
    public static List<String> strings(Node context, String expression) throws XPathExpressionException {
        List<String> values = new ArrayList<>();
        for (Node node : nodes(context, expression)) {
            values.add(node.getTextContent());
        }
        return values;
    }

    private static XPath xpath() {
        XPath xpath = XPathFactory.newDefaultInstance().newXPath();
        xpath.setNamespaceContext(new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return NAMESPACES.getOrDefault(prefix, XMLConstants.NULL_NS_URI);
            }

            @Override
            public String getPrefix(String uri) {
                return null;
            }

            @Override
            public Iterator<String> getPrefixes(String uri) {
                return null;
            }
        });
        return xpath;
    }
}
