/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.access;

import org.dspace.app.rest.model.RelationshipRest;
import org.dspace.services.factory.DSpaceServicesFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * Puts {@link HiddenItemFilter} and {@link SearchSyntaxFilter} into DSpace's server webapp (the addon jar in its
 * {@code WEB-INF/lib}, or the project's launcher), after Spring Security so that it knows the caller, and
 * {@link HiddenItemPermissionEvaluator} in place of DSpace's permission evaluator. Spring Boot finds this class
 * through {@code META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports}.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.dspace.app.rest.utils.ContextUtil")
public class AccessAutoConfiguration {

    /** After Spring Security's filter chain (order -100), before DSpace's controllers. */
    private static final int AFTER_SECURITY = 0;

    /**
     * @return which items callers may not see
     */
    @Bean
    public HiddenItems useitHiddenItems() {
        return HiddenItems.fromDSpace();
    }

    /**
     * @param hidden which items callers may not see
     * @return the filter, on the REST API and DSpace's FAIR Signposting
     */
    @Bean
    public FilterRegistrationBean<HiddenItemFilter> useitHiddenItemFilter(HiddenItems hidden) {
        String signposting = "/" + DSpaceServicesFactory.getInstance().getConfigurationService()
                                                        .getProperty("signposting.path", "signposting");
        FilterRegistrationBean<HiddenItemFilter> registration = new FilterRegistrationBean<>(new HiddenItemFilter(
            hidden, signposting));
        registration.addUrlPatterns("/api/*", signposting + "/*");
        registration.setOrder(AFTER_SECURITY);
        registration.setName("useitHiddenItemFilter");
        return registration;
    }

    /**
     * @return the filter, on DSpace's search endpoints
     */
    @Bean
    public FilterRegistrationBean<SearchSyntaxFilter> useitSearchSyntaxFilter() {
        FilterRegistrationBean<SearchSyntaxFilter> registration = new FilterRegistrationBean<>(
            new SearchSyntaxFilter());
        registration.addUrlPatterns("/api/discover/*");
        registration.setOrder(AFTER_SECURITY);
        registration.setName("useitSearchSyntaxFilter");
        return registration;
    }

    /**
     * Replaces DSpace's {@code DSpacePermissionEvaluator} bean (its webapp allows bean definitions to be overridden),
     * so that method security and DSpace's converters both use it.
     *
     * @param hidden which items callers may not see
     * @return the evaluator
     */
    @Bean(name = "DSpacePermissionEvaluator")
    public HiddenItemPermissionEvaluator dSpacePermissionEvaluator(HiddenItems hidden) {
        return new HiddenItemPermissionEvaluator(hidden);
    }

    /**
     * Replaces DSpace's relationships endpoint (bean {@code core.relationships}) by one that leaves out the
     * relationships of items the caller may not see.
     *
     * @param hidden which items callers may not see
     * @return the endpoint's repository
     */
    @Bean(name = RelationshipRest.CATEGORY + "." + RelationshipRest.PLURAL_NAME)
    public PublicRelationshipRestRepository useitRelationships(HiddenItems hidden) {
        return new PublicRelationshipRestRepository(hidden);
    }
}
