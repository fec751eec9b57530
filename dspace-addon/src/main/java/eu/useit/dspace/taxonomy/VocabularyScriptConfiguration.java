/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.taxonomy;

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
        super(VocabularyScript.class, RestAccess.ADMINISTRATORS, "o");
    }

    @Override
    protected void addOptions(Options options) {
        options.addOption("s", "skos", false, "print the vocabulary as a SKOS concept scheme (Turtle)");
        options.addOption("o", "output", true, "write to this file instead of standard output");
    }
}
