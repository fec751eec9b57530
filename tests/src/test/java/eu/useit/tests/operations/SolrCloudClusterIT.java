/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.tests.operations;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.Assert.assertThrows;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import eu.useit.tests.support.LauncherProcess;
import eu.useit.tests.support.OaiHarvest;
import eu.useit.tests.support.OrgUnitRecords;
import eu.useit.tests.support.RepositoryProcess;
import eu.useit.tests.support.RestClient;
import eu.useit.tests.support.SolrCloudProcess;
import eu.useit.tests.support.Xml;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TestRule;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/**
 * The repository on a real SolrCloud (ZooKeeper and 3 Solr 8.11 nodes, {@code ./useit solrcloud}) with two web
 * nodes, separate JVMs sharing one database and file store: the collections are made from the project's configsets,
 * 2 shards × 2 replicas; a write on either web node reaches the other's OAI-PMH and search within 5 s; a harvest
 * that alternates nodes page by page gets exactly the records of a harvest from one node; a harvest survives a Solr
 * node stopped under it, and a web node stopped under it (the harvester retries on the other with the same token).
 * A web node with another token secret, and a repository whose Solr lacks a collection, do not start (one line).
 */
public class SolrCloudClusterIT {

    private static final Duration PROMISE = Duration.ofSeconds(5);
    /** One secret for both web nodes, so that a token from one is good on the other (at least 32 bytes). */
    private static final String SECRET = "-Duseit.oai.token.secret=cluster-test-secret-of-forty-bytes-long";
    /** Records added to the sample so that a whole harvest has several pages (100 per page). */
    private static final int EXTRA = 230;

    private static SolrCloudProcess cloud;

    private RepositoryProcess first;
    private RepositoryProcess second;

    @Rule
    public final TestRule stopFirst = RepositoryProcess.stopAfter(() -> first);
    @Rule
    public final TestRule stopSecond = RepositoryProcess.stopAfter(() -> second);

    @BeforeClass
    public static void startCloud() throws Exception {
        cloud = SolrCloudProcess.start("solrcloud");
    }

