/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.reindex;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import eu.useit.dspace.oai.index.IndexQueue;
import eu.useit.dspace.search.ReadableFileInfoPlugin;
import eu.useit.dspace.search.SearchDocuments;
import eu.useit.dspace.search.SearchWrites;
import eu.useit.dspace.search.SearchableItemIndexFactory;
import eu.useit.dspace.support.UseitBeans;
import eu.useit.dspace.support.Uuids;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.params.CursorMarkParams;
import org.dspace.content.Item;
import org.dspace.content.service.ItemService;
import org.dspace.core.Context;
import org.dspace.discovery.IndexingService;
import org.dspace.discovery.SearchUtils;
import org.dspace.discovery.indexobject.IndexableItem;
import org.dspace.discovery.indexobject.factory.IndexFactory;
import org.dspace.discovery.indexobject.factory.IndexObjectFactoryFactory;

/**
 * Compares the search (Discovery) core with the database, document by document, and repairs what differs:
 * documents of objects that do not exist (DSpace writes the search index before it commits, so a process killed in
 * between leaves documents of items that never were, which then inflate hit counts and facets), items without a
 * document, documents older than their item, and documents holding full text or file names that no check of the
 * files' access chose (written by DSpace's own classes: {@link SearchableItemIndexFactory#UNCHECKED_TEXT},
 * {@link ReadableFileInfoPlugin#UNCHECKED_NAMES}).
 *
 * @param indexing  DSpace's indexing service, which writes it
 * @param items     DSpace's item service
 * @param documents the items' search documents
 * @param writes    where documents are written and removed, and the search core
 * @param factories DSpace's search document factories
 * @param queue     where items whose documents the search core refused wait
 */
