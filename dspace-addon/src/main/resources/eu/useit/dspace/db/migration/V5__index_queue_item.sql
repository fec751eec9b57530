-- An item's rows are read together when its indexing fails (the count of its failures so far): by item.
CREATE INDEX useit_index_queue_item ON useit_index_queue (item_id);
