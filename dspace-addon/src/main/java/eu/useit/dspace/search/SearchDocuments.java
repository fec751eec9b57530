/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.search;

import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.common.SolrDocument;
import org.dspace.content.Item;
import org.dspace.content.factory.ContentServiceFactory;
import org.dspace.content.service.ItemService;
import org.dspace.core.Context;
import org.dspace.discovery.IndexingService;
import org.dspace.discovery.SolrSearchCore;
import org.dspace.discovery.indexobject.IndexableItem;
import org.dspace.utils.DSpace;

/**
 * The search (Discovery) documents of items, checked and written again where DSpace's own {@code discovery}
 * consumer cannot be relied on: it writes before DSpace commits and only logs a failure, so a search index that was
 * down misses changes, and a process killed before its commit leaves documents of items that never were. Here,
 * after the commit, each changed item's document must exist and be of the item's last modification (else it is
 * written again), and the document of an item that does not exist is removed. Also written again: items whose
 * document depends on something else (a related item's name or access, access that changed with time).
 */
public final class SearchDocuments {

    private static final String TYPE = "search.resourcetype";
    private static final String ID = "search.resourceid";
    private static final String MODIFIED = "lastModified";

    private SearchDocuments() {
    }

    /**
     * Makes the search documents of some items agree with the database: written when missing or older than the
     * item, removed when the item is gone. Items in a deposit or in review are DSpace's to index.
     *
     * @param context a DSpace context
     * @param ids     the items
     * @return the number of documents written or removed
     * @throws Exception on database or Solr failure
     */
    public static int verify(Context context, Collection<UUID> ids) throws Exception {
        if (ids.isEmpty()) {
            return 0;
        }
        Map<String, Date> indexed = indexed(ids);
        ItemService items = ContentServiceFactory.getInstance().getItemService();
        IndexingService indexing = indexing();
        int repaired = 0;
        for (UUID id : ids) {
            Item item = items.find(context, id);
            boolean known = indexed.containsKey(id.toString());
            if (item == null) {
                if (known) {
                    indexing.unIndexContent(context, IndexableItem.TYPE + "-" + id);
                    repaired++;
                }
            } else if ((item.isArchived() || item.isWithdrawn())
                && (!known || !sameTime(item.getLastModified(), indexed.get(id.toString())))) {
                indexing.indexContent(context, new IndexableItem(item), true, false);
                repaired++;
            }
        }
        if (repaired > 0) {
            indexing.commit();
        }
        return repaired;
    }

    /**
     * Writes the search documents of some items again, for changes the item's own modification date does not show
     * (a related item's name or access, access that changed with time).
     *
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
        IndexingService indexing = indexing();
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

    /** Compared as the search core stores them, in milliseconds (a database timestamp is never equal to a Date). */
    private static boolean sameTime(Date database, Date indexed) {
        return indexed != null && database.getTime() == indexed.getTime();
    }

    /** The item documents of the search core for some items, with the modification date each was written for. */
    private static Map<String, Date> indexed(Collection<UUID> ids) throws Exception {
        Map<String, Date> found = new HashMap<>();
        List<UUID> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += 200) {
            String query = all.subList(from, Math.min(from + 200, all.size())).stream()
                              .map(id -> "\"" + id + "\"").collect(Collectors.joining(" OR ", ID + ":(", ")"));
            SolrQuery select = new SolrQuery(query).addFilterQuery(TYPE + ":" + IndexableItem.TYPE)
                                                   .setFields(ID, MODIFIED).setRows(400);
            for (SolrDocument document : solr().query(select).getResults()) {
                found.put((String) document.getFieldValue(ID), (Date) document.getFieldValue(MODIFIED));
            }
        }
        return found;
    }

    private static SolrClient solr() {
        return new DSpace().getServiceManager().getServiceByName(SolrSearchCore.class.getName(), SolrSearchCore.class)
                           .getSolr();
    }

    private static IndexingService indexing() {
        return new DSpace().getServiceManager().getServiceByName(IndexingService.class.getName(),
                                                                 IndexingService.class);
    }
}
