/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.access;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.useit.dspace.support.Uuids;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.dspace.app.rest.utils.ContextUtil;
import org.dspace.core.Context;

/**
 * The REST requests that name their object in a JSON body, not in the address or a parameter: a request for a copy
 * of an item's files ({@code POST /api/tools/itemrequests}, {@code itemId} and {@code bitstreamId}), a view to be
 * counted ({@code POST /api/statistics/viewevents}, {@code targetId}) and a search result's click
 * ({@code POST /api/statistics/searchevents}, {@code clickedObject}). DSpace looks such an object up with no regard
 * to who asks, so it answered a hidden item as found (201) where it answers a missing one as unknown (422 or 400).
 * When the body names an item, bundle or file that {@link HiddenItems} hides from the caller, the request goes on
 * naming no object ({@link HiddenObjectParameters#NO_OBJECT}) instead, so that DSpace answers as for a missing one
 * (and sends no e-mail about the item, and counts no view of it). A value is read both ways DSpace reads it (as a
 * UUID's text, and as Jackson reads a UUID: trimmed, or 16 bytes in base64). A body too long to be such a request is
 * sent on empty, which DSpace answers as a body it cannot read.
 */
final class HiddenObjectBody {

    /** The requests, by address (DSpace also takes the collection's address with a trailing '/'). */
    private static final Map<String, Set<String>> FIELDS = Map.of(
        "/api/tools/itemrequests", Set.of("itemId", "bitstreamId"),
        "/api/statistics/viewevents", Set.of("targetId"),
        "/api/statistics/searchevents", Set.of("clickedObject"));
    /** Far more than any of them needs (a few UUIDs, an e-mail address, a message, a query). */
    private static final int LIMIT = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HiddenItems hidden;

    /**
     * @param hidden which items callers may not see
     */
    HiddenObjectBody(HiddenItems hidden) {
        this.hidden = hidden;
    }

    /**
     * @param request     a REST request
     * @param requestPath its address as the servlet container maps it
     * @return the request, or one whose body names no hidden object
     * @throws IOException  if the body cannot be read
     * @throws SQLException if the database cannot be read
     */
    HttpServletRequest of(HttpServletRequest request, String requestPath) throws IOException, SQLException {
        Set<String> fields = FIELDS.get(requestPath.endsWith("/") ? requestPath.substring(0, requestPath.length() - 1)
                                            : requestPath);
        if (!"POST".equalsIgnoreCase(request.getMethod()) || fields == null) {
            return request;
        }
        byte[] body = request.getInputStream().readNBytes(LIMIT + 1);
        if (body.length > LIMIT) {
            return new Body(request, new byte[0], false);
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            // DSpace reads it again and answers that it cannot
            return new Body(request, body, false);
        }
        boolean replaced = false;
        if (json instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> named = object.fields(); named.hasNext(); ) {
                Map.Entry<String, JsonNode> field = named.next();
                if (fields.contains(field.getKey()) && field.getValue().isTextual()
                    && hides(request, field.getValue().asText())) {
                    field.setValue(object.textNode(HiddenObjectParameters.NO_OBJECT));
                    replaced = true;
                }
            }
        }
        return replaced ? new Body(request, JSON.writeValueAsBytes(json), true) : new Body(request, body, false);
    }

    /** Whether the value names a hidden object, read as a UUID's text or as Jackson reads a UUID. */
    private boolean hides(HttpServletRequest request, String value) throws SQLException {
        UUID text = Uuids.orNull(value);
        UUID read = jackson(value);
        Context context = ContextUtil.obtainContext(request);
        return text != null && hidden.hidesAny(context, text)
            || read != null && !read.equals(text) && hidden.hidesAny(context, read);
    }

    /** As Jackson reads a UUID field (trimmed; 16 bytes in base64 too). */
    private static UUID jackson(String value) {
        try {
            return JSON.readerFor(UUID.class).readValue(JSON.getNodeFactory().textNode(value));
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The request with a body read already, or another. */
    private static final class Body extends HttpServletRequestWrapper {

        private final byte[] bytes;
        private final boolean written;

        /** @param written whether the addon wrote the bytes (as UTF-8) rather than passing the caller's on */
        Body(HttpServletRequest request, byte[] bytes, boolean written) {
            super(request);
            this.bytes = bytes;
            this.written = written;
        }

        @Override
        public String getCharacterEncoding() {
            return written ? StandardCharsets.UTF_8.name() : super.getCharacterEncoding();
        }

        @Override
        public String getHeader(String name) {
            return "Content-Length".equalsIgnoreCase(name) ? String.valueOf(bytes.length) : super.getHeader(name);
        }

        @Override
        public ServletInputStream getInputStream() {
            return new BodyStream(bytes, this::isAsyncStarted);
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(),
                encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return bytes.length;
        }

        @Override
        public long getContentLengthLong() {
            return bytes.length;
        }
    }
}
