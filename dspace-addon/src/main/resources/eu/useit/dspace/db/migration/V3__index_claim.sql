-- One row, locked (SELECT ... FOR UPDATE) by the process that writes the OAI-PMH index from the database's state:
-- several web nodes and commands share one database, and two of them writing the same item at once could leave its
-- older state last. The lock is held in a transaction of its own and goes with the connection if the process dies.
CREATE TABLE useit_index_claim (
    id INTEGER PRIMARY KEY
);
INSERT INTO useit_index_claim (id) VALUES (1);
