/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.util.Date;

import com.lyncode.xoai.dataprovider.xml.oaipmh.ListRecordsType;
import com.lyncode.xoai.dataprovider.xml.oaipmh.ListSetsType;
import com.lyncode.xoai.dataprovider.xml.oaipmh.OAIPMHerrorcodeType;
import com.lyncode.xoai.dataprovider.xml.oaipmh.OAIPMHtype;
import com.lyncode.xoai.dataprovider.xml.oaipmh.RequestType;
import com.lyncode.xoai.dataprovider.xml.oaipmh.ResumptionTokenType;
import org.junit.Test;

/**
 * {@link XoaiAnswer}: every change to XOAI's answer is made by the one call the endpoint makes.
 */
public class XoaiAnswerTest {

    private static final Date EXPIRY = Date.from(Instant.parse("2026-12-14T09:00:00Z"));
    private static final Date RESPONSE_DATE = Date.from(Instant.parse("2026-12-07T09:00:00Z"));

    @Test
    public void aListPageGetsItsCursorExpiryEchoAndResponseDate() throws OaiError {
        OAIPMHtype info = new OAIPMHtype();
        info.setListRecords(new ListRecordsType());
        ResumptionTokenType token = new ResumptionTokenType();
        token.setValue("next");
        token.setCursor(2);
        info.getListRecords().setResumptionToken(token);
        RequestType request = new RequestType();
        request.setFrom(Date.from(Instant.parse("2024-01-01T00:00:00Z")));
        info.setRequest(request);

        XoaiAnswer.correct(info, OaiRequest.parse("verb=ListRecords&metadataPrefix=oai_dc&from=2024-01-01"), 200,
                           EXPIRY, RESPONSE_DATE);

        assertThat(token.getCursor(), is(200L));
        assertThat(token.getExpirationDate(), is(EXPIRY));
        assertThat(info.getRequest(), instanceOf(RequestEcho.class));
        assertThat(info.getResponseDate(), is(RESPONSE_DATE));
    }

    @Test
    public void aSetsPageWithNoSetBecomesABadResumptionToken() throws OaiError {
        OAIPMHtype info = new OAIPMHtype();
        info.setListSets(new ListSetsType());

        XoaiAnswer.correct(info, OaiRequest.parse("verb=ListSets&resumptionToken=t"), 100, EXPIRY, RESPONSE_DATE);

        assertThat(info.getListSets(), is(nullValue()));
        assertThat(info.getError().get(0).getCode(), is(OAIPMHerrorcodeType.BAD_RESUMPTION_TOKEN));
        assertThat(info.getResponseDate(), is(RESPONSE_DATE));
    }
}
