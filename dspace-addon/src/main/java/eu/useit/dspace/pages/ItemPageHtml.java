/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import eu.useit.dspace.access.FileAccess;
import eu.useit.dspace.oai.index.IllustrativeNote;

/**
 * The HTML of an item's page: what a reader sees (fields by item type, strands linked to their search, related
 * items linked to their pages, files with their access, citations, provenance) and what machines read (Highwire
 * Press {@code citation_*} tags as Google Scholar asks for them, schema.org JSON-LD, FAIR Signposting links). Every
 * value goes through {@link Html#text}. Nothing is loaded from elsewhere.
 */
public final class ItemPageHtml {

    /** Case-study fields shown as sections, in order. */
    private static final Map<String, String> SECTIONS = labels(
        "useit.objective", "Learning objective",
        "useit.challenge", "Challenge",
        "useit.approach", "Approach",
        "useit.outcome", "Outcome",
        "dc.description.abstract", "Abstract",
        "dc.description", "Description");
    /** Fields shown as facts, in order. */
    private static final Map<String, String> FACTS = labels(
        "dc.contributor.author", "Author",
        "dc.publisher", "Publisher",
        "dc.date.issued", "Date",
        "dc.type", "Type",
        "dc.coverage.spatial", "Area",
        "useit.place", "Place",
        "useit.partner", "Partner (as named in the source)",
        "useit.practitioner", "Practitioner",
        "useit.practitioner.role", "Practitioner's role",
        "dc.subject", "Subjects",
        "dc.language.iso", "Language",
        "oaire.funderName", "Funder",
        "oaire.funderIdentifier", "Funder identifier",
        "oaire.fundingStream", "Funding stream",
        "oaire.awardTitle", "Award");
    /** Fields shown elsewhere on the page or not meant for readers. */
    private static final Set<String> SHOWN_ELSEWHERE = Set.of("dc.title", "useit.strand", "useit.provenance",
        "useit.source", "useit.unverified", "dspace.entity.type", "dc.identifier.uri", "dc.date.accessioned",
        "dc.date.available", "useit.key");

    private final PageLinks links;
    private final IllustrativeNote note;

    /**
     * @param links the addresses of the pages, files and APIs
     * @param note  what an illustrative record says it is (as in its OAI-PMH records)
     */
    public ItemPageHtml(PageLinks links, IllustrativeNote note) {
        this.links = links;
        this.note = note;
    }

    /**
     * @return the addresses the pages give
     */
    public PageLinks links() {
        return links;
    }

    /**
     * @param item the item
     * @return its citations, with its page's address and what an illustrative record says it is
     */
    public Citations citations(ItemView item) {
        return new Citations(item, links.item(item), note);
    }

    /**
     * @param item      the item
     * @param citations its citations
     * @return the page
     */
    public String render(ItemView item, Citations citations) {
        String url = links.item(item);
        StringBuilder page = PageFrame.head(item.title(), links);
        link(page, "canonical", null, url);
        link(page, "cite-as", null, url);
        link(page, "linkset", "application/linkset", links.linkset(item, false));
        link(page, "linkset", "application/linkset+json", links.linkset(item, true));
        link(page, "alternate", "application/x-bibtex", links.citation(item, "bib"));
        link(page, "alternate", "application/x-research-info-systems", links.citation(item, "ris"));
        link(page, "alternate", "application/vnd.citationstyles.csl+json", links.citation(item, "json"));
        HighwireTags.append(page, item, url, links, note);
        page.append("<script type=\"application/ld+json\">").append(JsonLd.of(item, url, links, note))
            .append("</script>\n");
        PageFrame.body(page, links);
        page.append("<main id=\"main\">\n<article class=\"item\">\n<p class=\"kind\">")
            .append(Html.text(kind(item))).append("</p>\n<h1>").append(Html.text(item.title())).append("</h1>\n");
        if (item.illustrative()) {
            page.append("<p class=\"notice\" role=\"note\"><strong>").append(Html.text(note.text()))
                .append("</strong></p>\n");
        }
        strands(page, item);
        for (Map.Entry<String, String> section : SECTIONS.entrySet()) {
            for (String value : item.all(section.getKey())) {
                page.append("<section><h2>").append(Html.text(section.getValue())).append("</h2>\n<p>")
                    .append(Html.text(value)).append(unverified(item, section.getKey())).append("</p></section>\n");
            }
        }
        facts(page, item);
        files(page, item);
        related(page, item);
        cite(page, item, citations);
        provenance(page, item);
        page.append("<p class=\"links\"><a class=\"rest\" href=\"").append(Html.text(links.rest(item)))
            .append("\">REST record</a> <a class=\"oai\" href=\"").append(Html.text(links.oaiRecord(item)))
            .append("\">OAI-PMH record</a></p>\n</article>\n</main>\n");
        PageFrame.footer(page);
        return page.append("</body>\n</html>\n").toString();
    }

