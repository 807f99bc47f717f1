-- Data loss: the running code may still read this column.
ALTER TABLE customers DROP COLUMN created_at;
