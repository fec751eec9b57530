/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai.index;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import eu.useit.dspace.support.HibernateSession;
import org.dspace.core.Constants;
import org.dspace.eperson.Group;

/**
 * The bundles anonymous users may not READ, and which of them opened or closed since the last look. A file in a
 * closed bundle is restricted ({@code AnonymousAccess.file}), but DSpace fires no event when a bundle's policies
 * change (its {@code updateLastModified} does nothing), so the commit-time consumer never hears of it: the access
 * sweep asks here instead. The first look, after a start, counts every closed bundle as changed, so that what
 * changed while the application was down is caught up.
 * <p>
 * A bundle is counted closed when no READ policy of the Anonymous group is on it; the records of its item are then
 * compiled anew, which applies the exact rule (dates, groups within Anonymous).
 */
final class ClosedBundles {

    private Set<UUID> closed;

    /**
     * @return the bundles that were closed or opened since the last call (every closed one at the first)
     * @throws SQLException on database failure
     */
    synchronized Set<UUID> changed() throws SQLException {
        Set<UUID> now = closedNow();
        Set<UUID> changed = new LinkedHashSet<>(now);
        if (closed != null) {
            changed.removeAll(closed);
            Set<UUID> opened = new HashSet<>(closed);
            opened.removeAll(now);
            changed.addAll(opened);
        }
        closed = now;
        return changed;
    }

    private static Set<UUID> closedNow() throws SQLException {
        return new HashSet<>(HibernateSession.current().createQuery(
                "select b.id from Bundle b where not exists (select p.id from ResourcePolicy p"
                    + " where p.dSpaceObject = b and p.actionId = :read and p.epersonGroup.name = :anonymous)",
                UUID.class)
            .setParameter("read", Constants.READ)
            .setParameter("anonymous", Group.ANONYMOUS)
            .getResultList());
    }
}
