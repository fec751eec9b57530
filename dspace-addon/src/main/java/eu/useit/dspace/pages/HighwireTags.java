/*
 * USE-IT! repository addon for DSpace.
 */
package eu.useit.dspace.pages;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Highwire Press {@code citation_*} meta tags, as Google Scholar's inclusion guidelines ask: title, each author,
 * the publication date as {@code YYYY/MM/DD} (or the year alone), and {@code citation_pdf_url} only for a PDF that
 * anybody may download. An item without an author or a date gets no invented one.
 */
public final class HighwireTags {

    private static final Pattern DATE = Pattern.compile("(\\d{4})(?:-(\\d{2}))?(?:-(\\d{2}))?.*");

    private HighwireTags() {
    }

    /**
     * @param page  the page's head so far
     * @param item  the item
     * @param url   its page's address
     * @param links the addresses
     */
    public static void append(StringBuilder page, ItemView item, String url, PageLinks links) {
        meta(page, "citation_title", item.title());
        item.all("dc.contributor.author").forEach(author -> meta(page, "citation_author", author));
        String issued = item.first("dc.date.issued");
        Matcher date = issued == null ? null : DATE.matcher(issued);
        if (date != null && date.matches()) {
            String month = date.group(2) == null ? "" : "/" + date.group(2);
            String day = date.group(2) == null || date.group(3) == null ? "" : "/" + date.group(3);
            meta(page, "citation_publication_date", date.group(1) + month + day);
        }
        meta(page, "citation_publisher", item.first("dc.publisher"));
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
        String summary = item.first("dc.description.abstract") != null ? item.first("dc.description.abstract")
            : item.first("useit.objective") != null ? item.first("useit.objective") : item.first("dc.description");
        meta(page, "description", summary);
    }

    private static void meta(StringBuilder page, String name, String content) {
        if (content != null && !content.isBlank()) {
            page.append("<meta name=\"").append(name).append("\" content=\"").append(Html.text(content.strip()))
                .append("\">\n");
        }
    }
}
