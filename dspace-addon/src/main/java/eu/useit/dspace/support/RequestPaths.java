/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.support;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The path of a request below the webapp, as the servlet container maps it to a servlet: decoded, with dot segments,
 * repeated slashes and path parameters removed. Decisions on what a request may reach are taken on this path, never
 * on the raw request URI, which a caller can spell in many ways ({@code it%65ms}, {@code x/../items},
 * {@code items;a=b}) that all reach the same controller.
 */
public final class RequestPaths {

    private RequestPaths() {
    }

    /**
     * @param request a request
     * @return its path below the context path, e.g. {@code /api/core/items/<uuid>}
     */
    public static String mapped(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return request.getServletPath() + (pathInfo == null ? "" : pathInfo);
    }
}
