/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai;

import java.sql.SQLException;

import eu.useit.dspace.access.AnonymousAccess;
import org.dspace.content.Collection;
import org.dspace.content.Community;
import org.dspace.content.DSpaceObject;
import org.dspace.xoai.services.api.HandleResolver;
import org.dspace.xoai.services.api.HandleResolverException;
import org.dspace.xoai.services.api.context.ContextService;
import org.dspace.xoai.services.api.context.ContextServiceException;

/**
 * Which of DSpace's community and collection sets harvesters may know of: those anonymous users may READ. DSpace's
 * own set list names every community and collection, a staff-only one included; a set that is not listed does not
 * exist either, so asking for it is answered as for any unknown set.
 *
 * @param handles   the OAI handle resolver ({@link OaiHandles})
 * @param contexts  DSpace's OAI context service (the request's DSpace context)
 * @param anonymous what anonymous users may see
 */
public record AnonymousSets(HandleResolver handles, ContextService contexts, AnonymousAccess anonymous) {

    /**
     * @param setSpec a community ({@code com_<prefix>_<n>}) or collection ({@code col_<prefix>_<n>}) set
     * @return whether it names a community or collection that anonymous users may READ
     */
    public boolean readable(String setSpec) {
        boolean community = setSpec.startsWith("com_");
        if (!community && !setSpec.startsWith("col_")) {
            return false;
        }
        try {
            DSpaceObject object = handles.resolve(setSpec.substring(4).replace('_', '/'));
            return (community ? object instanceof Community : object instanceof Collection)
                && anonymous.canRead(contexts.getContext(), object);
        } catch (HandleResolverException | ContextServiceException | SQLException e) {
            throw new IllegalStateException("The set " + setSpec + " cannot be checked: " + e.getMessage(), e);
        }
    }
}
