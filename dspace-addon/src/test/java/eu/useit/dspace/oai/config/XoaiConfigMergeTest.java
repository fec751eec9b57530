/*
 * USE-IT! repository addon for DSpace.
 */
package eu.useit.dspace.oai.config;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

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
        Document site = SiteFixture.document();
        assertThat(new XoaiConfigMerge(SiteFixture.ours()).mergeInto(site), is(not(empty())));

        XoaiConfigMerge again = new XoaiConfigMerge(SiteFixture.ours());
        assertThat(again.mergeInto(site), is(empty()));
        assertThat(again.notes(), is(empty()));
    }

    @Test
    public void aCustomisedEntityFilterIsKeptWithANote() throws Exception {
        Document site = parse(SiteFixture.text().replace("<string>publication</string>",
                                                          "<string>CaseStudy</string>"));
        XoaiConfigMerge merge = new XoaiConfigMerge(SiteFixture.ours());

        List<String> changes = merge.mergeInto(site);

        assertThat(changes.stream().anyMatch(c -> c.startsWith("replaced filter")), is(false));
        assertThat(merge.notes(), contains("context request keeps the site's filter defaultFilter (USE-IT!'s is "
                                               + "publicOrWithdrawn); check that it lets case studies, projects and "
                                               + "partners through"));
        assertThat(Dom.ref(Dom.child(requestContext(site), "Filter")), is("defaultFilter"));
        assertThat(changes, hasItem("added set type-case-study to context request"));
    }

    @Test
    public void aFormatOfTheSiteWithOurPrefixKeepsItsCrosswalkWithANote() throws Exception {
        Document site = parse(SiteFixture.text().replace("<XSLT>metadataFormats/oai_openaire.xsl</XSLT>",
                                                          "<XSLT>metadataFormats/site_openaire.xsl</XSLT>"));
        XoaiConfigMerge merge = new XoaiConfigMerge(SiteFixture.ours());

        List<String> changes = merge.mergeInto(site);

        assertThat(changes, hasItem("added format oaiopenaire to context request"));
        assertThat(merge.notes(), contains("prefix oai_openaire keeps the site's crosswalk "
                                               + "metadataFormats/site_openaire.xsl (format oaiopenaire; USE-IT!'s is "
                                               + "metadataFormats/oai_openaire.xsl)"));
    }

    @Test
    public void aStockFilterUnderAnotherNameIsStillRecognised() throws Exception {
        Document site = parse(SiteFixture.text().replace("\"defaultFilter\"", "\"siteDefault\""));

        List<String> changes = new XoaiConfigMerge(SiteFixture.ours()).mergeInto(site);

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
