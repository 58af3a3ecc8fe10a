-- Loads customers.csv and orders.csv (run from the data directory) into typed tables with the
-- indexes the workbench's lookups and the customer card need: unique customer and order ids,
-- phone digits and their last four, email, orders by customer and date (covering the amount).
.bail on
.import --csv customers.csv customers_raw
.import --csv orders.csv orders_raw
BEGIN;
CREATE TABLE customers (
    id INTEGER PRIMARY KEY,
    customer_id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    phone TEXT, email TEXT, company TEXT, city TEXT, address TEXT, birthday TEXT, gender TEXT,
    tags TEXT, referred_by TEXT, owner TEXT, personality TEXT, interests TEXT, habits TEXT,
    preferred_channel TEXT, status TEXT, churn_reason TEXT, created_at TEXT
);
INSERT INTO customers (customer_id, name, phone, email, company, city, address, birthday,
    gender, tags, referred_by, owner, personality, interests, habits, preferred_channel, status,
    churn_reason, created_at)
SELECT customer_id, name, phone, email, company, city, address, birthday, gender, tags,
    referred_by, owner, personality, interests, habits, preferred_channel, status, churn_reason,
    created_at
FROM customers_raw;
-- One row per phone number ("a; b" lists), digits only, and the last four for callers.
CREATE TABLE phones (digits TEXT NOT NULL, last4 TEXT NOT NULL, cust INTEGER NOT NULL);
WITH RECURSIVE split(cust, one, rest) AS (
    SELECT id, '', phone || ';' FROM customers WHERE phone <> ''
    UNION ALL
    SELECT cust, trim(substr(rest, 1, instr(rest, ';') - 1)), substr(rest, instr(rest, ';') + 1)
    FROM split WHERE rest <> ''
), cleaned(cust, d) AS (
    SELECT cust, replace(replace(replace(replace(replace(replace(one, ' ', ''), '-', ''), '(', ''),
        ')', ''), '.', ''), '+', '')
    FROM split WHERE one <> ''
)
INSERT INTO phones SELECT d, substr(d, -4), cust FROM cleaned;
CREATE INDEX phones_by_last4 ON phones (last4, cust);
CREATE INDEX phones_by_digits ON phones (digits);
CREATE INDEX customers_by_email ON customers (email);
CREATE TABLE orders (
    order_id TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL,
    ordered_at TEXT NOT NULL,
    amount_cents INTEGER NOT NULL,
    items TEXT, category TEXT, channel TEXT
);
INSERT INTO orders
SELECT order_id, customer_id, ordered_at, CAST(round(CAST(amount AS REAL) * 100) AS INTEGER),
    items, category, channel
FROM orders_raw;
-- Covering: a lookup hit shows each customer's order count, total and last order.
CREATE INDEX orders_by_customer ON orders (customer_id, ordered_at, amount_cents);
DROP TABLE customers_raw;
DROP TABLE orders_raw;
COMMIT;
