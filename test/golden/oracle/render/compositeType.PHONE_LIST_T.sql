CREATE OR REPLACE TYPE "HR"."PHONE_LIST_T" as varray(5) of varchar2(20);
/
