/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.Assert.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.lyncode.xoai.dataprovider.core.ResumptionToken;
import com.lyncode.xoai.dataprovider.exceptions.BadResumptionToken;
import org.junit.Test;

public class ResumptionTokensTest {

    private static final byte[] KEY = "a test key".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final Keyset LAST = new Keyset(Instant.parse("2026-11-20T08:30:00.123Z"), "123456789/42");

    private static ResumptionTokens tokens(String verb, Instant now) {
        return tokens("request", verb, now);
    }

    private static ResumptionTokens tokens(String context, String verb, Instant now) {
        return new ResumptionTokens(new TokenTerms(KEY, Duration.ofHours(24), Clock.fixed(now, ZoneOffset.UTC)),
                                    context, verb, (prefix, set) -> !"gone".equals(set));
    }

    private static String issue(String set) {
        return tokens("ListRecords", NOW).format(
            new ResumptionToken(100, "oai_dc", set, Date.from(Instant.parse("2020-01-01T00:00:00Z")), null), LAST);
    }

    @Test
    public void aTokenCarriesTheListAndTheKeysetAcrossInstances() throws BadResumptionToken {
        ResumptionTokens later = tokens("ListRecords", NOW.plus(Duration.ofHours(23)));
        ResumptionToken token = later.read(issue("strand")).token();
        assertThat(token.getOffset(), is(100));
        assertThat(token.getMetadataPrefix(), is("oai_dc"));
        assertThat(token.getSet(), is("strand"));
        assertThat(token.getFrom().toInstant(), is(Instant.parse("2020-01-01T00:00:00Z")));
        assertThat(token.getUntil(), is(nullValue()));
        assertThat(later.read(issue("strand")).position(), is(new ListPosition(LAST, 100)));
        assertThat(ListPage.of(later, null).start(), is(ListPosition.FIRST));
    }

    @Test
    public void aHarvestFromBefore1970GoesOn() throws BadResumptionToken {
        // from=0001-01-01 as XOAI reads it (the Julian calendar), after a record accessioned in 1960
        Instant from = Instant.parse("0000-12-30T00:00:00Z");
        Keyset restored = new Keyset(Instant.parse("1960-05-01T00:00:00Z"), "123456789/7");
        String token = tokens("ListRecords", NOW).format(
            new ResumptionToken(100, "oai_dc", null, Date.from(from), Date.from(NOW)), restored);

        ResumptionTokens later = tokens("ListRecords", NOW);
        assertThat(later.read(token).token().getFrom().toInstant(), is(from));
        assertThat(later.read(token).position(), is(new ListPosition(restored, 100)));
    }

    @Test
    public void aTokenIssuedWithoutARecordPageStartsByOffset() throws BadResumptionToken {
        String token = tokens("ListSets", NOW).format(new ResumptionToken(100, null, null, null, null), null);

        assertThat(tokens("ListSets", NOW).read(token).position(), is(new ListPosition(null, 100)));
    }

    @Test
    public void expiredForgedAlteredOrForeignTokensAreRefused() {
        String token = issue(null);
        assertThrows(BadResumptionToken.class,
            () -> tokens("ListRecords", NOW.plus(Duration.ofHours(25))).read(token).token());
        assertThrows(BadResumptionToken.class, () -> tokens("ListIdentifiers", NOW).read(token).token());
        assertThrows(BadResumptionToken.class, () -> tokens("ListRecords", NOW).read("forged").token());
        assertThrows(BadResumptionToken.class,
            () -> tokens("ListRecords", NOW).read(token.substring(0, token.length() - 2)).token());
        char[] altered = token.toCharArray();
        altered[5] = altered[5] == 'A' ? 'B' : 'A';
        assertThrows(BadResumptionToken.class, () -> tokens("ListRecords", NOW).read(new String(altered)).token());
        assertThrows(BadResumptionToken.class,
            () -> new ResumptionTokens(new TokenTerms("another key".getBytes(StandardCharsets.UTF_8),
                Duration.ofHours(24), Clock.fixed(NOW, ZoneOffset.UTC)), "request", "ListRecords",
                (p, s) -> true).read(token).token());
    }

    @Test
    public void aTokenForAFormatOrSetNoLongerServedIsStale() {
        String token = issue("gone");
        assertThrows(BadResumptionToken.class, () -> tokens("ListRecords", NOW).read(token).token());
    }

    @Test
    public void aTokenOfAnotherBaseUrlIsRefused() {
        String token = issue(null);
        assertThrows(BadResumptionToken.class,
            () -> tokens("useit", "ListRecords", NOW).read(token).token());
    }

    /** Tokens signed with the right key but with fields no token of ours has (as from someone with the key). */
    @Test
    public void signedTokensWithImpossibleFieldsAreRefused() throws Exception {
        String now = Long.toString(NOW.getEpochSecond());
        for (String[] fields : List.of(
            new String[] {"u2", "request", "ListRecords", "oai_dc", "", "", "", "-5", "1", "123456789/1", now},
            new String[] {"u2", "request", "ListRecords", "oai_dc", "", "", "", "ten", "1", "123456789/1", now},
            new String[] {"u2", "request", "ListRecords", "oai_dc", "", "", "", "10", "x", "123456789/1", now},
            new String[] {"u2", "request", "ListRecords", "oai_dc", "", "", "", "10", "1", "123 456/1 OR *", now},
            new String[] {"u2", "request", "ListRecords", "oai_dc", "", "", "", "10", "1", "nohandle", now},
            new String[] {"u2", "request", "ListRecords", "oai_dc", "", "", "", "10", "", "", "soon"})) {
            byte[] payload = String.join("\n", fields).getBytes(StandardCharsets.UTF_8);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(payload) + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(mac.doFinal(payload), 12));
            assertThrows(String.join("|", fields), BadResumptionToken.class,
                () -> tokens("ListRecords", NOW).read(token).token());
        }
    }
}
