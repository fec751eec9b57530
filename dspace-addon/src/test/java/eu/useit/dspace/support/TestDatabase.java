/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.support;

import org.h2.jdbcx.JdbcDataSource;

/**
 * The one in-memory H2 database of the addon's unit tests that need the addon's tables: the addon migrates them
 * once per data source in a JVM ({@link UseitSchema}), as for DSpace's one database. Its lock mode is the runtime's
 * ({@code LOCK_TIMEOUT}).
 */
public final class TestDatabase {

    private static final JdbcDataSource DATABASE = new JdbcDataSource();

    static {
        DATABASE.setURL("jdbc:h2:mem:useit-addon;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        DATABASE.setUser("sa");
    }

    private TestDatabase() {
    }

    /**
     * @return the database
     */
    public static JdbcDataSource get() {
        return DATABASE;
    }
}
