/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.tests.operations;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.junit.Assert.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import eu.useit.tests.support.AbstractRepositoryProcessIT;
import eu.useit.tests.support.RepositoryProcess;
import org.junit.Test;

/**
 * The run command's embedded database and secrets, tried as another program on the same machine would: the H2
 * server that lets {@code ./useit dspace} share the database listens on the loopback address only and wants the
 * generated password (kept owner-only); the database, the token key, the login file and the logs are readable by
 * their owner only; a data directory of an older version (empty password, an empty password file, wider modes) is
 * made so at its next start.
 */
public class EmbeddedDatabaseIT extends AbstractRepositoryProcessIT {

    @Test
    public void theEmbeddedDatabaseAndSecretsAreForTheOwnerOnly() throws Exception {
        repository = RepositoryProcess.startEmbedded("embedded-database");
        Path dspace = repository.dataDir().resolve("dspace");
        Path database = dspace.resolve("database/useit");
        String url = "jdbc:h2:file:" + database + ";AUTO_SERVER=TRUE";

        int port = serverPort(dspace.resolve("database/useit.lock.db"));
        assertThat("the database server listens on loopback only", listeningAddresses(port),
                   is(List.of("127.0.0.1")));
        assertThrows("the empty password is refused", SQLException.class,
                     () -> DriverManager.getConnection(url, "sa", "").close());
        String password = Files.readString(dspace.resolve("database/useit.password"), StandardCharsets.US_ASCII)
                               .strip();
        try (Connection connection = DriverManager.getConnection(url, "sa", password)) {
            assertThat(connection.isValid(5), is(true));
        }
        assertThat(wider(repository.dataDir()), empty());

        // a data directory of an older version: no password, files any user may read
        repository.close();
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + database, "sa", password);
             Statement alter = connection.createStatement()) {
            alter.execute("ALTER USER SA SET PASSWORD ''");
        }
        // its password file left empty (an earlier version stopped while writing it): no password to trust
        Files.writeString(dspace.resolve("database/useit.password"), "");
        Files.setPosixFilePermissions(database.resolveSibling("useit.mv.db"),
                                      PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(dspace.resolve("var/oai/useit-token.key"),
                                      PosixFilePermissions.fromString("rw-r--r--"));
        repository = repository.restart();
        assertThrows("the empty password is refused after the upgrade", SQLException.class,
                     () -> DriverManager.getConnection(url, "sa", "").close());
        assertThat(wider(repository.dataDir()), empty());
    }

    /** The port of the database's server, from its lock file (where H2's other processes find it). */
    private static int serverPort(Path lockFile) throws IOException {
        Matcher server = Pattern.compile("server=[^:]+\\\\?:(\\d+)").matcher(Files.readString(lockFile));
        if (!server.find()) {
            throw new AssertionError("no server in " + lockFile + ": " + Files.readString(lockFile));
        }
        return Integer.parseInt(server.group(1));
    }

    /** The local addresses on which a TCP port is listened to, from the kernel's tables. */
    private static List<String> listeningAddresses(int port) throws IOException {
        List<String> addresses = new ArrayList<>();
        String hexPort = String.format(Locale.ROOT, "%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(table))) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length > 3 && "0A".equals(fields[3]) && fields[1].endsWith(":" + hexPort)) {
                    addresses.add(address(fields[1].substring(0, fields[1].indexOf(':'))));
                }
            }
        }
        return addresses;
    }

    /** An address of /proc/net/tcp(6): IPv4 as 4 little-endian bytes; IPv6 as 4 little-endian words. */
    private static String address(String hex) {
        String ipv4 = hex.length() == 8 ? hex : hex.startsWith("0000000000000000FFFF0000") ? hex.substring(24) : null;
        if (ipv4 == null) {
            return hex.matches("0+") ? "::" : hex;
        }
        return Integer.parseInt(ipv4.substring(6, 8), 16) + "." + Integer.parseInt(ipv4.substring(4, 6), 16) + "."
            + Integer.parseInt(ipv4.substring(2, 4), 16) + "." + Integer.parseInt(ipv4.substring(0, 2), 16);
    }

    /** Files and folders of the data directory (but the assetstore's) that others than the owner may use. */
    private static List<String> wider(Path dataDir) throws IOException {
        List<String> wider = new ArrayList<>();
        Path assetstore = dataDir.resolve("dspace/assetstore");
        try (Stream<Path> paths = Files.walk(dataDir.resolve("dspace"))) {
            paths.filter(path -> !path.startsWith(assetstore) || path.equals(assetstore)).forEach(path -> {
                try {
                    String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
                    if (!mode.endsWith("------")) {
                        wider.add(dataDir.relativize(path) + " " + mode);
                    }
                } catch (IOException e) {
                    wider.add(path + " unreadable: " + e.getMessage());
                }
            });
        }
        String top = PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir));
        if (!top.endsWith("------")) {
            wider.add(". " + top);
        }
        return wider;
    }
}
