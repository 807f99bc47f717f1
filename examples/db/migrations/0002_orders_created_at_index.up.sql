-- Blocks every write to orders while the index builds.
CREATE INDEX orders_created_at_idx ON orders (created_at);
