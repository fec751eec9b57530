/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.Assert.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import com.lyncode.xoai.dataprovider.core.ResumptionToken;
import com.lyncode.xoai.dataprovider.exceptions.BadResumptionToken;
import org.junit.Test;

/**
 * One request's place in a list ({@link ListPage}) and XOAI's formatter over it ({@link PageTokens}): the request's
 * token is read once, before XOAI runs, and XOAI's own read gets that result, a refusal included; the next token
 * starts after the last record of the page the request read, which is recorded once.
 */
public class ListPageTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final Keyset LAST = new Keyset(Instant.parse("2026-11-20T08:30:00.123Z"), "123456789/42");

    private final AtomicInteger reads = new AtomicInteger();
    private final ResumptionTokens tokens = new ResumptionTokens(
        new TokenTerms("a test key".getBytes(StandardCharsets.UTF_8), Duration.ofHours(24),
                       Clock.fixed(NOW, ZoneOffset.UTC)),
        "request", "ListRecords", (prefix, set) -> reads.incrementAndGet() > 0);

    @Test
    public void theTokenIsReadOnceAndTheNextStartsAfterThePagesLastRecord() throws BadResumptionToken {
        String token = tokens.format(new ResumptionToken(100, "oai_dc", null, null, null), LAST);
        ListPage page = ListPage.of(tokens, token);
        assertThat(page.start(), is(new ListPosition(LAST, 100)));
        PageTokens xoai = new PageTokens(tokens, page);
        assertThat(xoai.parse(token).getOffset(), is(100));
        assertThat("read once, for the page and for XOAI", reads.get(), is(1));

        assertThat(page.last(), is(nullValue()));
        Keyset next = new Keyset(Instant.parse("2026-11-21T00:00:00Z"), "123456789/77");
        page.read(next);
        String following = xoai.format(new ResumptionToken(200, "oai_dc", null, null, null));
        assertThat(ListPage.of(tokens, following).start(), is(new ListPosition(next, 200)));
        IllegalStateException twice = assertThrows(IllegalStateException.class, () -> page.read(LAST));
        assertThat(twice.getMessage(), containsString("123456789/77"));
    }

    @Test
    public void aRefusedTokenStartsNowhereAndXoaiGetsTheSameRefusal() {
        ListPage page = ListPage.of(tokens, "forged");
        assertThat(page.start(), is(ListPosition.FIRST));
        BadResumptionToken refusal = assertThrows(BadResumptionToken.class,
                                                  () -> new PageTokens(tokens, page).parse("forged"));
        assertThat(refusal.getMessage(), is("The resumption token is not one of this repository's."));
        assertThrows(IllegalArgumentException.class, () -> new PageTokens(tokens, page).parse("another"));
    }

    @Test
    public void withoutATokenTheListStartsAtTheFirstPage() throws BadResumptionToken {
        ListPage page = ListPage.of(tokens, null);
        assertThat(page.start(), is(ListPosition.FIRST));
        assertThat(new PageTokens(tokens, page).parse(null).getOffset(), is(0));
    }
}
