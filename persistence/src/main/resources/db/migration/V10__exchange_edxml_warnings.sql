-- Documents from real edXML clients: the format warnings recorded when one arrived (codes separated
-- by spaces, null when none), and room for the longer CodeNumbers and free-text notations they send.
-- SET DATA TYPE keeps NOT NULL on H2 2.x and PostgreSQL alike.
ALTER TABLE exchange_document ADD COLUMN warnings VARCHAR(300);
ALTER TABLE exchange_document ALTER COLUMN code_number SET DATA TYPE VARCHAR(50);
ALTER TABLE exchange_document ALTER COLUMN code_notation SET DATA TYPE VARCHAR(100);
