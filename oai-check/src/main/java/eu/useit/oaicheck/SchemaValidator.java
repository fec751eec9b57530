/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.oaicheck;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import eu.useit.xml.SafeXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;
import org.xml.sax.SAXParseException;

/**
 * Validates OAI-PMH responses against {@code OAI-PMH.xsd} and their payloads against the schema of their metadata
 * format, all resolved offline through a {@link SchemaCatalog}. The envelope is validated with every payload
 * (metadata, about, description, setDescription) replaced by a placeholder, and each payload on its own against
 * its own schema, so an unknown payload schema never hides envelope errors. Compiled schemas are kept.
 */
final class SchemaValidator {

    private static final String PLACEHOLDER_NS = "urn:x-useit:oai-check:placeholder";
    private static final String PLACEHOLDER_XSD = "<xs:schema xmlns:xs='http://www.w3.org/2001/XMLSchema' "
        + "targetNamespace='" + PLACEHOLDER_NS + "'><xs:element name='payload'/></xs:schema>";
    private static final String VERSIONING = "http://www.w3.org/2007/XMLSchema-versioning";
    private static final String[] CONTAINERS = {"metadata", "about", "description", "setDescription"};
    private static final int MAX_ERRORS = 3;
    private static final String OFF = "schema validation is off (no schema folder)";

    /**
     * The outcome of one validation: the errors (empty when valid), or why it could not be done.
     *
     * @param errors      validation errors, at most a few
     * @param unavailable why no schema could be used, or null
     */
    record Verdict(List<String> errors, String unavailable) {

        boolean valid() {
            return unavailable == null && errors.isEmpty();
        }
    }

    private record Compiled(Schema schema, String reason, String targetNamespace) {
    }

    private final SchemaCatalog catalog;
    private final Map<String, Compiled> compiled = new HashMap<>();
    private Compiled envelope;

