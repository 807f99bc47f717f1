SET lock_timeout = '5s';

-- Fails on a table that has rows, and would need a full scan under an exclusive lock.
ALTER TABLE orders ADD COLUMN shipping_country text NOT NULL;

-- Rewrites the whole table: the default is volatile.
ALTER TABLE orders ADD COLUMN tracking_id uuid DEFAULT gen_random_uuid();

-- Rewrites the table and all its indexes under ACCESS EXCLUSIVE.
ALTER TABLE orders ALTER COLUMN total_cents TYPE numeric(12, 2);
