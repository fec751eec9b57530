/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.ingest;

import java.io.InputStream;

import eu.useit.dspace.support.UseitScriptConfiguration;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * Registers {@link ImportScript} as the DSpace script {@code useit-import}
 * (bean in {@code config/spring/api/useit-scripts.xml}). It deposits items, so through REST only administrators may
 * run it, as themselves ({@code -e} is for the command line), with the file uploaded to the process ({@code -f}
 * names the upload, never a path on the server).
 */
public class ImportScriptConfiguration extends UseitScriptConfiguration<ImportScript> {

    /**
     * Runs the command with {@link ImportScript}.
     */
    public ImportScriptConfiguration() {
        super(ImportScript.class, RestAccess.ADMINISTRATORS, "e");
    }

    @Override
    protected void addOptions(Options options) {
        options.addOption(Option.builder("f").longOpt("file").hasArg().required().type(InputStream.class)
                                .desc("the records: a .csv or .json file (UTF-8)").build());
        options.addOption("e", "eperson", true, "email of the depositing administrator");
        options.addOption("n", "dry-run", false, "check the file and report, write nothing");
        options.addOption(Option.builder().longOpt("format").hasArg()
                                .desc("csv or json (default: from the file name)").build());
    }
}
