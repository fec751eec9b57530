/*
 * USE-IT! repository addon for DSpace.
 */
package eu.useit.dspace.taxonomy;

import java.util.List;

import eu.useit.dspace.support.UseitScriptConfiguration;
import org.apache.commons.cli.Options;
import org.dspace.core.Context;
import org.dspace.scripts.DSpaceCommandLineParameter;

/**
 * Registers {@link VocabularyScript} as the DSpace script {@code useit-vocabulary}
 * (bean in {@code config/spring/api/useit-scripts.xml}). Anyone may run it: the vocabulary is public.
 */
public class VocabularyScriptConfiguration extends UseitScriptConfiguration<VocabularyScript> {

    /**
     * Runs the command with {@link VocabularyScript}.
     */
    public VocabularyScriptConfiguration() {
        super(VocabularyScript.class);
    }

    @Override
    public boolean isAllowedToExecute(Context context, List<DSpaceCommandLineParameter> commandLineParameters) {
        return true;
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
