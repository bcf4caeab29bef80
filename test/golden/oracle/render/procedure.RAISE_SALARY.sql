CREATE OR REPLACE PROCEDURE "HR"."RAISE_SALARY" (p_employee_id IN NUMBER, p_pct IN NUMBER DEFAULT 5) AS
BEGIN
  UPDATE employees SET salary = salary * (1 + p_pct / 100) WHERE employee_id = p_employee_id;
END raise_salary;
/
