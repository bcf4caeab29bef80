CREATE SEQUENCE "My Schema"."Order_id_seq"
    AS integer
    NO CYCLE;

ALTER SEQUENCE "My Schema"."Order_id_seq" OWNED BY "My Schema"."Order".id;
