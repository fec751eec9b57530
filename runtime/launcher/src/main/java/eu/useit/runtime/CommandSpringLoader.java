/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.runtime;

import java.util.ArrayList;
import java.util.List;

import eu.useit.install.InstallerSpringLoader;
import org.dspace.app.configuration.APISpringLoader;
import org.dspace.kernel.config.SpringLoader;
import org.dspace.services.ConfigurationService;
import org.dspace.xoai.app.OAISpringLoader;

/**
 * The Spring configuration of a command's kernel ({@code ./useit dspace}), as {@code [dspace]/bin/dspace} has it on
 * an installed DSpace, whose class path holds no REST webapp: DSpace's services ({@code config/spring/api}), the
 * OAI module's ({@code config/spring/oai}) and the installer's commands ({@code config/spring/useit-installer}, as
 * {@code config/modules/useit.cfg} names them for {@code [dspace]/bin/dspace}), not the REST API's
 * ({@code config/spring/rest}). Those are for callers of the REST API: its script beans replace the command-line
 * variants of the same name (DSpace's {@code metadata-import} for REST acts as its caller and has no {@code -e} to
 * name an account).
 */
public final class CommandSpringLoader implements SpringLoader {

    /** The setting naming the loaders DSpace's service manager asks for its Spring files. */
    static final String SETTING = "spring.springloader.modules";

    @Override
    public String[] getResourcePaths(ConfigurationService configurationService) {
        List<String> paths = new ArrayList<>();
        for (SpringLoader loader : List.of(new APISpringLoader(), new OAISpringLoader(),
                                           new InstallerSpringLoader())) {
            String[] found = loader.getResourcePaths(configurationService);
            if (found != null) {
                paths.addAll(List.of(found));
            }
        }
        return paths.toArray(String[]::new);
    }
}
