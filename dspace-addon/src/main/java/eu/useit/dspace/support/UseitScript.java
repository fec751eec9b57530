/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.support;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.dspace.core.Context;
import org.dspace.eperson.EPerson;
import org.dspace.eperson.factory.EPersonServiceFactory;
import org.dspace.eperson.service.EPersonService;
import org.dspace.scripts.DSpaceRunnable;
import org.dspace.scripts.configuration.ScriptConfiguration;
import org.dspace.utils.DSpace;

/**
 * One of the addon's DSpace commands: its configuration is the bean of its name in
 * {@code config/spring/api/useit-scripts.xml}, and it knows who started it.
 *
 * @param <T> the command's configuration
 */
public abstract class UseitScript<T extends ScriptConfiguration> extends DSpaceRunnable<T> {

    private final String name;
    private final Class<T> configurationClass;

    /**
     * @param name               the command's name, the id of its configuration's bean
     * @param configurationClass the class of that bean
     */
    protected UseitScript(String name, Class<T> configurationClass) {
        this.name = name;
        this.configurationClass = configurationClass;
    }

    /**
     * Runs the command as DSpace does, with two differences. A run that asked only for help ({@code -h}) runs
     * nothing: DSpace's command line prints the help and stops, but its REST API (8.1) starts the process anyway,
     * without {@link #setup()}. A run that ends with a {@link Failure} is failed once, by its message: exit status
     * 1 and no stack trace on the command line, a FAILED process through REST.
     */
    @Override
    public void run() {
        try {
            handler.start();
            if (commandLine != null) {
                refuseStrayArguments();
                internalRun();
            }
            handler.handleCompletion();
        } catch (Failure e) {
            handler.handleException(e.getMessage());
        } catch (Exception e) {
            handler.handleException(e);
        }
    }

    /**
     * @return whether the command takes values that follow no option (most take none: such a value is a mistake,
     *     an option forgotten or misspelt, and the command would run as if it were not there)
     */
    protected boolean takesArguments() {
        return false;
    }

    private void refuseStrayArguments() throws Failure {
        List<String> stray = new ArrayList<>(commandLine.getArgList());
        // the command line gives the command's name first
        if (!stray.isEmpty() && stray.get(0).equals(name)) {
            stray.remove(0);
        }
        if (!stray.isEmpty() && !takesArguments()) {
            throw new Failure(name + ": unexpected argument " + String.join(" ", stray) + "; every value follows "
                + "its option (-h lists them)");
        }
    }

    /** The command could not do its work; the lines it logged say why, its message sums it up in one line. */
    public static final class Failure extends Exception {

        private static final long serialVersionUID = 1L;

        /**
         * @param verdict one line: what did not happen and why
         */
        public Failure(String verdict) {
            super(verdict);
        }
    }

    @Override
    public T getScriptConfiguration() {
        return new DSpace().getServiceManager().getServiceByName(name, configurationClass);
    }

    /**
     * @param context the command's context
     * @param email   the email given on the command line ({@code -e}), may be null
     * @return the user who started the process through REST; on the command line the user with that email; null
     *     when there is none
     * @throws SQLException if the database cannot be read
     */
    protected EPerson startingUser(Context context, String email) throws SQLException {
        EPersonService people = EPersonServiceFactory.getInstance().getEPersonService();
        if (getEpersonIdentifier() != null) {
            return people.find(context, getEpersonIdentifier());
        }
        return email == null ? null : people.findByEmail(context, email);
    }
}
