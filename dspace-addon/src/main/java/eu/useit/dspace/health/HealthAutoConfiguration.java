/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.health;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.dspace.services.ConfigurationService;
import org.dspace.services.factory.DSpaceServicesFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * Adds {@link SolrCloudHealthIndicator} to DSpace's health endpoint ({@code /server/actuator/health}, component
 * {@code solrCloud}) for the search and OAI-PMH cores. Spring Boot finds this class through
 * {@code META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports}.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.boot.actuate.health.AbstractHealthIndicator")
public class HealthAutoConfiguration {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    /**
     * @return the check of the cores named by {@code discovery.search.server} and {@code oai.solr.url}
     */
    @Bean
    public SolrCloudHealthIndicator solrCloudHealthIndicator() {
        ConfigurationService config = DSpaceServicesFactory.getInstance().getConfigurationService();
        Map<String, String> cores = new LinkedHashMap<>();
        for (String setting : new String[] {"discovery.search.server", "oai.solr.url"}) {
            String url = config.getProperty(setting);
            if (url != null && !url.isBlank()) {
                cores.put(setting, url);
            }
        }
        // each core: a ping and a field or two, each within the timeout
        return new SolrCloudHealthIndicator(new SolrCoreProbe(TIMEOUT), cores,
                                            Map.of("oai.solr.url", SolrCoreProbe.OAI_FIELDS),
                                            TIMEOUT.multipliedBy(3L * Math.max(1, cores.size())));
    }
}
