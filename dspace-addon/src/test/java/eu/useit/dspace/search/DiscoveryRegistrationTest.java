/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.search;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.sameInstance;

import java.util.Map;

import org.dspace.discovery.configuration.DiscoveryConfiguration;
import org.dspace.discovery.configuration.DiscoveryConfigurationService;
import org.junit.Test;

public class DiscoveryRegistrationTest {

    private static DiscoveryConfiguration named(String id) {
        DiscoveryConfiguration configuration = new DiscoveryConfiguration();
        configuration.setId(id);
        return configuration;
    }

    @Test
    public void addsOursAndKeepsTheSitesConfigurations() {
        DiscoveryConfiguration siteDefault = named("default");
        DiscoveryConfiguration siteOwn = named("useit");
        DiscoveryConfiguration ours = named("useit");
        DiscoveryConfiguration other = named("useit-other");
        DiscoveryConfigurationService service = new DiscoveryConfigurationService();
        // an immutable map, as a site's Spring file could make
        service.setMap(Map.of("default", siteDefault));

        DiscoveryRegistration registration = new DiscoveryRegistration();
        registration.setService(service);
        registration.setConfigurations(Map.of("useit", ours));
        registration.afterPropertiesSet();
        assertThat(service.getDiscoveryConfiguration("useit"), sameInstance(ours));
        assertThat(service.getDiscoveryConfiguration("default"), sameInstance(siteDefault));

        // a name the site already uses stays the site's
        service.setMap(Map.of("default", siteDefault, "useit", siteOwn));
        registration.setConfigurations(Map.of("useit", ours, "useit-other", other));
        registration.afterPropertiesSet();
        assertThat(service.getDiscoveryConfiguration("useit"), sameInstance(siteOwn));
        assertThat(service.getDiscoveryConfiguration("useit-other"), sameInstance(other));
        assertThat(service.getDiscoveryConfigurationWithPrefixName("useit-"), contains(other));
    }
}
