-- The first key of a user's manual order, read with a snapshot of its own.
-- VOLATILE: under READ COMMITTED each call sees every transaction committed
-- before it, not only those committed before the calling statement began. A
-- create that locks the owner's row and then calls this sees the tasks of the
-- creates it waited for, so two creates at once pick different keys.
CREATE FUNCTION "first_position"(owner_id text) RETURNS text
VOLATILE LANGUAGE sql AS $$
  SELECT min("position") FROM "task" WHERE "user_id" = owner_id
$$;
