/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.oaicheck;

import javax.xml.XMLConstants;
import javax.xml.validation.SchemaFactory;

import org.xml.sax.SAXException;

/**
 * The two schema processors: the JDK's own for XSD 1.0, and Apache Xerces-J 2.12.2 built with XML Schema 1.1
 * (its {@code xml-schema-1.1} jar) for schemas that declare {@code vc:minVersion="1.1"}, when that jar is on the
 * class path. The JDK has no XSD 1.1 processor.
 */
final class SchemaFactories {

    /**
     * The schema language name of XSD 1.1 in JAXP.
     */
    static final String XSD_11 = "http://www.w3.org/XML/XMLSchema/v1.1";

    private static final String XERCES_XSD_11 = "org.apache.xerces.jaxp.validation.XMLSchema11Factory";

    private SchemaFactories() {
    }

    /**
     * @return the JDK's XSD 1.0 processor, reading local files and jars only
     */
    static SchemaFactory xsd10() {
        SchemaFactory factory = SchemaFactory.newDefaultInstance();
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        } catch (SAXException e) {
            throw new IllegalStateException("the JDK's schema factory lacks a required feature", e);
        }
        return factory;
    }

    /**
     * @return Xerces' XSD 1.1 processor, or null when it is not on the class path
     */
    static SchemaFactory xsd11() {
        try {
            return SchemaFactory.newInstance(XSD_11, XERCES_XSD_11, SchemaFactories.class.getClassLoader());
        } catch (IllegalArgumentException | LinkageError e) {
            return null;
        }
    }
}
