CREATE OR REPLACE PROCEDURE app.archive(IN before date, INOUT moved integer)
 LANGUAGE plpgsql
AS $procedure$
BEGIN
    moved := 0;
END
$procedure$;

COMMENT ON PROCEDURE app.archive(date, integer) IS 'move old orders away';
