/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

import eu.useit.dspace.support.SettingException;
import eu.useit.dspace.support.UseitSchema;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The web nodes of one repository (one database) sign resumption tokens with one secret, or a harvester sent to
 * another node mid-harvest gets {@code badResumptionToken}. Each node records in the database
 * ({@code useit_web_node}) a check value of its secret and, every {@link #BEAT}, that it is alive; a node whose
 * secret differs from that of a node seen within {@link #ALIVE} is refused at start. A node replaces its own row,
 * so one node may change its secret across a restart; the row goes when the node stops.
 */
public final class SharedTokenKey implements AutoCloseable {

    /** How often a running node says it is alive. */
    public static final Duration BEAT = Duration.ofSeconds(30);
    /** How long a node counts as running after it last said so. */
    public static final Duration ALIVE = Duration.ofMinutes(2);

    private static final Logger log = LogManager.getLogger(SharedTokenKey.class);

    private final DataSource dataSource;
    private final String node;
    private final byte[] key;
    private final Clock clock;
    private final ScheduledExecutorService beat;

    private SharedTokenKey(DataSource dataSource, String node, byte[] key, Clock clock) {
        this.dataSource = dataSource;
        this.node = node;
        this.key = key.clone();
        this.clock = clock;
        this.beat = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "useit-web-node");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Checks this node's secret against the running nodes' and records it.
     *
     * @param dataSource DSpace's data source
     * @param node       this node's name (host and DSpace directory)
     * @param key        the secret
     * @param clock      the clock
     * @return the registration, saying every {@link #BEAT} that this node is alive until closed
     * @throws SettingException if a running node of this database signs with another secret
     * @throws SQLException     if the database cannot be reached
     */
    public static SharedTokenKey join(DataSource dataSource, String node, byte[] key, Clock clock)
        throws SQLException {
        UseitSchema.ensure(dataSource);
        String check = check(key);
        long now = clock.millis();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (PreparedStatement others = connection.prepareStatement(
                "SELECT node FROM useit_web_node WHERE node <> ? AND seen_at > ? AND key_check <> ? ORDER BY node")) {
                others.setString(1, node);
                others.setLong(2, now - ALIVE.toMillis());
                others.setString(3, check);
                try (ResultSet other = others.executeQuery()) {
                    if (other.next()) {
                        throw new SettingException(TokenKey.SETTING + ": this web node's resumption token secret "
                            + "differs from that of the running web node '" + other.getString(1) + "' of the same "
                            + "database; give every web node the same " + TokenKey.SETTING);
                    }
                }
            }
            forget(connection, node);
            try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO useit_web_node (node, key_check, seen_at) VALUES (?, ?, ?)")) {
                insert.setString(1, node);
                insert.setString(2, check);
                insert.setLong(3, now);
                insert.executeUpdate();
            }
        }
        SharedTokenKey joined = new SharedTokenKey(dataSource, node, key, clock);
        joined.beat.scheduleWithFixedDelay(joined::alive, BEAT.toMillis(), BEAT.toMillis(), TimeUnit.MILLISECONDS);
        return joined;
    }

    /**
     * @return the secret this node signs resumption tokens with
     */
    public byte[] key() {
        return key.clone();
    }

    private static void forget(Connection connection, String node) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM useit_web_node WHERE node = ?")) {
            delete.setString(1, node);
            delete.executeUpdate();
        }
    }

    /** An HMAC of a fixed text under the key: equal for equal keys, and it does not give the key away. */
    static String check(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal("useit web node key check".getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private void alive() {
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection
            .prepareStatement("UPDATE useit_web_node SET seen_at = ? WHERE node = ?")) {
            connection.setAutoCommit(true);
            update.setLong(1, clock.millis());
            update.setString(2, node);
            update.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            log.warn("Could not record that web node {} is alive: {}", node, e.getMessage());
        }
    }

    /**
     * Stops saying this node is alive and removes its row.
     */
    @Override
    public void close() {
        beat.shutdownNow();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            forget(connection, node);
        } catch (SQLException | RuntimeException e) {
            log.warn("Could not remove web node {}: {}", node, e.getMessage());
        }
    }
}
