/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.Assert.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.Test;

/**
 * {@link XoaiConfigMerge} on a site's {@code xoai.xml} (the fixture {@code site-xoai.xml}: DSpace's stock
 * {@code request} context and filters, a context of the site's own, its own {@code oai_openaire} crosswalk).
 */
public class XoaiConfigMergeTest {

    private static Merged mergeInto(String site, boolean siteContexts) throws Exception {
        return mergeInto(site, siteContexts ? SiteContexts.OURS_ADDED : SiteContexts.LEFT);
    }

    private static Merged mergeInto(String site, SiteContexts siteContexts) throws Exception {
        return new XoaiConfigMerge(OaiConfigSource.bundled().read(OaiConfigSource.XOAI), "xoai.xml", siteContexts)
            .mergeInto(site.getBytes(StandardCharsets.UTF_8), "site.xml");
    }

    private static String text(Merged merged) {
        return new String(merged.content(), StandardCharsets.UTF_8);
    }

    private static XmlText.Element context(XmlText xml, String baseUrl) {
        return xml.root().child("Contexts").children("Context").stream()
                  .filter(context -> baseUrl.equals(context.attribute("baseurl"))).findFirst().orElseThrow();
    }

    @Test
    public void mergingTheMergedFileAgainChangesNothing() throws Exception {
        for (boolean siteContexts : List.of(false, true)) {
            Merged first = mergeInto(SiteFixture.text(), siteContexts);
            assertThat(first.changes(), is(not(empty())));

            Merged again = mergeInto(text(first), siteContexts);
            assertThat(again.changes(), is(empty()));
            assertThat(again.content(), nullValue());
            assertThat(again.notes(), is(siteContexts ? List.of() : first.notes()));
        }
    }

    @Test
    public void theSitesBytesStayAndOnlyLinesAreAdded() throws Exception {
        String site = SiteFixture.text();
        String merged = text(mergeInto(site, false));

        // every line of the site's file is still there, in order, byte for byte: the merge only adds lines
        List<String> before = site.lines().toList();
        List<String> after = merged.lines().toList();
        int at = 0;
        for (String line : after) {
            if (at < before.size() && line.equals(before.get(at))) {
                at++;
            }
        }
        assertThat(at, is(before.size()));
        XmlText xml = XmlText.of(merged);
        assertThat(xml.source(context(xml, "request")), is(
            XmlText.of(site).source(context(XmlText.of(site), "request"))));
        assertThat(XoaiConfigCheck.problems(xml, path -> true), is(empty()));
    }

    @Test
    public void theSitesOwnContextsAndFormatsStayAsTheyAreUnlessAsked() throws Exception {
        Merged merged = mergeInto(SiteFixture.text(), false);

        assertThat(merged.changes().stream().anyMatch(c -> c.contains("context request")), is(false));
        assertThat(merged.notes(), contains("context request is left as the site has it: its records keep their "
                                                + "formats, sets and filter (to add USE-IT!'s to it: "
                                                + "useit-oai-config -a)"));
        // our formats have ids and crosswalks of their own, beside the site's format of the same prefix
        assertThat(merged.changes(), hasItem("added format useit-oai_openaire (prefix oai_openaire)"));
        assertThat(text(merged), containsString("<XSLT>metadataFormats/oai_openaire.xsl</XSLT>"));
    }

    @Test
    public void aCustomisedEntityFilterIsKeptWithANote() throws Exception {
        Merged merged = mergeInto(SiteFixture.text().replace("<string>publication</string>",
                                                             "<string>CaseStudy</string>"), true);

        assertThat(merged.changes().stream().anyMatch(c -> c.startsWith("replaced filter")), is(false));
        assertThat(merged.notes(), contains("context request keeps the site's filter defaultFilter (USE-IT!'s is "
                                                + "publicOrWithdrawn); check that it lets case studies, projects and "
                                                + "partners through"));
        XmlText xml = XmlText.of(text(merged));
        assertThat(context(xml, "request").child("Filter").attribute("ref"), is("defaultFilter"));
        assertThat(merged.changes(), hasItem("added set type-case-study to context request"));
    }

    @Test
    public void aSiteContextAskedForGetsOurFormatOfAPrefixItDoesNotOffer() throws Exception {
        Merged merged = mergeInto(SiteFixture.text(), true);

        assertThat(merged.changes(), hasItem("added format useit-oai_openaire to context request"));
        assertThat(merged.changes(), hasItem("replaced filter defaultFilter by publicOrWithdrawn in context request "
                                                 + "(DSpace's stock filter shows Publications only)"));
        XmlText xml = XmlText.of(text(merged));
        XmlText.Element request = context(xml, "request");
        assertThat(request.child("Filter").attribute("ref"), is("publicOrWithdrawn"));
        // references keep the order XOAI reads: filter, sets, formats, description
        List<String> order = request.children().stream().map(XmlText.Element::name).distinct().toList();
        assertThat(order, is(List.of("Filter", "Set", "Format", "Description")));
        // the site's own format of that prefix is still defined as it was
        XmlText.Element siteFormat = xml.root().child("Formats").children("Format").stream()
                                        .filter(f -> "oaiopenaire".equals(f.attribute("id"))).findFirst().orElseThrow();
        assertThat(xml.content(siteFormat.child("XSLT")), is("metadataFormats/oai_openaire.xsl"));
        assertThat(XoaiConfigCheck.problems(xml, path -> true), is(empty()));
    }

