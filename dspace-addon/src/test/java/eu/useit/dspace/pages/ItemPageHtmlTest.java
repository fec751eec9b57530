/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.pages;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import eu.useit.dspace.access.FileAccess;
import eu.useit.dspace.oai.index.IllustrativeNote;
import org.junit.Test;

/**
 * The item page's HTML and citations from an item as read (no DSpace needed): values that look like markup stay
 * text, closed files get no link, no author or date is invented, and the citation formats carry the item.
 */
public class ItemPageHtmlTest {

    private static final PageLinks LINKS = PageLinks.of("https://repo.example.org/server/useit/",
                                                        "https://repo.example.org/server", "repo.example.org");
    private static final IllustrativeNote NOTE = new IllustrativeNote(null);
    private static final UUID OPEN = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID CLOSED = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    private static ItemView item(Map<String, List<String>> metadata, List<ItemView.FileView> files) {
        return new ItemView(UUID.fromString("00000000-0000-0000-0000-000000000001"), "123456789/7", "Publication",
                            metadata, List.of(new ItemView.StrandRef("Skills Matching::Placements",
                                                                     "skills-matching:placements")),
                            List.of(), files, "2026-12-01T10:00:00Z");
    }

    private static Map<String, List<String>> metadata(String... pairs) {
        Map<String, List<String>> metadata = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            metadata.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
        }
        return metadata;
    }

    @Test
    public void valuesThatLookLikeMarkupStayText() {
        ItemView item = item(metadata("dc.title", "<script>alert(1)</script> & \"quotes\"",
                                      "dc.description", "</script><script>alert(2)</script>"), List.of());
        String html = new ItemPageHtml(LINKS, NOTE).render(item, new Citations(item, LINKS.item(item), NOTE));
        assertThat(html, not(containsString("<script>alert")));
        assertThat(html, containsString("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"));
        // the JSON-LD block cannot be closed by a value
        int ld = html.indexOf("<script type=\"application/ld+json\">");
        assertThat(html.indexOf("</script>", ld), is(html.indexOf("</script>\n</head>")));
    }

    @Test
    public void closedFilesAreListedWithoutALinkAndOnlyOpenPdfsAreCitationPdfs() {
        ItemView item = item(metadata("dc.title", "A report"), List.of(
            new ItemView.FileView(OPEN, "open.pdf", "application/pdf", "Adobe PDF", 2048, FileAccess.OPEN),
            new ItemView.FileView(CLOSED, "closed.pdf", "application/pdf", "Adobe PDF", 10, FileAccess.RESTRICTED)));
        String html = new ItemPageHtml(LINKS, NOTE).render(item, new Citations(item, LINKS.item(item), NOTE));
        assertThat(html, containsString("<a href=\"https://repo.example.org/server/useit/bitstreams/" + OPEN
                                            + "/download\">open.pdf</a>"));
        assertThat(html, containsString("<td>closed.pdf</td>"));
        assertThat(html, not(containsString(CLOSED.toString())));
        assertThat(html, containsString("<meta name=\"citation_pdf_url\" content=\"https://repo.example.org/server"
                                            + "/useit/bitstreams/" + OPEN + "/download\">"));
        assertThat(html, containsString("<td>2.0 kB</td>"));
    }

    @Test
    public void anIllustrativeRecordHasNoCitationTagsAndItsDescriptionSaysWhatItIs() {
        List<ItemView.FileView> files = List.of(
            new ItemView.FileView(OPEN, "open.pdf", "application/pdf", "Adobe PDF", 2048, FileAccess.OPEN));
        ItemView item = item(metadata("dc.title", "A partnership story", "dc.contributor.author", "Scheffler, Nils",
                                      "dc.description.abstract", "How a partnership began.",
                                      "useit.provenance", "illustrative"), files);
        String html = new ItemPageHtml(LINKS, NOTE).render(item, new Citations(item, LINKS.item(item), NOTE));
        assertThat(html, not(containsString("citation_")));
        assertThat(html, containsString("<meta name=\"description\" content=\"" + NOTE.text()
                                            + " How a partnership began.\">"));
        assertThat(html, containsString("<p class=\"notice\" role=\"note\"><strong>Illustrative record: written to "
                                            + "illustrate a documented USE-IT! initiative"));
    }

    @Test
    public void aRecordIsIllustrativeWhateverTheCaseOrPlaceOfTheValue() {
        ItemView item = item(metadata("dc.title", "A partnership story", "useit.provenance", "sourced",
                                      "useit.provenance", "Illustrative"), List.of());
        String html = new ItemPageHtml(LINKS, NOTE).render(item, new Citations(item, LINKS.item(item), NOTE));
        assertThat(html, not(containsString("citation_")));
        assertThat(html, containsString("<p class=\"notice\" role=\"note\">"));
    }

    @Test
    public void valuesNotYetCheckedAgainstASourceAreMarkedAndNotGivenAsCitationFacts() {
        ItemView item = item(metadata("dc.title", "USE-IT! Journal 6", "dc.date.issued", "2020",
                                      "dc.publisher", "Urban Innovative Actions (UIA)",
                                      "useit.unverified", "dc.date.issued",
                                      "useit.source", "https://example.org/first",
                                      "useit.source", "https://example.org/second"), List.of());
        Citations citations = new Citations(item, LINKS.item(item), NOTE);
        String html = new ItemPageHtml(LINKS, NOTE).render(item, citations);
        assertThat(html, containsString("<dd>2020 <span class=\"unverified\">(not yet checked against a source)"
                                            + "</span></dd>"));
        assertThat(html, containsString("<dd>Date (dc.date.issued)</dd>"));
        assertThat(html, not(containsString("citation_publication_date")));
        assertThat(html, containsString("citation_publisher"));
        assertThat(html, not(containsString("datePublished")));
        assertThat(html, containsString("https://example.org/first"));
        assertThat(html, containsString("https://example.org/second"));
        assertThat(citations.bibtex(), containsString("Not yet checked against a source: date."));
        assertThat(citations.apa(), containsString("[Not yet checked against a source: date.]"));
        assertThat(citations.ris(), containsString("Not yet checked against a source: date."));
    }

    @Test
    public void aTeamIsOneAuthorAndNoPerson() {
        ItemView item = item(metadata("dc.title", "A journal", "dc.contributor.author", "USE-IT! project team",
                                      "dc.contributor.author", "Scheffler, Nils"), List.of());
        Citations citations = new Citations(item, LINKS.item(item), NOTE);
        assertThat(citations.bibtex(), containsString("author = {{USE-IT! project team} and Scheffler, Nils}"));
        String html = new ItemPageHtml(LINKS, NOTE).render(item, citations);
        assertThat(html, containsString("{\"name\":\"USE-IT! project team\"}"));
        assertThat(html, containsString("{\"@type\":\"Person\",\"name\":\"Scheffler, Nils\"}"));
    }

    @Test
    public void besideDSpacesOwnInterfaceThePagesLinkTheirOwnPagesAndTheInterfacesItemPages() {
        PageLinks links = PageLinks.of("https://ui.example.org/", "https://repo.example.org/server", "repo");
        ItemView item = item(metadata("dc.title", "A report"), List.of());
        String html = new ItemPageHtml(links, NOTE).render(item, new Citations(item, links.item(item), NOTE));
        assertThat(html, containsString("href=\"https://repo.example.org/server/useit/pages.css\""));
        assertThat(html, containsString("href=\"https://repo.example.org/server/useit/items/" + item.uuid()
                                            + "/citation.bib\""));
        assertThat(html, containsString("href=\"https://repo.example.org/server/useit/?f.strand="));
        assertThat(html, containsString("<link rel=\"canonical\" href=\"https://ui.example.org/handle/"));
    }

    @Test
    public void aValueThatIsNotADateGivesNoDate() {
        for (String value : List.of("1999-2000", "2019-13", "2019-02-30", "2019-04-31", "2019-02-03x", "c. 2019")) {
            ItemView item = item(metadata("dc.title", "Dated oddly", "dc.date.issued", value), List.of());
            assertThat(value, item.issued(), is(List.of()));
        }
        ItemView item = item(metadata("dc.title", "Dated", "dc.date.issued", "2019-02-03T10:00:00Z"), List.of());
        assertThat(item.issued(), is(List.of("2019", "02", "03")));
    }

    @Test
    public void bibtexEscapesWhatLatexWouldRead() {
        ItemView item = item(metadata("dc.title", "Profit & loss: 50% of {all} #1_x"), List.of());
        assertThat(new Citations(item, LINKS.item(item), NOTE).bibtex(),
                   containsString("title = {Profit \\& loss: 50\\% of \\{all\\} \\#1\\_x}"));
    }

    @Test
    public void noAuthorOrDateIsInvented() {
        ItemView item = item(metadata("dc.title", "Undated"), List.of());
        String html = new ItemPageHtml(LINKS, NOTE).render(item, new Citations(item, LINKS.item(item), NOTE));
        assertThat(html, not(containsString("citation_author")));
        assertThat(html, not(containsString("citation_publication_date")));
        assertThat(html, containsString("?f.strand=Skills+Matching%3A%3APlacements%2Cequals"));
    }

    @Test
    public void citationsCarryTheItemInEveryFormat() {
        ItemView item = item(metadata("dc.title", "The USE-IT! Project Journal N\u00b02",
                                      "dc.contributor.author", "Scheffler, Nils", "dc.date.issued", "2018-03-16",
                                      "dc.publisher", "Urban Innovative Actions (UIA)", "dc.type", "journal",
                                      "useit.provenance", "illustrative"), List.of());
        Citations citations = new Citations(item, LINKS.item(item), NOTE);
        assertThat(citations.apa(), containsString("Scheffler, N. (2018"));
        assertThat(citations.apa(), containsString("The USE-IT! Project Journal N\u00b02"));
        assertThat(citations.harvard(), containsString("Scheffler, N. (2018)"));
        assertThat(citations.bibtex(), containsString("@techreport{useit-123456789-7,"));
        assertThat(citations.bibtex(), containsString("year = {2018}"));
        assertThat(citations.bibtex(), containsString("author = {Scheffler, Nils}"));
        assertThat(citations.ris(), containsString("TI  - The USE-IT! Project Journal N\u00b02\n"));
        assertThat(citations.ris(), containsString("AU  - Scheffler, Nils\n"));
        assertThat(citations.ris(), containsString("DA  - 2018/03/16\n"));
        assertThat(citations.ris(), containsString("UR  - https://repo.example.org/server/useit/handle/123456789/7\n"));
        assertThat(citations.cslJson(), containsString("\"Illustrative record"));
    }
}
