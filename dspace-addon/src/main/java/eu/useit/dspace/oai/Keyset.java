/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai;

import java.time.Instant;

import org.apache.solr.client.solrj.SolrQuery;

/**
 * A position in a list of records sorted by the moment each item entered the archive (its accession; for a record
 * without one, the moment it first entered the index), then handle: the last record a page showed. The next page
 * starts after it, so a page costs the same at any depth. A record keeps its place when it changes (its datestamp
 * changes, its place does not, whichever process writes it), so a harvest under way neither skips records nor shows
 * one twice. A record changed or made public behind the harvest's position is brought by the next harvest
 * {@code from=} this one's responseDate.
 *
 * @param datestamp the last record's first moment in the index, to the millisecond
 * @param handle    the last record's handle
 */
public record Keyset(Instant datestamp, String handle) {

    /** The OAI core's field of a record's place in the lists, the first sort key. */
    public static final String SINCE_FIELD = "item.since";
    /** The OAI core's datestamp field. */
    public static final String DATESTAMP_FIELD = "item.lastmodified";
    /** The OAI core's handle field, the tie-break. */
    public static final String HANDLE_FIELD = "item.handle";

    /** The request parameter that carries the last record's handle to the tie-break, never quoted into a query. */
    public static final String HANDLE_PARAM = "useit.after";

    /**
     * Adds the Solr filter query for the records after this position. It differs on every page, so Solr is told not
     * to cache it (it would only evict the filters that are reused, such as a context's).
     * <p>
     * The tie-break among the records of the page's last datestamp compares handles through the handle field's
     * docValues ({@code frange} over a string field compares term ordinals, record by record where the datestamp
     * clause leads it), not as a range of index terms, which reads the postings of every handle after the page's
     * last one: tens of milliseconds a page in a million-record index.
     *
     * @param query the page's query
     * @return the same query
     */
    public SolrQuery addFilterTo(SolrQuery query) {
        String stamp = datestamp.toString();
        query.addFilterQuery("{!cache=false}" + SINCE_FIELD + ":{" + stamp + " TO *] OR (" + SINCE_FIELD + ":\""
            + stamp + "\" AND _query_:\"{!frange l=$" + HANDLE_PARAM + " incl=false}" + HANDLE_FIELD + "\")");
        query.set(HANDLE_PARAM, handle);
        return query;
    }
}
