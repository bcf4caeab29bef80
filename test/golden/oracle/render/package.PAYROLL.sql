CREATE OR REPLACE PACKAGE "HR"."PAYROLL" as
  procedure pay_all;
end payroll;
/

CREATE OR REPLACE PACKAGE BODY "HR"."PAYROLL" as
  procedure pay_all is
  begin
    null;
  end;
end payroll;
/
