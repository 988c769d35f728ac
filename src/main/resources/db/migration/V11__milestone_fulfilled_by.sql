-- A milestone may name the task that fulfils it (a task definition key of the processes, e.g.
-- user_write_result_report): when that task is completed for the Kommune, the milestone of the
-- version in force is closed (koop_milestone_closure) and its reminders stop. Null: closed by hand.
alter table koop_agreement_milestone add column fulfilled_by varchar(128);
