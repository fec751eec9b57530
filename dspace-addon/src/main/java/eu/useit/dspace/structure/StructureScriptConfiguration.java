/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.structure;

import eu.useit.dspace.support.UseitScriptConfiguration;
import org.apache.commons.cli.Options;

/**
 * Registers {@link StructureScript} as the DSpace script {@code useit-structure}
 * (bean in {@code config/spring/api/useit-scripts.xml}). It creates communities, collections and types, so through
 * REST only administrators may run it, as themselves ({@code -e}, acting as another user, is for the command line).
 */
public class StructureScriptConfiguration extends UseitScriptConfiguration<StructureScript> {

    /**
     * Runs the command with {@link StructureScript}.
     */
    public StructureScriptConfiguration() {
        super(StructureScript.class, RestAccess.ADMINISTRATORS, "e");
    }

    @Override
    protected void addOptions(Options options) {
        options.addOption("e", "eperson", true, "email of the administrator to act as (optional on the console)");
    }
}
