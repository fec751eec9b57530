/*
 * USE-IT! repository addon for DSpace.
 */
package eu.useit.tests.support;

import java.io.StringReader;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * Validates OAI-PMH responses, payload included, against the official schemas kept offline in
 * {@code ../shared/schemas} (resolved through its XML catalog; nothing is fetched from the network).
 */
public final class OaiSchemas {

    private final Schema schema;

    private OaiSchemas(Schema schema) {
        this.schema = schema;
    }

    /**
     * @param payloads schema files of the metadata formats to check, relative to the schemas folder
     *                 (e.g. {@code oai-pmh/2.0/oai_dc.xsd}), or {@code classpath:/...} for one shipped in a jar
     * @return a validator for OAI-PMH responses carrying those payloads
     * @throws Exception if a schema does not compile
     */
    public static OaiSchemas forPayloads(String... payloads) throws Exception {
        Path dir = Path.of(System.getProperty("useit.schemas", "../../shared/schemas")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(dir.resolve("catalog.xml"))) {
            throw new IllegalStateException("no schema catalog at " + dir + " (useit.schemas)");
        }
        SchemaFactory factory = SchemaFactory.newDefaultInstance();
        factory.setProperty("javax.xml.catalog.files", dir.resolve("catalog.xml").toUri().toString());
        factory.setProperty("javax.xml.catalog.resolve", "continue");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        List<Source> sources = new ArrayList<>();
        sources.add(new StreamSource(dir.resolve("oai-pmh/2.0/OAI-PMH.xsd").toFile()));
        sources.add(new StreamSource(dir.resolve("oai-pmh/2.0/oai-identifier.xsd").toFile()));
        for (String payload : payloads) {
            URL resource = payload.startsWith("classpath:")
                ? OaiSchemas.class.getResource(payload.substring("classpath:".length())) : null;
            sources.add(resource != null ? new StreamSource(resource.toString())
                            : new StreamSource(dir.resolve(payload).toFile()));
        }
        return new OaiSchemas(factory.newSchema(sources.toArray(new Source[0])));
    }

    /**
     * @param xml a whole OAI-PMH response
     * @return every validation error (line: message); empty when the response is valid
     * @throws Exception if the response cannot be read at all
     */
    public List<String> errors(String xml) throws Exception {
        List<String> errors = new ArrayList<>();
        Validator validator = schema.newValidator();
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
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
