/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.search;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.solr.common.SolrInputDocument;
import org.dspace.content.Item;
import org.dspace.content.MetadataValue;
import org.dspace.content.service.ItemService;
import org.dspace.core.Context;
import org.dspace.discovery.IndexableObject;
import org.dspace.discovery.SolrServiceIndexPlugin;
import org.dspace.discovery.indexobject.IndexableItem;
import org.dspace.services.ConfigurationService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Indexes one level of a hierarchical field as a text facet of its own: the sub-themes of {@code useit.strand},
 * whose stored values are label paths such as {@code Skills Matching::Placements}.
 *
 * <p>DSpace's hierarchical facet ({@code HierarchicalSidebarFacetConfiguration}) counts only the top level over
 * REST, and a plain facet on the field would mix strands with sub-themes. This plugin takes each value with at
 * least {@code level} parts, cut to its first {@code level} parts, so {@code Skills Matching::Placements} counts
 * for the sub-theme {@code Skills Matching::Placements} and a value naming a strand only ({@code Skills Matching})
 * counts for none. The full path keeps sub-themes of different strands apart.</p>
 */
public class HierarchyLevelFacetPlugin implements SolrServiceIndexPlugin {

    private String facet;
    private String metadataField;
    private String splitter = "::";
    private int level = 2;

    private ItemService items;
    private FacetValues values;

    /**
     * @param facet the filter's {@code indexFieldName} (e.g. {@code subtheme})
     */
    public void setFacet(String facet) {
        this.facet = facet;
    }

    /**
     * @param metadataField the hierarchical field, {@code schema.element[.qualifier]}
     */
    public void setMetadataField(String metadataField) {
        this.metadataField = metadataField;
    }

    /**
     * @param splitter what separates the levels of a stored value (default {@code ::})
     */
    public void setSplitter(String splitter) {
        this.splitter = splitter;
    }

    /**
     * @param level the level to index, 1 being the top (default 2)
     */
    public void setLevel(int level) {
        if (level < 1) {
            throw new IllegalArgumentException("level must be 1 or more, not " + level);
        }
        this.level = level;
    }

    /**
     * @param items         DSpace's item service
     * @param configuration DSpace's configuration
     */
    @Autowired
    public void setServices(ItemService items, ConfigurationService configuration) {
        this.items = items;
        this.values = FacetValues.of(configuration);
    }

    @Override
    public void additionalIndex(Context context, IndexableObject indexable, SolrInputDocument document) {
        if (!(indexable instanceof IndexableItem)) {
            return;
        }
        Item item = ((IndexableItem) indexable).getIndexedObject();
        String[] field = metadataField.split("\\.");
        Set<String> seen = new LinkedHashSet<>();
        for (MetadataValue value : items.getMetadata(item, field[0], field[1], field.length > 2 ? field[2] : null,
                                                     Item.ANY)) {
            String cut = cut(value.getValue());
            if (cut != null && seen.add(cut)) {
                values.add(document, facet, cut, null);
            }
        }
    }

    /**
     * @param value a stored label path
     * @return its first {@code level} parts joined by the splitter, or null when it has fewer parts
     */
    String cut(String value) {
        if (value == null) {
            return null;
        }
        String[] parts = value.split(Pattern.quote(splitter), -1);
        if (parts.length < level) {
            return null;
        }
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < level; i++) {
            String part = parts[i].trim();
            if (part.isEmpty()) {
                return null;
            }
            path.append(i == 0 ? "" : splitter).append(part);
        }
        return path.toString();
    }
}
