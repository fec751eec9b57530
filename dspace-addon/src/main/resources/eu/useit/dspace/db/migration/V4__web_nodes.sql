-- The web nodes serving OAI-PMH from this database, each with a check value of its resumption token secret (an
-- HMAC of a fixed text, which does not reveal the secret) and when it was last seen (milliseconds since 1970), so
-- that a node with another secret is refused while the others run.
CREATE TABLE useit_web_node (
    node      VARCHAR(400) PRIMARY KEY,
    key_check VARCHAR(64)  NOT NULL,
    seen_at   BIGINT       NOT NULL
);
