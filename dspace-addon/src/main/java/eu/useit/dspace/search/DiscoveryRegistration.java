/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.search;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.dspace.discovery.configuration.DiscoveryConfiguration;
import org.dspace.discovery.configuration.DiscoveryConfigurationService;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Adds Discovery configurations of the addon to the site's {@link DiscoveryConfigurationService}, whose map is
 * defined in the site's own {@code [dspace]/config/spring/api/discovery.xml}: a site keeps that file as it is and
 * drops {@code config/spring/api/useit-discovery.xml} beside it.
 *
 * <p>DSpace looks configurations up by name in that map: a REST search names one with {@code configuration=},
 * and a community or collection handle names the one used inside it. A name the site already uses is left to the
 * site's configuration (a site that defines {@code useit} itself has chosen its own), with a warning.</p>
 *
 * <p>Registering a configuration does not by itself get its filters indexed: DSpace writes an item's filter fields
 * only for the configurations that apply to the item (its collections' and communities' handles, {@code default},
 * and those marked {@code indexAlways}). The USE-IT! configuration is marked {@code indexAlways}.</p>
 */
public class DiscoveryRegistration implements InitializingBean {

    private static final Logger log = LogManager.getLogger(DiscoveryRegistration.class);

    private final Map<String, DiscoveryConfiguration> configurations = new LinkedHashMap<>();

    private DiscoveryConfigurationService service;

    /**
     * @param service DSpace's Discovery configuration service (the site's {@code discovery.xml})
     */
    @Autowired
    public void setService(DiscoveryConfigurationService service) {
        this.service = service;
    }

    /**
     * @param configurations the configurations to add, by the name DSpace will find them under
     */
    public void setConfigurations(Map<String, DiscoveryConfiguration> configurations) {
        this.configurations.clear();
        this.configurations.putAll(configurations);
    }

    /**
     * @return the configurations this bean adds, by name
     */
    public Map<String, DiscoveryConfiguration> getConfigurations() {
        return configurations;
    }

    /**
     * Puts the configurations into the service's map. The map is replaced by a copy with ours added rather than
     * changed in place, so it works whatever kind of map the site's file made.
     */
    @Override
    public void afterPropertiesSet() {
        Map<String, DiscoveryConfiguration> site = service.getMap();
        Map<String, DiscoveryConfiguration> merged = new LinkedHashMap<>(site == null ? Map.of() : site);
        for (Map.Entry<String, DiscoveryConfiguration> entry : configurations.entrySet()) {
            DiscoveryConfiguration present = merged.get(entry.getKey());
            if (present == null) {
                merged.put(entry.getKey(), entry.getValue());
                log.info("Discovery configuration '{}' registered", entry.getKey());
            } else if (present != entry.getValue()) {
                log.warn("Discovery configuration '{}' is already defined by the site; the addon's is not used",
                         entry.getKey());
            }
        }
        service.setMap(merged);
    }
}
