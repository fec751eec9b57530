/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.runtime;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import eu.useit.dspace.health.SolrCoreProbe;
import org.dspace.services.ConfigurationService;

/**
 * The start-up check of a Solr core (or SolrCloud collection) given by a URL setting: it must answer its ping, and,
 * on a SolrCloud node, that node must be connected to ZooKeeper ({@link SolrCoreProbe}): a web node started on a
 * node that refuses updates would serve, and queue changes it cannot write.
 */
final class SolrCoreCheck {

    private final SolrCoreProbe probe = new SolrCoreProbe(Duration.ofSeconds(10));

    /**
     * @param config  DSpace configuration
     * @param setting name of the setting holding the core's URL
     * @throws StartupException if the core does not answer its ping, or its SolrCloud node has lost ZooKeeper
     */
    void check(ConfigurationService config, String setting) {
        String url = config.getProperty(setting);
        if (url == null || url.isBlank()) {
            throw new StartupException(setting + " is not set: DSpace needs the URL of this Solr core");
        }
        SolrCoreProbe.Ping ping;
        try {
            ping = probe.ping(url);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(setting, url, "interrupted");
        } catch (IOException | RuntimeException e) {
            throw unreachable(setting, url, StartupException.rootMessage(e));
        }
        if (ping.status() != 200) {
            throw unreachable(setting, url, "HTTP " + ping.status() + " (no such core or SolrCloud collection?)");
        }
        if (!ping.writable()) {
            throw new StartupException(setting + "=" + StartupException.withoutSecrets(url) + ": "
                                           + probe.zooKeeperLost(url)
                                           + "; start ZooKeeper, or give the address of a node that is connected");
        }
    }

    /**
     * Checks the OAI-PMH core ({@code oai.solr.url}) as {@link #check} does, and that it is USE-IT!'s: DSpace's own
     * has no {@link SolrCoreProbe#OAI_ORDER_FIELD}, and Solr would refuse every list query on it; one of an earlier
     * release lacks another of {@link SolrCoreProbe#OAI_FIELDS}, and Solr would refuse every record.
     *
     * @param config DSpace configuration
     * @throws StartupException if the core does not answer, its node has lost ZooKeeper, or it lacks the field
     */
    void checkOaiCore(ConfigurationService config) {
        String setting = "oai.solr.url";
        check(config, setting);
        String url = config.getProperty(setting);
        Optional<String> missing = missingField(setting, url);
        if (missing.isPresent()) {
            throw new StartupException(setting + "=" + StartupException.withoutSecrets(url) + ": "
                                           + SolrCoreProbe.notOurOaiCore(missing.get()));
        }
    }

    private Optional<String> missingField(String setting, String url) {
        try {
            return probe.missingField(url, SolrCoreProbe.OAI_FIELDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(setting, url, "interrupted");
        } catch (IOException | RuntimeException e) {
            throw unreachable(setting, url, StartupException.rootMessage(e));
        }
    }

    private static StartupException unreachable(String setting, String url, String problem) {
        return new StartupException(StartupException.withoutSecrets(setting + "=" + url
                                                                        + ": Solr core not reachable: " + problem));
    }
}
