CREATE TABLE "Sales"."Order" (
    "user" integer NOT NULL,
    "Total" numeric(12,2),
    "say ""hi""" text COLLATE "en-x-icu",
    "order" "Sales"."Status" DEFAULT 'new'::"Sales"."Status",
    "$weird" text,
    snake_case_ok text,
    CONSTRAINT "Order_pkey" PRIMARY KEY ("user"),
    CONSTRAINT "Order ""uq""" UNIQUE ("say ""hi""", "Total"),
    CONSTRAINT "select" CHECK (("Total" > (0)::numeric)),
    CONSTRAINT "Order_user_fkey" FOREIGN KEY ("user") REFERENCES public."user"(id) ON DELETE CASCADE
);

CREATE INDEX "Order Total" ON "Sales"."Order" USING btree ("Total");

CREATE TRIGGER "Order Trigger" BEFORE INSERT ON "Sales"."Order" FOR EACH STATEMENT EXECUTE FUNCTION "Sales"."Check"();

COMMENT ON TABLE "Sales"."Order" IS 'It''s the "Order" table; O''Reilly said so';

COMMENT ON COLUMN "Sales"."Order"."user" IS 'reserved word "user"';

COMMENT ON COLUMN "Sales"."Order"."say ""hi""" IS 'quote''s';

COMMENT ON CONSTRAINT "select" ON "Sales"."Order" IS 'a "check"';

COMMENT ON INDEX "Sales"."Order Total" IS 'index''s comment';

COMMENT ON TRIGGER "Order Trigger" ON "Sales"."Order" IS 'trigger "quoted"';
