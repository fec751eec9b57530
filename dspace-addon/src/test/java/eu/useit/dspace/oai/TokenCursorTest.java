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
        OAIPMHtype info = new OAIPMHtype();
        ListRecordsType list = new ListRecordsType();
        list.setResumptionToken(token("abc", 3));
        info.setListRecords(list);

        TokenCursor.write(info, 300, EXPIRY);

        assertThat(list.getResumptionToken().getCursor(), is(300L));
        assertThat(list.getResumptionToken().getExpirationDate(), is(EXPIRY));
    }

    @Test
    public void theEmptyTokenThatEndsAListGetsTheCursorButNoExpiry() {
        OAIPMHtype info = new OAIPMHtype();
        ListIdentifiersType list = new ListIdentifiersType();
        list.setResumptionToken(token("", 4));
        info.setListIdentifiers(list);

        TokenCursor.write(info, 400, EXPIRY);

        assertThat(list.getResumptionToken().getCursor(), is(400L));
        assertThat(list.getResumptionToken().getExpirationDate(), nullValue());
    }

    @Test
    public void aResponseWithoutATokenIsLeftAlone() {
        OAIPMHtype info = new OAIPMHtype();
        ListRecordsType list = new ListRecordsType();
        info.setListRecords(list);

        TokenCursor.write(info, 100, EXPIRY);

        assertThat(list.getResumptionToken(), nullValue());
    }

    private static ResumptionTokenType token(String value, int page) {
        ResumptionTokenType token = new ResumptionTokenType();
        token.setValue(value);
        token.setCursor(page);
        return token;
    }
}
