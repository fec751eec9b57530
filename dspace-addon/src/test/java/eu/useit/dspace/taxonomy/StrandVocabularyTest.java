/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.taxonomy;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.Assert.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import org.junit.Test;

public class StrandVocabularyTest {

    private static final String SMALL =
        "<node id='strand' label='Strands' selectable='false'><hasNote>All of them.</hasNote><isComposedBy>"
            + "<node id='a' label='Alpha'><hasNote>First\n  strand.</hasNote><isComposedBy>"
            + "<node id='a:x' label='Ex'/><node id='a:y' label='Why'/></isComposedBy></node>"
            + "<node id='b' label='Beta'/>"
            + "</isComposedBy></node>";

    static InputStream xml(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    public void readsTheHierarchyInFileOrder() throws IOException {
        StrandVocabulary vocabulary = StrandVocabulary.parse(xml(SMALL));
        assertThat(vocabulary.strands().stream().map(Strand::id).collect(Collectors.toList()), contains("a", "b"));
        assertThat(vocabulary.all().stream().map(Strand::id).collect(Collectors.toList()),
                   contains("a", "a:x", "a:y", "b"));
        assertThat(vocabulary.find("a").orElseThrow().note(), is("First strand."));
        assertThat(vocabulary.find("a:y").orElseThrow().parentId(), is("a"));
    }

    @Test
    public void lineageAndHierarchicalLabelGoUpToTheStrand() throws IOException {
        StrandVocabulary vocabulary = StrandVocabulary.parse(xml(SMALL));
        assertThat(vocabulary.lineage("a:x").stream().map(Strand::id).collect(Collectors.toList()),
                   contains("a:x", "a"));
        assertThat(vocabulary.hierarchicalLabel(vocabulary.find("a:x").orElseThrow()), is("Alpha::Ex"));
        assertThat(vocabulary.hierarchicalLabel(vocabulary.find("b").orElseThrow()), is("Beta"));
    }

    @Test
    public void aLabelPathAsDspaceStoresItFindsItsNode() throws IOException {
        StrandVocabulary vocabulary = StrandVocabulary.parse(xml(SMALL));
        assertThat(vocabulary.findByLabelPath("Alpha::Ex").orElseThrow().id(), is("a:x"));
        assertThat(vocabulary.findByLabelPath(" Beta ").orElseThrow().id(), is("b"));
        assertThat(vocabulary.findByLabelPath("Ex").isPresent(), is(false));
        assertThat(vocabulary.findByLabelPath("Strands").isPresent(), is(false));
        assertThat(vocabulary.findByLabelPath(null).isPresent(), is(false));
    }

    @Test
    public void unknownIdsAndTheRootAreNotFound() throws IOException {
        StrandVocabulary vocabulary = StrandVocabulary.parse(xml(SMALL));
        assertThat(vocabulary.find("c").isPresent(), is(false));
        assertThat(vocabulary.find("strand").isPresent(), is(false));
        assertThat(vocabulary.lineage("nope").isEmpty(), is(true));
    }

    @Test
    public void aRepeatedIdIsRefused() {
        IOException error = assertThrows(IOException.class, () -> StrandVocabulary.parse(
            xml("<node id='r' label='R'><isComposedBy><node id='a' label='A'/><node id='a' label='B'/>"
                    + "</isComposedBy></node>")));
        assertThat(error.getMessage(), containsString("'a' is used twice"));
    }

    @Test
    public void aDoctypeIsRefused() {
        IOException error = assertThrows(IOException.class, () -> StrandVocabulary.parse(
            xml("<!DOCTYPE node [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><node id='r' label='&x;'/>")));
        assertThat(error.getMessage(), containsString("not a well-formed vocabulary"));
    }

    @Test
    public void theShippedVocabularyHasTheFourStrands() throws IOException {
        StrandVocabulary vocabulary;
        try (InputStream in = Files.newInputStream(Path.of("../config/controlled-vocabularies/useit-strands.xml"))) {
            vocabulary = StrandVocabulary.parse(in);
        }
        assertThat(vocabulary.strands().stream().map(Strand::label).collect(Collectors.toList()),
                   contains("Community Research", "Skills Matching", "Social Enterprise", "Community Assets"));
        for (Strand strand : vocabulary.all()) {
            assertThat(strand.id(), strand.id().matches("[a-z-]+(:[a-z-]+)?"), is(true));
        }
    }
}
