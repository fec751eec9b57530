/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.xml;

import java.io.IOException;
import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * XML parsing that never reads a DTD, an external entity or an XInclude: the JDK's own parser (whatever other
 * JAXP implementation is on DSpace's class path) with DOCTYPE declarations refused, or, for DSpace's own
 * configuration files that declare one ({@code item-submission.xml}, {@code submission-forms.xml}), accepted but
 * never followed.
 */
public final class SafeXml {

    /** The features one kind of parse sets on top of what every parse sets. */
    @FunctionalInterface
    private interface Features {
        void set(DocumentBuilderFactory factory) throws ParserConfigurationException;
    }

    private SafeXml() {
    }

    /**
     * Parses a namespace-aware DOM document.
     *
     * @param in the XML
     * @return the document
     * @throws IOException  if reading fails
     * @throws SAXException if the XML is malformed or declares a DOCTYPE
     */
    public static Document parse(InputStream in) throws IOException, SAXException {
        return parse(in, factory -> {
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
        });
    }

    /**
     * Parses a namespace-aware DOM document that may declare a DOCTYPE, such as DSpace's
     * {@code <!DOCTYPE item-submission SYSTEM "item-submission.dtd">}: the declaration is kept in the document but
     * nothing outside the input is read (no external DTD, no external entity); entities of an internal subset
     * are expanded within the JDK's secure-processing limits.
     *
     * @param in the XML
     * @return the document
     * @throws IOException  if reading fails
     * @throws SAXException if the XML is malformed
     */
    public static Document parseWithDoctype(InputStream in) throws IOException, SAXException {
        return parse(in, factory -> {
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setValidating(false);
        });
    }

    /**
     * Parses with the JDK's own parser, namespace-aware, in secure-processing mode, with no external DTD or schema
     * access and no XInclude, and with the kind's own features.
     */
    private static Document parse(InputStream in, Features features) throws IOException, SAXException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            features.set(factory);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(in);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a required safety feature", e);
        }
    }
}
