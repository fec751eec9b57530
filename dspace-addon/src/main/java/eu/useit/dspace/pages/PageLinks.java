/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.pages;

import java.util.UUID;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The addresses the pages give, from DSpace's settings: item pages and files at the paths DSpace's web UI uses
 * below {@code dspace.ui.url} ({@code /handle/<handle>}, {@code /items/<uuid>}, {@code /bitstreams/<uuid>/download}),
 * so the links in harvested records work whether a site shows these pages or runs DSpace's own UI; the REST API,
 * OAI-PMH and Signposting below {@code dspace.server.url}.
 *
 * @param ui        {@code dspace.ui.url}, without a trailing slash (where item pages and files are linked)
 * @param server    {@code dspace.server.url}, without a trailing slash
 * @param oaiPrefix the OAI identifier namespace ({@code oai.identifier.prefix})
 */
public record PageLinks(String ui, String server, String oaiPrefix) {

    /**
     * @param ui        {@code dspace.ui.url}
     * @param server    {@code dspace.server.url}
     * @param oaiPrefix the OAI identifier namespace
     * @return the links, trailing slashes removed
     */
    public static PageLinks of(String ui, String server, String oaiPrefix) {
        return new PageLinks(strip(ui), strip(server), oaiPrefix);
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /**
     * @return where the addon's own pages are ({@code [dspace.server.url]/useit}): the same as {@code ui} where the
     *     pages are the site's interface, not where a site runs DSpace's own
     */
    public String pages() {
        return server + "/useit";
    }

    /** @return an item's page (its handle's address) */
    public String item(ItemView item) {
        return item(item.handle(), item.uuid());
    }

    /** @return a related item's page */
    public String item(ItemView.Related item) {
        return item(item.handle(), item.uuid());
    }

    /**
     * @param handle the item's handle, or null
     * @param uuid   the item's UUID
     * @return the item's page: its handle's address, else its UUID's
     */
    public String item(String handle, UUID uuid) {
        return handle != null ? ui + "/handle/" + handle : ui + "/items/" + uuid;
    }

    /** @return a file's download address */
    public String download(ItemView.FileView file) {
        return ui + "/bitstreams/" + file.uuid() + "/download";
    }

    /** @return a citation download: {@code bib}, {@code ris} or {@code json} */
    public String citation(ItemView item, String format) {
        return pages() + "/items/" + item.uuid() + "/citation." + format;
    }

    /** @return a file of the pages ({@code search.css} ...) */
    public String asset(String name) {
        return pages() + "/" + name;
    }

    /** @return the search page, searching one strand or sub-theme by its label path */
    public String strandSearch(String path) {
        return pages() + "/?" + ItemPageHtml.query("f.strand", path + ",equals");
    }

    /** @return the search page */
    public String search() {
        return pages() + "/";
    }

    /** @return the strand browse page */
    public String browse() {
        return pages() + "/browse";
    }

    /** @return the deposit page for librarians */
    public String deposit() {
        return pages() + "/deposit";
    }

    /** @return DSpace's FAIR Signposting linkset of an item */
    public String linkset(ItemView item, boolean json) {
        return server + "/signposting/linksets/" + item.uuid() + (json ? "/json" : "");
    }

    /** @return the item's REST record */
    public String rest(ItemView item) {
        return server + "/api/core/items/" + item.uuid();
    }

    /** @return the item's OAI-PMH record ({@code oai_dc}) */
    public String oaiRecord(ItemView item) {
        return server + "/oai/request?verb=GetRecord&metadataPrefix=oai_dc&identifier="
            + URLEncoder.encode("oai:" + oaiPrefix + ":" + item.handle(), StandardCharsets.UTF_8);
    }
}
