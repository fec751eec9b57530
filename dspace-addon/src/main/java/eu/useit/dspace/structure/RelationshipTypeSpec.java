/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.structure;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import eu.useit.xml.SafeXml;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * One relationship type as declared in a DSpace relationship-types file (the file DSpace's
 * {@code initialize-entities} loads): which item types it joins and under which names.
 *
 * @param leftType      entity type of the left item
 * @param rightType     entity type of the right item
 * @param leftwardType  name seen from the left item
 * @param rightwardType name seen from the right item
 */
public record RelationshipTypeSpec(String leftType, String rightType, String leftwardType, String rightwardType) {

    /**
     * Reads every {@code <type>} of a relationship-types file.
     *
     * @param in the XML
     * @return the declared types, in file order
     * @throws IOException if the file is malformed or a type lacks one of the four names
     */
    public static List<RelationshipTypeSpec> read(InputStream in) throws IOException {
        NodeList types;
        try {
            types = SafeXml.parse(in).getDocumentElement().getElementsByTagName("type");
        } catch (SAXException e) {
            throw new IOException("not a well-formed relationship-types file: " + e.getMessage(), e);
        }
        List<RelationshipTypeSpec> specs = new ArrayList<>();
        for (int i = 0; i < types.getLength(); i++) {
            Element type = (Element) types.item(i);
            specs.add(new RelationshipTypeSpec(text(type, "leftType"), text(type, "rightType"),
                                               text(type, "leftwardType"), text(type, "rightwardType")));
        }
        return specs;
    }

    private static String text(Element type, String name) throws IOException {
        NodeList found = type.getElementsByTagName(name);
        String value = found.getLength() == 0 ? "" : found.item(0).getTextContent().strip();
        if (value.isEmpty()) {
            throw new IOException("a relationship <type> has no <" + name + ">");
        }
        return value;
    }

    /**
     * @return how the type reads in reports, e.g. {@code CaseStudy isProjectOfCaseStudy/isCaseStudyOfProject Project}
     */
    public String describe() {
        return leftType + " " + leftwardType + "/" + rightwardType + " " + rightType;
    }
}
