-- Constraint states: a check and a foreign key NOT VALID in the source, validated in the target;
-- a PostgreSQL 18 NOT ENFORCED check constraint.
-- expect: Edit Table public.transfers
-- source
CREATE TABLE public.banks (id integer PRIMARY KEY);
CREATE TABLE public.transfers (id integer, bank_id integer, amount numeric, fee numeric);
ALTER TABLE public.transfers ADD CONSTRAINT transfers_amount_check CHECK (amount > 0::numeric) NOT VALID;
ALTER TABLE public.transfers ADD CONSTRAINT transfers_bank_fk FOREIGN KEY (bank_id) REFERENCES public.banks (id) NOT VALID;
ALTER TABLE public.transfers ADD CONSTRAINT transfers_fee_check CHECK (fee >= 0::numeric) NOT ENFORCED;
-- target
CREATE TABLE public.banks (id integer PRIMARY KEY);
CREATE TABLE public.transfers (id integer, bank_id integer, amount numeric, fee numeric);
ALTER TABLE public.transfers ADD CONSTRAINT transfers_amount_check CHECK (amount > 0::numeric);
ALTER TABLE public.transfers ADD CONSTRAINT transfers_bank_fk FOREIGN KEY (bank_id) REFERENCES public.banks (id);
ALTER TABLE public.transfers ADD CONSTRAINT transfers_fee_check CHECK (fee >= 0::numeric);
