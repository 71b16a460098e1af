-- Vote ballots and opinion-ballot answers keep one embedded signed statement (SignedStatement):
-- the same columns in both tables, so the same sizes. A vote's statement gets the answer's 6000
-- characters; nothing else changes. SET DATA TYPE keeps NOT NULL on H2 2.x and PostgreSQL alike.
ALTER TABLE cabinet_vote_ballot ALTER COLUMN statement SET DATA TYPE VARCHAR(6000);
