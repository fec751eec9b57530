/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import javax.sql.DataSource;

import eu.useit.dspace.support.UseitSchema;

/**
 * The right to write the OAI-PMH index from the database's state, held by one process at a time among all that
 * share the database: the web nodes of a cluster and the commands run beside them. A record is written from its
 * item as read at that moment, so two processes writing the same item at once could leave the older state last, and
 * the queue row that would have corrected it is already gone. The claim is a row lock ({@code SELECT ... FOR UPDATE
 * NOWAIT} on {@code useit_index_claim}) in a transaction of its own, held while the work lasts; if the process dies,
 * the database drops it with the connection.
 */
public final class IndexClaim implements AutoCloseable {

    private static final String LOCK = "SELECT id FROM useit_index_claim WHERE id = 1 FOR UPDATE NOWAIT";
    private static final Duration RETRY = Duration.ofMillis(200);

    /** How H2 (lock timeout) and PostgreSQL (lock not available) refuse a NOWAIT lock held by another transaction. */
    private static final Set<String> HELD_ELSEWHERE = Set.of("HYT00", "55P03");

    private final Connection connection;

    private IndexClaim(Connection connection) {
        this.connection = connection;
    }

    /**
     * Takes the claim if no other process holds it.
     *
     * @param dataSource DSpace's data source
     * @return the claim, or null when another process holds it
     * @throws SQLException if the database cannot be reached
     */
    public static IndexClaim tryTake(DataSource dataSource) throws SQLException {
        UseitSchema.ensure(dataSource);
        Connection connection = dataSource.getConnection();
        boolean held = false;
        try {
            connection.setAutoCommit(false);
            try (PreparedStatement lock = connection.prepareStatement(LOCK); ResultSet row = lock.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("useit_index_claim has no row 1 (the addon's migration V3 makes it)");
                }
                held = true;
                return new IndexClaim(connection);
            }
        } catch (SQLException e) {
            if (HELD_ELSEWHERE.contains(e.getSQLState())) {
                return null;
            }
            throw e;
        } finally {
            if (!held) {
                connection.rollback();
                connection.close();
            }
        }
    }

    /**
     * Takes the claim, waiting while another process holds it.
     *
     * @param dataSource DSpace's data source
     * @param patience   how long to wait at most
     * @return the claim, or null when another process still held it after that time (it will do the work)
     * @throws SQLException         if the database cannot be reached
     * @throws InterruptedException if interrupted while waiting
     */
    public static IndexClaim take(DataSource dataSource, Duration patience) throws SQLException,
        InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            IndexClaim claim = tryTake(dataSource);
            if (claim != null || System.nanoTime() > deadline) {
                return claim;
            }
            Thread.sleep(RETRY.toMillis());
        }
    }

    /**
     * Gives the claim up.
     *
     * @throws SQLException if the database cannot be reached (the lock goes with the connection anyway)
     */
    @Override
    public void close() throws SQLException {
        try (connection) {
            connection.rollback();
        }
    }
}
