/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.runtime;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The project's Solr 8.11 server, run as a child JVM ({@code eu.useit.runtime.solr.SolrMain}) on a loopback port.
 * The child stops by itself when this JVM goes away (it watches its standard input), and {@link #close()} stops
 * it at once.
 */
public final class SolrServer implements AutoCloseable {

    private static final String MAIN_CLASS = "eu.useit.runtime.solr.SolrMain";
    private static final String READY = "USEIT-SOLR-READY ";
    private static final long START_TIMEOUT_SECONDS = 180;

    private final Process process;
    private final int port;
    /** Starts the same server again: the same jars, Solr home, port and log. */
    private final Supplier<SolrServer> again;

    private SolrServer(Process process, int port, Supplier<SolrServer> again) {
        this.process = process;
        this.port = port;
        this.again = again;
    }

    /**
     * Starts this server again, on the same port and Solr home, after it was stopped (as after an outage).
     *
     * @return the running server
     * @throws StartupException if Solr does not come up
     */
    public SolrServer startAgain() {
        return again.get();
    }

    /**
     * Starts Solr and waits until its cores are loaded.
     *
     * @param libDir   folder holding the Solr server's jars (runtime/solr-server/target/lib)
     * @param solrHome Solr home: solr.xml and one folder per core
     * @param port     port on 127.0.0.1, or 0 for a free one
     * @param logFile  where the child's log goes
     * @return the running server
     * @throws StartupException if the jars are missing or Solr does not come up
     */
    public static SolrServer start(Path libDir, Path solrHome, int port, Path logFile) {
        if (libDir == null || !Files.isDirectory(libDir)) {
            throw new StartupException("useit.solr.lib=" + libDir
                                           + ": no Solr server jars there (build runtime/solr-server first)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + System.getProperty("useit.solr.heap", "1g"));
        String options = System.getProperty("useit.solr.java.opts", "").strip();
        if (!options.isEmpty()) {
            command.addAll(List.of(options.split("\\s+")));
        }
        command.add("-Dsolr.install.dir=" + solrHome);
        command.add("-Dsolr.log.dir=" + logFile.getParent());
        command.add("-cp");
        command.add(libDir.toAbsolutePath() + File.separator + "*");
        command.add(MAIN_CLASS);
        command.add(solrHome.toAbsolutePath().toString());
        command.add(Integer.toString(port));
        try {
            Files.createDirectories(logFile.getParent());
            Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
            int actualPort = awaitReady(process, logFile);
            return new SolrServer(process, actualPort, () -> start(libDir, solrHome, actualPort, logFile));
        } catch (IOException e) {
            throw new StartupException("useit.solr.lib=" + libDir + ": cannot start Solr: "
                                           + StartupException.rootMessage(e), e);
        }
    }

    private static int awaitReady(Process process, Path logFile) {
        BufferedReader out = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Integer> ready = CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith(READY)) {
                        return Integer.parseInt(line.substring(READY.length()).trim());
                    }
                }
                return -1;
            } catch (IOException e) {
                return -1;
            }
        });
        try {
            int port = ready.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (port > 0) {
                return port;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // reported below
        }
        process.destroyForcibly();
        throw new StartupException("solr.server: the project's Solr server did not start; see " + logFile
                                       + " (" + lastLine(logFile) + ")");
    }

    private static String lastLine(Path logFile) {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                String line = lines.get(i).strip();
                if (line.contains("Exception") || line.contains("ERROR")) {
                    return line;
                }
            }
            return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1);
        } catch (IOException e) {
            return "no log";
        }
    }

    /**
     * @param port a loopback port
     * @return true if a Solr server answers there (for example the running repository's)
     */
    public static boolean answers(int port) {
        if (port <= 0) {
            return false;
        }
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(
                "http://127.0.0.1:" + port + "/solr/admin/info/system?wt=json").toURL().openConnection();
            connection.setConnectTimeout(2000);
            connection.setReadTimeout(5000);
            return connection.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * @param baseUrl a Solr server's base URL, e.g. {@code http://127.0.0.1:8983/solr}
     * @return the Solr home it says it serves ({@code solr_home} of its system information); null when nothing
     *         answers there as a Solr server does
     */
    public static String solrHome(String baseUrl) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(baseUrl + "/admin/info/system?wt=json")
                                                                  .toURL().openConnection();
            // a busy server (a long commit, a garbage collection) is given time to answer
            connection.setConnectTimeout(2000);
            connection.setReadTimeout(30_000);
            try {
                if (connection.getResponseCode() != 200) {
                    return null;
                }
                try (InputStream in = connection.getInputStream()) {
                    JsonNode home = new ObjectMapper().readTree(in).path("solr_home");
                    return home.isTextual() ? home.asText() : null;
                }
            } finally {
                connection.disconnect();
            }
        } catch (IOException | IllegalArgumentException | ClassCastException e) {
            return null;
        }
    }

    /**
     * @return the base URL to give DSpace as {@code solr.server}, e.g. {@code http://127.0.0.1:8983/solr}
     */
    public String baseUrl() {
        return "http://127.0.0.1:" + port + "/solr";
    }

    /**
     * Stops Solr: closing its standard input lets it shut down cleanly; it is killed if it lingers.
     */
    @Override
    public void close() {
        stopChild(process, 20);
    }

    /**
     * Stops a child JVM that ends when its standard input does (a Solr server, a local SolrCloud): closes the
     * input, waits, and kills the child if it lingers.
     *
     * @param child   the child process
     * @param seconds how long it may take to stop cleanly
     */
    public static void stopChild(Process child, int seconds) {
        try {
            child.getOutputStream().close();
            if (!child.waitFor(seconds, TimeUnit.SECONDS)) {
                child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            child.destroyForcibly();
        } catch (InterruptedException e) {
            child.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
