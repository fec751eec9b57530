/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.tests.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Document;
import org.w3c.dom.Node;

/**
 * A small OAI-PMH client over real HTTP for tests: one request, or a whole list following resumption tokens.
 */
public final class OaiHarvest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String endpoint;

    /**
     * @param endpoint the OAI-PMH base URL, e.g. {@code http://127.0.0.1:1234/server/oai/request}
     */
    public OaiHarvest(String endpoint) {
        this.endpoint = endpoint;
    }

    /**
     * Sends one request.
     *
     * @param query the query string, already encoded (e.g. {@code verb=Identify})
     * @return the HTTP response, body as text
     * @throws Exception on I/O failure
     */
    public HttpResponse<String> get(String query) throws Exception {
        return get(query, "text/xml");
    }

    /**
     * Sends one request with a given Accept header (as browsers and some HTTP libraries do).
     *
     * @param query  the query string, already encoded
     * @param accept the Accept header
     * @return the HTTP response, body as text
     * @throws Exception on I/O failure
     */
    public HttpResponse<String> get(String query, String accept) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + "?" + query))
                                         .header("Accept", accept)
                                         .timeout(Duration.ofSeconds(60)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /**
     * Sends one request and parses the answer, failing on anything but HTTP 200.
     *
     * @param query the query string, already encoded
     * @return the parsed OAI-PMH response
     * @throws Exception on I/O failure, a non-200 status or malformed XML
     */
    public Document document(String query) throws Exception {
        HttpResponse<String> response = get(query);
        if (response.statusCode() != 200) {
            throw new AssertionError("HTTP " + response.statusCode() + " for ?" + query + ": " + response.body());
        }
        return Xml.parse(response.body());
    }

    /**
     * Walks a whole list, following resumption tokens.
     *
     * @param verb  ListRecords or ListIdentifiers
     * @param query further arguments, encoded (e.g. {@code metadataPrefix=oai_dc})
     * @return every {@code record} (or {@code header}) element of every page
     * @throws Exception on any failure
     */
    public List<Node> list(String verb, String query) throws Exception {
        String element = "ListRecords".equals(verb) ? "oai:record" : "oai:header";
        List<Node> all = new ArrayList<>();
        String next = "verb=" + verb + "&" + query;
        while (next != null) {
            Document page = document(next);
            if (!Xml.nodes(page, "/oai:OAI-PMH/oai:error[@code='noRecordsMatch']").isEmpty()) {
                break;
            }
            all.addAll(Xml.nodes(page, "/oai:OAI-PMH/oai:" + verb + "/" + element));
            String token = Xml.string(page, "/oai:OAI-PMH/oai:" + verb + "/oai:resumptionToken");
            next = token.isBlank() ? null
                : "verb=" + verb + "&resumptionToken=" + URLEncoder.encode(token.strip(), StandardCharsets.UTF_8);
        }
        return all;
    }
}
