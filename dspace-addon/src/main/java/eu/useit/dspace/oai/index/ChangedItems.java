/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai.index;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.dspace.content.factory.ContentServiceFactory;
import org.dspace.content.service.BitstreamService;
import org.dspace.content.service.BundleService;
import org.dspace.content.service.CommunityService;
import org.dspace.content.service.ItemService;
import org.dspace.content.service.RelationshipService;
import org.dspace.core.Constants;
import org.dspace.core.Context;
import org.dspace.eperson.Group;
import org.dspace.eperson.factory.EPersonServiceFactory;
import org.dspace.eperson.service.GroupService;
import org.dspace.event.Event;

/**
 * The items whose public records a committed change may have changed: items changed themselves, the items of
 * changed files and bundles (a file restricted, embargoed or replaced), and the items related to all of those (their
 * records name related items only while those are public). Collected from DSpace events; resolved from the database
 * in the change's own transaction (by the consumer, before DSpace commits) or after it (by the index worker).
 * <p>
 * A collection or sub-community added to or taken from a community changes the community sets of every item in it,
 * which fire no event of their own: all of them are changed items.
 * <p>
 * A group that gains or loses a member changes who may read the files and bundles whose READ names it or a group it
 * belongs to, so what the search documents of their items may hold (their text and file names,
 * {@code eu.useit.dspace.search.FullTextFiles}, which compares the item's readers with the file's: groups by their
 * nesting, accounts by their groups). A member group: every item with such a file or bundle is a changed item. A
 * member account: only those of them whose own READ names the account (a login that joins a large group changes
 * nothing else).
 * <p>
 * A deleted file no longer names its item (DSpace empties its bundles before the commit and fires only the file's own
 * event): its id is queued as it is, and after the commit the index worker finds its item, the one whose indexed
 * record lists the file ({@link #withItemsOfDeletedFiles}); nothing here asks Solr inside the change's transaction.
 */
public final class ChangedItems {

    private final Set<UUID> items = new LinkedHashSet<>();
    private final Set<UUID> bundles = new LinkedHashSet<>();
    private final Set<UUID> bitstreams = new LinkedHashSet<>();
    private final Set<UUID> containers = new LinkedHashSet<>();
    private final Set<UUID> groups = new LinkedHashSet<>();
    /** The groups that joined or left those groups. */
    private final Set<UUID> memberGroups = new LinkedHashSet<>();
    private final Map<UUID, Set<UUID>> accounts = new LinkedHashMap<>();

    /**
     * Notes the DSpace object an event is about.
     *
     * @param event a DSpace event
     */
    public void add(Event event) {
        note(event.getSubjectType(), event.getSubjectID());
        note(event.getObjectType(), event.getObjectID());
        boolean moved = event.getEventType() == Event.ADD || event.getEventType() == Event.REMOVE;
        if (moved && event.getSubjectType() == Constants.COMMUNITY && event.getObjectID() != null) {
            containers.add(event.getObjectID());
        }
        if (moved && event.getSubjectType() == Constants.GROUP && event.getSubjectID() != null
            && event.getObjectID() != null) {
            if (event.getObjectType() == Constants.EPERSON) {
                accounts.computeIfAbsent(event.getObjectID(), account -> new LinkedHashSet<>())
                        .add(event.getSubjectID());
            } else {
                groups.add(event.getSubjectID());
                memberGroups.add(event.getObjectID());
            }
        }
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
        return items.isEmpty() && bundles.isEmpty() && bitstreams.isEmpty() && containers.isEmpty()
            && groups.isEmpty() && accounts.isEmpty();
    }

    /**
     * @return what was noted so far, and forgets it
     */
    public ChangedItems drain() {
        ChangedItems drained = new ChangedItems();
        drained.items.addAll(items);
        drained.bundles.addAll(bundles);
        drained.bitstreams.addAll(bitstreams);
        drained.containers.addAll(containers);
        drained.groups.addAll(groups);
        drained.memberGroups.addAll(memberGroups);
        drained.accounts.putAll(accounts);
        items.clear();
        bundles.clear();
        bitstreams.clear();
        containers.clear();
        groups.clear();
        memberGroups.clear();
        accounts.clear();
        return drained;
    }

