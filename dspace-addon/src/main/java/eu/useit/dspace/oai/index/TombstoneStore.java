/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

import eu.useit.dspace.support.UseitSchema;

/**
 * The tombstones, kept in DSpace's database (table {@code useit_oai_tombstone}, made by {@link UseitSchema}) so that
 * they outlive the OAI index: a full reindex ({@code dspace oai import -c}) empties the index, and the tombstones
 * are written back from here. Plain JDBC on DSpace's data source, outside Hibernate's unit of work (the index
 * worker's own connections).
 */
public final class TombstoneStore {

    private static final String TABLE = "useit_oai_tombstone";

    private final DataSource dataSource;

    /**
     * @param dataSource DSpace's data source
     */
    public TombstoneStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    private Connection open() throws SQLException {
        UseitSchema.ensure(dataSource);
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(true);
        return connection;
    }

    /**
     * Keeps a tombstone, replacing an older one of the same item.
     *
     * @param tombstone the tombstone
     * @throws SQLException on database failure
     */
    public void save(Tombstone tombstone) throws SQLException {
        try (Connection connection = open()) {
            remove(connection, tombstone.itemId());
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE
                + " (item_id, handle, deleted_at, collections, communities, compiled) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, tombstone.itemId());
                insert.setString(2, tombstone.handle());
                insert.setTimestamp(3, Timestamp.from(tombstone.deletedAt()));
                insert.setString(4, String.join(" ", tombstone.collections()));
                insert.setString(5, String.join(" ", tombstone.communities()));
                insert.setString(6, tombstone.compiled());
                insert.executeUpdate();
            }
        }
    }

    /**
     * Forgets an item's tombstone (it is public again).
     *
     * @param itemId the item's UUID
     * @return whether there was one
     * @throws SQLException on database failure
     */
    public boolean remove(String itemId) throws SQLException {
        try (Connection connection = open()) {
            return remove(connection, itemId);
        }
    }

    private static boolean remove(Connection connection, String itemId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + TABLE + " WHERE item_id = ?")) {
            delete.setString(1, itemId);
            return delete.executeUpdate() > 0;
        }
    }

    /**
     * @param itemId an item's UUID
     * @return its tombstone, if it has one
     * @throws SQLException on database failure
     */
    public Optional<Tombstone> find(String itemId) throws SQLException {
        List<Tombstone> found = query("SELECT * FROM " + TABLE + " WHERE item_id = ?", itemId);
        return found.stream().findFirst();
    }

    /**
     * @return how many tombstones are kept
     * @throws SQLException on database failure
     */
    public long count() throws SQLException {
        try (Connection connection = open(); Statement select = connection.createStatement();
             ResultSet rows = select.executeQuery("SELECT COUNT(*) FROM " + TABLE)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * @return the item of every tombstone
     * @throws SQLException on database failure
     */
    public List<String> itemIds() throws SQLException {
        try (Connection connection = open(); Statement select = connection.createStatement();
             ResultSet rows = select.executeQuery("SELECT item_id FROM " + TABLE)) {
            List<String> ids = new ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
            return ids;
        }
    }

    /**
     * @return every tombstone
     * @throws SQLException on database failure
     */
    public List<Tombstone> all() throws SQLException {
        return query("SELECT * FROM " + TABLE + " ORDER BY item_id", null);
    }

    private List<Tombstone> query(String sql, String parameter) throws SQLException {
        try (Connection connection = open(); PreparedStatement select = connection.prepareStatement(sql)) {
            if (parameter != null) {
                select.setString(1, parameter);
            }
            List<Tombstone> found = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(new Tombstone(rows.getString("item_id"), rows.getString("handle"),
                        rows.getTimestamp("deleted_at").toInstant(), words(rows.getString("collections")),
                        words(rows.getString("communities")), rows.getString("compiled")));
                }
            }
            return found;
        }
    }

    private static List<String> words(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.asList(text.split(" "));
    }
}
