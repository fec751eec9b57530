/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.taxonomy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import eu.useit.xml.SafeXml;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The USE-IT! strand taxonomy, read from a DSpace hierarchical controlled vocabulary file
 * ({@code config/controlled-vocabularies/useit-strands.xml}): the one source of strands for forms, facets, OAI sets
 * and the SKOS export. Immutable once loaded.
 */
public final class StrandVocabulary {

    /** The vocabulary's DSpace plugin name, also its file name without ".xml". */
    public static final String NAME = "useit-strands";

    private final Strand root;
    private final Map<String, Strand> byId;

    private StrandVocabulary(Strand root, Map<String, Strand> byId) {
        this.root = root;
        this.byId = Collections.unmodifiableMap(byId);
    }

    /**
     * Reads the vocabulary of a DSpace home.
     *
     * @param dspaceDir the DSpace home
     * @return the vocabulary
     * @throws IOException if the file is missing, unreadable or malformed
     */
    public static StrandVocabulary load(Path dspaceDir) throws IOException {
        Path file = dspaceDir.resolve("config").resolve("controlled-vocabularies").resolve(NAME + ".xml");
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in);
        } catch (IOException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses a vocabulary file.
     *
     * @param in the XML
     * @return the vocabulary
     * @throws IOException if the XML is malformed, or an id is missing or repeated
     */
    public static StrandVocabulary parse(InputStream in) throws IOException {
        Element top;
        try {
            top = SafeXml.parse(in).getDocumentElement();
        } catch (SAXException e) {
            throw new IOException("not a well-formed vocabulary: " + e.getMessage(), e);
        }
        if (!"node".equals(top.getLocalName())) {
            throw new IOException("a vocabulary's root element is <node>, not <" + top.getLocalName() + ">");
        }
        Map<String, Strand> byId = new LinkedHashMap<>();
        Strand root = read(top, null, byId);
        return new StrandVocabulary(root, byId);
    }

    private static Strand read(Element node, String parentId, Map<String, Strand> byId) throws IOException {
        String id = node.getAttribute("id").strip();
        String label = node.getAttribute("label").strip();
        if (id.isEmpty() || label.isEmpty()) {
            throw new IOException("every <node> needs an id and a label (found id='" + id + "')");
        }
        String note = "";
        List<Strand> children = new ArrayList<>();
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && "hasNote".equals(element.getLocalName())) {
                note = element.getTextContent().strip().replaceAll("\\s+", " ");
            } else if (child instanceof Element element && "isComposedBy".equals(element.getLocalName())) {
                for (Node grand = element.getFirstChild(); grand != null; grand = grand.getNextSibling()) {
                    if (grand instanceof Element sub && "node".equals(sub.getLocalName())) {
                        children.add(read(sub, id, byId));
                    }
                }
            }
        }
        Strand strand = new Strand(id, label, note, parentId, List.copyOf(children));
        if (byId.putIfAbsent(id, strand) != null) {
            throw new IOException("the id '" + id + "' is used twice");
        }
        return strand;
    }

    /**
     * @return the root node (the scheme itself)
     */
    public Strand root() {
        return root;
    }

    /**
     * @return the four strands (the root's children)
     */
    public List<Strand> strands() {
        return root.children();
    }

    /**
     * @return every node but the root, parents before their children
     */
    public List<Strand> all() {
        List<Strand> all = new ArrayList<>();
        collect(root, all);
        return all;
    }

    private static void collect(Strand node, List<Strand> into) {
        for (Strand child : node.children()) {
            into.add(child);
            collect(child, into);
        }
    }

    /**
     * @param id a node id
     * @return the node, unless the id is unknown (the root is not a choosable node and is not found)
     */
    public Optional<Strand> find(String id) {
        Strand strand = id == null ? null : byId.get(id.strip());
        return strand == null || strand.isRoot() ? Optional.empty() : Optional.of(strand);
    }

    /**
     * @param path a hierarchical label as DSpace stores it ({@code "Skills Matching::Placements"}, see
     *             {@link #hierarchicalLabel})
     * @return the node it names, unless no choosable node has that label path
     */
    public Optional<Strand> findByLabelPath(String path) {
        if (path == null) {
            return Optional.empty();
        }
        return all().stream().filter(strand -> hierarchicalLabel(strand).equals(path.strip())).findFirst();
    }

    /**
     * @param value a strand as a record or a client gives it: its node id, or its label path as DSpace stores it
     * @return the node it names, unless it names none
     */
    public Optional<Strand> findByIdOrLabelPath(String value) {
        return find(value).or(() -> findByLabelPath(value));
    }

    /**
     * @param id a node id
     * @return the node and its ancestors up to (not including) the root, nearest first; empty if unknown
     */
    public List<Strand> lineage(String id) {
        List<Strand> lineage = new ArrayList<>();
        Optional<Strand> current = find(id);
        while (current.isPresent()) {
            lineage.add(current.get());
            current = find(current.get().parentId());
        }
        return lineage;
    }

    /**
     * The value DSpace stores for a node when the vocabulary keeps the hierarchy: labels from the strand down,
     * joined by {@code "::"} (e.g. {@code "Skills Matching::Placements"}).
     *
     * @param strand a node
     * @return its hierarchical label
     */
    public String hierarchicalLabel(Strand strand) {
        List<Strand> lineage = lineage(strand.id());
        StringBuilder label = new StringBuilder();
        for (int i = lineage.size() - 1; i >= 0; i--) {
            label.append(lineage.get(i).label());
            if (i > 0) {
                label.append("::");
            }
        }
        return label.toString();
    }
}
