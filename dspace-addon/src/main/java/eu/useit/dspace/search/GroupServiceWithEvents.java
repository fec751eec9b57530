/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.search;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import eu.useit.dspace.oai.index.AffectedItems;
import eu.useit.dspace.support.HibernateSession;
import org.dspace.core.Constants;
import org.dspace.core.Context;
import org.dspace.eperson.Group;
import org.dspace.eperson.GroupServiceImpl;
import org.dspace.event.Event;

/**
 * DSpace's group service, which also tells what the deletion of a group changes: DSpace removes the group's
 * policies and its place in other groups with the group, firing only the group's own {@code DELETE}, after which
 * nothing shows what the group could read. Before DSpace deletes it, this fires the events DSpace fires when those
 * are removed one by one: a {@code MODIFY} of each file and bundle the group may READ (and of the group, naming
 * each item it may READ, which only the addon's consumer reads), and a {@code REMOVE}
 * from each group it belongs to; the index queue's consumer ({@code useitoai}) then queues the items that anonymous
 * users may have read through the group and those whose search documents may hold the text and names of files the
 * group's members could read. Given to DSpace's bean by
 * {@link IndexingSwap}.
 */
public class GroupServiceWithEvents extends GroupServiceImpl {

    /**
     * Made by Spring, in place of DSpace's group service; its services are injected as DSpace's are.
     */
    public GroupServiceWithEvents() {
        super();
    }

    @Override
    public void delete(Context context, Group group) throws SQLException {
        if (!group.isPermanent()) {
            // ids only: a collection's default read group may read thousands of files
            for (Object[] object : HibernateSession.current().createQuery(
                "SELECT DISTINCT p.dSpaceObject.id, p.resourceTypeId FROM ResourcePolicy p WHERE p.epersonGroup.id ="
                    + " :group AND p.actionId = :read AND p.resourceTypeId IN (:types)", Object[].class)
                .setParameter("group", group.getID()).setParameter("read", Constants.READ)
                .setParameter("types", List.of(Constants.ITEM, Constants.BUNDLE, Constants.BITSTREAM))
                .getResultList()) {
                if ((Integer) object[1] == Constants.ITEM) {
                    // told as the group's change: DSpace's discovery consumer would index each item at once
                    context.addEvent(new Event(Event.MODIFY, Constants.GROUP, group.getID(), Constants.ITEM,
                                               (UUID) object[0], null));
                } else {
                    context.addEvent(new Event(Event.MODIFY, (Integer) object[1], (UUID) object[0], null));
                }
            }
            for (UUID parent : AffectedItems.parentsOf(Set.of(group.getID()))) {
                context.addEvent(new Event(Event.REMOVE, Constants.GROUP, parent, Constants.GROUP, group.getID(),
                                           group.getName()));
            }
        }
        super.delete(context, group);
    }
}
