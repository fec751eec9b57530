/*
 * USE-IT! repository addon for DSpace.
 */
package eu.useit.dspace.access;

import org.dspace.authorize.factory.AuthorizeServiceFactory;
import org.dspace.content.factory.ContentServiceFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * Puts {@link HiddenItemFilter} into DSpace's server webapp (the addon jar in its {@code WEB-INF/lib}, or the
 * project's launcher), after Spring Security so that it knows the caller. Spring Boot finds this class through
 * {@code META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports}.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.dspace.app.rest.utils.ContextUtil")
public class AccessAutoConfiguration {

    /** After Spring Security's filter chain (order -100), before DSpace's controllers. */
    private static final int AFTER_SECURITY = 0;

    /**
     * @return the filter, on the REST API's items, bundles and files
     */
    @Bean
    public FilterRegistrationBean<HiddenItemFilter> useitHiddenItemFilter() {
        HiddenItemFilter filter = new HiddenItemFilter(ContentServiceFactory.getInstance().getItemService(),
            ContentServiceFactory.getInstance().getBundleService(),
            ContentServiceFactory.getInstance().getBitstreamService(),
            AuthorizeServiceFactory.getInstance().getAuthorizeService(), AnonymousAccess.fromDSpace());
        FilterRegistrationBean<HiddenItemFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/api/core/items/*", "/api/core/bundles/*", "/api/core/bitstreams/*",
                                    "/api/pid/find");
        registration.setOrder(AFTER_SECURITY);
        registration.setName("useitHiddenItemFilter");
        return registration;
    }
}
