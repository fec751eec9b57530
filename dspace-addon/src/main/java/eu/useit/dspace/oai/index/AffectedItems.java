/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai.index;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import eu.useit.dspace.access.AnonymousAccess;
import eu.useit.dspace.support.HibernateSession;
import org.apache.solr.client.solrj.SolrServerException;
import org.dspace.content.Bitstream;
import org.dspace.content.Bundle;
import org.dspace.content.Collection;
import org.dspace.content.Community;
import org.dspace.content.Item;
import org.dspace.content.Relationship;
import org.dspace.content.service.BitstreamService;
import org.dspace.content.service.BundleService;
import org.dspace.content.service.CollectionService;
import org.dspace.content.service.CommunityService;
import org.dspace.content.service.ItemService;
import org.dspace.content.service.RelationshipService;
import org.dspace.core.Constants;
import org.dspace.core.Context;
import org.dspace.eperson.Group;
import org.dspace.eperson.service.GroupService;

/**
 * The items whose public records {@link ChangedItems} may have changed, read from the database: the Spring bean
 * {@code useitAffectedItems} ({@code config/spring/api/useit-services.xml}), made with DSpace's services. Used in the
 * change's own transaction (by the consumer, before DSpace commits) and after it (by the index worker and the access
 * sweep).
 */
public final class AffectedItems {

    private final ItemService itemService;
    private final BundleService bundleService;
    private final BitstreamService bitstreamService;
    private final CollectionService collectionService;
    private final CommunityService communityService;
    private final GroupService groupService;
    private final RelationshipService relationshipService;
    private final AnonymousAccess access;

    /**
     * @param itemService         DSpace's items
     * @param bundleService       DSpace's bundles
     * @param bitstreamService    DSpace's files
     * @param collectionService   DSpace's collections
     * @param communityService    DSpace's communities
     * @param groupService        DSpace's groups
     * @param relationshipService DSpace's relationships
     * @param access              what anonymous users may see
     */
    public AffectedItems(ItemService itemService, BundleService bundleService, BitstreamService bitstreamService,
                         CollectionService collectionService, CommunityService communityService,
                         GroupService groupService, RelationshipService relationshipService, AnonymousAccess access) {
        this.itemService = itemService;
        this.bundleService = bundleService;
        this.bitstreamService = bitstreamService;
        this.collectionService = collectionService;
        this.communityService = communityService;
        this.groupService = groupService;
        this.relationshipService = relationshipService;
        this.access = access;
    }

