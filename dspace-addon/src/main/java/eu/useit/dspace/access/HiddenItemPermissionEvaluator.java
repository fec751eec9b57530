/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.access;

import java.io.Serializable;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import eu.useit.dspace.support.Uuids;
import org.dspace.app.rest.model.BaseObjectRest;
import org.dspace.app.rest.security.DSpacePermissionEvaluator;
import org.dspace.app.rest.utils.ContextUtil;
import org.dspace.content.DSpaceObject;
import org.dspace.core.Constants;
import org.dspace.core.Context;
import org.springframework.security.core.Authentication;

/**
 * DSpace's permission evaluator, which also refuses every permission on an item, bundle or file that
 * {@link HiddenItems} hides from the caller. DSpace asks it for each object a REST answer holds, not only for the one
 * addressed: an item embedded in a relationship, a file found by the item's handle and name, a version's item. Such
 * objects are then left out, as DSpace leaves out those the caller may not read. It also answers READ on a
 * relationship ({@link PublicRelationshipRestRepository} asks): refused when the caller may not see either of its
 * items, granted otherwise (DSpace 8.1 shows every relationship to everybody). Usage reports are refused to all
 * but site administrators ({@link HiddenItems#readsUsageReports}), and so is every permission on a resource policy of
 * a hidden object ({@link HiddenItems#hidesPolicy}: a list of policies leaves it out), and of a version or version
 * history of hidden items ({@link HiddenVersions}: a history's list of versions leaves it out).
 */
public class HiddenItemPermissionEvaluator extends DSpacePermissionEvaluator {

    private static final Map<String, Integer> TYPES = Map.of("ITEM", Constants.ITEM, "BUNDLE", Constants.BUNDLE,
                                                             "BITSTREAM", Constants.BITSTREAM);

    /** A resource policy, as DSpace's permission checks name it. */
    private static final String POLICY = "resourcepolicy";
    /** DSpace's usage reports: one by its id, and the search of an object's reports by the object's address. */
    private static final Set<String> USAGE_REPORTS = Set.of("usagereport", "usagereportsearch");

    /** A version and a version history, as DSpace's permission checks name them. */
    private static final String VERSION = "version";
    private static final String HISTORY = "versionhistory";

    private final HiddenItems hidden;
    private final HiddenVersions versions;

    /**
     * @param hidden   which items callers may not see
     * @param versions which versions and version histories callers may not see
     */
    public HiddenItemPermissionEvaluator(HiddenItems hidden, HiddenVersions versions) {
        this.hidden = hidden;
        this.versions = versions;
    }

    @Override
    public boolean hasPermission(Authentication authentication, Object target, Object permission) {
        if (target instanceof DSpaceObject object && hides(object.getType(), object.getID())) {
            return false;
        }
        if (target instanceof BaseObjectRest<?> rest && rest.getId() != null
            && hides(rest.getType(), rest.getId().toString())) {
            return false;
        }
        return super.hasPermission(authentication, target, permission);
    }

    @Override
    public boolean hasPermission(Authentication authentication, Serializable targetId, String targetType,
                                 Object permission) {
        if (PublicRelationshipRestRepository.TYPE.equalsIgnoreCase(String.valueOf(targetType))
            && "READ".equals(permission)) {
            return targetId != null && !hidesRelationship(targetId.toString());
        }
        if (POLICY.equalsIgnoreCase(String.valueOf(targetType)) && targetId != null
            && hidesPolicy(targetId.toString())) {
            return false;
        }
        if (targetId != null && hidesVersion(String.valueOf(targetType), targetId.toString())) {
            return false;
        }
        if (targetType != null && USAGE_REPORTS.contains(targetType.toLowerCase(Locale.ROOT))
            && !readsUsageReports()) {
            return false;
        }
        if (targetId != null && targetType != null && hides(targetType, targetId.toString())) {
            return false;
        }
        return super.hasPermission(authentication, targetId, targetType, permission);
    }

    /** Whether a resource policy is one of an object hidden from the caller (hidden when that cannot be told). */
    private boolean hidesPolicy(String id) {
        return answer(context -> hidden.hidesPolicy(context, id), true);
    }

    /** Whether a version or version history is of items hidden from the caller (hidden when that cannot be told). */
    private boolean hidesVersion(String type, String number) {
        // DSpace passes the number as it has it: an Integer, or the text of an address
        boolean history = HISTORY.equalsIgnoreCase(type);
        if (!history && !VERSION.equalsIgnoreCase(type)) {
            return false;
        }
        return answer(context -> versions.hides(context, history, number), true);
    }


    /** Whether the caller may read usage reports (refused when that cannot be told). */
    private boolean readsUsageReports() {
        return answer(hidden::readsUsageReports, false);
    }

    /** Whether the caller may not see either item of a relationship (refused when that cannot be told). */
    private boolean hidesRelationship(String id) {
        return answer(context -> hidden.hidesRelationship(context, id), true);
    }

    /** A question about the request's caller; the safe answer when there is no request or no database. */
    private static boolean answer(Question question, boolean safe) {
        Context context = ContextUtil.obtainCurrentRequestContext();
        try {
            return context == null ? safe : question.of(context);
        } catch (SQLException e) {
            return safe;
        }
    }

    /** A question {@link HiddenItems} answers for a caller's context. */
    private interface Question {
        boolean of(Context context) throws SQLException;
    }

    private boolean hides(String type, String id) {
        Integer typeId = TYPES.get(type.toUpperCase(Locale.ROOT));
        UUID uuid = typeId == null ? null : Uuids.orNull(id);
        return uuid != null && hides(typeId, uuid);
    }

    private boolean hides(int type, UUID id) {
        if (!TYPES.containsValue(type)) {
            return false;
        }
        Context context = ContextUtil.obtainCurrentRequestContext();
        if (context == null) {
            return false;
        }
        try {
            return hidden.hides(context, type, id);
        } catch (SQLException e) {
            // refuse rather than show what may be hidden
            return true;
        }
    }
}
