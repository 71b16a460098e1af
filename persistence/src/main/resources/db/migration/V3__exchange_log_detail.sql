-- A send is one log entry that names every recipient (up to egov.exchange.max-recipients, 200 by
-- default), so the detail must hold a few thousand characters without losing any of them.
ALTER TABLE exchange_log ALTER COLUMN detail SET DATA TYPE VARCHAR(8000);
