/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai.index;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import eu.useit.dspace.access.AnonymousAccess;
import eu.useit.dspace.oai.Keyset;
import eu.useit.dspace.support.AnonymousWork;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.util.ClientUtils;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.params.CursorMarkParams;
import org.apache.solr.common.SolrInputDocument;
import org.dspace.content.DCDate;
import org.dspace.content.Item;
import org.dspace.content.service.ItemService;
import org.dspace.core.Context;

/**
 * Keeps DSpace's OAI core in step with the items, as an anonymous user sees them: a public item gets its live
 * record, an item that stops being public (withdrawn, made private or non-discoverable, READ taken from anonymous
 * users, deleted) after harvesters could see it gets a deleted record dated when that happened, and its
 * {@link Tombstone} is kept in the database for good. An item that was never public leaves no trace.
 * <p>
 * A record's datestamp is the time its record last changed, whatever changed it (the item, a file's access, a
 * related item): each update compiles the record again and compares it with the indexed one, so an unchanged record
 * keeps its datestamp and a changed one gets a new one, and harvesters are told of every change.
 */
public final class OaiIndexer {

    /** Solr makes added records searchable within this time: well inside the 5 s harvesters are promised. */
    public static final int COMMIT_WITHIN_MS = 1000;

    /**
     * How long a written record may take to show (its datestamp is when it was written): a response claims to
     * hold every record dated up to this much before it (its responseDate), never more.
     */
    public static final Duration VISIBLE_AFTER = Duration.ofSeconds(5);

    /** The files of the item a live record is of (any bundle), by id: a deleted file's item is found by them. */
    public static final String FILES = "item.files";

    private static final int BATCH = 100;
    private static final String DELETED = "item.deleted:true";
    private static final String VERSION = "_version_";
    private static final String[] STORED = {"item.id", "item.handle", "item.public", "item.deleted",
        "item.lastmodified", "item.since", "item.collections", "item.communities", "item.compile", FILES};
    /** When a record first entered the index: its place in every list, kept through changes (Keyset). */
    private static final String SINCE = Keyset.SINCE_FIELD;

    private final SolrClient solr;
    private final TombstoneStore tombstones;
    private final OaiDocuments documents;
    private final ItemService items;
    private final AnonymousAccess access;

    /** Records were added and may not be searchable yet (Solr commits them within a second). */
    private volatile boolean uncommitted;
    /** The core's latest write and the number of tombstones when deleted records and tombstones last agreed. */
    private volatile String agreed;

    /**
     * @param solr       the OAI core
     * @param tombstones the tombstone store
     * @param documents  the record builder
     * @param items      DSpace's item service
     * @param access     what anonymous users may see
     */
    public OaiIndexer(SolrClient solr, TombstoneStore tombstones, OaiDocuments documents, ItemService items,
                      AnonymousAccess access) {
        this.solr = solr;
        this.tombstones = tombstones;
        this.documents = documents;
        this.items = items;
        this.access = access;
    }

    /**
     * Brings the records of some items up to date.
     *
     * @param context an anonymous DSpace context ({@link AnonymousWork}), after the commit that changed the items
     * @param ids     the changed items
     * @return the number of records written
     * @throws SQLException        on database failure
     * @throws IOException         on Solr failure
     * @throws SolrServerException on Solr failure
     */
    public int update(Context context, Collection<UUID> ids) throws SQLException, IOException, SolrServerException {
        AnonymousWork.requireAnonymous(context, "Indexing for OAI-PMH");
        List<UUID> all = new ArrayList<>(ids);
        int written = 0;
        for (int from = 0; from < all.size(); from += BATCH) {
            written += updateBatch(context, all.subList(from, Math.min(from + BATCH, all.size())));
            context.uncacheEntities();
        }
        return written;
    }

