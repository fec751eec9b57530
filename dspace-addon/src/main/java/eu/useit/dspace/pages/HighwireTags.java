/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.pages;

import eu.useit.dspace.oai.index.IllustrativeNote;

/**
 * Highwire Press {@code citation_*} meta tags, as Google Scholar's inclusion guidelines ask: title, each author,
 * the publication date as {@code YYYY/MM/DD} (or the year alone), and {@code citation_pdf_url} only for a PDF that
 * anybody may download. An item without an author or a date gets no invented one. An illustrative record gets none
 * of them, so that no citation index lists it as a real output, and its description says what it is. A value not yet
 * checked against a source ({@code useit.unverified}) is not given as a citation fact.
 */
public final class HighwireTags {

    private HighwireTags() {
    }

    /**
     * @param page  the page's head so far
     * @param item  the item
     * @param url   its page's address
     * @param links the addresses
     * @param note  what an illustrative record says it is
     */
    public static void append(StringBuilder page, ItemView item, String url, PageLinks links, IllustrativeNote note) {
        if (item.illustrative()) {
            meta(page, "description", item.summary() == null ? note.text() : note.text() + " " + item.summary());
            return;
        }
        meta(page, "citation_title", item.title());
        if (!item.unverified("dc.contributor.author")) {
            item.all("dc.contributor.author").forEach(author -> meta(page, "citation_author", author));
        }
        if (!item.issued().isEmpty() && !item.unverified("dc.date.issued")) {
            meta(page, "citation_publication_date", String.join("/", item.issued()));
        }
        if (!item.unverified("dc.publisher")) {
            meta(page, "citation_publisher", item.first("dc.publisher"));
        }
        meta(page, "citation_language", item.first("dc.language.iso"));
        if (!item.all("dc.subject").isEmpty()) {
            meta(page, "citation_keywords", String.join("; ", item.all("dc.subject")));
        }
        meta(page, "citation_abstract_html_url", url);
        for (ItemView.FileView file : item.files()) {
            if (file.access().isOpen() && "application/pdf".equals(file.format())) {
                meta(page, "citation_pdf_url", links.download(file));
            }
        }
        meta(page, "description", item.summary());
    }

    private static void meta(StringBuilder page, String name, String content) {
        if (content != null && !content.isBlank()) {
            page.append("<meta name=\"").append(name).append("\" content=\"").append(Html.text(content.strip()))
                .append("\">\n");
        }
    }
}
