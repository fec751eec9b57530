/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.access;

import java.sql.SQLException;
import java.util.List;

import org.dspace.app.rest.exception.RepositoryMethodNotImplementedException;
import org.dspace.app.rest.exception.UnprocessableEntityException;
import org.dspace.app.rest.model.RelationshipRest;
import org.dspace.app.rest.repository.RelationshipRestRepository;
import org.dspace.authorize.AuthorizeException;
import org.dspace.content.DSpaceObject;
import org.dspace.content.Item;
import org.dspace.core.Constants;
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
 * out. The list of every relationship of the repository is for administrators. A relationship is made or moved
 * only between items the caller may see: an item hidden from the caller is answered as one that does not exist
 * (422), so a caller who knows a hidden item's UUID learns neither that it exists nor its type, and links nothing
 * to it.
 */
public class PublicRelationshipRestRepository extends RelationshipRestRepository {

    /** The type name the permission is asked for. */
    public static final String TYPE = "RELATIONSHIP";

    private final HiddenItems hidden;

    /**
     * @param hidden which items callers may not see
     */
    public PublicRelationshipRestRepository(HiddenItems hidden) {
        this.hidden = hidden;
    }

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

    @Override
    protected RelationshipRest createAndReturn(Context context, List<String> items)
        throws AuthorizeException, SQLException, RepositoryMethodNotImplementedException {
        refuseHidden(context, items);
        return super.createAndReturn(context, items);
    }

    @Override
    public RelationshipRest put(Context context, String contextPath, Integer id, List<String> items,
                                Boolean itemToReplaceIsRight) throws SQLException {
        // a relationship that does not exist is DSpace's to answer (404) before any item is looked at
        if (id != null && hidden.relationships().find(context, id) != null) {
            refuseHidden(context, items);
        }
        return super.put(context, contextPath, id, items, itemToReplaceIsRight);
    }

    /** Answers an item the caller may not see as DSpace answers one that does not exist. */
    private void refuseHidden(Context context, List<String> uris) throws SQLException {
        for (DSpaceObject object : utils.constructDSpaceObjectList(context, uris)) {
            if (object instanceof Item && hidden.hides(context, Constants.ITEM, object.getID())) {
                throw new UnprocessableEntityException("The given items in the request were not valid items");
            }
        }
    }
}