    @AfterClass
    public static void stopCloud() {
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    public void theCollectionsAreMadeFromOurConfigsetsAndSpreadOverTheNodes() throws Exception {
        JsonNode cluster = RestClient.anonymous(cloud.node(1))
            .get("/admin/collections?action=CLUSTERSTATUS&wt=json").expect(200).json().path("cluster");
        assertThat(cluster.path("live_nodes").size(), is(3));
        for (String name : List.of("search", "oai")) {
            JsonNode collection = cluster.path("collections").path(name);
            assertThat(name + " from its own configset", collection.path("configName").asText(), is(name));
            assertThat(name + " shards", collection.path("shards").size(), is(2));
            Set<String> nodes = new HashSet<>();
            for (JsonNode shard : collection.path("shards")) {
                List<String> states = new ArrayList<>();
                Set<String> shardNodes = new HashSet<>();
                shard.path("replicas").forEach(replica -> {
                    states.add(replica.path("state").asText());
                    shardNodes.add(replica.path("node_name").asText());
                });
                assertThat(name + " replicas of a shard", states, hasSize(2));
                assertThat(states, everyItem(is("active")));
                assertThat(name + ": a shard's replicas on two nodes", shardNodes, hasSize(2));
                nodes.addAll(shardNodes);
            }
            assertThat(name + " on every node", nodes, hasSize(3));
        }
    }

    @Test
    public void zooKeeperAndTheNodesListenOnTheLoopbackAddressOnly() throws Exception {
        // 127.0.0.2 reaches a socket bound to every interface, not one bound to 127.0.0.1; so do the machine's others
        // (refused at once); another address of an interface that is up may also be unreachable (any failure)
        InetAddress second = InetAddress.getByName("127.0.0.2");
        List<InetAddress> others = new ArrayList<>();
        for (NetworkInterface face : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (face.isUp()) {
                Collections.list(face.getInetAddresses()).stream().filter(a -> !a.isLoopbackAddress())
                           .forEach(others::add);
            }
        }
        Map<Integer, String> ports = new TreeMap<>(Map.of(URI.create("zk://" + cloud.zookeeper()).getPort(),
                                                          "ZooKeeper"));
        // the running nodes, as the cluster lists them (a node started again on free ports may have a new one)
        RestClient.anonymous(cloud.node(1)).get("/admin/collections?action=CLUSTERSTATUS&wt=json").expect(200).json()
            .at("/cluster/live_nodes").forEach(node -> ports.put( // 127.0.0.1:41234_solr
                Integer.parseInt(node.asText().replaceAll(".*:(\\d+)_.*", "$1")), "Solr node " + node.asText()));
        assertThat(ports.size(), is(4));
        for (int port : ports.keySet()) {
            try {
                connect(InetAddress.getByName("127.0.0.1"), port);
            } catch (IOException e) {
                throw new AssertionError(ports.get(port) + " does not answer on 127.0.0.1:" + port, e);
            }
            assertThrows("port " + port + " answers on 127.0.0.2", ConnectException.class, () -> connect(second, port));
            for (InetAddress other : others) {
                assertThrows("port " + port + " answers on " + other.getHostAddress(), IOException.class,
                             () -> connect(other, port));
            }
        }
    }

    private static void connect(InetAddress address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 5_000);
        }
    }

    @Test
    public void anotherZooKeeperClientCanNeitherReadNorChangeTheCluster() throws Exception {
        // a process of this machine that reaches ZooKeeper is refused Solr's znodes without the password
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper stranger = new ZooKeeper(cloud.zookeeper(), 15_000, event -> {
            if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        try {
            assertThat("connected to ZooKeeper", connected.await(30, TimeUnit.SECONDS), is(true));
            assertThat(stranger.exists("/configs/oai/solrconfig.xml", false) != null, is(true));
            assertThrows(KeeperException.NoAuthException.class,
                         () -> stranger.getData("/configs/oai/solrconfig.xml", false, null));
            assertThrows(KeeperException.NoAuthException.class,
                         () -> stranger.setData("/configs/oai/solrconfig.xml", new byte[0], -1));
            assertThrows(KeeperException.NoAuthException.class, () -> stranger.getChildren("/live_nodes", false));
            assertThrows(KeeperException.NoAuthException.class, () -> stranger.delete("/collections/oai", -1));
        } finally {
            stranger.close();
        }
    }

    @Test
    public void everyReplicaOfAShardKeepsTheSamePlaceForARecord() throws Exception {
        // item.since is the keyset order of every list: set once before distribution, never per replica
        RestClient solr = RestClient.anonymous(cloud.node(1));
        String handle = "123456789/cloud-place-test";
        solr.post("/oai/update?commit=true", List.of(Map.of("item.handle", handle, "item.id", "cloud-place-test",
                                                            "item.compile", "<metadata/>", "item.public", true)))
            .expect(200);
        Set<String> places = new TreeSet<>();
        JsonNode shards = RestClient.anonymous(cloud.node(1))
            .get("/admin/collections?action=CLUSTERSTATUS&collection=oai&wt=json").expect(200).json()
            .at("/cluster/collections/oai/shards");
        int copies = 0;
        for (JsonNode shard : shards) {
            for (JsonNode replica : shard.path("replicas")) {
                JsonNode docs = RestClient.anonymous(replica.path("base_url").asText())
                    .get("/" + replica.path("core").asText() + "/select?distrib=false&wt=json&fl=item.since&q="
                             + URLEncoder.encode("item.handle:\"" + handle + "\"", StandardCharsets.UTF_8))
                    .expect(200).json().at("/response/docs");
                docs.forEach(doc -> places.add(doc.path("item.since").asText()));
                copies += docs.size();
            }
        }
        solr.post("/oai/update?commit=true", Map.of("delete", Map.of("id", handle))).expect(200);
        assertThat("the record on both replicas of its shard", copies, is(2));
        assertThat("one place on every replica: " + places, places, hasSize(1));
        assertThat(places.iterator().next(), not(emptyString()));
    }

    @Test
    public void twoWebNodesServeOneRepositoryAndAHarvestSurvivesANodeOfEither() throws Exception {
        first = RepositoryProcess.startAfresh("cloud-web-1", "-Dsolr.server=" + cloud.node(1), SECRET);
        Path records = OrgUnitRecords.write(first.dataDir().getParent(), "cloudzq", 0, EXTRA);
        LauncherProcess.Outcome imported = first.dspace("useit-import", "-f", records.toString(), "-e",
                                                        first.administratorEmail());
        assertThat(imported.stdout() + imported.stderr(), imported.exitCode(), is(0));
        second = first.beside("cloud-web-2", "-Dsolr.server=" + cloud.node(2), SECRET);
        OaiHarvest one = new OaiHarvest(first.server() + "/oai/request");
        OaiHarvest two = new OaiHarvest(second.server() + "/oai/request");

        List<String> whole = harvest(List.of(one), page -> { });
        assertThat("the sample and the extra records, in more than two pages", whole.size(),
                   greaterThanOrEqualTo(EXTRA + 40));
        assertThat("no record twice", new HashSet<>(whole), hasSize(whole.size()));
        assertThat("alternating nodes page by page", harvest(List.of(two, one), page -> { }), is(whole));

        // writes on either web node reach the other's OAI-PMH and search within 5 s
        RestClient adminOne = first.administrator();
        RestClient adminTwo = first.administratorAt(second.server());
        JsonNode item = found(adminOne, "cloudzq").get(0);
        String identifier = "oai:useit.example.ac.uk:" + item.path("handle").asText();
        describe(adminOne, item, "cloudzqonefirst");
        System.out.println("cluster: a change on node 1 reached node 2 after "
                               + within(() -> record(two, identifier).contains("cloudzqonefirst")
                                   && !found(RestClient.anonymous(second.server()), "cloudzqonefirst").isEmpty())
                               + " ms");
        describe(adminTwo, item, "cloudzqtwofirst");
        System.out.println("cluster: a change on node 2 reached node 1 after "
                               + within(() -> record(one, identifier).contains("cloudzqtwofirst")
                                   && !found(RestClient.anonymous(first.server()), "cloudzqtwofirst").isEmpty())
                               + " ms");

        // a third web node with another secret would break harvests sent between nodes: it does not start
        AssertionError refused = assertThrows(AssertionError.class, () -> first.beside(
            "cloud-web-3", "-Dsolr.server=" + cloud.node(3),
            "-Duseit.oai.token.secret=another-cluster-secret-of-forty-bytes-x"));
        assertThat(refused.getMessage(), containsString("ERROR useit.oai.token.secret: this web node's "
            + "resumption token secret differs from that of the running web node"));
        assertThat(refused.getMessage(), not(containsString("\tat ")));

        // a Solr node stops after the first page: the other replicas answer, the harvest completes
        List<String> withoutASolrNode = harvest(List.of(one), page -> {
            if (page == 0) {
                cloud.stop(3);
            }
        });
        cloud.start(3);
        assertThat("a harvest with Solr node 3 stopped under it", withoutASolrNode, is(whole));

        // the second web node stops after the first page: the harvester goes on at the first with the same token
        List<String> withoutAWebNode = harvest(List.of(two, one), page -> {
            if (page == 0) {
                second.close();
            }
        });
        assertThat("a harvest whose web node stopped under it", withoutAWebNode, is(whole));
    }

    @Test
    public void aMissingCollectionStopsTheStartWithOneLineNamingTheSetting() throws Exception {
        String missing = cloud.node(1) + "/useit-oai";
        LauncherProcess.Outcome outcome = LauncherProcess.run(
            Path.of(System.getProperty("useit.work.dir", "target/it-work")).resolveSibling("cloud-missing"),
            "-Dsolr.server=" + cloud.node(1), "-Doai.solr.url=" + missing);
        assertThat(outcome.stderr(), outcome.exitCode(), is(1));
        assertThat(outcome.stderr(), outcome.errorLines(), hasSize(1));
        assertThat(outcome.errorLines().get(0), startsWith("ERROR oai.solr.url=" + missing
            + ": Solr core not reachable: HTTP 404 (no such core or SolrCloud collection?)"));
    }

    @Test
    public void aSolrNodeThatHasLostZooKeeperFailsTheHealthCheckAndStopsTheStart() throws Exception {
        first = RepositoryProcess.startAfresh("cloud-zk-web", "-Dsolr.server=" + cloud.node(1), SECRET);
        RestClient anybody = RestClient.anonymous(first.server());
        RestClient admin = first.administrator();
        assertThat(admin.get("/actuator/health").expect(200).json().at("/components/solrCloud/details").toString(),
                   is("{\"discovery.search.server\":\"solrcloud\",\"oai.solr.url\":\"solrcloud\"}"));
        String lost = ": this SolrCloud node is not connected to its ZooKeeper (zkHost " + cloud.zookeeper()
            + "), so it refuses every update";
        cloud.stopZooKeeper();
        try {
            // the node notices the lost connection within ZooKeeper's session tick; until then it says connected
            RestClient node = RestClient.anonymous(cloud.node(1));
            long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (node.get("/oai/admin/ping?wt=json").expect(200).json()
                       .at("/responseHeader/zkConnected").asBoolean(true)) {
                assertThat("node 1 still says it is connected to the stopped ZooKeeper", System.nanoTime() < until);
                Thread.sleep(500);
            }
            // the running web node: DOWN for anybody (a load balancer), the reason for administrators only
            assertThat(anybody.get("/actuator/health").expect(503).json().path("status").asText(), is("DOWN"));
            JsonNode solrCloud = admin.get("/actuator/health").expect(503).json().at("/components/solrCloud");
            assertThat(solrCloud.toString(), solrCloud.path("status").asText(), is("DOWN"));
            assertThat(solrCloud.at("/details/oai.solr.url").asText(), is(lost.substring(2)));
            // a web node starting now does not start, and says why in one line
            LauncherProcess.Outcome outcome = LauncherProcess.run(
                Path.of(System.getProperty("useit.work.dir", "target/it-work")).resolveSibling("cloud-no-zookeeper"),
                "-Dsolr.server=" + cloud.node(1));
            assertThat(outcome.stderr(), outcome.exitCode(), is(1));
            assertThat(outcome.stderr(), outcome.errorLines(), hasSize(1));
            assertThat(outcome.errorLines().get(0), is("ERROR discovery.search.server=" + cloud.node(1) + "/search"
                + lost + "; start ZooKeeper, or give the address of a node that is connected"));
            assertThat(outcome.stderr(), not(containsString("Exception")));
        } finally {
            cloud.startZooKeeper();
        }
        assertThat(anybody.get("/actuator/health").expect(200).json().path("status").asText(), is("UP"));
    }

    /** A hook run after each page of a harvest. */
    private interface AfterPage {
        void after(int page) throws Exception;
    }

    /**
     * A whole ListIdentifiers harvest, page n from nodes[n % size], or from the next node when that one does not
     * answer (a harvester retrying elsewhere with the same request); the identifiers in the order served.
     */
    private static List<String> harvest(List<OaiHarvest> nodes, AfterPage hook) throws Exception {
        List<String> identifiers = new ArrayList<>();
        String next = "verb=ListIdentifiers&metadataPrefix=oai_dc";
        int page = 0;
        while (next != null) {
            Document answer = page(nodes, page, next);
            assertThat(Xml.string(answer, "/*"), Xml.nodes(answer, "/oai:OAI-PMH/oai:error"), hasSize(0));
            for (Node id : Xml.nodes(answer, "/oai:OAI-PMH/oai:ListIdentifiers/oai:header/oai:identifier")) {
                identifiers.add(id.getTextContent());
            }
            String token = Xml.string(answer, "/oai:OAI-PMH/oai:ListIdentifiers/oai:resumptionToken").strip();
            next = token.isEmpty() ? null
                : "verb=ListIdentifiers&resumptionToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
            hook.after(page++);
        }
        assertThat("pages", page, greaterThanOrEqualTo(3));
        return identifiers;
    }

    private static Document page(List<OaiHarvest> nodes, int page, String request) throws Exception {
        ConnectException refused = null;
        for (int i = 0; i < nodes.size(); i++) {
            try {
                return nodes.get((page + i) % nodes.size()).document(request);
            } catch (ConnectException e) {
                refused = e;
            }
        }
        throw refused;
    }

    private static List<JsonNode> found(RestClient client, String word) {
        List<JsonNode> items = new ArrayList<>();
        client.get("/api/discover/search/objects?dsoType=ITEM&query=" + word).expect(200).json()
              .at("/_embedded/searchResult/_embedded/objects")
              .forEach(hit -> items.add(hit.at("/_embedded/indexableObject")));
        return items;
    }

    private static void describe(RestClient admin, JsonNode item, String word) {
        admin.patch("/api/core/items/" + item.path("uuid").asText(),
                    List.of(Map.of("op", "add", "path", "/metadata/dc.description/-",
                                   "value", Map.of("value", word + " (illustrative)")))).expect(200);
    }

    private static String record(OaiHarvest node, String identifier) {
        try {
            return node.get("verb=GetRecord&metadataPrefix=oai_dc&identifier="
                                + URLEncoder.encode(identifier, StandardCharsets.UTF_8)).body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits for a condition, failing after the promised 5 s; returns how long it took. */
    private static long within(BooleanSupplier reached) throws InterruptedException {
        Instant start = Instant.now();
        while (!reached.getAsBoolean()) {
            long waited = Duration.between(start, Instant.now()).toMillis();
            assertThat("within " + PROMISE, waited, lessThanOrEqualTo(PROMISE.toMillis()));
            Thread.sleep(100);
        }
        return Duration.between(start, Instant.now()).toMillis();
    }
}