    private static String kind(ItemView item) {
        String type = ItemView.typeName(item.type());
        String kind = item.first("dc.type");
        return "Publication".equals(item.type()) && kind != null ? type + " · " + kind : type;
    }

    private void strands(StringBuilder page, ItemView item) {
        if (item.strands().isEmpty()) {
            return;
        }
        page.append("<ul class=\"badges\" aria-label=\"Strands\">\n");
        for (ItemView.StrandRef strand : item.strands()) {
            String top = strand.nodeId() == null ? "" : strand.nodeId().split(":")[0];
            page.append("<li class=\"badge").append(top.matches("[a-z-]+") ? " strand-" + top : "").append("\">");
            String[] parts = strand.path().split("::");
            StringBuilder path = new StringBuilder();
            for (int i = 0; i < parts.length; i++) {
                path.append(i == 0 ? "" : "::").append(parts[i]);
                page.append(i == 0 ? "" : " › ").append("<a href=\"")
                    .append(Html.text(links.strandSearch(path.toString()))).append("\">").append(Html.text(parts[i]))
                    .append("</a>");
            }
            page.append("</li>\n");
        }
        page.append("</ul>\n");
    }

    private void facts(StringBuilder page, ItemView item) {
        StringBuilder list = new StringBuilder();
        for (Map.Entry<String, String> fact : FACTS.entrySet()) {
            List<String> values = item.all(fact.getKey());
            if (!values.isEmpty()) {
                list.append("<dt>").append(Html.text(fact.getValue())).append("</dt>");
                values.forEach(v -> list.append("<dd>").append(Html.text(v)).append(unverified(item, fact.getKey()))
                                        .append("</dd>"));
                list.append('\n');
            }
        }
        for (Map.Entry<String, List<String>> field : item.fields().entrySet()) {
            String name = field.getKey();
            if (!SECTIONS.containsKey(name) && !FACTS.containsKey(name) && !SHOWN_ELSEWHERE.contains(name)) {
                list.append("<dt>").append(Html.text(name)).append("</dt>");
                field.getValue().forEach(v -> list.append("<dd>").append(Html.text(v)).append(unverified(item, name))
                                             .append("</dd>"));
                list.append('\n');
            }
        }
        if (!list.isEmpty()) {
            page.append("<section><h2>Details</h2>\n<dl class=\"fields\">\n").append(list).append("</dl></section>\n");
        }
    }

    private void files(StringBuilder page, ItemView item) {
        if (item.files().isEmpty()) {
            return;
        }
        page.append("<section><h2>Files</h2>\n<table class=\"files\">\n<thead><tr><th scope=\"col\">File</th>")
            .append("<th scope=\"col\">Format</th><th scope=\"col\">Size</th><th scope=\"col\">Access</th></tr>")
            .append("</thead>\n<tbody>\n");
        for (ItemView.FileView file : item.files()) {
            page.append("<tr><td>");
            // a file's name may have been taken away (its dc.title): a link needs words
            String name = file.name() == null || file.name().isBlank() ? "Unnamed file" : file.name();
            if (file.access().isOpen()) {
                page.append("<a href=\"").append(Html.text(links.download(file))).append("\">")
                    .append(Html.text(name)).append("</a>");
            } else {
                page.append(Html.text(name));
            }
            page.append("</td><td>").append(Html.text(file.label())).append("</td><td>")
                .append(Html.text(size(file.size()))).append("</td><td>").append(Html.text(access(file.access())))
                .append("</td></tr>\n");
        }
        page.append("</tbody>\n</table></section>\n");
    }

