/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install;

import org.apache.commons.cli.CommandLine;

/**
 * What the install does to the OAI-PMH contexts a site already has (such as DSpace's {@code request}): the
 * administrator's explicit choice, since every record of such a context may change shape for harvesters that
 * validated it long ago. The {@code useit} context is added, or brought up to date, in every case.
 */
public enum SiteContexts {

    /** Left as the site has them, byte for byte (the default). */
    LEFT,
    /** Given the USE-IT! sets and formats they lack ({@code -a}); a prefix they offer keeps the site's crosswalk. */
    OURS_ADDED,
    /**
     * As {@link #OURS_ADDED}, and a prefix both serve (such as {@code oai_openaire}, {@code qdc}, {@code rioxx}) is
     * served there by the USE-IT! crosswalk in place of the site's ({@code -a -x}); the site's format definition and
     * its crosswalk file stay, for its other contexts.
     */
    OUR_CROSSWALKS;

    /** The option that asks for our formats and sets in the site's contexts. */
    static final String ALL = "a";
    /** The option that asks for our crosswalks in place of the site's there. */
    static final String CROSSWALKS = "x";

    /**
     * @param all        {@code -a/--all-contexts}
     * @param crosswalks {@code -x/--our-crosswalks}
     * @return the choice
     * @throws InstallException for {@code -x} without {@code -a}
     */
    static SiteContexts of(boolean all, boolean crosswalks) throws InstallException {
        if (crosswalks && !all) {
            throw new InstallException("-x/--our-crosswalks applies to the site's own contexts: give -a/--all-contexts"
                                           + " with it; nothing was changed");
        }
        return crosswalks ? OUR_CROSSWALKS : all ? OURS_ADDED : LEFT;
    }

    /**
     * @param line a command line with the install's options
     * @return the choice it makes
     * @throws InstallException for {@code -x} without {@code -a}
     */
    static SiteContexts of(CommandLine line) throws InstallException {
        return of(line.hasOption(ALL), line.hasOption(CROSSWALKS));
    }
}
