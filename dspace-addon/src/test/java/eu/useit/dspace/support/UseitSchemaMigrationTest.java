/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.support;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.Assert.assertThrows;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Event;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.Test;

/**
 * DSpace's own migration brings the addon's tables with it: a Flyway run set up as DSpace sets up its own (the
 * Spring beans of type {@code Callback} as callbacks) leaves the addon's history table with every migration of the
 * addon's jar applied, on a database that had none of them.
 */
public class UseitSchemaMigrationTest {

    @Test
    public void dspacesMigrationMakesTheAddonsTables() throws Exception {
        JdbcDataSource fresh = new JdbcDataSource();
        fresh.setURL("jdbc:h2:mem:useit-dspace-migrate;DB_CLOSE_DELAY=-1");
        fresh.setUser("sa");
        assertThat("no table of the addon before", tables(fresh), empty());

        // DSpace's own migrations stand in as one empty location: what matters is the callback DSpace hands over
        Flyway.configure().dataSource(fresh).locations("classpath:eu/useit/dspace/support/no-migrations")
              .callbacks(new UseitSchemaMigration(fresh)).load().migrate();

        assertThat(tables(fresh), contains("USEIT_INDEX_CLAIM", "USEIT_INDEX_QUEUE", "USEIT_OAI_TOMBSTONE",
                                           "USEIT_WEB_NODE", "useit_schema_history"));
    }

    @Test
    public void onlyTheEndOfAMigrationIsHandled() {
        UseitSchemaMigration callback = new UseitSchemaMigration(TestDatabase.get());
        assertThat(callback.supports(Event.AFTER_MIGRATE, null), is(true));
        assertThat(callback.supports(Event.BEFORE_MIGRATE, null), is(false));
        assertThat(callback.supports(Event.AFTER_MIGRATE_ERROR, null), is(false));
    }

    @Test
    public void aFailedMigrationOfTheAddonDoesNotFailDSpaces() {
        JdbcDataSource away = new JdbcDataSource();
        away.setURL("jdbc:h2:mem:useit-away;IFEXISTS=TRUE");
        away.setUser("sa");

        // logged; DSpace's own migration, committed already, goes on (and asks for its reindex)
        new UseitSchemaMigration(away).handle(Event.AFTER_MIGRATE, null);

        IllegalStateException firstUse = assertThrows(IllegalStateException.class, () -> UseitSchema.ensure(away));
        assertThat(firstUse.getMessage(), startsWith("The USE-IT! tables could not be made or upgraded: "));
    }

    private static List<String> tables(JdbcDataSource database) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.tables WHERE "
                 + "LOWER(table_name) LIKE 'useit%' ORDER BY table_name")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
