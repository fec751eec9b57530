/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.runtime.solr;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.solr.client.solrj.embedded.JettyConfig;
import org.apache.solr.client.solrj.embedded.JettySolrRunner;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.response.CollectionAdminResponse;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.common.cloud.SolrZkClient;
import org.apache.solr.common.cloud.VMParamsAllAndReadonlyDigestZkACLProvider;
import org.apache.solr.common.cloud.VMParamsSingleSetCredentialsDigestZkCredentialsProvider;

/**
 * A SolrCloud on this machine, made of Solr's own classes: a ZooKeeper server on the loopback address
 * ({@link LoopbackZooKeeper}) and Solr 8.11 nodes in cloud mode ({@link MiniSolrCloudCluster}), each a Jetty on a
 * loopback port with context {@code /solr}. Every sub-folder of the configuration folder that holds
 * {@code conf/solrconfig.xml} is uploaded to ZooKeeper as a configset of that name, and a collection of the same
 * name is created from it. Solr's znodes are closed to every other ZooKeeper client ({@link #protectZnodes()}).
 */
public final class LocalSolrCloud implements AutoCloseable {

    private static final int WAIT_SECONDS = 120;

    /** The system properties of Solr's digest credentials: {@code zkDigestUsername}, {@code zkDigestPassword}. */
    private static final String DIGEST = "zkDigest";

    private final LoopbackZooKeeper zookeeper;
    private final MiniSolrCloudCluster cluster;
    private final CloudShape shape;
    private final List<JettySolrRunner> nodes = new ArrayList<>();
    private final List<String> collections = new ArrayList<>();

    private LocalSolrCloud(LoopbackZooKeeper zookeeper, MiniSolrCloudCluster cluster, CloudShape shape) {
        this.zookeeper = zookeeper;
        this.cluster = cluster;
        this.shape = shape;
    }

    /**
     * Starts ZooKeeper and the nodes, uploads the configsets and creates one collection per configset.
     *
     * @param shape      how many nodes, shards and replicas, and on which ports
     * @param configsets a folder with one sub-folder per configset ({@code search/conf}, {@code oai/conf})
     * @param work       where ZooKeeper and the nodes keep their data: made afresh (an earlier run's data is deleted)
     * @return the running cloud
     * @throws Exception if a part does not start, or Solr refuses a configset or a collection
     */
    public static LocalSolrCloud start(CloudShape shape, Path configsets, Path work) throws Exception {
        List<Path> sets = configsets(configsets);
        afresh(work);
        // a port of its own even when any will do, so that ZooKeeper restarts where the nodes look for it
        int zookeeperPort = shape.zookeeperPort() == 0 ? freePort() : shape.zookeeperPort();
        protectZnodes();
        LoopbackZooKeeper zookeeper = new LoopbackZooKeeper(work.resolve("zookeeper"), zookeeperPort);
        zookeeper.run();
        MiniSolrCloudCluster cluster;
        try {
            cluster = new MiniSolrCloudCluster(0, work, MiniSolrCloudCluster.DEFAULT_CLOUD_SOLR_XML,
                                               JettyConfig.builder().build(), zookeeper);
        } catch (Exception e) {
            zookeeper.shutdown();
            throw e;
        }
        LocalSolrCloud cloud = new LocalSolrCloud(zookeeper, cluster, shape);
        try {
            for (int i = 0; i < shape.nodes(); i++) {
                JettyConfig node = JettyConfig.builder().setHost("127.0.0.1").setPort(shape.nodePort(i))
                                              .setContext("/solr").stopAtShutdown(false).build();
                cloud.nodes.add(cluster.startJettySolrRunner("node" + (i + 1), "/solr", node));
            }
            cluster.waitForAllNodes(WAIT_SECONDS);
            for (Path set : sets) {
                cloud.create(set);
            }
            return cloud;
        } catch (Exception e) {
            cloud.close();
            throw e;
        }
    }