    /**
     * @param context a DSpace context
     * @param changes what events noted
     * @return the changed items (noted items, the items of noted bundles and files that still exist, the items below
     *     noted collections and communities, the items whose files or bundles groups that gained or lost members
     *     may read, and those the groups may read when anonymous users joined or left them) and the ids of noted
     *     files that are deleted or gone
     * @throws SQLException on database failure
     */
    public Set<UUID> of(Context context, ChangedItems changes) throws SQLException {
        Set<UUID> found = new LinkedHashSet<>(changes.items());
        for (UUID id : changes.bitstreams()) {
            Bitstream bitstream = bitstreamService.find(context, id);
            if (bitstream == null || bitstream.isDeleted()) {
                found.add(id);
                continue;
            }
            for (Bundle bundle : bitstream.getBundles()) {
                bundle.getItems().forEach(item -> found.add(item.getID()));
            }
        }
        for (UUID id : changes.bundles()) {
            Bundle bundle = bundleService.find(context, id);
            if (bundle != null) {
                bundle.getItems().forEach(item -> found.add(item.getID()));
            }
        }
        for (UUID id : changes.containers()) {
            found.addAll(itemsIn(context, id));
        }
        if (!changes.groups().isEmpty()) {
            Set<UUID> readers = withParents(changes.groups());
            found.addAll(itemsWithFilesReadBy(readers));
            // an item read through a group that anonymous users joined or left is public, or no longer
            if (anonymousAmong(context, changes.memberGroups())) {
                found.addAll(itemsReadByGroups(readers));
            }
        }
        for (Map.Entry<UUID, Set<UUID>> account : changes.accounts().entrySet()) {
            Set<UUID> own = itemsReadBy(account.getKey());
            if (!own.isEmpty()) {
                Set<UUID> withFiles = itemsWithFilesReadBy(withParents(account.getValue()));
                withFiles.retainAll(own);
                found.addAll(withFiles);
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
    public Set<UUID> itemsOf(Context context, Iterable<UUID> objects) throws SQLException {
        ChangedItems found = new ChangedItems();
        for (UUID id : objects) {
            if (itemService.find(context, id) != null) {
                found.items().add(id);
            } else if (bundleService.find(context, id) != null) {
                found.bundles().add(id);
            } else {
                found.bitstreams().add(id);
            }
        }
        return of(context, found);
    }

    /**
     * Run after the commit, by the index worker: a queued id that is no item is a file deleted or gone, whose item
     * only its indexed record still names.
     *
     * @param context a DSpace context
     * @param queued  queued ids
     * @param index   the OAI index
     * @return the queued ids and the items whose live records list the ones that are no item
     * @throws SQLException        on database failure
     * @throws IOException         on Solr failure
     * @throws SolrServerException on Solr failure
     */
    public Set<UUID> withItemsOfDeletedFiles(Context context, Set<UUID> queued, OaiIndexer index)
        throws SQLException, IOException, SolrServerException {
        Set<UUID> all = new LinkedHashSet<>(queued);
        for (UUID id : queued) {
            if (itemService.find(context, id) == null) {
                all.addAll(index.itemsListing(id));
            }
        }
        return all;
    }

    /**
     * @param context a DSpace context
     * @param changed items that changed
     * @return the items related to them (by DSpace relationships), not among them
     * @throws SQLException on database failure
     */
    public Set<UUID> relatedTo(Context context, Set<UUID> changed) throws SQLException {
        Set<UUID> related = new LinkedHashSet<>();
        for (UUID id : changed) {
            Item item = itemService.find(context, id);
            if (item == null) {
                continue;
            }
            for (Relationship relationship : relationshipService.findByItem(context, item, -1, -1, false, false)) {
                Item other = item.equals(relationship.getLeftItem()) ? relationship.getRightItem()
                    : relationship.getLeftItem();
                if (!changed.contains(other.getID())) {
                    related.add(other.getID());
                }
            }
        }
        return related;
    }

    /**
     * @param groups groups
     * @return the groups they are direct members of (ids only, in the current session)
     */
    public static Set<UUID> parentsOf(Set<UUID> groups) {
        return new LinkedHashSet<>(HibernateSession.current().createQuery(
            "SELECT DISTINCT parent.id FROM Group parent JOIN parent.groups child WHERE child.id IN (:children)",
            UUID.class).setParameter("children", groups).getResultList());
    }

    /** Groups and every group they belong to, directly or through others. */
    private static Set<UUID> withParents(Set<UUID> groups) {
        Set<UUID> all = new LinkedHashSet<>(groups);
        Set<UUID> next = new LinkedHashSet<>(groups);
        while (!next.isEmpty()) {
            next = parentsOf(next);
            next.removeAll(all);
            all.addAll(next);
        }
        return all;
    }

    /** The items whose own READ policies name an account (any dates). */
    private static Set<UUID> itemsReadBy(UUID account) {
        return new LinkedHashSet<>(HibernateSession.current().createQuery(
            "SELECT p.dSpaceObject.id FROM ResourcePolicy p WHERE p.actionId = :read AND p.eperson.id = :account"
                + " AND p.resourceTypeId = :item", UUID.class)
            .setParameter("read", Constants.READ).setParameter("account", account)
            .setParameter("item", Constants.ITEM).getResultList());
    }

    /** Whether anonymous users are among some groups' members: the Anonymous group, or one it belongs to. */
    private boolean anonymousAmong(Context context, Set<UUID> groups) throws SQLException {
        for (UUID id : groups) {
            Group group = groupService.find(context, id);
            // a group deleted since: what it held cannot be told, so it may have held them
            if (group == null || access.holdsAnonymous(context, group)) {
                return true;
            }
        }
        return false;
    }

    /** The items whose own READ policies name one of some groups (any dates). */
    private static Set<UUID> itemsReadByGroups(Set<UUID> groups) {
        return new LinkedHashSet<>(HibernateSession.current().createQuery(
            "SELECT DISTINCT p.dSpaceObject.id FROM ResourcePolicy p WHERE p.actionId = :read"
                + " AND p.epersonGroup.id IN (:groups) AND p.resourceTypeId = :item", UUID.class)
            .setParameter("read", Constants.READ).setParameter("groups", groups)
            .setParameter("item", Constants.ITEM).getResultList());
    }

    /**
     * The items with a file or a bundle that a READ policy lets one of some groups read (any dates: a policy valid
     * later decides later, and the access sweep follows dates); ids only, nothing loaded into the change's session.
     */
    private static Set<UUID> itemsWithFilesReadBy(Set<UUID> groups) {
        String readBy = "SELECT p.dSpaceObject.id FROM ResourcePolicy p WHERE p.actionId = :read"
            + " AND p.epersonGroup.id IN (:groups)";
        Set<UUID> found = new LinkedHashSet<>(HibernateSession.current().createQuery(
            "SELECT DISTINCT i.id FROM Item i JOIN i.bundles b WHERE b.id IN (" + readBy + ")", UUID.class)
            .setParameter("read", Constants.READ).setParameter("groups", groups).getResultList());
        found.addAll(HibernateSession.current().createQuery(
            "SELECT DISTINCT i.id FROM Item i JOIN i.bundles b JOIN b.bitstreams f WHERE f.id IN (" + readBy + ")",
            UUID.class).setParameter("read", Constants.READ).setParameter("groups", groups).getResultList());
        return found;
    }

    /** The items (owned or mapped) of a collection, or of every collection below a community; none if neither. */
    private Set<UUID> itemsIn(Context context, UUID container) throws SQLException {
        Set<UUID> found = new LinkedHashSet<>();
        List<Collection> collections = new ArrayList<>();
        Collection collection = collectionService.find(context, container);
        if (collection != null) {
            collections.add(collection);
        } else {
            Community community = communityService.find(context, container);
            if (community != null) {
                collections.addAll(communityService.getAllCollections(context, community));
            }
        }
        for (Collection each : collections) {
            // ids only: a large collection's items are not loaded into the change's session
            found.addAll(HibernateSession.current().createQuery(
                "SELECT i.id FROM Item i JOIN i.collections c WHERE c.id = :collection", UUID.class)
                .setParameter("collection", each.getID()).getResultList());
        }
        return found;
    }
}
