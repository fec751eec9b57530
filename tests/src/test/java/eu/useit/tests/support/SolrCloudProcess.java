/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.tests.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import eu.useit.runtime.SolrServer;

/**
 * A local SolrCloud as {@code ./useit solrcloud} starts it ({@code eu.useit.runtime.solr.SolrCloudMain}: ZooKeeper
 * and Solr 8.11 nodes in cloud mode, the runtime's configsets, collections {@code search} and {@code oai}), in a
 * JVM of its own, with nodes that the test can stop and start.
 */
public final class SolrCloudProcess implements AutoCloseable {

    private static final String READY = "USEIT-SOLRCLOUD-READY ";

    private final Process process;
    private final Writer commands;
    private final BlockingQueue<String> lines;
    private final String zookeeper;
    private final List<String> nodes;

    private SolrCloudProcess(Process process, BlockingQueue<String> lines, String ready) {
        this.process = process;
        this.commands = process.outputWriter(StandardCharsets.UTF_8);
        this.lines = lines;
        String[] words = ready.substring(READY.length()).split(" ");
        this.zookeeper = words[0].substring("zk=".length());
        this.nodes = Arrays.asList(words[1].substring("nodes=".length()).split(","));
    }

    /**
     * Starts a cloud of 3 nodes with 2 shards × 2 replicas per collection, on free ports.
     *
     * @param name a name for its folder (below the integration tests' work directory)
     * @return the running cloud
     * @throws Exception if it does not start within three minutes
     */
    public static SolrCloudProcess start(String name) throws Exception {
        Path work = Path.of(System.getProperty("useit.work.dir", "target/it-work")).resolveSibling(name);
        Files.createDirectories(work.getParent());
        Path log = work.resolveSibling(name + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + System.getProperty("useit.solrcloud.heap", "1g"));
        command.addAll(RepositoryProcess.childJavaOptions());
        command.addAll(List.of("-cp", System.getProperty("useit.solr.lib") + "/*",
                               "eu.useit.runtime.solr.SolrCloudMain",
                               Path.of(System.getProperty("useit.home.template"), "solr").toString(), work.toString(),
                               "0"));
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "solrcloud-output");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null && line.startsWith(READY)) {
                return new SolrCloudProcess(process, lines, line);
            }
            if (!process.isAlive() && lines.isEmpty()) {
                break;
            }
        }
        process.destroyForcibly();
        throw new AssertionError("the SolrCloud did not start; see " + log + ":\n" + Files.readString(log));
    }

    /**
     * @return the cloud's JVM (ZooKeeper and every node: for their CPU time)
     */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    /**
     * @return ZooKeeper's address, with Solr's chroot
     */
    public String zookeeper() {
        return zookeeper;
    }

    /**
     * @param number a node's number, from 1
     * @return its base URL, e.g. {@code http://127.0.0.1:41234/solr}
     */
    public String node(int number) {
        return nodes.get(number - 1);
    }

    /**
     * @return the base URLs of all nodes, in order
     */
    public List<String> nodes() {
        return nodes;
    }

    /**
     * Stops a node (its Jetty, so its replicas are down) and waits until it is stopped.
     *
     * @param number the node's number, from 1
     * @throws Exception if the cloud refuses
     */
    public void stop(int number) throws Exception {
        send("stop " + number);
    }

    /**
     * Starts a stopped node again and waits until it has joined.
     *
     * @param number the node's number, from 1
     * @throws Exception if the cloud refuses
     */
    public void start(int number) throws Exception {
        send("start " + number);
    }

    /**
     * Stops ZooKeeper, as a lost ensemble would: the nodes go on answering queries and refuse updates.
     *
     * @throws Exception if the cloud refuses
     */
    public void stopZooKeeper() throws Exception {
        send("stop zookeeper");
    }

    /**
     * Starts ZooKeeper again with its data and waits until every collection is active.
     *
     * @throws Exception if the cloud refuses
     */
    public void startZooKeeper() throws Exception {
        send("start zookeeper");
    }

    private void send(String line) throws Exception {
        commands.write(line + "\n");
        commands.flush();
        String answer = lines.poll(3, TimeUnit.MINUTES);
        // the lines it prints for a person (after the ready line) are not answers
        while (answer != null && !answer.startsWith("OK ") && !answer.startsWith("ERROR ")) {
            answer = lines.poll(3, TimeUnit.MINUTES);
        }
        if (answer == null || !answer.equals("OK " + line)) {
            throw new AssertionError("'" + line + "' was answered: " + answer);
        }
    }

    /**
     * Stops the cloud (end of its standard input), and kills it if it lingers.
     */
    @Override
    public void close() {
        try {
            commands.close();
        } catch (IOException e) {
            // the pipe is gone already: stopChild kills what is left
        }
        SolrServer.stopChild(process, 60);
    }
}
