/*
 * USE-IT! repository addon for DSpace.
 */
package eu.useit.dspace.oai;

import java.time.Instant;

import org.apache.solr.client.solrj.util.ClientUtils;

/**
 * A position in a list of records sorted by datestamp, then handle: the last record a page showed. The next page
 * starts after it, so a page costs the same at any depth and records changed during a harvest are neither skipped
 * nor repeated out of order (a changed record moves to the end, where the harvest will meet it again).
 *
 * @param datestamp the last record's datestamp, to the millisecond
 * @param handle    the last record's handle
 */
public record Keyset(Instant datestamp, String handle) {

    /** The OAI core's datestamp field, the first sort key. */
    public static final String DATESTAMP_FIELD = "item.lastmodified";
    /** The OAI core's handle field, the tie-break. */
    public static final String HANDLE_FIELD = "item.handle";

    /**
     * The Solr filter query for the records after this position. It differs on every page, so Solr is told not
     * to cache it (it would only evict the filters that are reused, such as a context's).
     *
     * @return the filter query
     */
    public String solrFilter() {
        String stamp = datestamp.toString();
        return "{!cache=false}" + DATESTAMP_FIELD + ":{" + stamp + " TO *] OR (" + DATESTAMP_FIELD + ":\"" + stamp
            + "\" AND " + HANDLE_FIELD + ":{" + ClientUtils.escapeQueryChars(handle) + " TO *])";
    }
}
