/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.pages;

import java.util.ArrayList;
import java.util.List;

import eu.useit.dspace.oai.index.IllustrativeNote;

/**
 * The schema.org description of an item, as JSON-LD for its page: its type, name, address, authors, date,
 * publisher, summary, strands ({@code about}), place, open files ({@code encoding}) and, for a record invented for
 * illustration, a sentence that says so. Authors, date and publisher not yet checked against a source
 * ({@code useit.unverified}) are left out; an author is a {@code Person} only when named as DSpace names people
 * ({@code Family, Given}), else of no stated type (a team, an organisation).
 */
public final class JsonLd {

    private JsonLd() {
    }

    /**
     * @param item  the item
     * @param url   its page's address
     * @param links the addresses
     * @param note  what an illustrative record says it is
     * @return the JSON-LD object, safe inside a script element
     */
    public static String of(ItemView item, String url, PageLinks links, IllustrativeNote note) {
        List<String> members = new ArrayList<>();
        members.add(pair("@context", "https://schema.org"));
        members.add(pair("@type", type(item)));
        members.add(pair("@id", url));
        members.add(pair("url", url));
        members.add(pair("name", item.title()));
        members.add(pair("identifier", url));
        List<String> authors = new ArrayList<>();
        for (String author : item.unverified("dc.contributor.author") ? List.<String>of()
            : item.all("dc.contributor.author")) {
            authors.add(author.matches("[^,]+,[^,]+") ? object(pair("@type", "Person"), pair("name", author))
                : object(pair("name", author)));
        }
        if (!authors.isEmpty()) {
            members.add(Html.jsonString("author") + ":" + array(authors));
        }
        if (!item.unverified("dc.date.issued")) {
            add(members, "datePublished", item.first("dc.date.issued"));
        }
        if (item.first("dc.publisher") != null && !item.unverified("dc.publisher")) {
            members.add(Html.jsonString("publisher") + ":"
                + object(pair("@type", "Organization"), pair("name", item.first("dc.publisher"))));
        }
        add(members, "abstract", item.first("dc.description.abstract"));
        add(members, "description", item.first("useit.objective") != null ? item.first("useit.objective")
            : item.first("dc.description"));
        add(members, "genre", "CaseStudy".equals(item.type()) ? "Case study" : item.first("dc.type"));
        add(members, "inLanguage", item.first("dc.language.iso"));
        List<String> about = new ArrayList<>();
        item.strands().forEach(s -> about.add(Html.jsonString(s.path().replace("::", " > "))));
        if (!about.isEmpty()) {
            members.add(Html.jsonString("about") + ":" + array(about));
        }
        if (!item.all("dc.subject").isEmpty()) {
            members.add(pair("keywords", String.join(", ", item.all("dc.subject"))));
        }
        add(members, "spatialCoverage", item.first("dc.coverage.spatial"));
        List<String> encodings = new ArrayList<>();
        for (ItemView.FileView file : item.files()) {
            if (file.access().isOpen()) {
                List<String> media = new ArrayList<>(List.of(pair("@type", "MediaObject")));
                // a file's name may have been taken away (its dc.title)
                add(media, "name", file.name());
                media.add(pair("contentUrl", links.download(file)));
                media.add(pair("encodingFormat", file.format()));
                media.add(Html.jsonString("contentSize") + ":" + Html.jsonString(file.size() + " B"));
                encodings.add(object(media.toArray(String[]::new)));
            }
        }
        if (!encodings.isEmpty()) {
            members.add(Html.jsonString("encoding") + ":" + array(encodings));
        }
        if (item.illustrative()) {
            members.add(pair("disambiguatingDescription", note.text()));
        }
        members.add(pair("dateModified", item.lastModified()));
        return "{" + String.join(",", members) + "}";
    }

    private static String type(ItemView item) {
        String kind = item.first("dc.type") == null ? "" : item.first("dc.type").toLowerCase();
        return switch (item.type() == null ? "" : item.type()) {
            case "OrgUnit" -> "Organization";
            case "Project" -> "ResearchProject";
            case "Publication" -> kind.contains("video") ? "VideoObject" : kind.contains("report") ? "Report"
                : kind.contains("blog") || kind.contains("post") ? "BlogPosting" : "CreativeWork";
            default -> "CreativeWork";
        };
    }

    private static void add(List<String> members, String name, String value) {
        if (value != null && !value.isBlank()) {
            members.add(pair(name, value));
        }
    }

    private static String pair(String name, String value) {
        return Html.jsonString(name) + ":" + Html.jsonString(value);
    }

    private static String object(String... members) {
        return "{" + String.join(",", members) + "}";
    }

    private static String array(List<String> values) {
        return "[" + String.join(",", values) + "]";
    }
}
