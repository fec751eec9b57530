/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.runtime.solr;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.apache.solr.client.solrj.embedded.JettyConfig;
import org.apache.solr.client.solrj.embedded.JettySolrRunner;

/**
 * Runs a standalone Solr 8.11 HTTP server (Jetty, context {@code /solr}) on a Solr home whose sub-folders are
 * cores. It is started by the launcher in a JVM of its own and lives exactly as long as its parent: when its
 * standard input closes (the parent stopped or died), it stops Solr and exits, so no orphan keeps a core's
 * {@code write.lock}.
 * <p>
 * Usage: {@code SolrMain <solr home> <port> [host]}; prints {@value #READY} and the port once cores are loaded.
 */
public final class SolrMain {

    /** The line printed on standard output once Solr answers, followed by a space and the port. */
    public static final String READY = "USEIT-SOLR-READY";

    private SolrMain() {
    }

    /**
     * Starts Solr and blocks until standard input reaches end of file.
     *
     * @param args solr home, port (0 for any free port), optional bind host (default 127.0.0.1)
     * @throws Exception if Solr cannot start
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: SolrMain <solr home> <port> [host]");
            System.exit(2);
        }
        Path home = Paths.get(args[0]).toAbsolutePath();
        if (!Files.isRegularFile(home.resolve("solr.xml"))) {
            System.err.println("solr home " + home + " has no solr.xml");
            System.exit(2);
        }
        int port = Integer.parseInt(args[1]);
        String host = args.length > 2 ? args[2] : "127.0.0.1";
        JettyConfig config = JettyConfig.builder()
                                        .setHost(host)
                                        .setPort(port)
                                        .setContext("/solr")
                                        .stopAtShutdown(true)
                                        .waitForLoadingCoresToFinish(120_000L)
                                        .build();
        JettySolrRunner solr = new JettySolrRunner(home.toString(), config);
        try {
            solr.start();
        } catch (Throwable e) {
            // Jetty's threads would keep a half-started server alive: report and leave.
            e.printStackTrace();
            System.exit(1);
        }
        System.out.println(READY + " " + solr.getLocalPort());
        System.out.flush();
        waitForEndOfInput(System.in);
        solr.stop();
        System.exit(0);
    }

    private static void waitForEndOfInput(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // nothing to do: the parent never writes, it only closes
            }
        } catch (IOException e) {
            // the pipe broke: the parent is gone
        }
    }
}
