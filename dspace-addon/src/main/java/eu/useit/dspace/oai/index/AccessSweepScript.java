/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai.index;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import eu.useit.dspace.support.UseitScript;
import org.apache.commons.cli.ParseException;
import org.dspace.authorize.factory.AuthorizeServiceFactory;

/**
 * {@code dspace useit-access-sweep [-s <date>]}: writes the OAI-PMH records and search documents of the items whose
 * access changed with time (an embargo lifted, a lease ended) since the given day or moment (default: two days ago,
 * for a daily cron job with a day to spare). The web application sweeps by itself every ten minutes and at each
 * midnight; this command is for sites that switch that off ({@code useit.access.sweep.interval.seconds = 0}) and
 * prefer cron.
 */
public class AccessSweepScript extends UseitScript<AccessSweepScriptConfiguration> {

    /** How far back the command looks by default. */
    public static final Duration DEFAULT_SINCE = Duration.ofDays(2);

    private Instant since;

    @Override
    public void setup() throws ParseException {
        String value = commandLine.getOptionValue('s');
        since = value == null ? Instant.now().minus(DEFAULT_SINCE) : parse(value);
    }

    private static Instant parse(String value) throws ParseException {
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneId.systemDefault()).toInstant()
                : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ParseException("-s " + value + ": not a day (YYYY-MM-DD) nor a moment (YYYY-MM-DDThh:mm:ssZ)");
        }
    }

    @Override
    public void internalRun() throws Exception {
        AccessSweep sweep = new AccessSweep(OaiIndexConsumer.worker(),
                                            AuthorizeServiceFactory.getInstance().getResourcePolicyService());
        int changed = sweep.sweep(since, Instant.now());
        handler.logInfo("useit-access-sweep: " + changed + " item(s) whose access changed since " + since
                            + " queued and written to the OAI-PMH and search indexes");
        int waiting = OaiIndexConsumer.worker().queue().size();
        if (waiting > 0) {
            // kept, not lost: the web application writes them when the indexes answer again
            handler.logWarning("useit-access-sweep: " + waiting + " item(s) wait in the index queue (an index did"
                                   + " not answer); they are written when it does");
        }
    }
}
