/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.search;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import eu.useit.dspace.access.SolrSyntax;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.solr.client.solrj.SolrQuery;
import org.dspace.core.Context;
import org.dspace.discovery.DiscoverQuery;
import org.dspace.discovery.SolrServiceSearchPlugin;

/**
 * Keeps Solr syntax that reads across documents ({@link SolrSyntax}) out of every search DSpace sends to its search
 * core: DSpace 8.1 puts a caller's text into the main query or a filter as it is in several places (REST search,
 * OpenSearch, the administrators' look-up of collections and communities, metadata field search), while who may
 * see what is in filters a join's inner query never sees. A query or filter that holds it is replaced by one that
 * matches nothing, with a warning in the log; REST's search endpoints refuse it with 400 before it gets here
 * ({@link eu.useit.dspace.access.SearchSyntaxFilter}). DSpace's own field filters ({@code {!field f=...}}, whose
 * value Solr reads as a plain term) are left as they are. A bean of {@code config/spring/api/useit-discovery.xml};
 * DSpace runs every such plugin for every search.
 */
public class SearchSyntaxPlugin implements SolrServiceSearchPlugin {

    private static final Logger log = LogManager.getLogger(SearchSyntaxPlugin.class);

    /** Matches no document. */
    static final String NOTHING = "-*:*";

    /** DSpace's browse filters: the field parser reads everything after the local parameters as one term. */
    private static final Pattern FIELD_FILTER = Pattern.compile("^\\{!field f=[A-Za-z0-9_.]+\\}");

    @Override
    public void additionalSearchParameters(Context context, DiscoverQuery discoveryQuery, SolrQuery solrQuery) {
        if (SolrSyntax.readsAcross(solrQuery.getQuery())) {
            log.warn("A search query with Solr syntax that reads across documents was replaced by one that matches "
                         + "nothing: {}", solrQuery.getQuery());
            solrQuery.setQuery(NOTHING);
        }
        String[] filters = solrQuery.getFilterQueries();
        if (filters == null) {
            return;
        }
        List<String> kept = new ArrayList<>();
        for (String filter : filters) {
            if (!FIELD_FILTER.matcher(filter).find() && SolrSyntax.readsAcross(filter)) {
                log.warn("A search filter with Solr syntax that reads across documents was replaced by one that "
                             + "matches nothing: {}", filter);
                kept.add(NOTHING);
            } else {
                kept.add(filter);
            }
        }
        solrQuery.setFilterQueries(kept.toArray(new String[0]));
    }
}
