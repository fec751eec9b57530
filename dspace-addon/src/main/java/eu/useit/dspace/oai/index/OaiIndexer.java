/*
 * USE-IT! repository addon for DSpace.
 */
package eu.useit.dspace.oai.index;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrInputDocument;
import org.dspace.authorize.ResourcePolicy;
import org.dspace.authorize.service.AuthorizeService;
import org.dspace.authorize.service.ResourcePolicyService;
import org.dspace.content.Item;
import org.dspace.content.service.ItemService;
import org.dspace.core.Constants;
import org.dspace.core.Context;
import org.dspace.eperson.Group;

/**
 * Keeps DSpace's OAI core in step with the items: a public item gets its live record, an item that stops being
 * public (withdrawn, made private or non-discoverable, deleted) after harvesters could see it gets a deleted
 * record dated when that happened, and its {@link Tombstone} is kept in the database for good.
 */
public final class OaiIndexer {

    /** Solr makes added records searchable within this time: well inside the 5 s harvesters are promised. */
    public static final int COMMIT_WITHIN_MS = 1000;

    private final SolrClient solr;
    private final TombstoneStore tombstones;
    private final OaiDocuments documents;
    private final ItemService items;
    private final AuthorizeService authorize;
    private final ResourcePolicyService policies;

    /** Records were added and may not be searchable yet (Solr commits them within a second). */
    private volatile boolean uncommitted;

    /**
     * @param solr       the OAI core
     * @param tombstones the tombstone store
     * @param documents  the record builder
     * @param items      DSpace's item service
     * @param authorize  DSpace's authorisation service
     * @param policies   DSpace's resource policy service
     */
    public OaiIndexer(SolrClient solr, TombstoneStore tombstones, OaiDocuments documents, ItemService items,
                      AuthorizeService authorize, ResourcePolicyService policies) {
        this.solr = solr;
        this.tombstones = tombstones;
        this.documents = documents;
        this.items = items;
        this.authorize = authorize;
        this.policies = policies;
    }

    /**
     * Brings the records of some items up to date.
     *
     * @param context a DSpace context (after the commit that changed the items)
     * @param ids     the changed items
     * @return the number of records written
     * @throws SQLException        on database failure
     * @throws IOException         on Solr failure
     * @throws SolrServerException on Solr failure
     */
    public int update(Context context, Collection<UUID> ids) throws SQLException, IOException, SolrServerException {
        List<SolrInputDocument> changed = new ArrayList<>();
        for (UUID id : ids) {
            Item item = items.find(context, id);
            if (item != null && item.isArchived() && isPublic(context, item)) {
                changed.add(documents.live(context, item));
                tombstones.remove(id.toString());
            } else if (item == null || item.isArchived() || item.isWithdrawn()) {
                tombstone(context, id, item).ifPresent(changed::add);
            }
        }
        if (!changed.isEmpty()) {
            solr.add(changed, COMMIT_WITHIN_MS);
            uncommitted = true;
        }
        return changed.size();
    }

    /** The deleted record of an item harvesters could see, unless it already has one; empty if never seen. */
    private Optional<SolrInputDocument> tombstone(Context context, UUID id, Item item)
        throws SQLException, IOException, SolrServerException {
        SolrDocument indexed = indexed(id);
        Optional<Tombstone> kept = tombstones.find(id.toString());
        if (indexed != null && Boolean.TRUE.equals(indexed.getFieldValue("item.deleted"))) {
            if (kept.isEmpty()) {
                tombstones.save(fromIndex(indexed));
            }
            return Optional.empty();
        }
        if (indexed == null && kept.isEmpty()) {
            return Optional.empty();
        }
        Tombstone tombstone = item != null ? documents.tombstoneOf(context, item)
            : indexed != null ? withDate(fromIndex(indexed), new Date()) : kept.get();
        tombstones.save(tombstone);
        return Optional.of(documents.deleted(tombstone));
    }

    /**
     * Writes the kept tombstones back into the OAI core when some are missing from it, as after a full reindex
     * ({@code dspace oai import -c} empties the core and does not know deleted items).
     *
     * @return the number of tombstones written back
     * @throws SQLException        on database failure
     * @throws IOException         on Solr failure
     * @throws SolrServerException on Solr failure
     */
    public int restoreTombstones() throws SQLException, IOException, SolrServerException {
        int kept = tombstones.count();
        if (kept == 0) {
            return 0;
        }
        long indexed = solr.query(new SolrQuery("item.deleted:true").setRows(0)).getResults().getNumFound();
        if (indexed >= kept) {
            return 0;
        }
        List<SolrInputDocument> restored = new ArrayList<>();
        for (Tombstone tombstone : tombstones.all()) {
            restored.add(documents.deleted(tombstone));
        }
        solr.add(restored);
        solr.commit();
        return restored.size();
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

    private boolean isPublic(Context context, Item item) throws SQLException {
        if (!item.isDiscoverable()) {
            return false;
        }
        for (ResourcePolicy policy : authorize.getPoliciesActionFilter(context, item, Constants.READ)) {
            Group group = policy.getGroup();
            if (group != null && Group.ANONYMOUS.equals(group.getName()) && policies.isDateValid(policy)) {
                return true;
            }
        }
        return false;
    }

    private SolrDocument indexed(UUID id) throws IOException, SolrServerException {
        if (uncommitted) {
            // an item deposited and deleted within a second: its live record must be found to be replaced
            uncommitted = false;
            solr.commit(true, true, true);
        }
        SolrQuery query = new SolrQuery("item.id:" + id).setRows(1)
            .setFields("item.id", "item.handle", "item.deleted", "item.lastmodified", "item.collections",
                       "item.communities", "item.compile");
        SolrDocumentList found = solr.query(query).getResults();
        return found.isEmpty() ? null : found.get(0);
    }

    private static Tombstone fromIndex(SolrDocument document) {
        return new Tombstone((String) document.getFieldValue("item.id"), (String) document.getFieldValue("item.handle"),
            ((Date) document.getFieldValue("item.lastmodified")).toInstant(), strings(document, "item.collections"),
            strings(document, "item.communities"), (String) document.getFieldValue("item.compile"));
    }

    private static Tombstone withDate(Tombstone tombstone, Date deletedAt) {
        return new Tombstone(tombstone.itemId(), tombstone.handle(), deletedAt.toInstant(), tombstone.collections(),
                             tombstone.communities(), tombstone.compiled());
    }

    private static List<String> strings(SolrDocument document, String field) {
        List<String> values = new ArrayList<>();
        Collection<Object> found = document.getFieldValues(field);
        if (found != null) {
            found.forEach(value -> values.add((String) value));
        }
        return values;
    }
}
