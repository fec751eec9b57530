/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.runtime;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dspace.services.ConfigurationService;

/**
 * The start-up check of a Solr core (or SolrCloud collection) given by a URL setting: it must answer its ping, and,
 * on a SolrCloud node, that node must be connected to ZooKeeper. A node that has lost ZooKeeper still answers
 * queries from the cluster state it holds, but refuses every update ("Cannot talk to ZooKeeper - Updates are
 * disabled"), so a web node started on it would serve and queue changes it cannot write.
 */
final class SolrCoreCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Solr adds {@code zkConnected} to each response header in cloud mode only. */
    private static final Pattern ZK_LOST = Pattern.compile("\"zkConnected\"\\s*:\\s*false");
    private static final Pattern ZK_HOST = Pattern.compile("\"zkHost\"\\s*:\\s*\"([^\"]*)\"");

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /**
     * @param config  DSpace configuration
     * @param setting name of the setting holding the core's URL
     * @throws StartupException if the core does not answer its ping, or its SolrCloud node has lost ZooKeeper
     */
    void check(ConfigurationService config, String setting) {
        String url = config.getProperty(setting);
        if (url == null || url.isBlank()) {
            throw new StartupException(setting + " is not set: DSpace needs the URL of this Solr core");
        }
        HttpResponse<String> ping;
        try {
            ping = get(url + "/admin/ping?wt=json");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(setting, url, "interrupted");
        } catch (Exception e) {
            throw unreachable(setting, url, StartupException.rootMessage(e));
        }
        if (ping.statusCode() != 200) {
            throw unreachable(setting, url, "HTTP " + ping.statusCode() + " (no such core or SolrCloud collection?)");
        }
        if (ZK_LOST.matcher(ping.body()).find()) {
            throw new StartupException(setting + "=" + url + ": this SolrCloud node is not connected to its ZooKeeper"
                                           + zookeeper(url) + ", so it refuses every update; start ZooKeeper, or "
                                           + "give the address of a node that is connected");
        }
    }

    private static StartupException unreachable(String setting, String url, String problem) {
        return new StartupException(setting + "=" + url + ": Solr core not reachable: " + problem);
    }

    /** The node's ZooKeeper address as its system information gives it, or nothing if it does not. */
    private String zookeeper(String coreUrl) {
        String node = coreUrl.replaceAll("/+$", "");
        node = node.substring(0, node.lastIndexOf('/'));
        try {
            HttpResponse<String> info = get(node + "/admin/info/system?wt=json");
            Matcher host = ZK_HOST.matcher(info.body());
            return info.statusCode() == 200 && host.find() ? " (zkHost " + host.group(1) + ")" : "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        } catch (Exception e) {
            return "";
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
