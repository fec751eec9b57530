/*
 * USE-IT! repository addon for DSpace.
 */
package eu.useit.dspace.support;

import org.dspace.scripts.DSpaceRunnable;
import org.dspace.scripts.configuration.ScriptConfiguration;

/**
 * A DSpace script configuration for one of the addon's commands: the class that runs it is fixed by the
 * subclass; its name is the id of its bean in {@code config/spring/api/useit-scripts.xml}.
 *
 * @param <T> the command's runnable
 */
public abstract class UseitScriptConfiguration<T extends DSpaceRunnable> extends ScriptConfiguration<T> {

    private Class<T> runnableClass;

    /**
     * @param runnableClass the class that runs the command
     */
    protected UseitScriptConfiguration(Class<T> runnableClass) {
        this.runnableClass = runnableClass;
    }

    @Override
    public Class<T> getDspaceRunnableClass() {
        return runnableClass;
    }

    @Override
    public void setDspaceRunnableClass(Class<T> dspaceRunnableClass) {
        this.runnableClass = dspaceRunnableClass;
    }
}
