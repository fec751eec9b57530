/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.deposit;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the deposit page for librarians at {@code /server/useit/deposit}: {@code deposit.html} and
 * {@code deposit.js} in the addon jar, beside the search page (whose resource handler serves them). The page is a
 * client of DSpace's REST submission: it holds no rights of its own, so anybody may load it and only accounts that
 * DSpace lets deposit into a collection can deposit with it.
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
}