    /**
     * ZooKeeper asks for no login: any process of this machine that reaches its loopback port could read the cluster
     * or change a configset. Every znode Solr makes is therefore readable and writable only with a password made at
     * each start and known to this JVM alone (Solr's digest ACL providers, for every Solr client of this JVM). A site
     * may set its own providers and credentials as system properties.
     */
    private static void protectZnodes() {
        if (System.getProperty(SolrZkClient.ZK_ACL_PROVIDER_CLASS_NAME_VM_PARAM_NAME) != null) {
            return;
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        System.setProperty(DIGEST + "Username", "useit-solr");
        System.setProperty(DIGEST + "Password", Base64.getUrlEncoder().withoutPadding().encodeToString(random));
        System.setProperty(SolrZkClient.ZK_CRED_PROVIDER_CLASS_NAME_VM_PARAM_NAME,
                           VMParamsSingleSetCredentialsDigestZkCredentialsProvider.class.getName());
        System.setProperty(SolrZkClient.ZK_ACL_PROVIDER_CLASS_NAME_VM_PARAM_NAME,
                           VMParamsAllAndReadonlyDigestZkACLProvider.class.getName());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Empties the work folder of an earlier run; refuses a folder that holds anything else. */
    private static void afresh(Path work) throws IOException {
        if (Files.isDirectory(work)) {
            try (Stream<Path> children = Files.list(work)) {
                if (children.findAny().isPresent() && !Files.isDirectory(work.resolve("zookeeper"))) {
                    throw new IOException(work + ": not empty, and not the folder of an earlier local SolrCloud");
                }
            }
            try (Stream<Path> all = Files.walk(work)) {
                for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(work);
    }

    private static List<Path> configsets(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException(folder + ": no such folder of configsets");
        }
        try (Stream<Path> children = Files.list(folder)) {
            List<Path> sets = children.filter(c -> Files.isRegularFile(c.resolve("conf").resolve("solrconfig.xml")))
                                      .sorted().toList();
            if (sets.isEmpty()) {
                throw new IOException(folder + ": no configset (a sub-folder with conf/solrconfig.xml)");
            }
            return sets;
        }
    }

    private void create(Path set) throws Exception {
        String name = set.getFileName().toString();
        cluster.uploadConfigSet(set.resolve("conf"), name);
        CollectionAdminResponse created = CollectionAdminRequest
            .createCollection(name, name, shape.shards(), shape.replicas())
            .setMaxShardsPerNode(shape.replicasPerNode())
            .process(cluster.getSolrClient());
        if (!created.isSuccess()) {
            throw new IOException("collection " + name + " was not created: " + created.getErrorMessages());
        }
        collections.add(name);
        waitForActive(name);
    }

    private void waitForActive(String collection) {
        cluster.waitForActiveCollection(collection, WAIT_SECONDS, TimeUnit.SECONDS, shape.shards(),
                                        shape.shards() * shape.replicas());
    }

    /**
     * @return ZooKeeper's address, as Solr's {@code zkHost} takes it
     */
    public String zookeeperAddress() {
        return zookeeper.getZkAddress();
    }

    /**
     * @return the base URL of every node, running or not, in order ({@code http://127.0.0.1:port/solr})
     */
    public List<String> nodeUrls() {
        return nodes.stream().map(n -> "http://127.0.0.1:" + n.getLocalPort() + "/solr").toList();
    }

    /**
     * Stops a node, as a crash or maintenance would; its replicas go down and the others answer.
     *
     * @param index the node's place in {@link #nodeUrls()}
     * @throws Exception if Jetty does not stop
     */
    public void stopNode(int index) throws Exception {
        cluster.stopJettySolrRunner(nodes.get(index));
        cluster.waitForJettyToStop(nodes.get(index));
    }

    /**
     * Starts a stopped node again, on its port, and waits until its replicas have recovered from the others (every
     * replica of every collection active).
     *
     * @param index the node's place in {@link #nodeUrls()}
     * @throws Exception if it does not start
     */
    public void startNode(int index) throws Exception {
        cluster.startJettySolrRunner(nodes.get(index));
        cluster.waitForNode(nodes.get(index), WAIT_SECONDS);
        collections.forEach(this::waitForActive);
    }

    /**
     * Stops ZooKeeper, as a lost ZooKeeper ensemble would: the nodes go on answering queries from the cluster state
     * they hold, and refuse every update.
     *
     * @throws Exception if ZooKeeper does not stop
     */
    public void stopZooKeeper() throws Exception {
        zookeeper.shutdown();
    }

    /**
     * Starts ZooKeeper again on its port with the data it had, and waits until the running nodes have reconnected
     * and every replica is active.
     *
     * @throws Exception if it does not start
     */
    public void startZooKeeper() throws Exception {
        zookeeper.run(false);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        for (JettySolrRunner node : nodes) {
            while (node.isRunning() && !node.getCoreContainer().getZkController().getZkClient().isConnected()) {
                if (System.nanoTime() > until) {
                    throw new IOException(node.getBaseUrl() + " did not reconnect to ZooKeeper");
                }
                Thread.sleep(200);
            }
        }
        collections.forEach(this::waitForActive);
    }

    /**
     * Stops the nodes, then ZooKeeper.
     *
     * @throws Exception if one of them does not stop
     */
    @Override
    public void close() throws Exception {
        try {
            cluster.shutdown();
        } finally {
            zookeeper.shutdown();
        }
    }
}
