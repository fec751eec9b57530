/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.tests.support;

import java.nio.file.Path;

import eu.useit.runtime.Repository;
import eu.useit.runtime.RuntimeHome;
import eu.useit.runtime.RuntimeSettings;
import eu.useit.runtime.SolrServer;

/**
 * The one repository every integration test in this JVM shares: the project's Solr server, DSpace 8.1 booted on
 * the assembled home, and the web layer on a free loopback port. Started on first use, stopped when the JVM
 * exits. The database is an in-memory H2 unless {@code db.url} is given (the PostgreSQL pass).
 */
public final class TestRepository {

    private static final String H2_MEMORY =
        "jdbc:h2:mem:useit;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000;NON_KEYWORDS=VALUE;TIME ZONE=UTC";

    private static Repository repository;
    private static SolrServer restartedSolr;
    private static long bootMillis;

    private TestRepository() {
    }

    /**
     * @return the running repository, started on the first call
     */
    public static synchronized Repository get() {
        if (repository == null) {
            long start = System.nanoTime();
            Path work = Path.of(RuntimeSettings.get("useit.work.dir", "target/it-work"));
            RuntimeHome.delete(work);
            if (System.getProperty("db.url") == null) {
                System.setProperty("db.url", H2_MEMORY);
            }
            RuntimeSettings defaults = RuntimeSettings.fromSystem();
            RuntimeSettings settings = new RuntimeSettings(defaults.homeTemplate(), defaults.solrLib(), work,
                                                           "127.0.0.1", 0, 0, defaults.externalSolr());
            Repository started = new Repository().start(settings, System.out);
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "useit-test-shutdown"));
            repository = started;
            bootMillis = (System.nanoTime() - start) / 1_000_000;
            System.out.println("USE-IT! test repository up in " + bootMillis + " ms (kernel "
                                   + started.dspace().bootMillis() + " ms)");
        }
        return repository;
    }

    /**
     * @return the project's Solr server the repository uses (started again by a test after an outage, or not)
     */
    public static synchronized SolrServer solrServer() {
        return restartedSolr != null ? restartedSolr : get().solrServer();
    }

    /**
     * @param solr the Solr server a test started again after stopping the repository's (same port, same home)
     */
    public static synchronized void replaceSolrServer(SolrServer solr) {
        if (restartedSolr == null) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> solrServer().close(), "useit-test-solr"));
        }
        restartedSolr = solr;
    }

    /**
     * @return the base URL of the server webapp, e.g. {@code http://127.0.0.1:41234/server}
     */
    public static String serverUrl() {
        return get().web().serverUrl("127.0.0.1");
    }
}
