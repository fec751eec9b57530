/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.support;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.dspace.scripts.DSpaceCommandLineParameter;
import org.junit.Test;

/**
 * A REST caller's parameters are read as the command will read them, and a refusal names what was wrong.
 */
public class RestParametersTest {

    private static final String ONLY = " is for the server's command line only: the value would be a file or an"
        + " account of the server";

    private static Options options() {
        Options options = new Options();
        options.addOption("s", "skos", false, "SKOS");
        options.addOption("o", "output", true, "a file");
        options.addOption("e", "eperson", true, "an account");
        options.addOption(Option.builder("f").longOpt("file").hasArg().required().build());
        options.addOption(Option.builder().longOpt("key").hasArg().build());
        return options;
    }

    /** Names and values in pairs, a null value for a name without one. */
    private static Optional<String> refusal(String... namesAndValues) {
        List<DSpaceCommandLineParameter> parameters = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.add(new DSpaceCommandLineParameter(namesAndValues[i], namesAndValues[i + 1]));
        }
        return RestParameters.refusal(options(), parameters, Set.of("o", "e", "key"));
    }

    @Test
    public void anOptionForTheCommandLineIsNamedHoweverItIsWritten() {
        for (String[] written : List.of(new String[] {"-o", "/tmp/x"}, new String[] {"-o/tmp/x", null},
                                        new String[] {"--output=/tmp/x", null}, new String[] {"--out", "/tmp/x"})) {
            assertThat(String.join(" ", written[0], String.valueOf(written[1])), refusal(written),
                       is(Optional.of("-o (--output)" + ONLY)));
        }
        assertThat(refusal("--key", "k"), is(Optional.of("--key" + ONLY)));
        assertThat(refusal("-o", "/tmp/x", "-o", "/tmp/y"), is(Optional.of("-o (--output)" + ONLY)));
        assertThat(refusal("-s", null, "-e", "x@example.org", "-o", "/tmp/x"),
                   is(Optional.of("-e (--eperson), -o (--output) are for the server's command line only: the value"
                                      + " would be a file or an account of the server")));
    }

    @Test
    public void whatTheCommandWouldNotParseIsNamed() {
        assertThat(refusal("-z", null), is(Optional.of("Unrecognized option: -z (-h lists the options)")));
        assertThat(refusal("-e", null), is(Optional.of("Missing argument for option: e (-h lists the options)")));
        // DSpace makes a parameter without a name of {"value": "x"}: the command would see a stray value
        assertThat(refusal(null, "x"), is(Optional.of("a parameter without a name (each is {\"name\": \"-x\","
                                                          + " \"value\": ...})")));
    }

    @Test
    public void otherParametersAreNotRefusedNorARequiredOptionLeftOut() {
        assertThat(refusal("-s", null, "-f", "records.csv"), is(Optional.empty()));
        // a missing required option is the command's to tell (-h alone is asked for through REST too)
        assertThat(refusal(), is(Optional.empty()));
    }
}
