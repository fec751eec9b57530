/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.reindex;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import eu.useit.dspace.ingest.Progress;
import eu.useit.dspace.oai.index.IndexQueue;
import eu.useit.dspace.oai.index.OaiIndexer;
import eu.useit.dspace.search.SearchWrites;
import eu.useit.dspace.support.UseitBeans;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.common.SolrException;
import org.dspace.content.Collection;
import org.dspace.content.Community;
import org.dspace.content.Item;
import org.dspace.content.factory.ContentServiceFactory;
import org.dspace.content.service.CollectionService;
import org.dspace.content.service.CommunityService;
import org.dspace.content.service.ItemService;
import org.dspace.core.Context;
import org.dspace.discovery.IndexableObject;
import org.dspace.discovery.IndexingService;
import org.dspace.discovery.indexobject.IndexableCollection;
import org.dspace.discovery.indexobject.IndexableCommunity;
import org.dspace.discovery.indexobject.IndexableItem;

/**
 * Rebuilds the search index (Discovery) and the OAI-PMH index from the database, reporting progress with rate and
 * time left: DSpace's own {@code index-discovery -b} and {@code oai import -c} are silent for hours on a large
 * repository. Items are read in batches and the session is emptied after each, so memory stays flat. Or checks
 * both against the database and repairs only what differs ({@link #verifyDiscovery}, {@link #verifyOai}).
 */
public final class Reindex {

    private static final Logger log = LogManager.getLogger(Reindex.class);

    private static final int BATCH = 100;

    private final ItemService items;
    private final CommunityService communities;
    private final CollectionService collections;
    private final SearchWrites writes;
    private final Consumer<String> progressOut;

    /**
     * @param items       DSpace's item service
     * @param communities DSpace's community service
     * @param collections DSpace's collection service
     * @param writes      where search documents are written
     * @param progressOut where progress lines go (the command's handler), or null
     */
    public Reindex(ItemService items, CommunityService communities, CollectionService collections,
                   SearchWrites writes, Consumer<String> progressOut) {
        this.items = items;
        this.communities = communities;
        this.collections = collections;
        this.writes = writes;
        this.progressOut = progressOut;
    }

    /**
     * @param progressOut where progress lines go (the command's handler), or null
     * @return a rebuild with DSpace's services, for the command and the launcher (which DSpace gives no injection)
     */
    public static Reindex onDSpace(Consumer<String> progressOut) {
        ContentServiceFactory content = ContentServiceFactory.getInstance();
        return new Reindex(content.getItemService(), content.getCommunityService(), content.getCollectionService(),
                           UseitBeans.get(SearchWrites.BEAN, SearchWrites.class), progressOut);
    }

    /**
     * @param context a DSpace context
     * @return every archived or withdrawn item, discoverable or not
     * @throws Exception on database failure
     */
    public List<UUID> itemIds(Context context) throws Exception {
        List<UUID> ids = new ArrayList<>();
        collect(items.findInArchiveOrWithdrawnDiscoverableModifiedSince(context, null), ids);
        collect(items.findInArchiveOrWithdrawnNonDiscoverableModifiedSince(context, null), ids);
        context.uncacheEntities();
        return ids;
    }

    private static void collect(Iterator<Item> found, List<UUID> into) {
        while (found.hasNext()) {
            into.add(found.next().getID());
        }
    }

    /**
     * Re-indexes communities, collections and the given items in Discovery.
     *
     * @param context  an anonymous DSpace context
     * @param indexing DSpace's indexing service
     * @param ids      the items
     * @return the documents Solr refused (each logged with its reason; their items are queued), after every other
     *     one was written
     * @throws Exception on database failure, or when Solr cannot be reached to commit
     */
    public List<String> discovery(Context context, IndexingService indexing, List<UUID> ids) throws Exception {
        List<String> refused = new ArrayList<>();
        for (Community community : communities.findAll(context)) {
            write(context, new IndexableCommunity(community), refused);
        }
        for (Collection collection : collections.findAll(context)) {
            write(context, new IndexableCollection(collection), refused);
        }
        Progress progress = new Progress(progressOut, "search index", ids.size());
        List<UUID> failed = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += BATCH) {
            for (UUID id : ids.subList(from, Math.min(from + BATCH, ids.size()))) {
                Item item = items.find(context, id);
                if (item != null && !write(context, new IndexableItem(item), refused)) {
                    failed.add(id);
                }
                progress.step();
            }
            context.uncacheEntities();
        }
        indexing.commit();
        progress.finish();
        if (!failed.isEmpty()) {
            // kept: the index queue checks them again
            UseitBeans.get(IndexQueue.BEAN, IndexQueue.class).addNow(failed);
        }
        return refused;
    }

    /** Writes one document; one Solr refuses is logged with its reason and noted. */
    private boolean write(Context context, IndexableObject object, List<String> refused) throws Exception {
        try {
            writes.write(context, object);
            return true;
        } catch (IOException | SolrServerException | SolrException e) {
            log.warn("The search core refused the document {}: {}", object.getUniqueIndexID(), e.getMessage(), e);
            refused.add(object.getUniqueIndexID());
            return false;
        }
    }

    /**
     * Compares the search index with the database and repairs what differs ({@link SearchIndexCheck}).
     *
     * @param context  an anonymous DSpace context
     * @param check    the check of the search core
     * @param ids      every archived or withdrawn item
     * @return what differed
     * @throws Exception on database or Solr failure
     */
    public SearchIndexCheck.Differences verifyDiscovery(Context context, SearchIndexCheck check, List<UUID> ids)
        throws Exception {
        SearchIndexCheck.Differences differences = check.check(context, ids, true);
        report("search index check: " + (differences.total() == 0 ? "agrees with the database" : differences
            + "; repaired"));
        return differences;
    }

    /**
     * Compares the OAI-PMH index with the database and writes what differs: the records of the given items and of
     * every item the index has a live record for (one that no longer exists gets its deleted record).
     *
     * @param context an anonymous DSpace context
     * @param oai     the OAI indexer
     * @param ids     every archived or withdrawn item
     * @return the number of records written
     * @throws Exception on database or Solr failure
     */
    public int verifyOai(Context context, OaiIndexer oai, List<UUID> ids) throws Exception {
        Set<UUID> all = new LinkedHashSet<>(ids);
        all.addAll(oai.liveItemIds());
        int written = oai(context, oai, new ArrayList<>(all));
        report("OAI-PMH index check: " + all.size() + " item(s) checked, " + written + " record(s) written");
        return written;
    }

    private void report(String line) {
        if (progressOut != null) {
            progressOut.accept(line);
        }
    }

    /**
     * Writes the OAI records of the given items, then any tombstone the OAI core lacks.
     *
     * @param context an anonymous DSpace context
     * @param oai     the OAI indexer
     * @param ids     the items
     * @return the number of records written (those that differed from the index)
     * @throws Exception on database or Solr failure
     */
    public int oai(Context context, OaiIndexer oai, List<UUID> ids) throws Exception {
        Progress progress = new Progress(progressOut, "OAI-PMH index", ids.size());
        int written = 0;
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<UUID> batch = ids.subList(from, Math.min(from + BATCH, ids.size()));
            written += oai.update(context, batch);
            for (int i = 0; i < batch.size(); i++) {
                progress.step();
            }
            context.uncacheEntities();
        }
        oai.commit();
        oai.restoreTombstones();
        progress.finish();
        return written;
    }
}
