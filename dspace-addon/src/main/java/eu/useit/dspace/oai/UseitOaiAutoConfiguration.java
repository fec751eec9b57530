/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;

import eu.useit.dspace.access.AnonymousAccess;
import eu.useit.dspace.oai.index.TombstoneGuard;
import eu.useit.dspace.support.UseitBeans;
import org.dspace.services.factory.DSpaceServicesFactory;
import org.dspace.xoai.services.api.CollectionsService;
import org.dspace.xoai.services.api.EarliestDateResolver;
import org.dspace.xoai.services.api.HandleResolver;
import org.dspace.xoai.services.api.config.ConfigurationService;
import org.dspace.xoai.services.api.config.XOAIManagerResolver;
import org.dspace.xoai.services.api.context.ContextService;
import org.dspace.xoai.services.api.solr.SolrQueryResolver;
import org.dspace.xoai.services.api.solr.SolrServerResolver;
import org.dspace.xoai.services.api.xoai.IdentifyResolver;
import org.dspace.xoai.services.api.xoai.SetRepositoryResolver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Puts the USE-IT! OAI-PMH endpoint ({@link OaiEndpoint}) in front of DSpace's OAI controller in any Spring Boot
 * web application that has DSpace's OAI web layer: DSpace's server webapp (the addon jar in its
 * {@code WEB-INF/lib}) or the project's own launcher. Spring Boot finds it through
 * {@code META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports}.
 *
 * <p>Settings ({@code config/modules/useit.cfg}): {@code useit.oai.token.validity.hours} (default 168),
 * {@code useit.oai.token.secret} (default: a key made on first use in {@code [dspace]/var/oai}) and
 * {@code useit.oai.endpoint.enabled} (default true; false leaves OAI-PMH to DSpace's stock controller, e.g. to
 * compare the two).</p>
 */
@AutoConfiguration
@ConditionalOnBean(XOAIManagerResolver.class)
@ConditionalOnProperty(name = "useit.oai.endpoint.enabled", havingValue = "true", matchIfMissing = true)
public class UseitOaiAutoConfiguration {

    /**
     * @param managers    the XOAI configuration
     * @param dates       DSpace's earliest date, for Identify on an empty OAI index
     * @param oaiSettings DSpace's configuration as its OAI layer reads it, for Identify
     * @param sets        DSpace's set repository
     * @param solr        the OAI core
     * @param queries     XOAI filters as Solr queries
     * @param collections DSpace's collection service
     * @param contexts    DSpace's OAI context service
     * @param tokenKey    this web node's token secret, checked against the other nodes'
     * @param anonymous   what anonymous users may see (the bean {@code useitAnonymousAccess})
     * @return the endpoint's registration, ahead of Spring Security and DSpace's controller
     * @throws IOException if the resumption token key cannot be made
     */
    @Bean
    public FilterRegistrationBean<OaiEndpoint> useitOaiEndpoint(XOAIManagerResolver managers,
                                                                EarliestDateResolver dates,
                                                                ConfigurationService oaiSettings,
                                                                SetRepositoryResolver sets,
                                                                SolrServerResolver solr, SolrQueryResolver queries,
                                                                CollectionsService collections,
                                                                ContextService contexts,
                                                                SharedTokenKey tokenKey,
                                                                ObjectProvider<AnonymousAccess> anonymous)
        throws IOException {
        var configuration = DSpaceServicesFactory.getInstance().getConfigurationService();
        Path dspaceDir = Path.of(configuration.getProperty("dspace.dir"));
        HandleResolver handles = new OaiHandles(contexts);
        IdentifyResolver identify = () -> new UseitIdentify(dates, oaiSettings, contexts.getContext(), solr);
        OaiServices services = new OaiServices(managers, identify, sets, solr, queries, collections, handles,
            new AnonymousSets(handles, contexts, UseitBeans.installed(anonymous, AnonymousAccess.BEAN)));
        byte[] key = tokenKey.key();
        Duration validity = Duration.ofHours(configuration.getLongProperty("useit.oai.token.validity.hours", 168));
        TokenTerms tokens = new TokenTerms(key, validity, Clock.systemUTC());
        OaiResponder responder = new OaiResponder(services, new VocabularySets(dspaceDir), tokens, new TombstoneGuard(),
                                                  configuration.getProperty("oai.identifier.prefix"));
        String oaiPath = configuration.getProperty("oai.path", "oai");
        FilterRegistrationBean<OaiEndpoint> registration =
            new FilterRegistrationBean<>(new OaiEndpoint(oaiPath, responder));
        registration.addUrlPatterns("/" + oaiPath + "/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
        registration.setName("useitOaiEndpoint");
        return registration;
    }

    /**
     * This web node among those of its database: refused when a running one signs tokens with another secret.
     *
     * @return the registration, removed when the application stops
     * @throws IOException  if the resumption token key cannot be read
     * @throws SQLException if the database cannot be reached
     */
    @Bean(destroyMethod = "close")
    public SharedTokenKey useitSharedTokenKey() throws IOException, SQLException {
        var configuration = DSpaceServicesFactory.getInstance().getConfigurationService();
        String dspaceDir = configuration.getProperty("dspace.dir");
        byte[] key = TokenKey.load(configuration.getProperty(TokenKey.SETTING), Path.of(dspaceDir));
        return SharedTokenKey.join(UseitBeans.dataSource(), hostName() + ":" + dspaceDir, key, Clock.systemUTC());
    }

    /** This machine's name, to tell web nodes apart; a container without one still starts. */
    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unnamed-host";
        }
    }
}
