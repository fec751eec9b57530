/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Locale;

import eu.useit.dspace.support.SecretFile;
import org.dspace.servicemanager.config.DSpaceConfigurationService;

/**
 * The embedded H2 database of a local repository ({@code db.url = jdbc:h2:file:...} with no password set): it
 * gets a generated password, kept next to the database files ({@code <database>.password}, readable by the owner
 * only), and its automatic server, which lets {@code ./useit dspace} share the database with a running repository,
 * listens on the loopback address only. A database made by an older version with the empty password gets the
 * generated one at the next start. Any other database (PostgreSQL, a site's own settings) is left alone.
 */
public final class EmbeddedDatabase {

    private static final String H2_FILE = "jdbc:h2:file:";

    private EmbeddedDatabase() {
    }

    /**
     * Secures the embedded database before DSpace opens it; sets {@code db.password} for DSpace.
     *
     * @param dspaceDir the DSpace home
     * @return the file holding the password, or null when another database is configured
     * @throws StartupException if the password cannot be kept or set
     */
    public static Path secure(Path dspaceDir) {
        // read before H2's classes load: its TCP server binds to this address
        System.setProperty("h2.bindAddress", "127.0.0.1");
        DSpaceConfigurationService config = new DSpaceConfigurationService(dspaceDir.toString());
        String url = config.getProperty("db.url");
        String password = config.getProperty("db.password");
        if (url == null || !url.startsWith(H2_FILE) || password != null && !password.isEmpty()) {
            return null;
        }
        String user = config.getProperty("db.username", "sa");
        Path database = Path.of(url.substring(H2_FILE.length()).split(";", 2)[0]);
        Path file = database.resolveSibling(database.getFileName() + ".password");
        try {
            String kept = Files.exists(file) ? Files.readString(file, StandardCharsets.US_ASCII).strip() : "";
            // an empty file (an earlier version interrupted while writing it) is no password: one is made
            String secret = kept.isEmpty() ? create(url, user, database, file) : kept;
            System.setProperty("db.password", secret);
            return file;
        } catch (IOException | SQLException e) {
            throw new StartupException("db.url=" + StartupException.withoutSecrets(url)
                                           + ": cannot set the embedded database's password: "
                                           + StartupException.rootMessage(e), e);
        }
    }

    /** Makes a password; an existing database (older version, empty password) is given it. */
    private static String create(String url, String user, Path database, Path file)
        throws IOException, SQLException {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        // kept first: a password set but lost would lock the database for good
        Files.createDirectories(file.getParent());
        SecretFile.write(file, secret + "\n");
        if (Files.exists(database.resolveSibling(database.getFileName() + ".mv.db"))) {
            try (Connection connection = DriverManager.getConnection(url, user, "");
                 Statement alter = connection.createStatement()) {
                alter.execute("ALTER USER \"" + user.toUpperCase(Locale.ROOT) + "\" SET PASSWORD '" + secret + "'");
            } catch (SQLException e) {
                Files.deleteIfExists(file);
                throw e;
            }
        }
        return secret;
    }
}
