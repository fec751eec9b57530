/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.runtime;

import org.apache.catalina.core.StandardHost;
import org.dspace.app.rest.WebApplication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.http.client.HttpClientAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration;
import org.springframework.boot.autoconfigure.web.client.RestClientAutoConfiguration;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;

/**
 * DSpace's server webapp (REST API, HAL browser, OAI-PMH) as DSpace's own {@code ServerApplication} assembles it:
 * every component of {@code org.dspace.app.rest} and, through its {@code ApplicationConfig}, the OAI web layer.
 * The database, Flyway and Hibernate belong to the DSpace kernel, this context's parent, so Spring Boot must not
 * configure its own; Spring Boot's HTTP client auto-configuration would mistake SolrJ's Jetty 9 client for Jetty 12.
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
@ComponentScan(basePackageClasses = WebApplication.class)
public class ServerWebApplication {

    /**
     * The container's own error answers ({@link ErrorReports}): OAI-PMH errors below the OAI address; and the root
     * of the host ({@link SiteRoot}): robots.txt, the sitemap and the search page.
     *
     * @param contextPath the webapp's context path
     * @param oaiPath     DSpace's {@code oai.path}
     * @param oaiUrl      DSpace's {@code oai.url}
     * @return the customizer that installs them on the host
     */
    @Bean
    public WebServerFactoryCustomizer<TomcatServletWebServerFactory> errorReports(
        @Value("${server.servlet.context-path}") String contextPath, @Value("${oai.path:oai}") String oaiPath,
        @Value("${oai.url}") String oaiUrl) {
        ErrorReports reports = new ErrorReports(contextPath + "/" + oaiPath, oaiUrl + "/request");
        SiteRoot root = new SiteRoot(contextPath + "/useit");
        return factory -> factory.addContextCustomizers(context -> {
            reports.install((StandardHost) context.getParent());
            root.install((StandardHost) context.getParent());
        });
    }
}
