/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

import eu.useit.dspace.support.SecretFile;
import eu.useit.install.HomeInstall;
import eu.useit.install.InstallException;

/**
 * Lays out a data directory for the runtime from the DSpace home the build made with the installer (the template):
 * <pre>
 *   data/dspace/        the DSpace home: config/ (refreshed from the template at every start, except local.cfg),
 *                       assetstore/, database/, log/ (kept)
 *   data/solr/          the Solr home: solr.xml and one folder per core; conf/ refreshed, index data kept
 * </pre>
 * A restart therefore keeps every item and index while picking up configuration from a newer build.
 */
public final class RuntimeHome {

    private static final String LOCAL_CFG = "local.cfg";
    private static final String SERVER_URL = "server-url";
    private static final String SOLR_URL = "solr-url";
    /** The second line of {@link #SOLR_URL} when the Solr server is the project's own. */
    private static final String OWN = "own";

    private final Path dataDir;

    private RuntimeHome(Path dataDir) {
        this.dataDir = dataDir;
    }

    /**
     * Creates or refreshes the layout.
     *
     * @param template the assembled DSpace home (runtime/launcher/target/dspace-home)
     * @param dataDir  the data directory (created if missing)
     * @return the laid-out home
     * @throws StartupException if the template is missing, the data directory cannot be written, or the install
     *                          refuses its {@code local.cfg} (one that includes {@code useit.cfg})
     */
    public static RuntimeHome install(Path template, Path dataDir) {
        if (template == null || !Files.isRegularFile(template.resolve("config").resolve("dspace.cfg"))) {
            throw new StartupException("useit.home.template=" + template
                                           + ": no assembled DSpace home there (run the Maven build first)");
        }
        RuntimeHome home = new RuntimeHome(dataDir.toAbsolutePath());
        try {
            copyTree(template.resolve("config"), home.dspaceDir().resolve("config"));
            // an administrator's own local.cfg was kept: it gets the addon's settings as a site's would
            mergeSettings(home);
            copyTree(template.resolve("solr"), home.solrHome());
            for (String dir : new String[] {"assetstore", "log", "upload", "var"}) {
                Files.createDirectories(home.dspaceDir().resolve(dir));
            }
            home.restrict();
        } catch (IOException | UncheckedIOException e) {
            throw new StartupException("useit.data.dir=" + dataDir + ": cannot write the data directory: "
                                           + StartupException.rootMessage(e), e);
        }
        return home;
    }

    /** The addon's settings into the home's local.cfg; a local.cfg the install refuses says why, with its path. */
    private static void mergeSettings(RuntimeHome home) {
        try {
            HomeInstall.mergeSettings(home.dspaceDir());
        } catch (InstallException e) {
            throw new StartupException(home.dspaceDir() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The layout of a data directory as it is, for a command beside a running repository: nothing is copied.
     *
     * @param dataDir the data directory
     * @return its layout
     */
    public static RuntimeHome existing(Path dataDir) {
        return new RuntimeHome(dataDir.toAbsolutePath());
    }

    /**
     * Records where the running repository answers, for the commands run beside it.
     *
     * @param serverUrl the server webapp's public URL
     */
    public void publishServerUrl(String serverUrl) {
        publish(SERVER_URL, serverUrl);
    }

    /**
     * @return where the repository last ran on this data directory answered, or null
     */
    public String publishedServerUrl() {
        return published(SERVER_URL);
    }

    /**
     * Records the Solr server the running repository uses, for the commands run beside it; null forgets the last
     * one (a repository starting, whose Solr is not known yet).
     *
     * @param solrUrl the Solr base URL, or null
     * @param own     whether it is the project's Solr server, started by the repository on this data directory's
     *                Solr home (not one chosen by {@code solr.server})
     */
    public void publishSolrUrl(String solrUrl, boolean own) {
        // one file, written whole: a command reading meanwhile finds both facts of one run
        publish(SOLR_URL, solrUrl == null ? null : solrUrl + (own ? "\n" + OWN : ""));
    }

    /**
     * @return the Solr server of the repository running on this data directory, or null if it has not said
     */
    public PublishedSolr publishedSolr() {
        String value = published(SOLR_URL);
        if (value == null) {
            return null;
        }
        String[] lines = value.split("\n");
        return new PublishedSolr(lines[0].strip(), lines.length > 1 && OWN.equals(lines[1].strip()));
    }

    /**
     * The Solr server a running repository uses.
     *
     * @param url its base URL
     * @param own whether it is the project's Solr server, started by the repository on this data directory's Solr
     *            home (not one chosen by {@code solr.server})
     */
    public record PublishedSolr(String url, boolean own) {
    }

    private void publish(String name, String value) {
        try {
            Path file = dspaceDir().resolve("var").resolve(name);
            if (value == null) {
                Files.deleteIfExists(file);
            } else {
                // whole or not at all: a command reading it meanwhile finds the old value or the new one
                SecretFile.write(file, value + "\n");
            }
        } catch (IOException e) {
            throw new StartupException("useit.data.dir=" + dataDir + ": cannot write the data directory: "
                                           + StartupException.rootMessage(e), e);
        }
    }

    private String published(String name) {
        try {
            Path file = dspaceDir().resolve("var").resolve(name);
            String value = Files.exists(file) ? Files.readString(file).strip() : "";
            return value.isEmpty() ? null : value;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Makes the data directory and the DSpace home's files (but the assetstore's) readable by their owner only.
     *
     * @throws StartupException if the modes cannot be set
     */
    public void restrict() {
        try {
            OwnerOnly.restrict(dataDir, dspaceDir());
        } catch (IOException | UncheckedIOException e) {
            throw new StartupException("useit.data.dir=" + dataDir + ": cannot make the data directory private: "
                                           + StartupException.rootMessage(e), e);
        }
    }

    /**
     * @return the DSpace home ({@code dspace.dir})
     */
    public Path dspaceDir() {
        return dataDir.resolve("dspace");
    }

    /**
     * @return the Solr home
     */
    public Path solrHome() {
        return dataDir.resolve("solr");
    }

    /**
     * @return the folder for log files
     */
    public Path logDir() {
        return dspaceDir().resolve("log");
    }

    /**
     * Copies a tree over another, replacing files that differ, keeping files only the target has (Solr's index
     * data) and never overwriting an administrator's local.cfg. A file that is the same is not touched: DSpace
     * reloads its configuration when a file's time changes, and a command run beside a running repository must not
     * make it do so.
     */
    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path target = to.resolve(from.relativize(file).toString());
                boolean keep = Files.exists(target) && (file.getFileName().toString().equals(LOCAL_CFG)
                                                        || Files.mismatch(file, target) == -1);
                if (!keep) {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * Deletes a directory tree (used for throw-away test data directories).
     *
     * @param dir the tree to delete; nothing happens if it does not exist
     */
    public static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
