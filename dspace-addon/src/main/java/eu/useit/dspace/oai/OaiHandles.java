/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai;

import java.sql.SQLException;

import eu.useit.dspace.support.Handles;
import org.dspace.content.DSpaceObject;
import org.dspace.handle.factory.HandleServiceFactory;
import org.dspace.xoai.services.api.HandleResolver;
import org.dspace.xoai.services.api.HandleResolverException;
import org.dspace.xoai.services.api.context.ContextService;
import org.dspace.xoai.services.api.context.ContextServiceException;

/**
 * Our implementation of DSpace's OAI {@link HandleResolver}: a handle is resolved by {@link Handles} in the
 * request's DSpace context (the community and collection sets of every record of an answer are), an object's handle
 * is found as DSpace's resolver finds it.
 *
 * @param contexts DSpace's OAI context service (the request's DSpace context)
 */
public record OaiHandles(ContextService contexts) implements HandleResolver {

    @Override
    public DSpaceObject resolve(String handle) throws HandleResolverException {
        try {
            return Handles.find(contexts.getContext(), handle);
        } catch (ContextServiceException | SQLException e) {
            throw new HandleResolverException("The handle " + handle + " cannot be resolved: " + e.getMessage(), e);
        }
    }

    @Override
    public String getHandle(DSpaceObject object) throws HandleResolverException {
        try {
            return HandleServiceFactory.getInstance().getHandleService().findHandle(contexts.getContext(), object);
        } catch (ContextServiceException | SQLException e) {
            throw new HandleResolverException("The handle of " + object.getID() + " cannot be found: "
                                                  + e.getMessage(), e);
        }
    }
}
