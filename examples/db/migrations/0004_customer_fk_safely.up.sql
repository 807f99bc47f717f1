-- The safe way to add a foreign key to a table in use: NOT VALID takes only a brief lock on
-- both tables and checks new rows from now on; 0005 validates the existing rows without
-- blocking writes.
SET lock_timeout = '5s';
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