    /**
     * @param context a DSpace context
     * @return the changed items (noted items, the items of noted bundles and files that still exist, the items below
     *     noted collections and communities, the items whose files or bundles groups that gained or lost members
     *     may read, and those the groups may read when anonymous users joined or left them) and the ids of noted
     *     files that are deleted or gone
     * @throws SQLException on database failure
     */
    public Set<UUID> resolve(Context context) throws SQLException {
        BundleService bundleService = ContentServiceFactory.getInstance().getBundleService();
        BitstreamService bitstreamService = ContentServiceFactory.getInstance().getBitstreamService();
        Set<UUID> found = new LinkedHashSet<>(items);
        for (UUID id : bitstreams) {
            Bitstream bitstream = bitstreamService.find(context, id);
            if (bitstream == null || bitstream.isDeleted()) {
                found.add(id);
                continue;
            }
            for (Bundle bundle : bitstream.getBundles()) {
                bundle.getItems().forEach(item -> found.add(item.getID()));
            }
        }
        for (UUID id : bundles) {
            Bundle bundle = bundleService.find(context, id);
            if (bundle != null) {
                bundle.getItems().forEach(item -> found.add(item.getID()));
            }
        }
        for (UUID id : containers) {
            found.addAll(itemsIn(context, id));
        }
        if (!groups.isEmpty()) {
            Set<UUID> readers = withParents(groups);
            found.addAll(itemsWithFilesReadBy(readers));
            // an item read through a group that anonymous users joined or left is public, or no longer
            if (anonymousAmong(context, memberGroups)) {
                found.addAll(itemsReadByGroups(readers));
            }
        }
        for (Map.Entry<UUID, Set<UUID>> account : accounts.entrySet()) {
            Set<UUID> own = itemsReadBy(account.getKey());
            if (!own.isEmpty()) {
                Set<UUID> withFiles = itemsWithFilesReadBy(withParents(account.getValue()));
                withFiles.retainAll(own);
                found.addAll(withFiles);
            }
        }
        return found;
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

    /**
     * @param groups groups
     * @return the groups they are direct members of (ids only, in the current session)
     */
    public static Set<UUID> parentsOf(Set<UUID> groups) {
        return new LinkedHashSet<>(HibernateSession.current().createQuery(
            "SELECT DISTINCT parent.id FROM Group parent JOIN parent.groups child WHERE child.id IN (:children)",
            UUID.class).setParameter("children", groups).getResultList());
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
    private static boolean anonymousAmong(Context context, Set<UUID> groups) throws SQLException {
        GroupService groupService = EPersonServiceFactory.getInstance().getGroupService();
        AnonymousAccess access = AnonymousAccess.fromDSpace();
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
    private static Set<UUID> itemsIn(Context context, UUID container) throws SQLException {
        Set<UUID> found = new LinkedHashSet<>();
        List<Collection> collections = new ArrayList<>();
        Collection collection = ContentServiceFactory.getInstance().getCollectionService().find(context, container);
        if (collection != null) {
            collections.add(collection);
        } else {
            CommunityService communities = ContentServiceFactory.getInstance().getCommunityService();
            Community community = communities.find(context, container);
            if (community != null) {
                collections.addAll(communities.getAllCollections(context, community));
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

    /**
     * @param context a DSpace context
     * @param objects items, bundles or bitstreams
     * @return the items among them and the items the bundles and bitstreams belong to
     * @throws SQLException on database failure
     */
    public static Set<UUID> itemsOf(Context context, Iterable<UUID> objects) throws SQLException {
        ItemService itemService = ContentServiceFactory.getInstance().getItemService();
        BundleService bundleService = ContentServiceFactory.getInstance().getBundleService();
        ChangedItems found = new ChangedItems();
        for (UUID id : objects) {
            if (itemService.find(context, id) != null) {
                found.items.add(id);
            } else if (bundleService.find(context, id) != null) {
                found.bundles.add(id);
            } else {
                found.bitstreams.add(id);
            }
        }
        return found.resolve(context);
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
    public static Set<UUID> withItemsOfDeletedFiles(Context context, Set<UUID> queued, OaiIndexer index)
        throws SQLException, IOException, SolrServerException {
        ItemService itemService = ContentServiceFactory.getInstance().getItemService();
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
