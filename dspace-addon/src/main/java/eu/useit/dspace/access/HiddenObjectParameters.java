/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.access;

import java.net.MalformedURLException;
import java.net.URL;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import eu.useit.dspace.support.Uuids;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.dspace.app.rest.utils.ContextUtil;
import org.dspace.content.DSpaceObject;
import org.dspace.content.Item;
import org.dspace.handle.factory.HandleServiceFactory;

/**
 * REST requests whose parameters name an object by its UUID, or by an address that ends in it: a look-up
 * ({@code /api/dso/find?uuid=}), a search method ({@code ...search/object?uri=}, {@code ...findByItem?uuid=},
 * {@code ...byTarget?target=}, a group's policies of an object or a subscription's {@code resource=}), the
 * authorisations of an object ({@code /api/authz/authorizations/search/object?uri=}, whose {@code embed=object}
 * DSpace fills with authorisation turned off), and by its handle (a file looked up by its item's handle,
 * {@code ...byItemHandle?handle=}). When such a parameter names an item, bundle or file that {@link HiddenItems}
 * hides from the caller, the request goes on naming an object that does not exist instead (a stand-in UUID), so
 * that DSpace answers as it answers for a missing object, whatever that answer is at each endpoint; where DSpace's
 * answer repeats the parameter (a search's own link), {@link EchoedResponse} puts back what the caller sent. The
 * value is read as DSpace reads it: split at commas into a list, each part trimmed, as Spring converts UUID
 * parameters, or as an address whose path ends in the object's UUID, as DSpace reads an object's address.
 */
final class HiddenObjectParameters {

    /** The id of no object. */
    static final String NO_OBJECT = new UUID(0, 0).toString();

    private static final Set<String> NAMES = Set.of("uuid", "uri", "target", "dso", "item", "focusItem",
                                                    "relatedItem", "resource");
    /** The parameter that names an item by its handle (DSpace's look-up of a file by its item's handle and name). */
    private static final String HANDLE = "handle";
    /** The handle of no object. */
    private static final String NO_HANDLE = "0/0";

    private final HiddenItems hidden;

    /**
     * @param hidden which items callers may not see
     */
    HiddenObjectParameters(HiddenItems hidden) {
        this.hidden = hidden;
    }

    /**
     * @param request a REST request
     * @return the request, or one whose parameters name no hidden object
     * @throws SQLException if the database cannot be read
     */
    HttpServletRequest of(HttpServletRequest request) throws SQLException {
        Map<String, String[]> parameters = null;
        StandIns standIns = new StandIns();
        for (String name : NAMES) {
            String[] values = request.getParameterValues(name);
            for (int i = 0; values != null && i < values.length; i++) {
                parameters = replace(request, parameters, name, i, withoutHidden(request, values[i], standIns));
            }
        }
        String[] handles = request.getParameterValues(HANDLE);
        for (int i = 0; handles != null && i < handles.length; i++) {
            parameters = replace(request, parameters, HANDLE, i, hidesHandle(request, handles[i]) ? NO_HANDLE : null);
        }
        return parameters == null ? request : new Replaced(request, parameters, standIns.originals);
    }

    /**
     * @param request a request {@link #of} returned
     * @return what each stand-in it put in a parameter's value stands for (the text the caller sent), none for
     *     another request
     */
    static Map<String, String> standIns(HttpServletRequest request) {
        return request instanceof Replaced replaced ? replaced.standIns : Map.of();
    }

    /**
     * The stand-ins of one request: a random UUID each, of no object (a caller cannot send one that the answer
     * would turn into the hidden object's UUID).
     */
    private static final class StandIns {

        private final Map<String, String> originals = new LinkedHashMap<>();

        /** The value with the UUID text at [start, end) in place of a stand-in. */
        String in(String value, int start, int end) {
            String standIn = UUID.randomUUID().toString();
            originals.put(standIn, value.substring(start, end));
            return value.substring(0, start) + standIn + value.substring(end);
        }

        boolean isOne(UUID id) {
            return originals.containsKey(id.toString());
        }
    }

