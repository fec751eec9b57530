/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.casestudy;

import com.ibm.icu.text.SpoofChecker;

/**
 * Letters of other scripts that a reader cannot tell from Latin ones: a Cyrillic "Т" or "о", a Greek "Ν". Unicode's
 * confusables data (through ICU, which DSpace ships) gives each character its prototype; a character whose
 * prototype is plain ASCII reads as that ASCII text.
 */
final class LookAlikes {

    private static final SpoofChecker CONFUSABLES = new SpoofChecker.Builder().build();

    private LookAlikes() {
    }

    /**
     * @param text some text
     * @return the text as a reader of Latin letters reads it: each character that only looks like ASCII replaced
     *     by the ASCII it looks like; every other character as it is
     */
    static String asAscii(String text) {
        StringBuilder read = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            String own = Character.toString(c);
            String prototype = c < 0x80 ? own : CONFUSABLES.getSkeleton(own);
            read.append(prototype.chars().allMatch(p -> p < 0x80) ? prototype : own);
        });
        return read.toString();
    }
}
