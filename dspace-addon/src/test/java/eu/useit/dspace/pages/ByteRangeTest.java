/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.pages;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import eu.useit.dspace.pages.ByteRange.Kind;
import org.junit.Test;

public class ByteRangeTest {

    @Test
    public void oneRangeIsServedWithinTheFile() {
        assertThat(ByteRange.of("bytes=0-99", 1000), is(new ByteRange(Kind.PART, 0, 99, 1000)));
        assertThat(ByteRange.of("bytes=900-", 1000), is(new ByteRange(Kind.PART, 900, 999, 1000)));
        assertThat(ByteRange.of("bytes=900-5000", 1000), is(new ByteRange(Kind.PART, 900, 999, 1000)));
        assertThat(ByteRange.of("bytes=-100", 1000), is(new ByteRange(Kind.PART, 900, 999, 1000)));
        assertThat(ByteRange.of("bytes=-5000", 1000), is(new ByteRange(Kind.PART, 0, 999, 1000)));
        assertThat(ByteRange.of("bytes=5-7", 1000).contentRange(), is("bytes 5-7/1000"));
        assertThat(ByteRange.of("bytes=5-7", 1000).length(), is(3L));
        assertThat(ByteRange.of("Bytes=5-7", 1000), is(new ByteRange(Kind.PART, 5, 7, 1000)));
    }

    @Test
    public void aRangeBeyondTheFileCannotBeServed() {
        assertThat(ByteRange.of("bytes=1000-", 1000).kind(), is(Kind.UNSATISFIABLE));
        assertThat(ByteRange.of("bytes=1000-", 1000).contentRange(), is("bytes */1000"));
        assertThat(ByteRange.of("bytes=-0", 1000).kind(), is(Kind.UNSATISFIABLE));
        assertThat(ByteRange.of("bytes=0-0", 0).kind(), is(Kind.UNSATISFIABLE));
    }

    @Test
    public void whatIsNotOneRangeOfBytesGetsTheWholeFile() {
        for (String header : new String[] {null, "", "bytes=", "bytes=-", "bytes=9-5", "bytes=0-1,5-9", "items=0-5",
                                           "bytes=a-b", "bytes=99999999999999999999-"}) {
            assertThat(String.valueOf(header), ByteRange.of(header, 1000).kind(), is(Kind.WHOLE));
        }
        assertThat(ByteRange.of(null, 1000).length(), is(1000L));
        assertThat(ByteRange.of("bytes=-5", 0).kind(), is(Kind.WHOLE));
    }
}
