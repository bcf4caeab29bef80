CREATE OR REPLACE FUNCTION "Sales"."Check"()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
    RETURN NEW;
END
$function$;

COMMENT ON FUNCTION "Sales"."Check"() IS 'no-op';
