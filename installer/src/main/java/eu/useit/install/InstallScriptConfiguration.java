/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install;

import eu.useit.dspace.support.UseitScriptConfiguration;
import org.apache.commons.cli.Options;

/**
 * Registers {@link InstallScript} as the DSpace script {@code useit-install}
 * (bean in {@code config/spring/api/useit-scripts.xml}). It writes the site's configuration files and loads the
 * database: on the server's command line only, never through REST.
 */
public class InstallScriptConfiguration extends UseitScriptConfiguration<InstallScript> {

    /**
     * Runs the command with {@link InstallScript}.
     */
    public InstallScriptConfiguration() {
        super(InstallScript.class, RestAccess.NOBODY);
    }

    @Override
    protected void addOptions(Options options) {
        InstallOptions.addTo(options);
    }
}
