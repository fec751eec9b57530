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
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import eu.useit.dspace.support.UseitSchema;
import eu.useit.dspace.support.Uuids;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.hibernate.Session;

/**
 * The durable list of items whose index records must be written (table {@code useit_index_queue}): an item is
 * added in the transaction of the change itself (DSpace calls its event consumers before it commits), so the
 * change and its place in the queue are saved together or not at all. A worker takes the items after the commit;
 * an item whose indexing failed stays, with its error, and is tried again later with growing delays.
 */
public final class IndexQueue {

    /** The longest wait before an item is tried again. */
    public static final Duration MAX_DELAY = Duration.ofHours(1);
    /** The wait after the first failure; it doubles with each further one. */
    public static final Duration FIRST_DELAY = Duration.ofSeconds(5);

    /** The name of its Spring bean ({@code config/spring/api/useit-services.xml}). */
    public static final String BEAN = "useitIndexQueue";

    private static final Logger log = LogManager.getLogger(IndexQueue.class);

    private static final String TABLE = "useit_index_queue";

    private final DataSource dataSource;

    /**
     * @param dataSource DSpace's data source (for the worker's own connections)
     */
    public IndexQueue(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Makes sure the table exists (the addon's Flyway migrations).
     */
    public void ensureTable() {
        UseitSchema.ensure(dataSource);
    }

    /**
     * Adds items in the current transaction of DSpace's Hibernate session: they are queued if, and when, the change
     * is committed. One JDBC batch on the session's connection: a native query per item would make Hibernate flush
     * the whole session each time, which grows with the size of the change (a 20,000-item import).
     *
     * @param session the session of the context whose change this is
     * @param items   the changed items
     */
    public void add(Session session, Collection<UUID> items) {
        long now = System.currentTimeMillis();
        session.doWork(connection -> insert(connection, items, now));
    }

    /**
     * Adds items at once, outside any DSpace transaction (an item found to need indexing by a sweep or a check).
     *
     * @param items the items
     * @throws SQLException on database failure
     */
    public void addNow(Collection<UUID> items) throws SQLException {
        try (Connection connection = open()) {
            insert(connection, items, System.currentTimeMillis());
        }
    }

    private static void insert(Connection connection, Collection<UUID> items, long now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE
            + " (item_id, queued_at, attempts, next_attempt) VALUES (?, ?, 0, ?)")) {
            for (UUID item : items) {
                insert.setString(1, item.toString());
                insert.setLong(2, now);
                insert.setLong(3, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * @param limit the most rows to read
     * @return the items due now, each with the ids of the rows read for it: only those rows are done with it (a
     *     row of a transaction that commits later may have a lower id, and is not covered)
     * @throws SQLException on database failure
     */
    public Map<UUID, List<Long>> due(int limit) throws SQLException {
        Map<UUID, List<Long>> due = new LinkedHashMap<>();
        try (Connection connection = open(); PreparedStatement select = connection.prepareStatement(
            "SELECT id, item_id FROM " + TABLE + " WHERE next_attempt <= ? ORDER BY id")) {
            select.setLong(1, System.currentTimeMillis());
            select.setMaxRows(limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    UUID item = Uuids.orNull(rows.getString(2));
                    if (item != null) {
                        due.computeIfAbsent(item, key -> new ArrayList<>()).add(rows.getLong(1));
                    } else {
                        dropRow(connection, rows.getLong(1), rows.getString(2));
                    }
                }
            }
        }
        return due;
    }

    /** A row that names no item (written by hand?) would stop the queue: it goes, with a line in the log. */
    private static void dropRow(Connection connection, long id, String item) throws SQLException {
        log.error("Index queue row {} names no item ('{}'): removed", id, item);
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + TABLE + " WHERE id = ?")) {
            delete.setLong(1, id);
            delete.executeUpdate();
        }
    }

    /**
     * Removes the rows of items that are indexed now.
     *
     * @param done items with the ids of the rows that were read for each
     * @throws SQLException on database failure
     */
    public void remove(Map<UUID, List<Long>> done) throws SQLException {
        try (Connection connection = open(); PreparedStatement delete = connection.prepareStatement(
            "DELETE FROM " + TABLE + " WHERE id = ?")) {
            for (List<Long> rows : done.values()) {
                for (long row : rows) {
                    delete.setLong(1, row);
                    delete.addBatch();
                }
            }
            delete.executeBatch();
        }
    }

    /**
     * Keeps an item whose indexing failed, to be tried again after a delay that doubles with each failure.
     *
     * @param item  the item
     * @param rows  the ids of the rows read for it
     * @param error what went wrong
     * @throws SQLException on database failure
     */
    public void retryLater(UUID item, List<Long> rows, String error) throws SQLException {
        try (Connection connection = open()) {
            // the item's failures so far, over all its rows (one queued since counts them too)
            int attempts = 0;
            try (PreparedStatement select = connection.prepareStatement(
                "SELECT MAX(attempts) FROM " + TABLE + " WHERE item_id = ?")) {
                select.setString(1, item.toString());
                try (ResultSet row = select.executeQuery()) {
                    if (row.next()) {
                        attempts = row.getInt(1) + 1;
                    }
                }
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE " + TABLE
                + " SET attempts = ?, next_attempt = ?, last_error = ? WHERE id = ? AND item_id = ?")) {
                for (long id : rows) {
                    update.setInt(1, attempts);
                    update.setLong(2, System.currentTimeMillis() + delay(attempts).toMillis());
                    update.setString(3, error == null ? null : error.substring(0, Math.min(error.length(), 2000)));
                    update.setLong(4, id);
                    update.setString(5, item.toString());
                    update.addBatch();
                }
                update.executeBatch();
            }
        }
    }

    /**
     * @param attempts how many times indexing failed
     * @return how long to wait before the next try
     */
    static Duration delay(int attempts) {
        Duration delay = FIRST_DELAY.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    /**
     * @return how many rows wait, due or not
     * @throws SQLException on database failure
     */
    public int size() throws SQLException {
        try (Connection connection = open(); PreparedStatement count = connection.prepareStatement(
            "SELECT COUNT(*) FROM " + TABLE); ResultSet row = count.executeQuery()) {
            row.next();
            return row.getInt(1);
        }
    }

    /**
     * @return the right to write the index from the database, or null when another process holds it
     * @throws SQLException on database failure
     */
    public IndexClaim tryClaim() throws SQLException {
        return IndexClaim.tryTake(dataSource);
    }

    /**
     * @param patience how long to wait while another process holds it
     * @return the right to write the index from the database, or null when another process held it all that time
     * @throws SQLException         on database failure
     * @throws InterruptedException if interrupted while waiting
     */
    public IndexClaim claim(Duration patience) throws SQLException, InterruptedException {
        return IndexClaim.take(dataSource, patience);
    }

    private Connection open() throws SQLException {
        ensureTable();
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(true);
        return connection;
    }
}
