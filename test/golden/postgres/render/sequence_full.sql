CREATE SEQUENCE app.order_no_seq
    AS bigint
    START WITH 100
    INCREMENT BY -1
    MINVALUE -9223372036854775808
    MAXVALUE 100
    CACHE 10
    CYCLE;

COMMENT ON SEQUENCE app.order_no_seq IS 'order numbers';

ALTER SEQUENCE app.order_no_seq OWNED BY app.orders.order_no;
