/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.pages;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import eu.useit.dspace.oai.index.IllustrativeNote;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Item pages at the addresses DSpace's web UI uses ({@code /handle/<prefix>/<suffix>}, {@code /items/<uuid>},
 * {@code /entities/<type>/<uuid>}, which DSpace's Signposting names) and
 * their citation downloads ({@code /items/<uuid>/citation.bib|ris|json}), below the addon's pages. Anybody may use
 * them; they show what an anonymous user may see (an anonymous DSpace context, whoever asks). A withdrawn item's
 * page is gone (410), anything else not public is not found (404); neither names anything of the item.
 */
@Controller
public class ItemPages {

    /** The most open files an item page's Link header names. */
    static final int HEADER_FILES = 20;

    private final ItemReader reader;
    private final ItemPageHtml html;

    /**
     * @param reader reads items as anonymous users see them
     * @param links  the addresses
     * @param note   what an illustrative record says it is (as in its OAI-PMH records)
     */
    public ItemPages(ItemReader reader, PageLinks links, IllustrativeNote note) {
        this.reader = reader;
        this.html = new ItemPageHtml(links, note);
    }

    /**
     * @param prefix the handle's prefix
     * @param suffix the handle's suffix
     * @return the item's page, or a page that says there is none
     * @throws Exception if the database cannot be read
     */
    @GetMapping("/useit/handle/{prefix}/{suffix}")
    public ResponseEntity<String> byHandle(@PathVariable("prefix") String prefix,
                                           @PathVariable("suffix") String suffix) throws Exception {
        return page(AnonymousContext.call(context -> reader.byHandle(context, prefix + "/" + suffix)));
    }

    /**
     * @param uuid the item's UUID
     * @return the item's page, or a page that says there is none
     * @throws Exception if the database cannot be read
     */
    @GetMapping({"/useit/items/{uuid}", "/useit/entities/{type}/{uuid}"})
    public ResponseEntity<String> byUuid(@PathVariable("uuid") String uuid) throws Exception {
        UUID id = uuid(uuid);
        return page(id == null ? missing() : AnonymousContext.call(context -> reader.byUuid(context, id)));
    }

    /**
     * @param uuid   the item's UUID
     * @param format {@code bib}, {@code ris} or {@code json}
     * @return the item's reference in that format, as a download
     * @throws Exception if the database cannot be read
     */
    @GetMapping("/useit/items/{uuid}/citation.{format}")
    public ResponseEntity<String> citation(@PathVariable("uuid") String uuid,
                                           @PathVariable("format") String format) throws Exception {
        UUID id = uuid(uuid);
        ItemReader.Lookup lookup = id == null ? missing() : AnonymousContext.call(c -> reader.byUuid(c, id));
        if (lookup.status() != ItemReader.Status.FOUND || !List.of("bib", "ris", "json").contains(format)) {
            return page(lookup.status() == ItemReader.Status.FOUND ? missing() : lookup);
        }
        Citations citations = html.citations(lookup.view());
        String body = switch (format) {
            case "bib" -> citations.bibtex();
            case "ris" -> citations.ris();
            default -> citations.cslJson();
        };
        String type = switch (format) {
            case "bib" -> "application/x-bibtex";
            case "ris" -> "application/x-research-info-systems";
            default -> "application/vnd.citationstyles.csl+json";
        };
        return ResponseEntity.ok().cacheControl(CacheControl.noCache())
            .contentType(new MediaType(MediaType.parseMediaType(type), StandardCharsets.UTF_8))
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(citations.fileStem() + "." + format).build().toString())
            .body(body);
    }

    private ResponseEntity<String> page(ItemReader.Lookup lookup) {
        ResponseEntity.BodyBuilder response;
        String body;
        switch (lookup.status()) {
            case FOUND -> {
                ItemView item = lookup.view();
                response = ResponseEntity.ok().header(HttpHeaders.LINK, signposts(item));
                body = html.render(item, html.citations(item));
            }
            case GONE -> {
                response = ResponseEntity.status(HttpStatus.GONE);
                body = PageFrame.nothing(html.links(), "No longer available",
                                         "The item at this address has been withdrawn from the repository.");
            }
            default -> {
                response = ResponseEntity.status(HttpStatus.NOT_FOUND);
                body = PageFrame.nothing(html.links(), "Not found", "There is no item at this address.");
            }
        }
        // access can change at any time: browsers and proxies ask again
        return response.cacheControl(CacheControl.noCache())
                       .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(body);
    }

    /**
     * FAIR Signposting level 1 in the Link header: cite-as, type, the open files, the linksets. An item with more
     * than {@link #HEADER_FILES} open files names them in its linksets only (level 2): the header stays far below
     * the web server's limit on a response's headers (8 KB), which a long list would break.
     */
    private String signposts(ItemView item) {
        PageLinks links = html.links();
        List<String> link = new ArrayList<>();
        link.add("<" + links.item(item) + ">; rel=\"cite-as\"");
        link.add("<https://schema.org/" + ("OrgUnit".equals(item.type()) ? "Organization" : "CreativeWork")
                     + ">; rel=\"type\"");
        link.add("<https://schema.org/AboutPage>; rel=\"type\"");
        List<ItemView.FileView> open = item.files().stream().filter(file -> file.access().isOpen()).toList();
        if (open.size() <= HEADER_FILES) {
            for (ItemView.FileView file : open) {
                link.add("<" + links.download(file) + ">; rel=\"item\"; type=\"" + file.format() + "\"");
            }
        }
        link.add("<" + links.linkset(item, false) + ">; rel=\"linkset\"; type=\"application/linkset\"");
        link.add("<" + links.linkset(item, true) + ">; rel=\"linkset\"; type=\"application/linkset+json\"");
        return String.join(", ", link);
    }

    private static ItemReader.Lookup missing() {
        return new ItemReader.Lookup(ItemReader.Status.MISSING, null);
    }

    /** A UUID as the address gives it, or null when it is not one. */
    static UUID uuid(String text) {
        try {
            UUID id = UUID.fromString(text);
            return id.toString().equalsIgnoreCase(text) ? id : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
