/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.pages;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import org.junit.Test;

/**
 * The file name the download's Content-Disposition header carries.
 */
public class FileDownloadsTest {

    @Test
    public void aNameOfUpToTheLimitIsKeptAsItIs() {
        String name = "a".repeat(FileDownloads.HEADER_NAME - 4) + ".pdf";
        assertThat(FileDownloads.headerName(name), is(name));
        assertThat(FileDownloads.headerName("Project journal 2.pdf"), is("Project journal 2.pdf"));
    }

    @Test
    public void aLongerNameIsShortenedToTheLimitKeepingItsExtension() {
        String shortened = FileDownloads.headerName("Ü".repeat(1500) + ".pdf");
        assertThat(shortened, is("Ü".repeat(FileDownloads.HEADER_NAME - 4) + ".pdf"));
        // no extension (or one too long to be one): just the first characters
        assertThat(FileDownloads.headerName("x".repeat(500)), is("x".repeat(FileDownloads.HEADER_NAME)));
        assertThat(FileDownloads.headerName("x".repeat(300) + ".notanextension"),
                   is("x".repeat(FileDownloads.HEADER_NAME)));
    }

    @Test
    public void aCharacterOutsideTheBasicPlaneIsNeverCutInHalf() {
        String emoji = "\uD83D\uDCC4";
        String shortened = FileDownloads.headerName(emoji.repeat(200) + ".txt");
        assertThat(shortened.codePointCount(0, shortened.length()), is(FileDownloads.HEADER_NAME));
        assertThat(shortened, startsWith(emoji));
        assertThat(shortened, endsWith(emoji + ".txt"));
    }

    @Test
    public void quotesBackslashesAndControlCharactersDoNotReachTheHeader() {
        assertThat(FileDownloads.headerName("a\".pdf"), is("a_.pdf"));
        assertThat(FileDownloads.headerName("a\\b\r\nc.pdf"), is("a_b__c.pdf"));
    }
}
