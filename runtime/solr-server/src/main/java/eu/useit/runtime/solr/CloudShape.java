/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.runtime.solr;

/**
 * How a local SolrCloud is laid out: its nodes, the shards and replicas of every collection, and its ports.
 *
 * @param nodes     how many Solr nodes
 * @param shards    shards per collection
 * @param replicas  replicas per shard (each on another node where there are enough)
 * @param firstPort the first node's port (the others follow it, ZooKeeper listens 1000 above it, as
 *                  {@code bin/solr -c} does), or 0 for free ports everywhere
 */
public record CloudShape(int nodes, int shards, int replicas, int firstPort) {

    /**
     * @param nodes     how many Solr nodes
     * @param shards    shards per collection
     * @param replicas  replicas per shard
     * @param firstPort the first node's port, or 0
     * @throws IllegalArgumentException naming the value that cannot be
     */
    public CloudShape {
        if (nodes < 1 || shards < 1 || replicas < 1) {
            throw new IllegalArgumentException("nodes, shards and replicas must be at least 1 (" + nodes + ", "
                                                   + shards + ", " + replicas + ")");
        }
        if (replicas > nodes) {
            throw new IllegalArgumentException(replicas + " replicas of a shard need as many nodes, not " + nodes);
        }
        if (firstPort < 0 || firstPort + nodes > 65535 - 1000) {
            throw new IllegalArgumentException("port " + firstPort + ": not a port that leaves room for "
                                                   + nodes + " nodes and ZooKeeper 1000 above");
        }
    }

    /**
     * @param index a node's place, from 0
     * @return its port (0: any free one)
     */
    public int nodePort(int index) {
        return firstPort == 0 ? 0 : firstPort + index;
    }

    /**
     * @return how many replicas of one collection a node holds at most, when they are spread evenly
     */
    public int replicasPerNode() {
        return (shards * replicas + nodes - 1) / nodes;
    }

    /**
     * @return ZooKeeper's port (0: any free one)
     */
    public int zookeeperPort() {
        return firstPort == 0 ? 0 : firstPort + 1000;
    }
}