    private int updateBatch(Context context, List<UUID> ids) throws SQLException, IOException, SolrServerException {
        Map<String, SolrDocument> indexed = indexed(ids);
        List<SolrInputDocument> changed = new ArrayList<>();
        List<Tombstone> gone = new ArrayList<>();
        List<SolrInputDocument> refiled = new ArrayList<>();
        for (UUID id : ids) {
            Item item = items.find(context, id);
            SolrDocument before = indexed.get(id.toString());
            if (item != null && access.isPublic(context, item)) {
                SolrInputDocument record = documents.live(context, item, new Date());
                record.setField(SINCE, accessioned(item));
                if (!sameLiveRecord(before, record)) {
                    changed.add(record);
                    tombstones.remove(id.toString());
                } else if (!sameFiles(before, record)) {
                    // what harvesters see is the same (a file they are not shown, a record DSpace's import wrote):
                    // written with the datestamp it had
                    record.setField("item.lastmodified", before.getFieldValue("item.lastmodified"));
                    refiled.add(record);
                }
            } else {
                // deleted, withdrawn, private, or out of the archive (an earlier version once a new one is
                // installed): a deleted record if harvesters saw it
                tombstone(context, id, item, before).ifPresent(gone::add);
            }
        }
        if (changed.isEmpty() && gone.isEmpty() && refiled.isEmpty()) {
            return 0;
        }
        // the datestamp is the moment the records are written, which Solr shows within COMMIT_WITHIN_MS: a
        // response says it has everything up to a moment a little earlier (OaiResponder), so nothing is missed
        Date stamp = new Date();
        changed.forEach(record -> record.setField("item.lastmodified", stamp));
        for (Tombstone tombstone : gone) {
            Tombstone dated = tombstone.dated(stamp.toInstant());
            tombstones.save(dated);
            changed.add(documents.deleted(dated));
        }
        changed.addAll(refiled);
        // a record keeps its place in the lists, so a harvest under way shows it once, never twice: the moment its
        // item was accessioned (the same for every writer, in any JVM), else the place it had, else now
        for (SolrInputDocument record : changed) {
            if (record.getFieldValue(SINCE) == null) {
                SolrDocument before = indexed.get((String) record.getFieldValue("item.id"));
                Object since = before == null ? null : before.getFieldValue(SINCE);
                record.setField(SINCE, since != null ? since : stamp);
            }
        }
        solr.add(changed, COMMIT_WITHIN_MS);
        uncommitted = true;
        return changed.size();
    }

    /** When the item entered the archive ({@code dc.date.accessioned}, its first value), or null if unknown. */
    private Date accessioned(Item item) {
        String value = items.getMetadataFirstValue(item, "dc", "date", "accessioned", Item.ANY);
        return value == null ? null : new DCDate(value).toDate();
    }

    /** Whether the indexed record is this live record already (then it keeps its datestamp). */
    private static boolean sameLiveRecord(SolrDocument before, SolrInputDocument record) {
        return before != null && !Boolean.TRUE.equals(before.getFieldValue("item.deleted"))
            && Boolean.TRUE.equals(before.getFieldValue("item.public"))
            && Objects.equals(before.getFieldValue("item.compile"), record.getFieldValue("item.compile"))
            && Objects.equals(strings(before.getFieldValues("item.collections")),
                              strings(record.getFieldValues("item.collections")))
            && Objects.equals(strings(before.getFieldValues("item.communities")),
                              strings(record.getFieldValues("item.communities")));
    }

    /** Whether the indexed record lists the files this one does. */
    private static boolean sameFiles(SolrDocument before, SolrInputDocument record) {
        return Objects.equals(strings(before.getFieldValues(FILES)), strings(record.getFieldValues(FILES)));
    }

    /** The tombstone of an item harvesters could see, unless it has its deleted record; empty if never seen. */
    private Optional<Tombstone> tombstone(Context context, UUID id, Item item, SolrDocument before)
        throws SQLException {
        // DSpace's own `oai import` also indexes items that are not public, flagged item.public=false
        boolean seen = before != null && Boolean.TRUE.equals(before.getFieldValue("item.public"));
        Optional<Tombstone> kept = tombstones.find(id.toString());
        if (seen && Boolean.TRUE.equals(before.getFieldValue("item.deleted"))) {
            // a deleted record written before the addon kept tombstones: kept for a withdrawn or deleted item; not
            // for a private one (DSpace's import writes one for every private item, public before or not), whose
            // record restoreTombstones removes
            if (kept.isEmpty() && (item == null || item.isWithdrawn())) {
                tombstones.save(fromIndex(before));
            }
            return Optional.empty();
        }
        if (!seen && kept.isEmpty()) {
            return Optional.empty();
        }
        if (item == null || item.getHandle() == null) {
            // deleted, or its handle taken from it (DSpace unbinds an item's handles as it deletes it): the record
            // is named by the handle harvesters saw
            return Optional.of(seen ? fromIndex(before) : kept.get());
        }
        Tombstone now = documents.tombstoneOf(context, item);
        return Optional.of(seen ? now.alsoIn(fromIndex(before)) : now);
    }

