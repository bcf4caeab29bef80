CREATE SEQUENCE shop.invoice_number
    START WITH 1000;
