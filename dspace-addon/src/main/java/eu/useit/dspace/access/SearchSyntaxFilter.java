/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.access;

import java.io.IOException;
import java.util.Map;

import eu.useit.dspace.support.AddonFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses a search of DSpace's REST API ({@code /api/discover/...}) whose parameters hold Solr syntax that reads
 * across documents. DSpace 8.1 hands a search's {@code query} (and a filter given as a range or with the
 * {@code query} operator) to Solr as it is, and adds who may see what as separate filter queries; Solr's local
 * parameters ({@code {!join ...}}, {@code {!graph ...}}, {@code _query_:"{!...}"}) run a query of their own over
 * every document, hidden ones included, so that a public result would answer yes or no about a private item, a
 * draft or a restricted text, one question at a time. Function queries ({@code _val_}) read index statistics of every
 * document ({@link SolrSyntax}, escaped forms included). No search a reader types needs them: such a request is
 * answered 400, naming the parameter. {@link eu.useit.dspace.search.SearchSyntaxPlugin} keeps them out of every
 * other search DSpace sends to Solr.
 */
public final class SearchSyntaxFilter extends AddonFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void filter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws IOException, ServletException {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            for (String value : parameter.getValue()) {
                if (SolrSyntax.readsAcross(value)) {
                    response.sendError(HttpServletResponse.SC_BAD_REQUEST, "The search parameter "
                        + parameter.getKey() + " holds Solr syntax a search may not use ({!...}, _query_, _val_)");
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }
}
