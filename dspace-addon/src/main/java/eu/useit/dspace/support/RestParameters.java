/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.support;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.dspace.scripts.DSpaceCommandLineParameter;

/**
 * The parameters a caller of DSpace's REST API sent to start a command, parsed as the command will parse them, so
 * that a check of them sees what the command will do: {@code -o/tmp/x}, {@code --output=/tmp/x} and an abbreviated
 * {@code --out /tmp/x} all count as {@code -o}, and an option given twice has two values.
 */
public final class RestParameters {

    private RestParameters() {
    }

    /**
     * @param options    the command's options
     * @param parameters the caller's parameters, in order
     * @return the command line the command will see
     * @throws ParseException when it would not parse (the command would refuse it)
     */
    public static CommandLine parse(Options options, List<DSpaceCommandLineParameter> parameters)
        throws ParseException {
        List<String> args = new ArrayList<>();
        for (DSpaceCommandLineParameter parameter : parameters) {
            args.add(parameter.getName());
            if (parameter.getValue() != null) {
                args.add(parameter.getValue());
            }
        }
        return new DefaultParser().parse(notRequired(options), args.toArray(new String[0]));
    }

    /**
     * @param options         the command's options
     * @param parameters      the caller's parameters, in order
     * @param commandLineOnly the options (short or long names) a REST caller may not send
     * @return why the parameters are refused (a parameter without a name, an option the command does not know or
     *     one without its value, or an option for the command line only, named), or empty when they are not
     */
    public static Optional<String> refusal(Options options, List<DSpaceCommandLineParameter> parameters,
                                           Set<String> commandLineOnly) {
        if (parameters.stream().anyMatch(parameter -> parameter.getName() == null || parameter.getName().isBlank())) {
            return Optional.of("a parameter without a name (each is {\"name\": \"-x\", \"value\": ...})");
        }
        CommandLine line;
        try {
            line = parse(options, parameters);
        } catch (ParseException e) {
            return Optional.of(e.getMessage() + " (-h lists the options)");
        }
        Set<String> named = new LinkedHashSet<>();
        for (Option option : line.getOptions()) {
            if (option.getOpt() != null && commandLineOnly.contains(option.getOpt())
                || option.getLongOpt() != null && commandLineOnly.contains(option.getLongOpt())) {
                named.add(option.getOpt() != null && option.getLongOpt() != null
                    ? "-" + option.getOpt() + " (--" + option.getLongOpt() + ")"
                    : option.getOpt() != null ? "-" + option.getOpt() : "--" + option.getLongOpt());
            }
        }
        return named.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", named)
            + (named.size() == 1 ? " is" : " are") + " for the server's command line only: the value would be a"
            + " file or an account of the server");
    }

    /**
     * The options, none of them required: a missing required option is the command's to tell (a REST caller asking
     * for {@code -h} alone is not refused for it).
     */
    private static Options notRequired(Options options) {
        Options copies = new Options();
        for (Option option : options.getOptions()) {
            Option copy = (Option) option.clone();
            copy.setRequired(false);
            copies.addOption(copy);
        }
        return copies;
    }
}
