/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.support;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.dspace.app.rest.utils.ContextUtil;

/**
 * One of the addon's filters of DSpace's REST webapp ({@link AddonFilters}), which closes the request's DSpace context
 * when it is done. DSpace closes it in its {@code DSpaceRequestContextFilter}, which a request the addon answers
 * itself (a hidden item as a missing one, a refused approval) never reaches: the context stayed open, with its
 * database session on the servlet container's thread, and the next request that thread served read objects as they
 * were then (a deposit sent back and corrected showed its old values, and could not be sent again). A request passed
 * on is done when DSpace returns it: its context is closed by then, or now.
 */
public abstract class AddonFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected final void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws IOException, ServletException {
        try {
            filter(request, response, chain);
        } finally {
            ContextUtil.abortContext(request);
        }
    }

    /**
     * Answers the request, or passes it on.
     *
     * @param request  the request
     * @param response its answer
     * @param chain    the rest of the filters and DSpace
     * @throws IOException      if the answer cannot be written
     * @throws ServletException if the request cannot be handled
     */
    protected abstract void filter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws IOException, ServletException;
}
