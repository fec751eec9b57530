/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.health;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import eu.useit.dspace.oai.index.OaiIndexer;

/**
 * Asks a Solr core (or SolrCloud collection), by its URL, whether it answers and, on a SolrCloud node, whether that
 * node is connected to ZooKeeper. A node that has lost ZooKeeper still answers queries from the cluster state it
 * holds, but refuses every update ("Cannot talk to ZooKeeper - Updates are disabled"). Solr says which in every
 * response header ({@code zkConnected}, in cloud mode only), so one ping tells both.
 */
public final class SolrCoreProbe {

    private static final Pattern ZK_CONNECTED = Pattern.compile("\"zkConnected\"\\s*:\\s*(true|false)");
    private static final Pattern ZK_HOST = Pattern.compile("\"zkHost\"\\s*:\\s*\"([^\"]*)\"");

    /**
     * The field of the OAI-PMH core by which USE-IT! orders and pages every list; DSpace's own OAI core has none, and
     * Solr refuses every list query on it.
     */
    public static final String OAI_ORDER_FIELD = "item.since";

    /**
     * The fields the OAI-PMH core must have: its order, and the ids of each record's files (by which a deleted
     * file's record is found), which every record of this release is written with.
     */
    public static final List<String> OAI_FIELDS = List.of(OAI_ORDER_FIELD, OaiIndexer.FILES);

    private final Duration timeout;
    private final HttpClient client;

    /**
     * @param timeout how long to wait for a connection and for each answer
     */
    public SolrCoreProbe(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /**
     * What a core's ping said.
     *
     * @param status      the HTTP status of the ping (200: the core answers)
     * @param zkConnected whether its SolrCloud node is connected to ZooKeeper; empty for a Solr server that is not
     *                    in cloud mode
     */
    public record Ping(int status, Optional<Boolean> zkConnected) {

        /**
         * @return whether the core answers and its node, if in a SolrCloud, takes updates
         */
        public boolean writable() {
            return status == 200 && zkConnected.orElse(true);
        }
    }

    /**
     * @param coreUrl the core's URL ({@code http://host:8983/solr/oai})
     * @return what its ping said
     * @throws IOException          if Solr cannot be reached
     * @throws InterruptedException if interrupted while waiting
     */
    public Ping ping(String coreUrl) throws IOException, InterruptedException {
        HttpResponse<String> response = get(coreUrl + "/admin/ping?wt=json");
        Matcher connected = ZK_CONNECTED.matcher(response.body());
        return new Ping(response.statusCode(),
                        connected.find() ? Optional.of(Boolean.parseBoolean(connected.group(1))) : Optional.empty());
    }

    /**
     * @param coreUrl the core's URL
     * @return the ZooKeeper address its node was started with, if it says one
     */
    public Optional<String> zkHost(String coreUrl) {
        try {
            String core = coreUrl.replaceAll("/+$", "");
            HttpResponse<String> info = get(core.substring(0, core.lastIndexOf('/')) + "/admin/info/system?wt=json");
            Matcher host = ZK_HOST.matcher(info.body());
            return info.statusCode() == 200 && host.find() ? Optional.of(host.group(1)) : Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The one-line reason a node that has lost ZooKeeper cannot serve a repository.
     *
     * @param coreUrl the core's URL
     * @return the reason, with the node's ZooKeeper address where it says one
     */
    public String zooKeeperLost(String coreUrl) {
        return "this SolrCloud node is not connected to its ZooKeeper"
            + zkHost(coreUrl).map(host -> " (zkHost " + host + ")").orElse("") + ", so it refuses every update";
    }

    /**
     * @param coreUrl the core's URL, a core that answers its ping
     * @param field   a field name
     * @return whether the core's schema has the field (Solr's schema API, which reads a classic schema too)
     * @throws IOException          if Solr cannot be reached, or its schema API answers with an error
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean hasField(String coreUrl, String field) throws IOException, InterruptedException {
        HttpResponse<String> response = get(coreUrl + "/schema/fields/"
                                                + URLEncoder.encode(field, StandardCharsets.UTF_8) + "?wt=json");
        if (response.statusCode() != 200 && response.statusCode() != 404) {
            throw new IOException("HTTP " + response.statusCode() + " from the schema API");
        }
        return response.statusCode() == 200;
    }

    /**
     * @param coreUrl the core's URL, a core that answers its ping
     * @param fields  the fields it must have
     * @return the first of them its schema lacks, if any
     * @throws IOException          if Solr cannot be reached, or its schema API answers with an error
     * @throws InterruptedException if interrupted while waiting
     */
    public Optional<String> missingField(String coreUrl, List<String> fields) throws IOException,
        InterruptedException {
        for (String field : fields) {
            if (!hasField(coreUrl, field)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    /**
     * The one-line reason a core without one of {@link #OAI_FIELDS} cannot serve as the OAI-PMH core.
     *
     * @param field the field it lacks
     * @return the reason and the remedy
     */
    public static String notOurOaiCore(String field) {
        String remedy = ": give it USE-IT!'s configuration (runtime/home/solr/oai/conf, which useit-install puts in "
            + "[dspace]/solr/oai/conf)";
        return OAI_ORDER_FIELD.equals(field)
            ? "this core has no field " + field + ", by which USE-IT! orders and pages harvests, so every OAI-PMH "
                + "list would fail" + remedy + " and an empty index, then run useit-reindex -o"
            : "this core has no field " + field + ", which this USE-IT! release writes in every record, so no "
                + "record could be written (a configuration from an earlier release?)" + remedy
                + ", reload it, then run useit-reindex -o -v";
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
