/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.search;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import eu.useit.dspace.access.AnonymousAccess;
import eu.useit.dspace.support.UseitBeans;
import org.apache.commons.lang3.StringUtils;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.solr.common.SolrInputDocument;
import org.dspace.content.Item;
import org.dspace.content.Relationship;
import org.dspace.content.RelationshipType;
import org.dspace.content.service.ItemService;
import org.dspace.content.service.RelationshipService;
import org.dspace.core.Context;
import org.dspace.discovery.IndexableObject;
import org.dspace.discovery.SolrServiceIndexPlugin;
import org.dspace.discovery.indexobject.IndexableItem;
import org.dspace.services.ConfigurationService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Indexes the names of an item's related items as the values of a text facet: for a case study, the names of its
 * partner organisations ({@code isPartnerOfCaseStudy}), each with the organisation's UUID as authority key.
 *
 * <p>DSpace itself indexes a relationship only as {@code relation.<name>} = the other item's UUID; names come
 * from virtual metadata, which would also change what the item shows in REST and OAI-PMH. This plugin changes the
 * index only. Only public related items give names (archived, not withdrawn, discoverable, readable by anonymous
 * users: {@link AnonymousAccess}), whoever indexes. When a related item is renamed or its access changes, the
 * {@code useitoai} consumer indexes the items related to it again.</p>
 */
public class RelatedItemFacetPlugin implements SolrServiceIndexPlugin {

    private static final Logger log = LogManager.getLogger(RelatedItemFacetPlugin.class);

    private String facet;
    private List<String> relations = List.of();
    private String nameField = "dc.title";

    private RelationshipService relationships;
    private ItemService items;
    private FacetValues values;
    private ObjectProvider<AnonymousAccess> access;

    /**
     * @param facet the filter's {@code indexFieldName} (e.g. {@code partner})
     */
    public void setFacet(String facet) {
        this.facet = facet;
    }

    /**
     * @param relations relationship names as the indexed item sees them, i.e. its {@code relation.<name>} fields
     *                  (e.g. {@code isPartnerOfCaseStudy} on a case study)
     */
    public void setRelations(List<String> relations) {
        this.relations = List.copyOf(relations);
    }

    /**
     * @param nameField the field of the related item that names it (default {@code dc.title})
     */
    public void setNameField(String nameField) {
        this.nameField = nameField;
    }

    /**
     * @param relationships DSpace's relationship service
     * @param items         DSpace's item service
     * @param configuration DSpace's configuration
     * @param access        what anonymous users may see (the bean {@code useitAnonymousAccess}, found when first
     *                      needed)
     */
    @Autowired
    public void setServices(RelationshipService relationships, ItemService items,
                            ConfigurationService configuration, ObjectProvider<AnonymousAccess> access) {
        this.relationships = relationships;
        this.items = items;
        this.values = FacetValues.of(configuration);
        this.access = access;
    }

    @Override
    public void additionalIndex(Context context, IndexableObject indexable, SolrInputDocument document) {
        if (!(indexable instanceof IndexableItem)) {
            return;
        }
        Item item = ((IndexableItem) indexable).getIndexedObject();
        try {
            for (Item other : related(context, item)) {
                String name = items.getMetadataFirstValue(other, nameSchema(), nameElement(), nameQualifier(),
                                                          Item.ANY);
                if (StringUtils.isNotBlank(name)) {
                    values.add(document, facet, name, other.getID().toString());
                }
            }
        } catch (SQLException e) {
            log.error("Facet {} of item {} not indexed: {}", facet, item.getID(), e.getMessage(), e);
        }
    }

    private List<Item> related(Context context, Item item) throws SQLException {
        List<Item> found = new ArrayList<>();
        AnonymousAccess anonymous = UseitBeans.installed(access, AnonymousAccess.BEAN);
        // latest versions only, tilted relationships included
        for (Relationship relationship : relationships.findByItem(context, item, -1, -1, false, true)) {
            RelationshipType type = relationship.getRelationshipType();
            Item other = null;
            if (item.equals(relationship.getLeftItem()) && relations.contains(type.getLeftwardType())) {
                other = relationship.getRightItem();
            } else if (item.equals(relationship.getRightItem()) && relations.contains(type.getRightwardType())) {
                other = relationship.getLeftItem();
            }
            if (other != null && !found.contains(other) && anonymous.isPublic(context, other)) {
                found.add(other);
            }
        }
        return found;
    }

    private String nameSchema() {
        return nameField.split("\\.")[0];
    }

    private String nameElement() {
        return nameField.split("\\.")[1];
    }

    private String nameQualifier() {
        String[] parts = nameField.split("\\.");
        return parts.length > 2 ? parts[2] : null;
    }
}
