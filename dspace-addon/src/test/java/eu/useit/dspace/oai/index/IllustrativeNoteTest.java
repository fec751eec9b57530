/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai.index;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import org.junit.Test;

/**
 * The configured note always starts as the crosswalks that have room for one description look for it. (The note in
 * every format: {@code OaiValidityIT}.)
 */
public class IllustrativeNoteTest {

    @Test
    public void aNoteWordedDifferentlyStillSaysWhatItIs() {
        assertThat(new IllustrativeNote("Invented for a training session.").text(),
                   is("Illustrative record: Invented for a training session."));
        assertThat(new IllustrativeNote("Illustrative record, made up.").text(), is("Illustrative record, made up."));
        assertThat(new IllustrativeNote("  ").text(), is(IllustrativeNote.DEFAULT));
    }
}
