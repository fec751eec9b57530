/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.Test;

public class XmlTextTest {

    private static final String TEXT = "<?xml version=\"1.0\"?>\n"
        + "<!DOCTYPE a [\n  <!ELEMENT a (b)*> <!-- a > in a comment ] -->\n  <!ENTITY x \"]>\">\n]>\n"
        + "<!-- <b id=\"not-an-element\"/> -->\n"
        + "<a>\n"
        + "    <b id=\"one\" note='a &amp; b'>text with > and <![CDATA[<c>]]></b>\n"
        + "    <b id=\"two\"/>\n"
        + "  <?pi <b?>\n"
        + "    <x:d xmlns:x=\"urn:x\"><e/></x:d>\n"
        + "</a>\n";

    @Test
    public void findsElementsAndWhereTheyAre() {
        XmlText xml = XmlText.of(TEXT);

        XmlText.Element root = xml.root();
        assertThat(root.name(), is("a"));
        assertThat(root.children().stream().map(XmlText.Element::name).toList(), contains("b", "b", "d"));
        XmlText.Element one = root.children("b").get(0);
        assertThat(one.attribute("id"), is("one"));
        assertThat(one.attribute("note"), is("a & b"));
        assertThat(one.attribute("missing"), nullValue());
        assertThat(xml.source(one), is("<b id=\"one\" note='a &amp; b'>text with > and <![CDATA[<c>]]></b>"));
        assertThat(xml.indentOf(one), is("    "));
        assertThat(xml.source(root.children("b").get(1)), is("<b id=\"two\"/>"));
        assertThat(root.children("b").get(1).empty(), is(true));
        assertThat(root.child("d").qualifiedName(), is("x:d"));
        assertThat(root.child("d").child("e").empty(), is(true));
        assertThat(xml.childIndent(root), is("    "));
        assertThat(xml.lineBreak(), is("\n"));
        assertThat(TEXT.substring(root.contentEnd()), is("</a>\n"));
    }

    @Test
    public void appendsAndReplacesInTheFilesIndentationAndLineBreaks() throws Exception {
        String site = "<?xml version=\"1.0\"?>\r\n<list>\r\n\t<item name=\"site\"/>\r\n\t<!-- last -->\r\n</list>";
        SiteXml file = SiteXml.read(site.getBytes(StandardCharsets.UTF_8), "site.xml", "list");
        XmlText ours = XmlText.of("<ours>\n  <item name=\"useit-a\">\n    <x/>\n  </item>\n</ours>");
        file.append(file.root(), List.of(Snippet.of(ours, ours.root().child("item"))));

        assertThat(new String(file.result(), StandardCharsets.UTF_8),
                   is("<?xml version=\"1.0\"?>\r\n<list>\r\n\t<item name=\"site\"/>\r\n\t<!-- last -->\r\n"
                          + "\t<item name=\"useit-a\">\r\n\t\t<x/>\r\n\t</item>\r\n</list>"));
    }

    @Test
    public void fillsAnEmptyElement() throws Exception {
        byte[] site = "<list>\n    <group/>\n</list>\n".getBytes(StandardCharsets.UTF_8);
        SiteXml file = SiteXml.read(site, "site.xml", "list");
        XmlText ours = XmlText.of("<item/>");
        file.append(file.root().child("group"), List.of(Snippet.of(ours, ours.root())));

        assertThat(new String(file.result(), StandardCharsets.UTF_8),
                   is("<list>\n    <group>\n        <item/>\n    </group>\n</list>\n"));
    }

    @Test
    public void comparesWhatAReaderSees() {
        assertThat(XmlFiles.same("<a x=\"1\" y=\"2\"><b>one  two</b><!-- c --><c></c></a>",
                                 "<a y='2' x='1'>\n  <b>one\n two</b>\n  <c/>\n</a>"), is(true));
        assertThat(XmlFiles.same("<a><b>one</b></a>", "<a><b>two</b></a>"), is(false));
        assertThat(XmlFiles.same("<a><b/></a>", "<a><b/><b/></a>"), is(false));
    }
}
