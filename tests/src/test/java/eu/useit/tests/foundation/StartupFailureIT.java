/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.tests.foundation;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.Assert.assertThrows;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;
import eu.useit.runtime.DSpaceRuntime;
import eu.useit.runtime.RunLock;
import eu.useit.runtime.RuntimeHome;
import eu.useit.runtime.StartupException;
import eu.useit.tests.support.LauncherProcess;
import eu.useit.tests.support.LauncherProcess.Outcome;
import eu.useit.tests.support.RestClient;
import eu.useit.tests.support.TestRepository;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * A misconfigured repository stops at once with one line naming the setting at fault, not a stack trace.
 * Each case runs the real launcher in a JVM of its own, as {@code ./useit run} would.
 */
public class StartupFailureIT {

    private static Path work;

    @BeforeClass
    public static void workDirectory() {
        work = Path.of(System.getProperty("useit.work.dir", "target/it-work")).resolveSibling("startup-failures");
    }

    @Test
    public void unreachableSolrIsNamed() throws Exception {
        Outcome outcome = LauncherProcess.run(work.resolve("no-solr"), "-Dsolr.server=http://127.0.0.1:9/solr");
        assertOneErrorLine(outcome, "ERROR discovery.search.server=http://127.0.0.1:9/solr/search: "
            + "Solr core not reachable");
    }

    @Test
    public void badDatabaseUrlIsNamed() throws Exception {
        Outcome outcome = LauncherProcess.run(work.resolve("bad-db"),
                                              "-Dsolr.server=" + TestRepository.get().solrUrl(),
                                              "-Ddb.url=jdbc:postgresql://127.0.0.1:9/useit?password=hunter22",
                                              "-Ddb.driver=org.postgresql.Driver");
        // the setting is named, but not the password in it: the line goes to consoles and logs
        assertOneErrorLine(outcome, "ERROR db.url=jdbc:postgresql://127.0.0.1:9/useit?password=***: cannot connect");
        assertThat(outcome.stdout() + outcome.stderr(), not(containsString("hunter22")));
    }

    @Test
    public void anOaiCoreWithoutTheAddonsSchemaIsNamed() throws Exception {
        // DSpace's own OAI core has no item.since; the search core stands in for it
        String core = TestRepository.get().solrUrl() + "/search";
        Outcome outcome = withTestSolr("stock-oai-core", "-Doai.solr.url=" + core);
        assertOneErrorLine(outcome, "ERROR oai.solr.url=" + core + ": this core has no field item.since, by which "
            + "USE-IT! orders and pages harvests, so every OAI-PMH list would fail: give it USE-IT!'s configuration "
            + "(runtime/home/solr/oai/conf, which useit-install puts in [dspace]/solr/oai/conf) and an empty index, "
            + "then run useit-reindex -o");
    }

    @Test
    public void anOaiCoreOfAnEarlierReleaseIsNamed() throws Exception {
        // USE-IT!'s own OAI core configuration as an earlier release had it: without item.files
        RestClient solr = RestClient.anonymous(TestRepository.get().solrUrl());
        Path oai = Path.of(solr.get("/admin/cores?action=STATUS&core=oai&wt=json").expect(200).json()
                               .at("/status/oai/instanceDir").asText());
        Path earlier = Files.createTempDirectory(oai.getParent(), "oai-earlier-");
        Files.createDirectories(earlier.resolve("conf"));
        try (Stream<Path> files = Files.list(oai.resolve("conf"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, earlier.resolve("conf").resolve(file.getFileName()));
            }
        }
        Path schema = earlier.resolve("conf/schema.xml");
        String withFiles = Files.readString(schema, StandardCharsets.UTF_8);
        String without = withFiles.replace("<field name=\"item.files\" type=\"ident\" multiValued=\"true\"/>", "");
        assertThat("the field taken out", without.length() < withFiles.length(), is(true));
        Files.writeString(schema, without, StandardCharsets.UTF_8);
        String name = earlier.getFileName().toString();
        solr.get("/admin/cores?action=CREATE&name=" + name + "&instanceDir=" + earlier + "&wt=json").expect(200);
        try {
            String core = TestRepository.get().solrUrl() + "/" + name;
            Outcome outcome = withTestSolr("earlier-oai-core", "-Doai.solr.url=" + core);
            assertOneErrorLine(outcome, "ERROR oai.solr.url=" + core + ": this core has no field item.files, which "
                + "this USE-IT! release writes in every record");
        } finally {
            solr.get("/admin/cores?action=UNLOAD&core=" + name + "&deleteInstanceDir=true&wt=json").expect(200);
        }
    }

