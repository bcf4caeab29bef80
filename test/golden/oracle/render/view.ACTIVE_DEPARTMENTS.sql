CREATE OR REPLACE VIEW "HR"."ACTIVE_DEPARTMENTS" ("DEPARTMENT_ID") AS
select department_id from departments
 where department_id in (select department_id from employees)
WITH CHECK OPTION;
