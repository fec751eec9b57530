/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai.index;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.dspace.core.Constants;
import org.dspace.event.Event;

/**
 * The items whose public records a committed change may have changed: items changed themselves, the items of
 * changed files and bundles (a file restricted, embargoed or replaced), and the items related to all of those (their
 * records name related items only while those are public). Collected from DSpace events; {@link AffectedItems} reads
 * them from the database.
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
 * record lists the file ({@link AffectedItems#withItemsOfDeletedFiles}); nothing asks Solr inside the change's
 * transaction.
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

    Set<UUID> items() {
        return items;
    }

    Set<UUID> bundles() {
        return bundles;
    }

    Set<UUID> bitstreams() {
        return bitstreams;
    }

    Set<UUID> containers() {
        return containers;
    }

    Set<UUID> groups() {
        return groups;
    }

    Set<UUID> memberGroups() {
        return memberGroups;
    }

    Map<UUID, Set<UUID>> accounts() {
        return accounts;
    }
}
