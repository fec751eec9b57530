/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.support;

import javax.sql.DataSource;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * Brings the addon's tables ({@link UseitSchema}) up to date whenever DSpace migrates its own database: DSpace runs
 * every Spring bean of Flyway's {@link Callback} type after a migration it runs (its start or
 * {@code dspace database migrate} when DSpace's own schema has a pending migration, as after a DSpace upgrade;
 * {@code dspace database migrate force} always). Where DSpace has nothing to migrate, the tables' first use makes
 * them. Declared in {@code config/spring/api/useit-services.xml}.
 */
public class UseitSchemaMigration implements Callback {

    private static final Logger log = LogManager.getLogger(UseitSchemaMigration.class);

    private final DataSource dataSource;

    /**
     * @param dataSource DSpace's data source
     */
    public UseitSchemaMigration(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        // the addon's Flyway works on connections of its own
        return true;
    }

    /**
     * A failure is logged, not thrown: DSpace's own migration has been committed, and a failed callback would fail
     * DSpace's migrate after it (and lose the search reindex DSpace asks for after an upgrade). The tables' first use
     * tries again and fails there, with the same reason.
     */
    @Override
    public void handle(Event event, Context context) {
        try {
            UseitSchema.ensure(dataSource);
        } catch (IllegalStateException e) {
            log.error("{} (tried again when the tables are first used)", e.getMessage(), e);
        }
    }

    @Override
    public String getCallbackName() {
        return "useit-schema";
    }
}
