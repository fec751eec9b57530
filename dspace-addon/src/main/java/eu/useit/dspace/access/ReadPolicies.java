/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.access;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.dspace.authorize.ResourcePolicy;
import org.dspace.authorize.service.ResourcePolicyService;
import org.dspace.content.DSpaceObject;
import org.dspace.core.Constants;
import org.dspace.core.Context;
import org.dspace.eperson.Group;
import org.dspace.eperson.service.GroupService;

/**
 * The READ policies of DSpace objects and the groups they name, read from the policies themselves: what the rules
 * of anonymous access ({@link AnonymousAccess}) and of searchable files read. Nothing here asks whether the
 * context's user may read, so an answer is the same whoever runs the code, authorisation on or off.
 *
 * @param policies DSpace's resource policy service
 * @param groups   DSpace's group service
 */
public record ReadPolicies(ResourcePolicyService policies, GroupService groups) {

    /** The bean's name in {@code config/spring/api/useit-services.xml}. */
    public static final String BEAN = "useitReadPolicies";

    /**
     * @param context a DSpace context
     * @param object  an item, bundle or bitstream
     * @return its READ policies, valid or not
     * @throws SQLException on database failure
     */
    public List<ResourcePolicy> of(Context context, DSpaceObject object) throws SQLException {
        return policies.find(context, object, Constants.READ);
    }

    /**
     * @param context a DSpace context
     * @param object  an item, bundle or bitstream
     * @return its READ policies valid today that name a group or an e-person (who may read it now)
     * @throws SQLException on database failure
     */
    public List<ResourcePolicy> validOf(Context context, DSpaceObject object) throws SQLException {
        List<ResourcePolicy> valid = new ArrayList<>();
        for (ResourcePolicy policy : of(context, object)) {
            if (validNow(policy) && (policy.getGroup() != null || policy.getEPerson() != null)) {
                valid.add(policy);
            }
        }
        return valid;
    }

    /**
     * @param policy a policy
     * @return whether it is valid today (DSpace keeps the days of its start and end)
     */
    public boolean validNow(ResourcePolicy policy) {
        return policies.isDateValid(policy);
    }

    /**
     * @param context a DSpace context
     * @param name    a group's name ({@link Group#ANONYMOUS}, {@link Group#ADMIN})
     * @return the group, or null
     * @throws SQLException on database failure
     */
    public Group group(Context context, String name) throws SQLException {
        return groups.findByName(context, name);
    }

    /**
     * @param context a DSpace context
     * @param group   a group, or null
     * @param member  a group, or null
     * @return whether every member of {@code member} is in {@code group}: the same group, or one that belongs to it
     *     (directly or through others); false when either is null
     * @throws SQLException on database failure
     */
    public boolean includes(Context context, Group group, Group member) throws SQLException {
        return group != null && member != null && (group.equals(member) || groups.isParentOf(context, group, member));
    }
}
