/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.taxonomy;

import java.util.Set;

import eu.useit.dspace.support.UseitScriptConfiguration;
import org.apache.commons.cli.Options;

/**
 * Registers {@link VocabularyScript} as the DSpace script {@code useit-vocabulary}
 * (bean in {@code config/spring/api/useit-scripts.xml}). Through REST administrators only (the vocabulary itself is
 * public through {@code /api/submission/vocabularies}); there {@code -o} is refused, and the output becomes a file
 * of the process instead.
 */
public class VocabularyScriptConfiguration extends UseitScriptConfiguration<VocabularyScript> {

    /**
     * Runs the command with {@link VocabularyScript}.
     */
    public VocabularyScriptConfiguration() {
        super(VocabularyScript.class);
    }

    @Override
    protected RestAccess restAccess() {
        return RestAccess.ADMINISTRATORS;
    }

    @Override
    protected Set<String> commandLineOnlyOptions() {
        return Set.of("o");
    }

    @Override
    public Options getOptions() {
        Options options = new Options();
        options.addOption("s", "skos", false, "print the vocabulary as a SKOS concept scheme (Turtle)");
        options.addOption("o", "output", true, "write to this file instead of standard output");
        options.addOption("h", "help", false, "show this help");
        return options;
    }
}
