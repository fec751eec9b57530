/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.access;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import org.dspace.authorize.ResourcePolicy;
import org.dspace.authorize.service.AuthorizeService;
import org.dspace.authorize.service.ResourcePolicyService;
import org.dspace.content.Bitstream;
import org.dspace.content.Bundle;
import org.dspace.content.DSpaceObject;
import org.dspace.content.Item;
import org.dspace.content.Relationship;
import org.dspace.content.service.BitstreamService;
import org.dspace.content.service.BundleService;
import org.dspace.content.service.ItemService;
import org.dspace.content.service.RelationshipService;
import org.dspace.core.Constants;
import org.dspace.core.Context;

/**
 * Which items, with their bundles and files, a caller may not see although DSpace would show them: DSpace checks
 * each object alone, so a file that was open while its item was public stays readable after the item's READ is
 * taken away, a private (non-discoverable) item stays readable by anybody who has its address, and a withdrawn item
 * still shows its title. Here the caller must be able to READ the item; a private item shows only to those who may
 * edit it or, when anonymous users may not READ it, who are given READ themselves (when anonymous users may, READ
 * says nothing of who was meant to see it, and only editors do); a withdrawn one only to those who may edit it.
 *
 * @param items         DSpace's item service
 * @param bundles       DSpace's bundle service
 * @param bitstreams    DSpace's bitstream service
 * @param authorize     DSpace's authorisation service
 * @param anonymous     what anonymous users may see
 * @param relationships DSpace's relationship service
 * @param policies      DSpace's resource policy service
 */
