/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.lyncode.xoai.dataprovider.core.ResumptionToken;
import com.lyncode.xoai.dataprovider.exceptions.BadResumptionToken;

/**
 * Resumption tokens that carry a keyset position instead of an offset: the list's arguments, the cursor (records
 * already sent), the datestamp and handle of the last record sent, and the time the token was issued, signed with
 * an HMAC. A token needs no server-side state, so it survives restarts; it expires after the configured validity;
 * forged, truncated or altered tokens, tokens of another verb, and tokens whose format or set no longer exists are
 * refused as {@code badResumptionToken}, and so are tokens of another base URL (context) of the repository. One
 * instance serves one request's context and verb: it reads the request's token ({@link ListPage}) and writes the
 * next one after the last record of the page the request read ({@link PageTokens}, XOAI's formatter).
 */
public final class ResumptionTokens {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final String VERSION = "u2";
    private static final int FIELDS = 11;
    /** A handle as the OAI core keeps it: prefix/suffix, no white space or control characters. */
    private static final Pattern HANDLE = Pattern.compile("[^\\s/\\p{Cntrl}]+/[^\\s\\p{Cntrl}]+");
    private static final int SIGNATURE_BYTES = 12;
    private static final long LAST_DATESTAMP = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();

    private final TokenTerms terms;
    private final String contextName;
    private final String verb;
    private final BiPredicate<String, String> stillServed;

    /**
     * @param terms       the node's terms: signing secret, validity, clock
     * @param contextName the OAI context of the request; a token is only good in the context that issued it
     * @param verb        the request's verb; a token is only good for the verb that issued it
     * @param stillServed tells whether a metadata prefix (may be null) and set spec (may be null) are still served
     */
    public ResumptionTokens(TokenTerms terms, String contextName, String verb,
                            BiPredicate<String, String> stillServed) {
        this.terms = terms;
        this.contextName = contextName;
        this.verb = verb;
        this.stillServed = stillServed;
    }

    /**
     * @return when a token issued now expires
     */
    public Date expiry() {
        return Date.from(terms.now().plus(terms.validity()));
    }

    /**
     * @param token the list XOAI continues: its arguments and the cursor of the next page
     * @param last  the last record of the page sent, where the next page starts (null when the list is not of
     *              records: the next page starts by offset)
     * @return the signed token
     */
    public String format(ResumptionToken token, Keyset last) {
        String payload = String.join("\n", VERSION, contextName, verb,
            text(token.getMetadataPrefix()), text(token.getSet()),
            token.hasFrom() ? Long.toString(token.getFrom().getTime()) : "",
            token.hasUntil() ? Long.toString(token.getUntil().getTime()) : "",
            Integer.toString(token.getOffset()),
            last == null ? "" : Long.toString(last.datestamp().toEpochMilli()),
            last == null ? "" : last.handle(),
            Long.toString(terms.now().getEpochSecond()));
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(sign(bytes));
    }

    /**
     * @param token a resumption token
     * @return the list it continues and where its page starts
     * @throws BadResumptionToken if the token is not a valid, current token of this list
     */
    Read read(String token) throws BadResumptionToken {
        String[] parts = token.split("\\.", -1);
        byte[] bytes;
        byte[] signature;
        try {
            if (parts.length != 2) {
                throw new IllegalArgumentException("not two parts");
            }
            bytes = DECODER.decode(parts[0]);
            signature = DECODER.decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new BadResumptionToken("The resumption token is not one of this repository's.");
        }
        if (!MessageDigest.isEqual(signature, sign(bytes))) {
            throw new BadResumptionToken("The resumption token is not one of this repository's, or was altered.");
        }
        String[] fields = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
        if (fields.length != FIELDS || !VERSION.equals(fields[0])) {
            throw new BadResumptionToken("The resumption token is of an older version; start the list again.");
        }
        if (!contextName.equals(fields[1])) {
            throw new BadResumptionToken("The resumption token was issued by another base URL of this repository.");
        }
        if (!verb.equals(fields[2])) {
            throw new BadResumptionToken("The resumption token was issued for another verb, not " + verb + ".");
        }
        try {
            return parseFields(fields);
        } catch (NumberFormatException | DateTimeException e) {
            throw new BadResumptionToken("The resumption token is not one of this repository's.");
        }
    }

    private Read parseFields(String[] fields) throws BadResumptionToken {
        Instant issued = Instant.ofEpochSecond(Long.parseLong(fields[10]));
        if (issued.plus(terms.validity()).isBefore(terms.now())) {
            throw new BadResumptionToken("The resumption token expired at " + issued.plus(terms.validity())
                + "; start the list again.");
        }
        String prefix = nullable(fields[3]);
        String set = nullable(fields[4]);
        int offset = Integer.parseInt(fields[7]);
        boolean positioned = !fields[8].isEmpty();
        if (offset < 0 || positioned && (!HANDLE.matcher(fields[9]).matches() || !isMoment(fields[8]))
            || !fields[5].isEmpty() && !isMoment(fields[5]) || !fields[6].isEmpty() && !isMoment(fields[6])) {
            throw new BadResumptionToken("The resumption token is not one of this repository's.");
        }
        if (!stillServed.test(prefix, set)) {
            throw new BadResumptionToken("The format or set of this resumption token is no longer served.");
        }
        Keyset after = positioned ? new Keyset(Instant.ofEpochMilli(Long.parseLong(fields[8])), fields[9]) : null;
        return new Read(new ResumptionToken(offset, prefix, set, date(fields[5]), date(fields[6])),
                        new ListPosition(after, offset));
    }

    /**
     * A token read.
     *
     * @param token    the list it continues, as XOAI takes it
     * @param position where its page starts
     */
    record Read(ResumptionToken token, ListPosition position) {
    }

    /**
     * A moment a token may carry: a request's from or until, or a record's place (when its item was accessioned,
     * which may be long before 1970), no later than the end of year 9999. No earlier bound: a harvest may start from
     * the year 1 (XOAI reads such a date in the Julian calendar, a day or two earlier), and the token is signed.
     */
    private static boolean isMoment(String millis) {
        return Long.parseLong(millis) <= LAST_DATESTAMP;
    }

    private byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(terms.key(), "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(payload), SIGNATURE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String nullable(String value) {
        return value.isEmpty() ? null : value;
    }

    private static Date date(String millis) {
        return millis.isEmpty() ? null : new Date(Long.parseLong(millis));
    }
}
