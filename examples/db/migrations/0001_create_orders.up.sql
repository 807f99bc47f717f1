CREATE TABLE customers (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE orders (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  customer_id bigint NOT NULL,  -- its foreign key comes in 0004, the safe way
  status text NOT NULL DEFAULT 'new',
  total_cents bigint NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- An index on a table created in the same migration is safe: nobody is using it yet.
-- It also serves the foreign key 0004 adds (deletes on customers look up orders by it).
CREATE INDEX orders_customer_id_idx ON orders (customer_id);
