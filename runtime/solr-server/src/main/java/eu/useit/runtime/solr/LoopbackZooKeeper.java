/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.runtime.solr;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;

import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.cloud.ZkTestServer;
import org.apache.solr.common.cloud.SolrZkClient;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.server.ServerCnxnFactory;
import org.apache.zookeeper.server.ZKDatabase;
import org.apache.zookeeper.server.ZooKeeperServer;
import org.apache.zookeeper.server.persistence.FileTxnSnapLog;

/**
 * The ZooKeeper of the local SolrCloud: ZooKeeper's own server, listening on the loopback address only. Solr's test
 * server ({@link ZkTestServer}), the type {@link MiniSolrCloudCluster} takes, binds every network interface of the
 * machine; this class keeps that type for the cluster and replaces how it runs. Its data stays in its folder between
 * a stop and a start, so that the nodes find their cluster again.
 */
final class LoopbackZooKeeper extends ZkTestServer {

    /** ZooKeeper's tick and session bounds, as Solr's test server sets them. */
    private static final int TICK_MILLIS = 1000;
    private static final int MIN_SESSION_MILLIS = 3000;
    private static final int MAX_SESSION_MILLIS = 90_000;

    /** How many connections one client address may hold (the nodes and the cluster's clients share 127.0.0.1). */
    private static final int MAX_CONNECTIONS_PER_ADDRESS = 200;

    /** 127.0.0.1, also where IPv6 is preferred (the nodes are given this address). */
    private static final InetAddress LOOPBACK = loopback();

    private final Path folder;
    private final int port;
    /** All three null while stopped. */
    private FileTxnSnapLog files;
    private ZooKeeperServer server;
    private ServerCnxnFactory connections;

    /**
     * @param folder where ZooKeeper keeps its snapshots and transaction log
     * @param port   the loopback port it listens on (not 0: the nodes find it there after a restart)
     * @throws Exception if Solr's test server refuses the settings
     */
    LoopbackZooKeeper(Path folder, int port) throws Exception {
        super(folder, port);
        this.folder = folder;
        this.port = port;
    }

    /**
     * Starts ZooKeeper with an empty {@code /solr} znode, the cluster's root.
     */
    @Override
    public void run() throws IOException, InterruptedException {
        run(true);
    }

    /**
     * Starts ZooKeeper on 127.0.0.1 with the data of its folder.
     *
     * @param solrRoot whether to make the cluster's root znode {@code /solr} (a first start)
     */
    @Override
    public synchronized void run(boolean solrRoot) throws IOException, InterruptedException {
        if (server != null) {
            throw new IllegalStateException("ZooKeeper on port " + port + " is already running");
        }
        files = new FileTxnSnapLog(folder.toFile(), folder.toFile());
        server = new ZooKeeperServer(files, TICK_MILLIS, null);
        server.setMinSessionTimeout(MIN_SESSION_MILLIS);
        server.setMaxSessionTimeout(MAX_SESSION_MILLIS);
        try {
            connections = ServerCnxnFactory.createFactory(new InetSocketAddress(LOOPBACK, port),
                                                          MAX_CONNECTIONS_PER_ADDRESS);
            connections.startup(server);
            if (solrRoot) {
                try (SolrZkClient client = new SolrZkClient(getZkHost(), TIMEOUT)) {
                    client.makePath("/solr", false, true);
                }
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            shutdown();
            throw e;
        } catch (KeeperException e) {
            shutdown();
            throw new IOException("ZooKeeper on port " + port + " refused the znode /solr", e);
        }
    }

    /**
     * Stops ZooKeeper; its data stays in its folder. Nothing happens when it is not running.
     */
    @Override
    public synchronized void shutdown() throws IOException {
        if (server == null) {
            return;
        }
        ZooKeeperServer stopped = server;
        ServerCnxnFactory listening = connections;
        FileTxnSnapLog written = files;
        server = null;
        connections = null;
        files = null;
        try {
            if (listening != null) {
                listening.shutdown();
            }
            stopped.shutdown();
        } finally {
            ZKDatabase data = stopped.getZKDatabase();
            if (data != null) {
                data.close(); // closes the files too
            } else {
                written.close();
            }
        }
    }

    /**
     * Not offered: this server has no clients or sessions of Solr's test server.
     */
    @Override
    public void expire(long sessionId) {
        throw new UnsupportedOperationException("LoopbackZooKeeper does not expire sessions");
    }

    /**
     * Not offered: this server has no client of Solr's test server.
     */
    @Override
    public SolrZkClient getZkClient() {
        throw new UnsupportedOperationException("LoopbackZooKeeper has no client of its own");
    }

    @Override
    public int getPort() {
        return port;
    }

    @Override
    public String getZkHost() {
        return LOOPBACK.getHostAddress() + ":" + port;
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
