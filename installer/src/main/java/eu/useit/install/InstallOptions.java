/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install;

import org.apache.commons.cli.Options;

/**
 * The install's options, the same for {@code dspace useit-install} and {@code dspace dsrun
 * eu.useit.install.Install}.
 */
final class InstallOptions {

    private InstallOptions() {
    }

    /**
     * @return {@code -n/--dry-run}, {@code -a/--all-contexts}, {@code -x/--our-crosswalks} and {@code -h/--help}
     */
    static Options options() {
        Options options = new Options();
        addTo(options);
        options.addOption("h", "help", false, "show this help");
        return options;
    }

    /**
     * Adds {@code -n/--dry-run}, {@code -a/--all-contexts} and {@code -x/--our-crosswalks}.
     *
     * @param options the options to add to
     */
    static void addTo(Options options) {
        options.addOption("n", "dry-run", false, "report what would change; write nothing, load nothing");
        options.addOption("a", "all-contexts", false, "give the site's own OAI-PMH contexts USE-IT!'s formats and "
                              + "sets too (their records change shape for harvesters); without it they are left");
        addCrosswalks(options);
    }

    /**
     * Adds {@code -x/--our-crosswalks}.
     *
     * @param options the options to add to
     */
    static void addCrosswalks(Options options) {
        options.addOption(SiteContexts.CROSSWALKS, "our-crosswalks", false, "with -a: where a site's context "
                              + "already offers a prefix of ours (oai_openaire, qdc, rioxx, ...), serve it there with "
                              + "USE-IT!'s crosswalk in place of the site's: every record of that context changes "
                              + "shape in that format");
    }
}
