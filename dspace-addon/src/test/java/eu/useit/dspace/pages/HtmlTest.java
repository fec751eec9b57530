/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.pages;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import org.junit.Test;

public class HtmlTest {

    @Test
    public void markupCharactersAreEscapedForElementsAndAttributes() {
        assertThat(Html.text("a & b <i>\"c\"</i> 'd' é"),
                   is("a &amp; b &lt;i&gt;&quot;c&quot;&lt;/i&gt; &#39;d&#39; é"));
        assertThat(Html.text(null), is(""));
    }

    @Test
    public void aJsonStringCannotCloseItsScriptNorBreakItsLine() {
        assertThat(Html.jsonString("say \"hi\" \\ </script> & <b>"),
                   is("\"say \\\"hi\\\" \\\\ \\u003c/script\\u003e \\u0026 \\u003cb\\u003e\""));
        assertThat(Html.jsonString("a\nb\r\tc\u0001d\u2028e\u2029f é"),
                   is("\"a\\nb\\r\\tc\\u0001d\\u2028e\\u2029f é\""));
    }
}
