/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.pages;

/**
 * The parts every page shares: the masthead with the site's navigation, the footer, and the short page for an
 * address that leads nowhere (it names nothing of what was asked for).
 */
public final class PageFrame {

    private PageFrame() {
    }

    /**
     * @param page  the page so far
     * @param links the addresses
     */
    public static void masthead(StringBuilder page, PageLinks links) {
        page.append("<header class=\"masthead\">\n<p class=\"site\"><a href=\"").append(Html.text(links.search()))
            .append("\">USE-IT! repository</a></p>\n<nav aria-label=\"Site\"><ul class=\"site-nav\">")
            .append("<li><a href=\"").append(Html.text(links.search())).append("\">Search</a></li>")
            .append("<li><a href=\"").append(Html.text(links.browse())).append("\">Browse by strand</a></li>")
            .append("<li><a href=\"").append(Html.text(links.deposit())).append("\">Deposit</a></li>")
            .append("</ul></nav>\n</header>\n");
    }

    /**
     * @param page the page so far
     */
    public static void footer(StringBuilder page) {
        page.append("<footer class=\"footer\"><p>USE-IT! (Unlocking Social and Economic Innovation Together), ")
            .append("Birmingham and Smethwick: case studies and Library outputs, served by DSpace.</p></footer>\n");
    }

    /**
     * The start of a page, up to the end of the stylesheets of its head.
     *
     * @param title the page's title
     * @param links the addresses
     * @return the page so far
     */
    public static StringBuilder head(String title, PageLinks links) {
        return new StringBuilder(16_384).append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n")
            .append("<meta charset=\"utf-8\">\n")
            .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
            .append(Html.text(title)).append(" | USE-IT! repository</title>\n<link rel=\"icon\" href=\"data:,\">\n")
            .append("<link rel=\"stylesheet\" href=\"").append(Html.text(links.asset("search.css"))).append("\">\n")
            .append("<link rel=\"stylesheet\" href=\"").append(Html.text(links.asset("pages.css"))).append("\">\n");
    }

    /**
     * Ends the head and starts the body: the link that skips to the content, the masthead.
     *
     * @param page  the page so far
     * @param links the addresses
     */
    public static void body(StringBuilder page, PageLinks links) {
        page.append("</head>\n<body>\n<a class=\"skip\" href=\"#main\">Skip to content</a>\n");
        masthead(page, links);
    }

    /**
     * A page for an address with nothing behind it that the reader may see.
     *
     * @param links   the addresses
     * @param heading what the page says, e.g. "Not found"
     * @param text    one sentence more
     * @return the page
     */
    public static String nothing(PageLinks links, String heading, String text) {
        StringBuilder page = head(heading, links).append("<meta name=\"robots\" content=\"noindex\">\n");
        body(page, links);
        page.append("<main id=\"main\">\n<h1>").append(Html.text(heading)).append("</h1>\n<p>")
            .append(Html.text(text)).append("</p>\n<p><a href=\"").append(Html.text(links.search()))
            .append("\">Search the repository</a></p>\n</main>\n");
        footer(page);
        return page.append("</body>\n</html>\n").toString();
    }
}
