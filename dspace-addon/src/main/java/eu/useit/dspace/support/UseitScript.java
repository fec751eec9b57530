/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.support;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.dspace.core.Context;
import org.dspace.eperson.EPerson;
import org.dspace.eperson.factory.EPersonServiceFactory;
import org.dspace.eperson.service.EPersonService;
import org.dspace.scripts.DSpaceRunnable;
import org.dspace.scripts.configuration.ScriptConfiguration;
import org.dspace.scripts.handler.DSpaceRunnableHandler;
import org.dspace.scripts.handler.impl.CommandLineDSpaceRunnableHandler;
import org.dspace.utils.DSpace;

/**
 * One of the addon's DSpace commands: its configuration is the bean in {@code config/spring/api/useit-scripts.xml}
 * that names the command's class (the bean's id is the command's name, so the command needs no constructor of its
 * own to find it); it knows who started it.
 *
 * @param <T> the command's configuration
 */
public abstract class UseitScript<T extends ScriptConfiguration> extends DSpaceRunnable<T> {

    /** The command's configuration bean, found on first use. */
    private T configuration;

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
     * Parses the arguments as DSpace does, but for one thing: through REST, a flag (an option that takes no value)
     * followed by {@code true} is the flag alone. DSpace's Processes page sends every flag it sets so
     * ({@code {"name": "-n", "value": true}}) and DSpace passes the value on as an argument, which the addon's
     * commands would refuse as a stray one. On the command line the arguments are read as typed.
     */
    @Override
    public StepResult initialize(String[] args, DSpaceRunnableHandler runnableHandler, EPerson currentUser)
        throws ParseException {
        return super.initialize(runnableHandler instanceof CommandLineDSpaceRunnableHandler ? args : flagsSet(args),
                                runnableHandler, currentUser);
    }

    private String[] flagsSet(String[] args) {
        Options options = getScriptConfiguration().getOptions();
        List<String> read = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            read.add(args[i]);
            Option option = args[i] != null && args[i].startsWith("-") ? options.getOption(args[i]) : null;
            if (option != null && !option.hasArg() && i + 1 < args.length && "true".equals(args[i + 1])) {
                i++;
            }
        }
        return read.toArray(new String[0]);
    }

    /**
     * @return whether the command takes values that follow no option (most take none: such a value is a mistake,
     *     an option forgotten or misspelt, and the command would run as if it were not there)
     */
    protected boolean takesArguments() {
        return false;
    }

    private void refuseStrayArguments() throws Failure {
        String name = getScriptConfiguration().getName();
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

    /**
     * @return the configuration bean whose runnable class is this command's class
     */
    @Override
    @SuppressWarnings("unchecked")
    public T getScriptConfiguration() {
        if (configuration == null) {
            List<ScriptConfiguration> beans =
                new DSpace().getServiceManager().getServicesByType(ScriptConfiguration.class);
            configuration = (T) beans.stream().filter(bean -> bean.getDspaceRunnableClass() == getClass())
                                    .findFirst().orElseThrow(() -> new IllegalStateException(
                                        "no script configuration bean runs " + getClass().getName()));
        }
        return configuration;
    }

    /**
     * Reads nothing: the addon's commands read their options where they use them, and those that check options
     * before a run (a value of the wrong form) override this.
     *
     * @throws ParseException never here
     */
    @Override
    public void setup() throws ParseException {
        // nothing to read before the run
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
