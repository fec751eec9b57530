/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.search;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the USE-IT! search page for scholars at {@code /server/useit/} in DSpace's server webapp: static files in
 * the addon jar ({@code META-INF/resources/useit/}: {@code index.html}, {@code search.js}, {@code search.css})
 * that call the REST API's Discovery endpoints with the {@code useit} configuration. Spring Boot finds this class
 * through {@code META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports}.
 *
 * <p>DSpace's Spring Security chain covers only {@code /api/**}, {@code /iiif/**}, {@code /signposting/**} and the
 * actuator, so anybody may GET the page; the searches it makes are the REST API's, anonymous unless the browser
 * holds a DSpace login.</p>
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class UseitSearchPageAutoConfiguration {

    /** Where the page is served, below the server webapp's context path. */
    public static final String PATH = "/useit/";

    /**
     * @return the pages' security headers ({@link PageHeaders}), on every file of the pages
     */
    @Bean
    public FilterRegistrationBean<PageHeaders> useitPageHeaders() {
        FilterRegistrationBean<PageHeaders> registration = new FilterRegistrationBean<>(new PageHeaders());
        registration.addUrlPatterns("/useit", "/useit/*");
        registration.setName("useitPageHeaders");
        return registration;
    }

    /**
     * @return the page's resource handler and the forward of {@code /useit/} to its {@code index.html}
     */
    @Bean
    public WebMvcConfigurer useitSearchPage() {
        return new WebMvcConfigurer() {
            @Override
            public void addResourceHandlers(ResourceHandlerRegistry registry) {
                // revalidated on every use (Last-Modified), so a new addon jar shows at once
                registry.addResourceHandler(PATH + "**")
                        .addResourceLocations("classpath:/META-INF/resources" + PATH)
                        .setCacheControl(CacheControl.noCache());
            }

            @Override
            public void addViewControllers(ViewControllerRegistry registry) {
                registry.addRedirectViewController("/useit", PATH);
                registry.addViewController(PATH).setViewName("forward:" + PATH + "index.html");
            }
        };
    }
}
