/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.pages;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import eu.useit.dspace.oai.StrandSets;
import eu.useit.dspace.taxonomy.Strand;
import eu.useit.dspace.taxonomy.StrandVocabulary;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The strand browse page ({@code /browse} below the addon's pages): the strand tree of the vocabulary file (the
 * one source of strands; an edit shows at once) with the number of public items in each strand and sub-theme,
 * each leading to its search. Anybody may read it.
 */
@Controller
public class StrandBrowse {

    /** The item types the search page finds (the {@code useit} Discovery configuration's default filter). */
    private static final String SEARCHED = "metadata.dspace.entity.type:(CaseStudy OR Publication)";

    private final Supplier<StrandSets> strands;
    private final OaiCoreReader core;
    private final PageLinks links;

    /**
     * @param strands the strand vocabulary, as current as its file
     * @param core    the public items
     * @param links   the addresses
     */
    public StrandBrowse(Supplier<StrandSets> strands, OaiCoreReader core, PageLinks links) {
        this.strands = strands;
        this.core = core;
        this.links = links;
    }

    /**
     * @return the page (503 while the OAI core cannot be read)
     */
    @GetMapping({"/useit/browse", "/useit/browse/"})
    public ResponseEntity<String> browse() {
        return IndexAnswer.of("The strand browse page", this::page);
    }

    private ResponseEntity<String> page() throws IOException {
        StrandSets sets = strands.get();
        StrandVocabulary vocabulary = sets.vocabulary();
        Map<String, String> queries = new LinkedHashMap<>();
        for (Strand strand : vocabulary.all()) {
            if (!strand.isRoot()) {
                // what its link finds: the search page's case studies and Library outputs, not partners or projects
                queries.put(strand.id(), "(" + sets.solrQuery(StrandSets.ROOT + ":" + strand.id()) + ") AND "
                    + SEARCHED);
            }
        }
        Map<String, Integer> counts = core.counts(queries);
        StringBuilder page = PageFrame.head("Browse by strand", links);
        PageFrame.body(page, links);
        page.append("<main id=\"main\">\n<h1>Browse by strand</h1>\n<p>USE-IT! worked along four strands. ")
            .append("Each strand and sub-theme leads to its case studies and Library outputs; the numbers count ")
            .append("the public items in it.</p>\n");
        tree(page, vocabulary, vocabulary.root(), counts);
        page.append("</main>\n");
        PageFrame.footer(page);
        return ResponseEntity.ok().cacheControl(CacheControl.noCache())
                             .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                             .body(page.append("</body>\n</html>\n").toString());
    }

    private void tree(StringBuilder page, StrandVocabulary vocabulary, Strand node, Map<String, Integer> counts) {
        if (node.children().isEmpty()) {
            return;
        }
        page.append(node.isRoot() ? "<ul class=\"strand-tree\">\n" : "<ul>\n");
        for (Strand child : node.children()) {
            String top = child.id().split(":")[0];
            page.append("<li class=\"strand-").append(top.matches("[a-z-]+") ? top : "other").append("\"><a href=\"")
                .append(Html.text(links.strandSearch(vocabulary.hierarchicalLabel(child)))).append("\">")
                .append(Html.text(child.label())).append("</a> <span class=\"count\">")
                .append(counts.getOrDefault(child.id(), 0)).append(counts.getOrDefault(child.id(), 0) == 1
                    ? " item" : " items").append("</span>");
            if (child.note() != null && !child.note().isBlank()) {
                page.append("<p class=\"note\">").append(Html.text(child.note())).append("</p>");
            }
            tree(page, vocabulary, child, counts);
            page.append("</li>\n");
        }
        page.append("</ul>\n");
    }
}
