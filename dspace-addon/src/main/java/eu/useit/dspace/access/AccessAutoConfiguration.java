/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.access;

import eu.useit.dspace.support.AddonFilters;
import eu.useit.dspace.support.ScriptParametersFilter;
import eu.useit.dspace.support.UseitBeans;
import org.dspace.app.rest.filter.ContentLanguageHeaderResponseFilter;
import org.dspace.app.rest.model.RelationshipRest;
import org.dspace.services.factory.DSpaceServicesFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * Puts {@link HiddenItemFilter}, {@link SearchSyntaxFilter} and {@link ScriptParametersFilter} into DSpace's server
 * webapp (the addon jar in its {@code WEB-INF/lib}, or the project's launcher), where {@link AddonFilters} puts them,
 * and
 * {@link HiddenItemPermissionEvaluator} in place of DSpace's permission evaluator. Spring Boot finds this class
 * through {@code META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports}.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.dspace.app.rest.utils.ContextUtil")
public class AccessAutoConfiguration {

    /**
     * @param hidden   which items callers may not see (the kernel's bean {@code useitHiddenItems})
     * @param versions which versions and version histories callers may not see (its {@code useitHiddenVersions})
     * @return the filter, on the REST API and DSpace's FAIR Signposting
     */
    @Bean
    public FilterRegistrationBean<HiddenItemFilter> useitHiddenItemFilter(ObjectProvider<HiddenItems> hidden,
                                                                          ObjectProvider<HiddenVersions> versions) {
        String signposting = "/" + DSpaceServicesFactory.getInstance().getConfigurationService()
                                                        .getProperty("signposting.path", "signposting");
        HiddenItemFilter filter = new HiddenItemFilter(UseitBeans.installed(hidden, HiddenItems.BEAN),
                                                       UseitBeans.installed(versions, HiddenVersions.BEAN),
                                                       signposting);
        return AddonFilters.register(filter, "useitHiddenItemFilter", "/api/*", signposting + "/*");
    }

    /**
     * Runs DSpace's own {@code Content-Language} filter before the addon's filters rather than last: an answer
     * that {@link HiddenItemFilter} or {@link SearchSyntaxFilter} writes itself (a hidden item answered as a missing
     * one) then carries the same headers as DSpace's answer for a missing object.
     *
     * @param languages DSpace's filter (a bean of its webapp)
     * @return its registration, just before the addon's filters
     */
    @Bean
    public FilterRegistrationBean<ContentLanguageHeaderResponseFilter> useitContentLanguageFirst(
        ContentLanguageHeaderResponseFilter languages) {
        FilterRegistrationBean<ContentLanguageHeaderResponseFilter> registration = new FilterRegistrationBean<>(
            languages);
        registration.setOrder(AddonFilters.ORDER - 1);
        return registration;
    }

    /**
     * @return the filter that tells an administrator why DSpace would refuse a command's parameters, on DSpace's
     *     script endpoints
     */
    @Bean
    public FilterRegistrationBean<ScriptParametersFilter> useitScriptParametersFilter() {
        return AddonFilters.register(new ScriptParametersFilter(), "useitScriptParametersFilter",
                                     "/api/system/scripts/*");
    }

    /**
     * @return the filter, on DSpace's search endpoints
     */
    @Bean
    public FilterRegistrationBean<SearchSyntaxFilter> useitSearchSyntaxFilter() {
        return AddonFilters.register(new SearchSyntaxFilter(), "useitSearchSyntaxFilter", "/api/discover/*");
    }


    /**
     * Replaces DSpace's {@code DSpacePermissionEvaluator} bean (its webapp allows bean definitions to be overridden),
     * so that method security and DSpace's converters both use it.
     *
     * @param hidden   which items callers may not see (the kernel's bean {@code useitHiddenItems})
     * @param versions which versions and version histories callers may not see (its {@code useitHiddenVersions})
     * @return the evaluator
     */
    @Bean(name = "DSpacePermissionEvaluator")
    public HiddenItemPermissionEvaluator dSpacePermissionEvaluator(ObjectProvider<HiddenItems> hidden,
                                                                   ObjectProvider<HiddenVersions> versions) {
        return new HiddenItemPermissionEvaluator(UseitBeans.installed(hidden, HiddenItems.BEAN),
                                                 UseitBeans.installed(versions, HiddenVersions.BEAN));
    }

    /**
     * Replaces DSpace's relationships endpoint (bean {@code core.relationships}) by one that leaves out the
     * relationships of items the caller may not see.
     *
     * @param hidden which items callers may not see
     * @return the endpoint's repository
     */
    @Bean(name = RelationshipRest.CATEGORY + "." + RelationshipRest.PLURAL_NAME)
    public PublicRelationshipRestRepository useitRelationships(ObjectProvider<HiddenItems> hidden) {
        return new PublicRelationshipRestRepository(UseitBeans.installed(hidden, HiddenItems.BEAN));
    }
}