    private SchemaValidator(SchemaCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @return a validator that validates nothing (no schema folder given)
     */
    static SchemaValidator disabled() {
        return new SchemaValidator(null);
    }

    /**
     * @param dir a folder with the official schemas and their {@code catalog.xml}
     * @return a validator using them
     * @throws IOException if the folder has no catalog, or the catalog no OAI-PMH.xsd
     */
    static SchemaValidator open(Path dir) throws IOException {
        SchemaValidator validator = new SchemaValidator(SchemaCatalog.open(dir));
        if (validator.catalog.resolve(OaiXml.OAI_PMH_XSD) == null) {
            throw new IOException("the catalog in " + dir + " has no copy of " + OaiXml.OAI_PMH_XSD);
        }
        return validator;
    }

    boolean enabled() {
        return catalog != null;
    }

    /**
     * @return true when schemas that need XSD 1.1 can be compiled
     */
    static boolean xsd11Available() {
        return SchemaFactories.xsd11() != null;
    }

    /**
     * @param response a whole OAI-PMH response
     * @return its envelope checked against OAI-PMH.xsd, payloads left out
     */
    Verdict envelope(Document response) {
        if (catalog == null) {
            return new Verdict(List.of(), OFF);
        }
        if (envelope == null) {
            envelope = compileEnvelope();
        }
        if (envelope.schema() == null) {
            return new Verdict(List.of(), envelope.reason());
        }
        Document copy = (Document) response.cloneNode(true);
        for (String container : CONTAINERS) {
            for (Element element : OaiXml.descendants(copy.getDocumentElement(), OaiXml.OAI, container)) {
                for (Element payload : OaiXml.elements(element)) {
                    element.replaceChild(copy.createElementNS(PLACEHOLDER_NS, "payload"), payload);
                }
            }
        }
        return validate(envelope.schema(), copy);
    }

    /**
     * @param payload        the payload's root element
     * @param schemaLocation the schema its metadata format declares
     * @return the payload checked against that schema
     */
    Verdict payload(Element payload, String schemaLocation) {
        if (catalog == null) {
            return new Verdict(List.of(), OFF);
        }
        Compiled schema = compiled.computeIfAbsent(schemaLocation, l -> compile(l, catalog.resolve(l)));
        return schema.schema() == null ? new Verdict(List.of(), schema.reason()) : validate(schema.schema(), payload);
    }

    /**
     * @param payload an Identify description, a record's about or a set description
     * @return it checked against the schema its {@code xsi:schemaLocation} names, or its namespace's schema
     */
    Verdict embedded(Element payload) {
        if (catalog == null) {
            return new Verdict(List.of(), OFF);
        }
        String namespace = payload.getNamespaceURI();
        String location = hint(payload.getAttributeNS(OaiXml.XSI, "schemaLocation"), namespace);
        if (location != null && catalog.resolve(location) != null) {
            return payload(payload, location);
        }
        String key = "namespace " + namespace;
        Compiled schema = compiled.computeIfAbsent(key, k -> namespace == null
            ? new Compiled(null, "an element in no namespace has no schema", null)
            : compile(location != null ? location : namespace, catalog.resolveNamespace(namespace)));
        return schema.schema() == null ? new Verdict(List.of(), schema.reason()) : validate(schema.schema(), payload);
    }

    /**
     * @param schemaLocation a schema URL
     * @return the target namespace of its local copy, or null when there is none or it does not compile
     */
    String targetNamespace(String schemaLocation) {
        if (catalog == null) {
            return null;
        }
        return compiled.computeIfAbsent(schemaLocation, l -> compile(l, catalog.resolve(l))).targetNamespace();
    }

    private static String hint(String schemaLocation, String namespace) {
        String[] parts = schemaLocation.trim().split("\\s+");
        for (int i = 0; i + 1 < parts.length; i += 2) {
            if (parts[i].equals(namespace)) {
                return parts[i + 1];
            }
        }
        return null;
    }

    private Compiled compileEnvelope() {
        String local = catalog.resolve(OaiXml.OAI_PMH_XSD);
        OfflineResolver resolver = new OfflineResolver(catalog);
        SchemaFactory factory = SchemaFactories.xsd10();
        factory.setResourceResolver(resolver);
        Errors errors = new Errors();
        factory.setErrorHandler(errors);
        try {
            Schema schema = factory.newSchema(new Source[] {new StreamSource(local),
                new StreamSource(new StringReader(PLACEHOLDER_XSD), "urn:x-useit:oai-check:placeholder.xsd")});
            return errors.list.isEmpty() ? new Compiled(schema, null, OaiXml.OAI)
                : new Compiled(null, "OAI-PMH.xsd does not compile: " + errors.list.get(0), null);
        } catch (SAXException e) {
            return new Compiled(null, "OAI-PMH.xsd does not compile: " + e.getMessage(), null);
        }
    }

    private Compiled compile(String location, String local) {
        if (local == null) {
            return new Compiled(null, "no local copy of " + location + " in the schema catalog", null);
        }
        String targetNamespace;
        boolean xsd11;
        try (InputStream in = new URL(local).openStream()) {
            Element root = SafeXml.parse(in).getDocumentElement();
            targetNamespace = root.hasAttribute("targetNamespace") ? root.getAttribute("targetNamespace") : null;
            String minVersion = root.getAttributeNS(VERSIONING, "minVersion");
            xsd11 = !minVersion.isEmpty() && Double.parseDouble(minVersion) >= 1.1;
        } catch (IOException | SAXException | NumberFormatException e) {
            return new Compiled(null, "cannot read " + local + ": " + e.getMessage(), null);
        }
        SchemaFactory factory = xsd11 ? SchemaFactories.xsd11() : SchemaFactories.xsd10();
        if (factory == null) {
            return new Compiled(null, location + " is an XSD 1.1 schema (vc:minVersion) and no XSD 1.1 processor "
                + "(Xerces-J xml-schema-1.1) is on the class path", targetNamespace);
        }
        OfflineResolver resolver = new OfflineResolver(catalog);
        factory.setResourceResolver(resolver);
        Errors errors = new Errors();
        factory.setErrorHandler(errors);
        String failure = null;
        Schema schema = null;
        try {
            schema = factory.newSchema(new StreamSource(local));
        } catch (SAXException e) {
            failure = e.getMessage();
        }
        if (!resolver.missing().isEmpty()) {
            return new Compiled(null, location + " imports " + String.join(", ", resolver.missing())
                + ", which the schema catalog has no copy of", targetNamespace);
        }
        if (failure != null || !errors.list.isEmpty()) {
            return new Compiled(null, location + " does not compile: "
                + (failure != null ? failure : errors.list.get(0)), targetNamespace);
        }
        return new Compiled(schema, null, targetNamespace);
    }

    private Verdict validate(Schema schema, Node node) {
        Validator validator = schema.newValidator();
        validator.setResourceResolver(new OfflineResolver(catalog));
        forbidExternalAccess(validator);
        Errors errors = new Errors();
        validator.setErrorHandler(errors);
        try {
            validator.validate(new DOMSource(node));
        } catch (SAXException e) {
            if (errors.list.isEmpty()) {
                errors.list.add(e.getMessage());
            }
        } catch (IOException e) {
            errors.list.add("cannot validate: " + e.getMessage());
        }
        return new Verdict(errors.list.size() > MAX_ERRORS ? errors.list.subList(0, MAX_ERRORS) : errors.list,
                           null);
    }

    private static void forbidExternalAccess(Validator validator) {
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
            // Xerces does not know these JAXP 1.5 properties; its validator loads nothing: the grammar is fixed
        }
    }

    /**
     * Collects errors; warnings (such as an import that could not be read) are left to the resolver's account.
     */
    private static final class Errors implements ErrorHandler {

        private final List<String> list = new ArrayList<>();

        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) {
            list.add(e.getMessage());
        }

        @Override
        public void fatalError(SAXParseException e) {
            list.add(e.getMessage());
        }
    }
}