    private static String access(FileAccess access) {
        return switch (access.state()) {
            case OPEN -> "Open";
            case EMBARGOED -> "Embargoed until " + access.availableFrom();
            default -> "Restricted";
        };
    }

    /** A size in bytes in words (KB and MB of 1,000). */
    static String size(long bytes) {
        if (bytes < 1000) {
            return bytes + " bytes";
        }
        if (bytes < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f kB", bytes / 1000.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }

    private void related(StringBuilder page, ItemView item) {
        if (item.related().isEmpty()) {
            return;
        }
        page.append("<section><h2>Related</h2>\n<ul class=\"related\">\n");
        for (ItemView.Related related : item.related()) {
            page.append("<li><span class=\"role\">").append(Html.text(related.role())).append(":</span> <a href=\"")
                .append(Html.text(links.item(related))).append("\">").append(Html.text(related.title()))
                .append("</a></li>\n");
        }
        page.append("</ul></section>\n");
    }

    private void cite(StringBuilder page, ItemView item, Citations citations) {
        page.append("<section class=\"cite\"><h2 id=\"cite\">Cite</h2>\n<h3>APA</h3>\n<p class=\"citation\">")
            .append(Html.text(citations.apa())).append("</p>\n<h3>Harvard</h3>\n<p class=\"citation\">")
            .append(Html.text(citations.harvard())).append("</p>\n<p class=\"downloads\">Download the reference: ")
            .append("<a href=\"").append(Html.text(links.citation(item, "bib"))).append("\">BibTeX</a> ")
            .append("<a href=\"").append(Html.text(links.citation(item, "ris"))).append("\">RIS</a> ")
            .append("<a href=\"").append(Html.text(links.citation(item, "json"))).append("\">CSL-JSON</a></p>")
            .append("</section>\n");
    }

    private void provenance(StringBuilder page, ItemView item) {
        page.append("<section><h2>About this record</h2>\n<dl class=\"fields\">\n<dt>Provenance</dt><dd>")
            .append(item.illustrative() ? Html.text(note.text())
                : Html.text(provenanceWords(item.first("useit.provenance")))).append("</dd>\n");
        for (String source : item.all("useit.source")) {
            page.append("<dt>Source</dt><dd>");
            if (source.startsWith("https://") || source.startsWith("http://")) {
                page.append("<a href=\"").append(Html.text(source)).append("\">").append(Html.text(source))
                    .append("</a>");
            } else {
                page.append(Html.text(source));
            }
            page.append(unverified(item, "useit.source")).append("</dd>\n");
        }
        List<String> unverified = new ArrayList<>();
        for (String field : item.all("useit.unverified")) {
            String label = FACTS.containsKey(field.strip()) ? FACTS.get(field.strip()) : SECTIONS.get(field.strip());
            unverified.add(label != null ? label + " (" + field.strip() + ")" : field.strip());
        }
        if (!unverified.isEmpty()) {
            page.append("<dt>Not yet checked against a source</dt><dd>")
                .append(Html.text(String.join(", ", unverified))).append("</dd>\n");
        }
        page.append("<dt>Handle</dt><dd>").append(Html.text(links.item(item))).append("</dd>\n")
            .append("<dt>Last changed</dt><dd>").append(Html.text(item.lastModified())).append("</dd>\n</dl>")
            .append("</section>\n");
    }

    private static String provenanceWords(String value) {
        return value == null ? "Not stated" : "sourced".equals(value) ? "From public sources" : value;
    }

    /** A search of the search page, in its own parameter names. */
    static String query(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void link(StringBuilder page, String rel, String type, String href) {
        page.append("<link rel=\"").append(rel).append('"');
        if (type != null) {
            page.append(" type=\"").append(type).append('"');
        }
        page.append(" href=\"").append(Html.text(href)).append("\">\n");
    }

    /** The mark after a value whose field is not yet checked against a source; nothing for a checked one. */
    private static String unverified(ItemView item, String field) {
        return item.unverified(field) ? " <span class=\"unverified\">(not yet checked against a source)</span>" : "";
    }

    /** Field names and their labels, in the order given. */
    private static Map<String, String> labels(String... namesAndLabels) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < namesAndLabels.length; i += 2) {
            labels.put(namesAndLabels[i], namesAndLabels[i + 1]);
        }
        return labels;
    }
}
