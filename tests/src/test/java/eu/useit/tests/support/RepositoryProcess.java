/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.tests.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import eu.useit.runtime.RuntimeHome;
import org.junit.rules.ExternalResource;
import org.junit.rules.TestRule;

/**
 * The repository as {@code ./useit run} runs it, in a process of its own ({@code eu.useit.runtime.Repository}): its
 * own Solr server, its own data directory and database (a file H2 database; on the PostgreSQL pass the database
 * {@code useit.child.db.url}, emptied when a test starts afresh), reached only over HTTP. It can be stopped and
 * started again on the same data, and DSpace commands can be run beside it ({@code ./useit dspace}).
 *
 * @param dataDir  the data directory
 * @param embedded whether it keeps its embedded database (otherwise the PostgreSQL of {@code useit.child.db.url})
 * @param settings the further JVM options it was started with
 * @param process  its JVM
 * @param log      the file that gets its standard output and error
 * @param server   the server webapp's base URL, e.g. {@code http://127.0.0.1:41234/server}
 */
public record RepositoryProcess(Path dataDir, boolean embedded, List<String> settings, Process process, Path log,
                                String server) implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final Pattern SERVER = Pattern.compile("REST API\\s+(http://\\S+)/api");

    /**
     * A JUnit rule that stops a test's repository when the test (or, as a class rule, the class) ends.
     *
     * @param current the repository the test holds at that moment (read then, so a restart is followed)
     * @return the rule
     */
    public static TestRule stopAfter(Supplier<RepositoryProcess> current) {
        return new ExternalResource() {
            @Override
            protected void after() {
                RepositoryProcess process = current.get();
                if (process != null) {
                    process.close();
                }
            }
        };
    }

    /**
     * Starts a repository on an empty data directory (and, on the PostgreSQL pass, an emptied database): the first
     * start creates the USE-IT! structure and loads the sample.
     *
     * @param name     a name for the data directory (below the integration tests' work directory)
     * @param settings further JVM options ({@code -Dname=value})
     * @return the running repository
     * @throws Exception if it does not start
     */
    public static RepositoryProcess startAfresh(String name, String... settings) throws Exception {
        Path dataDir = emptyDataDir(name);
        String url = System.getProperty("useit.child.db.url");
        if (url != null) {
            try (Connection connection = DriverManager.getConnection(url, System.getProperty("useit.child.db.user"),
                                                                     System.getProperty("useit.child.db.password"));
                 Statement reset = connection.createStatement()) {
                reset.execute("DROP SCHEMA public CASCADE");
                reset.execute("CREATE SCHEMA public");
                reset.execute("CREATE EXTENSION IF NOT EXISTS pgcrypto");
            }
        }
        return start(dataDir, false, List.of(settings));
    }

    /**
     * Starts a repository on an empty data directory with its embedded database (H2), on every pass.
     *
     * @param name     a name for the data directory
     * @param settings further JVM options
     * @return the running repository
     * @throws Exception if it does not start
     */
    public static RepositoryProcess startEmbedded(String name, String... settings) throws Exception {
        return start(emptyDataDir(name), true, List.of(settings));
    }

    private static Path emptyDataDir(String name) {
        Path dataDir = Path.of(System.getProperty("useit.work.dir", "target/it-work")).resolveSibling(name);
        RuntimeHome.delete(dataDir);
        return dataDir;
    }

    /**
     * Starts a second web node of this repository: a data directory of its own, and this one's database (its
     * embedded H2 through H2's automatic server, or the pass's PostgreSQL) and file store. What the two must also
     * share (the Solr, the token secret) is in the settings.
     *
     * @param name     a name for the second node's data directory
     * @param settings further JVM options
     * @return the second node, running
     * @throws Exception if it does not start
     */
    public RepositoryProcess beside(String name, String... settings) throws Exception {
        List<String> all = new ArrayList<>();
        all.add("-Dassetstore.dir=" + dataDir.resolve("dspace/assetstore").toAbsolutePath());
        if (embedded || System.getProperty("useit.child.db.url") == null) {
            // the runtime home's db.url (config/dspace.cfg), on this node's database file
            Path database = dataDir.resolve("dspace/database/useit").toAbsolutePath();
            all.add("-Ddb.url=jdbc:h2:file:" + database
                        + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000;NON_KEYWORDS=VALUE;TRACE_LEVEL_FILE=0");
            all.add("-Ddb.password=" + Files.readString(database.resolveSibling("useit.password")).strip());
        }
        all.addAll(List.of(settings));
        return start(emptyDataDir(name), embedded, all);
    }

    /**
     * Stops this repository and starts it again on the same data, with other JVM options if wanted.
     *
     * @param settings the JVM options of the new run ({@code -Dname=value})
     * @return the repository, running again
     * @throws Exception if it does not stop or start
     */
    public RepositoryProcess restart(String... settings) throws Exception {
        close();
        return start(dataDir, embedded, List.of(settings));
    }

    private static RepositoryProcess start(Path dataDir, boolean embedded, List<String> settings)
        throws Exception {
        Files.createDirectories(dataDir.getParent());
        Path output = dataDir.resolveSibling(dataDir.getFileName() + "-" + System.currentTimeMillis() + ".out");
        Process process = new ProcessBuilder(command("eu.useit.runtime.Repository", dataDir, embedded, settings))
            .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            String text = Files.readString(output, StandardCharsets.UTF_8);
            Matcher server = SERVER.matcher(text);
            if (text.contains("USE-IT! repository ready") && server.find()) {
                return new RepositoryProcess(dataDir, embedded, settings, process, output, server.group(1));
            }
            if (!process.isAlive()) {
                throw new AssertionError("the repository stopped while starting (exit " + process.exitValue()
                                             + "):\n" + text);
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new AssertionError("the repository did not start within " + START_TIMEOUT + ":\n"
                                     + Files.readString(output, StandardCharsets.UTF_8));
    }

    /**
     * @param main     the main class
     * @param dataDir  the data directory
     * @param embedded whether it keeps its embedded database (otherwise the PostgreSQL of
     *                 {@code useit.child.db.url}, when set)
     * @param settings further JVM options
     * @return the command line of a launcher JVM, as {@code ./useit} makes it
     */
    static List<String> command(String main, Path dataDir, boolean embedded, List<String> settings) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx1g");
        List<String> options = childJavaOptions();
        command.addAll(options);
        if (!options.isEmpty()) {
            command.add("-Duseit.solr.java.opts=" + String.join(" ", options));
        }
        command.add("-Duseit.data.dir=" + dataDir);
        command.add("-Duseit.home.template=" + System.getProperty("useit.home.template"));
        command.add("-Duseit.solr.lib=" + System.getProperty("useit.solr.lib"));
        command.add("-Duseit.sample=" + System.getProperty("useit.sample"));
        command.add("-Duseit.port=0");
        command.add("-Duseit.solr.port=0");
        String url = System.getProperty("useit.child.db.url");
        if (url != null && !embedded) {
            command.add("-Ddb.url=" + url);
            command.add("-Ddb.driver=org.postgresql.Driver");
            command.add("-Ddb.dialect=org.dspace.util.DSpacePostgreSQLDialect");
            command.add("-Ddb.username=" + System.getProperty("useit.child.db.user"));
            command.add("-Ddb.password=" + System.getProperty("useit.child.db.password"));
            command.add("-Ddb.schema=public");
        }
        command.addAll(settings);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main);
        return command;
    }

    /**
     * The JVM options the integration tests give every JVM they start, the Solr servers the repositories start
     * included ({@code useit.child.java.opts}, set in
     * {@code tests/pom.xml}; none for the benchmarks, whose numbers must be a site's): options that change how fast a
     * JVM starts, not what it does.
     *
     * @return the options, none when the property is not set
     */
    public static List<String> childJavaOptions() {
        String options = System.getProperty("useit.child.java.opts", "").strip();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }

    /**
     * Runs a DSpace command beside the repository, as {@code ./useit dspace <command>} does.
     *
     * @param args the command and its arguments
     * @return its exit status and output
     * @throws Exception if it cannot be run or takes more than five minutes
     */
    public LauncherProcess.Outcome dspace(String... args) throws Exception {
        List<String> command = command("eu.useit.runtime.DSpaceCommand", dataDir, embedded, settings);
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dataDir.getParent(), "command", ".out");
        Path err = Files.createTempFile(dataDir.getParent(), "command", ".err");
        Process running = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                                                     .start();
        running.getOutputStream().close();
        if (!running.waitFor(5, TimeUnit.MINUTES)) {
            running.destroyForcibly();
            throw new AssertionError("dspace " + String.join(" ", args) + " did not end within five minutes");
        }
        return new LauncherProcess.Outcome(running.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                                           Files.readString(err, StandardCharsets.UTF_8));
    }

    /**
     * Starts a DSpace command beside the repository, as {@code ./useit dspace <command>} does, and returns at once.
     *
     * @param output the file that gets its standard output and error
     * @param args   the command and its arguments
     * @return the command's process
     * @throws Exception if it cannot be started
     */
    public Process dspaceStarted(Path output, String... args) throws Exception {
        List<String> command = command("eu.useit.runtime.DSpaceCommand", dataDir, embedded, settings);
        command.addAll(List.of(args));
        Process running = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                                                     .start();
        running.getOutputStream().close();
        return running;
    }

    private Optional<String> solrPort() throws IOException {
        Matcher solr = Pattern.compile("Solr\\s+http://127\\.0\\.0\\.1:(\\d+)/solr")
                              .matcher(Files.readString(log, StandardCharsets.UTF_8));
        return solr.find() ? Optional.of(solr.group(1)) : Optional.empty();
    }

    /**
     * @return the base URL of the repository's own Solr server, e.g. {@code http://127.0.0.1:8983/solr}
     * @throws IOException if the repository's output cannot be read
     */
    public String solr() throws IOException {
        return "http://127.0.0.1:" + solrPort().orElseThrow(() -> new AssertionError("no Solr port in the output"))
            + "/solr";
    }

    /**
     * @return the repository's JVM (for its CPU time and its child, the project's Solr server)
     */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    /**
     * @return what the repository printed so far
     * @throws IOException if it cannot be read
     */
    public String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /**
     * @return a REST client logged in as the repository's administrator (from its {@code admin-login.txt})
     * @throws IOException if the login file cannot be read
     */
    public RestClient administrator() throws IOException {
        Map<String, String> login = administratorLogin();
        return RestClient.login(server, login.get("email"), login.get("password"));
    }

    /**
     * @param server another web node of this repository (sharing its database)
     * @return a REST client logged in there as this repository's administrator
     * @throws IOException if the login file cannot be read
     */
    public RestClient administratorAt(String server) throws IOException {
        Map<String, String> login = administratorLogin();
        return RestClient.login(server, login.get("email"), login.get("password"));
    }

    /**
     * @return the repository administrator's e-mail address (from its {@code admin-login.txt})
     * @throws IOException if the login file cannot be read
     */
    public String administratorEmail() throws IOException {
        return administratorLogin().get("email");
    }

    private Map<String, String> administratorLogin() throws IOException {
        return Files.readAllLines(dataDir.resolve("dspace/admin-login.txt")).stream()
            .filter(line -> line.contains(": ")).collect(Collectors.toMap(line -> line.split(": ", 2)[0],
                                                                          line -> line.split(": ", 2)[1]));
    }

    /**
     * Stops the repository as Ctrl-C does, and waits for it.
     */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