    @Test
    public void anOaiNamespaceWithoutADotIsRefused() throws Exception {
        Outcome outcome = withTestSolr("bad-oai", "-Doai.identifier.prefix=localhost");
        assertOneErrorLine(outcome, "ERROR oai.identifier.prefix=localhost: not a domain name with a dot");
    }

    @Test
    public void aShortTokenSecretIsRefusedWithoutShowingIt() throws Exception {
        Outcome outcome = withTestSolr("short-secret", "-Duseit.oai.token.secret=only-19-bytes-long");
        assertOneErrorLine(outcome, "ERROR useit.oai.token.secret is 18 bytes long; it needs at least 32");
        assertThat(outcome.stdout() + outcome.stderr(), not(containsString("only-19-bytes-long")));
    }

    @Test
    public void aCommandWithNoRepositoryRunningTakesNoOtherSolrServer() throws Exception {
        // another local user's server on the port: whatever answers like Solr, and keeps what it is sent
        List<String> requests = new CopyOnWriteArrayList<>();
        HttpServer other = standIn(requests, "{}");
        try {
            int port = other.getAddress().getPort();
            Outcome outcome = LauncherProcess.command(work.resolve("other-solr"), List.of("-Duseit.solr.port=" + port),
                                                      "useit-reindex", "-o");
            assertOneErrorLine(outcome, "ERROR useit.solr.port=" + port + ": another Solr server already answers");
            assertThat(requests, everyItem(startsWith("GET /solr/admin/info/system")));
        } finally {
            other.stop(0);
        }
    }

    @Test
    public void aCommandBesideARepositoryWhoseSolrPortWasTakenUsesNoOtherServer() throws Exception {
        // the running repository's Solr server stopped, and another program answers on its port as Solr does
        List<String> requests = new CopyOnWriteArrayList<>();
        HttpServer other = standIn(requests, "{\"solr_home\":\"/var/solr/data\"}");
        Path dataDir = work.resolve("taken-solr");
        String url = "http://127.0.0.1:" + other.getAddress().getPort() + "/solr";
        try (RunLock running = RunLock.acquire(dataDir)) {
            RuntimeHome.install(Path.of(System.getProperty("useit.home.template")), dataDir).publishSolrUrl(url, true);
            Outcome outcome = LauncherProcess.command(dataDir, List.of(), "useit-reindex", "-o");
            assertOneErrorLine(outcome, "ERROR useit.data.dir=" + dataDir + ": the Solr server of the repository "
                + "running on this data directory (" + url + ") serves another Solr home");
            assertThat(requests, not(empty()));
            assertThat(requests, everyItem(startsWith("GET /solr/admin/info/system")));
        } finally {
            other.stop(0);
        }
    }

    /** A server on a free loopback port that answers every request with {@code json} and records it. */
    private static HttpServer standIn(List<String> requests, String json) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    @Test
    public void missingHomeTemplateIsNamed() throws Exception {
        Outcome outcome = LauncherProcess.run(work.resolve("no-home"), "-Duseit.home.template=/nonexistent/home");
        assertOneErrorLine(outcome, "ERROR useit.home.template=/nonexistent/home: no assembled DSpace home");
    }

    @Test
    public void badPortIsNamed() throws Exception {
        Outcome outcome = LauncherProcess.run(work.resolve("bad-port"), "-Duseit.port=eighty");
        assertOneErrorLine(outcome, "ERROR useit.port=eighty: not a port number");
    }

    @Test
    public void directoryWithoutDSpaceConfigIsNotADSpaceHome() {
        StartupException error = assertThrows(StartupException.class,
                                              () -> DSpaceRuntime.boot(Path.of("/nonexistent/dspace")));
        assertThat(error.getMessage(), is("dspace.dir=/nonexistent/dspace: not a DSpace home (no config/dspace.cfg)"));
    }

    /** A start on a fresh data directory, with the tests' Solr and one more setting. */
    private Outcome withTestSolr(String dataDir, String setting) throws Exception {
        return LauncherProcess.run(work.resolve(dataDir), "-Dsolr.server=" + TestRepository.get().solrUrl(), setting);
    }

    private static void assertOneErrorLine(Outcome outcome, String expectedStart) {
        assertThat(outcome.stderr(), outcome.exitCode(), is(1));
        assertThat(outcome.stderr(), outcome.errorLines(), hasSize(1));
        assertThat(outcome.errorLines().get(0), startsWith(expectedStart));
        assertThat(outcome.stdout() + outcome.stderr(), not(containsString("\tat ")));
    }
}
