/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.util.Date;

import com.lyncode.xoai.dataprovider.xml.oaipmh.ListIdentifiersType;
import com.lyncode.xoai.dataprovider.xml.oaipmh.ListRecordsType;
import com.lyncode.xoai.dataprovider.xml.oaipmh.OAIPMHtype;
import com.lyncode.xoai.dataprovider.xml.oaipmh.ResumptionTokenType;
import org.junit.Test;

/**
 * {@link TokenCursor}: the cursor XOAI wrote (a page number) becomes the number of records sent before the page,
 * and a token that continues the list gets its expiry; the empty token that ends a list gets the cursor only.
 */
public class TokenCursorTest {

    private static final Date EXPIRY = Date.from(Instant.parse("2026-12-05T12:00:00Z"));

    @Test
    public void aContinuingTokenGetsTheRecordCursorAndItsExpiry() {
        ResumptionTokenType written = written(token("abc", 3), true, 300);

        assertThat(written.getCursor(), is(300L));
        assertThat(written.getExpirationDate(), is(EXPIRY));
    }

    @Test
    public void theEmptyTokenThatEndsAListGetsTheCursorButNoExpiry() {
        ResumptionTokenType written = written(token("", 4), false, 400);

        assertThat(written.getCursor(), is(400L));
        assertThat(written.getExpirationDate(), nullValue());
    }

    @Test
    public void aResponseWithoutATokenIsLeftAlone() {
        assertThat(written(null, true, 100), nullValue());
    }

    /**
     * The token of a list response XOAI made, as the response holds it once {@link TokenCursor} wrote into it.
     *
     * @param token   XOAI's token of the page (null: the page has none)
     * @param records whether the response is a ListRecords page (else a ListIdentifiers page)
     * @param sent    the number of records sent before the page
     */
    private static ResumptionTokenType written(ResumptionTokenType token, boolean records, int sent) {
        OAIPMHtype info = new OAIPMHtype();
        if (records) {
            info.setListRecords(new ListRecordsType());
            info.getListRecords().setResumptionToken(token);
        } else {
            info.setListIdentifiers(new ListIdentifiersType());
            info.getListIdentifiers().setResumptionToken(token);
        }

        TokenCursor.write(info, sent, EXPIRY);

        return records ? info.getListRecords().getResumptionToken() : info.getListIdentifiers().getResumptionToken();
    }

    private static ResumptionTokenType token(String value, int page) {
        ResumptionTokenType token = new ResumptionTokenType();
        token.setValue(value);
        token.setCursor(page);
        return token;
    }
}
