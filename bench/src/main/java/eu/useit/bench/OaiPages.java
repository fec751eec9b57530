/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A harvester over real HTTP (java.net.http, one connection kept alive), as light as possible on the client side
 * so that the server gets the machine: a page is read as bytes and only scanned for its record count, deleted
 * headers, errors and resumption token.
 */
final class OaiPages {

    private static final Pattern TOKEN = Pattern.compile("<resumptionToken([^>]*?)(/>|>([^<]*)</resumptionToken>)");
    private static final Pattern CURSOR = Pattern.compile("cursor=\"(\\d+)\"");
    private static final Pattern SIZE = Pattern.compile("completeListSize=\"(\\d+)\"");
    private static final Pattern ERROR = Pattern.compile("<error code=\"([^\"]+)\"[^>]*>([^<]*)<");

    /** One answered page. */
    record Page(long nanos, int bytes, int records, int deleted, String token, long cursor, long completeListSize) {

        double millis() {
            return nanos / 1e6;
        }
    }

    /**
     * A whole list, harvested.
     *
     * @param label      what was harvested
     * @param records    records harvested (deleted ones included)
     * @param deleted    deleted records
     * @param pages      pages requested
     * @param bytes      response bytes
     * @param seconds    wall time
     * @param pageMillis the time of each page, in order
     */
    record Harvest(String label, int records, int deleted, int pages, long bytes, double seconds,
                   double[] pageMillis) {

        double rate() {
            return records / seconds;
        }

        double millisPerPage() {
            return seconds * 1000 / pages;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                                              .connectTimeout(Duration.ofSeconds(10)).build();

    /**
     * Requests one page.
     *
     * @param baseUrl the OAI-PMH base URL
     * @param query   the query string, encoded
     * @return the page
     * @throws IOException          on I/O failure, an HTTP status other than 200 or an OAI-PMH error
     * @throws InterruptedException if interrupted
     */
    Page get(String baseUrl, String query) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<byte[]> response = send(baseUrl, query);
        long nanos = System.nanoTime() - start;
        byte[] body = response.body();
        String text = new String(body, StandardCharsets.ISO_8859_1);
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " for " + query);
        }
        Matcher error = ERROR.matcher(text);
        if (error.find()) {
            throw new IOException("OAI-PMH error " + error.group(1) + " (" + error.group(2) + ") for " + query);
        }
        int records = count(text, "<record>") + count(text, "<record ");
        int deleted = count(text, "status=\"deleted\"");
        String token = null;
        long cursor = -1;
        long size = -1;
        int tail = Math.max(0, text.length() - 4096);
        Matcher matcher = TOKEN.matcher(text);
        if (matcher.find(tail)) {
            token = matcher.group(3) == null || matcher.group(3).isBlank() ? null : matcher.group(3).strip();
            cursor = number(CURSOR, matcher.group(1));
            size = number(SIZE, matcher.group(1));
        }
        return new Page(nanos, body.length, records, deleted, token, cursor, size);
    }

    /**
     * Requests one page and returns it as it came.
     *
     * @param baseUrl the OAI-PMH base URL
     * @param query   the query string, encoded
     * @return the response body
     * @throws IOException          on I/O failure
     * @throws InterruptedException if interrupted
     */
    byte[] body(String baseUrl, String query) throws IOException, InterruptedException {
        return send(baseUrl, query).body();
    }

    private HttpResponse<byte[]> send(String baseUrl, String query) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "?" + query))
                                         .header("Accept", "text/xml").timeout(Duration.ofMinutes(5)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /**
     * Requests the first page of a list, or the page a resumption token points to.
     *
     * @param baseUrl the OAI-PMH base URL
     * @param verb    ListRecords or ListIdentifiers
     * @param prefix  the metadata prefix
     * @param token   a resumption token, or null for the first page
     * @return the page
     * @throws IOException          on failure
     * @throws InterruptedException if interrupted
     */
    Page list(String baseUrl, String verb, String prefix, String token) throws IOException, InterruptedException {
        return get(baseUrl, token == null ? "verb=" + verb + "&metadataPrefix=" + prefix
            : "verb=" + verb + "&resumptionToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    /**
     * Harvests a list following every resumption token, as a harvester does (one request at a time).
     *
     * @param label   what is harvested, for the report
     * @param baseUrl the OAI-PMH base URL
     * @param prefix  the metadata prefix
     * @param limit   stop after this many records (0: the whole list)
     * @param tokens  if not null, receives each resumption token by the number of records before its page
     * @return the harvest
     * @throws IOException          on failure
     * @throws InterruptedException if interrupted
     */
    Harvest harvest(String label, String baseUrl, String prefix, int limit, Map<Integer, String> tokens)
        throws IOException, InterruptedException {
        long start = System.nanoTime();
        int records = 0;
        int deleted = 0;
        int pages = 0;
        long bytes = 0;
        long completeListSize = -1;
        List<Double> times = new ArrayList<>();
        String token = null;
        do {
            Page page = list(baseUrl, "ListRecords", prefix, token);
            times.add(page.millis());
            records += page.records();
            deleted += page.deleted();
            bytes += page.bytes();
            pages++;
            token = page.token();
            if (page.completeListSize() >= 0) {
                completeListSize = page.completeListSize();
            }
            if (token != null && tokens != null) {
                tokens.put(records, token);
            }
        } while (token != null && (limit == 0 || records < limit));
        double seconds = (System.nanoTime() - start) / 1e9;
        if (limit == 0 && completeListSize >= 0 && records != completeListSize) {
            throw new IllegalStateException(label + ": harvested " + records + " records, completeListSize said "
                                                + completeListSize);
        }
        return new Harvest(label, records, deleted, pages, bytes, seconds,
                           times.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static int count(String text, String what) {
        int count = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + what.length())) {
            count++;
        }
        return count;
    }

    private static long number(Pattern pattern, String attributes) {
        Matcher matcher = pattern.matcher(attributes);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
    }
}
