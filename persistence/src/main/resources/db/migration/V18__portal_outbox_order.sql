-- The outbox is read never-tried notices first (NotificationOutbox.due: attempts, then next try, then
-- id): an index in that order, so a backlog left by a dead mail server is not sorted at every read.
CREATE INDEX portal_notification_due_idx ON portal_notification (sent_at, attempts, next_try_at, id);
