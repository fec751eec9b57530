/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import eu.useit.xml.SafeXml;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * What a DSpace metadata registry file ({@code <dspace-dc-types>}, the format of DSpace's
 * {@code MetadataImporter}) declares: schemas and fields.
 *
 * @param schemas the schemas, by name and namespace
 * @param fields  the fields
 */
record RegistryFile(List<Schema> schemas, List<Field> fields) {

    /**
     * A schema.
     *
     * @param name      its short name ({@code useit})
     * @param namespace its namespace
     */
    record Schema(String name, String namespace) {
    }

    /**
     * A field.
     *
     * @param schema    its schema's short name ({@code dc} when the file names none, as DSpace reads it)
     * @param element   its element
     * @param qualifier its qualifier, or null
     */
    record Field(String schema, String element, String qualifier) {

        @Override
        public String toString() {
            return schema + "." + element + (qualifier == null ? "" : "." + qualifier);
        }
    }

    /**
     * @param content a registry file
     * @param name    the file, for messages
     * @return what it declares
     * @throws InstallException if it is not a well-formed registry file
     */
    static RegistryFile parse(byte[] content, String name) throws InstallException {
        Element root;
        try {
            root = SafeXml.parse(new ByteArrayInputStream(content)).getDocumentElement();
        } catch (SAXException | IOException e) {
            throw new InstallException(name + ": not well-formed XML: " + e.getMessage(), e);
        }
        if (!"dspace-dc-types".equals(root.getTagName())) {
            throw new InstallException(name + ": not a metadata registry (the root element is <" + root.getTagName()
                                           + ">)");
        }
        List<Schema> schemas = new ArrayList<>();
        List<Field> fields = new ArrayList<>();
        for (Node node = root.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (!(node instanceof Element element)) {
                continue;
            }
            if ("dc-schema".equals(element.getTagName())) {
                schemas.add(new Schema(text(element, "name"), text(element, "namespace")));
            } else if ("dc-type".equals(element.getTagName())) {
                String schema = text(element, "schema");
                String qualifier = text(element, "qualifier");
                fields.add(new Field(schema == null ? "dc" : schema, text(element, "element"), qualifier));
            }
        }
        return new RegistryFile(List.copyOf(schemas), List.copyOf(fields));
    }

    private static String text(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(element.getTagName())) {
                String text = element.getTextContent().strip();
                return text.isEmpty() ? null : text;
            }
        }
        return null;
    }
}
