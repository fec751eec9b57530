/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.oaicheck;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * One request the checker sends to the endpoint (the endpoint's own reading of a request is the addon's
 * {@code OaiRequest}): GET with a query string, or POST with the same string as a form body. The query is
 * kept exactly as it is sent (already percent-encoded), so probes can send malformed or repeated arguments.
 *
 * @param post   whether it is sent as a POST form body
 * @param query  the encoded query string or form body, without '?' (empty for none)
 * @param accept the Accept header to send, or null to send none
 */
record CheckRequest(boolean post, String query, String accept) {

    private static final int LABEL_LENGTH = 160;

    /**
     * @param query the encoded query string, without '?' (empty for none)
     * @return a GET request
     */
    static CheckRequest get(String query) {
        return new CheckRequest(false, query, null);
    }

    /**
     * @param form the encoded form body ({@code application/x-www-form-urlencoded})
     * @return a POST request
     */
    static CheckRequest post(String form) {
        return new CheckRequest(true, form, null);
    }

    /**
     * @param keysAndValues argument names and values, alternately; a null value leaves its argument out
     * @return the arguments percent-encoded as UTF-8 and joined with '&amp;'
     */
    static String query(String... keysAndValues) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] == null) {
                continue;
            }
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(URLEncoder.encode(keysAndValues[i], StandardCharsets.UTF_8)).append('=')
               .append(URLEncoder.encode(keysAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    /**
     * @param value the Accept header to send
     * @return the same request with that header
     */
    CheckRequest accept(String value) {
        return new CheckRequest(post, query, value);
    }

    /**
     * @return how findings name the request: method and query, long queries shortened
     */
    String label() {
        String shown = query.length() <= LABEL_LENGTH ? query
            : query.substring(0, LABEL_LENGTH) + "...(" + query.length() + " chars)";
        String method = post ? "POST " + shown : shown.isEmpty() ? "GET (no arguments)" : "GET ?" + shown;
        return method + (accept == null ? "" : " [Accept: " + accept + "]");
    }

    @Override
    public String toString() {
        return label();
    }
}
