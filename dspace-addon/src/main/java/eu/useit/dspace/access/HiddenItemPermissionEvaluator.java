/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.access;

import java.io.Serializable;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
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
 * items, granted otherwise (DSpace 8.1 shows every relationship to everybody).
 */
public class HiddenItemPermissionEvaluator extends DSpacePermissionEvaluator {

    private static final Map<String, Integer> TYPES = Map.of("ITEM", Constants.ITEM, "BUNDLE", Constants.BUNDLE,
                                                             "BITSTREAM", Constants.BITSTREAM);

    private final HiddenItems hidden;

    /**
     * @param hidden which items callers may not see
     */
    public HiddenItemPermissionEvaluator(HiddenItems hidden) {
        this.hidden = hidden;
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
        if (targetId != null && targetType != null && hides(targetType, targetId.toString())) {
            return false;
        }
        return super.hasPermission(authentication, targetId, targetType, permission);
    }

    /** Whether the caller may not see either item of a relationship (refused when that cannot be told). */
    private boolean hidesRelationship(String id) {
        Context context = ContextUtil.obtainCurrentRequestContext();
        try {
            return context == null || hidden.hidesRelationship(context, id);
        } catch (SQLException e) {
            return true;
        }
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
