/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.tests.support;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.catalog.CatalogFeatures;
import javax.xml.catalog.CatalogManager;
import javax.xml.catalog.CatalogResolver;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.apache.xerces.jaxp.validation.XMLSchema11Factory;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * Validates OAI-PMH responses, payload included, against the official schemas kept offline in
 * {@code ../shared/schemas}, resolved through its XML catalog and the addon's catalog of the schemas it ships
 * ({@code eu/useit/oaicheck/catalog.xml}: the useit and qdc schemas, and stand-ins for DCMI's qualified-DC
 * schemas, which the offline set lacks). Nothing is fetched from the network: a schema URL neither catalog maps is
 * an error.
 *
 * @param schema   the compiled OAI-PMH schema with the payloads' schemas
 * @param resolver resolves the schemas' imports offline
 * @param jdk      whether the JDK's own schema processor compiled it (XSD 1.0) rather than Xerces-J (XSD 1.1)
 */
public record OaiSchemas(Schema schema, LSResourceResolver resolver, boolean jdk) {

    private static final String SHIPPED_CATALOG = "/eu/useit/oaicheck/catalog.xml";

    /**
     * A validator for XSD 1.0 payloads, by the JDK's own schema processor.
     *
     * @param payloads schema files of the metadata formats to check, relative to the schemas folder
     *                 (e.g. {@code oai-pmh/2.0/oai_dc.xsd}), or {@code classpath:/...} for one shipped in a jar
     * @return a validator for OAI-PMH responses carrying those payloads
     * @throws Exception if a schema does not compile
     */
    public static OaiSchemas forPayloads(String... payloads) throws Exception {
        return compile(SchemaFactory.newDefaultInstance(), true, payloads);
    }

    /**
     * A validator for XSD 1.1 payloads (RIOXX v3), by Xerces-J's XSD 1.1 processor. Its factory is created
     * directly rather than looked up through JAXP, so the rest of the suite keeps the schema processors it had.
     *
     * @param payloads as for {@link #forPayloads(String...)}
     * @return a validator for OAI-PMH responses carrying those payloads
     * @throws Exception if a schema does not compile
     */
    public static OaiSchemas forXsd11Payloads(String... payloads) throws Exception {
        return compile(new XMLSchema11Factory(), false, payloads);
    }

    private static OaiSchemas compile(SchemaFactory factory, boolean jdk, String... payloads) throws Exception {
        Path dir = Path.of(System.getProperty("useit.schemas", "../../shared/schemas")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(dir.resolve("catalog.xml"))) {
            throw new IllegalStateException("no schema catalog at " + dir + " (useit.schemas)");
        }
        LSResourceResolver resolver = offline(dir);
        factory.setResourceResolver(resolver);
        if (jdk) {
            // Xerces-J does not know these JAXP 1.5 properties; its schemas are held offline by the resolver alone.
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        }
        List<Source> sources = new ArrayList<>();
        sources.add(new StreamSource(dir.resolve("oai-pmh/2.0/OAI-PMH.xsd").toFile()));
        sources.add(new StreamSource(dir.resolve("oai-pmh/2.0/oai-identifier.xsd").toFile()));
        for (String payload : payloads) {
            URL resource = payload.startsWith("classpath:")
                ? OaiSchemas.class.getResource(payload.substring("classpath:".length())) : null;
            sources.add(resource != null ? new StreamSource(resource.toString())
                            : new StreamSource(dir.resolve(payload).toFile()));
        }
        return new OaiSchemas(factory.newSchema(sources.toArray(new Source[0])), resolver, jdk);
    }

    /**
     * The shared catalog first, then the addon's; an http(s) URL that neither maps is refused rather than
     * fetched, so a missing offline schema fails loudly instead of hanging on the network.
     */
    private static LSResourceResolver offline(Path dir) throws Exception {
        CatalogResolver catalogs = CatalogManager.catalogResolver(
            CatalogFeatures.builder().with(CatalogFeatures.Feature.RESOLVE, "continue").build(),
            dir.resolve("catalog.xml").toUri(), OaiSchemas.class.getResource(SHIPPED_CATALOG).toURI());
        return (type, namespace, publicId, systemId, baseUri) -> {
            LSInput input = catalogs.resolveResource(type, namespace, publicId, systemId, baseUri);
            if (input == null && systemId != null) {
                URI target = baseUri != null ? URI.create(baseUri).resolve(systemId) : URI.create(systemId);
                if ("http".equals(target.getScheme()) || "https".equals(target.getScheme())) {
                    throw new IllegalStateException("schema not in the offline catalogs: " + target);
                }
            }
            return input;
        };
    }

    /**
     * @param xml a whole OAI-PMH response
     * @return every validation error (line: message); empty when the response is valid
     * @throws Exception if the response cannot be read at all
     */
    public List<String> errors(String xml) throws Exception {
        List<String> errors = new ArrayList<>();
        Validator validator = schema.newValidator();
        // Schema hints in the response (xsi:schemaLocation) must not lead anywhere but the offline catalogs.
        validator.setResourceResolver(resolver);
        if (jdk) {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        }
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
            }
        });
        validator.validate(new StreamSource(new StringReader(xml)));
        return errors;
    }
}
