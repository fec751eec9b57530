/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.search;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.apache.solr.common.SolrInputDocument;
import org.junit.Test;

/**
 * The fields a facet value is written to, in the shapes DSpace 8.1's SolrServiceImpl reads back: facet strings
 * {@code lower|||Shown###authority}, split by DSpace at the separator and at {@code ###}.
 */
public class FacetValuesTest {

    private static final String SEP = "\n|||\n";

    private static List<Object> values(SolrInputDocument doc, String field) {
        Collection<Object> values = doc.getFieldValues(field);
        return values == null ? List.of() : new ArrayList<>(values);
    }

    @Test
    public void aValueWithAnAuthorityKey() {
        SolrInputDocument doc = new SolrInputDocument();
        new FacetValues(SEP).add(doc, "partner", "Civic  Square", "85031204-c9ba-404f-a24f-ab4937542477");
        String keyed = "Civic Square###85031204-c9ba-404f-a24f-ab4937542477";
        assertThat(values(doc, "partner"), contains("Civic Square"));
        assertThat(values(doc, "partner_keyword"), contains("Civic Square", keyed));
        assertThat(values(doc, "partner_filter"), contains("civic square" + SEP + keyed));
        assertThat(values(doc, "partner_authority"), contains("85031204-c9ba-404f-a24f-ab4937542477"));
        assertThat(values(doc, "partner_acid"), contains("civic square" + SEP + keyed));
        assertThat(values(doc, "partner_ac"), contains("civic square" + SEP + "Civic Square"));
        // the facet's prefix search finds the value by any of its words
        assertThat(values(doc, "partner_prefix"), containsInAnyOrder("civic square" + SEP + keyed,
                                                                    "square" + SEP + keyed));
    }

    @Test
    public void aValueWithoutAuthority() {
        SolrInputDocument doc = new SolrInputDocument();
        new FacetValues(SEP).add(doc, "subtheme", "Community Assets::Spaces", null);
        assertThat(values(doc, "subtheme_keyword"), contains("Community Assets::Spaces"));
        assertThat(values(doc, "subtheme_filter"), contains("community assets::spaces" + SEP
                                                            + "Community Assets::Spaces"));
        assertThat(doc.getField("subtheme_authority"), is(nullValue()));
        assertThat(doc.getField("subtheme_acid"), is(nullValue()));
    }

    @Test
    public void blankValuesAreNotWritten() {
        SolrInputDocument doc = new SolrInputDocument();
        new FacetValues(SEP).add(doc, "partner", "  ", "x");
        assertThat(doc.isEmpty(), is(true));
    }
}
