CREATE OR REPLACE VIEW "HR"."EMP_DETAILS" ("EMPLOYEE_ID", "FULL_NAME", "DEPARTMENT_NAME") AS
SELECT e.employee_id, e.first_name || ' ' || e.last_name AS full_name, d.department_name
  FROM employees e
  LEFT JOIN departments d ON d.department_id = e.department_id
WITH READ ONLY;

COMMENT ON TABLE "HR"."EMP_DETAILS" IS 'One row per employee';

COMMENT ON COLUMN "HR"."EMP_DETAILS"."FULL_NAME" IS 'First and last name';

CREATE OR REPLACE TRIGGER "HR"."EMP_DETAILS_IO" instead of delete on emp_details for each row
begin
  delete from employees where employee_id = :old.employee_id;
end;
/