    @Test
    public void aPrefixTheSiteServesKeepsItsCrosswalkUnlessOursIsAskedFor() throws Exception {
        // the site's request context serves oai_openaire with the site's crosswalk
        String site = SiteFixture.text().replace("<Format ref=\"mets\"/>",
                                                 "<Format ref=\"mets\"/>\n            <Format ref=\"oaiopenaire\"/>");
        assertThat(site, containsString("oaiopenaire\"/>"));

        XmlText added = XmlText.of(text(mergeInto(site, SiteContexts.OURS_ADDED)));
        assertThat(formatRefs(context(added, "request")), hasItem("oaiopenaire"));
        assertThat(formatRefs(context(added, "request")), not(hasItem("useit-oai_openaire")));

        Merged merged = mergeInto(site, SiteContexts.OUR_CROSSWALKS);
        assertThat(merged.changes(), hasItem("context request serves oai_openaire with USE-IT!'s crosswalk (format "
                                                 + "useit-oai_openaire in place of the site's oaiopenaire)"));
        XmlText xml = XmlText.of(text(merged));
        List<String> refs = formatRefs(context(xml, "request"));
        assertThat(refs, not(hasItem("oaiopenaire")));
        // in the place the site's had, once
        assertThat(refs.subList(0, 3), is(List.of("oaidc", "mets", "useit-oai_openaire")));
        assertThat(refs.stream().filter("useit-oai_openaire"::equals).count(), is(1L));
        // the site's format stays defined, and its other context is as it was
        XmlText.Element siteFormat = xml.root().child("Formats").children("Format").stream()
                                        .filter(f -> "oaiopenaire".equals(f.attribute("id"))).findFirst().orElseThrow();
        assertThat(xml.content(siteFormat.child("XSLT")), is("metadataFormats/oai_openaire.xsl"));
        assertThat(formatRefs(context(xml, "lab")), is(formatRefs(context(XmlText.of(site), "lab"))));
        assertThat(XoaiConfigCheck.problems(xml, path -> true), is(empty()));
        assertThat("a second run finds nothing to do", mergeInto(text(merged), SiteContexts.OUR_CROSSWALKS).changes(),
                   is(empty()));
    }

    @Test
    public void ourCrosswalksAreOnlyForTheSitesContextsAskedFor() {
        InstallException error = assertThrows(InstallException.class, () -> SiteContexts.of(false, true));
        assertThat(error.getMessage(), containsString("-x/--our-crosswalks"));
        assertThat(error.getMessage(), containsString("-a/--all-contexts"));
    }

    private static List<String> formatRefs(XmlText.Element context) {
        return context.children("Format").stream().map(f -> f.attribute("ref")).toList();
    }

    @Test
    public void aStockFilterUnderAnotherNameIsStillRecognised() throws Exception {
        Merged merged = mergeInto(SiteFixture.text().replace("\"defaultFilter\"", "\"siteDefault\""), true);

        assertThat(merged.changes(), hasItem(containsString("replaced filter siteDefault by publicOrWithdrawn")));
    }

    @Test
    public void missingSectionsAreAddedInTheSchemasOrderWithOurComment() throws Exception {
        String site = SiteFixture.text();
        site = site.substring(0, site.indexOf("    <Sets>")) + site.substring(site.lastIndexOf("</Configuration>"));

        String written = text(mergeInto(site, false));

        XmlText xml = XmlText.of(written);
        assertThat(xml.root().children().stream().map(XmlText.Element::name).toList(),
                   contains("Contexts", "Formats", "Transformers", "Filters", "Sets"));
        assertThat(xml.root().child("Sets").children().size(), is(5));
        assertThat(XoaiConfigCheck.problems(xml, path -> true), is(empty()));
        assertThat(written, containsString("    </Filters>\n    <!-- Item-type sets"));
        assertThat(written, containsString("    <Sets>\n        <Set id=\"type\">\n"));
        assertThat(written, containsString("        </Set>\n    </Sets>\n</Configuration>"));
    }

    @Test
    public void anIdOfOursTakenForSomethingElseIsRefused() throws Exception {
        String site = SiteFixture.text().replace(
            "    </Formats>", "        <Format id=\"useit\"><Prefix>lab_useit</Prefix><XSLT>metadataFormats/mets.xsl"
                + "</XSLT><Namespace>urn:lab</Namespace><SchemaLocation>urn:lab.xsd</SchemaLocation></Format>\n"
                + "    </Formats>");

        InstallException error = assertThrows(InstallException.class, () -> mergeInto(site, false));

        assertThat(error.getMessage(), is("site.xml: the site's format 'useit' has the prefix 'lab_useit', ours has "
                                              + "'useit': rename one of them"));
    }

