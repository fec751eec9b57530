/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The terms of every resumption token a web node issues: the secret that signs it, how long it stays valid, and
 * the clock both are read by. The same for every request; what differs by request is in {@link ResumptionTokens}.
 *
 * @param key      the signing secret ({@link TokenKey}), copied
 * @param validity how long a token stays valid
 * @param clock    the clock
 */
public record TokenTerms(byte[] key, Duration validity, Clock clock) {

    /**
     * Keeps its own copy of the key.
     */
    public TokenTerms {
        key = key.clone();
    }

    /**
     * @return a copy of the signing secret (the terms keep theirs)
     */
    @Override
    public byte[] key() {
        return key.clone();
    }

    /**
     * @return the moment now
     */
    Instant now() {
        return clock.instant();
    }
}
