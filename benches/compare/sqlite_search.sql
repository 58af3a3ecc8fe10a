-- The name indexes SQLite needs for the workbench's name lookups: FTS5 with prefix indexes
-- (word prefixes, Chinese names as one token), and a single-deletion variant table for
-- one-typo matches (the same SymSpell idea `loyal` uses; SQLite has no edit distance built in).
.bail on
BEGIN;
CREATE VIRTUAL TABLE name_fts USING fts5(name, content = 'customers', content_rowid = 'id',
    prefix = '1 2 3');
INSERT INTO name_fts (name_fts) VALUES ('rebuild');
CREATE TABLE name_variants (variant TEXT NOT NULL, cust INTEGER NOT NULL,
    PRIMARY KEY (variant, cust)) WITHOUT ROWID;
WITH RECURSIVE words(cust, word, rest) AS (
    SELECT id, '', lower(name) || ' ' FROM customers
    UNION ALL
    SELECT cust, substr(rest, 1, instr(rest, ' ') - 1), substr(rest, instr(rest, ' ') + 1)
    FROM words WHERE rest <> ''
), long_words(cust, word) AS (
    SELECT cust, word FROM words WHERE length(word) >= 3
), positions(cust, word, i) AS (
    SELECT cust, word, 0 FROM long_words
    UNION ALL
    SELECT cust, word, i + 1 FROM positions WHERE i < length(word)
)
INSERT OR IGNORE INTO name_variants
SELECT CASE WHEN i = 0 THEN word ELSE substr(word, 1, i - 1) || substr(word, i + 1) END, cust
FROM positions;
COMMIT;
