/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.search;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import eu.useit.dspace.access.ReadPolicies;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrException;
import org.dspace.authorize.ResourcePolicy;
import org.dspace.content.Bitstream;
import org.dspace.content.Item;
import org.dspace.content.service.ItemService;
import org.dspace.core.Context;
import org.dspace.discovery.IndexingService;
import org.dspace.discovery.SearchUtils;
import org.dspace.discovery.indexobject.IndexableItem;
import org.dspace.discovery.indexobject.factory.IndexObjectFactoryFactory;

/**
 * The search (Discovery) documents of items, checked and written again where DSpace's own {@code discovery}
 * consumer cannot be relied on: it writes before DSpace commits and only logs a failure, so a search index that was
 * down misses changes, and a process killed before its commit leaves documents of items that never were. Here,
 * after the commit, each changed item's document must exist and be of the item's last modification (else it is
 * written again), and the document of an item that does not exist is removed; the document must also hold the text
 * of the files {@link FullTextFiles} allows now (a file restricted or opened changes what it may hold), and be
 * found by those who may READ the item now (an embargo lifted, a lease ended: a lost write shows here too). Also
 * written again: items whose document depends on something else (a related item's name or access).
 */
public final class SearchDocuments {

    private static final Logger log = LogManager.getLogger(SearchDocuments.class);

    /** The field DSpace's item index factory writes an item's last modification into. */
    public static final String MODIFIED = "lastModified";
    /** Who may find a document: {@code g<group uuid>} and {@code e<account uuid>}, as DSpace writes them. */
    private static final String READERS = "read";
    /** The readers among them that are there as administrators (of the item, its collection or community). */
    private static final String ADMINS = "admin";
    private static final int UNCACHE_EVERY = 200;

    private final ItemService items;
    private final IndexingService indexing;
    private final ReadPolicies reads;
    private final IndexObjectFactoryFactory indexFactories;
    private final SearchWrites writes;
    private final InProgressDocuments inProgress;

    /**
     * The Spring bean {@code useitSearchDocuments} ({@code config/spring/api/useit-services.xml}).
     *
     * @param items          DSpace's items
     * @param indexing       DSpace's search indexing
     * @param reads          the READ policies
     * @param indexFactories DSpace's search document factories
     * @param writes         where documents are written and removed
     */
    public SearchDocuments(ItemService items, IndexingService indexing, ReadPolicies reads,
                           IndexObjectFactoryFactory indexFactories, SearchWrites writes) {
        this.items = items;
        this.indexing = indexing;
        this.reads = reads;
        this.indexFactories = indexFactories;
        this.writes = writes;
        this.inProgress = new InProgressDocuments(items, indexFactories, writes);
    }

