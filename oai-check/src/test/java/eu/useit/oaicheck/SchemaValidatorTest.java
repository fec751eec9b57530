/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.oaicheck;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Assume;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class SchemaValidatorTest {

    private static final String XSD_11 = "<xs:schema xmlns:xs='http://www.w3.org/2001/XMLSchema' "
        + "xmlns:vc='http://www.w3.org/2007/XMLSchema-versioning' vc:minVersion='1.1' targetNamespace='urn:t'>"
        + "<xs:element name='range'><xs:complexType><xs:attribute name='min' type='xs:int'/>"
        + "<xs:attribute name='max' type='xs:int'/><xs:assert test='@min le @max'/></xs:complexType></xs:element>"
        + "</xs:schema>";

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private Path shared;

    @Before
    public void findSchemas() {
        shared = Path.of(System.getProperty("useit.schemas", "../../shared/schemas")).toAbsolutePath().normalize();
        Assume.assumeTrue("no schemas at " + shared, Files.isRegularFile(shared.resolve("catalog.xml")));
    }

    @Test
    public void xsd11SchemasAreCompiledWithXerces() throws Exception {
        Path dir = folder.getRoot().toPath();
        Files.writeString(dir.resolve("range.xsd"), XSD_11, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("catalog.xml"), "<catalog xmlns='urn:oasis:names:tc:entity:xmlns:xml:catalog'>"
            + "<system systemId='" + OaiXml.OAI_PMH_XSD + "' uri='"
            + shared.resolve("oai-pmh/2.0/OAI-PMH.xsd").toUri() + "'/>"
            + "<system systemId='http://example.org/range.xsd' uri='range.xsd'/></catalog>", StandardCharsets.UTF_8);
        SchemaValidator validator = SchemaValidator.open(dir);
        assertThat(SchemaValidator.xsd11Available(), is(true));
        SchemaValidator.Verdict good = validator.payload(AggregatorRulesTest.xml(
            "<t:range xmlns:t='urn:t' min='1' max='2'/>"), "http://example.org/range.xsd");
        assertThat(good.unavailable(), is(nullValue()));
        assertThat(good.errors(), is(empty()));
        SchemaValidator.Verdict bad = validator.payload(AggregatorRulesTest.xml(
            "<t:range xmlns:t='urn:t' min='3' max='2'/>"), "http://example.org/range.xsd");
        assertThat(bad.errors(), hasItem(containsString("cvc-assertion")));
    }

    @Test
    public void rioxxIsValidatedWithTheDublinCoreStandInsOfTheAddonJar() throws Exception {
        SchemaValidator.Verdict verdict = SchemaValidator.open(shared).payload(AggregatorRulesTest.xml(
            "<rioxx xmlns='" + OaiXml.RIOXX + "'/>"), "http://www.rioxx.net/schema/v3.0/rioxx/rioxx.xsd");
        assertThat(verdict.unavailable(), is(nullValue()));
        assertThat(verdict.errors().isEmpty(), is(false));
    }

    @Test
    public void theNativeFormatIsValidatedWithTheSchemaInTheAddonJar() throws Exception {
        String record = "<record xmlns='https://w3id.org/useit/ns/1.0/'><title>T</title></record>";
        SchemaValidator.Verdict verdict = SchemaValidator.open(shared)
            .payload(AggregatorRulesTest.xml(record), "https://w3id.org/useit/ns/1.0/useit.xsd");
        assertThat(verdict.unavailable(), is(nullValue()));
        assertThat(verdict.errors(), hasItem(containsString("provenance")));
    }

    @Test
    public void envelopeIsValidatedWithoutItsPayloads() throws Exception {
        SchemaValidator validator = SchemaValidator.open(shared);
        String envelope = "<OAI-PMH xmlns='http://www.openarchives.org/OAI/2.0/'>"
            + "<responseDate>2024-01-01T00:00:00Z</responseDate><request>http://x.example/oai</request>"
            + "<GetRecord><record><header><identifier>oai:x.example:1</identifier>"
            + "<datestamp>2024-01-01T00:00:00Z</datestamp></header>"
            + "<metadata><unknown xmlns='urn:no-schema'/></metadata></record></GetRecord></OAI-PMH>";
        assertThat(validator.envelope(AggregatorRulesTest.xml(envelope).getOwnerDocument()).errors(), is(empty()));
        String broken = envelope.replace("<datestamp>", "<datestampp>").replace("</datestamp>", "</datestampp>");
        assertThat(validator.envelope(AggregatorRulesTest.xml(broken).getOwnerDocument()).errors(),
                   not(empty()));
    }
}
