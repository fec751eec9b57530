/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.runtime;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;

import org.dspace.servicemanager.config.DSpaceConfigurationService;

/**
 * The runnable USE-IT! repository: the project's Solr server, DSpace 8.1 on an H2 database in the data directory,
 * and DSpace's web layer. Started by {@code ./useit run}; Ctrl-C stops everything it started, and a restart keeps
 * the data.
 * <p>
 * Settings (JVM system properties; also read from the environment as USEIT_DATA_DIR, USEIT_PORT, ...):
 * <ul>
 *   <li>{@code useit.data.dir} — data directory (default {@code ./data})</li>
 *   <li>{@code useit.port}, {@code useit.address} — web server (default 8080 on 127.0.0.1)</li>
 *   <li>{@code useit.solr.port} — port of the project's Solr server (default 8983)</li>
 *   <li>{@code solr.server} — an external Solr: when set, the project's Solr server is not started</li>
 *   <li>{@code db.url}, {@code db.driver}, {@code db.dialect}, {@code db.username}, {@code db.password},
 *       {@code db.schema} — another database, e.g. PostgreSQL</li>
 * </ul>
 */
public final class Repository implements AutoCloseable {

    /** The base home's dspace.server.url (runtime/home/config/dspace.cfg). */
    private static final String DEFAULT_SERVER_URL = "http://127.0.0.1:8080/server";

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private RuntimeHome home;
    private DSpaceRuntime dspace;
    private WebServer web;
    private String solrUrl;
    private SolrServer solr;
    private Path adminLogin;

