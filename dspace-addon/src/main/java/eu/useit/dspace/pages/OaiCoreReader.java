/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.pages;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrException;

/**
 * What the pages read from the OAI core, which holds exactly the public items (the addon's indexer writes a live
 * record only for an item anonymous users may read, and keeps it current on every commit): the items for the
 * sitemap and the number of items in each strand.
 */
public final class OaiCoreReader {

    /** The live records of the core. */
    private static final String LIVE = "item.deleted:false AND item.public:true";

    /** A public item for the sitemap. */
    public record Entry(String handle, java.util.Date lastModified) {
    }

    private final PagesAutoConfiguration.SolrSource solr;

    /**
     * @param solr the OAI core, found when it is needed
     */
    public OaiCoreReader(PagesAutoConfiguration.SolrSource solr) {
        this.solr = solr;
    }

    /**
     * @return the number of public items
     * @throws IOException if the core cannot be read
     */
    public long count() throws IOException {
        return query(new SolrQuery(LIVE).setRows(0)).getResults().getNumFound();
    }

    /**
     * @param start the first item's position, in handle order
     * @param rows  how many
     * @return public items in handle order
     * @throws IOException if the core cannot be read
     */
    public List<Entry> entries(int start, int rows) throws IOException {
        SolrQuery query = new SolrQuery(LIVE).setStart(start).setRows(rows)
            .setFields("item.handle", "item.lastmodified").addSort("item.handle", SolrQuery.ORDER.asc);
        return query(query).getResults().stream()
            .map(d -> new Entry((String) d.getFieldValue("item.handle"), lastModified(d))).toList();
    }

    /**
     * @param queries Solr queries by name
     * @return how many public items each query finds, by name
     * @throws IOException if the core cannot be read
     */
    public Map<String, Integer> counts(Map<String, String> queries) throws IOException {
        SolrQuery query = new SolrQuery(LIVE).setRows(0).setFacet(true);
        List<String> names = List.copyOf(queries.keySet());
        for (int i = 0; i < names.size(); i++) {
            query.addFacetQuery("{!key=q" + i + "}" + queries.get(names.get(i)));
        }
        Map<String, Integer> facets = query(query).getFacetQuery();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            counts.put(names.get(i), facets == null ? 0 : facets.getOrDefault("q" + i, 0));
        }
        return counts;
    }

    private static java.util.Date lastModified(SolrDocument document) {
        return (java.util.Date) document.getFieldValue("item.lastmodified");
    }

    private QueryResponse query(SolrQuery query) throws IOException {
        try {
            return solr.get().query(query);
        } catch (SolrServerException | SolrException e) {
            throw new IOException("The OAI index cannot be read: " + e.getMessage(), e);
        }
    }
}