public record HiddenItems(ItemService items, BundleService bundles, BitstreamService bitstreams,
                          AuthorizeService authorize, AnonymousAccess anonymous, RelationshipService relationships,
                          ResourcePolicyService policies) {

    /** The bean's name in {@code config/spring/api/useit-services.xml}. */
    public static final String BEAN = "useitHiddenItems";

    /**
     * @param context the caller's context
     * @param id      a relationship's id, as a REST address or permission names it
     * @return true if the caller may not see either of its items, or if the id is not a number DSpace could find
     *     (false for a number that names no relationship: DSpace answers that it does not exist)
     * @throws SQLException on database failure
     */
    public boolean hidesRelationship(Context context, String id) throws SQLException {
        Integer number = number(id);
        if (number == null) {
            return true;
        }
        Relationship relationship = relationships.find(context, number);
        return relationship != null && (hides(context, Constants.ITEM, relationship.getLeftItem().getID())
            || hides(context, Constants.ITEM, relationship.getRightItem().getID()));
    }

    /**
     * A member of a group may read the group's policies (DSpace 8.1: {@code /api/authz/resourcepolicies/<id>}, and
     * all of them by {@code search/group}): every account, as a member of Anonymous, would read the policies of
     * hidden items, bundles and files (an embargo's day, a withdrawn item's WITHDRAWN_READ).
     *
     * @param context the caller's context
     * @param id      a resource policy's id, as a REST address or permission names it
     * @return true if the policy is one of an item, bundle or file of an item the caller may not see, or if the id
     *     is not a number DSpace could find
     * @throws SQLException on database failure
     */
    public boolean hidesPolicy(Context context, String id) throws SQLException {
        Integer number = number(id);
        if (number == null) {
            return true;
        }
        ResourcePolicy policy = policies.find(context, number);
        DSpaceObject object = policy == null ? null : policy.getdSpaceObject();
        return object != null && hides(context, object.getType(), object.getID());
    }

    /**
     * @param context the caller's context
     * @param type    a DSpace object type ({@link Constants#ITEM}, {@link Constants#BUNDLE} or
     *                {@link Constants#BITSTREAM}; others are never hidden here)
     * @param id      the object's id
     * @return true if the object belongs to an item the caller may not see
     * @throws SQLException if the database cannot be read
     */
    public boolean hides(Context context, int type, UUID id) throws SQLException {
        Item item = owner(context, type, id);
        return item != null && !maySee(context, item);
    }

    /**
     * @param context the caller's context
     * @param id      the id of any object
     * @return true if it is an item, bundle or file that belongs to an item the caller may not see
     * @throws SQLException if the database cannot be read
     */
    public boolean hidesAny(Context context, UUID id) throws SQLException {
        for (int type : new int[] {Constants.ITEM, Constants.BUNDLE, Constants.BITSTREAM}) {
            Item item = owner(context, type, id);
            if (item != null) {
                // a UUID names one object: the other types cannot know it
                return !maySee(context, item);
            }
        }
        return false;
    }

    /**
     * A file is closed with its bundle: DSpace serves a file to anybody who may READ the file itself, even when they
     * may not READ its bundle; the addon's pages and records count such a file as restricted
     * ({@link AnonymousAccess#file}), and so does its download here.
     *
     * @param context the caller's context
     * @param id      a file's id
     * @return true if the file is in bundles none of which the caller may READ
     * @throws SQLException if the database cannot be read
     */
    public boolean closesFile(Context context, UUID id) throws SQLException {
        Bitstream bitstream = bitstreams.find(context, id);
        if (bitstream == null || bitstream.getBundles().isEmpty()) {
            return false;
        }
        for (Bundle bundle : bitstream.getBundles()) {
            if (authorize.authorizeActionBoolean(context, bundle, Constants.READ)) {
                return false;
            }
        }
        return true;
    }

    /** The item an item, bundle or file belongs to (null when there is none, e.g. a collection's logo). */
    private Item owner(Context context, int type, UUID id) throws SQLException {
        switch (type) {
            case Constants.ITEM:
                return items.find(context, id);
            case Constants.BUNDLE:
                Bundle bundle = bundles.find(context, id);
                return bundle == null ? null : first(bundle.getItems());
            case Constants.BITSTREAM:
                Bitstream bitstream = bitstreams.find(context, id);
                if (bitstream == null) {
                    return null;
                }
                for (Bundle parent : bitstream.getBundles()) {
                    Item item = first(parent.getItems());
                    if (item != null) {
                        return item;
                    }
                }
                return null;
            default:
                return null;
        }
    }

    /**
     * DSpace's usage reports count the views and downloads of every item and file, hidden ones too, and name the
     * most viewed by title (a site's, a collection's, a community's most viewed items; an item's most downloaded
     * files): they are for site administrators, whatever a site's {@code usage-statistics.authorization.admin.usage}
     * says (DSpace 8.1 shows them to anybody who may READ the object when it is false, its default).
     *
     * @param context the caller's context
     * @return whether the caller may read usage reports: a site administrator
     * @throws SQLException on database failure
     */
    public boolean readsUsageReports(Context context) throws SQLException {
        return authorize.isAdmin(context);
    }

    /** The number of an id as DSpace reads it, or null when it is none. */
    static Integer number(String id) {
        try {
            return Integer.parseInt(id);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private boolean maySee(Context context, Item item) throws SQLException {
        boolean listed = item.isArchived() && item.isDiscoverable() && !item.isWithdrawn();
        if (listed && authorize.authorizeActionBoolean(context, item, Constants.READ)) {
            // a public item the caller may read: the cheap answer first, as most items are
            return true;
        }
        if (authorize.isAdmin(context) || items.canEdit(context, item)) {
            return true;
        }
        // a listed item that failed the first test is one the caller may not READ
        if (listed || item.isWithdrawn() || !authorize.authorizeActionBoolean(context, item, Constants.READ)) {
            return false;
        }
        // a private item: for those given READ in their own right, not for everybody with its address
        return !item.isArchived() || item.isDiscoverable() || !anonymous.canRead(context, item);
    }

    private static Item first(List<Item> owners) {
        return owners.isEmpty() ? null : owners.get(0);
    }
}
