-- Hand-written: fractional-indexing's generateKeyBetween (version 4, its
-- defaults: base-62 digits, integer heads A-Z a-z) in PL/pgSQL, so that a
-- create or a move picks its position in the same statement that writes it:
-- one round trip instead of a transaction that reads the neighbours first.
-- The app's own moves in JavaScript and these produce the same keys
-- (position-key.integration.test.ts compares them). Comparisons are bytewise,
-- as the "position" column is COLLATE "C".

CREATE FUNCTION "position_integer_length"(head text) RETURNS integer
IMMUTABLE STRICT LANGUAGE plpgsql AS $$
DECLARE
  i integer := strpos('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', head) - 1;
BEGIN
  IF length(head) <> 1 OR i < 0 THEN RAISE EXCEPTION 'invalid order key head: %', head; END IF;
  RETURN CASE WHEN i < 26 THEN 27 - i ELSE i - 24 END;
END $$;

CREATE FUNCTION "position_integer_part"(key text) RETURNS text
IMMUTABLE STRICT LANGUAGE plpgsql AS $$
DECLARE
  n integer := "position_integer_length"(left(key, 1));
BEGIN
  IF n > length(key) THEN RAISE EXCEPTION 'invalid order key: %', key; END IF;
  RETURN left(key, n);
END $$;

-- b may be NULL (no high bound); a is never NULL ('' for none).
CREATE FUNCTION "position_midpoint"(a text, b text) RETURNS text
IMMUTABLE LANGUAGE plpgsql AS $$
DECLARE
  digits CONSTANT text := '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  n integer := 0;
  da integer;
  db integer;
BEGIN
  IF b IS NOT NULL AND a COLLATE "C" >= b COLLATE "C" THEN RAISE EXCEPTION '% >= %', a, b; END IF;
  IF right(a, 1) = '0' OR right(b, 1) = '0' THEN RAISE EXCEPTION 'trailing zero'; END IF;
  IF b <> '' THEN
    WHILE coalesce(nullif(substr(a, n + 1, 1), ''), '0') = substr(b, n + 1, 1) LOOP
      n := n + 1;
    END LOOP;
    IF n > 0 THEN RETURN left(b, n) || "position_midpoint"(substr(a, n + 1), substr(b, n + 1)); END IF;
  END IF;
  da := CASE WHEN a = '' THEN 0 ELSE strpos(digits, left(a, 1)) - 1 END;
  -- As in JavaScript, an empty upper bound has no first digit: the test below is then false.
  db := CASE WHEN b IS NULL THEN 62 WHEN b = '' THEN NULL ELSE strpos(digits, left(b, 1)) - 1 END;
  IF db - da > 1 THEN RETURN substr(digits, (da + db + 1) / 2 + 1, 1); END IF;
  IF length(b) > 1 THEN RETURN left(b, 1); END IF;
  RETURN substr(digits, da + 1, 1) || "position_midpoint"(substr(a, 2), NULL);
END $$;

-- NULL when x is the largest (step > 0) or smallest (step < 0) integer.
CREATE FUNCTION "position_step_integer"(x text, step integer) RETURNS text
IMMUTABLE STRICT LANGUAGE plpgsql AS $$
DECLARE
  digits CONSTANT text := '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  heads CONSTANT text := 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  wrapped CONSTANT text := CASE WHEN step > 0 THEN '0' ELSE 'z' END;
  head text := left(x, 1);
  tail text := '';
  d integer;
  h integer;
  delta integer;
BEGIN
  IF length(x) <> "position_integer_length"(head) THEN
    RAISE EXCEPTION 'invalid integer part of order key: %', x;
  END IF;
  FOR i IN REVERSE length(x)..2 LOOP
    d := strpos(digits, substr(x, i, 1)) - 1 + step;
    IF d < 0 OR d > 61 THEN
      tail := wrapped || tail;
    ELSE
      RETURN head || substr(x, 2, i - 2) || substr(digits, d + 1, 1) || tail;
    END IF;
  END LOOP;
  h := strpos(heads, head) - 1 + step;
  IF h < 0 OR h > 51 THEN RETURN NULL; END IF;
  delta := "position_integer_length"(substr(heads, h + 1, 1)) - "position_integer_length"(head);
  RETURN substr(heads, h + 1, 1)
    || CASE WHEN delta > 0 THEN tail || wrapped WHEN delta < 0 THEN substr(tail, 2) ELSE tail END;
END $$;

CREATE FUNCTION "position_validate"(key text) RETURNS void
IMMUTABLE STRICT LANGUAGE plpgsql AS $$
BEGIN
  IF key = 'A' || repeat('0', 26) OR right(substr(key, length("position_integer_part"(key)) + 1), 1) = '0' THEN
    RAISE EXCEPTION 'invalid order key: %', key;
  END IF;
END $$;

-- A key strictly between a and b (either may be NULL: no bound on that side).
CREATE FUNCTION "position_between"(a text, b text) RETURNS text
IMMUTABLE LANGUAGE plpgsql AS $$
DECLARE
  low text := a;
  high text := b;
  int_a text;
  int_b text;
  stepped text;
BEGIN
  PERFORM "position_validate"(a);
  PERFORM "position_validate"(b);
  IF a COLLATE "C" > b COLLATE "C" THEN
    low := b;
    high := a;
  END IF;
  IF low IS NULL THEN
    IF high IS NULL THEN RETURN 'a0'; END IF;
    int_b := "position_integer_part"(high);
    IF int_b = 'A' || repeat('0', 26) THEN
      RETURN int_b || "position_midpoint"('', substr(high, length(int_b) + 1));
    END IF;
    IF int_b COLLATE "C" < high COLLATE "C" THEN RETURN int_b; END IF;
    stepped := "position_step_integer"(int_b, -1);
    IF stepped IS NULL THEN RAISE EXCEPTION 'cannot decrement any more'; END IF;
    RETURN stepped;
  END IF;
  int_a := "position_integer_part"(low);
  IF high IS NULL THEN
    RETURN coalesce("position_step_integer"(int_a, 1),
                    int_a || "position_midpoint"(substr(low, length(int_a) + 1), NULL));
  END IF;
  int_b := "position_integer_part"(high);
  IF int_a = int_b THEN
    RETURN int_a || "position_midpoint"(substr(low, length(int_a) + 1), substr(high, length(int_b) + 1));
  END IF;
  stepped := "position_step_integer"(int_a, 1);
  IF stepped IS NULL THEN RAISE EXCEPTION 'cannot increment any more'; END IF;
  IF stepped COLLATE "C" < high COLLATE "C" THEN RETURN stepped; END IF;
  RETURN int_a || "position_midpoint"(substr(low, length(int_a) + 1), NULL);
END $$;
