/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.xml;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Test;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * {@link SafeXml}: documents are read namespace-aware; a DOCTYPE is refused by {@code parse}, and by
 * {@code parseWithDoctype} kept without reading anything outside the input (an external DTD or entity).
 */
public class SafeXmlTest {

    private static final String SECRET = "secret-line-of-a-local-file";

    @Test
    public void aDocumentIsReadWithItsNamespaces() throws Exception {
        Document document = SafeXml.parse(xml("<r:a xmlns:r='urn:example'><r:b>text</r:b></r:a>"));

        assertThat(document.getDocumentElement().getNamespaceURI(), is("urn:example"));
        assertThat(document.getDocumentElement().getLocalName(), is("a"));
        assertThat(document.getDocumentElement().getTextContent(), is("text"));
    }

    @Test
    public void aDoctypeIsRefused() throws IOException {
        Path file = secretFile();
        for (String doctype : new String[] {"<!DOCTYPE a [<!ENTITY x SYSTEM '" + file.toUri() + "'>]><a>&x;</a>",
                                            "<!DOCTYPE a [<!ENTITY x 'inner'>]><a>&x;</a>",
                                            "<!DOCTYPE a SYSTEM 'http://127.0.0.1:9/a.dtd'><a/>"}) {
            assertThrows(doctype, SAXException.class, () -> SafeXml.parse(xml(doctype)));
        }
    }

    @Test
    public void aKeptDoctypeReadsNothingOutsideTheInput() throws Exception {
        Path file = secretFile();
        // the external DTD is not fetched (no port listens at 9) and the document is read
        Document withDtd = SafeXml.parseWithDoctype(xml("<!DOCTYPE a SYSTEM 'http://127.0.0.1:9/a.dtd'><a>b</a>"));
        assertThat(withDtd.getDocumentElement().getTextContent(), is("b"));
        // an internal entity is expanded
        Document internal = SafeXml.parseWithDoctype(xml("<!DOCTYPE a [<!ENTITY x 'inner'>]><a>&x;</a>"));
        assertThat(internal.getDocumentElement().getTextContent(), is("inner"));
        // an external entity is not read: refused, or left empty
        String external = "<!DOCTYPE a [<!ENTITY x SYSTEM '" + file.toUri() + "'>]><a>&x;</a>";
        try {
            Document read = SafeXml.parseWithDoctype(xml(external));
            assertThat(read.getDocumentElement().getTextContent(), not(containsString(SECRET)));
        } catch (SAXException refused) {
            assertThat(String.valueOf(refused.getMessage()), not(containsString(SECRET)));
        }
    }

    private static Path secretFile() throws IOException {
        Path file = Files.createTempFile("safexml", ".txt");
        file.toFile().deleteOnExit();
        Files.writeString(file, SECRET);
        return file;
    }

    private static InputStream xml(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
