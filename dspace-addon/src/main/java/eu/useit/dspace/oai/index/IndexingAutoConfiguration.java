/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai.index;

import java.time.Duration;

import org.dspace.authorize.service.ResourcePolicyService;
import org.dspace.services.ConfigurationService;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * The index work a running web application does by itself: it looks at the index queue every few seconds
 * ({@code useit.index.queue.poll.seconds}, default 5: changes committed by commands in other processes, retries),
 * and sweeps for access that changed with time ({@code useit.access.sweep.interval.seconds}, default 600; 0:
 * never). Spring Boot finds this class through
 * {@code META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports}.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class IndexingAutoConfiguration {

    /**
     * What the web application runs, and how often.
     *
     * @param queuePoll   how often the queue is read
     * @param accessSweep how often access is swept, or zero
     */
    public record Schedule(Duration queuePoll, Duration accessSweep) {
    }

    /**
     * @param config   DSpace's configuration
     * @param policies DSpace's resource policies
     * @return the schedule, started
     * @throws Exception if the index cannot be reached
     */
    @Bean
    public Schedule useitIndexingSchedule(ConfigurationService config, ResourcePolicyService policies)
        throws Exception {
        Duration poll = Duration.ofSeconds(Math.max(1, config.getLongProperty("useit.index.queue.poll.seconds", 5)));
        Duration sweep = Duration.ofSeconds(Math.max(0, config.getLongProperty("useit.access.sweep.interval.seconds",
                                                                                 600)));
        IndexWorker worker = OaiIndexConsumer.worker();
        worker.poll(poll);
        if (!sweep.isZero()) {
            new AccessSweep(worker, policies)
                .every(sweep, Duration.ofDays(config.getLongProperty("useit.access.sweep.catch-up.days", 7)));
        }
        return new Schedule(poll, sweep);
    }
}