    /**
     * Makes the OAI core's deleted records agree with the kept tombstones, when they do not: writes back those
     * missing (a full reindex, {@code dspace oai import -c}, empties the core and does not know deleted items), and
     * removes deleted records that have none. The addon keeps a tombstone for every deleted record it writes;
     * DSpace's own import writes one for every private item, whether or not anybody could ever see it, and an item
     * nobody could see leaves no trace. When nothing was written to the core and no tombstone kept since they last
     * agreed, it costs a look at the core's latest write and a count of the tombstones; else two counts and a read of
     * the tombstones' item ids. {@link TombstoneGuard} runs one at a time.
     *
     * @return the number of records written back or removed
     * @throws SQLException        on database failure
     * @throws IOException         on Solr failure
     * @throws SolrServerException on Solr failure
     */
    public int restoreTombstones() throws SQLException, IOException, SolrServerException {
        // taken before the check: a write meanwhile makes the next check look again
        String signature = latestWrite() + "/" + tombstones.count();
        if (signature.equals(agreed)) {
            return 0;
        }
        // the index first: a deleted record the indexer writes meanwhile has its tombstone kept before it
        long deleted = solr.query(new SolrQuery(DELETED).setRows(0)).getResults().getNumFound();
        List<String> ids = tombstones.itemIds();
        if (deleted == ids.size() && (ids.isEmpty() || deletedAmong(ids) == ids.size())) {
            agreed = signature;
            return 0;
        }
        agreed = null;
        // again the index first, then the tombstones: none the indexer keeps meanwhile is taken for a stray
        List<SolrDocument> indexedDeleted = all(DELETED);
        List<Tombstone> all = tombstones.all();
        List<SolrInputDocument> restored = new ArrayList<>();
        for (int from = 0; from < all.size(); from += BATCH) {
            List<Tombstone> batch = all.subList(from, Math.min(from + BATCH, all.size()));
            Map<String, SolrDocument> current = indexed(batch.stream().map(t -> UUID.fromString(t.itemId())).toList());
            for (Tombstone tombstone : batch) {
                SolrDocument before = current.get(tombstone.itemId());
                if (before == null || !Boolean.TRUE.equals(before.getFieldValue("item.deleted"))) {
                    SolrInputDocument document = documents.deleted(tombstone);
                    if (before != null && before.getFieldValue(SINCE) != null) {
                        document.setField(SINCE, before.getFieldValue(SINCE));
                    }
                    restored.add(document);
                }
            }
        }
        Set<String> kept = all.stream().map(Tombstone::itemId).collect(Collectors.toSet());
        int removed = 0;
        for (SolrDocument record : indexedDeleted) {
            if (!kept.contains((String) record.getFieldValue("item.id"))) {
                // only while it is still a deleted record: the item may be public again a moment later
                solr.deleteByQuery(DELETED + " AND item.handle:\""
                                       + ClientUtils.escapeQueryChars((String) record.getFieldValue("item.handle"))
                                       + "\"");
                removed++;
            }
        }
        if (!restored.isEmpty()) {
            solr.add(restored);
        }
        if (!restored.isEmpty() || removed > 0) {
            solr.commit();
        }
        return restored.size() + removed;
    }

    /** How many of the tombstones' items have a deleted record in the index. */
    private long deletedAmong(List<String> ids) throws IOException, SolrServerException {
        // the item ids as the query, not as a filter: a filter would be cached anew at every change
        SolrQuery query = new SolrQuery("{!terms f=item.id}" + String.join(",", ids)).setRows(0)
            .addFilterQuery(DELETED);
        return solr.query(query, SolrRequest.METHOD.POST).getResults().getNumFound();
    }

