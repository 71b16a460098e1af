-- Chuyển xử lý: a recipient agency forwards a document to one of its own leaders or specialists
-- (status 04); the person it is with now is kept on the delivery for their "assigned to me" list.
ALTER TABLE exchange_delivery ADD COLUMN assignee VARCHAR(64);
CREATE INDEX exchange_delivery_assignee_idx ON exchange_delivery (recipient_code, assignee);
