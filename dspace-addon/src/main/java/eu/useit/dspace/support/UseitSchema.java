/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.support;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The addon's own database tables, made and upgraded by Flyway migrations shipped in the addon jar
 * ({@code eu/useit/dspace/db/migration}), with a history table of their own ({@code useit_schema_history}) so that
 * they never mix with DSpace's migrations: DSpace's next version can add its own without ours being in the way.
 * Run once per data source and JVM: when DSpace migrates its database ({@link UseitSchemaMigration}), else before the
 * tables are first used.
 */
public final class UseitSchema {

    /** Flyway's history table for the addon's migrations. */
    public static final String HISTORY = "useit_schema_history";

    /** The data sources brought up to date in this JVM (DSpace has one; tests make others). */
    private static final Set<DataSource> MIGRATED = Collections.newSetFromMap(new WeakHashMap<>());

    private UseitSchema() {
    }

    /**
     * Brings the addon's tables up to date (once per data source in a JVM).
     *
     * @param dataSource DSpace's data source
     * @throws IllegalStateException if a migration fails
     */
    public static synchronized void ensure(DataSource dataSource) {
        if (MIGRATED.contains(dataSource)) {
            return;
        }
        try {
            Flyway.configure(UseitSchema.class.getClassLoader())
                  .dataSource(dataSource)
                  .table(HISTORY)
                  .locations("classpath:eu/useit/dspace/db/migration")
                  // DSpace's tables are there already: start our history at version 0
                  .baselineOnMigrate(true)
                  .baselineVersion("0")
                  .load()
                  .migrate();
            MIGRATED.add(dataSource);
        } catch (FlywayException e) {
            throw new IllegalStateException("The USE-IT! tables could not be made or upgraded: " + e.getMessage(), e);
        }
    }
}
