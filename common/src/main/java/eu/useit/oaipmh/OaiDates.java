/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.oaipmh;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/**
 * OAI-PMH UTC datestamps: {@code YYYY-MM-DD} (day granularity) or {@code YYYY-MM-DDThh:mm:ssZ} (seconds), as
 * OAI-PMH 2.0 §3.3 writes them. The one grammar of the product: the endpoint reads {@code from} and {@code until}
 * with it, the checker reads what an endpoint answers with it.
 */
public final class OaiDates {

    /**
     * Identify's granularity value for days.
     */
    public static final String DAY = "YYYY-MM-DD";
    /**
     * Identify's granularity value for seconds.
     */
    public static final String SECONDS = "YYYY-MM-DDThh:mm:ssZ";

    private static final Pattern DAY_FORM = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern SECONDS_FORM = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    private static final DateTimeFormatter DAY_PARSER = DateTimeFormatter.ofPattern("uuuu-MM-dd")
                                                                         .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter SECONDS_PARSER = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
                                                                             .withResolverStyle(ResolverStyle.STRICT);

    private OaiDates() {
    }

    /**
     * @param value       a datestamp
     * @param granularity {@link #DAY} or {@link #SECONDS}
     * @return true when the value is written in exactly that granularity
     */
    public static boolean hasGranularity(String value, String granularity) {
        return (DAY.equals(granularity) ? DAY_FORM : SECONDS_FORM).matcher(value).matches();
    }

    /**
     * @param value a text
     * @return true when it is written as a datestamp of either granularity (whether or not that date exists)
     */
    public static boolean isDatestamp(String value) {
        return DAY_FORM.matcher(value).matches() || SECONDS_FORM.matcher(value).matches();
    }

    /**
     * @param value a datestamp in either granularity
     * @return the instant it starts, or null when it is not a real UTC datestamp
     */
    public static Instant parse(String value) {
        try {
            if (DAY_FORM.matcher(value).matches()) {
                return LocalDate.parse(value, DAY_PARSER).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            if (SECONDS_FORM.matcher(value).matches()) {
                return LocalDateTime.parse(value, SECONDS_PARSER).toInstant(ZoneOffset.UTC);
            }
        } catch (DateTimeParseException e) {
            return null;
        }
        return null;
    }

    /**
     * @param value a datestamp
     * @return its day part ({@code YYYY-MM-DD})
     */
    public static String day(String value) {
        return value.length() >= 10 ? value.substring(0, 10) : value;
    }
}
