/*
 * USE-IT! repository addon for DSpace.
 */
package eu.useit.dspace.access;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.dspace.app.rest.utils.ContextUtil;
import org.dspace.authorize.service.AuthorizeService;
import org.dspace.content.Bitstream;
import org.dspace.content.Bundle;
import org.dspace.content.DSpaceObject;
import org.dspace.content.Item;
import org.dspace.content.service.BitstreamService;
import org.dspace.content.service.BundleService;
import org.dspace.content.service.ItemService;
import org.dspace.core.Constants;
import org.dspace.core.Context;
import org.dspace.identifier.IdentifierNotFoundException;
import org.dspace.identifier.IdentifierNotResolvableException;
import org.dspace.identifier.factory.IdentifierServiceFactory;

/**
 * Answers REST requests for an item, its bundles and its files ({@code /api/core/items/<uuid>/...},
 * {@code /api/core/bundles/<uuid>/...}, {@code /api/core/bitstreams/<uuid>/...}) and the look-up of its handle
 * ({@code /api/pid/find?id=<handle>}) as if the object did not exist when the caller may not see the item it
 * belongs to. DSpace checks each object alone: a file that was open while its item was public stays downloadable
 * by its address after the item's READ is taken away, a private (non-discoverable) item stays readable by anybody
 * who has its address, and a withdrawn item still shows its title. Here the caller must be able to READ the item;
 * a private item shows only to those who may edit it or who are given READ other than as anonymous users; a
 * withdrawn one only to those who may edit it.
 * <p>
 * Runs after Spring Security, so the request's DSpace context knows the caller.
 */
public final class HiddenItemFilter implements Filter {

    private static final Pattern OBJECT = Pattern.compile(
        "/api/core/(items|bundles|bitstreams)/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
            + "[0-9a-fA-F]{12})(/.*)?");
    private static final String FIND = "/api/pid/find";

    private final ItemService items;
    private final BundleService bundles;
    private final BitstreamService bitstreams;
    private final AuthorizeService authorize;
    private final AnonymousAccess anonymous;

    /**
     * @param items      DSpace's item service
     * @param bundles    DSpace's bundle service
     * @param bitstreams DSpace's bitstream service
     * @param authorize  DSpace's authorisation service
     * @param anonymous  what anonymous users may see
     */
    public HiddenItemFilter(ItemService items, BundleService bundles, BitstreamService bitstreams,
                            AuthorizeService authorize, AnonymousAccess anonymous) {
        this.items = items;
        this.bundles = bundles;
        this.bitstreams = bitstreams;
        this.authorize = authorize;
        this.anonymous = anonymous;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
        throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String requestPath = request.getRequestURI().substring(request.getContextPath().length());
        Matcher path = OBJECT.matcher(requestPath);
        try {
            if (path.matches()) {
                Context context = ContextUtil.obtainContext(request);
                Item item = owner(context, path.group(1), UUID.fromString(path.group(2)));
                if (item != null && !maySee(context, item)) {
                    answerAsMissing(context, path.group(1), path.group(3), response);
                    return;
                }
            } else if (FIND.equals(requestPath) && request.getParameter("id") != null) {
                Context context = ContextUtil.obtainContext(request);
                if (resolve(context, request.getParameter("id")) instanceof Item item && !maySee(context, item)) {
                    // what DSpace answers for an identifier it does not know: 404, no body
                    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
                    return;
                }
            }
        } catch (SQLException e) {
            throw new ServletException(e);
        }
        chain.doFilter(req, res);
    }

    private static DSpaceObject resolve(Context context, String identifier) {
        try {
            return IdentifierServiceFactory.getInstance().getIdentifierService().resolve(context, identifier);
        } catch (IdentifierNotFoundException | IdentifierNotResolvableException e) {
            return null;
        }
    }

    /** The item an item, bundle or file belongs to (null when there is none, e.g. a collection's logo). */
    private Item owner(Context context, String kind, UUID id) throws SQLException {
        switch (kind) {
            case "items":
                return items.find(context, id);
            case "bundles":
                Bundle bundle = bundles.find(context, id);
                return bundle == null ? null : first(bundle.getItems());
            default:
                Bitstream bitstream = bitstreams.find(context, id);
                if (bitstream == null) {
                    return null;
                }
                for (Bundle parent : bitstream.getBundles()) {
                    Item item = first(parent.getItems());
                    if (item != null) {
                        return item;
                    }
                }
                return null;
        }
    }

    private boolean maySee(Context context, Item item) throws SQLException {
        if (authorize.isAdmin(context) || items.canEdit(context, item)) {
            return true;
        }
        if (item.isWithdrawn() || !authorize.authorizeActionBoolean(context, item, Constants.READ)) {
            return false;
        }
        // a private item: for those given READ in their own right, not for everybody with its address
        return !item.isArchived() || item.isDiscoverable() || !anonymous.canRead(context, item);
    }

    /** What DSpace answers for an object that does not exist. */
    private static void answerAsMissing(Context context, String kind, String below, HttpServletResponse response)
        throws IOException {
        if ("bitstreams".equals(kind) && "/content".equals(below)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        } else if ("bitstreams".equals(kind) && below == null) {
            // DSpace checks a file's metadata permission before it looks for the file
            if (context.getCurrentUser() == null) {
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "Authentication is required");
            } else {
                response.sendError(HttpServletResponse.SC_FORBIDDEN, "Access is denied");
            }
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "An exception has occurred");
        }
    }

    private static Item first(List<Item> owners) {
        return owners.isEmpty() ? null : owners.get(0);
    }
}
