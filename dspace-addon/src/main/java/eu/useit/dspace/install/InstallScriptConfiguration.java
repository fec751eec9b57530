/*
 * USE-IT! repository addon for DSpace.
 */
package eu.useit.dspace.install;

import eu.useit.dspace.support.UseitScriptConfiguration;
import org.apache.commons.cli.Options;

/**
 * Registers {@link InstallScript} as the DSpace script {@code useit-install}
 * (bean in {@code config/spring/api/useit-scripts.xml}); through REST only administrators may run it.
 */
public class InstallScriptConfiguration extends UseitScriptConfiguration<InstallScript> {

    /**
     * Runs the command with {@link InstallScript}.
     */
    public InstallScriptConfiguration() {
        super(InstallScript.class);
    }

    @Override
    public Options getOptions() {
        return InstallOptions.options();
    }
}
