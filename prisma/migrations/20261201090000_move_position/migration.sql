-- The key that puts a task right after another of its owner's tasks (first
-- when after_id is NULL), read with a snapshot of its own, as first_position:
-- a move that locks the owner's row and then calls this sees the positions
-- that the moves and creates it waited for wrote, so two moves at once pick
-- different keys. NULL when after_id names no task of the owner (any more).
CREATE FUNCTION "move_position"(owner_id text, after_id uuid, moved_id uuid) RETURNS text
VOLATILE LANGUAGE sql AS $$
  WITH "after" AS (SELECT "position" FROM "task" WHERE "id" = after_id AND "user_id" = owner_id)
  SELECT "position_between"(
    (SELECT "position" FROM "after"),
    (SELECT min("position") FROM "task" WHERE "user_id" = owner_id AND "id" <> moved_id
       AND "position" > coalesce((SELECT "position" FROM "after"), '')))
  WHERE after_id IS NULL OR EXISTS (SELECT 1 FROM "after")
$$;
