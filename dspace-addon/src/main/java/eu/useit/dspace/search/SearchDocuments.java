/*
 * USE-IT! repository addon for DSpace.
 */
package eu.useit.dspace.search;

import java.util.Collection;
import java.util.UUID;

import org.dspace.content.Item;
import org.dspace.content.factory.ContentServiceFactory;
import org.dspace.content.service.ItemService;
import org.dspace.core.Context;
import org.dspace.discovery.IndexingService;
import org.dspace.discovery.indexobject.IndexableItem;
import org.dspace.utils.DSpace;

/**
 * Writes the search (Discovery) documents of some items again, for changes DSpace's own {@code discovery} consumer
 * does not see: a related item's name or access (the partner facet) and access that changed with time (an embargo
 * lifted, a lease ended), which Discovery records when it indexes an item.
 */
public final class SearchDocuments {

    private SearchDocuments() {
    }

    /**
     * @param context a DSpace context
     * @param ids     items to index again (archived or withdrawn ones; others are left alone)
     * @return the number of items indexed
     * @throws Exception on database or Solr failure
     */
    public static int reindex(Context context, Collection<UUID> ids) throws Exception {
        if (ids.isEmpty()) {
            return 0;
        }
        ItemService items = ContentServiceFactory.getInstance().getItemService();
        IndexingService indexing = new DSpace().getServiceManager()
            .getServiceByName(IndexingService.class.getName(), IndexingService.class);
        int indexed = 0;
        for (UUID id : ids) {
            Item item = items.find(context, id);
            if (item != null && (item.isArchived() || item.isWithdrawn())) {
                indexing.indexContent(context, new IndexableItem(item), true, false);
                indexed++;
            }
        }
        indexing.commit();
        return indexed;
    }
}
