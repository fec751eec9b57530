/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.tests.support;

import java.security.SecureRandom;

/**
 * Random words for what tests make: markers a search finds only in one test's items (letters only, since a search
 * engine splits words at digits), e-mail addresses and passwords.
 */
public final class Words {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Words() {
    }

    /**
     * @param count how many letters
     * @return that many random lower-case letters
     */
    public static String letters(int count) {
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < count; i++) {
            letters.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return letters.toString();
    }
}