public record SearchIndexCheck(IndexingService indexing, ItemService items, SearchDocuments documents,
                               SearchWrites writes, IndexObjectFactoryFactory factories, IndexQueue queue) {

    /** The bean's name in {@code config/spring/api/useit-services.xml}. */
    public static final String BEAN = "useitSearchIndexCheck";

    private static final int PAGE = 1000;
    private static final int EXAMPLES = 5;

    /**
     * What differed between the search core and the database.
     *
     * @param phantoms documents of objects that do not exist (or of items DSpace gives no item document)
     * @param missing  items without a document
     * @param stale    documents older than their item, or holding text or file names no access check chose
     * @param examples a few of the search ids concerned
     * @param refused  the documents Solr refused when they were written again (the items are queued)
     */
    public record Differences(int phantoms, int missing, int stale, List<String> examples, List<String> refused) {
        /**
         * @return the number of differences
         */
        public int total() {
            return phantoms + missing + stale;
        }

        @Override
        public String toString() {
            return phantoms + " document(s) of objects that do not exist, " + missing + " item(s) without a "
                + "document, " + stale + " outdated document(s)" + (examples.isEmpty() ? "" : " (e.g. "
                + String.join(", ", examples) + ")") + (refused.isEmpty() ? "" : "; " + refused.size()
                + " document(s) refused by the search core when written again, their items queued (e.g. "
                + refused.get(0) + ")");
        }
    }

    /**
     * @return the check of DSpace's search core: the Spring bean {@link #BEAN}, for the command and the launcher
     *     (which DSpace gives no injection)
     */
    public static SearchIndexCheck onDSpace() {
        return UseitBeans.get(BEAN, SearchIndexCheck.class);
    }

    /**
     * Compares and, if asked, repairs.
     *
     * @param context an anonymous DSpace context
     * @param itemIds every archived or withdrawn item of the database
     * @param repair  whether to remove, write and rewrite the documents that differ
     * @return what differed (before the repair)
     * @throws Exception on database or Solr failure
     */
    public Differences check(Context context, List<UUID> itemIds, boolean repair) throws Exception {
        Map<String, Long> expected = lastModified(context, itemIds);
        List<String> phantoms = new ArrayList<>();
        Set<UUID> rewrite = new LinkedHashSet<>();
        Set<UUID> earlier = new HashSet<>();
        int stale = 0;
        SolrQuery query = new SolrQuery("*:*")
            .setFields(SearchUtils.RESOURCE_UNIQUE_ID, SearchUtils.RESOURCE_TYPE_FIELD, SearchUtils.RESOURCE_ID_FIELD,
                       SearchDocuments.MODIFIED)
            .setRows(PAGE).setSort(SearchUtils.RESOURCE_UNIQUE_ID, SolrQuery.ORDER.asc);
        String cursor = CursorMarkParams.CURSOR_MARK_START;
        while (true) {
            query.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
            QueryResponse page = writes.solr().query(query);
            for (SolrDocument document : page.getResults()) {
                String type = (String) document.getFieldValue(SearchUtils.RESOURCE_TYPE_FIELD);
                String id = (String) document.getFieldValue(SearchUtils.RESOURCE_ID_FIELD);
                if (IndexableItem.TYPE.equals(type)) {
                    Long modified = expected.containsKey(id) ? expected.remove(id) : earlierVersion(context, id);
                    Date indexed = (Date) document.getFieldValue(SearchDocuments.MODIFIED);
                    if (modified != null && !itemIds.contains(UUID.fromString(id))) {
                        earlier.add(UUID.fromString(id));
                    }
                    if (modified == null) {
                        phantoms.add((String) document.getFieldValue(SearchUtils.RESOURCE_UNIQUE_ID));
                    } else if (indexed == null || indexed.getTime() != modified) {
                        stale++;
                        rewrite.add(UUID.fromString(id));
                    }
                } else if (!exists(context, type, id)) {
                    phantoms.add((String) document.getFieldValue(SearchUtils.RESOURCE_UNIQUE_ID));
                }
            }
            context.uncacheEntities();
            String next = page.getNextCursorMark();
            if (next.equals(cursor)) {
                break;
            }
            cursor = next;
        }
        expected.keySet().forEach(id -> rewrite.add(UUID.fromString(id)));
        List<String> unchecked = new ArrayList<>();
        if (SearchableItemIndexFactory.inUse()) {
            unchecked.add(SearchableItemIndexFactory.UNCHECKED_TEXT);
        }
        if (ReadableFileInfoPlugin.inUse()) {
            unchecked.add(ReadableFileInfoPlugin.UNCHECKED_NAMES);
        }
        Set<UUID> known = new HashSet<>(itemIds);
        known.addAll(earlier);
        for (String kind : unchecked) {
            for (UUID item : uncheckedFiles(kind)) {
                // documents of items that do not exist, or that DSpace gives no item document, are phantoms (above)
                if (known.contains(item) && rewrite.add(item)) {
                    stale++;
                }
            }
        }
        List<String> examples = new ArrayList<>(phantoms.subList(0, Math.min(EXAMPLES, phantoms.size())));
        expected.keySet().stream().limit(EXAMPLES).forEach(id -> examples.add(IndexableItem.TYPE + "-" + id));
        Differences differences = new Differences(phantoms.size(), expected.size(), stale, examples, List.of());
        if (repair && differences.total() > 0) {
            for (String phantom : phantoms) {
                writes.remove(phantom);
            }
            indexing.commit();
            List<UUID> failed = new ArrayList<>();
            documents.reindex(context, rewrite, failed);
            if (!failed.isEmpty()) {
                // kept: the index queue checks them again
                queue.addNow(failed);
                return new Differences(differences.phantoms(), differences.missing(), differences.stale(), examples,
                                       failed.stream().map(item -> IndexableItem.TYPE + "-" + item).toList());
            }
        }
        return differences;
    }

    /**
     * The last modification of an item that is neither archived nor withdrawn but has a search document of its own
     * (an earlier version of another item, which DSpace indexes too); null when the document is a phantom.
     */
    private Long earlierVersion(Context context, String id) throws Exception {
        UUID uuid = Uuids.orNull(id);
        Item item = uuid == null ? null : items.find(context, uuid);
        return item != null && documents.hasItemDocument(context, item) ? item.getLastModified().getTime()
            : null;
    }

    /** Items whose documents hold text or names of files no check chose (the query says which). */
    private List<UUID> uncheckedFiles(String unchecked) throws Exception {
        List<UUID> found = new ArrayList<>();
        SolrQuery query = new SolrQuery(unchecked)
            .setFields(SearchUtils.RESOURCE_UNIQUE_ID, SearchUtils.RESOURCE_ID_FIELD).setRows(PAGE)
            .setSort(SearchUtils.RESOURCE_UNIQUE_ID, SolrQuery.ORDER.asc);
        String cursor = CursorMarkParams.CURSOR_MARK_START;
        while (true) {
            query.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
            QueryResponse page = writes.solr().query(query);
            for (SolrDocument document : page.getResults()) {
                found.add(UUID.fromString((String) document.getFieldValue(SearchUtils.RESOURCE_ID_FIELD)));
            }
            String next = page.getNextCursorMark();
            if (next.equals(cursor)) {
                return found;
            }
            cursor = next;
        }
    }

    /** Each item's last modification, in milliseconds (what the search core stores), by id. */
    private Map<String, Long> lastModified(Context context, List<UUID> ids) throws Exception {
        Map<String, Long> modified = new HashMap<>();
        for (int from = 0; from < ids.size(); from += PAGE) {
            for (UUID id : ids.subList(from, Math.min(from + PAGE, ids.size()))) {
                Item item = items.find(context, id);
                if (item != null && (item.isArchived() || item.isWithdrawn())) {
                    modified.put(id.toString(), item.getLastModified().getTime());
                }
            }
            context.uncacheEntities();
        }
        return modified;
    }

    /** Whether the object of a document of another type than Item exists (unknown types are kept). */
    private boolean exists(Context context, String type, String id) throws Exception {
        IndexFactory<?, ?> factory = type == null ? null
            : factories.getIndexFactoryByType(type);
        return factory == null || id == null || factory.findIndexableObject(context, id).isPresent();
    }
}
