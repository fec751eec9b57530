/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.pages;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * For crawlers: {@code sitemap.xml} of the item pages of every public item (read from the OAI core, so it follows
 * each commit), split into parts of 50,000 addresses below a sitemap index when there are more, and
 * {@code robots.txt}, which lets crawlers reach item pages, files and the strand browse page and keeps them out of
 * search-result addresses, the REST API and OAI-PMH. Anybody may read both.
 */
@Controller
public class Crawlers {

    /** The most addresses one sitemap may hold (sitemaps.org). */
    static final int PART = 50_000;

    private final OaiCoreReader core;
    private final PageLinks links;

    /**
     * @param core  the public items
     * @param links the addresses
     */
    public Crawlers(OaiCoreReader core, PageLinks links) {
        this.core = core;
        this.links = links;
    }

    /**
     * @param part the part, when the sitemap is split
     * @return the sitemap, a part of it, or its index (503 while the OAI core cannot be read)
     */
    @GetMapping("/useit/sitemap.xml")
    public ResponseEntity<String> sitemap(@RequestParam(name = "part", required = false) String part) {
        return IndexAnswer.of("The sitemap", () -> sitemapOf(part));
    }

    private ResponseEntity<String> sitemapOf(String part) throws IOException {
        long count = core.count();
        int parts = (int) Math.max(1, (count + PART - 1) / PART);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        if (part == null && parts > 1) {
            xml.append("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
            for (int i = 0; i < parts; i++) {
                xml.append("<sitemap><loc>").append(Html.text(links.asset("sitemap.xml?part=" + i)))
                   .append("</loc></sitemap>\n");
            }
            return xml(xml.append("</sitemapindex>\n"));
        }
        int index = part == null ? 0 : partNumber(part);
        if (index < 0 || index >= parts) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
                                 .body("There is no part " + part + " of the sitemap; there are " + parts + ".\n");
        }
        xml.append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        List<OaiCoreReader.Entry> entries = core.entries(index * PART, PART);
        for (OaiCoreReader.Entry entry : entries) {
            xml.append("<url><loc>").append(Html.text(links.ui() + "/handle/" + entry.handle())).append("</loc>");
            if (entry.lastModified() != null) {
                xml.append("<lastmod>").append(DateTimeFormatter.ISO_INSTANT.format(entry.lastModified().toInstant()))
                   .append("</lastmod>");
            }
            xml.append("</url>\n");
        }
        return xml(xml.append("</urlset>\n"));
    }

    /**
     * @return the rules for crawlers
     */
    @GetMapping("/useit/robots.txt")
    public ResponseEntity<String> robots() {
        String pages = URI.create(links.ui()).getRawPath();
        String own = URI.create(links.pages()).getRawPath();
        String server = URI.create(links.server()).getRawPath();
        String text = "# USE-IT! repository: item pages, files and the strand browse page are for everybody;\n"
            + "# search results, the REST API and OAI-PMH (for harvesters) are not for crawlers.\n"
            + "User-agent: *\n"
            + "Allow: " + pages + "/handle/\n"
            + "Allow: " + pages + "/items/\n"
            + "Allow: " + pages + "/bitstreams/\n"
            + "Allow: " + own + "/browse\n"
            + "Disallow: " + own + "/?\n"
            + "Disallow: " + own + "/items/*/citation.\n"
            + "Disallow: " + server + "/api/\n"
            + "Disallow: " + server + "/oai/\n"
            + "\nSitemap: " + links.asset("sitemap.xml") + "\n";
        return ResponseEntity.ok().cacheControl(CacheControl.noCache())
                             .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8)).body(text);
    }

    private static int partNumber(String part) {
        try {
            return Integer.parseInt(part);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static ResponseEntity<String> xml(StringBuilder xml) {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache())
                             .contentType(new MediaType(MediaType.APPLICATION_XML, StandardCharsets.UTF_8))
                             .body(xml.toString());
    }
}