    /**
     * Starts everything, in order, and stops what was already started if a later step fails.
     *
     * @param settings where the repository lives and listens
     * @param out      where progress is reported
     * @return this repository, running
     * @throws StartupException naming the setting at fault
     */
    public Repository start(RuntimeSettings settings, PrintStream out) {
        try {
            started.push(RunLock.acquire(settings.dataDir()));
            // commands beside this repository wait for its Solr server, not the one of its last run, and after
            // it stops find none
            RuntimeHome published = RuntimeHome.existing(settings.dataDir());
            published.publishSolrUrl(null, false);
            started.push(() -> published.publishSolrUrl(null, false));
            int port = settings.port() != 0 ? settings.port() : WebServer.freePort(settings.address());
            startKernel(settings, out, false, WebServer.serverUrl(settings.address(), port));
            out.println("Starting the web server ...");
            web = WebServer.start(dspace, settings.address(), port);
            started.push(web);
            home.publishServerUrl(dspace.configuration().getProperty("dspace.server.url"));
            // what DSpace, H2 and the logs made while starting: for the owner only, whatever the umask
            home.restrict();
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Starts what a DSpace command needs (Solr and the kernel, no web server), quietly. If the repository is
     * running, its Solr server is used and its database shared.
     *
     * @param settings where the repository lives
     * @return this repository, ready for a command
     * @throws StartupException naming the setting at fault
     */
    public Repository startForCommand(RuntimeSettings settings) {
        try {
            startKernel(settings, null, true, null);
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * @param command   whether this is a command's kernel (no web server)
     * @param serverUrl where this repository's web layer will listen, or null for a command (which takes the
     *                  running repository's, so that the addresses it writes, such as dc.identifier.uri, are right)
     */
    private void startKernel(RuntimeSettings settings, PrintStream out, boolean command, String serverUrl) {
        // a command beside a running repository must not touch its files: DSpace would see its configuration change
        boolean beside = command && RunLock.running(settings.dataDir());
        home = beside ? RuntimeHome.existing(settings.dataDir())
            : RuntimeHome.install(settings.homeTemplate(), settings.dataDir());
        EmbeddedDatabase.secure(home.dspaceDir());
        usePublicUrl(serverUrl != null ? serverUrl : home.publishedServerUrl());
        solrUrl = settings.externalSolr();
        if (solrUrl == null && beside) {
            solrUrl = runningRepositorysSolr(settings);
        }
        if (solrUrl == null) {
            solrUrl = startSolr(settings, out);
        }
        if (!command) {
            home.publishSolrUrl(solrUrl, solr != null);
        }
        System.setProperty("solr.server", solrUrl);
        if (command) {
            // a command's beans are those of [dspace]/bin/dspace, not the REST API's
            System.setProperty(CommandSpringLoader.SETTING, CommandSpringLoader.class.getName());
        }
        say(out, "Starting DSpace 8.1 kernel on " + home.dspaceDir() + " ...");
        dspace = DSpaceRuntime.boot(home.dspaceDir());
        started.push(dspace);
        try {
            adminLogin = LocalAdministrator.ensure(home.dspaceDir());
        } catch (Exception e) {
            throw new StartupException("useit.admin.email: cannot create the local administrator: "
                                           + StartupException.rootMessage(e), e);
        }
    }

    /**
     * The Solr server the repository running on the data directory said it uses (in its owner-only data directory),
     * never whatever answers on a port: another local user's Solr there would receive every index document.
     */
    private String runningRepositorysSolr(RuntimeSettings settings) {
        RuntimeHome.PublishedSolr published = home.publishedSolr();
        if (published == null) {
            throw new StartupException("useit.data.dir=" + settings.dataDir() + ": the repository running on this "
                                           + "data directory has not started its Solr server yet; run the command "
                                           + "once it has started");
        }
        // the project's Solr server may have stopped and another program taken its port since (a server chosen by
        // solr.server is the administrator's to answer for)
        if (published.own()) {
            String served = SolrServer.solrHome(published.url());
            if (served == null || !sameFolder(served, home.solrHome())) {
                throw new StartupException("useit.data.dir=" + settings.dataDir() + ": the Solr server of the "
                                               + "repository running on this data directory (" + published.url()
                                               + ") " + (served == null ? "does not answer" : "serves another Solr "
                                               + "home") + "; restart the repository, then run the command");
            }
        }
        return published.url();
    }

    private static boolean sameFolder(String path, Path folder) {
        try {
            return Files.isSameFile(Path.of(path), folder);
        } catch (IOException | InvalidPathException e) {
            return false;
        }
    }

    /**
     * Starts the project's Solr server on the data directory's Solr home; a port where another server answers is
     * refused rather than shared.
     */
    private String startSolr(RuntimeSettings settings, PrintStream out) {
        if (SolrServer.answers(settings.solrPort())) {
            throw new StartupException("useit.solr.port=" + settings.solrPort() + ": another Solr server already "
                                           + "answers on 127.0.0.1:" + settings.solrPort() + " (not a repository "
                                           + "running on this data directory); stop it or choose another port");
        }
        say(out, "Starting Solr 8.11 (port " + settings.solrPort() + ") ...");
        solr = SolrServer.start(settings.solrLib(), home.solrHome(), settings.solrPort(),
                                home.logDir().resolve("solr.log"));
        started.push(solr);
        return solr.baseUrl();
    }

    /**
     * While {@code dspace.server.url} is the base home's default, the public URL is where the web server listens (a
     * port chosen by setting or at start); a site's own setting (local.cfg, -D, environment) is kept. Set before
     * DSpace starts, so every address DSpace derives from it (handles, OAI-PMH, file links) agrees.
     */
    private void usePublicUrl(String serverUrl) {
        if (serverUrl == null || System.getProperty("dspace.server.url") != null) {
            return;
        }
        String configured = new DSpaceConfigurationService(home.dspaceDir().toString())
            .getProperty("dspace.server.url");
        if (DEFAULT_SERVER_URL.equals(configured)) {
            System.setProperty("dspace.server.url", serverUrl);
        }
    }

    private static void say(PrintStream out, String line) {
        if (out != null) {
            out.println(line);
        }
    }

    /**
     * @return the running DSpace
     */
    public DSpaceRuntime dspace() {
        return dspace;
    }

    /**
     * @return the base URL of the Solr server DSpace uses
     */
    public String solrUrl() {
        return solrUrl;
    }

    /**
     * @return the project's Solr server this repository started, or null when it uses another (or a running one)
     */
    public SolrServer solrServer() {
        return solr;
    }

    /**
     * @return the running web server
     */
    public WebServer web() {
        return web;
    }

    /**
     * Stops, in reverse order, everything that was started.
     */
    @Override
    public void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("while stopping: " + StartupException.rootMessage(e));
            }
        }
    }

    /**
     * Runs the repository until Ctrl-C.
     *
     * @param args none
     */
    public static void main(String[] args) {
        RuntimeSettings settings = RuntimeSettings.forMain();
        Path dspaceDir = settings.dataDir().toAbsolutePath().resolve("dspace");
        Repository repository = new Repository();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            repository.close();
            stopped.countDown();
        }, "useit-shutdown"));
        try {
            long start = System.nanoTime();
            repository.start(settings, System.out);
            FirstStart.run(System.out);
            String server = repository.web().serverUrl(settings.address());
            System.out.println();
            System.out.println("USE-IT! repository ready in " + (System.nanoTime() - start) / 1_000_000 + " ms");
            System.out.println("  REST API  " + server + "/api   (HAL browser: " + server + "/)");
            System.out.println("  OAI-PMH   " + server + "/oai/request?verb=Identify   (USE-IT! only: "
                + server + "/oai/useit)");
            System.out.println("  health    " + server + "/actuator/health");
            System.out.println("  Solr      " + StartupException.withoutSecrets(repository.solrUrl()));
            System.out.println("  data      " + settings.dataDir().toAbsolutePath());
            System.out.println("  log       " + dspaceDir.resolve("log/dspace.log"));
            // a second web node of a shared database finds the account made by the first, and no login file
            if (repository.adminLogin != null && Files.exists(repository.adminLogin)) {
                System.out.println("  admin     login in " + repository.adminLogin + " (local use only)");
            }
            System.out.println("Press Ctrl-C to stop.");
            stopped.await();
        } catch (StartupException e) {
            System.err.println("ERROR " + e.getMessage());
            System.exit(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            System.err.println("ERROR first start: " + StartupException.rootMessage(e));
            System.exit(1);
        }
    }
}
