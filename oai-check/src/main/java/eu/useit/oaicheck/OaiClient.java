/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.oaicheck;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * Sends {@link CheckRequest}s to one base URL over HTTP/1.1 (redirects are not followed: a harvester's base URL
 * must answer itself) and counts them.
 */
final class OaiClient {

    private static final String USER_AGENT = "useit-oai-check/1.0 (OAI-PMH conformance checker)";

    private final String baseUrl;
    private final Duration timeout;
    private final HttpClient http;
    private int requests;

    /**
     * @param baseUrl the endpoint, without query
     * @param timeout how long one request may take
     */
    OaiClient(String baseUrl, Duration timeout) {
        this.baseUrl = baseUrl;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                              .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    String baseUrl() {
        return baseUrl;
    }

    /**
     * @return how many requests were sent so far
     */
    int requests() {
        return requests;
    }

    /**
     * @param request what to send
     * @return the answer, or a failed response when the endpoint did not answer (never throws)
     */
    OaiResponse send(CheckRequest request) {
        requests++;
        try {
            HttpRequest.Builder builder;
            if (request.post()) {
                builder = HttpRequest.newBuilder(URI.create(baseUrl))
                                     .header("Content-Type", "application/x-www-form-urlencoded")
                                     .POST(HttpRequest.BodyPublishers.ofString(request.query()));
            } else {
                String query = request.query().isEmpty() ? "" : "?" + request.query();
                builder = HttpRequest.newBuilder(URI.create(baseUrl + query)).GET();
            }
            builder.timeout(timeout).header("User-Agent", USER_AGENT);
            if (request.accept() != null) {
                builder.header("Accept", request.accept());
            }
            HttpResponse<byte[]> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return OaiResponse.answered(request, response.statusCode(),
                                        response.headers().firstValue("Content-Type").orElse(null), response.body());
        } catch (HttpTimeoutException e) {
            return OaiResponse.failed(request, "no answer within " + timeout.toSeconds() + " s");
        } catch (ConnectException e) {
            return OaiResponse.failed(request, "connection refused" + (e.getMessage() == null ? ""
                : " (" + e.getMessage() + ")"));
        } catch (IOException | IllegalArgumentException e) {
            return OaiResponse.failed(request, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OaiResponse.failed(request, "interrupted");
        }
    }
}
