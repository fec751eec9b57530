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

import eu.useit.dspace.support.AddonFilter;
import eu.useit.dspace.support.RequestPaths;
import eu.useit.dspace.support.Uuids;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.dspace.app.rest.utils.ContextUtil;
import org.dspace.content.DSpaceObject;
import org.dspace.content.Item;
import org.dspace.core.Constants;
import org.dspace.core.Context;
import org.dspace.eperson.EPerson;
import org.dspace.identifier.IdentifierNotFoundException;
import org.dspace.identifier.IdentifierNotResolvableException;
import org.dspace.identifier.factory.IdentifierServiceFactory;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Answers REST requests for an item, its bundles and its files ({@code /api/core/items/<uuid>/...},
 * {@code /api/core/bundles/<uuid>/...}, {@code /api/core/bitstreams/<uuid>/...}), the look-up of its handle
 * ({@code /api/pid/find?id=<handle>}) and its authorisations ({@code /api/authz/authorizations/<id>}) as if the
 * object did not exist when {@link HiddenItems} hides the item it belongs to from the caller, and a relationship of
 * such an item ({@code /api/core/relationships/<id>/...}), its versions and version histories
 * ({@code /api/versioning/versions/<n>/...}, {@link HiddenVersions}); any other request whose parameters name
 * such an object goes on as if they named a missing one ({@link HiddenObjectParameters}), and so does a request
 * whose JSON body names one ({@link HiddenObjectBody}). The address is read as the servlet container maps it
 * (decoded, dot segments and path parameters removed), so no spelling of it gets past. Objects reached any other
 * way (embedded, found by a search) are hidden by {@link HiddenItemPermissionEvaluator}. A file's content is
 * refused, as DSpace refuses a file the caller may not read, when the caller may not READ its bundle
 * ({@link HiddenItems#closesFile}).
 * <p>
 * DSpace's FAIR Signposting of a hidden item or file ({@code /signposting/linksets/<uuid>}, {@code /links/<uuid>})
 * is answered as for a missing one too (DSpace refuses it with 401/403 where a missing one is 404).
 * <p>
 * Runs after Spring Security, so the request's DSpace context knows the caller.
 */
public final class HiddenItemFilter extends AddonFilter {

    private static final long serialVersionUID = 1L;

    private static final Pattern OBJECT = Pattern.compile(
        "/api/core/(items|bundles|bitstreams)/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
            + "[0-9a-fA-F]{12})(/.*)?");
    private static final Map<String, Integer> TYPES = Map.of("items", Constants.ITEM, "bundles", Constants.BUNDLE,
                                                             "bitstreams", Constants.BITSTREAM);
    /** DSpace's FAIR Signposting addresses below {@code signposting.path}, which name an item or a file. */
    private static final Pattern SIGNPOST = Pattern.compile(
        "/(linksets|links|describedby)/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
            + "[0-9a-fA-F]{12})(/json)?");
    /** A relationship's address, and those below it (its type). */
    private static final Pattern RELATIONSHIP = Pattern.compile("/api/core/relationships/(\\d+)(/.*)?");
    /** A version's or a version history's address, and those below it. */
    private static final Pattern VERSION = Pattern.compile(
        "/api/versioning/(versions|versionhistories)/(\\d+)(/.*)?");
    private static final String FIND = "/api/pid/find";
    private static final String AUTHORIZATIONS = "/api/authz/authorizations/";

    private final transient HiddenItems hidden;
    private final transient HiddenVersions versions;
    private final transient HiddenObjectParameters parameters;
    private final transient HiddenObjectBody body;
    private final String signposting;

    /**
     * @param hidden      which items callers may not see
     * @param versions    which versions and version histories callers may not see
     * @param signposting the address of DSpace's FAIR Signposting ({@code /} and {@code signposting.path})
     */
    public HiddenItemFilter(HiddenItems hidden, HiddenVersions versions, String signposting) {
        this.hidden = hidden;
        this.versions = versions;
        this.signposting = signposting;
        this.parameters = new HiddenObjectParameters(hidden);
        this.body = new HiddenObjectBody(hidden);
    }

    @Override
    protected void filter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws IOException, ServletException {
        if ("OPTIONS".equals(request.getMethod())) {
            // DSpace answers it alike for every address (the methods allowed, CORS), without looking for an object
            chain.doFilter(request, response);
            return;
        }
        String requestPath = RequestPaths.mapped(request);
        Matcher path = OBJECT.matcher(requestPath);
        Matcher relationship = RELATIONSHIP.matcher(requestPath);
        Matcher version = VERSION.matcher(requestPath);
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
            } else if (requestPath.startsWith(signposting + "/")) {
                Matcher signpost = SIGNPOST.matcher(requestPath.substring(signposting.length()));
                // describedby is not offered: no crosswalk is configured for it (DSpace would fail with HTTP 500);
                // OAI-PMH serves the records
                if (signpost.matches() && reachesSignposting(request, signpost)
                    && ("describedby".equals(signpost.group(1))
                        || hidden.hidesAny(ContextUtil.obtainContext(request), UUID.fromString(signpost.group(2))))) {
                    // what DSpace answers for an item or file it does not find
                    response.sendError(HttpServletResponse.SC_NOT_FOUND, "An exception has occurred");
                    return;
                }
            } else if (relationship.matches()) {
                if (hidden.hidesRelationship(ContextUtil.obtainContext(request), relationship.group(1))) {
                    // a relationship of an item the caller may not see is one that does not exist
                    response.sendError(HttpServletResponse.SC_NOT_FOUND, "An exception has occurred");
                    return;
                }
            } else if (version.matches()) {
                if (reads(request) && versions.hides(ContextUtil.obtainContext(request),
                                                     "versionhistories".equals(version.group(1)), version.group(2))) {
                    answerAsMissingVersion(ContextUtil.obtainContext(request), version, response);
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
            } else {
                UUID named = namedInPath(requestPath, request);
                if (named != null && hidden.hidesAny(ContextUtil.obtainContext(request), named)) {
                    // what DSpace answers for an object it does not find
                    response.sendError(HttpServletResponse.SC_NOT_FOUND, "An exception has occurred");
                    return;
                }
            }
            HttpServletRequest named = parameters.of(body.of(request, requestPath));
            Map<String, String> standIns = HiddenObjectParameters.standIns(named);
            if (standIns.isEmpty()) {
                chain.doFilter(named, response);
            } else {
                EchoedResponse echoed = new EchoedResponse(response, standIns);
                chain.doFilter(named, echoed);
                echoed.finish();
            }
        } catch (SQLException e) {
            throw new ServletException(e);
        }
    }

    /** Whether the request reads (DSpace answers other methods on a version alike for every number). */
    private static boolean reads(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    }

    /**
     * What DSpace answers for a number of nothing: 404, but for a history's draft, whose permission DSpace checks on
     * the draft it finds (none: refused).
     */
    private static void answerAsMissingVersion(Context context, Matcher version, HttpServletResponse response)
        throws IOException {
        if ("versionhistories".equals(version.group(1)) && "/draftVersion".equals(version.group(3))) {
            answerAsRefused(context, response);
        } else {
            // a version or history of an item the caller may not see is one that does not exist
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "An exception has occurred");
        }
    }

    /**
     * Whether DSpace's signposting controller would look for the object: only for GET (and HEAD) and, at a linkset's
     * address, only when the caller accepts what it produces; it answers anything else (405, 406) alike for every
     * UUID, so that is left to it.
     */
    private static boolean reachesSignposting(HttpServletRequest request, Matcher signpost) {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            return false;
        }
        String accept = request.getHeader("Accept");
        if (!"linksets".equals(signpost.group(1)) || accept == null || accept.isBlank()) {
            return true;
        }
        MediaType produced = MediaType.valueOf(signpost.group(3) == null ? "application/linkset"
                                                   : "application/linkset+json");
        try {
            return MediaType.parseMediaTypes(accept).stream().anyMatch(type -> type.isCompatibleWith(produced));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /**
     * The object named in the address of one of the caller's authorisations
     * ({@code /api/authz/authorizations/[<eperson>_]<feature>_<type>_<uuid>}, whose object DSpace reads with
     * authorisation turned off), read as DSpace reads it; null for any other address, or one DSpace refuses before it
     * looks for the object. (Objects named by parameters are {@link HiddenObjectParameters}'; usage reports, which
     * name their object in the address too, are refused to all but administrators before the object is looked for:
     * {@link HiddenItems#readsUsageReports}.)
     */
    private static UUID namedInPath(String requestPath, HttpServletRequest request) {
        String id = null;
        String segment = lastSegment(requestPath, AUTHORIZATIONS);
        if (segment != null) {
            String[] parts = segment.split("_");
            // another person's authorisations are refused (401/403) before the object is looked for; the person is
            // read as DSpace reads it (a UUID, so in capitals too)
            EPerson caller = caller(request);
            boolean callers = parts.length == 3 || parts.length == 4 && caller != null
                && caller.getID().equals(Uuids.orNull(parts[0]));
            id = callers ? parts[parts.length - 1] : null;
        }
        return Uuids.orNull(id);
    }

    private static EPerson caller(HttpServletRequest request) {
        return ContextUtil.obtainContext(request).getCurrentUser();
    }

    /** The one segment that follows the prefix, or null when the address is not the prefix and one segment. */
    private static String lastSegment(String requestPath, String prefix) {
        return requestPath.startsWith(prefix) && requestPath.indexOf('/', prefix.length()) < 0
            ? requestPath.substring(prefix.length()) : null;
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
