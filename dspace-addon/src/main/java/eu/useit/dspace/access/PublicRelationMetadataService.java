/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.access;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import eu.useit.dspace.support.UseitBeans;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.dspace.content.Item;
import org.dspace.content.Relationship;
import org.dspace.content.RelationshipMetadataServiceImpl;
import org.dspace.content.RelationshipMetadataValue;
import org.dspace.core.Context;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * DSpace's relationship metadata (the {@code relation.*} fields and virtual metadata an item gets from the items
 * related to it) without the items anonymous users may not see: a public case study does not name, by UUID or
 * otherwise, a partner organisation that was made private, in the REST API, the search index or OAI-PMH.
 * The values DSpace would copy from such an item when a relationship is deleted ({@code copyVirtualMetadata}) are
 * left out too, so no account can copy a private item's name into an item it may edit.
 * <p>
 * Replaces DSpace's {@code relationshipMetadataService} bean (the project's runtime does; a site sets the class of
 * that bean in its {@code config/spring/api/core-services.xml}).
 */
public class PublicRelationMetadataService extends RelationshipMetadataServiceImpl {

    private static final Logger log = LogManager.getLogger(PublicRelationMetadataService.class);

    private ObjectProvider<AnonymousAccess> anonymous;

    /**
     * @param anonymous what anonymous users may see (the bean {@code useitAnonymousAccess}, found when first needed:
     *                  DSpace's item service, which it needs, needs this service)
     */
    @Autowired
    public void setAnonymousAccess(ObjectProvider<AnonymousAccess> anonymous) {
        this.anonymous = anonymous;
    }

    private AnonymousAccess access() {
        return UseitBeans.installed(anonymous, AnonymousAccess.BEAN);
    }

    @Override
    public List<RelationshipMetadataValue> getRelationshipMetadata(Item item, boolean enableVirtualMetadata) {
        List<RelationshipMetadataValue> values = super.getRelationshipMetadata(item, enableVirtualMetadata);
        if (values.isEmpty()) {
            return values;
        }
        AnonymousAccess access = access();
        // DSpace's own implementation opens its context the same way (this service is given none)
        Context context = new Context();
        // one answer per relationship (an item has several values from each related item)
        Map<Integer, Boolean> publicByRelationship = new HashMap<>();
        values.removeIf(value -> !publicByRelationship.computeIfAbsent(
            value.getRelationshipId(), relationship -> relatedItemIsPublic(context, access, item, relationship)));
        return values;
    }

    @Override
    public List<RelationshipMetadataValue> findRelationshipMetadataValueForItemRelationship(
        Context context, Item item, String entityType, Relationship relationship, boolean enableVirtualMetadata)
        throws SQLException {
        if (!access().isPublic(context, other(item, relationship))) {
            return new ArrayList<>();
        }
        return super.findRelationshipMetadataValueForItemRelationship(context, item, entityType, relationship,
                                                                      enableVirtualMetadata);
    }

    private boolean relatedItemIsPublic(Context context, AnonymousAccess access, Item item, int relationshipId) {
        try {
            Relationship relationship = relationshipService.find(context, relationshipId);
            if (relationship == null) {
                return false;
            }
            return access.isPublic(context, other(item, relationship));
        } catch (SQLException e) {
            log.warn("Item {}: relationship {} not readable; its metadata is left out: {}", item.getID(),
                     relationshipId, e.getMessage());
            return false;
        }
    }

    /** The item of a relationship that is not the given one. */
    private static Item other(Item item, Relationship relationship) {
        return item.equals(relationship.getLeftItem()) ? relationship.getRightItem() : relationship.getLeftItem();
    }
}
