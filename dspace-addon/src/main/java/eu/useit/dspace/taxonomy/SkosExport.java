/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.taxonomy;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes the strand vocabulary as a SKOS concept scheme in Turtle, for reuse outside DSpace. Concept IRIs are
 * the scheme IRI followed by the node id with ":" read as "/"
 * ({@code skills-matching:placements} → {@code <scheme>/skills-matching/placements}); {@code skos:notation}
 * keeps the id itself.
 */
public final class SkosExport {

    /** The scheme's IRI (the vocabulary's persistent identifier). */
    public static final String SCHEME = "https://w3id.org/useit/strands";

    private SkosExport() {
    }

    /**
     * @param vocabulary the vocabulary
     * @return the whole scheme as a Turtle document
     */
    public static String turtle(StrandVocabulary vocabulary) {
        StringBuilder ttl = new StringBuilder();
        ttl.append("@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n");
        ttl.append("@prefix dct: <http://purl.org/dc/terms/> .\n\n");
        Strand root = vocabulary.root();
        ttl.append('<').append(SCHEME).append("> a skos:ConceptScheme ;\n");
        ttl.append("    dct:title ").append(literal(root.label())).append(" ;\n");
        if (!root.note().isEmpty()) {
            ttl.append("    skos:definition ").append(literal(root.note())).append(" ;\n");
        }
        ttl.append("    skos:hasTopConcept ").append(iris(root.children())).append(" .\n");
        for (Strand strand : vocabulary.all()) {
            ttl.append('\n').append(iri(strand)).append(" a skos:Concept ;\n");
            ttl.append("    skos:inScheme <").append(SCHEME).append("> ;\n");
            if (root.id().equals(strand.parentId())) {
                ttl.append("    skos:topConceptOf <").append(SCHEME).append("> ;\n");
            } else {
                ttl.append("    skos:broader ").append(iri(vocabulary.find(strand.parentId()).orElseThrow()))
                   .append(" ;\n");
            }
            if (!strand.children().isEmpty()) {
                ttl.append("    skos:narrower ").append(iris(strand.children())).append(" ;\n");
            }
            if (!strand.note().isEmpty()) {
                ttl.append("    skos:definition ").append(literal(strand.note())).append(" ;\n");
            }
            ttl.append("    skos:notation \"").append(escape(strand.id())).append("\" ;\n");
            ttl.append("    skos:prefLabel ").append(literal(strand.label())).append(" .\n");
        }
        return ttl.toString();
    }

    /**
     * @param strand a node
     * @return its concept IRI, in angle brackets
     */
    public static String iri(Strand strand) {
        return "<" + SCHEME + "/" + strand.id().replace(':', '/') + ">";
    }

    private static String iris(List<Strand> strands) {
        return strands.stream().map(SkosExport::iri).collect(Collectors.joining(", "));
    }

    private static String literal(String text) {
        return "\"" + escape(text) + "\"@en";
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
