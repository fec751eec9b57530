/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.runtime;

import org.dspace.services.ConfigurationService;
import org.springframework.core.env.PropertySource;

/**
 * DSpace's configuration (dspace.cfg, local.cfg, system properties) as a Spring property source, so the web
 * layer's {@code @Value} and {@code @ConditionalOnProperty} (for example {@code oai.enabled}, {@code oai.path})
 * read the same settings as the kernel. DSpace's own server webapp does the same.
 */
public class DSpaceSettingsPropertySource extends PropertySource<ConfigurationService> {

    /**
     * @param configuration the kernel's configuration service
     */
    public DSpaceSettingsPropertySource(ConfigurationService configuration) {
        super("dspace", configuration);
    }

    @Override
    public Object getProperty(String name) {
        return getSource().hasProperty(name) ? getSource().getProperty(name) : null;
    }
}
