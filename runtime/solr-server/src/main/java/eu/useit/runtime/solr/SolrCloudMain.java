/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.runtime.solr;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Runs a {@link LocalSolrCloud} until standard input ends ({@code ./useit solrcloud}, and the cluster tests).
 * <p>
 * Usage: {@code SolrCloudMain <configsets> <work folder> <first port> [nodes shards replicas]} (default 3 nodes,
 * 2 shards, 2 replicas). Once every collection is active it prints {@value #READY}, {@code zk=<address>} and
 * {@code nodes=<url>,<url>,...} on one line. Lines read from standard input: {@code stop <n>} and
 * {@code start <n>} (n from 1) stop and start a node, {@code stop zookeeper} and {@code start zookeeper} stop and
 * start ZooKeeper; each is answered by {@code OK <line>} or
 * {@code ERROR <line>: <reason>}. End of input stops the cloud.
 */
public final class SolrCloudMain {

    /** The first word of the line printed once the cloud is ready. */
    public static final String READY = "USEIT-SOLRCLOUD-READY";

    private SolrCloudMain() {
    }

    /**
     * @param args configsets folder, work folder, first port, optional nodes, shards and replicas
     */
    public static void main(String[] args) {
        CloudShape shape;
        try {
            if (args.length != 3 && args.length != 6) {
                throw new IllegalArgumentException(
                    "usage: SolrCloudMain <configsets> <work folder> <first port> [nodes shards replicas]");
            }
            shape = args.length == 3 ? new CloudShape(3, 2, 2, Integer.parseInt(args[2]))
                : new CloudShape(Integer.parseInt(args[3]), Integer.parseInt(args[4]), Integer.parseInt(args[5]),
                                 Integer.parseInt(args[2]));
        } catch (IllegalArgumentException e) {
            System.err.println("solrcloud: " + e.getMessage());
            System.exit(2);
            return;
        }
        LocalSolrCloud cloud;
        try {
            cloud = LocalSolrCloud.start(shape, Path.of(args[0]).toAbsolutePath(), Path.of(args[1]).toAbsolutePath());
        } catch (Exception e) {
            System.err.println("solrcloud: did not start: " + e);
            System.exit(1);
            return;
        }
        System.out.println(READY + " zk=" + cloud.zookeeperAddress() + " nodes=" + String.join(",", cloud.nodeUrls()));
        System.out.println("A repository uses it with -Dsolr.server=" + cloud.nodeUrls().get(0)
                               + " (in USEIT_JAVA_OPTS). Type 'stop <n>' or 'start <n>' for a node; Ctrl-D stops all.");
        System.out.flush();
        serve(cloud);
        try {
            cloud.close();
        } catch (Exception e) {
            System.err.println("solrcloud: while stopping: " + e);
        }
        System.exit(0);
    }

    private static void serve(LocalSolrCloud cloud) {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try {
            String line;
            while ((line = in.readLine()) != null) {
                System.out.println(answer(cloud, line.strip()));
                System.out.flush();
            }
        } catch (IOException e) {
            // the pipe broke: the parent is gone
        }
    }

    private static String answer(LocalSolrCloud cloud, String line) {
        String[] words = line.split("\\s+");
        try {
            if (words.length != 2 || !words[0].equals("stop") && !words[0].equals("start")) {
                throw new IllegalArgumentException("say 'stop <n>', 'start <n>', 'stop zookeeper' or "
                                                       + "'start zookeeper'");
            }
            if (words[1].equals("zookeeper")) {
                if (words[0].equals("stop")) {
                    cloud.stopZooKeeper();
                } else {
                    cloud.startZooKeeper();
                }
                return "OK " + line;
            }
            int node = Integer.parseInt(words[1]);
            if (node < 1 || node > cloud.nodeUrls().size()) {
                throw new IllegalArgumentException("no node " + node + " (1 to " + cloud.nodeUrls().size() + ")");
            }
            if (words[0].equals("stop")) {
                cloud.stopNode(node - 1);
            } else {
                cloud.startNode(node - 1);
            }
            return "OK " + line;
        } catch (Exception e) {
            return "ERROR " + line + ": " + e.getMessage();
        }
    }
}
