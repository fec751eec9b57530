/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install.oai;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertThrows;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.junit.Test;
import org.w3c.dom.Comment;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

public class XoaiConfigMergeTest {

    private static Document parse(String text) throws OaiConfigException {
        return XoaiFile.parse(text.getBytes(StandardCharsets.UTF_8), "site.xml");
    }

    private static Element requestContext(Document site) {
        return Dom.children(Dom.child(site.getDocumentElement(), "Contexts")).get(0);
    }

    @Test
    public void mergingTheMergedDocumentAgainChangesNothing() throws Exception {
        for (boolean siteContexts : List.of(false, true)) {
            Document site = SiteFixture.document();
            XoaiConfigMerge first = merge(siteContexts);
            assertThat(first.mergeInto(site), is(not(empty())));

            XoaiConfigMerge again = merge(siteContexts);
            assertThat(again.mergeInto(site), is(empty()));
            assertThat(again.notes(), is(siteContexts ? List.of() : first.notes()));
        }
    }

    @Test
    public void theSitesOwnContextsAndFormatsStayAsTheyAreUnlessAsked() throws Exception {
        Document site = SiteFixture.document();
        String requestBefore = xml(requestContext(site));
        List<String> formatsBefore = Dom.children(Dom.child(site.getDocumentElement(), "Formats")).stream()
                                        .map(XoaiConfigMergeTest::xml).collect(Collectors.toList());
        XoaiConfigMerge merge = new XoaiConfigMerge(SiteFixture.ours());

        List<String> changes = merge.mergeInto(site);

        assertThat(xml(requestContext(site)), is(requestBefore));
        assertThat(Dom.children(Dom.child(site.getDocumentElement(), "Formats")).stream().map(XoaiConfigMergeTest::xml)
                      .collect(Collectors.toList()).subList(0, formatsBefore.size()), is(formatsBefore));
        assertThat(changes.stream().anyMatch(c -> c.contains("context request")), is(false));
        assertThat(merge.notes(), contains("context request is left as the site has it: its records keep their "
                                               + "formats, sets and filter (to add USE-IT!'s to it: "
                                               + "useit-oai-config -a)"));
        // our formats have ids and crosswalks of their own, beside the site's format of the same prefix
        assertThat(changes, hasItem("added format useit-oai_openaire (prefix oai_openaire)"));
    }

    /** An element as XML text. */
    private static String xml(Element element) {
        try {
            StringWriter out = new StringWriter();
            TransformerFactory.newInstance().newTransformer().transform(new DOMSource(element),
                                                                        new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new AssertionError(e);
        }
    }

    private static XoaiConfigMerge merge(boolean siteContexts) throws Exception {
        XoaiConfigMerge merge = new XoaiConfigMerge(SiteFixture.ours());
        return siteContexts ? merge.includingSiteContexts() : merge;
    }

    @Test
    public void aCustomisedEntityFilterIsKeptWithANote() throws Exception {
        Document site = parse(SiteFixture.text().replace("<string>publication</string>",
                                                          "<string>CaseStudy</string>"));
        XoaiConfigMerge merge = merge(true);

        List<String> changes = merge.mergeInto(site);

        assertThat(changes.stream().anyMatch(c -> c.startsWith("replaced filter")), is(false));
        assertThat(merge.notes(), contains("context request keeps the site's filter defaultFilter (USE-IT!'s is "
                                               + "publicOrWithdrawn); check that it lets case studies, projects and "
                                               + "partners through"));
        assertThat(Dom.ref(Dom.child(requestContext(site), "Filter")), is("defaultFilter"));
        assertThat(changes, hasItem("added set type-case-study to context request"));
    }

    @Test
    public void aSiteContextAskedForGetsOurFormatOfAPrefixItDoesNotOffer() throws Exception {
        Document site = SiteFixture.document();
        XoaiConfigMerge merge = merge(true);

        List<String> changes = merge.mergeInto(site);

        assertThat(changes, hasItem("added format useit-oai_openaire to context request"));
        assertThat(changes, hasItem("replaced filter defaultFilter by publicOrWithdrawn in context request (DSpace's "
                                        + "stock filter shows Publications only)"));
        // the site's own format of that prefix is still defined as it was
        assertThat(Dom.text(Dom.children(Dom.child(site.getDocumentElement(), "Formats")).stream()
                               .filter(f -> "oaiopenaire".equals(Dom.id(f))).findFirst().orElseThrow(), "XSLT"),
                   is("metadataFormats/oai_openaire.xsl"));
    }

    @Test
    public void aStockFilterUnderAnotherNameIsStillRecognised() throws Exception {
        Document site = parse(SiteFixture.text().replace("\"defaultFilter\"", "\"siteDefault\""));

        List<String> changes = merge(true).mergeInto(site);

        assertThat(changes, hasItem(containsString("replaced filter siteDefault by publicOrWithdrawn")));
    }

    @Test
    public void missingSectionsAreAddedInTheSchemasOrderWithOurComment() throws Exception {
        String text = SiteFixture.text();
        text = text.substring(0, text.indexOf("    <Sets>")) + text.substring(text.lastIndexOf("</Configuration>"));
        Document site = parse(text);

        new XoaiConfigMerge(SiteFixture.ours()).mergeInto(site);

        Element root = site.getDocumentElement();
        assertThat(Dom.children(root).stream().map(Dom::name).collect(Collectors.toList()),
                   contains("Contexts", "Formats", "Transformers", "Filters", "Sets"));
        Comment comment = Dom.leadingComment(Dom.child(root, "Sets"));
        assertThat(comment.getData(), containsString("Item-type sets"));
        assertThat(Dom.children(Dom.child(root, "Sets")).size(), is(5));
        assertThat(XoaiConfigCheck.problems(site, path -> true), is(empty()));
        String written = new String(XoaiFile.write(site, text.getBytes(StandardCharsets.UTF_8)),
                                    StandardCharsets.UTF_8);
        assertThat(written, containsString("    </Filters>\n    <!-- Item-type sets"));
        assertThat(written, containsString("    <Sets>\n        <Set id=\"type\">\n"));
        assertThat(written, containsString("        </Set>\n    </Sets>\n</Configuration>"));
    }

    @Test
    public void anIdOfOursTakenForSomethingElseIsRefused() throws Exception {
        Document site = parse(SiteFixture.text().replace(
            "    </Formats>", "        <Format id=\"useit\"><Prefix>lab_useit</Prefix><XSLT>metadataFormats/mets.xsl"
                + "</XSLT><Namespace>urn:lab</Namespace><SchemaLocation>urn:lab.xsd</SchemaLocation></Format>\n"
                + "    </Formats>"));

        OaiConfigException error = assertThrows(OaiConfigException.class,
                                                () -> new XoaiConfigMerge(SiteFixture.ours()).mergeInto(site));

        assertThat(error.getMessage(), is("the site's format 'useit' has the prefix 'lab_useit', ours has 'useit': "
                                              + "rename one of them"));
    }

    @Test
    public void aSiteWithoutTheXoaiNamespaceGetsElementsWithoutItToo() throws Exception {
        String text = SiteFixture.text().replace(" xmlns=\"http://www.lyncode.com/XOAIConfiguration\"", "");
        Document site = parse(text);

        new XoaiConfigMerge(SiteFixture.ours()).mergeInto(site);

        String written = new String(XoaiFile.write(site, text.getBytes(StandardCharsets.UTF_8)),
                                    StandardCharsets.UTF_8);
        assertThat(written, containsString("<Context baseurl=\"useit\" name=\"USE-IT! records\">"));
        assertThat(written, not(containsString("lyncode")));
    }
}
