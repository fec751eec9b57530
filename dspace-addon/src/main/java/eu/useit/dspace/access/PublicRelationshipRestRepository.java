/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.access;

import org.dspace.app.rest.model.RelationshipRest;
import org.dspace.app.rest.repository.RelationshipRestRepository;
import org.dspace.core.Context;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * DSpace's relationships endpoint ({@code /api/core/relationships}) without the relationships of items the caller
 * may not see. DSpace 8.1 lets anybody read every relationship: its id, type, the UUIDs of both items and the name
 * variants, so a public case study's relationships name a partner organisation that was made private, a draft or
 * a withdrawn item. Here a relationship is read only with READ on it ({@link HiddenItemPermissionEvaluator}: refused
 * when the caller may not see either item), and DSpace's converter asks the same of every relationship a list or
 * an item's {@code relationships} link holds (it reads this class's {@code findOne} annotation), so those leave it
 * out. The list of every relationship of the repository is for administrators.
 */
public class PublicRelationshipRestRepository extends RelationshipRestRepository {

    /** The type name the permission is asked for. */
    public static final String TYPE = "RELATIONSHIP";

    @Override
    @PreAuthorize("hasPermission(#id, 'RELATIONSHIP', 'READ')")
    public RelationshipRest findOne(Context context, Integer id) {
        return super.findOne(context, id);
    }

    @Override
    @PreAuthorize("hasAuthority('ADMIN')")
    public Page<RelationshipRest> findAll(Context context, Pageable pageable) {
        return super.findAll(context, pageable);
    }
}
