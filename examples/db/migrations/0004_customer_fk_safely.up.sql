-- The safe way: add the constraint without checking existing rows (brief lock),
-- then validate it without blocking writes.
SET lock_timeout = '5s';
ALTER TABLE orders ADD CONSTRAINT orders_status_check CHECK (status IN ('new', 'paid', 'shipped')) NOT VALID;
