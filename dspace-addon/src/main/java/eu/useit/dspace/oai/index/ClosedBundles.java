/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai.index;

import java.sql.Date;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import eu.useit.dspace.support.HibernateSession;
import org.dspace.core.Constants;
import org.dspace.eperson.Group;

/**
 * The closed bundles of public items, and which of them opened or closed since the last look that was taken. A file
 * in a closed bundle is restricted ({@code AnonymousAccess.file}). DSpace fires no event when a bundle's policies
 * change (its {@code updateLastModified} does nothing); the addon's {@code BundleServiceWithEvents} does, for
 * changes made through DSpace, and for those made around it (SQL, a site without that bean) the access sweep asks
 * here. Until a look is taken, after a start, every closed bundle counts as changed, so that what changed while
 * nothing watched is caught up.
 * <p>
 * Only public items count (archived, discoverable, not withdrawn, with an anonymous READ policy): the others have
 * no record that shows files, and their own changes fire events. A bundle is counted closed when no READ policy of
 * the Anonymous group valid today (from its start day to before its end day, as DSpace reads them) is on it (an
 * item counts as public with one); the records of its item are then compiled anew, which applies the exact rule
 * (groups within Anonymous too).
 */
final class ClosedBundles {

    private static final String ANONYMOUS_READ = "select p.id from ResourcePolicy p where p.dSpaceObject = %s"
        + " and p.actionId = :read and p.epersonGroup.name = :anonymous"
        + " and (p.startDate is null or p.startDate <= :today) and (p.endDate is null or p.endDate > :today)";

    private Set<UUID> taken;

    /**
     * What a look found: the closed bundles now, and those that changed since the last look taken.
     *
     * @param closed  the closed bundles of public items
     * @param changed those closed or opened since the last look taken (all closed ones before any)
     */
    record Look(Set<UUID> closed, Set<UUID> changed) {
    }

    /**
     * @return the closed bundles now, compared with the last look taken
     * @throws SQLException on database failure
     */
    synchronized Look look() throws SQLException {
        Set<UUID> now = closedNow();
        Set<UUID> changed = new LinkedHashSet<>(now);
        if (taken != null) {
            changed.removeAll(taken);
            Set<UUID> opened = new HashSet<>(taken);
            opened.removeAll(now);
            changed.addAll(opened);
        }
        return new Look(now, changed);
    }

    /**
     * Keeps a look as the one the next compares with: once the items of its changes are written.
     *
     * @param look a look
     */
    synchronized void take(Look look) {
        taken = look.closed();
    }

    private static Set<UUID> closedNow() throws SQLException {
        return new HashSet<>(HibernateSession.current().createQuery(
                "select b.id from Bundle b join b.items i where i.inArchive = true and i.discoverable = true"
                    + " and i.withdrawn = false and exists (" + ANONYMOUS_READ.formatted("i") + ")"
                    + " and not exists (" + ANONYMOUS_READ.formatted("b") + ")",
                UUID.class)
            .setParameter("read", Constants.READ)
            .setParameter("anonymous", Group.ANONYMOUS)
            .setParameter("today", Date.valueOf(LocalDate.now(ZoneId.systemDefault())))
            .getResultList());
    }
}
