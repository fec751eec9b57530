-- OAI-PMH tombstones: what stays of a record harvesters saw and that is no longer public (eu.useit.dspace.oai.index).
-- Versions before this migration made the table on first use, with the same columns: kept as it is.
CREATE TABLE IF NOT EXISTS useit_oai_tombstone (
    item_id     VARCHAR(36)   PRIMARY KEY,
    handle      VARCHAR(256)  NOT NULL,
    deleted_at  TIMESTAMP     NOT NULL,
    collections VARCHAR(4000),
    communities VARCHAR(4000),
    compiled    TEXT
);
