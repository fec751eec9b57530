/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.pages;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;

import eu.useit.dspace.access.AnonymousAccess;
import eu.useit.dspace.search.PageHeaders;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.dspace.content.Bitstream;
import org.dspace.content.BitstreamFormat;
import org.dspace.content.Bundle;
import org.dspace.content.Item;
import org.dspace.content.service.BitstreamService;
import org.dspace.core.Constants;
import org.dspace.core.Context;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Files at the address DSpace's web UI uses, {@code /bitstreams/<uuid>/download} below the addon's pages: a file
 * of a public item's ORIGINAL bundle that anonymous users may read now, whoever asks. Any other file answers 404
 * (its item is not public, or there is none) or 403 (a restricted or embargoed file of a public item, which the
 * item's page lists without a link), with a page that names nothing of it. Formats a browser could run as a page
 * of this server (HTML, SVG ...) are sent as attachments, and every file but a PDF in a sandbox (browsers' PDF
 * viewers refuse to run in one). One range of bytes is served when asked for ({@link ByteRange}).
 */
@Controller
public class FileDownloads {

    /** The most characters of a file's name the Content-Disposition header carries. */
    static final int HEADER_NAME = 120;

    private static final String PDF = "application/pdf";

    private static final int BUFFER = 64 * 1024;

    /** Formats shown in the browser; everything else is downloaded. */
    private static final Set<String> INLINE = Set.of(PDF, "text/plain", "image/png", "image/jpeg",
        "image/gif", "image/webp", "audio/mpeg", "audio/ogg", "video/mp4", "video/webm");

    private final BitstreamService bitstreams;
    private final AnonymousAccess anonymous;
    private final PageLinks links;

    /** What the look-up found: a status, and for a file that may be sent what its response says of it. */
    private record Found(int status, Bitstream file, String name, String type, long size, String checksum,
                         String page) {

        static Found none(int status) {
            return new Found(status, null, null, null, 0, null, null);
        }
    }

    /** A file found and opened, with the part asked for; no file when none is to be sent. */
    private record Opened(Found found, ByteRange range, InputStream in) {
    }

    /**
     * @param bitstreams DSpace's bitstream service
     * @param anonymous  what anonymous users may see
     * @param links      the addresses
     */
    public FileDownloads(BitstreamService bitstreams, AnonymousAccess anonymous, PageLinks links) {
        this.bitstreams = bitstreams;
        this.anonymous = anonymous;
        this.links = links;
    }

    /**
     * @param uuid     the file's UUID
     * @param request  the request, whose Range and If-Range headers are followed
     * @param response the response the file (or a page) is written to
     * @throws Exception if the database or the file store cannot be read
     */
    @GetMapping("/useit/bitstreams/{uuid}/download")
    public void download(@PathVariable("uuid") String uuid, HttpServletRequest request,
                         HttpServletResponse response) throws Exception {
        UUID id = ItemPages.uuid(uuid);
        // the file is opened in the context, and sent once it is closed: a slow reader holds no database connection
        Opened opened = id == null ? new Opened(Found.none(HttpServletResponse.SC_NOT_FOUND), null, null)
            : AnonymousContext.call(context -> open(context, id, request));
        Found found = opened.found();
        if (found.status() != HttpServletResponse.SC_OK) {
            nothing(response, found.status());
        } else if (unchanged(request, found)) {
            // the browser has this version: If-None-Match names its ETag
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            response.setHeader("ETag", etag(found));
            response.setHeader("Cache-Control", "no-cache");
        } else if (opened.range().kind() == ByteRange.Kind.UNSATISFIABLE) {
            response.setStatus(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
            response.setHeader("Content-Range", opened.range().contentRange());
            response.setHeader("Accept-Ranges", "bytes");
        } else if (opened.in() == null) {
            // HEAD: what a GET would answer, without the bytes (the file is not read)
            headers(response, found, opened.range());
        } else {
            try (InputStream in = opened.in()) {
                send(response, found, opened.range(), in);
            }
        }
    }

    /**
     * Finds the file; opens it unless the request is HEAD, or the If-None-Match of a GET names this version.
     */
    private Opened open(Context context, UUID id, HttpServletRequest request) throws Exception {
        Found found = find(context, id);
        if (found.status() != HttpServletResponse.SC_OK) {
            return new Opened(found, null, null);
        }
        ByteRange range = range(request, found);
        if (range.kind() == ByteRange.Kind.UNSATISFIABLE || unchanged(request, found)
            || "HEAD".equals(request.getMethod())) {
            return new Opened(found, range, null);
        }
        // DSpace checks READ again as it opens the file, for the anonymous user of this context
        return new Opened(found, range, bitstreams.retrieve(context, found.file()));
    }

    /** The part asked for (GET only); the whole file when If-Range names another version of it. */
    private static ByteRange range(HttpServletRequest request, Found found) {
        String ifRange = request.getHeader("If-Range");
        boolean sameFile = ifRange == null || found.checksum() != null && ifRange.equals(etag(found));
        boolean get = "GET".equals(request.getMethod());
        return ByteRange.of(get && sameFile ? request.getHeader("Range") : null, found.size());
    }

    /** Whether If-None-Match names this version of the file (or any version, {@code *}). */
    private static boolean unchanged(HttpServletRequest request, Found found) {
        String given = request.getHeader("If-None-Match");
        if (given == null || found.checksum() == null) {
            return false;
        }
        for (String tag : given.split(",")) {
            String strong = tag.strip().replaceFirst("^W/", "");
            if (strong.equals("*") || strong.equals(etag(found))) {
                return true;
            }
        }
        return false;
    }

    private static String etag(Found found) {
        return "\"" + found.checksum() + "\"";
    }

    private Found find(Context context, UUID id) throws Exception {
        Bitstream file = bitstreams.find(context, id);
        if (file == null || file.isDeleted()) {
            return Found.none(HttpServletResponse.SC_NOT_FOUND);
        }
        for (Bundle bundle : file.getBundles()) {
            if (!Constants.CONTENT_BUNDLE_NAME.equals(bundle.getName())) {
                continue;
            }
            for (Item item : bundle.getItems()) {
                if (!anonymous.isPublic(context, item)) {
                    continue;
                }
                if (!anonymous.file(context, file).isOpen()) {
                    return Found.none(HttpServletResponse.SC_FORBIDDEN);
                }
                BitstreamFormat format = file.getFormat(context);
                return new Found(HttpServletResponse.SC_OK, file, file.getName() == null ? "file" : file.getName(),
                                 format == null ? "application/octet-stream" : format.getMIMEType(),
                                 file.getSizeBytes(), file.getChecksum(), links.item(item.getHandle(), item.getID()));
            }
        }
        return Found.none(HttpServletResponse.SC_NOT_FOUND);
    }

    private static void send(HttpServletResponse response, Found found, ByteRange range, InputStream in)
        throws IOException {
        if (range.kind() == ByteRange.Kind.PART) {
            // before any header: a file store that has fewer bytes fails here, while an error can still be answered
            in.skipNBytes(range.first());
        }
        headers(response, found, range);
        try (OutputStream out = response.getOutputStream()) {
            if (range.kind() == ByteRange.Kind.PART) {
                copy(in, out, range.length());
            } else {
                in.transferTo(out);
            }
        }
    }

    /** The status and headers of the file's response (the part's, when one is asked for). */
    private static void headers(HttpServletResponse response, Found found, ByteRange range) {
        String type = found.type() == null ? "application/octet-stream" : found.type();
        boolean inline = INLINE.contains(type);
        boolean part = range.kind() == ByteRange.Kind.PART;
        response.setStatus(part ? HttpServletResponse.SC_PARTIAL_CONTENT : HttpServletResponse.SC_OK);
        response.setContentType(inline ? type : "application/octet-stream");
        if (!type.startsWith("text/")) {
            // bytes, not text: no charset (the web application sets UTF-8 on every response by default)
            response.setCharacterEncoding((String) null);
        }
        response.setHeader("Accept-Ranges", "bytes");
        response.setContentLengthLong(part ? range.length() : found.size());
        if (part) {
            response.setHeader("Content-Range", range.contentRange());
        }
        ContentDisposition.Builder disposition = inline ? ContentDisposition.inline() : ContentDisposition.attachment();
        response.setHeader("Content-Disposition",
                           disposition.filename(headerName(found.name()), StandardCharsets.UTF_8).build().toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (!PDF.equals(type)) {
            // browsers' PDF viewers do not run in a sandbox (Chrome's shows a blocked page, Safari's an empty one)
            response.setHeader("Content-Security-Policy", "sandbox; default-src 'none'");
        }
        response.setHeader("Cache-Control", "no-cache");
        // FAIR Signposting: the file's landing page
        response.setHeader("Link", "<" + found.page() + ">; rel=\"collection\"; type=\"text/html\"");
        if (found.checksum() != null) {
            response.setHeader("ETag", etag(found));
        }
    }

    private static void copy(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long left = length;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw new IOException("the file store gave " + (length - left) + " of " + length + " bytes");
            }
            out.write(buffer, 0, read);
            left -= read;
        }
    }

    /**
     * The file's name as the Content-Disposition header carries it: at most {@link #HEADER_NAME} characters, its
     * extension kept. The header holds the name twice, percent-encoded; a long name would pass the web server's
     * limit on a response's headers (8 KB), and the download would fail.
     *
     * @param given the file's name
     * @return the name, shortened if it is longer, with quotes, backslashes and control characters as '_'
     */
    static String headerName(String given) {
        // Spring copies quotes and backslashes into the quoted name as they are, which would end the quotes early
        String name = given.replaceAll("[\"\\\\\\p{Cntrl}]", "_");
        if (name.codePointCount(0, name.length()) <= HEADER_NAME) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
        String stem = name.substring(0, name.length() - extension.length());
        return stem.substring(0, stem.offsetByCodePoints(0, HEADER_NAME - extension.length())) + extension;
    }

    private void nothing(HttpServletResponse response, int status) throws IOException {
        response.setStatus(status);
        response.setHeader("Content-Security-Policy", PageHeaders.CSP);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        String page = status == HttpServletResponse.SC_FORBIDDEN
            ? PageFrame.nothing(links, "Not open to the public", "The file at this address is not open to read.")
            : PageFrame.nothing(links, "Not found", "There is no file at this address.");
        response.getOutputStream().write(page.getBytes(StandardCharsets.UTF_8));
    }
}
