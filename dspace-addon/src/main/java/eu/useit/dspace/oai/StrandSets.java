/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import eu.useit.dspace.taxonomy.Strand;
import eu.useit.dspace.taxonomy.StrandVocabulary;
import org.apache.solr.client.solrj.util.ClientUtils;

/**
 * The OAI-PMH sets made from the strand vocabulary: {@code strand} (every record with a strand),
 * {@code strand:<strand>} and {@code strand:<strand>:<sub-theme>}, named by the vocabulary's labels. A record in a
 * sub-theme is in its strand and in {@code strand} too. Set specs follow the vocabulary's node ids, so editing the
 * vocabulary file changes the sets.
 */
public final class StrandSets {

    /** The set spec of the whole taxonomy, and the prefix of every strand set spec. */
    public static final String ROOT = "strand";

    /** The OAI Solr field with the node ids (authority keys) of an item's {@code useit.strand} values. */
    public static final String FIELD = "metadata.useit.strand.authority";

    private final StrandVocabulary vocabulary;

    /**
     * @param vocabulary the strand vocabulary
     */
    public StrandSets(StrandVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /**
     * @return every strand set, the taxonomy first, parents before their children
     */
    public List<StrandSet> all() {
        List<StrandSet> sets = new ArrayList<>();
        sets.add(new StrandSet(ROOT, vocabulary.root().label()));
        for (Strand strand : vocabulary.all()) {
            sets.add(new StrandSet(spec(strand), name(strand)));
        }
        return sets;
    }

    /**
     * @param setSpec a set spec
     * @return whether it is one of the strand sets
     */
    public boolean exists(String setSpec) {
        return ROOT.equals(setSpec) || nodeId(setSpec).flatMap(vocabulary::find).isPresent();
    }

    /**
     * @return the vocabulary the sets are made from
     */
    public StrandVocabulary vocabulary() {
        return vocabulary;
    }

    /**
     * @param setSpec a set spec
     * @return whether it is in the strand namespace ({@code strand} or {@code strand:...}), known or not
     */
    public static boolean isStrandSpec(String setSpec) {
        return ROOT.equals(setSpec) || setSpec.startsWith(ROOT + ":");
    }

    /**
     * @param setSpec a strand set spec
     * @return the Solr query selecting the set's records in the OAI core
     */
    public String solrQuery(String setSpec) {
        // exactly the vocabulary's nodes in the set, as the records' headers name sets (setsOf): a node taken out of
        // the vocabulary is in no set, not even under its old parent's prefix
        Optional<Strand> node = ROOT.equals(setSpec) ? Optional.of(vocabulary.root())
            : nodeId(setSpec).flatMap(vocabulary::find);
        List<String> ids = new ArrayList<>();
        node.ifPresent(strand -> collect(strand, ids));
        if (ids.isEmpty()) {
            return "-*:*";
        }
        return FIELD + ":(" + ids.stream().map(ClientUtils::escapeQueryChars).collect(Collectors.joining(" OR ")) + ")";
    }

    /** A node's id and its descendants' (the root has none of its own). */
    private static void collect(Strand node, List<String> ids) {
        if (!node.isRoot()) {
            ids.add(node.id());
        }
        node.children().forEach(child -> collect(child, ids));
    }

    /**
     * @param nodeIds the strand node ids of a record
     * @return the set specs the record belongs to: its nodes, their ancestors and the taxonomy
     */
    public Set<String> setsOf(Collection<String> nodeIds) {
        Set<String> specs = new LinkedHashSet<>();
        for (String id : nodeIds) {
            List<Strand> lineage = vocabulary.lineage(id);
            if (!lineage.isEmpty()) {
                specs.add(ROOT);
                for (int i = lineage.size() - 1; i >= 0; i--) {
                    specs.add(spec(lineage.get(i)));
                }
            }
        }
        return specs;
    }

    private static Optional<String> nodeId(String setSpec) {
        return setSpec.startsWith(ROOT + ":") ? Optional.of(setSpec.substring(ROOT.length() + 1)) : Optional.empty();
    }

    private static String spec(Strand strand) {
        return ROOT + ":" + strand.id();
    }

    private String name(Strand strand) {
        List<Strand> lineage = vocabulary.lineage(strand.id());
        List<String> labels = lineage.stream().map(Strand::label).collect(Collectors.toList());
        Collections.reverse(labels);
        return String.join(": ", labels);
    }

    /**
     * One strand set.
     *
     * @param spec its set spec
     * @param name its name
     */
    public record StrandSet(String spec, String name) {
    }
}
