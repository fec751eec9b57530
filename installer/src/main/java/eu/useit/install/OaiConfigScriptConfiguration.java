/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install;

import eu.useit.dspace.support.UseitScriptConfiguration;
import org.apache.commons.cli.Options;

/**
 * Registers {@link OaiConfigScript} as the DSpace script {@code useit-oai-config}
 * (bean in {@code config/spring/api/useit-scripts.xml}). It rewrites the site's configuration files: on the
 * server's command line only, never through REST.
 */
public class OaiConfigScriptConfiguration extends UseitScriptConfiguration<OaiConfigScript> {

    /**
     * Runs the command with {@link OaiConfigScript}.
     */
    public OaiConfigScriptConfiguration() {
        super(OaiConfigScript.class, RestAccess.NOBODY);
    }

    @Override
    protected void addOptions(Options options) {
        options.addOption("f", "file", true,
                          "the site's xoai.xml (default: ${oai.config.dir}/xoai.xml, i.e. "
                              + "[dspace]/config/crosswalks/oai/xoai.xml)");
        options.addOption("s", "source", true,
                          "the xoai.xml to merge in, its crosswalks in its folder (default: the one in the addon jar)");
        options.addOption("a", "all-contexts", false,
                          "also add USE-IT!'s sets and formats to the site's own contexts (such as request) and "
                              + "replace DSpace's stock entity filter there: the site's records then change there");
        InstallOptions.addCrosswalks(options);
        options.addOption("n", "dry-run", false, "report what would change, write nothing");
    }
}
