/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.access;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.dspace.authorize.ResourcePolicy;
import org.dspace.content.Bitstream;
import org.dspace.content.Bundle;
import org.dspace.content.DSpaceObject;
import org.dspace.content.Item;
import org.dspace.core.Constants;
import org.dspace.core.Context;
import org.dspace.eperson.Group;

/**
 * What an anonymous user may see, decided from the resource policies themselves: a READ policy of the Anonymous
 * group (or of a group the Anonymous group belongs to) that is valid today. It never asks "may the context's user
 * read this?", so the answer does not depend on who runs the code nor on whether authorisation is turned off in the
 * context (where DSpace's own checks answer yes to everything).
 * <p>
 * DSpace stores policy dates as days: an embargo lifts, and a lease ends, at the start of its day in the server's
 * time zone.
 */
public final class AnonymousAccess {

    /** The name of its Spring bean ({@code config/spring/api/useit-services.xml}). */
    public static final String BEAN = "useitAnonymousAccess";

    private final ReadPolicies reads;

    /**
     * @param reads the READ policies
     */
    public AnonymousAccess(ReadPolicies reads) {
        this.reads = reads;
    }

    /**
     * @param context a DSpace context (any user, authorisation on or off)
     * @param item    an item
     * @return whether anybody may find and read it now: archived, not withdrawn, discoverable, anonymous READ
     * @throws SQLException on database failure
     */
    public boolean isPublic(Context context, Item item) throws SQLException {
        return item.isArchived() && !item.isWithdrawn() && item.isDiscoverable() && canRead(context, item);
    }

    /**
     * @param context a DSpace context
     * @param object  an item, bundle or bitstream
     * @return whether an anonymous user may READ it now
     * @throws SQLException on database failure
     */
    public boolean canRead(Context context, DSpaceObject object) throws SQLException {
        return anyValidNow(anonymousReads(context, object));
    }

    /**
     * The one rule for a file's access, on every surface (item pages, downloads, signposting, OAI-PMH): a file is
     * open only when anonymous users may READ both it and its bundle; a file in a bundle that they may never READ is
     * restricted, whatever its own policies say, and one that either opens later is embargoed until the first day
     * both are open (restricted if there is none: a file whose own READ ends before its bundle's begins).
     *
     * @param context   a DSpace context
     * @param bitstream a file
     * @return open if an anonymous user may read it and its bundle now, embargoed if policies let them from a
     *     later day, restricted otherwise
     * @throws SQLException on database failure
     */
    public FileAccess file(Context context, Bitstream bitstream) throws SQLException {
        List<ResourcePolicy> own = anonymousReads(context, bitstream);
        if (own.isEmpty()) {
            return FileAccess.RESTRICTED;
        }
        // the most open of its bundles (a file is in one, as a rule): any READ of any of them; no bundle, no limit
        List<ResourcePolicy> bundles = new ArrayList<>();
        for (Bundle parent : bitstream.getBundles()) {
            bundles.addAll(anonymousReads(context, parent));
        }
        boolean inBundle = !bitstream.getBundles().isEmpty();
        if (anyValidNow(own) && (!inBundle || anyValidNow(bundles))) {
            return FileAccess.OPEN;
        }
        List<Window> windows = inBundle ? bundles.stream().map(Window::of).toList() : List.of(Window.ALWAYS);
        LocalDate today = LocalDate.now(ZoneId.systemDefault());
        LocalDate earliest = null;
        for (ResourcePolicy read : own) {
            for (Window window : windows) {
                Window both = Window.of(read).and(window);
                if (both.opensAfter(today) && (earliest == null || both.from().isBefore(earliest))) {
                    earliest = both.from();
                }
            }
        }
        return earliest == null ? FileAccess.RESTRICTED : FileAccess.embargoedUntil(earliest);
    }

    private boolean anyValidNow(List<ResourcePolicy> found) {
        return found.stream().anyMatch(reads::validNow);
    }

    /**
     * The days on which a READ policy lets anonymous users read, as DSpace reads its dates: from its start day
     * (null: always before) to before its end day (null: for ever).
     */
    private record Window(LocalDate from, LocalDate until) {

        static final Window ALWAYS = new Window(null, null);

        static Window of(ResourcePolicy policy) {
            return new Window(day(policy.getStartDate()), day(policy.getEndDate()));
        }

        /** The days of both. */
        Window and(Window other) {
            return new Window(from == null || other.from != null && other.from.isAfter(from) ? other.from : from,
                              until == null || other.until != null && other.until.isBefore(until) ? other.until
                                  : until);
        }

        /** Whether its days begin after today, and there are any. */
        boolean opensAfter(LocalDate today) {
            return from != null && from.isAfter(today) && (until == null || until.isAfter(from));
        }
    }

    /**
     * @param context a DSpace context
     * @param item    an item
     * @return the access of its files (bundle ORIGINAL), combined as {@link FileAccess#ofItem}
     * @throws SQLException on database failure
     */
    public FileAccess files(Context context, Item item) throws SQLException {
        List<FileAccess> files = new ArrayList<>();
        for (Bundle bundle : item.getBundles(Constants.CONTENT_BUNDLE_NAME)) {
            for (Bitstream bitstream : bundle.getBitstreams()) {
                files.add(file(context, bitstream));
            }
        }
        return FileAccess.ofItem(files);
    }

    private List<ResourcePolicy> anonymousReads(Context context, DSpaceObject object) throws SQLException {
        List<ResourcePolicy> found = new ArrayList<>();
        for (ResourcePolicy policy : reads.of(context, object)) {
            Group group = policy.getGroup();
            if (policy.getEPerson() == null && group != null && holdsAnonymous(context, group)) {
                found.add(policy);
            }
        }
        return found;
    }

    /**
     * @param context a DSpace context
     * @param group   a group
     * @return whether anonymous users are among its members: it is the Anonymous group, or the Anonymous group
     *     belongs to it (directly or through others)
     * @throws SQLException on database failure
     */
    public boolean holdsAnonymous(Context context, Group group) throws SQLException {
        return Group.ANONYMOUS.equals(group.getName()) || reads.includes(context, group,
                                                                         reads.group(context, Group.ANONYMOUS));
    }

    /**
     * @param date a policy date (DSpace keeps the day only)
     * @return its day in the server's time zone, or null
     */
    static LocalDate day(Date date) {
        return date == null ? null : Instant.ofEpochMilli(date.getTime()).atZone(ZoneId.systemDefault()).toLocalDate();
    }
}