    @Test
    public void aSiteWithoutTheXoaiNamespaceGetsElementsWithoutItToo() throws Exception {
        String site = SiteFixture.text().replace(" xmlns=\"http://www.lyncode.com/XOAIConfiguration\"", "");

        String written = text(mergeInto(site, false));

        assertThat(written, containsString("<Context baseurl=\"useit\" name=\"USE-IT! records\">"));
        assertThat(written, not(containsString("lyncode")));
    }

    @Test
    public void anOlderInstallOfOursIsBroughtUpToDate() throws Exception {
        String current = text(mergeInto(SiteFixture.text(), false));
        // an older install: our context offered the site's qdc-like format, and our filter was written otherwise
        XmlText xml = XmlText.of(current);
        String ourContext = xml.source(context(xml, "useit"));
        String older = current.replace(ourContext, ourContext.replace("<Format ref=\"useit\"/>", ""));

        Merged upgraded = mergeInto(older, false);

        assertThat(upgraded.changes(), contains("replaced context useit (the site's differed from USE-IT!'s)"));
        assertThat(text(upgraded), is(current));
        assertThat(upgraded.notes(), hasItem(startsWith("context request is left as the site has it")));
    }
    @Test
    public void anEmptyFiltersSectionAndAnOlderConditionOfOursAtTheTopMergeInOnePass() throws Exception {
        String site = SiteFixture.text();
        String filters = site.substring(site.indexOf("    <Filters>"),
                                        site.indexOf("</Filters>") + "</Filters>".length());
        // the site's Filters written as one empty tag: our filters and conditions go in, in XOAI's order
        String empty = site.replace(filters, "    <Filters/>").replace("<Filter ref=\"defaultFilter\"/>", "")
                           .replace("<Filter ref=\"labOnly\"/>", "");
        XmlText merged = XmlText.of(text(mergeInto(empty, false)));
        List<String> kinds = merged.root().child("Filters").children().stream().map(XmlText.Element::name)
                                   .distinct().toList();
        assertThat(kinds, is(List.of("Filter", "CustomCondition")));
        assertThat(mergeInto(text(mergeInto(empty, false)), false).changes(), is(empty()));

        // an older useitRecord condition at the top of the site's conditions: replaced, our filters before it
        String current = text(mergeInto(site, false));
        XmlText xml = XmlText.of(current);
        XmlText.Element useitRecord = xml.root().child("Filters").children("CustomCondition").stream()
                                         .filter(c -> "useitRecord".equals(c.attribute("id"))).findFirst()
                                         .orElseThrow();
        String older = "<CustomCondition id=\"useitRecord\"><Class>org.example.Old</Class></CustomCondition>";
        String moved = site.replace("        <CustomCondition id=\"itemAccessCondition\">",
                                    "        " + older + "\n        <CustomCondition id=\"itemAccessCondition\">");
        Merged upgraded = mergeInto(moved, false);
        assertThat(upgraded.changes(), hasItem("replaced condition useitRecord (the site's differed from USE-IT!'s)"));
        assertThat(text(upgraded), containsString(xml.source(useitRecord)));
        assertThat(XoaiConfigCheck.problems(XmlText.of(text(upgraded)), path -> true), is(empty()));
    }

    @Test
    public void ourFileWithWindowsLineEndsGivesTheSameResult() throws Exception {
        byte[] ours = OaiConfigSource.bundled().read(OaiConfigSource.XOAI);
        byte[] crlf = new String(ours, StandardCharsets.UTF_8).replace("\n", "\r\n")
                                                              .getBytes(StandardCharsets.UTF_8);
        byte[] site = SiteFixture.text().replace("\"defaultFilter\"", "\"siteDefault\"")
                                 .getBytes(StandardCharsets.UTF_8);

        Merged fromLf = new XoaiConfigMerge(ours, "xoai.xml", SiteContexts.OURS_ADDED).mergeInto(site, "site.xml");
        Merged fromCrlf = new XoaiConfigMerge(crlf, "xoai.xml", SiteContexts.OURS_ADDED).mergeInto(site, "site.xml");

        assertThat(text(fromCrlf), is(text(fromLf)));
    }

    @Test
    public void aConfigurationWithANamespacePrefixIsRefusedInOneLine() throws Exception {
        String site = SiteFixture.text().replace(" xmlns=\"http://www.lyncode.com/XOAIConfiguration\"",
                                                 " xmlns:x=\"http://www.lyncode.com/XOAIConfiguration\"")
                                        .replaceAll("<(/?)([A-Z])", "<$1x:$2");

        InstallException error = assertThrows(InstallException.class, () -> mergeInto(site, false));

        assertThat(error.getMessage(), startsWith("site.xml: the configuration's elements have a namespace prefix"));
    }
}
