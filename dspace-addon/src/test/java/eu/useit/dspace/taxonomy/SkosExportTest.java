/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.taxonomy;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.io.IOException;

import org.junit.Test;

public class SkosExportTest {

    @Test
    public void writesSchemeTopConceptsAndHierarchy() throws IOException {
        StrandVocabulary vocabulary = StrandVocabulary.parse(StrandVocabularyTest.xml(
            "<node id='strand' label='Strands'><isComposedBy><node id='a' label='Alpha \"A\"'><isComposedBy>"
                + "<node id='a:x' label='Ex'><hasNote>Back\\slash</hasNote></node></isComposedBy></node>"
                + "</isComposedBy></node>"));
        String ttl = SkosExport.turtle(vocabulary);
        String scheme = "<" + SkosExport.SCHEME + ">";
        assertThat(ttl, containsString(scheme + " a skos:ConceptScheme ;"));
        assertThat(ttl, containsString("skos:hasTopConcept <" + SkosExport.SCHEME + "/a> ."));
        assertThat(ttl, containsString("<" + SkosExport.SCHEME + "/a> a skos:Concept ;\n    skos:inScheme "
                                           + scheme + " ;\n    skos:topConceptOf " + scheme));
        assertThat(ttl, containsString("<" + SkosExport.SCHEME + "/a/x> a skos:Concept ;"));
        assertThat(ttl, containsString("skos:broader <" + SkosExport.SCHEME + "/a> ;"));
        assertThat(ttl, containsString("skos:narrower <" + SkosExport.SCHEME + "/a/x> ;"));
        assertThat(ttl, containsString("skos:notation \"a:x\""));
        assertThat(ttl, containsString("skos:prefLabel \"Alpha \\\"A\\\"\"@en"));
        assertThat(ttl, containsString("skos:definition \"Back\\\\slash\"@en"));
        assertThat(ttl, not(containsString("/strand>")));
    }
}
