/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai.index;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import eu.useit.dspace.support.TestDatabase;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.Test;

/**
 * The index queue on a real H2 database: a row is done with only when the worker read it. A change whose
 * transaction commits after a later one's (its row has the lower id) is not removed with the later one's rows.
 */
public class IndexQueueTest {

    private static final JdbcDataSource DATABASE = TestDatabase.get();

    @Test
    public void aRowCommittedAfterTheWorkerReadTheQueueStaysQueued() throws Exception {
        IndexQueue queue = new IndexQueue(DATABASE);
        queue.ensureTable();
        UUID item = UUID.randomUUID();
        try (Connection slow = DATABASE.getConnection()) {
            // a long transaction queues the item first (the lower row id) and commits last
            slow.setAutoCommit(false);
            try (PreparedStatement insert = slow.prepareStatement("INSERT INTO useit_index_queue (item_id, "
                + "queued_at, attempts, next_attempt) VALUES (?, 0, 0, 0)")) {
                insert.setString(1, item.toString());
                insert.executeUpdate();
            }
            queue.addNow(List.of(item));
            Map<UUID, List<Long>> due = queue.due(1000);
            assertThat("only the committed row is read", due.get(item).size(), is(1));
            slow.commit();

            queue.remove(due);
            assertThat("the row committed after the worker read the queue", rows(item), is(1));
            queue.retryLater(item, queue.due(1000).get(item), "Solr away");
            assertThat(rows(item), is(1));
            queue.remove(Map.of(item, List.of()));
            assertThat(rows(item), is(1));
        }
        try (Connection connection = DATABASE.getConnection(); PreparedStatement delete = connection.prepareStatement(
            "DELETE FROM useit_index_queue WHERE item_id = ?")) {
            delete.setString(1, item.toString());
            delete.executeUpdate();
        }
    }

    @Test
    public void aFailedItemKeepsItsRowsAndCountsItsAttempts() throws Exception {
        IndexQueue queue = new IndexQueue(DATABASE);
        UUID item = UUID.randomUUID();
        queue.addNow(List.of(item, item));
        List<Long> read = queue.due(1000).get(item);
        assertThat(read.size(), is(2));
        queue.retryLater(item, read, "Solr away");
        queue.retryLater(item, read, "Solr away again");
        assertThat(rows(item), is(2));
        assertThat("not due before its delay", queue.due(1000).containsKey(item), is(false));
        try (Connection connection = DATABASE.getConnection(); PreparedStatement select = connection.prepareStatement(
            "SELECT MIN(attempts), MAX(last_error) FROM useit_index_queue WHERE item_id = ?")) {
            select.setString(1, item.toString());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                assertThat(row.getInt(1), is(2));
                assertThat(row.getString(2), is("Solr away again"));
            }
        }
        queue.remove(Map.of(item, read));
        assertThat(rows(item), is(0));
    }

    private static int rows(UUID item) throws Exception {
        try (Connection connection = DATABASE.getConnection(); PreparedStatement count = connection.prepareStatement(
            "SELECT COUNT(*) FROM useit_index_queue WHERE item_id = ?")) {
            count.setString(1, item.toString());
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
