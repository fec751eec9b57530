/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.taxonomy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import eu.useit.dspace.support.UseitScript;
import org.dspace.core.Context;
import org.dspace.scripts.handler.impl.CommandLineDSpaceRunnableHandler;
import org.dspace.services.factory.DSpaceServicesFactory;

/**
 * {@code dspace useit-vocabulary --skos [-o file]}: exports the strand vocabulary as SKOS (Turtle), to standard
 * output or to a file; without {@code --skos} it lists the vocabulary as an indented tree.
 */
public class VocabularyScript extends UseitScript<VocabularyScriptConfiguration> {

    @Override
    public void internalRun() throws Exception {
        boolean skos = commandLine.hasOption('s');
        String output = commandLine.getOptionValue('o');
        String dspaceDir = DSpaceServicesFactory.getInstance().getConfigurationService().getProperty("dspace.dir");
        StrandVocabulary vocabulary = StrandVocabulary.load(Path.of(dspaceDir));
        String text = skos ? SkosExport.turtle(vocabulary) : tree(vocabulary);
        if (output == null && handler instanceof CommandLineDSpaceRunnableHandler) {
            System.out.print(text);
            System.out.flush();
            return;
        }
        // on the command line -o is a path; through REST the text becomes a file of the process
        String name = output != null ? output : skos ? "useit-strands.ttl" : "useit-strands.txt";
        Context context = new Context();
        try {
            // the process's file belongs to the user who started it
            context.setCurrentUser(startingUser(context, null));
            handler.writeFilestream(context, name,
                                    new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "export");
            context.complete();
            handler.logInfo("useit-vocabulary: wrote " + vocabulary.all().size() + " concepts to " + name);
        } finally {
            if (context.isValid()) {
                context.abort();
            }
        }
    }

    private static String tree(StrandVocabulary vocabulary) {
        StringBuilder out = new StringBuilder(vocabulary.root().label()).append('\n');
        for (Strand strand : vocabulary.all()) {
            int depth = vocabulary.lineage(strand.id()).size();
            out.append("  ".repeat(depth)).append(strand.id()).append("  ").append(strand.label()).append('\n');
        }
        return out.toString();
    }
}
