ALTER TABLE orders ALTER COLUMN total_cents TYPE bigint;
ALTER TABLE orders DROP COLUMN shipping_country;
