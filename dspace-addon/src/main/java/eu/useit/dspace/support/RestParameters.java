/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.support;

import java.util.ArrayList;
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
     * @return the command line the command will see; empty when it would not parse (the command would refuse it)
     */
    public static Optional<CommandLine> parse(Options options, List<DSpaceCommandLineParameter> parameters) {
        List<String> args = new ArrayList<>();
        for (DSpaceCommandLineParameter parameter : parameters) {
            args.add(parameter.getName());
            if (parameter.getValue() != null) {
                args.add(parameter.getValue());
            }
        }
        try {
            return Optional.of(new DefaultParser().parse(notRequired(options), args.toArray(new String[0])));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    /**
     * @param line  a parsed command line
     * @param names short or long option names
     * @return whether the line has one of them
     */
    public static boolean hasAny(CommandLine line, Set<String> names) {
        for (Option option : line.getOptions()) {
            if (option.getOpt() != null && names.contains(option.getOpt())
                || option.getLongOpt() != null && names.contains(option.getLongOpt())) {
                return true;
            }
        }
        return false;
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
