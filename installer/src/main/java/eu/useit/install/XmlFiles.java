/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import eu.useit.xml.SafeXml;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.Text;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reading DSpace configuration XML safely (a DOCTYPE is accepted, never followed) with one-line messages, and
 * comparing two elements for what DSpace reads of them.
 */
final class XmlFiles {

    private XmlFiles() {
    }

    /**
     * @param bytes the file's content
     * @param name  the file, for messages
     * @return the document
     * @throws InstallException naming the file, line and column if it is not well-formed XML
     */
    static Document parse(byte[] bytes, String name) throws InstallException {
        try {
            return SafeXml.parseWithDoctype(new ByteArrayInputStream(bytes));
        } catch (SAXParseException e) {
            throw new InstallException(name + ", line " + e.getLineNumber() + ", column " + e.getColumnNumber()
                                           + ": not well-formed XML: " + e.getMessage(), e);
        } catch (SAXException | IOException e) {
            throw new InstallException(name + ": not well-formed XML: " + e.getMessage(), e);
        }
    }

    /**
     * @param document a parsed file
     * @return the encoding its XML declaration names (UTF-8 if none, or if unknown to the JVM)
     */
    static Charset charset(Document document) {
        String declared = document.getXmlEncoding();
        try {
            return declared == null ? StandardCharsets.UTF_8 : Charset.forName(declared);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /**
     * Whether two elements say the same to a reader that ignores comments, blank text between elements and how
     * text is wrapped: same names, attributes (in any order) and text.
     *
     * @param one   an element's text
     * @param other another element's text
     * @return whether they are the same; false if either cannot be read on its own
     */
    static boolean same(String one, String other) {
        try {
            Document a = SafeXml.parse(new ByteArrayInputStream(one.getBytes(StandardCharsets.UTF_8)));
            Document b = SafeXml.parse(new ByteArrayInputStream(other.getBytes(StandardCharsets.UTF_8)));
            normalise(a.getDocumentElement());
            normalise(b.getDocumentElement());
            return a.getDocumentElement().isEqualNode(b.getDocumentElement());
        } catch (SAXException | IOException e) {
            return false;
        }
    }

    /** Drops comments and processing instructions, then blank text; collapses the blanks of other text. */
    private static void normalise(Node element) {
        strip(element);
        element.normalize();
        collapse(element);
    }

    private static void strip(Node node) {
        Node child = node.getFirstChild();
        while (child != null) {
            Node next = child.getNextSibling();
            if (child.getNodeType() == Node.COMMENT_NODE || child.getNodeType() == Node.PROCESSING_INSTRUCTION_NODE) {
                node.removeChild(child);
            } else {
                strip(child);
            }
            child = next;
        }
    }

    private static void collapse(Node node) {
        Node child = node.getFirstChild();
        while (child != null) {
            Node next = child.getNextSibling();
            if (child instanceof Text text) {
                String collapsed = text.getData().strip().replaceAll("\\s+", " ");
                if (collapsed.isEmpty()) {
                    node.removeChild(child);
                } else {
                    text.setData(collapsed);
                }
            } else {
                collapse(child);
            }
            child = next;
        }
    }
}
