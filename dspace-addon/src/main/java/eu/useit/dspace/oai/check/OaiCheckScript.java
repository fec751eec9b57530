/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import eu.useit.dspace.support.UseitScript;
import eu.useit.oaicheck.CheckOptions;
import eu.useit.oaicheck.OaiCheck;
import org.apache.commons.cli.ParseException;
import org.dspace.services.factory.DSpaceServicesFactory;

/**
 * {@code dspace useit-oai-check <baseURL> [-s DIR] [-m N] [-t SECONDS] [-q]}: {@link OaiCheck} as a DSpace script.
 * The schema folder defaults to {@code [dspace]/config/oai-schemas} (when it has a catalog.xml). DSpace's launcher
 * knows only two exit statuses: 0 when nothing was found, 1 for findings, usage errors and an unreachable
 * endpoint alike.
 */
public class OaiCheckScript extends UseitScript<OaiCheckScriptConfiguration> {

    private List<String> arguments;

    @Override
    protected boolean takesArguments() {
        // the base URL may follow no option, as the stand-alone checker takes it
        return true;
    }

    @Override
    public void setup() throws ParseException {
        arguments = new ArrayList<>();
        String url = commandLine.getOptionValue('u');
        for (String arg : commandLine.getArgs()) {
            if (url == null && !arg.equals("useit-oai-check")) {
                url = arg;
            }
        }
        if (url == null) {
            throw new ParseException("give the OAI-PMH base URL, e.g. http://127.0.0.1:8080/server/oai/request");
        }
        arguments.add(url);
        String schemas = commandLine.getOptionValue('s');
        if (schemas == null) {
            Path folder = CheckOptions.defaultSchemas(dspaceDir());
            schemas = folder == null ? null : folder.toString();
        }
        add("--schemas", schemas);
        add("--max-records", commandLine.getOptionValue('m'));
        add("--timeout", commandLine.getOptionValue('t'));
        if (commandLine.hasOption('q')) {
            arguments.add("--quiet");
        }
        try {
            CheckOptions.parse(arguments.toArray(new String[0]));
        } catch (IllegalArgumentException e) {
            throw new ParseException(e.getMessage());
        }
    }

    @Override
    public void internalRun() throws Failure {
        int status = OaiCheck.run(arguments.toArray(new String[0]), handler::logInfo, handler::logDebug);
        if (status != OaiCheck.CLEAN) {
            // on the command line: exit status 1, no stack trace (the lines above say it all)
            throw new Failure("useit-oai-check: " + (status == OaiCheck.FINDINGS
                ? "the endpoint has findings" : "the endpoint could not be checked (see the log)"));
        }
    }

    /**
     * @return the DSpace installation folder ({@code dspace.dir}), where the default schema folder is looked for
     */
    protected String dspaceDir() {
        return DSpaceServicesFactory.getInstance().getConfigurationService().getProperty("dspace.dir");
    }

    private void add(String option, String value) {
        if (value != null) {
            arguments.add(option);
            arguments.add(value);
        }
    }
}
