/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.search;

import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.dspace.content.Item;
import org.dspace.content.service.ItemService;
import org.dspace.core.Context;
import org.dspace.discovery.IndexableObject;
import org.dspace.discovery.SearchUtils;
import org.dspace.discovery.indexobject.IndexableItem;
import org.dspace.discovery.indexobject.factory.IndexObjectFactoryFactory;

/**
 * The search documents DSpace writes for an item in a deposit or in review: its workspace item, or its workflow item
 * and the review tasks waiting on it (a submitter's and a reviewer's lists are searches of them). DSpace writes them
 * when a change is committed and only logs a write that fails (Solr down). Every change of an item passes the index
 * queue, which has them checked here after the commit: one that is missing, or was written for an older state of the
 * item, is written again; one left from a state that is gone (a deposit sent to review, a review ended, a deposit
 * deleted) is removed.
 */
final class InProgressDocuments {

    /** The item an in-progress document is for ({@code Item-<uuid>}), in every such document DSpace writes. */
    private static final String ITEM = "inprogress.item";
    private static final int PER_QUERY = 200;

    private final ItemService items;
    private final IndexObjectFactoryFactory factories;
    private final SearchWrites writes;

    /**
     * @param items     DSpace's items
     * @param factories DSpace's search document factories
     * @param writes    where documents are written and removed
     */
    InProgressDocuments(ItemService items, IndexObjectFactoryFactory factories, SearchWrites writes) {
        this.items = items;
        this.factories = factories;
        this.writes = writes;
    }

    /**
     * @param context  a DSpace context
     * @param ids      items that changed (any state: deleted, in a deposit, in review, archived)
     * @param solr     the search core
     * @return the number of documents written or removed (not yet committed)
     * @throws Exception on database or Solr failure
     */
    int verify(Context context, Collection<UUID> ids, SolrClient solr) throws Exception {
        Map<String, Map<String, Date>> written = written(solr, ids);
        int repaired = 0;
        for (UUID id : ids) {
            Map<String, Date> documents = written.getOrDefault(IndexableItem.TYPE + "-" + id, Map.of());
            Item item = items.find(context, id);
            Set<String> current = new HashSet<>();
            for (IndexableObject object : inProgress(context, item)) {
                String unique = object.getUniqueIndexID();
                current.add(unique);
                if (!SearchDocuments.sameTime(item.getLastModified(), documents.get(unique))) {
                    writes.write(context, object);
                    repaired++;
                }
            }
            for (String left : documents.keySet()) {
                if (!current.contains(left)) {
                    writes.remove(left);
                    repaired++;
                }
            }
        }
        return repaired;
    }

    /** What DSpace indexes for an item in a deposit or in review; nothing for any other item. */
    private List<IndexableObject> inProgress(Context context, Item item) throws Exception {
        if (item == null || item.isArchived() || item.isWithdrawn()) {
            return List.of();
        }
        List<IndexableObject> objects = factories.getIndexableObjects(context, item);
        return objects.stream().filter(object -> !IndexableItem.TYPE.equals(object.getType())).toList();
    }

    /** The in-progress documents of the search core for some items: by item, each with the date it was written for. */
    private static Map<String, Map<String, Date>> written(SolrClient solr, Collection<UUID> ids) throws Exception {
        Map<String, Map<String, Date>> found = new HashMap<>();
        List<UUID> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += PER_QUERY) {
            String query = SearchDocuments.anyOf(ITEM, all.subList(from, Math.min(from + PER_QUERY, all.size()))
                .stream().map(id -> IndexableItem.TYPE + "-" + id).toList());
            SolrQuery select = new SolrQuery(query)
                .setFields(ITEM, SearchUtils.RESOURCE_UNIQUE_ID, SearchDocuments.MODIFIED).setRows(PER_QUERY)
                .setSort(SearchUtils.RESOURCE_UNIQUE_ID, SolrQuery.ORDER.asc);
            // an item has one workspace or workflow item, and a task for each reviewer or group of its step
            for (int start = 0; ; start += PER_QUERY) {
                SolrDocumentList page = solr.query(select.setStart(start)).getResults();
                for (SolrDocument document : page) {
                    found.computeIfAbsent(String.valueOf(document.getFirstValue(ITEM)), item -> new HashMap<>())
                         .put(String.valueOf(document.getFieldValue(SearchUtils.RESOURCE_UNIQUE_ID)),
                              (Date) document.getFirstValue(SearchDocuments.MODIFIED));
                }
                if (start + page.size() >= page.getNumFound() || page.isEmpty()) {
                    break;
                }
            }
        }
        return found;
    }
}
