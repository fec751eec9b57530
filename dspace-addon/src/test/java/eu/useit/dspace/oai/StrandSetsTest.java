/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import eu.useit.dspace.taxonomy.StrandVocabulary;
import org.junit.Test;

public class StrandSetsTest {

    private static StrandSets sets() throws IOException {
        String xml = "<node id='strand' label='Strands' selectable='false'><isComposedBy>"
            + "<node id='a' label='Alpha'><isComposedBy><node id='a:x' label='Ex'/></isComposedBy></node>"
            + "<node id='b' label='Beta'/></isComposedBy></node>";
        return new StrandSets(StrandVocabulary.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    public void setsFollowTheHierarchyAndLabels() throws IOException {
        assertThat(sets().all(), contains(new StrandSets.StrandSet("strand", "Strands"),
            new StrandSets.StrandSet("strand:a", "Alpha"), new StrandSets.StrandSet("strand:a:x", "Alpha: Ex"),
            new StrandSets.StrandSet("strand:b", "Beta")));
    }

    @Test
    public void aRecordInASubThemeIsInItsStrandAndTheTaxonomy() throws IOException {
        assertThat(sets().setsOf(List.of("a:x")), contains("strand", "strand:a", "strand:a:x"));
        assertThat(sets().setsOf(List.of("unknown")).isEmpty(), is(true));
    }

    @Test
    public void onlyVocabularyNodesAreSets() throws IOException {
        assertThat(sets().exists("strand"), is(true));
        assertThat(sets().exists("strand:a:x"), is(true));
        assertThat(sets().exists("strand:c"), is(false));
        assertThat(StrandSets.isStrandSpec("strand:c"), is(true));
        assertThat(StrandSets.isStrandSpec("col_1_2"), is(false));
    }

    @Test
    public void aStrandQueryTakesItsSubThemes() throws IOException {
        // exactly the vocabulary's nodes: a node taken out of it is in no set, as the records' headers say
        assertThat(sets().solrQuery("strand:a"), is("metadata.useit.strand.authority:(a OR a\\:x)"));
        assertThat(sets().solrQuery("strand"), is("metadata.useit.strand.authority:(a OR a\\:x OR b)"));
    }
}