    /**
     * Makes the search documents of some items agree with the database: written when missing or older than the
     * item or when the files whose text or names they hold are not those {@link FullTextFiles} allows now, or when
     * those who may find them are not those who may READ the item now (a write the search index lost, or an
     * embargo or lease whose day came, for anonymous users or any group); removed when the item is gone. The
     * documents of items in a deposit or in review are {@link InProgressDocuments}'.
     *
     * @param context a DSpace context
     * @param ids     the items
     * @return the number of documents written or removed
     * @throws Exception on database or Solr failure
     */
    public int verify(Context context, Collection<UUID> ids) throws Exception {
        if (ids.isEmpty()) {
            return 0;
        }
        Map<String, Written> indexed = indexed(ids);
        FullTextFiles files = new FullTextFiles(reads);
        boolean texts = SearchableItemIndexFactory.inUse();
        boolean names = ReadableFileInfoPlugin.inUse();
        int repaired = 0;
        for (UUID id : ids) {
            Item item = items.find(context, id);
            Written written = indexed.get(id.toString());
            if (item == null) {
                if (written != null) {
                    writes.remove(IndexableItem.TYPE + "-" + id);
                    repaired++;
                }
            } else if (hasItemDocument(context, item)
                && (written == null || !sameTime(item.getLastModified(), written.modified())
                    || texts && !written.texts().equals(ids(files.searchable(context, item)))
                    || names && !written.names().equals(ids(files.readable(context, item)))
                    || !written.readBy(readersNow(context, item)))) {
                writes.write(context, new IndexableItem(item));
                repaired++;
            }
        }
        repaired += inProgress.verify(context, ids, writes.solr());
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
     * @param ids     items to index again (those with a document of their own; others are left alone)
     * @return the number of items indexed
     * @throws Exception on database or Solr failure
     */
    public int reindex(Context context, Collection<UUID> ids) throws Exception {
        return reindex(context, ids, null);
    }

    /**
     * Writes the search documents of some items again, going on past an item whose document Solr refused.
     *
     * @param context a DSpace context
     * @param ids     items to index again (those with a document of their own; others are left alone)
     * @param failed  where the items whose document could not be written go; null to throw the first failure
     * @return the number of items indexed
     * @throws Exception on database failure, or Solr failure when {@code failed} is null
     */
    public int reindex(Context context, Collection<UUID> ids, List<UUID> failed) throws Exception {
        if (ids.isEmpty()) {
            return 0;
        }
        int indexed = 0;
        int read = 0;
        for (UUID id : ids) {
            Item item = items.find(context, id);
            if (item != null && hasItemDocument(context, item)) {
                try {
                    writes.write(context, new IndexableItem(item));
                    indexed++;
                } catch (IOException | SolrServerException | SolrException e) {
                    if (failed == null) {
                        throw e;
                    }
                    log.warn("The search core refused the document of item {}: {}", id, e.getMessage(), e);
                    failed.add(id);
                }
            }
            // many items (the first check after an install rewrites every item with files): not all in memory
            if (++read % UNCACHE_EVERY == 0) {
                context.uncacheEntities();
            }
        }
        indexing.commit();
        return indexed;
    }

    /**
     * What a search document was written for: the item's modification date, the text files whose text it holds and
     * the files whose names it holds (a file's access changes neither the item's date nor, without a new document,
     * the text and names).
     */
    private record Written(Date modified, Set<String> texts, Set<String> names, Set<String> readers,
                           Set<String> admins) {

        /** Whether the document is found by those who may READ the item now (and by its administrators). */
        boolean readBy(Set<String> readersNow) {
            Set<String> expected = new HashSet<>(readersNow);
            expected.addAll(admins);
            return expected.equals(readers);
        }
    }

    /** Who may READ an item now, as DSpace writes them into its search document (policies valid today). */
    private Set<String> readersNow(Context context, Item item) throws SQLException {
        Set<String> readers = new HashSet<>();
        for (ResourcePolicy policy : reads.validOf(context, item)) {
            if (policy.getGroup() != null) {
                readers.add("g" + policy.getGroup().getID());
            } else {
                readers.add("e" + policy.getEPerson().getID());
            }
        }
        return readers;
    }

    private static Set<String> values(SolrDocument document, String field) {
        Set<String> values = new HashSet<>();
        Collection<Object> stored = document.getFieldValues(field);
        if (stored != null) {
            stored.forEach(value -> values.add(String.valueOf(value)));
        }
        return values;
    }

    private static Set<String> ids(List<Bitstream> files) {
        Set<String> ids = new HashSet<>();
        files.forEach(file -> ids.add(file.getID().toString()));
        return ids;
    }

    /** Compared as the search core stores them, in milliseconds (a database timestamp is never equal to a Date). */
    static boolean sameTime(Date database, Date indexed) {
        return indexed != null && database.getTime() == indexed.getTime();
    }

    /** The item documents of the search core for some items, with the modification date each was written for. */
    private Map<String, Written> indexed(Collection<UUID> ids) throws Exception {
        Map<String, Written> found = new HashMap<>();
        List<UUID> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += 200) {
            List<String> page = all.subList(from, Math.min(from + 200, all.size())).stream().map(UUID::toString)
                                   .toList();
            SolrQuery select = new SolrQuery(anyOf(SearchUtils.RESOURCE_ID_FIELD, page))
                .addFilterQuery(SearchUtils.RESOURCE_TYPE_FIELD + ":" + IndexableItem.TYPE)
                .setFields(SearchUtils.RESOURCE_ID_FIELD, MODIFIED, SearchableItemIndexFactory.FULLTEXT_FILES,
                           ReadableFileInfoPlugin.NAMED_FILES, READERS, ADMINS)
                .setRows(400);
            for (SolrDocument document : writes.solr().query(select).getResults()) {
                found.put((String) document.getFieldValue(SearchUtils.RESOURCE_ID_FIELD),
                          new Written((Date) document.getFieldValue(MODIFIED),
                                      values(document, SearchableItemIndexFactory.FULLTEXT_FILES),
                                      values(document, ReadableFileInfoPlugin.NAMED_FILES),
                                      values(document, READERS), values(document, ADMINS)));
            }
        }
        return found;
    }

    /**
     * @param field  a search document field
     * @param values values of it (ids: no quote in them)
     * @return the query for a document whose field has any of them
     */
    static String anyOf(String field, List<String> values) {
        return values.stream().map(value -> "\"" + value + "\"")
                     .collect(Collectors.joining(" OR ", field + ":(", ")"));
    }

    /**
     * @param context a DSpace context
     * @param item    an item
     * @return whether DSpace gives it a search document of its own (archived, withdrawn, or an earlier version of
     *     another item), as DSpace's item index factory decides; a deposit's and a review's are others
     * @throws SQLException on database failure
     */
    public boolean hasItemDocument(Context context, Item item) throws SQLException {
        return item.isArchived() || item.isWithdrawn() || indexFactories
            .getIndexableObjects(context, item).stream().anyMatch(IndexableItem.class::isInstance);
    }
}
