/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.support;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.cli.Options;
import org.dspace.authorize.factory.AuthorizeServiceFactory;
import org.dspace.core.Context;
import org.dspace.scripts.DSpaceCommandLineParameter;
import org.dspace.scripts.DSpaceRunnable;
import org.dspace.scripts.configuration.ScriptConfiguration;

/**
 * A DSpace script configuration for one of the addon's commands: the class that runs it is fixed by the
 * subclass; its name is the id of its bean in {@code config/spring/api/useit-scripts.xml}.
 * <p>
 * Who may run it: on the server's command line ({@code [dspace]/bin/dspace}, {@code ./useit dspace}), whoever runs
 * the command, as for every DSpace command. Through DSpace's REST API ({@code /api/system/scripts}, the Processes
 * page), which is where DSpace asks {@link #isAllowedToExecute}: administrators only, and only when the command is
 * open to REST at all ({@link RestAccess}) and none of its command-line-only options (options that name a file or
 * a user on the server) is among the parameters. Nothing a
 * REST caller sends becomes a file path.
 *
 * @param <T> the command's runnable
 */
public abstract class UseitScriptConfiguration<T extends DSpaceRunnable> extends ScriptConfiguration<T>
    implements ExplainedRefusal {

    /** Who may start a command through DSpace's REST API. */
    public enum RestAccess {
        /** Members of the Administrator group. */
        ADMINISTRATORS,
        /** Nobody: the command changes the server's own files and runs on its command line only. */
        NOBODY
    }

    private Class<T> runnableClass;
    private final RestAccess restAccess;
    private final Set<String> commandLineOnly;

    /**
     * @param runnableClass   the class that runs the command
     * @param restAccess      who may start the command through the REST API
     * @param commandLineOnly the options (short or long names) a REST caller may not send, because their values
     *                        would be paths or users on the server
     */
    protected UseitScriptConfiguration(Class<T> runnableClass, RestAccess restAccess, String... commandLineOnly) {
        this.runnableClass = runnableClass;
        this.restAccess = restAccess;
        this.commandLineOnly = Set.of(commandLineOnly);
    }

    /**
     * Adds the command's own options; {@code -h/--help} is added to every command.
     *
     * @param options the options to add to
     */
    protected abstract void addOptions(Options options);

    @Override
    public final Options getOptions() {
        Options options = new Options();
        addOptions(options);
        options.addOption("h", "help", false, "show this help");
        return options;
    }

    @Override
    public final boolean isAllowedToExecute(Context context, List<DSpaceCommandLineParameter> parameters) {
        if (restAccess == RestAccess.NOBODY || !isAdministrator(context)) {
            return false;
        }
        return parameters == null || !hasCommandLineOnlyOption(parameters);
    }

    private static boolean isAdministrator(Context context) {
        try {
            return context.getCurrentUser() != null
                && AuthorizeServiceFactory.getInstance().getAuthorizeService().isAdmin(context);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell whether the user is an administrator", e);
        }
    }

    /** Parses the parameters as the command will, so that "-o/tmp/x" or "--output=/tmp/x" count as -o too. */
    private boolean hasCommandLineOnlyOption(List<DSpaceCommandLineParameter> parameters) {
        // parameters the command would refuse anyway are refused before a process is made
        return RestParameters.refusal(getOptions(), parameters, commandLineOnly).isPresent();
    }

    @Override
    public Optional<String> refusal(Context context, List<DSpaceCommandLineParameter> parameters) {
        if (restAccess == RestAccess.NOBODY || !isAdministrator(context)) {
            return Optional.empty();
        }
        return RestParameters.refusal(getOptions(), parameters, commandLineOnly).map(why -> getName() + ": " + why);
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
