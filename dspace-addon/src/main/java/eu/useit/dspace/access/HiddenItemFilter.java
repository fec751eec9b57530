/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.access;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import eu.useit.dspace.support.RequestPaths;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.dspace.app.rest.utils.ContextUtil;
import org.dspace.content.DSpaceObject;
import org.dspace.content.Item;
import org.dspace.core.Constants;
import org.dspace.core.Context;
import org.dspace.identifier.IdentifierNotFoundException;
import org.dspace.identifier.IdentifierNotResolvableException;
import org.dspace.identifier.factory.IdentifierServiceFactory;

/**
 * Answers REST requests for an item, its bundles and its files ({@code /api/core/items/<uuid>/...},
 * {@code /api/core/bundles/<uuid>/...}, {@code /api/core/bitstreams/<uuid>/...}) and the look-ups of its handle
 * ({@code /api/pid/find?id=<handle>}), of its or its files' UUIDs ({@code /api/dso/find?uuid=<uuid>}) and of their
 * usage reports ({@code /api/statistics/usagereports/...}, which name the object) as if the object did not exist
 * when {@link HiddenItems} hides the item it belongs to from the caller. The address is read as the servlet
 * container maps it (decoded, dot segments and path parameters removed), so no spelling of it gets past. Objects
 * reached any other way (embedded, found by a search) are hidden by {@link HiddenItemPermissionEvaluator}. A file's
 * content is refused, as DSpace refuses a file the caller may not read, when the caller may not READ its bundle
 * ({@link HiddenItems#closesFile}).
 * <p>
 * Runs after Spring Security, so the request's DSpace context knows the caller.
 */
public final class HiddenItemFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private static final Pattern OBJECT = Pattern.compile(
        "/api/core/(items|bundles|bitstreams)/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
            + "[0-9a-fA-F]{12})(/.*)?");
    private static final Map<String, Integer> TYPES = Map.of("items", Constants.ITEM, "bundles", Constants.BUNDLE,
                                                             "bitstreams", Constants.BITSTREAM);
    private static final String FIND = "/api/pid/find";
    private static final String UUID_TEXT =
        "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    private static final String FIND_BY_UUID = "/api/dso/find";
    private static final Pattern UUID_VALUE = Pattern.compile(UUID_TEXT);
    private static final Pattern USAGE_REPORT = Pattern.compile("/api/statistics/usagereports/(" + UUID_TEXT
        + ")_[^/]+");
    private static final String USAGE_REPORTS_OF = "/api/statistics/usagereports/search/object";
    private static final Pattern USAGE_REPORTS_URI = Pattern.compile(".*/(" + UUID_TEXT + ")/?");

    private final transient HiddenItems hidden;

    /**
     * @param hidden which items callers may not see
     */
    public HiddenItemFilter(HiddenItems hidden) {
        this.hidden = hidden;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws IOException, ServletException {
        String requestPath = RequestPaths.mapped(request);
        Matcher path = OBJECT.matcher(requestPath);
        try {
            if (path.matches()) {
                Context context = ContextUtil.obtainContext(request);
                UUID id = UUID.fromString(path.group(2));
                if (hidden.hides(context, TYPES.get(path.group(1)), id)) {
                    answerAsMissing(context, path.group(1), path.group(3), response);
                    return;
                }
                if ("bitstreams".equals(path.group(1)) && "/content".equals(path.group(3))
                    && hidden.closesFile(context, id)) {
                    answerAsRefused(context, response);
                    return;
                }
            } else if (FIND.equals(requestPath) && request.getParameter("id") != null) {
                Context context = ContextUtil.obtainContext(request);
                if (resolve(context, request.getParameter("id")) instanceof Item item
                    && hidden.hides(context, Constants.ITEM, item.getID())) {
                    // what DSpace answers for an identifier it does not know: 404, no body
                    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
                    return;
                }
            } else if (lookedUp(request, requestPath) != null) {
                Context context = ContextUtil.obtainContext(request);
                UUID id = lookedUp(request, requestPath);
                for (int type : TYPES.values()) {
                    if (hidden.hides(context, type, id)) {
                        // what DSpace answers for a UUID it does not know: 404
                        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
                        return;
                    }
                }
            }
        } catch (SQLException e) {
            throw new ServletException(e);
        }
        chain.doFilter(request, response);
    }

    /**
     * The object a look-up by UUID asks for: {@code /api/dso/find?uuid=}, a usage report
     * ({@code /api/statistics/usagereports/<uuid>_<report>}) or the usage reports of an object
     * ({@code .../usagereports/search/object?uri=<address ending in its uuid>}); null for any other request.
     */
    private static UUID lookedUp(HttpServletRequest request, String requestPath) {
        Matcher found;
        if (FIND_BY_UUID.equals(requestPath) && request.getParameter("uuid") != null) {
            found = UUID_VALUE.matcher(request.getParameter("uuid"));
        } else if (USAGE_REPORTS_OF.equals(requestPath) && request.getParameter("uri") != null) {
            found = USAGE_REPORTS_URI.matcher(request.getParameter("uri"));
        } else {
            found = USAGE_REPORT.matcher(requestPath);
        }
        if (!found.matches()) {
            return null;
        }
        return UUID.fromString(found.groupCount() == 0 ? found.group() : found.group(1));
    }

    private static DSpaceObject resolve(Context context, String identifier) {
        try {
            return IdentifierServiceFactory.getInstance().getIdentifierService().resolve(context, identifier);
        } catch (IdentifierNotFoundException | IdentifierNotResolvableException e) {
            return null;
        }
    }

    /** What DSpace answers for an object the caller may not READ. */
    private static void answerAsRefused(Context context, HttpServletResponse response) throws IOException {
        if (context.getCurrentUser() == null) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "Authentication is required");
        } else {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "Access is denied");
        }
    }

    /** What DSpace answers for an object that does not exist. */
    private static void answerAsMissing(Context context, String kind, String below, HttpServletResponse response)
        throws IOException {
        if ("bitstreams".equals(kind) && "/content".equals(below)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        } else if ("bitstreams".equals(kind) && below == null) {
            // DSpace checks a file's metadata permission before it looks for the file
            answerAsRefused(context, response);
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "An exception has occurred");
        }
    }
}
