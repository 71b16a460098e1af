-- Status sync writes dossiers, steps and outbox rows by the hundred: each instance takes their ids
-- 500 at a time (the entities' allocationSize), not 50, so the threads of concurrent batches stop
-- queueing on EclipseLink's sequence lock while one of them fetches the next block. The next value
-- jumps past every id already given, so none is reused.
ALTER SEQUENCE portal_dossier_seq INCREMENT BY 500;
ALTER SEQUENCE portal_dossier_step_seq INCREMENT BY 500;
ALTER SEQUENCE portal_notification_seq INCREMENT BY 500;
