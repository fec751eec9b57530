/*
 * USE-IT! repository addon for DSpace.
 */
package eu.useit.runtime;

import org.dspace.app.configuration.OAIWebConfig;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.http.client.HttpClientAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration;
import org.springframework.boot.autoconfigure.web.client.RestClientAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The web application that serves DSpace's OAI-PMH data provider ({@link OAIWebConfig}) under
 * {@code /server/oai/...}. The database, Flyway and Hibernate belong to the DSpace kernel, which is this
 * context's parent, so Spring Boot must not configure its own. Outgoing HTTP clients are not needed, and Spring
 * Boot's would mistake SolrJ's Jetty 9 client for a Jetty 12 one.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(exclude = {
    DataSourceAutoConfiguration.class,
    DataSourceTransactionManagerAutoConfiguration.class,
    HibernateJpaAutoConfiguration.class,
    FlywayAutoConfiguration.class,
    HttpClientAutoConfiguration.class,
    RestClientAutoConfiguration.class
})
@Import(OAIWebConfig.class)
public class OaiWebApplication {
}
