/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install.oai;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import eu.useit.xml.SafeXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads an XOAI configuration file (XXE-safe, with the line of the first error) and writes a changed DOM back
 * with as little change as DOM allows: the text before and after the root element (XML declaration, leading
 * comments) is kept byte for byte, the root element is written without re-indenting, and the file's line endings
 * and encoding are kept.
 */
final class XoaiFile {

    private XoaiFile() {
    }

    /**
     * Parses a configuration.
     *
     * @param bytes the file's content
     * @param name  the file, for messages
     * @return the namespace-aware document; its root element is {@code Configuration}
     * @throws OaiConfigException naming the file and line if it is not well-formed XML or not an XOAI
     *                            configuration
     */
    static Document parse(byte[] bytes, String name) throws OaiConfigException {
        Document document;
        try {
            document = SafeXml.parse(new ByteArrayInputStream(bytes));
        } catch (SAXParseException e) {
            throw new OaiConfigException(name + ", line " + e.getLineNumber() + ", column " + e.getColumnNumber()
                                             + ": not well-formed XML: " + e.getMessage(), e);
        } catch (SAXException | IOException e) {
            throw new OaiConfigException(name + ": not well-formed XML: " + e.getMessage(), e);
        }
        String root = Dom.name(document.getDocumentElement());
        if (!"Configuration".equals(root)) {
            throw new OaiConfigException(name + ": not an XOAI configuration (the root element is <" + root
                                             + ">, not <Configuration>)");
        }
        return document;
    }

    /**
     * Writes a document that was read from {@code original} and changed since.
     *
     * @param document the changed document
     * @param original the bytes it was read from
     * @return the new file content
     */
    static byte[] write(Document document, byte[] original) {
        Charset charset = charset(document);
        String text = new String(original, charset);
        Element root = document.getDocumentElement();
        int start = rootStart(text);
        String prolog = text.substring(0, start);
        int close = text.lastIndexOf("</" + root.getTagName());
        int end = close < 0 ? -1 : text.indexOf('>', close);
        String epilogue = end < 0 ? "\n" : text.substring(end + 1);
        String body = new String(serialize(root, charset), charset);
        // the root's attributes are never changed: keep its start tag as written (DOM would reorder and rewrap)
        String startTag = text.substring(start, startTagEnd(text, start));
        int bodyStart = startTagEnd(body, 0);
        if (!startTag.endsWith("/>") && !body.substring(0, bodyStart).endsWith("/>")) {
            body = startTag + body.substring(bodyStart);
        }
        String result = prolog + body + epilogue;
        if (text.contains("\r\n")) {
            result = result.replace("\r\n", "\n").replace("\n", "\r\n");
        }
        return result.getBytes(charset);
    }

    private static Charset charset(Document document) {
        String declared = document.getXmlEncoding();
        try {
            return declared == null ? StandardCharsets.UTF_8 : Charset.forName(declared);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /** Where the root element starts: after the XML declaration, processing instructions, comments, blanks. */
    private static int rootStart(String text) {
        int at = 0;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (Character.isWhitespace(c) || c == '\uFEFF') {
                at++;
            } else if (text.startsWith("<?", at)) {
                at = skip(text, at, "?>");
            } else if (text.startsWith("<!--", at)) {
                at = skip(text, at, "-->");
            } else {
                break;
            }
        }
        return at;
    }

    /** Where the start tag at {@code from} ends: after its first {@code >} outside quoted attribute values. */
    private static int startTagEnd(String text, int from) {
        char quote = 0;
        for (int at = from; at < text.length(); at++) {
            char c = text.charAt(at);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return at + 1;
            }
        }
        return text.length();
    }

    private static int skip(String text, int from, String end) {
        int at = text.indexOf(end, from);
        return at < 0 ? text.length() : at + end.length();
    }

    private static byte[] serialize(Element root, Charset charset) {
        try {
            TransformerFactory factory = TransformerFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.METHOD, "xml");
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            transformer.setOutputProperty(OutputKeys.INDENT, "no");
            transformer.setOutputProperty(OutputKeys.ENCODING, charset.name());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(root), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("the JDK cannot serialise a DOM document: " + e.getMessage(), e);
        }
    }
}
