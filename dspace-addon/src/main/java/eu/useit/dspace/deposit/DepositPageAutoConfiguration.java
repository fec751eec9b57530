/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.deposit;

import java.nio.file.Path;

import eu.useit.dspace.casestudy.ItemCheck;
import eu.useit.dspace.support.AddonFilters;
import org.dspace.content.service.ItemService;
import org.dspace.services.factory.DSpaceServicesFactory;
import org.dspace.workflow.CurationTaskConfig;
import org.dspace.xmlworkflow.storedcomponents.service.ClaimedTaskService;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the deposit page for librarians at {@code /server/useit/deposit}: {@code deposit.html} and
 * {@code deposit.js} in the addon jar, beside the search page (whose resource handler serves them). The page is a
 * client of DSpace's REST submission: it holds no rights of its own, so anybody may load it and only accounts that
 * DSpace lets deposit into a collection can deposit with it. Also checks a reviewer's approval of a deposit
 * ({@link ReviewApprovalFilter}).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class DepositPageAutoConfiguration {

    /** Where the page is served, below the server webapp's context path. */
    public static final String PATH = "/useit/deposit";

    /**
     * @return the forward of {@value #PATH} to the page's file
     */
    @Bean
    public WebMvcConfigurer useitDepositPage() {
        return new WebMvcConfigurer() {
            @Override
            public void addViewControllers(ViewControllerRegistry registry) {
                registry.addViewController(PATH).setViewName("forward:" + PATH + ".html");
            }
        };
    }

    /**
     * @param tasks    DSpace's claimed tasks
     * @param curation DSpace's workflow curation configuration
     * @param items    DSpace's item service
     * @return the check of a reviewer's approval ({@link ReviewApprovalFilter}), where {@link AddonFilters} puts
     *     the addon's filters
     */
    @Bean
    public FilterRegistrationBean<ReviewApprovalFilter> useitReviewApprovalFilter(ClaimedTaskService tasks,
                                                                                 CurationTaskConfig curation,
                                                                                 ItemService items) {
        Path dspaceDir = Path.of(DSpaceServicesFactory.getInstance().getConfigurationService()
                                                      .getProperty("dspace.dir"));
        ReviewApprovalFilter filter = new ReviewApprovalFilter(tasks, curation, () -> ItemCheck.load(dspaceDir, items));
        return AddonFilters.register(filter, "useitReviewApprovalFilter", "/api/workflow/claimedtasks/*");
    }
}
