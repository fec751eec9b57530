/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.access;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.List;

import org.junit.Test;

public class SolrSyntaxTest {

    @Test
    public void localParametersAndMagicFieldsAreFoundAsSolrReadsThem() {
        for (String text : List.of("{!join from=a to=b}x", "{ !join from=a to=b}x", "title:x AND _query_:\"y\"",
                                   "_VAL_:\"docfreq(f,x)\"", "_qu\\ery_:\"{\\!join}x\"", "\\u007b!join}x",
                                   "\\u005fquery_:\"x\"", "[* TO *] AND {!graph from=a to=b}x",
                                   "_val_ :\"x\"", "_val_ /**/:\"docfreq(f,x)\"", "_val_\u3000:\"x\"",
                                   "_query_ /* c */ :\"x\"", "[a TO b] OR _val_ /**/:\"x\" OR x:[a TO b]",
                                   "the _val_ of a field")) {
            assertThat(text, SolrSyntax.readsAcross(text), is(true));
        }
    }

    @Test
    public void whatReadersTypeIsLeftAlone() {
        for (String text : List.of("community gardens", "title:\"Skills Matching\"", "{curly} words!",
                                   "dateIssued:[2019 TO 2020]", "C:\\users\\notes", "", "train_val_test",
                                   "data_query_tool,equals")) {
            assertThat(text, SolrSyntax.readsAcross(text), is(false));
        }
        assertThat(SolrSyntax.readsAcross(null), is(false));
    }
}