    /**
     * @param file a file (bitstream) id
     * @return the items whose live records list the file (in any bundle), whether or not it still exists
     * @throws IOException         on Solr failure
     * @throws SolrServerException on Solr failure
     */
    public Set<UUID> itemsListing(UUID file) throws IOException, SolrServerException {
        seeLatest();
        Set<UUID> ids = new TreeSet<>();
        SolrQuery query = new SolrQuery(FILES + ":\"" + file + "\"").addFilterQuery("item.deleted:false")
            .setFields("item.id").setRows(BATCH);
        for (SolrDocument document : solr.query(query).getResults()) {
            ids.add(UUID.fromString((String) document.getFieldValue("item.id")));
        }
        return ids;
    }

    /** The version of the core's latest write still in it (Solr's {@code _version_}; "none" when empty). */
    private String latestWrite() throws IOException, SolrServerException {
        SolrDocumentList latest = solr.query(new SolrQuery("*:*").setRows(1).setFields(VERSION)
                                                                 .setSort(VERSION, SolrQuery.ORDER.desc)).getResults();
        return latest.isEmpty() ? "none" : latest.getNumFound() + "@" + latest.get(0).getFieldValue(VERSION);
    }

    /** The item and handle of every record the query finds, read page by page. */
    private List<SolrDocument> all(String q) throws IOException, SolrServerException {
        List<SolrDocument> found = new ArrayList<>();
        SolrQuery query = new SolrQuery(q).setFields("item.id", "item.handle").setRows(1000)
                                          .setSort("item.handle", SolrQuery.ORDER.asc);
        String cursor = CursorMarkParams.CURSOR_MARK_START;
        while (true) {
            query.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
            QueryResponse page = solr.query(query);
            found.addAll(page.getResults());
            if (page.getNextCursorMark().equals(cursor)) {
                return found;
            }
            cursor = page.getNextCursorMark();
        }
    }

    /**
     * @return the items that have a live (not deleted) record in the OAI core, whether or not they still exist
     * @throws IOException         on Solr failure
     * @throws SolrServerException on Solr failure
     */
    public Set<UUID> liveItemIds() throws IOException, SolrServerException {
        Set<UUID> ids = new TreeSet<>();
        for (SolrDocument document : all("item.deleted:false")) {
            ids.add(UUID.fromString((String) document.getFieldValue("item.id")));
        }
        return ids;
    }

    /**
     * Makes every record written so far searchable now (rather than within {@link #COMMIT_WITHIN_MS}).
     *
     * @throws IOException         on Solr failure
     * @throws SolrServerException on Solr failure
     */
    public void commit() throws IOException, SolrServerException {
        uncommitted = false;
        solr.commit();
    }

    /** The indexed records of some items, by item id (records written a moment ago included). */
    private Map<String, SolrDocument> indexed(List<UUID> ids) throws IOException, SolrServerException {
        seeLatest();
        String query = ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(" OR ", "item.id:(", ")"));
        Map<String, SolrDocument> found = new HashMap<>();
        for (SolrDocument document : solr.query(new SolrQuery(query).setRows(ids.size() * 2).setFields(STORED))
                                         .getResults()) {
            found.put((String) document.getFieldValue("item.id"), document);
        }
        return found;
    }

    /** Makes the records written a moment ago searchable: they must be found to be compared or replaced. */
    private void seeLatest() throws IOException, SolrServerException {
        if (uncommitted) {
            uncommitted = false;
            solr.commit(true, true, true);
        }
    }

    private static Tombstone fromIndex(SolrDocument document) {
        return new Tombstone((String) document.getFieldValue("item.id"), (String) document.getFieldValue("item.handle"),
            ((Date) document.getFieldValue("item.lastmodified")).toInstant(),
            strings(document.getFieldValues("item.collections")), strings(document.getFieldValues("item.communities")),
            (String) document.getFieldValue("item.compile"));
    }

    private static List<String> strings(Collection<Object> found) {
        List<String> values = new ArrayList<>();
        if (found != null) {
            found.forEach(value -> values.add((String) value));
        }
        return values;
    }
}
