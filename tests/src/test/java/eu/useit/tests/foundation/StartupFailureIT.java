/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.tests.foundation;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.Assert.assertThrows;

import java.nio.file.Path;

import eu.useit.runtime.DSpaceRuntime;
import eu.useit.runtime.StartupException;
import eu.useit.tests.support.LauncherProcess;
import eu.useit.tests.support.LauncherProcess.Outcome;
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
                                              "-Ddb.url=jdbc:postgresql://127.0.0.1:9/useit",
                                              "-Ddb.driver=org.postgresql.Driver");
        assertOneErrorLine(outcome, "ERROR db.url=jdbc:postgresql://127.0.0.1:9/useit: cannot connect");
    }

    @Test
    public void anOaiCoreWithoutTheAddonsSchemaIsNamed() throws Exception {
        // DSpace's own OAI core has no item.since; the search core stands in for it
        String core = TestRepository.get().solrUrl() + "/search";
        Outcome outcome = LauncherProcess.run(work.resolve("stock-oai-core"),
                                              "-Dsolr.server=" + TestRepository.get().solrUrl(),
                                              "-Doai.solr.url=" + core);
        assertOneErrorLine(outcome, "ERROR oai.solr.url=" + core + ": this core has no field item.since, by which "
            + "USE-IT! orders and pages harvests, so every OAI-PMH list would fail: give it USE-IT!'s configuration "
            + "(runtime/home/solr/oai/conf, which useit-install puts in [dspace]/solr/oai/conf) and an empty index, "
            + "then run useit-reindex -o");
    }

    @Test
    public void anOaiNamespaceWithoutADotIsRefused() throws Exception {
        Outcome outcome = LauncherProcess.run(work.resolve("bad-oai"),
                                              "-Dsolr.server=" + TestRepository.get().solrUrl(),
                                              "-Doai.identifier.prefix=localhost");
        assertOneErrorLine(outcome, "ERROR oai.identifier.prefix=localhost: not a domain name with a dot");
    }

    @Test
    public void aShortTokenSecretIsRefusedWithoutShowingIt() throws Exception {
        Outcome outcome = LauncherProcess.run(work.resolve("short-secret"),
                                              "-Dsolr.server=" + TestRepository.get().solrUrl(),
                                              "-Duseit.oai.token.secret=only-19-bytes-long");
        assertOneErrorLine(outcome, "ERROR useit.oai.token.secret is 18 bytes long; it needs at least 32");
        assertThat(outcome.stdout() + outcome.stderr(), not(containsString("only-19-bytes-long")));
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

    private static void assertOneErrorLine(Outcome outcome, String expectedStart) {
        assertThat(outcome.stderr(), outcome.exitCode(), is(1));
        assertThat(outcome.stderr(), outcome.errorLines(), hasSize(1));
        assertThat(outcome.errorLines().get(0), startsWith(expectedStart));
        assertThat(outcome.stdout() + outcome.stderr(), not(containsString("\tat ")));
    }
}
