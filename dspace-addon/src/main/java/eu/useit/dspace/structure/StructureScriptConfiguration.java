/*
 * USE-IT! repository addon for DSpace.
 */
package eu.useit.dspace.structure;

import org.apache.commons.cli.Options;
import org.dspace.scripts.configuration.ScriptConfiguration;

/**
 * Registers {@link StructureScript} as the DSpace script {@code useit-structure}
 * (bean in {@code config/spring/api/useit-scripts.xml}); through REST only administrators may run it.
 */
public class StructureScriptConfiguration extends ScriptConfiguration<StructureScript> {

    private Class<StructureScript> runnableClass = StructureScript.class;

    @Override
    public Class<StructureScript> getDspaceRunnableClass() {
        return runnableClass;
    }

    @Override
    public void setDspaceRunnableClass(Class<StructureScript> dspaceRunnableClass) {
        this.runnableClass = dspaceRunnableClass;
    }

    @Override
    public Options getOptions() {
        Options options = new Options();
        options.addOption("e", "eperson", true, "email of the administrator to act as (optional on the console)");
        options.addOption("h", "help", false, "show this help");
        return options;
    }
}
