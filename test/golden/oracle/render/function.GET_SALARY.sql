CREATE OR REPLACE FUNCTION "HR"."GET_SALARY"(p_employee_id in number) return number is
  v_salary number;
begin
  select salary into v_salary from employees where employee_id = p_employee_id;
  return v_salary;
end;
/
