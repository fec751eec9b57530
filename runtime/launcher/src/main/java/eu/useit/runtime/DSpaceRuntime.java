/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

import eu.useit.dspace.oai.TokenKey;
import org.dspace.servicemanager.DSpaceKernelImpl;
import org.dspace.servicemanager.DSpaceKernelInit;
import org.dspace.services.ConfigurationService;
import org.dspace.storage.rdbms.DatabaseUtils;
import org.springframework.beans.BeansException;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Boots DSpace 8.1 on a DSpace home: the kernel (configuration and Spring services from
 * {@code [dspace]/config/spring}), then checks the database and Solr, then runs DSpace's Flyway migrations,
 * which also load the registries. Every misconfiguration ends in a {@link StartupException} naming the setting.
 * <p>
 * One kernel per JVM: DSpace keeps its kernel in a static registry.
 */
public final class DSpaceRuntime implements AutoCloseable {

    private final DSpaceKernelImpl kernel;
    private final long bootMillis;

    private DSpaceRuntime(DSpaceKernelImpl kernel, long bootMillis) {
        this.kernel = kernel;
        this.bootMillis = bootMillis;
    }

    /**
     * Starts DSpace on the given home. Settings given as JVM system properties (for example {@code solr.server}
     * or {@code db.url}) override the home's {@code local.cfg} and {@code dspace.cfg}.
     *
     * @param dspaceDir the DSpace home (holds {@code config/dspace.cfg})
     * @return the running DSpace
     * @throws StartupException naming the setting at fault
     */
    public static DSpaceRuntime boot(Path dspaceDir) {
        long start = System.nanoTime();
        if (dspaceDir == null || !Files.isRegularFile(dspaceDir.resolve("config").resolve("dspace.cfg"))) {
            throw new StartupException("dspace.dir=" + dspaceDir + ": not a DSpace home (no config/dspace.cfg)");
        }
        String home = dspaceDir.toAbsolutePath().toString();
        System.setProperty("dspace.dir", home);
        DSpaceKernelImpl kernel = DSpaceKernelInit.getKernel(null);
        if (!kernel.isRunning()) {
            try {
                kernel.start(home);
            } catch (RuntimeException e) {
                stopQuietly(kernel);
                throw new StartupException("dspace.dir=" + home + ": DSpace did not start: "
                                               + StartupException.rootMessage(e), e);
            }
        }
        try {
            ConfigurationService config = kernel.getConfigurationService();
            DataSource dataSource = kernel.getServiceManager().getServiceByName("dataSource", DataSource.class);
            checkOaiNamespace(config);
            checkTokenSecret(config);
            checkDatabase(config, dataSource);
            SolrCoreCheck solr = new SolrCoreCheck();
            solr.check(config, "discovery.search.server");
            solr.checkOaiCore(config);
            migrate(config);
            checkServiceFactories(kernel, home);
        } catch (StartupException e) {
            stopQuietly(kernel);
            throw e;
        }
        return new DSpaceRuntime(kernel, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * DSpace code reaches its services through static factories (ContentServiceFactory.getInstance() ...) that
     * answer null when the bean cannot be built. Building every factory now turns a home that lacks a service
     * into one clear start-up error instead of a NullPointerException on first use.
     */
    private static void checkServiceFactories(DSpaceKernelImpl kernel, String home) {
        ConfigurableApplicationContext context = kernel.getServiceManager().getApplicationContext();
        for (String name : context.getBeanDefinitionNames()) {
            if (name.endsWith("Factory") && context.getBeanFactory().getBeanDefinition(name).isSingleton()) {
                try {
                    context.getBean(name);
                } catch (BeansException e) {
                    throw new StartupException("dspace.dir=" + home + ": the service factory '" + name
                                                   + "' cannot be built: " + StartupException.rootMessage(e), e);
                }
            }
        }
    }

    /**
     * OAI-PMH identifiers ({@code oai:<namespace>:<handle>}) need a registered-looking domain name with a dot as
     * namespace; harvesters reject {@code localhost}. DSpace would otherwise derive it from the host name.
     */
    private static void checkOaiNamespace(ConfigurationService config) {
        String prefix = config.getProperty("oai.identifier.prefix");
        if (prefix == null || !prefix.matches("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+")
            || prefix.toLowerCase(Locale.ROOT).startsWith("localhost")) {
            throw new StartupException("oai.identifier.prefix=" + prefix + ": not a domain name with a dot; "
                                           + "OAI-PMH identifiers need one (e.g. repository.example.ac.uk)");
        }
    }

    private static void checkTokenSecret(ConfigurationService config) {
        try {
            // the setting, or else the key file (made on the first start): one line if either cannot sign
            TokenKey.load(config.getProperty(TokenKey.SETTING), Path.of(config.getProperty("dspace.dir")));
        } catch (IllegalArgumentException e) {
            throw new StartupException(e.getMessage());
        } catch (IOException e) {
            throw new StartupException("dspace.dir=" + config.getProperty("dspace.dir") + ": cannot read or make "
                                           + "the resumption token key: " + StartupException.rootMessage(e), e);
        }
    }

    private static void checkDatabase(ConfigurationService config, DataSource dataSource) {
        String url = config.getProperty("db.url");
        try (Connection connection = dataSource.getConnection()) {
            connection.isValid(5);
        } catch (SQLException | RuntimeException e) {
            throw new StartupException("db.url=" + StartupException.withoutSecrets(url)
                                           + ": cannot connect to the database: " + StartupException.rootMessage(e),
                                       e);
        }
    }

    private static void migrate(ConfigurationService config) {
        try {
            DatabaseUtils.updateDatabase();
        } catch (SQLException | RuntimeException e) {
            throw new StartupException("db.url=" + StartupException.withoutSecrets(config.getProperty("db.url"))
                                           + ": database migration failed: " + StartupException.rootMessage(e), e);
        }
    }

    private static void stopQuietly(DSpaceKernelImpl kernel) {
        try {
            if (kernel.isRunning()) {
                kernel.stop();
            }
            kernel.destroy();
        } catch (RuntimeException e) {
            // already failing; the original error is what matters
        }
    }

    /**
     * @return the running kernel
     */
    public DSpaceKernelImpl kernel() {
        return kernel;
    }

    /**
     * @return DSpace's configuration service
     */
    public ConfigurationService configuration() {
        return kernel.getConfigurationService();
    }

    /**
     * @return how long {@link #boot(Path)} took, in milliseconds
     */
    public long bootMillis() {
        return bootMillis;
    }

    /**
     * Stops the kernel.
     */
    @Override
    public void close() {
        stopQuietly(kernel);
    }
}
