/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install;

import java.nio.file.Path;

import org.dspace.kernel.config.SpringLoader;
import org.dspace.services.ConfigurationService;

/**
 * The Spring files of the installer's commands, {@code [dspace]/config/spring/useit-installer/*.xml}, for DSpace's
 * service manager: named in {@code spring.springloader.modules} ({@code config/modules/useit.cfg}), as DSpace's own
 * modules name theirs. DSpace skips a loader whose class is not on the class path, so the folder is loaded by
 * {@code [dspace]/bin/dspace} (the installer jar in {@code [dspace]/lib}) and not by the web application, which does
 * not need the installer.
 */
public final class InstallerSpringLoader implements SpringLoader {

    /** The folder under {@code [dspace]/config/spring}. */
    public static final String FOLDER = "useit-installer";

    @Override
    public String[] getResourcePaths(ConfigurationService configurationService) {
        String folder = Path.of(configurationService.getProperty("dspace.dir"), "config", "spring", FOLDER).toUri()
                            .toString();
        return new String[] {(folder.endsWith("/") ? folder : folder + "/") + XML_SUFFIX};
    }
}
