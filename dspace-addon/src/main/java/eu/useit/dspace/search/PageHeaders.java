/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.search;

import java.io.IOException;

import java.util.regex.Pattern;

import eu.useit.dspace.support.RequestPaths;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The security headers of the addon's pages: a Content-Security-Policy that lets a page load and call only its
 * own server (scripts and styles from files, none inline; no frames, no plugins, forms to the same server), no MIME
 * sniffing, no framing, and a referrer policy that sends other sites the origin only. Files sent from the pages get
 * their policy where they are sent.
 */
public final class PageHeaders implements Filter {

    /** The pages' Content-Security-Policy. */
    public static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /** A file's download, which gets its policy where it is sent (FileDownloads: a PDF has none). */
    private static final Pattern DOWNLOAD = Pattern.compile("/useit/bitstreams/[^/]+/download");

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
        HttpServletResponse http = (HttpServletResponse) response;
        if (!DOWNLOAD.matcher(RequestPaths.mapped((HttpServletRequest) request)).matches()) {
            http.setHeader("Content-Security-Policy", CSP);
        }
        http.setHeader("X-Content-Type-Options", "nosniff");
        http.setHeader("X-Frame-Options", "DENY");
        http.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        chain.doFilter(request, response);
    }
}