    /**
     * Puts a value in place of a parameter's i-th one (nothing when it is null), in a copy of the request's
     * parameters made at the first replacement.
     */
    private static Map<String, String[]> replace(HttpServletRequest request, Map<String, String[]> parameters,
                                                 String name, int i, String value) {
        if (value == null) {
            return parameters;
        }
        Map<String, String[]> copy = parameters == null ? new LinkedHashMap<>(request.getParameterMap()) : parameters;
        String[] changed = copy.get(name).clone();
        changed[i] = value;
        copy.put(name, changed);
        return copy;
    }

    /** Whether a handle, resolved as DSpace resolves it, names an item the caller may not see. */
    private boolean hidesHandle(HttpServletRequest request, String handle) throws SQLException {
        DSpaceObject object = HandleServiceFactory.getInstance().getHandleService()
                                                  .resolveToObject(ContextUtil.obtainContext(request), handle);
        return object instanceof Item item && hides(request, item.getID());
    }

    /**
     * The value naming no object in place of each hidden one, or null when it names none that is hidden. Spring
     * splits a value into a list at its commas (DSpace's search methods take lists of UUIDs), so each part counts.
     */
    private String withoutHidden(HttpServletRequest request, String value, StandIns standIns) throws SQLException {
        String[] parts = value.split(",", -1);
        boolean replaced = false;
        for (int i = 0; i < parts.length; i++) {
            String part = withoutHiddenObject(request, parts[i], standIns);
            if (part != null) {
                parts[i] = part;
                replaced = true;
            }
        }
        return replaced ? String.join(",", parts) : null;
    }

    /**
     * One UUID (trimmed, as Spring converts it) or one address, read both ways DSpace reads an object's address (what
     * follows its last '/', as the usage reports do; its path's last segment, as the authorisations do): the same
     * naming no object where it names a hidden one, else null.
     */
    private String withoutHiddenObject(HttpServletRequest request, String value, StandIns standIns)
        throws SQLException {
        UUID id = Uuids.orNull(value.trim());
        if (id != null) {
            return hides(request, id) ? standIns.in(value, value.indexOf(value.trim()),
                                                    value.indexOf(value.trim()) + value.trim().length()) : null;
        }
        String replaced = null;
        int slash = value.lastIndexOf('/');
        String tailText = slash < 0 ? null : value.substring(slash + 1).trim();
        UUID tail = tailText == null ? null : Uuids.orNull(tailText);
        boolean tailHidden = hides(request, tail);
        if (tailHidden) {
            int at = value.indexOf(tailText, slash + 1);
            replaced = standIns.in(value, at, at + tailText.length());
        }
        String current = replaced == null ? value : replaced;
        String path = pathOf(current);
        String last = lastSegment(path);
        UUID inPath = last == null ? null : Uuids.orNull(last.trim());
        // each object looked up once: the same UUID as the tail's has its answer, a stand-in is of no object
        if (inPath != null && !standIns.isOne(inPath)
            && (inPath.equals(tail) ? tailHidden : hides(request, inPath))) {
            int at = current.indexOf(path) + path.lastIndexOf(last) + last.indexOf(last.trim());
            replaced = standIns.in(current, at, at + last.trim().length());
        }
        return replaced;
    }

    private boolean hides(HttpServletRequest request, UUID id) throws SQLException {
        return id != null && hidden.hidesAny(ContextUtil.obtainContext(request), id);
    }

    /** The last non-empty segment of a path, or null when there is no path or it has none. */
    private static String lastSegment(String path) {
        String[] segments = path == null ? new String[0]
            : Arrays.stream(path.split("/")).filter(segment -> !segment.isEmpty()).toArray(String[]::new);
        return segments.length == 0 ? null : segments[segments.length - 1];
    }

    /** The path of an address, or null when the value is no address. */
    private static String pathOf(String value) {
        try {
            return new URL(value).getPath();
        } catch (MalformedURLException e) {
            return null;
        }
    }

    /** The request with other parameters. */
    private static final class Replaced extends HttpServletRequestWrapper {

        private final Map<String, String[]> parameters;
        private final Map<String, String> standIns;

        Replaced(HttpServletRequest request, Map<String, String[]> parameters, Map<String, String> standIns) {
            super(request);
            this.parameters = Collections.unmodifiableMap(parameters);
            this.standIns = Map.copyOf(standIns);
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] values = parameters.get(name);
            return values == null ? null : values.clone();
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }
    }
}
