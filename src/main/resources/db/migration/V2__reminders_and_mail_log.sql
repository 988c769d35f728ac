-- Every reminder, digest and invitation that was decided on. The unique key makes each one
-- happen once: a changed due date is a new due_at and so a new reminder.
create table koop_reminder (
    id              varchar(64)  primary key,
    subject_type    varchar(16)  not null,
    subject_id      varchar(128) not null,
    kind            varchar(16)  not null,
    due_at          timestamp    not null,
    municipality_id varchar(64),
    scheduled_at    timestamp    not null,
    status          varchar(16)  not null,
    sent_at         timestamp,
    constraint uq_koop_reminder unique (subject_type, subject_id, kind, due_at)
);

-- What left the application by mail: the "Postausgang" page reads it.
create table koop_mail_log (
    id              varchar(64)   primary key,
    reminder_id     varchar(64),
    sent_at         timestamp     not null,
    recipients      varchar(4000) not null,
    subject         varchar(1000) not null,
    kind            varchar(16)   not null,
    municipality_id varchar(64)
);
create index ix_koop_mail_log_sent_at on koop_mail_log (sent_at);

-- Meetings with an invitation: the uid stays, the sequence counts the updates (iCalendar).
create table koop_meeting (
    uid             varchar(200)  primary key,
    sequence_number integer       not null,
    starts_at       timestamp     not null,
    duration_min    integer       not null,
    summary         varchar(500)  not null,
    location        varchar(500),
    attendees       varchar(4000) not null,
    municipality_id varchar(64)
);
