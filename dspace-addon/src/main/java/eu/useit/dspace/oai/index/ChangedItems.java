/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai.index;

import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import org.dspace.content.Bitstream;
import org.dspace.content.Bundle;
import org.dspace.content.Item;
import org.dspace.content.Relationship;
import org.dspace.content.factory.ContentServiceFactory;
import org.dspace.content.service.BitstreamService;
import org.dspace.content.service.BundleService;
import org.dspace.content.service.ItemService;
import org.dspace.content.service.RelationshipService;
import org.dspace.core.Constants;
import org.dspace.core.Context;
import org.dspace.event.Event;

/**
 * The items whose public records a committed change may have changed: items changed themselves, the items of
 * changed files and bundles (a file restricted, embargoed or replaced), and the items related to all of those (their
 * records name related items only while those are public). Collected from DSpace events, resolved after the commit.
 */
public final class ChangedItems {

    private final Set<UUID> items = new LinkedHashSet<>();
    private final Set<UUID> bundles = new LinkedHashSet<>();
    private final Set<UUID> bitstreams = new LinkedHashSet<>();

    /**
     * Notes the DSpace object an event is about.
     *
     * @param event a DSpace event
     */
    public void add(Event event) {
        note(event.getSubjectType(), event.getSubjectID());
        note(event.getObjectType(), event.getObjectID());
    }

    private void note(int type, UUID id) {
        if (id == null) {
            return;
        }
        switch (type) {
            case Constants.ITEM -> items.add(id);
            case Constants.BUNDLE -> bundles.add(id);
            case Constants.BITSTREAM -> bitstreams.add(id);
            default -> {
                // communities, collections: their items' events come on their own
            }
        }
    }

    /**
     * @return whether nothing was noted
     */
    public boolean isEmpty() {
        return items.isEmpty() && bundles.isEmpty() && bitstreams.isEmpty();
    }

    /**
     * @return what was noted so far, and forgets it
     */
    public ChangedItems drain() {
        ChangedItems drained = new ChangedItems();
        drained.items.addAll(items);
        drained.bundles.addAll(bundles);
        drained.bitstreams.addAll(bitstreams);
        items.clear();
        bundles.clear();
        bitstreams.clear();
        return drained;
    }

    /**
     * @param context a DSpace context after the commit
     * @return the changed items: noted items and the items of noted files and bundles that still exist
     * @throws SQLException on database failure
     */
    public Set<UUID> resolve(Context context) throws SQLException {
        BundleService bundleService = ContentServiceFactory.getInstance().getBundleService();
        BitstreamService bitstreamService = ContentServiceFactory.getInstance().getBitstreamService();
        Set<UUID> found = new LinkedHashSet<>(items);
        for (UUID id : bitstreams) {
            Bitstream bitstream = bitstreamService.find(context, id);
            if (bitstream != null) {
                for (Bundle bundle : bitstream.getBundles()) {
                    bundle.getItems().forEach(item -> found.add(item.getID()));
                }
            }
        }
        for (UUID id : bundles) {
            Bundle bundle = bundleService.find(context, id);
            if (bundle != null) {
                bundle.getItems().forEach(item -> found.add(item.getID()));
            }
        }
        return found;
    }

    /**
     * @param context a DSpace context
     * @param objects items, bundles or bitstreams
     * @return the items among them and the items the bundles and bitstreams belong to
     * @throws SQLException on database failure
     */
    public static Set<UUID> itemsOf(Context context, Iterable<UUID> objects) throws SQLException {
        ItemService itemService = ContentServiceFactory.getInstance().getItemService();
        ChangedItems found = new ChangedItems();
        for (UUID id : objects) {
            if (itemService.find(context, id) != null) {
                found.items.add(id);
            } else {
                found.bundles.add(id);
                found.bitstreams.add(id);
            }
        }
        return found.resolve(context);
    }

    /**
     * @param context a DSpace context
     * @param changed items that changed
     * @return the items related to them (by DSpace relationships), not among them
     * @throws SQLException on database failure
     */
    public static Set<UUID> relatedTo(Context context, Set<UUID> changed) throws SQLException {
        ItemService itemService = ContentServiceFactory.getInstance().getItemService();
        RelationshipService relationships = ContentServiceFactory.getInstance().getRelationshipService();
        Set<UUID> related = new LinkedHashSet<>();
        for (UUID id : changed) {
            Item item = itemService.find(context, id);
            if (item == null) {
                continue;
            }
            for (Relationship relationship : relationships.findByItem(context, item, -1, -1, false, false)) {
                Item other = item.equals(relationship.getLeftItem()) ? relationship.getRightItem()
                    : relationship.getLeftItem();
                if (!changed.contains(other.getID())) {
                    related.add(other.getID());
                }
            }
        }
        return related;
    }
}
